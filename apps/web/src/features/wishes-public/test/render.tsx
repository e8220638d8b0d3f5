import { render } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { MyWish, PublicWish, Session } from '@unionhall/contracts'
import type { ComponentType } from 'react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { StaticSessionProvider } from '../../../lib/session'
import { UiPrefsProvider } from '../../../lib/ui-prefs'

export const WISH_ID = '01a2270b-7dd3-7662-b520-0268f56c8101'
export const STATION_ID = '01a2270b-7dd3-7662-b520-0268f56c81c1'

/** A worker or volunteer: a member without any staff grant. */
export const memberSession: Session = {
  member: {
    id: '01a2270b-7dd3-7662-b520-0268f56c81b9',
    name: '李志愿',
    orgId: '01a2270b-7d6a-7c12-abf4-7ce3e28e9599',
    orgName: '龙岗区建筑行业工联会',
  },
  grants: [],
  csrfToken: 'token',
  expiresAt: '2030-01-01T00:00:00.000Z',
}

export const publicWish = (over: Partial<PublicWish> = {}): PublicWish => ({
  id: WISH_ID,
  orgId: memberSession.member.orgId,
  orgName: '龙岗区建筑行业工联会',
  stationId: STATION_ID,
  stationName: '筑友驿站（龙岗区耳鼻咽喉医院项目）',
  title: '想给孩子买一套学习用品',
  description: '孩子上三年级',
  category: 'study',
  deadline: '2099-12-31',
  status: 'published',
  workerNameMasked: '张*明',
  publishedAt: '2026-11-28T02:00:00.000Z',
  ...over,
})

export const myWish = (over: Partial<MyWish> = {}): MyWish => ({
  id: WISH_ID,
  orgName: '龙岗区建筑行业工联会',
  stationId: STATION_ID,
  stationName: '筑友驿站（龙岗区耳鼻咽喉医院项目）',
  title: '想给孩子买一套学习用品',
  description: '',
  category: 'study',
  deadline: '2099-12-31',
  status: 'fulfilled',
  rejectedReason: null,
  reopenReason: null,
  thanks: null,
  withdrawnReason: null,
  withdrawnAt: null,
  editedAt: null,
  claim: {
    id: '01a2270b-7dd3-7662-b520-0268f56c8201',
    claimantName: '李*愿',
    claimantKind: 'volunteer',
    status: 'fulfilled',
    dueDate: '2099-12-30',
    photos: ['/api/v1/uploads/01a2270b-7dd3-7662-b520-0268f56c8301'],
    note: '已放在驿站前台',
    claimedAt: '2026-11-28T03:00:00.000Z',
    fulfilledAt: '2026-11-28T05:00:00.000Z',
  },
  pastClaims: [],
  createdAt: '2026-11-28T01:00:00.000Z',
  publishedAt: '2026-11-28T02:00:00.000Z',
  confirmedAt: null,
  confirmedAutomatically: false,
  ...over,
})

/** One page at `path` under `routePath`, with a member session (or none). */
export const renderWishPage = (
  path: string,
  routePath: string,
  Page: ComponentType,
  session: Session | null = memberSession,
) => {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  })
  return render(
    <QueryClientProvider client={client}>
      <UiPrefsProvider>
        <StaticSessionProvider session={session}>
          <MemoryRouter initialEntries={[path]}>
            <Routes>
              <Route path={routePath} element={<Page />} />
            </Routes>
          </MemoryRouter>
        </StaticSessionProvider>
      </UiPrefsProvider>
    </QueryClientProvider>,
  )
}

/** The JSON body a mocked fetch call sent. */
export const bodyOf = (init: RequestInit | undefined): unknown =>
  JSON.parse((init?.body as string | undefined) ?? 'null')
