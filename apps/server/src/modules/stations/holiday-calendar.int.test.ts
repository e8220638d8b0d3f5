import type { Coverage, HolidayCalendarReach, Station } from '@unionhall/contracts'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  ACCOUNTS,
  buildTestApp,
  type TestApp,
  type TestSession,
} from '../../../test/build-test-app'
import { expectError } from '../../../test/helpers'
import { addCnHolidayYears } from './index'

/**
 * Where the public-holiday calendar ends, as the roster's coverage and the schedule editor see
 * it. The clock is set to days around the built-in calendar's end (2026-12-31); sessions last
 * 90 days so the ones signed in at the real time stay valid on those days. The calendar is
 * module state of this file's process: the tests run in order and the last one adds 2027.
 */

let t: TestApp
let longgang: TestSession // staff of 龙岗区总工会: station:manage
let lanzhou: TestSession // staff of 兰州市总工会: station:read elsewhere (the calendar is national)
let counsellor: TestSession // no station permission
let station: Station

/** An instant given in Shanghai local time. */
const shanghai = (local: string) => Date.parse(`${local}+08:00`)
const setClock = (local: string) => vi.useFakeTimers({ toFake: ['Date'], now: shanghai(local) })

beforeAll(async () => {
  t = await buildTestApp({ env: { SESSION_TTL_HOURS: String(24 * 90) } })
  ;[longgang, lanzhou, counsellor] = await Promise.all([
    t.loginAs(ACCOUNTS.longgangStaff),
    t.loginAs(ACCOUNTS.lanzhouStaff),
    t.loginAs(ACCOUNTS.beijingCounsellor),
  ])
  const res = await longgang.request({
    method: 'POST',
    url: '/api/v1/stations',
    payload: {
      orgId: t.orgId('龙岗区建筑行业工联会'),
      name: '节假日测试驿站',
      kind: 'construction_site',
      address: '深圳市龙岗区测试路2号',
      lat: 22.7,
      lng: 114.25,
      // Every day 09:00–17:00, closed on public holidays: a known 元旦 has no opening hours.
      schedule: {
        weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '09:00', end: '17:00' })),
        holidayHours: [],
      },
      capacity: 10,
      amenities: ['drinking_water'],
      contactName: '王师傅',
      contactMobile: '13912345678',
    },
  })
  expect(res.statusCode, res.body).toBe(201)
  station = res.json<Station>()
})
afterEach(() => vi.useRealTimers())
afterAll(() => t.close())

const coverageAt = async (local: string) => {
  setClock(local)
  const res = await longgang.request({
    method: 'GET',
    url: `/api/v1/stations/${station.id}/coverage?days=14`,
  })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<Coverage>()
}

const reachAt = async (local: string, s: TestSession = longgang) => {
  setClock(local)
  const res = await s.request({ method: 'GET', url: '/api/v1/stations/holiday-calendar' })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<HolidayCalendarReach>()
}

describe("the roster's coverage says when its window passes the holiday calendar", () => {
  it('a window whose last day is 2026-12-31 is within the calendar', async () => {
    // From the 18th, today and 13 more days end on 2026-12-31 (the window stops at midnight).
    const c = await coverageAt('2026-12-18T10:00:00')
    expect(c.to).toBe(new Date(shanghai('2027-01-01T00:00:00')).toISOString())
    expect(c).toMatchObject({ holidayCalendarEndsOn: '2026-12-31', beyondHolidayCalendar: false })
  })

  it('from the 19th the window reaches 2027, whose days count as ordinary days', async () => {
    const c = await coverageAt('2026-12-19T10:00:00')
    expect(c).toMatchObject({ holidayCalendarEndsOn: '2026-12-31', beyondHolidayCalendar: true })
    // 元旦 2027 is unknown, so the station counts as open 09:00–17:00 that day.
    const newYear = c.intervals.filter((i) => i.start.startsWith('2027-01-01'))
    expect(newYear).toEqual([
      expect.objectContaining({ start: new Date(shanghai('2027-01-01T09:00:00')).toISOString() }),
    ])
  })

  it('a window long after the end is past it too', async () => {
    const c = await coverageAt('2027-03-01T08:00:00')
    expect(c.beyondHolidayCalendar).toBe(true)
  })
})

describe('GET /api/v1/stations/holiday-calendar', () => {
  it('answers the end and the days left from today in Shanghai, to anyone who reads stations', async () => {
    expect(await reachAt('2026-12-01T09:00:00')).toEqual({
      endsOn: '2026-12-31',
      missingYear: 2027,
      daysLeft: 30,
    })
    // 23:30 on the last day is still the last day in Shanghai (15:30 UTC).
    expect(await reachAt('2026-12-31T23:30:00', lanzhou)).toMatchObject({ daysLeft: 0 })
    expect(await reachAt('2027-01-02T00:30:00')).toMatchObject({ daysLeft: -2 })
  })

  it('401 without a session, 403 without station:read', async () => {
    expectError(await t.request({ method: 'GET', url: '/api/v1/stations/holiday-calendar' }), 401)
    expectError(
      await counsellor.request({ method: 'GET', url: '/api/v1/stations/holiday-calendar' }),
      403,
    )
  })
})

describe('a year added to the calendar moves its end', () => {
  it('the coverage and the reach follow the added year, and its 元旦 is closed', async () => {
    const before = await coverageAt('2026-12-19T10:00:00')
    // A test fixture in the notice's shape, NOT the State Council's 2027 calendar.
    addCnHolidayYears([
      {
        year: 2027,
        source: 'test fixture (not a published notice)',
        holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }],
        workdays: [],
      },
    ])
    const after = await coverageAt('2026-12-19T10:00:00')
    expect(after).toMatchObject({
      holidayCalendarEndsOn: '2027-12-31',
      beyondHolidayCalendar: false,
    })
    expect(after.intervals.some((i) => i.start.startsWith('2027-01-01'))).toBe(false)
    expect(after.openMinutes).toBe(before.openMinutes - 8 * 60)
    expect(await reachAt('2026-12-19T10:00:00')).toEqual({
      endsOn: '2027-12-31',
      missingYear: 2028,
      daysLeft: 377,
    })
  })
})
