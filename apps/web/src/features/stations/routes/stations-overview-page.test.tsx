import { screen } from '@testing-library/react'
import type { StationStats } from '@unionhall/contracts'
import { MemoryRouter } from 'react-router'
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
    expect(screen.getByText('甘肃省总工会下级单位站点数')).toBeTruthy()
    expect(
      screen.getByRole('img', { name: '各下级单位站点数：兰州市总工会 20，天水市总工会 10' }),
    ).toBeTruthy()
    expect(screen.getByRole('img', { name: '近 14 天签到共 91 人次的折线图' })).toBeTruthy()
  })
})
