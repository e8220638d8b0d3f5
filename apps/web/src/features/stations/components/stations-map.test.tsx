import { screen, waitFor } from '@testing-library/react'
import type { StationListItem } from '@unionhall/contracts'
import L from 'leaflet'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { makeSession, renderWithProviders } from '../../../test/render'
import { wgs84ToGcj02 } from '../../stations-public/lib/coords'
import { StationsMap } from './stations-map'

const ORG = '01a2270b-7d6a-7c12-abf4-7ce3e28e9562'
// 筑友驿站 in Longgang, stored in WGS-84.
const STATION = { lat: 22.7203, lng: 114.2471 }

const json = (body: unknown) =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  })

const serve = (coordSystem: 'wgs84' | 'gcj02') =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const u = new URL(url, 'http://localhost')
      if (u.pathname === '/api/v1/config/public')
        return json({
          map: { tileUrl: 'https://tiles.example/{z}/{x}/{y}.png', attribution: 'x', coordSystem },
        })
      if (u.pathname === '/api/v1/stations')
        return json({
          items: [
            {
              id: '01a2270b-7d6a-7c12-abf4-000000000009',
              orgId: ORG,
              orgName: '龙岗区建筑行业工联会',
              name: '筑友驿站',
              kind: 'construction_site',
              status: 'active',
              address: '深圳市龙岗区',
              ...STATION,
              capacity: 15,
              amenities: [],
              contactName: '王师傅',
              contactMobileMasked: '139****5678',
              openNow: true,
              updatedAt: '2026-11-30T00:00:00.000Z',
              alwaysOpen: false,
            },
          ],
          total: 1,
          page: 1,
          pageSize: 200,
        })
      return json({ items: [], total: 0 })
    }),
  )

describe('StationsMap', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('draws a station in the tile layer’s system (GCJ-02 tiles get the shifted point)', async () => {
    serve('gcj02')
    const marker = vi.spyOn(L, 'circleMarker')
    renderWithProviders(<StationsMap orgId={ORG} />, makeSession(['station:read']))
    await waitFor(() => expect(marker).toHaveBeenCalled(), { timeout: 15_000 })
    const [lat, lng] = marker.mock.calls.at(-1)![0] as [number, number]
    const shifted = wgs84ToGcj02(STATION)
    expect(lat).toBeCloseTo(shifted.lat, 9)
    expect(lng).toBeCloseTo(shifted.lng, 9)
    // The shift is hundreds of metres here: an unconverted dot would sit visibly off.
    expect(Math.abs(lng - STATION.lng)).toBeGreaterThan(0.003)
  })

  it('draws the stored point unchanged on WGS-84 tiles', async () => {
    serve('wgs84')
    const marker = vi.spyOn(L, 'circleMarker')
    renderWithProviders(<StationsMap orgId={ORG} />, makeSession(['station:read']))
    await waitFor(() => expect(marker).toHaveBeenCalled(), { timeout: 15_000 })
    expect(marker.mock.calls.at(-1)![0]).toEqual([STATION.lat, STATION.lng])
  })

  describe('the stations behind a chosen count', () => {
    const item = (over: Partial<StationListItem>): StationListItem => ({
      id: '01a2270b-7d6a-7c12-abf4-000000000010',
      orgId: ORG,
      orgName: '龙岗区建筑行业工联会',
      name: '筑友驿站',
      kind: 'construction_site',
      status: 'active',
      address: '深圳市龙岗区',
      ...STATION,
      capacity: 15,
      amenities: [],
      contactName: '王师傅',
      contactMobileMasked: '139****5678',
      openNow: true,
      updatedAt: '2026-11-30T00:00:00.000Z',
      alwaysOpen: false,
      ...over,
    })

    /** Serves one page of stations and records every request. */
    const serveList = (items: StationListItem[], total = items.length) => {
      const asked: URL[] = []
      vi.stubGlobal(
        'fetch',
        vi.fn(async (url: string) => {
          const u = new URL(url, 'http://localhost')
          asked.push(u)
          if (u.pathname === '/api/v1/config/public') return json({})
          if (u.pathname === '/api/v1/stations')
            return json({ items, total, page: 1, pageSize: 200 })
          return json({ items: [] })
        }),
      )
      return asked
    }
    const popups = () => {
      const bind = vi.spyOn(L.Layer.prototype, 'bindPopup')
      return () => bind.mock.calls.map(([content]) => content as HTMLElement)
    }

    it('asks for the stations of the check-ins today and shows each one’s count in its popup', async () => {
      const asked = serveList([
        item({ checkIns: 3 }),
        // A name is staff input: it must show as text, never as markup.
        item({
          id: '01a2270b-7d6a-7c12-abf4-000000000011',
          name: '<img src=x onerror=alert(1)>夜班驿站',
          status: 'closed',
          openNow: false,
          checkIns: 1,
        }),
      ])
      const contents = popups()
      renderWithProviders(
        <StationsMap orgId={ORG} metric="checkInsToday" />,
        makeSession(['station:read']),
      )
      await waitFor(() => expect(contents()).toHaveLength(2), { timeout: 15_000 })
      const list = asked.find((u) => u.pathname === '/api/v1/stations')!
      expect(list.searchParams.get('metric')).toBe('checked_in_today')
      expect(list.searchParams.get('orgId')).toBe(ORG)
      // Check-ins at a station closed since still count: no status filter.
      expect(list.searchParams.has('status')).toBe(false)
      const [busy, closed] = contents()
      expect(busy!.textContent).toBe('筑友驿站龙岗区建筑行业工联会当前开放今日签到 3 人次')
      expect(closed!.textContent).toBe(
        '<img src=x onerror=alert(1)>夜班驿站龙岗区建筑行业工联会已关闭今日签到 1 人次',
      )
      expect(closed!.querySelector('img')).toBeNull()
      expect(screen.getByTestId('stations-map-caption').textContent).toBe(
        '共 2 个站点今日有签到；圆点越大签到越多，点击站点查看人次。',
      )
      // No clusters: the public clusters know nothing of check-ins.
      expect(asked.some((u) => u.pathname.endsWith('/clusters'))).toBe(false)
    })

    it('asks for the open-now stations and says when it draws only some of them', async () => {
      const asked = serveList([item({ alwaysOpen: true })], 350)
      const contents = popups()
      renderWithProviders(
        <StationsMap orgId={ORG} metric="openNow" />,
        makeSession(['station:read']),
      )
      await waitFor(() => expect(contents()).toHaveLength(1), { timeout: 15_000 })
      const list = asked.find((u) => u.pathname === '/api/v1/stations')!
      expect(list.searchParams.get('metric')).toBe('open_now')
      expect(contents()[0]!.textContent).toBe('筑友驿站龙岗区建筑行业工联会当前开放 · 24 小时开放')
      expect(screen.getByTestId('stations-map-caption').textContent).toBe(
        '站点较多，地图只显示其中 1 个；可在上方选择下级单位查看全部。',
      )
      expect(asked.some((u) => u.pathname.endsWith('/clusters'))).toBe(false)
    })

    it('draws all active stations of a big subtree as clusters', async () => {
      const asked = serveList([item({})], 350)
      renderWithProviders(<StationsMap orgId={ORG} />, makeSession(['station:read']))
      await waitFor(
        () =>
          expect(asked.some((u) => u.pathname === '/api/v1/public/stations/clusters')).toBe(true),
        { timeout: 15_000 },
      )
      const list = asked.find((u) => u.pathname === '/api/v1/stations')!
      expect(list.searchParams.get('status')).toBe('active')
      expect(list.searchParams.has('metric')).toBe(false)
      expect(screen.getByTestId('stations-map-caption').textContent).toBe(
        '站点较多，按区域聚合显示（数字为站点数，点击放大）。',
      )
    })
  })
})
