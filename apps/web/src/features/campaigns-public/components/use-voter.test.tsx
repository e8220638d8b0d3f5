import { render, screen, waitFor } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { Campaign } from '@unionhall/contracts'
import type { ComponentType } from 'react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { StaticSessionProvider } from '../../../lib/session'
import { UiPrefsProvider } from '../../../lib/ui-prefs'
import { Component as ReceiptsPage } from '../routes/receipts-page'
import { Component as VotePage } from '../routes/vote-page'

const CAMPAIGN_ID = '00000000-0000-7000-8000-0000000000aa'
const VOTER_KEY = `uh.voterUntil.${CAMPAIGN_ID}`
const period = (s: string, e: string) => ({ startsAt: s, endsAt: e })

const smsCampaign: Campaign = {
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
    eligibility: 'sms',
    votesPerDay: 3,
    maxPerCandidatePerDay: 1,
    maxChoicesPerBallot: 2,
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

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  })

/** The server: the campaign, and my-receipts answering as with or without the voter cookie. */
const stubServer = (voterCookie: boolean) => {
  // The API client always calls fetch with a URL string.
  const fetchMock = vi.fn((url: string) => {
    if (url.endsWith('/my-receipts'))
      return Promise.resolve(
        voterCookie
          ? json({ items: [] })
          : json(
              {
                error: {
                  code: 'BALLOT_VOTER_REQUIRED',
                  message: 'Sign in or verify your mobile number to vote',
                },
              },
              401,
            ),
      )
    if (url.endsWith(`/public/campaigns/${CAMPAIGN_ID}`)) return Promise.resolve(json(smsCampaign))
    return Promise.resolve(json({ error: { code: 'NOT_FOUND', message: 'not found' } }, 404))
  })
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

const renderAt = (path: string, Page: ComponentType) => {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <QueryClientProvider client={client}>
      <UiPrefsProvider>
        <StaticSessionProvider session={null}>
          <MemoryRouter initialEntries={[path]}>
            <Routes>
              <Route path="/c/:campaignId/vote" element={<Page />} />
              <Route path="/c/:campaignId/receipts" element={<Page />} />
            </Routes>
          </MemoryRouter>
        </StaticSessionProvider>
      </UiPrefsProvider>
    </QueryClientProvider>,
  )
}

describe('SMS voter on this phone', () => {
  beforeEach(() => {
    // This phone verified a mobile earlier today: the page believes the token still holds.
    window.localStorage.setItem(VOTER_KEY, String(Date.now() + 6 * 3600_000))
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    window.localStorage.clear()
  })

  it('votes straight away while the voter cookie is there', async () => {
    stubServer(true)
    renderAt(`/c/${CAMPAIGN_ID}/vote`, VotePage)
    await screen.findByText('您今天还能投 3 票')
    expect(screen.queryByRole('heading', { name: '验证手机号' })).toBeNull()
    expect(window.localStorage.getItem(VOTER_KEY)).not.toBeNull()
  })

  it('asks for the mobile again when the browser dropped the voter cookie', async () => {
    const fetchMock = stubServer(false)
    renderAt(`/c/${CAMPAIGN_ID}/vote`, VotePage)
    await screen.findByRole('heading', { name: '验证手机号' })
    expect(screen.getByRole('textbox', { name: '手机号' })).toBeTruthy()
    expect(window.localStorage.getItem(VOTER_KEY)).toBeNull()
    // No dead end: the "verify first" warning without a form is gone.
    expect(screen.queryByText('请先验证手机号再投票')).toBeNull()
    // Forgotten once, not asked in a loop.
    await waitFor(() =>
      expect(fetchMock.mock.calls.filter(([u]) => u.endsWith('/my-receipts'))).toHaveLength(1),
    )
  })

  it('my receipts explains how to see ballots instead of a bare error', async () => {
    stubServer(false)
    renderAt(`/c/${CAMPAIGN_ID}/receipts`, ReceiptsPage)
    await screen.findByText(/验证手机号并投票后，这里会列出您的选票/)
    expect(screen.queryByRole('button', { name: '重试' })).toBeNull()
    expect(window.localStorage.getItem(VOTER_KEY)).toBeNull()
  })
})
