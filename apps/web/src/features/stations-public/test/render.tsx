import { render } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { PublicStation } from '@unionhall/contracts'
import type { ComponentType, ReactElement } from 'react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { vi } from 'vitest'
import { UiPrefsProvider } from '../../../lib/ui-prefs'

export const STATION_ID = '01a2270b-7dd3-7662-b520-0268f56c81c1'

export const station = (over: Partial<PublicStation> = {}): PublicStation => ({
  id: STATION_ID,
  orgName: '深圳市龙岗区总工会',
  name: '筑友驿站（龙岗一号工地）',
  kind: 'construction_site',
  address: '深圳市龙岗区龙城街道建设路 1 号',
  lat: 22.72,
  lng: 114.25,
  capacity: 15,
  amenities: ['drinking_water', 'microwave'],
  zones: [],
  schedule: { weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '08:00', end: '20:00' })) },
  alwaysOpen: false,
  openNow: true,
  nextChange: { at: '2030-01-01T12:00:00Z', open: false },
  contactName: '王师傅',
  contactMobileMasked: '138****0000',
  dutyPhone: null,
  photos: [],
  services: [],
  description: '',
  occupancy: { count: 8, capacity: 15, updatedAt: '2026-11-29T10:00:00Z', stale: false },
  ...over,
})

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

export const apiError = (code: string, status: number, details?: unknown) =>
  json({ error: { code, message: code, details } }, status)

type Handler = (url: string, init: RequestInit | undefined) => Response | undefined

/** A fake server: the first handler that answers wins; /config answers without a map. */
export const stubFetch = (handler: Handler) => {
  const fetchMock = vi.fn((url: string, init?: RequestInit) => {
    const answer = handler(url, init)
    if (answer) return Promise.resolve(answer)
    if (url.startsWith('/api/v1/config/public'))
      return Promise.resolve(json({ defaultLocale: 'zh-CN' }))
    return Promise.resolve(apiError('ROUTE_NOT_FOUND', 404))
  })
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

export const renderPage = (path: string, routePath: string, Page: ComponentType) => {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  })
  return render(
    <QueryClientProvider client={client}>
      <UiPrefsProvider>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path={routePath} element={<Page />} />
          </Routes>
        </MemoryRouter>
      </UiPrefsProvider>
    </QueryClientProvider>,
  )
}

export const renderUi = (ui: ReactElement) =>
  render(
    <MemoryRouter>
      <UiPrefsProvider>{ui}</UiPrefsProvider>
    </MemoryRouter>,
  )
