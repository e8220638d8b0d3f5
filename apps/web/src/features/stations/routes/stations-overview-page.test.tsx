import { fireEvent, screen, waitFor } from '@testing-library/react'
import type { StationStats } from '@unionhall/contracts'
import { MemoryRouter, Route, Routes, useLocation } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { makeSession, renderWithProviders } from '../../../test/render'
import { Component as OverviewPage } from './stations-overview-page'

const ORG = '01a2270b-7d6a-7c12-abf4-7ce3e28e9562'
const row = (orgId: string, orgName: string, stations: number) => ({
  orgId,
  orgName,
  stations,
  openNow: Math.floor(stations / 2),
  alwaysOpen: 1,
  checkInsToday: stations * 3,
  checkInsThisWeek: stations * 20,
})

const stats: StationStats = {
  total: { ...row(ORG, '甘肃省总工会', 30), openNow: 17, alwaysOpen: 4, checkInsToday: 85 },
  children: [
    row('01a2270b-7d6a-7c12-abf4-000000000001', '兰州市总工会', 20),
    row('01a2270b-7d6a-7c12-abf4-000000000002', '天水市总工会', 10),
  ],
  checkInsByDay: Array.from({ length: 14 }, (_, i) => ({
    date: `2026-11-${String(16 + i).padStart(2, '0')}`,
    count: i,
  })),
}

const json = (body: unknown) =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  })

/** Serves the page's requests and records the map's station-list queries. */
const serve = () => {
  const lists: URLSearchParams[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const u = new URL(url, 'http://localhost')
      if (u.pathname === '/api/v1/stations/stats') return json(stats)
      if (u.pathname === '/api/v1/stations') {
        lists.push(u.searchParams)
        return json({ items: [], total: 0, page: 1, pageSize: 200 })
      }
      if (u.pathname === '/api/v1/config/public') return json({})
      return json({ items: [], total: 0, page: 1, pageSize: 50 })
    }),
  )
  /** Whether the map has asked for the stations behind a filter (status, metric). */
  const mapAskedFor = (filter: { status?: string; metric?: string }) =>
    lists.some(
      (q) =>
        q.get('orgId') === ORG &&
        q.get('pageSize') === '200' &&
        q.get('status') === (filter.status ?? null) &&
        q.get('metric') === (filter.metric ?? null),
    )
  return { mapAskedFor }
}

const Where = () => <output data-testid="where">{useLocation().search}</output>

const renderAt = (url: string) =>
  renderWithProviders(
    <MemoryRouter initialEntries={[url]}>
      <Routes>
        <Route
          path="/stations/overview"
          element={
            <>
              <OverviewPage />
              <Where />
            </>
          }
        />
      </Routes>
    </MemoryRouter>,
    makeSession(['station:read']),
  )

const radio = (name: string) => screen.getByRole('radio', { name: new RegExp(`^${name}`) })

describe('stations overview page', { timeout: 60_000 }, () => {
  afterEach(() => vi.unstubAllGlobals())

  it('shows the subtree totals and describes both charts', async () => {
    const asked: string[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        const u = new URL(url, 'http://localhost')
        asked.push(`${u.pathname}${u.search}`)
        if (u.pathname === '/api/v1/stations/stats') return json(stats)
        if (u.pathname === '/api/v1/stations')
          return json({ items: [], total: 0, page: 1, pageSize: 200 })
        if (u.pathname === '/api/v1/config/public') return json({})
        return json({ items: [], total: 0, page: 1, pageSize: 50 })
      }),
    )
    renderWithProviders(
      <MemoryRouter>
        <OverviewPage />
      </MemoryRouter>,
      makeSession(['station:read']),
    )
    const stations = await screen.findByTestId('stat-stations', {}, { timeout: 15_000 })
    expect(asked).toContain(`/api/v1/stations/stats?orgId=${ORG}`)
    expect(stations.textContent).toBe('站点总数30')
    expect(screen.getByTestId('stat-openNow').textContent).toBe('当前开放17')
    expect(screen.getByTestId('stat-alwaysOpen').textContent).toBe('24 小时站点4')
    expect(screen.getByTestId('stat-checkInsToday').textContent).toBe('今日签到85')
    expect(screen.getByTestId('stat-checkInsThisWeek').textContent).toBe('本周签到600')
    expect(screen.getByText('甘肃省总工会本级及下级单位站点数')).toBeTruthy()
    expect(
      screen.getByRole('img', { name: '本级及各下级单位站点数：兰州市总工会 20，天水市总工会 10' }),
    ).toBeTruthy()
    expect(screen.getByRole('img', { name: '近 14 天签到共 91 人次的折线图' })).toBeTruthy()
  })

  it('selects a count by click or keyboard: the URL, the chart and the map follow', async () => {
    const { mapAskedFor } = serve()
    renderAt('/stations/overview')
    await screen.findByTestId('stat-stations', {}, { timeout: 15_000 })
    const all = radio('站点总数')
    expect(all.getAttribute('aria-checked')).toBe('true')
    expect(all.tabIndex).toBe(0)
    expect(radio('今日签到').tabIndex).toBe(-1)
    // The station count's map is of the active stations, as /stats counts them.
    await waitFor(() => expect(mapAskedFor({ status: 'active' })).toBe(true), { timeout: 15_000 })

    fireEvent.click(radio('今日签到'))
    expect(radio('今日签到').getAttribute('aria-checked')).toBe('true')
    expect(all.getAttribute('aria-checked')).toBe('false')
    expect(screen.getByTestId('where').textContent).toBe('?metric=checkInsToday')
    expect(screen.getByText('甘肃省总工会本级及下级单位今日签到人次')).toBeTruthy()
    expect(
      screen.getByRole('img', {
        name: '本级及各下级单位今日签到人次：兰州市总工会 60，天水市总工会 30',
      }),
    ).toBeTruthy()
    expect(screen.getByText('今日有签到的站点')).toBeTruthy()
    await waitFor(() => expect(mapAskedFor({ metric: 'checked_in_today' })).toBe(true), {
      timeout: 15_000,
    })

    // Arrow keys move the choice and the focus; the last one wraps to the first.
    radio('今日签到').focus()
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' })
    expect(radio('本周签到').getAttribute('aria-checked')).toBe('true')
    expect(document.activeElement).toBe(radio('本周签到'))
    expect(screen.getByTestId('where').textContent).toBe('?metric=checkInsThisWeek')
    await waitFor(() => expect(mapAskedFor({ metric: 'checked_in_week' })).toBe(true), {
      timeout: 15_000,
    })
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' })
    expect(document.activeElement).toBe(radio('站点总数'))
    expect(screen.getByTestId('where').textContent).toBe('')
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' })
    expect(radio('本周签到').getAttribute('aria-checked')).toBe('true')
    fireEvent.keyDown(document.activeElement!, { key: 'Home' })
    expect(radio('站点总数').getAttribute('aria-checked')).toBe('true')
    expect(screen.getByText('甘肃省总工会本级及下级单位站点数')).toBeTruthy()
  })

  it('opens on the count a shared link names', async () => {
    const { mapAskedFor } = serve()
    renderAt('/stations/overview?metric=openNow')
    await screen.findByTestId('stat-openNow', {}, { timeout: 15_000 })
    expect(radio('当前开放').getAttribute('aria-checked')).toBe('true')
    expect(screen.getByText('甘肃省总工会本级及下级单位当前开放站点数')).toBeTruthy()
    expect(
      screen.getByRole('img', {
        name: '本级及各下级单位当前开放站点数：兰州市总工会 10，天水市总工会 5，甘肃省总工会（本级） 2',
      }),
    ).toBeTruthy()
    await waitFor(() => expect(mapAskedFor({ metric: 'open_now' })).toBe(true), {
      timeout: 15_000,
    })
  })

  it('falls back to the station count for an unknown count in the link', async () => {
    serve()
    renderAt('/stations/overview?metric=bogus')
    await screen.findByTestId('stat-stations', {}, { timeout: 15_000 })
    expect(radio('站点总数').getAttribute('aria-checked')).toBe('true')
    expect(screen.getByText('甘肃省总工会本级及下级单位站点数')).toBeTruthy()
  })
})
