import { render, waitFor } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type {
  BallotReceipt,
  Campaign,
  Candidate,
  CandidateProfile,
  Session,
} from '@unionhall/contracts'
import type { ComponentType } from 'react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { expect, vi } from 'vitest'
import { StaticSessionProvider } from '../../../lib/session'
import { UiPrefsProvider } from '../../../lib/ui-prefs'
import { publicCampaignKeys } from '../api/public-campaigns-api'

/**
 * Fixtures of the candidate list and profile page tests: a members-only campaign open for
 * voting (3 votes a day, 1 per candidate), its candidates, my receipts and a fake server.
 */

export const CAMPAIGN_ID = '00000000-0000-7000-8000-0000000000aa'
const CATEGORY_ID = '00000000-0000-7000-8000-0000000000bb'
export const candidateId = (n: number) => `00000000-0000-7000-8000-00000000000${n}`
const period = (s: string, e: string) => ({ startsAt: s, endsAt: e })

const campaign: Campaign = {
  id: CAMPAIGN_ID,
  orgId: '00000000-0000-7000-8000-0000000000ab',
  orgName: '甘肃省总工会',
  parentCampaignId: null,
  name: '陇原工匠评选',
  honourTitle: '陇原工匠',
  year: 2026,
  description: '',
  coverImageUrl: null,
  phase: 'voting',
  // Manual phases and no hours: voting is open whenever the test runs.
  phaseMode: 'manual',
  schedule: {
    nomination: period('2026-04-01T00:00:00.000Z', '2026-04-10T00:00:00.000Z'),
    review: period('2026-04-10T00:00:00.000Z', '2026-04-20T00:00:00.000Z'),
    publicity: period('2026-04-20T00:00:00.000Z', '2026-05-01T00:00:00.000Z'),
    voting: period('2026-05-01T00:00:00.000Z', '2026-05-20T14:00:00.000Z'),
    jury: period('2026-05-21T00:00:00.000Z', '2026-05-25T00:00:00.000Z'),
    result_publicity: period('2026-05-25T00:00:00.000Z', '2026-06-01T00:00:00.000Z'),
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
  categories: [],
  createdAt: '2026-03-01T00:00:00.000Z',
}

const candidate = (n: number): Candidate => ({
  id: candidateId(n),
  campaignId: CAMPAIGN_ID,
  categoryId: CATEGORY_ID,
  number: n,
  name: `候选人${n}`,
  employerName: '兰州石化',
  trade: '焊工',
  isFrontLine: true,
  story: '',
  achievements: '多年扎根一线',
  photoUrls: [],
  videoUrl: null,
  status: 'active',
  votes: null,
})

const profile = (n: number): CandidateProfile => ({
  ...candidate(n),
  categoryName: '技能类',
  campaignName: campaign.name,
  honourTitle: campaign.honourTitle,
  shareUrl: `/c/${CAMPAIGN_ID}/candidates/${candidateId(n)}`,
  posterUrl: `/api/v1/public/campaigns/${CAMPAIGN_ID}/candidates/${candidateId(n)}/poster.svg`,
})

/** A ballot I cast a moment ago (today, in Beijing days) for these candidates. */
export const ballotToday = (...ns: number[]): BallotReceipt => ({
  receiptCode: `R${ns.join('')}`,
  campaignId: CAMPAIGN_ID,
  castAt: new Date().toISOString(),
  status: 'counted',
  candidates: ns.map((n) => ({ id: candidateId(n), name: `候选人${n}` })),
})

export const member: Session = {
  member: {
    id: '00000000-0000-7000-8000-0000000000c1',
    name: '张师傅',
    orgId: campaign.orgId,
    orgName: campaign.orgName,
  },
  grants: [],
  csrfToken: 'token',
  expiresAt: '2030-01-01T00:00:00.000Z',
}

const LISTED = [1, 2, 3]

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

/**
 * The server: the campaign, candidates 1–3 and my receipts; `refused` answers the receipts with
 * that error instead (403 BALLOT_VOTER_NOT_ELIGIBLE for a member outside the campaign's unions).
 */
export const stubServer = (
  receipts: BallotReceipt[],
  refused?: { status: number; code: string },
  campaignOver: Partial<Campaign> = {},
) => {
  // The API client always calls fetch with a URL string.
  const fetchMock = vi.fn((url: string) => {
    const path = new URL(url, 'http://localhost').pathname
    const base = `/api/v1/public/campaigns/${CAMPAIGN_ID}`
    if (path === base) return Promise.resolve(json({ ...campaign, ...campaignOver }))
    if (path === `${base}/my-receipts`)
      return Promise.resolve(
        refused
          ? json({ error: { code: refused.code, message: refused.code } }, refused.status)
          : json({ items: receipts }),
      )
    if (path === `${base}/candidates`)
      return Promise.resolve(
        json({ items: LISTED.map(candidate), total: LISTED.length, page: 1, pageSize: 20 }),
      )
    const n = LISTED.find((x) => path === `${base}/candidates/${candidateId(x)}`)
    if (n !== undefined) return Promise.resolve(json(profile(n)))
    return Promise.resolve(json({ error: { code: 'NOT_FOUND', message: 'not found' } }, 404))
  })
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

export const renderPage = (path: string, Page: ComponentType, session: Session | null) => {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <QueryClientProvider client={client}>
      <UiPrefsProvider>
        <StaticSessionProvider session={session}>
          <MemoryRouter initialEntries={[path]}>
            <Routes>
              <Route path="/c/:campaignId" element={<Page />} />
              <Route path="/c/:campaignId/candidates" element={<Page />} />
              <Route path="/c/:campaignId/candidates/:candidateId" element={<Page />} />
            </Routes>
          </MemoryRouter>
        </StaticSessionProvider>
      </UiPrefsProvider>
    </QueryClientProvider>,
  )
  return client
}

/** Resolves once the page has my receipts: what it shows then is judged with them. */
export const receiptsLoaded = (client: QueryClient) =>
  waitFor(() =>
    expect(client.getQueryState(publicCampaignKeys.myReceipts(CAMPAIGN_ID))?.status).toBe(
      'success',
    ),
  )
