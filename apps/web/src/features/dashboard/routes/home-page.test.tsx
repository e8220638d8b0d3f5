import { screen } from '@testing-library/react'
import type { MemberHonour, MyJuryAssignment, Org, Session } from '@unionhall/contracts'
import { MemoryRouter } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { makeSession, renderWithProviders } from '../../../test/render'
import { Component as HomePage } from './home-page'

const CAMPAIGN = '01a2270b-7d6a-7c12-abf4-0000000000a1'
const STAFF = makeSession(['org:read'])
// A worker (or an outside expert) holds no role anywhere.
const WORKER: Session = { ...STAFF, grants: [] }

const jury: MyJuryAssignment[] = [
  {
    campaignId: CAMPAIGN,
    name: '2026年陇原工匠评选',
    year: 2026,
    honourTitle: '陇原工匠',
    orgName: '甘肃省总工会',
    phase: 'jury',
    phaseEndsAt: null,
    candidateCount: 10,
    scoredCount: 3,
    scoringOpen: true,
  },
]
const honours: MemberHonour[] = [
  {
    id: '01a2270b-7d6a-7c12-abf4-0000000000e1',
    memberId: STAFF.member.id,
    title: '陇原工匠',
    year: 2020,
    campaignId: '01a2270b-7d6a-7c12-abf4-0000000000b1',
    campaignName: '2020年陇原工匠评选',
    orgName: '甘肃省总工会',
    categoryName: '技能工匠',
    awardedAt: '2020-12-01T02:00:00.000Z',
  },
]

const org: Org = {
  id: STAFF.grants[0]!.orgId,
  parentId: null,
  name: '甘肃省总工会',
  kind: 'provincial_federation',
  depth: 1,
  childCount: 14,
  isArchived: false,
  createdAt: '2026-01-01T00:00:00.000Z',
}

const json = (body: unknown) =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  })

const serve = () =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const path = new URL(url, 'http://localhost').pathname
      if (path === '/api/v1/campaigns/jury/mine') return json(jury)
      if (path === '/api/v1/public/campaigns/honours/mine') return json(honours)
      if (path.startsWith('/api/v1/orgs/')) return json(org)
      return json([])
    }),
  )

const renderHome = (session: Session) =>
  renderWithProviders(
    <MemoryRouter>
      <HomePage />
    </MemoryRouter>,
    session,
  )

describe('home page', { timeout: 60_000 }, () => {
  afterEach(() => vi.unstubAllGlobals())

  for (const [who, session] of [
    ['a worker without a role', WORKER],
    ['staff', STAFF],
  ] as const)
    it(`shows ${who} their jury duty and honours`, async () => {
      serve()
      renderHome(session)
      expect(
        await screen.findByRole('heading', { name: '我的评审任务' }, { timeout: 15_000 }),
      ).toBeTruthy()
      expect(screen.getByText('已评 3/10')).toBeTruthy()
      expect(screen.getByRole('link', { name: '去评分' }).getAttribute('href')).toBe(
        `/campaigns/${CAMPAIGN}/jury`,
      )
      expect(
        await screen.findByRole('heading', { name: '我的荣誉' }, { timeout: 15_000 }),
      ).toBeTruthy()
      expect(screen.getByRole('link', { name: '2020年陇原工匠评选' })).toBeTruthy()
      // Each keeps its own page around the cards: the welcome, or the staff figures.
      if (session === WORKER) expect(screen.getByText(/您已加入甘肃省总工会/)).toBeTruthy()
      else expect(await screen.findByText('下级工会', {}, { timeout: 15_000 })).toBeTruthy()
    })
})
