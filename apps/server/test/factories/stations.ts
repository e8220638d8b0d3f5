import type { CreateStationBody, Station } from '@unionhall/contracts'
import { expect } from 'vitest'
import type { TestApp, TestSession } from '../build-test-app'

export const ALWAYS_OPEN = { alwaysOpen: true, weekly: [] }
export const NEVER_OPEN = { weekly: [], holidayHours: [] }

let seq = 0

/**
 * A valid station under 龙岗区建筑行业工联会 (open round the clock, one amenity), with a name no
 * other test uses; `over` replaces any field.
 */
export const stationBody = (
  t: TestApp,
  over: Partial<CreateStationBody> = {},
): CreateStationBody => ({
  orgId: t.orgId('龙岗区建筑行业工联会'),
  name: `测试驿站${Date.now().toString(36)}-${++seq}`,
  kind: 'union_love_station',
  address: '深圳市龙岗区测试路1号',
  lat: 22.7,
  lng: 114.25,
  schedule: ALWAYS_OPEN,
  capacity: 10,
  amenities: ['drinking_water'],
  contactName: '王师傅',
  contactMobile: '13912345678',
  ...over,
})

/** Creates a station through POST /api/v1/stations as `session` (staff who may manage it). */
export const createStation = async (
  t: TestApp,
  session: TestSession,
  over: Partial<CreateStationBody> = {},
) => {
  const res = await session.request({
    method: 'POST',
    url: '/api/v1/stations',
    payload: stationBody(t, over),
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json<Station>()
}

/**
 * The code of the station's door poster, read as staff who run it (GET …/check-in-code): what
 * the QR link gives a phone to check in with.
 */
export const doorCode = async (session: TestSession, stationId: string) => {
  const res = await session.request({
    method: 'GET',
    url: `/api/v1/stations/${stationId}/check-in-code`,
  })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<{ code: string; generation: number }>().code
}
