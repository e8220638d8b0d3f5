import type { Campaign, CampaignPhase } from '@unionhall/contracts'
import { vi } from 'vitest'

/** Fixtures of the nominations tab's component tests: a campaign, its orgs and a fake server. */

export const GANSU = '01a2270b-7d6a-7c12-abf4-7ce3e28e9562' // the test session's org (render.tsx)
export const LANZHOU = '01a2270b-9000-7000-8000-0000000000b2'
export const WUWEI = '01a2270b-9000-7000-8000-0000000000b3'
export const CATEGORY = '01a2270b-9000-7000-8000-0000000000c1'
export const NOMINATION = '01a2270b-9000-7000-8000-0000000000d1'

export const campaignIn = (phase: CampaignPhase) =>
  ({
    id: '01a2270b-9000-7000-8000-0000000000a1',
    orgId: GANSU,
    orgName: '甘肃省总工会',
    name: '2027年陇原工匠评选',
    phase,
    categories: [{ id: CATEGORY, name: '技能类', honourCount: 2, sort: 0 }],
  }) as Campaign

export const nomination = (over: Record<string, unknown> = {}) => ({
  id: NOMINATION,
  campaignId: campaignIn('nomination').id,
  categoryId: CATEGORY,
  nomineeName: '李秀兰',
  nomineeMobileMasked: '139****0001',
  employerOrgId: WUWEI,
  employerOrgName: '武威市总工会',
  trade: '纺织工',
  years: 21,
  isFrontLine: true,
  achievements: '三十年扎根纺织一线，带出徒弟四十余人，多项技改获奖。',
  photoUrls: [],
  videoUrl: null,
  status: 'submitted',
  supporterCount: 1,
  mergedIntoId: null,
  reviewLevelOrgId: GANSU,
  reviewReason: null,
  reviewNote: null,
  consentedAt: '2027-01-02T02:00:00.000Z',
  createdAt: '2027-01-02T01:00:00.000Z',
  nominatingOrgNames: [],
  ...over,
})

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

export type Call = { method: string; path: string; query: URLSearchParams; body: unknown }

/**
 * A fake API: answers by path from `routes` (a function gets the call), records every call.
 * Unknown paths answer 404 so a missing route shows up as a failed expectation, not a hang.
 */
export const fakeServer = (routes: Record<string, unknown>) => {
  const calls: Call[] = []
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const u = new URL(url, 'http://localhost')
    const method = init?.method ?? 'GET'
    const call: Call = {
      method,
      path: u.pathname,
      query: u.searchParams,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    }
    calls.push(call)
    const route = routes[`${method} ${u.pathname}`]
    if (route === undefined)
      return json(
        { error: { code: 'NOT_FOUND', message: `no route ${method} ${u.pathname}` } },
        404,
      )
    return typeof route === 'function' ? (route as (c: Call) => Response)(call) : json(route)
  })
  return { calls, fetchMock }
}

export const api = (campaignId: string) => ({
  list: `GET /api/v1/campaigns/${campaignId}/nominations`,
  detail: `GET /api/v1/campaigns/${campaignId}/nominations/${NOMINATION}`,
  orgs: `GET /api/v1/campaigns/${campaignId}/nominating-orgs`,
  nominate: `POST /api/v1/public/campaigns/${campaignId}/nominations`,
  employers: 'GET /api/v1/public/orgs',
})

export const page = (items: unknown[]) => ({ items, total: items.length, page: 1, pageSize: 20 })
