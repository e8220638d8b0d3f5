import { render, screen } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { Campaign, Session } from '@unionhall/contracts'
import type { ComponentType } from 'react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { StaticSessionProvider } from '../../../lib/session'
import { UiPrefsProvider } from '../../../lib/ui-prefs'
import { Component as CampaignHomePage } from './campaign-home-page'
import { Component as NominatePage } from './nominate-page'

const CAMPAIGN_ID = '00000000-0000-7000-8000-0000000000aa'
const period = (s: string, e: string) => ({ startsAt: s, endsAt: e })
const campaign: Campaign = {
  id: CAMPAIGN_ID,
  orgId: '00000000-0000-7000-8000-0000000000ab',
  orgName: '甘肃省总工会',
  parentCampaignId: null,
  name: '陇原工匠评选',
  honourTitle: '陇原工匠',
  year: 2030,
  description: '',
  coverImageUrl: null,
  phase: 'nomination',
  phaseMode: 'manual',
  schedule: {
    nomination: period('2030-04-01T00:00:00.000Z', '2030-04-10T00:00:00.000Z'),
    review: period('2030-04-10T00:00:00.000Z', '2030-04-20T00:00:00.000Z'),
    publicity: period('2030-04-20T00:00:00.000Z', '2030-05-01T00:00:00.000Z'),
    voting: period('2030-05-01T00:00:00.000Z', '2030-05-20T14:00:00.000Z'),
    jury: period('2030-05-21T00:00:00.000Z', '2030-05-25T00:00:00.000Z'),
    result_publicity: period('2030-05-25T00:00:00.000Z', '2030-06-01T00:00:00.000Z'),
  },
  rules: {
    eligibility: 'members',
    votesPerDay: 3,
    maxPerCandidatePerDay: 1,
    maxChoicesPerBallot: 3,
    hours: null,
    sealed: false,
    weights: { publicVote: 1, jury: 0 },
  },
  rulesLockedAt: null,
  quotas: { minFrontLineShare: 0 },
  rubric: [],
  categories: [
    { id: '00000000-0000-7000-8000-0000000000bb', name: '技能类', honourCount: 2, sort: 0 },
  ],
  createdAt: '2030-03-01T00:00:00.000Z',
}

// A worker of 深圳 signed in on a 甘肃 campaign.
const shenzhenWorker: Session = {
  member: {
    id: '00000000-0000-7000-8000-0000000000c1',
    name: '陈师傅',
    orgId: '00000000-0000-7000-8000-0000000000c9',
    orgName: '深圳市总工会',
  },
  grants: [],
  csrfToken: 'token',
  expiresAt: '2040-01-01T00:00:00.000Z',
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

const stubServer = (eligibleToNominate: boolean) => {
  const asked: string[] = []
  const fetchMock = vi.fn((url: string) => {
    const path = new URL(url, 'http://localhost').pathname
    asked.push(path)
    const base = `/api/v1/public/campaigns/${CAMPAIGN_ID}`
    if (path === base) return Promise.resolve(json(campaign))
    if (path === `${base}/nomination-eligibility`)
      return Promise.resolve(json({ eligibleToNominate }))
    if (path === `${base}/nominations/mine`) return Promise.resolve(json([]))
    return Promise.resolve(json({ error: { code: 'NOT_FOUND', message: 'not found' } }, 404))
  })
  vi.stubGlobal('fetch', fetchMock)
  return asked
}

const renderAt = (path: string, Page: ComponentType) =>
  render(
    <QueryClientProvider
      client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}
    >
      <UiPrefsProvider>
        <StaticSessionProvider session={shenzhenWorker}>
          <MemoryRouter initialEntries={[path]}>
            <Routes>
              <Route path="/c/:campaignId" element={<Page />} />
              <Route path="/c/:campaignId/nominate" element={<Page />} />
            </Routes>
          </MemoryRouter>
        </StaticSessionProvider>
      </UiPrefsProvider>
    </QueryClientProvider>,
  )

const NOT_ELIGIBLE = /本评选只接受甘肃省总工会范围内会员的推荐。您所在的深圳市总工会不在其中/

describe('nominating from outside the campaign’s unions', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('says so on the nominate page before the form, and shows no form', async () => {
    const asked = stubServer(false)
    renderAt(`/c/${CAMPAIGN_ID}/nominate`, NominatePage)

    expect(await screen.findByText(NOT_ELIGIBLE)).toBeTruthy()
    expect(screen.queryByRole('button', { name: '提交提名' })).toBeNull()
    expect(screen.queryByText(/推荐身边的陇原工匠候选人/)).toBeNull()
    expect(asked).toContain(`/api/v1/public/campaigns/${CAMPAIGN_ID}/nomination-eligibility`)
  })

  it('shows the form to a member who may nominate', async () => {
    stubServer(true)
    renderAt(`/c/${CAMPAIGN_ID}/nominate`, NominatePage)

    expect(await screen.findByRole('button', { name: '提交提名' })).toBeTruthy()
    expect(screen.queryByText(NOT_ELIGIBLE)).toBeNull()
  })

  it('does not offer 我要提名 on the campaign home, and says why', async () => {
    stubServer(false)
    renderAt(`/c/${CAMPAIGN_ID}`, CampaignHomePage)

    expect(await screen.findByText(NOT_ELIGIBLE)).toBeTruthy()
    expect(screen.queryByRole('link', { name: '我要提名' })).toBeNull()
  })

  it('offers 我要提名 on the home to a member who may nominate', async () => {
    stubServer(true)
    renderAt(`/c/${CAMPAIGN_ID}`, CampaignHomePage)

    expect(await screen.findByRole('link', { name: '我要提名' })).toBeTruthy()
  })
})
