import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { MemoryRouter, Route, Routes, useLocation } from 'react-router'
import { UiPrefsProvider } from '../../../lib/ui-prefs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { DEVICE_ID_KEY } from '../lib/device-id'
import { STATION_ID, apiError, json, renderPage, station, stubFetch } from '../test/render'
import { Component as CheckInPage } from './check-in-page'

const CODE = 'K7M2Q9RXTB'
const PATH = `/s/${STATION_ID}/check-in?c=${CODE}`
const checkInUrl = `/api/v1/public/stations/${STATION_ID}/check-ins`
const checkOutUrl = `/api/v1/public/stations/${STATION_ID}/check-out`

const result = (created: boolean, count: number) => ({
  created,
  checkedInAt: '2026-11-29T02:00:00.000Z',
  // 14:00 in Shanghai.
  expiresAt: '2026-11-29T06:00:00.000Z',
  occupancy: { count, capacity: 15, updatedAt: '2026-11-29T02:00:00.000Z', stale: false },
})

/** The station answers at 8 / 15; the check-in answer is given per test. */
const serve = (checkIn: () => Response) =>
  stubFetch((url, init) => {
    if (url === checkInUrl && init?.method === 'POST') return checkIn()
    if (url === checkOutUrl && init?.method === 'POST')
      return json({
        occupancy: { count: 8, capacity: 15, updatedAt: '2026-11-29T03:00:00Z', stale: false },
      })
    if (url.startsWith(`/api/v1/public/stations/${STATION_ID}?`)) return json(station())
    return undefined
  })

const hit = (id: string, name: string) => ({
  id,
  name,
  kind: 'union_love_station',
  address: '深圳市龙岗区龙城街道',
  lat: 22.72,
  lng: 114.25,
  distanceM: 0,
  amenities: [],
  alwaysOpen: false,
  openNow: true,
  capacity: 10,
})

const posts = (fetchMock: ReturnType<typeof stubFetch>, url: string) =>
  fetchMock.mock.calls.filter(([u, init]) => u === url && init?.method === 'POST')

/** The body sent by a POST (the API client sends JSON text). */
const sentBody = (call: [url: string, init?: RequestInit] | undefined) =>
  JSON.parse(call?.[1]?.body as string) as { deviceId: string; code?: string }
const sentDeviceId = (call: [url: string, init?: RequestInit] | undefined) =>
  sentBody(call).deviceId

describe('QR check-in page', () => {
  beforeEach(() => {
    // Only the clock is fixed (10:00 in Shanghai); timers stay real for the queries.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-29T02:00:00.000Z'))
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
    window.localStorage.clear()
  })

  it('checks in as soon as it opens, with this phone’s id, and shows the new count', async () => {
    const fetchMock = serve(() => json(result(true, 9), 201))
    renderPage(PATH, '/s/:stationId/check-in', CheckInPage)
    expect(await screen.findByText('签到成功，欢迎！')).toBeTruthy()
    expect(screen.getByText('离开时可以点“签出”；不点的话，14:00 会自动签出。')).toBeTruthy()
    await waitFor(() => expect(screen.getByRole('meter').getAttribute('aria-valuenow')).toBe('9'))
    expect(screen.getByText('9 / 15 人')).toBeTruthy()

    const calls = posts(fetchMock, checkInUrl)
    expect(calls).toHaveLength(1)
    // The door poster's code from the QR link goes with it.
    expect(sentBody(calls[0]).code).toBe(CODE)
    const deviceId = sentDeviceId(calls[0])
    expect(deviceId).toMatch(/^[A-Za-z0-9_-]{22,64}$/)
    expect(deviceId).toBe(window.localStorage.getItem(DEVICE_ID_KEY))
    expect(window.localStorage.getItem(`uh.stationVisit.${STATION_ID}`)).toBe(
      '2026-11-29T06:00:00.000Z',
    )
    expect(screen.getByRole('link', { name: '提个心愿' }).getAttribute('href')).toBe(
      `/w/new?stationId=${STATION_ID}`,
    )
    expect(screen.getByRole('link', { name: '查看驿站详情' }).getAttribute('href')).toBe(
      `/s/${STATION_ID}`,
    )
  })

  it('says "already checked in" on a repeated scan, with the same device id', async () => {
    window.localStorage.setItem(DEVICE_ID_KEY, 'abcdefghijklmnopqrstuvwxyz012345')
    const fetchMock = serve(() => json(result(false, 8), 200))
    renderPage(PATH, '/s/:stationId/check-in', CheckInPage)
    expect(await screen.findByText('您已签到')).toBeTruthy()
    expect(screen.queryByText('签到成功，欢迎！')).toBeNull()
    expect(sentDeviceId(posts(fetchMock, checkInUrl)[0])).toBe('abcdefghijklmnopqrstuvwxyz012345')
  })

  it('says plainly when the station is full, and offers other stations', async () => {
    serve(() => apiError('STATION_FULL', 409, { capacity: 15 }))
    renderPage(PATH, '/s/:stationId/check-in', CheckInPage)
    expect(await screen.findByText('驿站已满')).toBeTruthy()
    expect(
      screen.getByText('这里最多容纳 15 人，现在已经满了。请稍后再来，或去附近其他驿站。'),
    ).toBeTruthy()
    expect(screen.getByRole('link', { name: '找附近其他驿站' }).getAttribute('href')).toBe('/s')
    expect(screen.queryByRole('button', { name: '签出（我要离开）' })).toBeNull()
    expect(window.localStorage.getItem(`uh.stationVisit.${STATION_ID}`)).toBeNull()
  })

  it('offers no check-in on a full station, but the nearest other open one and the list', async () => {
    const OTHER = '01a2270b-7dd3-7662-b520-0268f56c81c2'
    const nearest = {
      items: [
        { ...hit(STATION_ID, '筑友驿站（龙岗一号工地）'), distanceM: 0 },
        { ...hit(OTHER, '龙城街道爱心驿站'), distanceM: 420 },
      ],
      understood: { amenities: [], alwaysOpen: false, text: null },
    }
    const fetchMock = stubFetch((url, init) => {
      if (url === checkInUrl && init?.method === 'POST')
        return apiError('STATION_FULL', 409, { capacity: 15 })
      if (url.startsWith('/api/v1/public/stations/nearest?')) return json(nearest)
      if (url.startsWith(`/api/v1/public/stations/${STATION_ID}?`))
        return json(
          station({
            occupancy: { count: 15, capacity: 15, updatedAt: '2026-11-29T02:00:00Z', stale: false },
          }),
        )
      return undefined
    })
    renderPage(PATH, '/s/:stationId/check-in', CheckInPage)
    expect(await screen.findByText('驿站已满')).toBeTruthy()
    const other = await screen.findByRole('link', {
      name: '去最近的 龙城街道爱心驿站（约 420 米）',
    })
    expect(other.getAttribute('href')).toBe(`/s/${OTHER}`)
    expect(screen.getByRole('link', { name: '找附近其他驿站' }).getAttribute('href')).toBe('/s')
    // The server would only refuse again: no button to send the same check-in.
    expect(screen.queryByRole('button', { name: /签到/ })).toBeNull()
    expect(posts(fetchMock, checkInUrl)).toHaveLength(1)
    const asked = fetchMock.mock.calls.find(([u]) =>
      u.startsWith('/api/v1/public/stations/nearest?'),
    )
    expect(new URL(asked![0], 'http://x').searchParams.get('openNow')).toBe('true')
  })

  it('offers to try again once the refreshed figure shows room', async () => {
    serve(() => apiError('STATION_FULL', 409, { capacity: 15 }))
    renderPage(PATH, '/s/:stationId/check-in', CheckInPage)
    expect(await screen.findByText('驿站已满')).toBeTruthy()
    // The station answers 8 / 15 when asked again after the refusal.
    expect(await screen.findByRole('button', { name: '再试一次签到' })).toBeTruthy()
  })

  it('does not check in from a link without the door code, and says where to scan', async () => {
    const fetchMock = serve(() => json(result(true, 9), 201))
    renderPage(`/s/${STATION_ID}/check-in`, '/s/:stationId/check-in', CheckInPage)
    expect(await screen.findByText('请扫描驿站门口的二维码')).toBeTruthy()
    await screen.findByText('8 / 15 人')
    expect(screen.queryByRole('button', { name: '签到' })).toBeNull()
    expect(posts(fetchMock, checkInUrl)).toHaveLength(0)
  })

  it('says plainly when the QR code is an old one, with no button that re-sends it', async () => {
    const fetchMock = serve(() => apiError('STATION_CHECK_IN_CODE_INVALID', 403))
    renderPage(PATH, '/s/:stationId/check-in', CheckInPage)
    expect(await screen.findByText('这个二维码已经失效')).toBeTruthy()
    expect(screen.getByText(/请扫描门口现在贴着的二维码/)).toBeTruthy()
    expect(window.localStorage.getItem(`uh.stationVisit.${STATION_ID}`)).toBeNull()
    // The station is fine: no "find another station", no check-in button to press again.
    expect(screen.queryByRole('button', { name: '签到' })).toBeNull()
    expect(screen.queryByRole('link', { name: '找附近其他驿站' })).toBeNull()
    expect(posts(fetchMock, checkInUrl)).toHaveLength(1)
  })

  it('drops the code from the address once read, so a reload after check-out does not check in', async () => {
    serve(() => json(result(true, 9), 201))
    const Where = () => <output data-testid="where">{useLocation().search}</output>
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    render(
      <QueryClientProvider client={client}>
        <UiPrefsProvider>
          <MemoryRouter initialEntries={[`${PATH}&from=door`]}>
            <Routes>
              <Route
                path="/s/:stationId/check-in"
                element={
                  <>
                    <CheckInPage />
                    <Where />
                  </>
                }
              />
            </Routes>
          </MemoryRouter>
        </UiPrefsProvider>
      </QueryClientProvider>,
    )
    expect(await screen.findByText('签到成功，欢迎！')).toBeTruthy()
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('?from=door'))
  })

  it('says plainly when the station is closed', async () => {
    serve(() => apiError('STATION_CLOSED', 409))
    renderPage(PATH, '/s/:stationId/check-in', CheckInPage)
    expect(await screen.findByText('驿站现在不开放')).toBeTruthy()
  })

  it('says plainly when the scan is outside opening hours', async () => {
    serve(() => apiError('STATION_NOT_OPEN_NOW', 409))
    renderPage(PATH, '/s/:stationId/check-in', CheckInPage)
    expect(await screen.findByText('驿站现在不开放')).toBeTruthy()
    expect(screen.getByText(/现在不在开放时间/)).toBeTruthy()
  })

  it('says the station is not found, with no button to try again', async () => {
    stubFetch((url) =>
      url.includes(`/public/stations/${STATION_ID}`)
        ? apiError('STATION_NOT_FOUND', 404)
        : undefined,
    )
    renderPage(PATH, '/s/:stationId/check-in', CheckInPage)
    expect(await screen.findByText('找不到这个驿站，可能已停用。')).toBeTruthy()
    expect(screen.queryByRole('button', { name: '签到' })).toBeNull()
  })

  it('checks out with the button and forgets the visit', async () => {
    const fetchMock = serve(() => json(result(true, 9), 201))
    renderPage(PATH, '/s/:stationId/check-in', CheckInPage)
    fireEvent.click(await screen.findByRole('button', { name: '签出（我要离开）' }))
    expect(await screen.findByText('已签出，欢迎再来！')).toBeTruthy()
    expect(posts(fetchMock, checkOutUrl)).toHaveLength(1)
    expect(window.localStorage.getItem(`uh.stationVisit.${STATION_ID}`)).toBeNull()
    expect(screen.getByText('8 / 15 人')).toBeTruthy()
  })
})
