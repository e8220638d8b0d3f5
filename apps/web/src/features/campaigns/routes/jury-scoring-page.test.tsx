import { screen } from '@testing-library/react'
import type { Campaign } from '@unionhall/contracts'
import { MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { i18n } from '../../../lib/i18n'
import { makeSession, renderWithProviders } from '../../../test/render'
import { Component as JuryScoringPage } from './jury-scoring-page'

const CAMPAIGN_ID = '01a2270b-9000-7000-8000-000000000001'

const period = (from: string, to: string) => ({
  startsAt: `${from}T00:00:00.000Z`,
  endsAt: `${to}T23:59:59.999Z`,
})

const campaign: Campaign = {
  id: CAMPAIGN_ID,
  orgId: '01a2270b-7d6a-7c12-abf4-7ce3e28e9562',
  orgName: '甘肃省总工会',
  parentCampaignId: null,
  name: '2027 年度陇原工匠评选',
  honourTitle: '陇原工匠',
  year: 2027,
  description: '',
  coverImageUrl: null,
  phase: 'jury',
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
    votesPerDay: 3,
    maxPerCandidatePerDay: 1,
    maxChoicesPerBallot: 2,
    hours: null,
    sealed: false,
    weights: { publicVote: 0.6, jury: 0.4 },
  },
  rulesLockedAt: null,
  quotas: { minFrontLineShare: 0 },
  rubric: [{ key: 'skill', label: '技能水平', maxScore: 100 }],
  categories: [
    { id: '01a2270b-9000-7000-8000-0000000000c1', name: '技能工匠', honourCount: 1, sort: 0 },
  ],
  createdAt: '2027-02-01T00:00:00.000Z',
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

const juryCandidates = {
  campaignId: CAMPAIGN_ID,
  phase: 'jury',
  rubric: [{ key: 'skill', label: '技能水平', maxScore: 100 }],
  items: [
    {
      id: '01a2270b-9000-7000-8000-0000000000a1',
      categoryId: '01a2270b-9000-7000-8000-0000000000c1',
      categoryName: '技能工匠',
      number: 1,
      name: '陈志远',
      employerName: '兰州市总工会',
      trade: '焊工',
      isFrontLine: true,
      story: '',
      achievements: '扎根焊接一线二十一年。',
      photoUrls: [],
      videoUrl: null,
      myScores: null,
      myTotal: null,
      myComment: null,
    },
  ],
}

/** The juror's candidates load; the campaign itself answers `answer`. */
const serve = (answer: () => Response) =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) =>
      url.includes('/jury/candidates') ? json(juryCandidates) : answer(),
    ),
  )

const renderPage = () =>
  renderWithProviders(
    <MemoryRouter initialEntries={[`/campaigns/${CAMPAIGN_ID}/jury`]}>
      <Routes>
        <Route path="/campaigns/:campaignId/jury" element={<JuryScoringPage />} />
      </Routes>
    </MemoryRouter>,
    // A role at the member's own org, e.g. staff of 兰州市总工会 named as juror of a 甘肃 campaign.
    makeSession(['campaign:read']),
  )

const SLOW = { timeout: 15_000 }

describe('jury scoring page', { timeout: 60_000 }, () => {
  afterEach(async () => {
    vi.unstubAllGlobals()
    await i18n.changeLanguage('zh-CN')
  })

  it('counts the candidates in the right number in English', async () => {
    await i18n.changeLanguage('en')
    serve(() =>
      json({ error: { code: 'ACCESS_DENIED', message: 'Missing campaign:read here' } }, 403),
    )
    renderPage()
    expect(await screen.findByText('0 of 1 candidate scored', {}, SLOW)).toBeTruthy()
  })

  it('leads a juror who may not read the campaign back home, not to a "no permission" page', async () => {
    serve(() =>
      json({ error: { code: 'ACCESS_DENIED', message: 'Missing campaign:read here' } }, 403),
    )
    renderPage()
    await screen.findByRole('heading', { level: 2, name: '1 陈志远' }, SLOW)
    expect((await screen.findByRole('link', { name: '首页' }, SLOW)).getAttribute('href')).toBe('/')
    expect(screen.queryByRole('link', { name: '评选活动' })).toBeNull()
  })

  it('leads a juror who sees the campaign only as a reviewer of their nominees back home', async () => {
    const viewer = { permissions: ['campaign:review'], reviewsNominations: true, reviewOnly: true }
    serve(() => json({ ...campaign, viewer }))
    renderPage()
    await screen.findByRole('heading', { level: 2, name: '1 陈志远' }, SLOW)
    expect((await screen.findByRole('link', { name: '首页' }, SLOW)).getAttribute('href')).toBe('/')
    expect(screen.queryByRole('link', { name: '评选活动' })).toBeNull()
  })

  it('leads staff who may read the campaign back to its jury tab', async () => {
    const viewer = { permissions: ['campaign:read'], reviewsNominations: true, reviewOnly: false }
    serve(() => json({ ...campaign, viewer }))
    renderPage()
    const link = await screen.findByRole('link', { name: '2027 年度陇原工匠评选' }, SLOW)
    expect(link.getAttribute('href')).toBe(`/campaigns/${CAMPAIGN_ID}?tab=jury`)
    expect(screen.getByRole('link', { name: '评选活动' })).toBeTruthy()
  })
})
