import type {
  CheckInResult,
  CreateStationBody,
  NearestResult,
  PublicStation,
  Station,
  StationStats,
} from '@unionhall/contracts'
import { NearestHitSchema, NearestResultSchema } from '@unionhall/contracts'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { typed } from '../../platform/db/create-db'
import {
  ACCOUNTS,
  buildTestApp,
  type TestApp,
  type TestSession,
} from '../../../test/build-test-app'
import { freshMobile, makeMember } from '../../../test/factories/members'
import { createStation, doorCode, NEVER_OPEN, stationBody } from '../../../test/factories/stations'
import { ctxAs } from '../../../test/factories/orgs'
import { DEMO_PASSWORD } from '../../demo/seed-demo'
import { auditRows, expectError, MISSING_ID } from '../../../test/helpers'
import { convertCoords, gcj02ToWgs84 } from './domain/coords'
import {
  directoryInvalidate,
  directoryOf,
  reportDirectoryTo,
  WARM_AFTER_CHANGE_MS,
} from './directory/directory.service'
import { COUNTRY_ZOOMS } from './directory/station-directory'
import { CHECK_INS_PER_IP } from './stations.routes'
import type { StationsTables } from './stations.tables'

let t: TestApp
let longgang: TestSession // staff of 龙岗区总工会
let shenzhen: TestSession // org_admin of 深圳市总工会
let gansu: TestSession // org_admin of 甘肃省总工会, outside Shenzhen
let counsellor: TestSession // 北京 counsellor: no station permission

beforeAll(async () => {
  t = await buildTestApp()
  ;[longgang, shenzhen, gansu, counsellor] = await Promise.all([
    t.loginAs(ACCOUNTS.longgangStaff),
    t.loginAs(ACCOUNTS.shenzhenAdmin),
    t.loginAs(ACCOUNTS.gansuAdmin),
    t.loginAs(ACCOUNTS.beijingCounsellor),
  ])
})
afterAll(() => t.close())

// A remote spot (Hainan's Sansha waters) where the demo has no stations, so nearest answers
// only what a test creates there.
const FAR = { lat: 16.8, lng: 112.33 }
const body = (over: Partial<CreateStationBody> = {}) => stationBody(t, over)
const create = (over: Partial<CreateStationBody> = {}, s = longgang) => createStation(t, s, over)

const nearest = async (query: Record<string, string | number | boolean>) => {
  const qs = new URLSearchParams(
    Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]),
  )
  const res = await t.request({
    method: 'GET',
    url: `/api/v1/public/stations/nearest?${qs.toString()}`,
  })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<NearestResult>()
}

describe('creating and editing stations', () => {
  it('stores GCJ-02 input as WGS-84, masks the contact and audits the change', async () => {
    const s = await create({ lat: 22.7209, lng: 114.2467, coordSystem: 'gcj02' })
    const wgs = gcj02ToWgs84(22.7209, 114.2467)
    expect(s.lat).toBeCloseTo(wgs.lat, 6)
    expect(s.lng).toBeCloseTo(wgs.lng, 6)
    expect(s.contactMobileMasked).toBe('139****5678')
    expect(JSON.stringify(s)).not.toContain('13912345678')
    const row = await typed<StationsTables>(t.database.db)
      .selectFrom('station')
      .selectAll()
      .where('id', '=', s.id)
      .executeTakeFirstOrThrow()
    expect(row.contact_mobile_enc).not.toContain('13912345678')
    const [audit] = await auditRows(t, { action: 'station.create', targetId: s.id })
    expect(audit).toBeDefined()
  })

  it('refuses coordinates out of range, bad schedules and zero capacity with field paths; nothing is saved', async () => {
    const before = await longgang.request({ method: 'GET', url: '/api/v1/stations?pageSize=1' })
    const total = before.json<{ total: number }>().total
    const cases: Array<[Partial<CreateStationBody>, string]> = [
      [{ lat: 91 }, 'lat'],
      [{ lng: -181 }, 'lng'],
      [{ schedule: { weekly: [{ day: 1, start: '08:00', end: '08:00' }] } }, 'schedule'],
      [
        {
          schedule: {
            weekly: [
              { day: 2, start: '08:00', end: '12:00' },
              { day: 2, start: '11:00', end: '14:00' },
            ],
          },
        },
        'weekly.1',
      ],
      [{ schedule: { weekly: [{ day: 1, start: '25:00', end: '08:00' }] } }, 'schedule'],
      [{ capacity: 0 }, 'capacity'],
      [{ amenities: ['teleporter' as never] }, 'amenities'],
    ]
    for (const [over, path] of cases) {
      const e = expectError(
        await longgang.request({ method: 'POST', url: '/api/v1/stations', payload: body(over) }),
        400,
      )
      expect(JSON.stringify(e.details), JSON.stringify(over)).toContain(path)
    }
    const after = await longgang.request({ method: 'GET', url: '/api/v1/stations?pageSize=1' })
    expect(after.json<{ total: number }>().total).toBe(total)
  })

  it('answers 401 without a session and 403 outside the org subtree or without the permission', async () => {
    expectError(await t.request({ method: 'POST', url: '/api/v1/stations', payload: body() }), 401)
    expectError(
      await gansu.request({ method: 'POST', url: '/api/v1/stations', payload: body() }),
      403,
      'ACCESS_DENIED',
    )
    expectError(await counsellor.request({ method: 'GET', url: '/api/v1/stations' }), 403)
    const s = await create()
    expectError(await gansu.request({ method: 'GET', url: `/api/v1/stations/${s.id}` }), 403)
    expectError(
      await gansu.request({
        method: 'PATCH',
        url: `/api/v1/stations/${s.id}`,
        payload: { capacity: 3 },
      }),
      403,
    )
    expectError(
      await longgang.request({ method: 'GET', url: `/api/v1/stations/${MISSING_ID}` }),
      404,
      'STATION_NOT_FOUND',
    )
  })

  it('a PATCH changes only the fields it names (no defaults fill in the rest)', async () => {
    const s = await create({
      zones: [{ kind: 'medical' }, { kind: 'convenience', note: '微波炉' }],
      services: [{ kind: 'labour_protection_advice', title: '劳动保护咨询', dates: [] }],
      description: '建筑工人的家',
      amenities: ['drinking_water', 'microwave'],
    })
    const res = await longgang.request({
      method: 'PATCH',
      url: `/api/v1/stations/${s.id}`,
      payload: { capacity: 25 },
    })
    expect(res.statusCode, res.body).toBe(200)
    const after = res.json<Station>()
    expect(after.capacity).toBe(25)
    expect(after.zones).toEqual(s.zones)
    expect(after.services).toEqual(s.services)
    expect(after.description).toBe('建筑工人的家')
    expect(after.amenities).toEqual(['drinking_water', 'microwave'])
    expect(after.lat).toBe(s.lat)
    const audits = await auditRows(t, { action: 'station.update', targetId: s.id })
    expect(audits).toHaveLength(1)
    expect(JSON.parse(String(audits[0]!.summary))).toMatchObject({ fields: ['capacity'] })
  })

  it('refuses a service date that is not in the calendar, and changes nothing', async () => {
    const s = await create({
      services: [{ kind: 'health_consultation', title: '义诊', dates: ['2026-12-01'] }],
    })
    for (const date of ['2026-02-30', '2026-04-31', '2026-02-29']) {
      const res = await longgang.request({
        method: 'PATCH',
        url: `/api/v1/stations/${s.id}`,
        payload: { services: [{ kind: 'health_consultation', title: '义诊', dates: [date] }] },
      })
      const error = expectError(res, 400, 'VALIDATION_FAILED')
      expect(JSON.stringify(error.details)).toContain('services')
    }
    const after = await longgang.request({ method: 'GET', url: `/api/v1/stations/${s.id}` })
    expect(after.json<Station>().services).toEqual(s.services)
    expect(await auditRows(t, { action: 'station.update', targetId: s.id })).toHaveLength(0)
    // A leap day is a date.
    const leap = await longgang.request({
      method: 'PATCH',
      url: `/api/v1/stations/${s.id}`,
      payload: {
        services: [{ kind: 'health_consultation', title: '义诊', dates: ['2028-02-29'] }],
      },
    })
    expect(leap.statusCode, leap.body).toBe(200)
  })

  it('edits fields, keeps lat and lng together, closes and reopens with audits', async () => {
    const s = await create()
    const bad = await longgang.request({
      method: 'PATCH',
      url: `/api/v1/stations/${s.id}`,
      payload: { lat: 23 },
    })
    expectError(bad, 400, 'VALIDATION_FAILED')
    const res = await longgang.request({
      method: 'PATCH',
      url: `/api/v1/stations/${s.id}`,
      payload: { capacity: 20, amenities: ['microwave', 'wifi'] },
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json<Station>()).toMatchObject({ capacity: 20, amenities: ['microwave', 'wifi'] })
    expect(res.json<Station>().contactMobileMasked).toBe('139****5678')

    const closed = await longgang.request({
      method: 'POST',
      url: `/api/v1/stations/${s.id}/close`,
      payload: { reason: '工地完工' },
    })
    expect(closed.json<Station>()).toMatchObject({ status: 'closed', closedReason: '工地完工' })
    expectError(
      await longgang.request({
        method: 'POST',
        url: `/api/v1/stations/${s.id}/close`,
        payload: { reason: 'x' },
      }),
      409,
      'STATION_CLOSED',
    )
    expectError(await t.request({ method: 'GET', url: `/api/v1/public/stations/${s.id}` }), 404)
    const reopened = await longgang.request({
      method: 'POST',
      url: `/api/v1/stations/${s.id}/reopen`,
    })
    expect(reopened.json<Station>().status).toBe('active')
    const actions = (await auditRows(t, { targetId: s.id })).map((a) => a.action)
    expect(actions).toEqual(['station.create', 'station.update', 'station.close', 'station.reopen'])
  })

  it('applies both of two edits saved at once, and closes a station once however many click', async () => {
    for (let trial = 0; trial < 3; trial++) {
      const s = await create({ capacity: 15 })
      const [a, b] = await Promise.all([
        longgang.request({
          method: 'PATCH',
          url: `/api/v1/stations/${s.id}`,
          payload: { capacity: 99 },
        }),
        shenzhen.request({
          method: 'PATCH',
          url: `/api/v1/stations/${s.id}`,
          payload: { name: `并发改名${trial}` },
        }),
      ])
      expect([a.statusCode, b.statusCode]).toEqual([200, 200])
      const now = (
        await longgang.request({ method: 'GET', url: `/api/v1/stations/${s.id}` })
      ).json<Station>()
      expect(now).toMatchObject({ capacity: 99, name: `并发改名${trial}` })
    }

    const s = await create()
    const clicks = await Promise.all(
      Array.from({ length: 5 }, () =>
        longgang.request({
          method: 'POST',
          url: `/api/v1/stations/${s.id}/close`,
          payload: { reason: '工地完工' },
        }),
      ),
    )
    expect(clicks.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409])
    expect(await auditRows(t, { action: 'station.close', targetId: s.id })).toHaveLength(1)
    // An edit racing a close: either it lands first, or it is refused because the station closed.
    const s2 = await create()
    const [close, edit] = await Promise.all([
      longgang.request({
        method: 'POST',
        url: `/api/v1/stations/${s2.id}/close`,
        payload: { reason: '搬迁' },
      }),
      longgang.request({
        method: 'PATCH',
        url: `/api/v1/stations/${s2.id}`,
        payload: { capacity: 30 },
      }),
    ])
    expect(close.statusCode).toBe(200)
    // Audit rows carry each request's own time, so their order need not be the commit order.
    const actions = (await auditRows(t, { targetId: s2.id })).map((r) => r.action).sort()
    const after = (
      await longgang.request({ method: 'GET', url: `/api/v1/stations/${s2.id}` })
    ).json<Station>()
    expect(after.status).toBe('closed')
    if (edit.statusCode === 200) {
      expect(after.capacity).toBe(30)
      expect(actions).toEqual(['station.close', 'station.create', 'station.update'])
    } else {
      expectError(edit, 409, 'STATION_CLOSED')
      expect(after.capacity).not.toBe(30)
      expect(actions).toEqual(['station.close', 'station.create'])
    }
  })

  it('reveals the full contact mobile only on request, and audits the read', async () => {
    const s = await create({ contactMobile: '13700001111' })
    const res = await shenzhen.request({ method: 'GET', url: `/api/v1/stations/${s.id}/contact` })
    expect(res.json()).toEqual({ contactName: '王师傅', contactMobile: '13700001111' })
    const reads = await auditRows(t, { action: 'station.contact.read', targetId: s.id })
    expect(reads).toHaveLength(1)

    // A volunteer may read the station (masked contact) but not reveal the number.
    const mobile = freshMobile()
    await makeMember(t, await ctxAs(t, shenzhen.memberId), {
      mobile,
      orgId: t.orgId('龙岗区建筑行业工联会'),
      password: DEMO_PASSWORD,
      roles: ['volunteer'],
    })
    const v = await t.loginAs(mobile)
    const seen = await v.request({ method: 'GET', url: `/api/v1/stations/${s.id}` })
    expect(seen.statusCode, seen.body).toBe(200)
    expect(seen.json<Station>().contactMobileMasked).toBe('137****1111')
    expectError(
      await v.request({ method: 'GET', url: `/api/v1/stations/${s.id}/contact` }),
      403,
      'ACCESS_DENIED',
    )
    expect(await auditRows(t, { action: 'station.contact.read', targetId: s.id })).toHaveLength(1)
  })
})

describe('the public duty phone (值班电话)', () => {
  const publicOf = async (id: string) => {
    const res = await t.request({ method: 'GET', url: `/api/v1/public/stations/${id}` })
    expect(res.statusCode, res.body).toBe(200)
    return res.json<PublicStation>()
  }
  const staffOf = async (id: string) =>
    (await longgang.request({ method: 'GET', url: `/api/v1/stations/${id}` })).json<Station>()

  it('is stored canonical, shown in full on the public page, and the personal mobile stays masked', async () => {
    const s = await create({ dutyPhone: '（0931）8123456转801', contactMobile: '13700002222' })
    expect(s.dutyPhone).toBe('0931-8123456-801')
    expect((await staffOf(s.id)).dutyPhone).toBe('0931-8123456-801')
    const pub = await publicOf(s.id)
    expect(pub).toMatchObject({ dutyPhone: '0931-8123456-801', contactMobileMasked: '137****2222' })
    expect(JSON.stringify(pub)).not.toContain('13700002222')
    const row = await typed<StationsTables>(t.database.db)
      .selectFrom('station')
      .select('duty_phone')
      .where('id', '=', s.id)
      .executeTakeFirstOrThrow()
    expect(row.duty_phone).toBe('0931-8123456-801')
    // None given: null everywhere.
    const none = await create()
    expect(none.dutyPhone).toBeNull()
    expect((await publicOf(none.id)).dutyPhone).toBeNull()
  })

  it('is set, kept by a PATCH without it, and cleared with null, each change audited', async () => {
    const s = await create()
    const patch = (payload: Record<string, unknown>) =>
      longgang.request({ method: 'PATCH', url: `/api/v1/stations/${s.id}`, payload })
    const set = await patch({ dutyPhone: '400 123 4567' })
    expect(set.statusCode, set.body).toBe(200)
    expect(set.json<Station>().dutyPhone).toBe('400-123-4567')
    expect((await patch({ capacity: 12 })).json<Station>().dutyPhone).toBe('400-123-4567')
    expect((await publicOf(s.id)).dutyPhone).toBe('400-123-4567')
    const cleared = await patch({ dutyPhone: null })
    expect(cleared.json<Station>().dutyPhone).toBeNull()
    expect((await publicOf(s.id)).dutyPhone).toBeNull()
    const audits = await auditRows(t, { action: 'station.update', targetId: s.id })
    expect(audits.map((a) => JSON.parse(String(a.summary)) as unknown)).toEqual([
      { fields: ['dutyPhone'] },
      { fields: ['capacity'] },
      { fields: ['dutyPhone'] },
    ])
  })

  it('refuses a number of another shape with 400 STATION_DUTY_PHONE_INVALID on dutyPhone; nothing is saved', async () => {
    const s = await create({ dutyPhone: '0931-8123456' })
    const audits = (await auditRows(t)).length
    for (const bad of ['8123456', '0931-8123456 或 0931-8123457', '1391234567', 'tel:123', '']) {
      for (const res of [
        await longgang.request({
          method: 'POST',
          url: '/api/v1/stations',
          payload: body({ dutyPhone: bad }),
        }),
        await longgang.request({
          method: 'PATCH',
          url: `/api/v1/stations/${s.id}`,
          payload: { dutyPhone: bad },
        }),
      ]) {
        const e = expectError(res, 400, 'VALIDATION_FAILED')
        expect(e.details, bad).toEqual([
          { path: 'body.dutyPhone', message: 'STATION_DUTY_PHONE_INVALID' },
        ])
      }
    }
    // Worded in the reader's language, as every answer is.
    const en = await longgang.request({
      method: 'PATCH',
      url: `/api/v1/stations/${s.id}`,
      payload: { dutyPhone: '12345' },
      headers: { 'accept-language': 'en' },
    })
    expect(expectError(en, 400, 'VALIDATION_FAILED').message).toBe('Some fields are invalid')
    expect((await staffOf(s.id)).dutyPhone).toBe('0931-8123456')
    expect((await auditRows(t)).length).toBe(audits)
  })

  it('is changed only by staff of the station’s subtree', async () => {
    const s = await create({ dutyPhone: '0931-8123456' })
    const payload = { dutyPhone: '0931-8000000' }
    const url = `/api/v1/stations/${s.id}`
    expectError(await t.request({ method: 'PATCH', url, payload }), 401)
    expectError(await gansu.request({ method: 'PATCH', url, payload }), 403, 'ACCESS_DENIED')
    expectError(await counsellor.request({ method: 'PATCH', url, payload }), 403)
    expect((await staffOf(s.id)).dutyPhone).toBe('0931-8123456')
    expect(await auditRows(t, { action: 'station.update', targetId: s.id })).toEqual([])
  })
})

describe('overnight periods are explicit (ADR 0026)', () => {
  // Staff meant 08:00–17:00 and typed 17:00–08:00: without the flag it is not a night shift.
  const typo = { weekly: [{ day: 1, start: '17:00', end: '08:00' }] }
  const nights = {
    weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({
      day,
      start: '17:00',
      end: '08:00',
      overnight: true,
    })),
  }
  // Another remote spot, away from FAR, so nearest answers only this block's stations.
  const NIGHT_SPOT = { lat: 16.45, lng: 111.7 }
  /** A UTC instant from Shanghai local time "YYYY-MM-DDTHH:MM". */
  const sh = (local: string) => new Date(`${local}:00+08:00`)
  const total = async () =>
    (await longgang.request({ method: 'GET', url: '/api/v1/stations?pageSize=1' })).json<{
      total: number
    }>().total

  it('refuses an end before the start without the flag on create and update; nothing changes', async () => {
    const before = await total()
    const audits = (await auditRows(t)).length
    const created = expectError(
      await longgang.request({
        method: 'POST',
        url: '/api/v1/stations',
        payload: body({ schedule: typo }),
      }),
      400,
      'VALIDATION_FAILED',
    )
    expect(created.details).toEqual([
      expect.objectContaining({
        path: 'schedule.weekly.0.end',
        code: 'PERIOD_ENDS_BEFORE_START',
      }),
    ])
    expect(await total()).toBe(before)
    expect((await auditRows(t)).length).toBe(audits)

    const s = await create({ schedule: nights })
    const updated = expectError(
      await longgang.request({
        method: 'PATCH',
        url: `/api/v1/stations/${s.id}`,
        payload: { schedule: typo },
      }),
      400,
      'VALIDATION_FAILED',
    )
    expect(updated.details).toEqual([
      expect.objectContaining({
        path: 'schedule.weekly.0.end',
        code: 'PERIOD_ENDS_BEFORE_START',
      }),
    ])
    // The flag on a period that ends the same day is refused too.
    const flagged = expectError(
      await longgang.request({
        method: 'PATCH',
        url: `/api/v1/stations/${s.id}`,
        payload: {
          schedule: { weekly: [{ day: 1, start: '08:00', end: '17:00', overnight: true }] },
        },
      }),
      400,
      'VALIDATION_FAILED',
    )
    expect(flagged.details).toEqual([
      expect.objectContaining({ path: 'schedule.weekly.0.overnight', code: 'OVERNIGHT_INVALID' }),
    ])
    const read = await longgang.request({ method: 'GET', url: `/api/v1/stations/${s.id}` })
    expect(read.json<Station>().schedule).toEqual(s.schedule)
    expect(read.json<Station>().updatedAt).toBe(s.updatedAt)
    expect(await auditRows(t, { action: 'station.update', targetId: s.id })).toEqual([])
  })

  it('accepts the same period marked overnight: open at 23:00 and at 07:00 the next morning', async () => {
    const s = await create({ ...NIGHT_SPOT, name: '夜班环卫驿站', schedule: nights })
    expect(s.schedule.weekly[0]).toEqual({ day: 1, start: '17:00', end: '08:00', overnight: true })
    // An existing station takes the overnight period through an update as well.
    const other = await create({ lat: NIGHT_SPOT.lat + 0.001, lng: NIGHT_SPOT.lng })
    const patched = await longgang.request({
      method: 'PATCH',
      url: `/api/v1/stations/${other.id}`,
      payload: { schedule: nights },
    })
    expect(patched.statusCode, patched.body).toBe(200)
    expect(patched.json<Station>().schedule).toEqual(nights)

    const publicAt = async (local: string) => {
      vi.useFakeTimers({ toFake: ['Date'], now: sh(local) })
      try {
        const res = await t.request({ method: 'GET', url: `/api/v1/public/stations/${s.id}` })
        expect(res.statusCode, res.body).toBe(200)
        const open = await nearest({ ...NIGHT_SPOT, k: 5, openNow: true, maxDistanceM: 1000 })
        return { page: res.json<PublicStation>(), openIds: open.items.map((h) => h.id) }
      } finally {
        vi.useRealTimers()
      }
    }
    // Monday 2026-12-07, an ordinary week.
    const night = await publicAt('2026-12-07T23:00')
    expect(night.page.openNow).toBe(true)
    expect(night.page.nextChange).toEqual({
      at: sh('2026-12-08T08:00').toISOString(),
      open: false,
    })
    expect(night.openIds).toEqual([s.id, other.id])
    const morning = await publicAt('2026-12-08T07:00')
    expect(morning.page.openNow).toBe(true)
    expect(morning.openIds).toEqual([s.id, other.id])
    const noon = await publicAt('2026-12-08T12:00')
    expect(noon.page.openNow).toBe(false)
    expect(noon.page.nextChange).toEqual({
      at: sh('2026-12-08T17:00').toISOString(),
      open: true,
    })
    expect(noon.openIds).toEqual([])
  })
})

describe('listing', () => {
  it('pages, searches name and address, filters by amenity and stays inside the subtree', async () => {
    await create({ name: '搜索专用驿站甲', amenities: ['microwave', 'toilet'] })
    await create({ name: '搜索专用驿站乙', amenities: ['toilet'] })
    const res = await longgang.request({
      method: 'GET',
      url: `/api/v1/stations?q=${encodeURIComponent('搜索专用')}&amenities=microwave`,
    })
    const page = res.json<{ items: Station[]; total: number }>()
    expect(page.items.map((s) => s.name)).toEqual(['搜索专用驿站甲'])
    const bad = await longgang.request({ method: 'GET', url: '/api/v1/stations?amenities=nope' })
    expectError(bad, 400, 'VALIDATION_FAILED')
    const gansuList = await gansu.request({
      method: 'GET',
      url: `/api/v1/stations?q=${encodeURIComponent('搜索专用')}`,
    })
    expect(gansuList.json<{ total: number }>().total).toBe(0)
    const p2 = await longgang.request({ method: 'GET', url: '/api/v1/stations?page=2&pageSize=5' })
    expect(p2.json<{ items: unknown[]; page: number }>()).toMatchObject({ page: 2 })
    expect(p2.json<{ items: unknown[] }>().items).toHaveLength(5)
  })

  it('reads % and _ in the search box as characters, not wildcards', async () => {
    await create({ name: '满意度100%驿站' })
    const search = async (q: string) =>
      (
        await longgang.request({
          method: 'GET',
          url: `/api/v1/stations?q=${encodeURIComponent(q)}`,
        })
      ).json<{ items: Station[]; total: number }>()
    expect((await search('%')).items.map((s) => s.name)).toEqual(['满意度100%驿站'])
    expect((await search('100%')).total).toBe(1)
    expect((await search('_')).total).toBe(0)
    expect((await search('\\')).total).toBe(0)
  })
})

describe('finding the nearest station (public)', () => {
  it('answers nearest first with distances, open-now and amenity filters, and Chinese text', async () => {
    const a = await create({
      ...FAR,
      name: '远海驿站A',
      schedule: NEVER_OPEN,
      amenities: ['microwave'],
    })
    const b = await create({
      lat: FAR.lat + 0.01,
      lng: FAR.lng,
      name: '远海驿站B',
      amenities: ['drinking_water'],
    })
    const c = await create({
      lat: FAR.lat + 0.02,
      lng: FAR.lng,
      name: '远海驿站C',
      schedule: {
        weekly: [{ day: 1, start: '08:00', end: '09:00' }],
        exceptions: [],
        alwaysOpen: false,
      },
      amenities: ['microwave', 'toilet'],
    })
    const all = await nearest({ ...FAR, k: 3, maxDistanceM: 5000 })
    expect(all.items.map((h) => h.id)).toEqual([a.id, b.id, c.id])
    // The answer is rendered by hand on this hot path: it must be exactly the contract.
    expect(NearestResultSchema.parse(all)).toEqual(all)
    for (const item of all.items) {
      expect(Object.keys(item).sort()).toEqual(Object.keys(NearestHitSchema.shape).sort())
    }
    expect(Object.keys(all).sort()).toEqual(['items', 'understood'])
    expect(all.items[0]!.distanceM).toBeLessThan(5)
    expect(all.items[1]!.distanceM).toBeGreaterThan(1000)

    const open = await nearest({ ...FAR, k: 3, openNow: true, maxDistanceM: 5000 })
    expect(open.items[0]!.id).toBe(b.id)
    expect(open.items.every((h) => h.openNow)).toBe(true)

    const hot = await nearest({ ...FAR, k: 5, q: '能热饭', maxDistanceM: 5000 })
    expect(hot.understood.amenities).toEqual(['microwave'])
    expect(hot.items.map((h) => h.id)).toEqual([a.id, c.id])

    const allDay = await nearest({ ...FAR, k: 5, q: '24小时', maxDistanceM: 5000 })
    expect(allDay.understood.alwaysOpen).toBe(true)
    expect(allDay.items.map((h) => h.id)).toEqual([b.id])

    const byName = await nearest({ ...FAR, k: 5, q: '远海驿站C', maxDistanceM: 5000 })
    expect(byName.items.map((h) => h.id)).toEqual([c.id])

    const amen = await nearest({ ...FAR, k: 5, amenities: 'microwave,toilet', maxDistanceM: 5000 })
    expect(amen.items.map((h) => h.id)).toEqual([c.id])
  })

  it('takes and answers coordinates in the requested system', async () => {
    const s = await create({ lat: FAR.lat + 0.5, lng: FAR.lng + 0.5, name: '坐标驿站' })
    const res = await nearest({ lat: s.lat, lng: s.lng, k: 1, coordSystem: 'wgs84' })
    expect(res.items[0]!.id).toBe(s.id)
    const gcj = await nearest({ lat: s.lat, lng: s.lng, k: 1, coordSystem: 'gcj02' })
    // The answer is in GCJ-02 too: not the stored WGS-84 point.
    expect(Math.abs(gcj.items[0]!.lng - s.lng)).toBeGreaterThan(0.001)

    // Several hits in another system: each is rendered for the request (not from the cached
    // WGS-84 fragment) and the hand-written answer is still exactly the contract.
    await create({ lat: s.lat + 0.001, lng: s.lng, name: '坐标驿站北' })
    await create({ lat: s.lat, lng: s.lng + 0.002, name: '坐标驿站东' })
    const inWgs = await nearest({ lat: s.lat, lng: s.lng, k: 3, coordSystem: 'wgs84' })
    const bd = convertCoords({ lat: s.lat, lng: s.lng }, 'wgs84', 'bd09')
    const inBd = await nearest({ lat: bd.lat, lng: bd.lng, k: 3, coordSystem: 'bd09' })
    expect(NearestResultSchema.parse(inBd)).toEqual(inBd)
    expect(inBd.items.map((h) => [h.id, h.name])).toEqual(inWgs.items.map((h) => [h.id, h.name]))
    for (const [i, h] of inBd.items.entries()) {
      expect(Math.abs(h.lat - inWgs.items[i]!.lat)).toBeGreaterThan(0.001)
    }
  })

  it('warms the whole-country clusters in the background after a load and after a change', async () => {
    const directory = await directoryOf(t.database.db)
    const warmed = async () => {
      // One piece per event-loop turn (two grids, then zooms 3, 4 and 5), after a pause when a
      // change started it; poll without computing anything ourselves.
      const deadline = Date.now() + WARM_AFTER_CHANGE_MS + 5000
      while (!COUNTRY_ZOOMS.every((zoom) => directory.clustersCached(zoom))) {
        if (Date.now() > deadline) return false
        await new Promise((r) => setTimeout(r, 20))
      }
      return true
    }
    const world = { west: -180, south: -85, east: 180, north: 85 }
    // Read only once warm: clusters() would otherwise compute what it reads.
    const counted = (zoom: number) =>
      directory.clusters({ ...world, zoom }).reduce((n, c) => n + c.count, 0)
    expect(await warmed()).toBe(true)
    const before = COUNTRY_ZOOMS.map(counted)
    // A station written in this process patches the directory, which drops the clusters; they
    // are computed again, with the new station, before anyone asks.
    await create({ lat: FAR.lat + 1, lng: FAR.lng + 1, name: '预热驿站' })
    expect(await warmed()).toBe(true)
    expect(COUNTRY_ZOOMS.map(counted)).toEqual(before.map((n) => n + 1))
    expect(directory.warmIndex('fine')).toBe(false)
    expect(directory.warmIndex('coarse')).toBe(false)
  })

  it('leaves out a station row with an impossible point, loaded or reopened, instead of failing every search', async () => {
    const s = await create({ lat: FAR.lat + 0.2, lng: FAR.lng + 0.2, name: '坐标错误驿站' })
    const db = typed<StationsTables>(t.database.db)
    // The operator hears of it (the app's log), each time the row is left out.
    const skipped: string[][] = []
    reportDirectoryTo(t.database.db, { skipped: (ids) => skipped.push(ids), warmFailed: () => {} })
    const searchStillWorks = async () => {
      const res = await nearest({ lat: FAR.lat, lng: FAR.lng, k: 50, maxDistanceM: 100_000 })
      expect(res.items.map((h) => h.id)).not.toContain(s.id)
      expect((await directoryOf(t.database.db)).get(s.id)).toBeUndefined()
    }
    try {
      // Written around the service (which refuses such a point), as raw SQL or another tool
      // could, then loaded…
      await db.updateTable('station').set({ lat: 95 }).where('id', '=', s.id).execute()
      directoryInvalidate(t.database.db)
      await searchStillWorks()
      // …or closed and reopened here, which patches the directory without a reload.
      const close = await longgang.request({
        method: 'POST',
        url: `/api/v1/stations/${s.id}/close`,
        payload: { reason: '坐标待核实' },
      })
      expect(close.statusCode, close.body).toBe(200)
      const reopen = await longgang.request({
        method: 'POST',
        url: `/api/v1/stations/${s.id}/reopen`,
      })
      expect(reopen.statusCode, reopen.body).toBe(200)
      await searchStillWorks()
      expect(skipped).toEqual([[s.id], [s.id]])
    } finally {
      reportDirectoryTo(t.database.db, null)
      await db.updateTable('station').set({ lat: s.lat }).where('id', '=', s.id).execute()
      directoryInvalidate(t.database.db)
    }
  })

  it('refuses out-of-range coordinates and unknown amenities with 400', async () => {
    for (const qs of ['lat=95&lng=100', 'lat=30&lng=200', 'lat=x&lng=1', 'lat=30&lng=100&k=0']) {
      expectError(
        await t.request({ method: 'GET', url: `/api/v1/public/stations/nearest?${qs.toString()}` }),
        400,
      )
    }
    // Empty, blank or hex numbers are not read as 0 or 16 (0°N 0°E is in the Gulf of Guinea).
    for (const qs of ['lat=&lng=', 'lat=%20&lng=0', 'lat=0x10&lng=100', 'lat=30&lng=100&k=']) {
      expectError(
        await t.request({ method: 'GET', url: `/api/v1/public/stations/nearest?${qs}` }),
        400,
        'VALIDATION_FAILED',
      )
    }
    const list = await shenzhen.request({ method: 'GET', url: '/api/v1/stations?page=&pageSize=' })
    expectError(list, 400, 'VALIDATION_FAILED')
    expectError(
      await t.request({
        method: 'GET',
        url: '/api/v1/public/stations/nearest?lat=30&lng=100&amenities=spa',
      }),
      400,
      'VALIDATION_FAILED',
    )
  })

  it('clusters the whole country at low zoom and splits into single stations when zoomed in', async () => {
    const res = await t.request({
      method: 'GET',
      url: '/api/v1/public/stations/clusters?west=73&south=18&east=135&north=54&zoom=4',
    })
    expect(res.statusCode, res.body).toBe(200)
    const items = res.json<{ items: Array<{ count: number; lat: number; lng: number }> }>().items
    // Centroids are averages: sent with 7 decimals (about 1 cm), as stored points are.
    for (const c of items) {
      expect(Math.round(c.lat * 1e7) / 1e7).toBe(c.lat)
      expect(Math.round(c.lng * 1e7) / 1e7).toBe(c.lng)
    }
    const list = await shenzhen.request({ method: 'GET', url: '/api/v1/stations?pageSize=1' })
    expect(list.statusCode).toBe(200)
    const total = items.reduce((n, c) => n + c.count, 0)
    expect(total).toBeGreaterThan(300)
    expect(items.length).toBeLessThan(total)
    const close = await t.request({
      method: 'GET',
      url: `/api/v1/public/stations/clusters?west=${FAR.lng - 0.1}&south=${FAR.lat - 0.1}&east=${FAR.lng + 0.1}&north=${FAR.lat + 0.1}&zoom=18`,
    })
    const singles = close.json<{ items: Array<{ count: number; id: string | null }> }>().items
    expect(singles.length).toBeGreaterThanOrEqual(3)
    expect(singles.every((c) => c.count === 1 && c.id)).toBe(true)
  })

  it("limits clusters to an org's subtree when asked (an org's own map)", async () => {
    const china = 'west=70&south=0&east=140&north=55&zoom=4'
    const count = async (qs: string) => {
      const res = await t.request({ method: 'GET', url: `/api/v1/public/stations/clusters?${qs}` })
      expect(res.statusCode, res.body).toBe(200)
      return res.json<{ items: Array<{ count: number }> }>().items.reduce((n, c) => n + c.count, 0)
    }
    const all = await count(china)
    const longgang = await count(`${china}&orgId=${t.orgId('龙岗区总工会')}`)
    const list = await shenzhen.request({
      method: 'GET',
      url: `/api/v1/stations?orgId=${t.orgId('龙岗区总工会')}&status=active&pageSize=1`,
    })
    expect(longgang).toBe(list.json<{ total: number }>().total)
    expect(longgang).toBeLessThan(all)
    expectError(
      await t.request({
        method: 'GET',
        url: `/api/v1/public/stations/clusters?${china}&orgId=${MISSING_ID}`,
      }),
      404,
    )
  })
})

describe('check-in and occupancy', () => {
  // The door poster's code of each station, read once as the staff who created it.
  const codes = new Map<string, string>()
  const codeOf = async (id: string) => {
    if (id === MISSING_ID) return 'ABCDEFGHJK'
    let code = codes.get(id)
    if (code === undefined) codes.set(id, (code = await doorCode(longgang, id)))
    return code
  }
  const checkIn = async (id: string, deviceId: string, code?: string) =>
    t.request({
      method: 'POST',
      url: `/api/v1/public/stations/${id}/check-ins`,
      payload: { deviceId, code: code ?? (await codeOf(id)) },
    })

  it('checks in only with the door code: not without, not a wrong or a rotated one', async () => {
    const s = await create({ capacity: 3 })
    const device = 'device-doorcodedoorcode'
    const noCode = await t.request({
      method: 'POST',
      url: `/api/v1/public/stations/${s.id}/check-ins`,
      payload: { deviceId: device },
    })
    expectError(noCode, 400, 'VALIDATION_FAILED')
    const first = await codeOf(s.id)
    expect(first).toMatch(/^[2-9A-HJ-NP-Z]{10}$/)
    // Another station's code does not open this one.
    const other = await create()
    expect(await codeOf(other.id)).not.toBe(first)
    expectError(
      await checkIn(s.id, device, await codeOf(other.id)),
      403,
      'STATION_CHECK_IN_CODE_INVALID',
    )
    expectError(await checkIn(s.id, device, 'ABCDEFGHJK'), 403, 'STATION_CHECK_IN_CODE_INVALID')
    expect((await auditRows(t, { targetId: s.id })).map((a) => a.action)).toEqual([
      'station.create',
    ])
    // Typed from the poster in lower case, it still counts.
    expect((await checkIn(s.id, device, first.toLowerCase())).statusCode).toBe(201)

    // Rotation: posters printed before stop checking phones in; phones checked in stay so.
    const volunteer = await counsellor.request({
      method: 'POST',
      url: `/api/v1/stations/${s.id}/check-in-code/rotate`,
    })
    expectError(volunteer, 403)
    const outside = await gansu.request({
      method: 'GET',
      url: `/api/v1/stations/${s.id}/check-in-code`,
    })
    expectError(outside, 403, 'ACCESS_DENIED')
    const anonymous = await t.request({
      method: 'GET',
      url: `/api/v1/stations/${s.id}/check-in-code`,
    })
    expectError(anonymous, 401)
    const rotated = await shenzhen.request({
      method: 'POST',
      url: `/api/v1/stations/${s.id}/check-in-code/rotate`,
    })
    expect(rotated.statusCode, rotated.body).toBe(200)
    const next = rotated.json<{ code: string; generation: number }>()
    expect(next.generation).toBe(2)
    expect(next.code).not.toBe(first)
    expect(await doorCode(longgang, s.id)).toBe(next.code)
    expectError(
      await checkIn(s.id, 'device-oldposteroldposter', first),
      403,
      'STATION_CHECK_IN_CODE_INVALID',
    )
    expect((await checkIn(s.id, 'device-newposternewposter', next.code)).statusCode).toBe(201)
    const again = await checkIn(s.id, device, next.code)
    expect(again.json<CheckInResult>()).toMatchObject({ created: false, occupancy: { count: 2 } })
    const rows = await auditRows(t, { targetId: s.id })
    expect(rows.map((a) => a.action)).toEqual([
      'station.create',
      'station.check-in',
      'station.check-in-code.rotate',
      'station.check-in',
    ])
    expect(JSON.stringify(rows)).not.toContain(first)
    expect(JSON.stringify(rows)).not.toContain(next.code)
  })

  it('refuses a check-in outside opening hours and records nothing', async () => {
    const s = await create({ schedule: NEVER_OPEN, capacity: 3 })
    expectError(await checkIn(s.id, 'device-nightnightnight1'), 409, 'STATION_NOT_OPEN_NOW')
    expect((await auditRows(t, { targetId: s.id })).map((a) => a.action)).toEqual([
      'station.create',
    ])
    const page = await t.request({ method: 'GET', url: `/api/v1/public/stations/${s.id}` })
    expect(page.statusCode, page.body).toBe(200)
    expect(page.json<{ openNow: boolean; occupancy: { count: number } }>()).toMatchObject({
      openNow: false,
      occupancy: { count: 0 },
    })
  })

  it('finds a station by its id typed in capitals, on both engines', async () => {
    const s = await create({})
    const page = await t.request({
      method: 'GET',
      url: `/api/v1/public/stations/${s.id.toUpperCase()}`,
    })
    expect(page.statusCode, page.body).toBe(200)
    expect(page.json<PublicStation>().id).toBe(s.id)
  })

  it('checks a device in once per visit, never above capacity, and checks it out', async () => {
    const s = await create({ capacity: 2 })
    const first = await checkIn(s.id, 'device-aaaaaaaaaaaaaaaa')
    expect(first.statusCode, first.body).toBe(201)
    expect(first.json<CheckInResult>().occupancy).toMatchObject({
      count: 1,
      capacity: 2,
      stale: false,
    })
    const again = await checkIn(s.id, 'device-aaaaaaaaaaaaaaaa')
    expect(again.statusCode).toBe(200)
    expect(again.json<CheckInResult>()).toMatchObject({ created: false, occupancy: { count: 1 } })
    expect((await checkIn(s.id, 'device-bbbbbbbbbbbbbbbb')).statusCode).toBe(201)
    expectError(await checkIn(s.id, 'device-cccccccccccccccc'), 409, 'STATION_FULL')

    const page = await t.request({ method: 'GET', url: `/api/v1/public/stations/${s.id}` })
    expect(page.json<PublicStation>().occupancy).toMatchObject({ count: 2, capacity: 2 })
    expect(page.json<PublicStation>().contactMobileMasked).toBe('139****5678')
    expect(page.body).not.toContain('13912345678')

    const out = await t.request({
      method: 'POST',
      url: `/api/v1/public/stations/${s.id}/check-out`,
      payload: { deviceId: 'device-aaaaaaaaaaaaaaaa' },
    })
    expect(out.json<{ occupancy: { count: number } }>().occupancy.count).toBe(1)
    expectError(
      await t.request({
        method: 'POST',
        url: `/api/v1/public/stations/${s.id}/check-out`,
        payload: { deviceId: 'device-aaaaaaaaaaaaaaaa' },
      }),
      404,
      'STATION_NOT_CHECKED_IN',
    )
    expect((await checkIn(s.id, 'device-cccccccccccccccc')).statusCode).toBe(201)

    // Every check-in and check-out is audited; a rescan and a refused scan change nothing and
    // write nothing; no record holds a device id.
    const rows = await auditRows(t, { targetId: s.id })
    expect(rows.map((a) => a.action)).toEqual([
      'station.create',
      'station.check-in',
      'station.check-in',
      'station.check-out',
      'station.check-in',
    ])
    expect(JSON.stringify(rows)).not.toContain('device-')
    expect(JSON.parse(String(rows[1]!.summary))).toMatchObject({ live: 1, capacity: 2 })
  })

  it("limits check-ins per IP (a script cannot fill a city's stations)", async () => {
    const s = await create({ capacity: 5 })
    const code = await codeOf(s.id)
    const scan = (i: number) =>
      t.request({
        method: 'POST',
        url: `/api/v1/public/stations/${s.id}/check-ins`,
        payload: { deviceId: `flood-device-${String(i).padStart(6, '0')}`, code },
        remoteAddress: '10.77.0.1',
      })
    const codes: number[] = []
    for (let i = 0; i < CHECK_INS_PER_IP.max; i++) codes.push((await scan(i)).statusCode)
    expect(codes.filter((c) => c === 201)).toHaveLength(5)
    expect(codes.filter((c) => c === 409)).toHaveLength(CHECK_INS_PER_IP.max - 5)
    expectError(await scan(CHECK_INS_PER_IP.max), 429, 'RATE_LIMITED')
    // Another address is not held up.
    const other = await t.request({
      method: 'POST',
      url: `/api/v1/public/stations/${s.id}/check-out`,
      payload: { deviceId: 'flood-device-000000' },
      remoteAddress: '10.77.0.2',
    })
    expect(other.statusCode, other.body).toBe(200)
  })

  it('holds capacity under concurrent scans', async () => {
    const s = await create({ capacity: 5 })
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        checkIn(s.id, `concurrent-device-${String(i).padStart(4, '0')}`),
      ),
    )
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(5)
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(25)
  })

  it('refuses bad device ids, unknown and closed stations', async () => {
    const s = await create()
    expectError(await checkIn(s.id, 'short'), 400, 'VALIDATION_FAILED')
    expectError(await checkIn(MISSING_ID, 'device-aaaaaaaaaaaaaaaa'), 404, 'STATION_NOT_FOUND')
    await longgang.request({
      method: 'POST',
      url: `/api/v1/stations/${s.id}/close`,
      payload: { reason: '停用' },
    })
    expectError(await checkIn(s.id, 'device-aaaaaaaaaaaaaaaa'), 409, 'STATION_CLOSED')
  })

  it('refuses a capacity below the people checked in now', async () => {
    const s = await create({ capacity: 3 })
    await checkIn(s.id, 'device-dddddddddddddddd')
    await checkIn(s.id, 'device-eeeeeeeeeeeeeeee')
    expectError(
      await longgang.request({
        method: 'PATCH',
        url: `/api/v1/stations/${s.id}`,
        payload: { capacity: 1 },
      }),
      409,
      'STATION_CAPACITY_BELOW_OCCUPANCY',
    )
  })
})

describe('roll-ups', () => {
  it('counts stations, open now, 24-hour and check-ins for the subtree and its children', async () => {
    const res = await shenzhen.request({
      method: 'GET',
      url: `/api/v1/stations/stats?orgId=${t.orgId('深圳市总工会')}`,
    })
    expect(res.statusCode, res.body).toBe(200)
    const stats = res.json<StationStats>()
    expect(stats.total.orgName).toBe('深圳市总工会')
    expect(stats.children.map((c) => c.orgName)).toEqual(['龙岗区总工会'])
    const lg = stats.children[0]!
    expect(stats.total.stations).toBeGreaterThan(lg.stations)
    expect(lg.stations).toBeGreaterThan(30)
    expect(stats.total.openNow).toBeLessThanOrEqual(stats.total.stations)
    expect(stats.total.alwaysOpen).toBeGreaterThan(0)
    expect(stats.checkInsByDay).toHaveLength(14)
    const sum = stats.checkInsByDay.reduce((n, d) => n + d.count, 0)
    expect(sum).toBeGreaterThanOrEqual(stats.total.checkInsThisWeek)
    expect(stats.total.checkInsToday).toBe(stats.checkInsByDay[13]!.count)
    expectError(
      await gansu.request({
        method: 'GET',
        url: `/api/v1/stations/stats?orgId=${t.orgId('深圳市总工会')}`,
      }),
      403,
    )
  })
})
