import { waitFor } from '@testing-library/react'
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
})
