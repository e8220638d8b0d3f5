import { screen, within } from '@testing-library/react'
import type { Campaign, CampaignViewer, Permission } from '@unionhall/contracts'
import { MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { makeSession, renderWithProviders } from '../../../test/render'
import { fakeServer, nomination, page } from '../components/nominations.test-fixtures'
import { Component as CampaignDetailPage } from './campaign-detail-page'

const STAFF: Permission[] = [
  'campaign:read',
  'campaign:manage',
  'campaign:review',
  'campaign:fraud-review',
]
const period = (from: string, to: string) => ({
  startsAt: `${from}T00:00:00.000Z`,
  endsAt: `${to}T23:59:59.999Z`,
})
const campaign: Campaign = {
  id: '01a2270b-9000-7000-8000-0000000000a1',
  orgId: '01a2270b-7d6a-7c12-abf4-7ce3e28e9562',
  orgName: '甘肃省总工会',
  parentCampaignId: null,
  name: '2027 年度陇原工匠评选',
  honourTitle: '陇原工匠',
  year: 2027,
  description: '',
  coverImageUrl: null,
  phase: 'nomination',
  phaseMode: 'manual',
  schedule: {
    nomination: period('2027-03-01', '2027-03-31'),
    review: period('2027-04-01', '2027-04-10'),
    publicity: period('2027-04-11', '2027-04-17'),
    voting: period('2027-04-18', '2027-04-30'),
    jury: period('2027-05-01', '2027-05-07'),
    result_publicity: period('2027-05-08', '2027-05-14'),
  },
  rules: {
    eligibility: 'members',
    votesPerDay: 10,
    maxPerCandidatePerDay: 1,
    maxChoicesPerBallot: 10,
    hours: null,
    sealed: true,
    weights: { publicVote: 0.6, jury: 0.4 },
  },
  rulesLockedAt: null,
  quotas: { minFrontLineShare: 0.5 },
  rubric: [{ key: 'item_1', label: '技能水平', maxScore: 100 }],
  categories: [
    { id: '01a2270b-9000-7000-8000-0000000000c1', name: '技能类', honourCount: 2, sort: 0 },
  ],
  createdAt: '2027-02-01T00:00:00.000Z',
}

// A wide screen: the page shows its sections as tabs (on a phone, as a picker).
const realMatchMedia = window.matchMedia.bind(window)
beforeEach(() => {
  window.matchMedia = (query: string): MediaQueryList => ({
    ...realMatchMedia(query),
    matches: query.includes('min-width'),
  })
})
afterEach(() => {
  window.matchMedia = realMatchMedia
  vi.unstubAllGlobals()
})

const renderPage = (viewer: CampaignViewer) => {
  const server = fakeServer({
    [`GET /api/v1/campaigns/${campaign.id}`]: { ...campaign, viewer },
    [`GET /api/v1/campaigns/${campaign.id}/nominations`]: page([nomination()]),
  })
  vi.stubGlobal('fetch', server.fetchMock)
  renderWithProviders(
    <MemoryRouter initialEntries={[`/campaigns/${campaign.id}?tab=nominations`]}>
      <Routes>
        <Route path="/campaigns/:campaignId" element={<CampaignDetailPage />} />
      </Routes>
    </MemoryRouter>,
    // A sub-org's staff hold every campaign permission at their own org.
    makeSession(STAFF),
  )
  return server
}

const tabNames = async () => {
  const list = await screen.findByRole('tablist', {}, { timeout: 15_000 })
  return within(list)
    .getAllByRole('tab')
    .map((tab) => tab.textContent)
}

describe('campaign detail page', { timeout: 60_000 }, () => {
  it('opens for a sub-org reviewer read-only: overview and their nominations, nothing else', async () => {
    const { calls } = renderPage({ permissions: [], reviewsNominations: true, reviewOnly: true })

    expect(await tabNames()).toEqual(['概览', '推荐审核'])
    expect(await screen.findByText(/您审核本单位范围内的推荐/)).toBeTruthy()
    // Their nominations load in the review tab they asked for.
    expect(await screen.findByRole('button', { name: '李秀兰' }, { timeout: 15_000 })).toBeTruthy()
    expect(screen.queryByRole('button', { name: /编辑/ })).toBeNull()
    // Nothing of the parent's they may not read is even asked for.
    const paths = calls.map((c) => c.path)
    for (const part of ['/children', '/leaderboard', '/results', '/jurors', '/quota-check'])
      expect(paths.some((p) => p.endsWith(part))).toBe(false)
  })

  it('shows the overview without the phase controls to such a reviewer', async () => {
    renderPage({ permissions: [], reviewsNominations: true, reviewOnly: true })
    await tabNames()
    screen.getByRole('tab', { name: '概览' }).click()
    expect(await screen.findByTestId('phase-timeline')).toBeTruthy()
    expect(screen.queryByRole('button', { name: /进入/ })).toBeNull()
  })

  it('gives the campaign org’s staff every tab and the edit button', async () => {
    renderPage({ permissions: STAFF, reviewsNominations: true, reviewOnly: false })

    expect(await tabNames()).toEqual([
      '概览',
      '子评选',
      '推荐审核',
      '名额核查',
      '候选人',
      '异议处理',
      '刷票审查',
      '专家评审',
      '结果与统计',
    ])
    expect(screen.getByRole('button', { name: /编辑/ })).toBeTruthy()
    expect(screen.queryByText(/您审核本单位范围内的推荐/)).toBeNull()
  })
})
