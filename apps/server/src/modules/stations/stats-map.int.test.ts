import type {
  CreateStationBody,
  Station,
  StationListItem,
  StationStats,
} from '@unionhall/contracts'
import { uuidv7 } from 'uuidv7'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { typed } from '../../platform/db/create-db'
import {
  ACCOUNTS,
  buildTestApp,
  type TestApp,
  type TestSession,
} from '../../../test/build-test-app'
import { ALWAYS_OPEN, createStation, doorCode, NEVER_OPEN } from '../../../test/factories/stations'
import { auditCount, expectError } from '../../../test/helpers'
import type { StationsTables } from './stations.tables'

/**
 * The overview map of each roll-up count: GET /stations?metric=… lists the stations behind a
 * count of GET /stations/stats, and must agree with it for the same org.
 */
let t: TestApp
let longgang: TestSession // staff of 龙岗区总工会
let shenzhen: TestSession // org_admin of 深圳市总工会
let gansu: TestSession // org_admin of 甘肃省总工会, outside Shenzhen
let counsellor: TestSession // 北京 counsellor: no station permission

const DAY_MS = 86_400_000
const SHANGHAI_MS = 8 * 3_600_000
// Worked out here from the calendar, not with the service's helper, so a wrong window there
// shows up as a disagreement.
const shanghaiNow = () => new Date(Date.now() + SHANGHAI_MS)
const todayStart = () => {
  const d = shanghaiNow()
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - SHANGHAI_MS
}
const isMondayInShanghai = () => shanghaiNow().getUTCDay() === 1

const RUN = Date.now().toString(36)

let seq = 0
const create = (over: Partial<CreateStationBody>) =>
  createStation(t, longgang, {
    name: `地图指标驿站${RUN}-${++seq}`,
    address: '深圳市龙岗区测试路9号',
    lat: 22.71,
    lng: 114.24,
    contactName: '李师傅',
    contactMobile: '13900001111',
    ...over,
  })

const checkIn = async (stationId: string, deviceId: string) => {
  const res = await t.request({
    method: 'POST',
    url: `/api/v1/public/stations/${stationId}/check-ins`,
    payload: { deviceId, code: await doorCode(longgang, stationId) },
  })
  expect(res.statusCode, res.body).toBe(201)
}

/** A check-in at a past instant (the public route only records the present). */
const pastCheckIn = (stationId: string, at: number) =>
  typed<StationsTables>(t.database.db)
    .insertInto('station_check_in')
    .values({
      id: uuidv7(),
      station_id: stationId,
      device_hash: `past-${uuidv7()}`,
      checked_in_at: new Date(at).toISOString(),
      expires_at: new Date(at + 3_600_000).toISOString(),
      checked_out_at: null,
    })
    .execute()

type Page = { items: StationListItem[]; total: number; page: number; pageSize: number }

const list = async (s: TestSession, query: Record<string, string | number>) => {
  const qs = new URLSearchParams(
    Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]),
  )
  const res = await s.request({ method: 'GET', url: `/api/v1/stations?${qs.toString()}` })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<Page>()
}

/** Every page of a list, in order. */
const listAll = async (s: TestSession, query: Record<string, string>, pageSize = 200) => {
  const items: StationListItem[] = []
  let total = 0
  for (let page = 1; ; page++) {
    const p = await list(s, { ...query, page, pageSize })
    total = p.total
    items.push(...p.items)
    if (p.items.length < pageSize) break
  }
  expect(items).toHaveLength(total)
  return { items, total }
}

const statsOf = async (s: TestSession, orgId: string) => {
  const res = await s.request({ method: 'GET', url: `/api/v1/stations/stats?orgId=${orgId}` })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<StationStats>()
}

const sum = (items: StationListItem[]) => items.reduce((n, i) => n + (i.checkIns ?? 0), 0)

let busy: Station // 24-hour, two check-ins today
let night: Station // never open, a check-in late last night and one 8 days ago
let closed: Station // 24-hour, a check-in today, then closed

beforeAll(async () => {
  t = await buildTestApp()
  ;[longgang, shenzhen, gansu, counsellor] = await Promise.all([
    t.loginAs(ACCOUNTS.longgangStaff),
    t.loginAs(ACCOUNTS.shenzhenAdmin),
    t.loginAs(ACCOUNTS.gansuAdmin),
    t.loginAs(ACCOUNTS.beijingCounsellor),
  ])
  busy = await create({ schedule: ALWAYS_OPEN })
  night = await create({ schedule: NEVER_OPEN, kind: 'other' })
  closed = await create({ schedule: ALWAYS_OPEN })
  await checkIn(busy.id, 'map-metric-device-0001')
  await checkIn(busy.id, 'map-metric-device-0002')
  await checkIn(closed.id, 'map-metric-device-0003')
  // 23:30 yesterday, Shanghai time: this week unless today is Monday, never today.
  await pastCheckIn(night.id, todayStart() - 30 * 60_000)
  await pastCheckIn(night.id, todayStart() - 8 * DAY_MS)
  const res = await longgang.request({
    method: 'POST',
    url: `/api/v1/stations/${closed.id}/close`,
    payload: { reason: '工地完工' },
  })
  expect(res.statusCode, res.body).toBe(200)
})
afterAll(() => t.close())

describe('the stations behind each roll-up count', () => {
  it('lists as many stations open now and 24-hour as /stats counts, for the org and each child', async () => {
    for (const org of ['深圳市总工会', '龙岗区总工会']) {
      const orgId = t.orgId(org)
      const stats = await statsOf(shenzhen, orgId)
      const open = await listAll(shenzhen, { orgId, metric: 'open_now' })
      expect(open.total, org).toBe(stats.total.openNow)
      expect(open.items.every((s) => s.openNow && s.status === 'active')).toBe(true)
      const allDay = await listAll(shenzhen, { orgId, metric: 'always_open' })
      expect(allDay.total, org).toBe(stats.total.alwaysOpen)
      expect(allDay.items.every((s) => s.alwaysOpen && s.status === 'active')).toBe(true)
      // The map of the station count itself: the active stations.
      const all = await list(shenzhen, { orgId, status: 'active', pageSize: 1 })
      expect(all.total, org).toBe(stats.total.stations)
      // Without a check-in metric no item carries a count.
      expect(open.items.some((s) => 'checkIns' in s)).toBe(false)
    }
    const stats = await statsOf(shenzhen, t.orgId('深圳市总工会'))
    const child = stats.children.find((c) => c.orgName === '龙岗区总工会')!
    const childOpen = await list(shenzhen, {
      orgId: t.orgId('龙岗区总工会'),
      metric: 'open_now',
      pageSize: 1,
    })
    expect(childOpen.total).toBe(child.openNow)

    const open = await listAll(shenzhen, { orgId: t.orgId('深圳市总工会'), metric: 'open_now' })
    const ids = open.items.map((s) => s.id)
    expect(ids).toContain(busy.id)
    expect(ids).not.toContain(night.id)
    expect(ids).not.toContain(closed.id)
  })

  it('lists the stations with check-ins today and this week, their counts adding up to /stats', async () => {
    for (const org of ['深圳市总工会', '龙岗区总工会', '龙岗区建筑行业工联会']) {
      const orgId = t.orgId(org)
      const stats = await statsOf(shenzhen, orgId)
      const today = await listAll(shenzhen, { orgId, metric: 'checked_in_today' })
      expect(sum(today.items), org).toBe(stats.total.checkInsToday)
      const week = await listAll(shenzhen, { orgId, metric: 'checked_in_week' })
      expect(sum(week.items), org).toBe(stats.total.checkInsThisWeek)
      for (const l of [today, week]) {
        const counts = l.items.map((s) => s.checkIns!)
        expect(counts.every((n) => n >= 1)).toBe(true)
        // Busiest first.
        expect(counts).toEqual([...counts].sort((a, b) => b - a))
      }
    }
    const orgId = t.orgId('龙岗区建筑行业工联会')
    const today = await listAll(shenzhen, { orgId, metric: 'checked_in_today' })
    const countOf = (items: StationListItem[], id: string) =>
      items.find((s) => s.id === id)?.checkIns
    expect(countOf(today.items, busy.id)).toBe(2)
    // Closed after its check-in: still behind the count, as in the roll-up.
    expect(today.items.find((s) => s.id === closed.id)).toMatchObject({
      status: 'closed',
      checkIns: 1,
    })
    expect(countOf(today.items, night.id)).toBeUndefined()
    const week = await listAll(shenzhen, { orgId, metric: 'checked_in_week' })
    expect(countOf(week.items, busy.id)).toBe(2)
    expect(countOf(week.items, night.id)).toBe(isMondayInShanghai() ? undefined : 1)
  })

  it('pages through a filtered list without overlaps, in the same order as one big page', async () => {
    const orgId = t.orgId('深圳市总工会')
    for (const metric of ['open_now', 'always_open', 'checked_in_week']) {
      const whole = await listAll(shenzhen, { orgId, metric })
      const paged = await listAll(shenzhen, { orgId, metric }, 7)
      expect(paged.items.map((s) => s.id)).toEqual(whole.items.map((s) => s.id))
      expect(new Set(paged.items.map((s) => s.id)).size).toBe(paged.total)
    }
    // More than one page, or the comparison above proves nothing about paging.
    expect(
      (await list(shenzhen, { orgId, metric: 'open_now', pageSize: 1 })).total,
    ).toBeGreaterThan(14)
  })

  it('combines the metric with the list filters', async () => {
    const q = `地图指标驿站${RUN}`
    const names = (p: Page) => p.items.map((s) => s.name).sort()
    expect(names(await list(longgang, { q, metric: 'always_open' }))).toEqual([busy.name])
    expect((await list(longgang, { q, metric: 'always_open', kind: 'other' })).total).toBe(0)
    expect((await list(longgang, { q, metric: 'open_now', status: 'closed' })).total).toBe(0)
    expect(
      names(await list(longgang, { q, metric: 'checked_in_today', status: 'closed' })),
    ).toEqual([closed.name])
    expect((await list(longgang, { q, metric: 'open_now', amenities: 'microwave' })).total).toBe(0)
    expect(names(await list(longgang, { q, metric: 'checked_in_week', kind: 'other' }))).toEqual(
      isMondayInShanghai() ? [] : [night.name],
    )
  })

  it('stays inside the subtree: 401, 403 outside it or without the permission, 400 for a bad metric; no audit', async () => {
    const before = await auditCount(t)
    const shenzhenId = t.orgId('深圳市总工会')
    expectError(await t.request({ method: 'GET', url: '/api/v1/stations?metric=open_now' }), 401)
    expectError(
      await counsellor.request({ method: 'GET', url: '/api/v1/stations?metric=open_now' }),
      403,
    )
    for (const metric of ['open_now', 'always_open', 'checked_in_today', 'checked_in_week']) {
      expectError(
        await gansu.request({
          method: 'GET',
          url: `/api/v1/stations?orgId=${shenzhenId}&metric=${metric}`,
        }),
        403,
      )
      // Staff of a child org cannot see the parent's map.
      expectError(
        await longgang.request({
          method: 'GET',
          url: `/api/v1/stations?orgId=${shenzhenId}&metric=${metric}`,
        }),
        403,
      )
    }
    for (const metric of ['nope', '', 'openNow', 'OPEN_NOW']) {
      expectError(
        await shenzhen.request({ method: 'GET', url: `/api/v1/stations?metric=${metric}` }),
        400,
        'VALIDATION_FAILED',
      )
    }
    // Without an org: the actor's own subtrees only, as /stats counts its first one.
    const gansuStats = await gansu.request({ method: 'GET', url: '/api/v1/stations/stats' })
    const gansuOpen = await listAll(gansu, { metric: 'open_now' })
    expect(gansuOpen.total).toBe(gansuStats.json<StationStats>().total.openNow)
    expect(gansuOpen.items.map((s) => s.id)).not.toContain(busy.id)
    const gansuToday = await listAll(gansu, { metric: 'checked_in_today' })
    expect(gansuToday.items.map((s) => s.id)).not.toContain(busy.id)
    // A list of masked fields is no read of personal data: nothing is audited.
    expect(await auditCount(t)).toBe(before)
  })
})
