import type {
  Coverage,
  CreateStationBody,
  MyShift,
  Shift,
  ShiftFeedUrl,
  ShiftList,
  Station,
} from '@unionhall/contracts'
import type { InjectOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  ACCOUNTS,
  buildTestApp,
  type TestApp,
  type TestSession,
} from '../../../../test/build-test-app'
import { freshMobile, makeMember } from '../../../../test/factories/members'
import { ctxAs } from '../../../../test/factories/orgs'
import { systemCtx } from '../../../core/access'
import { grantRoleAsSystem } from '../../../core/roles'
import { auditRows, expectError, MISSING_ID } from '../../../../test/helpers'

let t: TestApp
let longgang: TestSession // staff of 龙岗区总工会: station:manage over the station
let gansu: TestSession // org_admin of 甘肃省总工会: every permission, but outside Shenzhen
let counsellor: TestSession // no station permission
let volunteer: TestSession // volunteer at 龙岗区建筑行业工联会: station:read only
let worker: TestSession // plain member at the station's org, on the roster
let station: Station
let otherStation: Station
let closedStation: Station
const people = { a: '', b: '', c: '', d: '', parent: '', suspended: '' }
const PASSWORD = 'roster-pass-2026'

const HOUR = 3_600_000
/** An ISO instant `h` hours from now, on a whole hour (so tests do not depend on the minute). */
const base = Math.ceil(Date.now() / HOUR) * HOUR
const inHours = (h: number) => new Date(base + h * HOUR).toISOString()

const stationBody = (over: Partial<CreateStationBody> = {}): CreateStationBody => ({
  orgId: t.orgId('龙岗区建筑行业工联会'),
  name: '值班测试驿站',
  kind: 'construction_site',
  address: '深圳市龙岗区测试路1号, 北门',
  lat: 22.7,
  lng: 114.25,
  schedule: { alwaysOpen: true, weekly: [] },
  capacity: 10,
  amenities: ['drinking_water'],
  contactName: '王师傅',
  contactMobile: '13912345678',
  ...over,
})

const shiftsUrl = (stationId = station.id) => `/api/v1/stations/${stationId}/shifts`

const post = (s: TestSession, payload: unknown, stationId = station.id) =>
  s.request({ method: 'POST', url: shiftsUrl(stationId), payload: payload as object })

/** Creates a shift as 龙岗 staff; `h` hours from now, `len` hours long. */
const addShift = async (memberId: string, h: number, len: number, stationId = station.id) => {
  const res = await post(
    longgang,
    { memberId, role: 'staff', startsAt: inHours(h), endsAt: inHours(h + len) },
    stationId,
  )
  expect(res.statusCode, res.body).toBe(201)
  return res.json<Shift>()
}

beforeAll(async () => {
  t = await buildTestApp()
  ;[longgang, gansu, counsellor] = await Promise.all([
    t.loginAs(ACCOUNTS.longgangStaff),
    t.loginAs(ACCOUNTS.gansuAdmin),
    t.loginAs(ACCOUNTS.beijingCounsellor),
  ])
  const sys = await ctxAs(t, (await t.loginAs(ACCOUNTS.platformAdmin)).memberId)
  const orgId = t.orgId('龙岗区建筑行业工联会')
  const workerMobile = freshMobile()
  const volunteerMobile = freshMobile()
  const [a, b, c, d, parent, suspended] = [
    // 甲 is recorded as a party member (party-volunteer shifts need it, ADR 0033); the others not.
    await makeMember(t, sys, {
      orgId,
      name: '值班甲',
      mobile: workerMobile,
      password: PASSWORD,
      politicalStatus: 'cpc_member',
    }),
    await makeMember(t, sys, { orgId, name: '值班乙' }),
    await makeMember(t, sys, { orgId, name: '值班丙' }),
    await makeMember(t, sys, { orgId, name: '值班丁' }),
    await makeMember(t, sys, { orgId: t.orgId('深圳市总工会'), name: '上级会员' }),
    await makeMember(t, sys, { orgId, name: '停用会员' }),
  ]
  await makeMember(t, sys, {
    orgId,
    mobile: volunteerMobile,
    password: PASSWORD,
    roles: ['volunteer'],
  })
  Object.assign(people, {
    a: a.id,
    b: b.id,
    c: c.id,
    d: d.id,
    parent: parent.id,
    suspended: suspended.id,
  })
  volunteer = await t.loginAs(volunteerMobile, PASSWORD)
  worker = await t.loginAs(workerMobile, PASSWORD)
  const suspend = await longgang.request({
    method: 'PATCH',
    url: `/api/v1/members/${suspended.id}`,
    payload: { status: 'suspended' },
  })
  expect(suspend.statusCode, suspend.body).toBe(200)

  const make = async (over: Partial<CreateStationBody>) => {
    const res = await longgang.request({
      method: 'POST',
      url: '/api/v1/stations',
      payload: stationBody(over),
    })
    expect(res.statusCode, res.body).toBe(201)
    return res.json<Station>()
  }
  station = await make({})
  otherStation = await make({ name: '另一驿站' })
  closedStation = await make({ name: '已关闭驿站' })
  const close = await longgang.request({
    method: 'POST',
    url: `/api/v1/stations/${closedStation.id}/close`,
    payload: { reason: '拆除' },
  })
  expect(close.statusCode, close.body).toBe(200)
})
afterAll(() => t.close())

describe('every roster route asks for a session and the right permission', () => {
  const routes = (): Array<{ opts: InjectOptions; write: boolean }> => [
    { opts: { method: 'GET', url: shiftsUrl() }, write: false },
    { opts: { method: 'GET', url: `/api/v1/stations/${station.id}/coverage` }, write: false },
    {
      opts: {
        method: 'POST',
        url: shiftsUrl(),
        payload: { memberId: people.a, role: 'staff', startsAt: inHours(1), endsAt: inHours(2) },
      },
      write: true,
    },
    {
      opts: { method: 'PATCH', url: `${shiftsUrl()}/${MISSING_ID}`, payload: { note: 'x' } },
      write: true,
    },
    { opts: { method: 'DELETE', url: `${shiftsUrl()}/${MISSING_ID}` }, write: true },
  ]

  it('401 without a session', async () => {
    for (const { opts } of routes()) expectError(await t.request(opts), 401, 'AUTH_REQUIRED')
    for (const opts of [
      { method: 'GET', url: '/api/v1/my/shifts' },
      { method: 'GET', url: '/api/v1/my/shifts/feed-url' },
      { method: 'POST', url: '/api/v1/my/shifts/feed-url/rotate' },
    ] as InjectOptions[]) {
      expectError(await t.request(opts), 401, 'AUTH_REQUIRED')
    }
  })

  it('403 for a counsellor (no station permission) and for staff outside the subtree', async () => {
    for (const { opts } of routes()) {
      expectError(await counsellor.request(opts), 403, 'ACCESS_DENIED')
      expectError(await gansu.request(opts), 403, 'ACCESS_DENIED')
    }
  })

  it('a volunteer reads the roster and coverage but cannot change it', async () => {
    for (const { opts, write } of routes()) {
      const res = await volunteer.request(opts)
      if (write) expectError(res, 403, 'ACCESS_DENIED')
      else expect(res.statusCode, res.body).toBe(200)
    }
  })

  it('404 for a station that does not exist', async () => {
    expectError(
      await longgang.request({ method: 'GET', url: shiftsUrl(MISSING_ID) }),
      404,
      'STATION_NOT_FOUND',
    )
    expectError(
      await post(
        longgang,
        { memberId: people.a, role: 'staff', startsAt: inHours(1), endsAt: inHours(2) },
        MISSING_ID,
      ),
      404,
      'STATION_NOT_FOUND',
    )
  })
})

describe('adding shifts', () => {
  it('creates a shift, lists it with the person, and audits it', async () => {
    const res = await post(longgang, {
      memberId: people.a,
      role: 'party_volunteer',
      startsAt: inHours(2),
      endsAt: inHours(6),
      note: '  带钥匙 ',
    })
    expect(res.statusCode, res.body).toBe(201)
    const shift = res.json<Shift>()
    expect(shift).toMatchObject({
      stationId: station.id,
      memberId: people.a,
      memberName: '值班甲',
      role: 'party_volunteer',
      startsAt: inHours(2),
      endsAt: inHours(6),
      note: '带钥匙',
    })

    const list = await volunteer.request({ method: 'GET', url: shiftsUrl() })
    expect(list.statusCode, list.body).toBe(200)
    expect(list.json<ShiftList>().items.map((s) => s.id)).toContain(shift.id)

    const rows = await auditRows(t, { action: 'station.shift.create', targetId: shift.id })
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      actor_member_id: longgang.memberId,
      org_id: station.orgId,
      target_type: 'station_shift',
    })
    expect(JSON.parse(rows[0]!.summary)).toMatchObject({
      stationId: station.id,
      after: { memberId: people.a, role: 'party_volunteer', startsAt: inHours(2) },
    })
  })

  it('400 for times out of bounds, with a code per rule and no audit row', async () => {
    const before = (await auditRows(t, { action: 'station.shift.create' })).length
    const cases: Array<[object, string]> = [
      [{ startsAt: inHours(30), endsAt: inHours(30) }, 'SHIFT_ENDS_BEFORE_START'],
      [{ startsAt: inHours(30), endsAt: inHours(29) }, 'SHIFT_ENDS_BEFORE_START'],
      [{ startsAt: inHours(30), endsAt: inHours(55) }, 'SHIFT_TOO_LONG'],
      [{ startsAt: inHours(-26), endsAt: inHours(-20) }, 'SHIFT_IN_PAST'],
      [{ startsAt: 'tomorrow', endsAt: inHours(31) }, 'VALIDATION_FAILED'],
      [{ startsAt: inHours(30), endsAt: inHours(31), role: 'boss' }, 'VALIDATION_FAILED'],
      [{ startsAt: inHours(30), endsAt: inHours(31), extra: 1 }, 'VALIDATION_FAILED'],
      [{ startsAt: inHours(30), endsAt: inHours(31), memberId: 'nope' }, 'VALIDATION_FAILED'],
      // A year typed as 9999 made a shift no coverage view ever reaches.
      [{ startsAt: '9999-01-01T08:00:00Z', endsAt: '9999-01-01T10:00:00Z' }, 'VALIDATION_FAILED'],
    ]
    for (const [over, code] of cases) {
      const res = await post(longgang, { memberId: people.b, role: 'staff', ...over })
      expectError(res, 400, code)
    }
    // 24 hours exactly is allowed; a shift that began less than a day ago too.
    await addShift(people.b, 100, 24)
    await addShift(people.b, -20, 4)
    expect((await auditRows(t, { action: 'station.shift.create' })).length).toBe(before + 2)
  })

  it('refuses people outside the station org subtree, unknown or inactive (same answer)', async () => {
    for (const memberId of [people.parent, people.suspended, MISSING_ID]) {
      const res = await post(longgang, {
        memberId,
        role: 'staff',
        startsAt: inHours(40),
        endsAt: inHours(41),
      })
      expectError(res, 400, 'SHIFT_MEMBER_NOT_ELIGIBLE')
    }
  })

  it('400 SHIFT_MEMBER_NOT_PARTY_MEMBER for a party-volunteer shift of someone the record does not call a party member, and nothing is written', async () => {
    const sys = await ctxAs(t, (await t.loginAs(ACCOUNTS.platformAdmin)).memberId)
    const orgId = t.orgId('龙岗区建筑行业工联会')
    const youth = await makeMember(t, sys, {
      orgId,
      name: '团员志愿者',
      politicalStatus: 'cyl_member',
    })
    const unknown = await makeMember(t, sys, { orgId, name: '未填写志愿者' })
    const before = (await auditRows(t, { action: 'station.shift.create' })).length
    for (const m of [youth, unknown]) {
      const res = await post(longgang, {
        memberId: m.id,
        role: 'party_volunteer',
        startsAt: inHours(42),
        endsAt: inHours(43),
      })
      const error = expectError(res, 400, 'SHIFT_MEMBER_NOT_PARTY_MEMBER')
      expect(error.details).toEqual([expect.objectContaining({ path: 'memberId' })])
    }
    expect(await auditRows(t, { action: 'station.shift.create' })).toHaveLength(before)
    const list = await longgang.request({
      method: 'GET',
      url: `${shiftsUrl()}?from=${encodeURIComponent(inHours(41))}&to=${encodeURIComponent(inHours(44))}`,
    })
    expect(list.json<ShiftList>().items.filter((x) => x.memberId === youth.id)).toEqual([])
    // The same person on the staff role is fine.
    expect(
      (
        await post(longgang, {
          memberId: youth.id,
          role: 'staff',
          startsAt: inHours(42),
          endsAt: inHours(43),
        })
      ).statusCode,
    ).toBe(201)
    // Once staff record them as a (probationary) party member, they can be a party volunteer.
    const recorded = await longgang.request({
      method: 'PATCH',
      url: `/api/v1/members/${unknown.id}`,
      payload: { politicalStatus: 'cpc_probationary_member' },
    })
    expect(recorded.statusCode, recorded.body).toBe(200)
    const ok = await post(longgang, {
      memberId: unknown.id,
      role: 'party_volunteer',
      startsAt: inHours(42),
      endsAt: inHours(43),
    })
    expect(ok.statusCode, ok.body).toBe(201)
  })

  it('409 SHIFT_OVERLAP when the same person is on shift anywhere at that time', async () => {
    const first = await addShift(people.b, 200, 4)
    // Another station, overlapping by one hour.
    const res = await post(
      longgang,
      { memberId: people.b, role: 'staff', startsAt: inHours(203), endsAt: inHours(206) },
      otherStation.id,
    )
    const err = expectError(res, 409, 'SHIFT_OVERLAP')
    expect(err.details).toEqual({ startsAt: first.startsAt, endsAt: first.endsAt })
    // Back to back is no overlap; another person at the same time is fine.
    await addShift(people.b, 204, 2, otherStation.id)
    await addShift(people.a, 200, 4)
  })

  it('two requests racing for the same person: exactly one wins', async () => {
    const payload = (h: number) => ({
      memberId: people.d,
      role: 'staff',
      startsAt: inHours(h),
      endsAt: inHours(h + 3),
    })
    const answers = await Promise.all([
      post(longgang, payload(800)),
      post(longgang, payload(801), otherStation.id),
    ])
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409])
    const list = await longgang.request({
      method: 'GET',
      url: `${shiftsUrl()}?from=${inHours(790)}&to=${inHours(810)}`,
    })
    const other = await longgang.request({
      method: 'GET',
      url: `${shiftsUrl(otherStation.id)}?from=${inHours(790)}&to=${inHours(810)}`,
    })
    const total = [list, other].flatMap((r) => r.json<ShiftList>().items)
    expect(total.filter((s) => s.memberId === people.d)).toHaveLength(1)
  })

  it('409 STATION_CLOSED for a closed station', async () => {
    const res = await post(
      longgang,
      { memberId: people.a, role: 'staff', startsAt: inHours(300), endsAt: inHours(301) },
      closedStation.id,
    )
    expectError(res, 409, 'STATION_CLOSED')
  })
})

describe('listing shifts', () => {
  it('lists the shifts overlapping a window, ordered by start', async () => {
    const res = await longgang.request({
      method: 'GET',
      url: `${shiftsUrl()}?from=${inHours(199)}&to=${inHours(201)}`,
    })
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json<ShiftList>()
    expect(body.from).toBe(inHours(199))
    // Same start: the earlier-created shift (smaller UUIDv7) first.
    expect(body.items.map((s) => [s.memberName, s.startsAt])).toEqual([
      ['值班乙', inHours(200)],
      ['值班甲', inHours(200)],
    ])
  })

  it('400 for a window that is backwards or longer than 62 days', async () => {
    for (const qs of [
      `from=${inHours(10)}&to=${inHours(5)}`,
      `from=${inHours(0)}&to=${inHours(62 * 24 + 1)}`,
    ]) {
      expectError(
        await longgang.request({ method: 'GET', url: `${shiftsUrl()}?${qs}` }),
        400,
        'SHIFT_WINDOW_INVALID',
      )
    }
    expectError(
      await longgang.request({ method: 'GET', url: `${shiftsUrl()}?from=yesterday` }),
      400,
      'VALIDATION_FAILED',
    )
  })
})

describe('changing and removing shifts', () => {
  it('moves a shift, audits before and after', async () => {
    const s = await addShift(people.a, 400, 2)
    const res = await longgang.request({
      method: 'PATCH',
      url: `${shiftsUrl()}/${s.id}`,
      payload: { startsAt: inHours(401), endsAt: inHours(404), role: 'party_volunteer' },
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json<Shift>()).toMatchObject({
      startsAt: inHours(401),
      endsAt: inHours(404),
      role: 'party_volunteer',
    })
    const [row] = await auditRows(t, { action: 'station.shift.update', targetId: s.id })
    expect(JSON.parse(row!.summary)).toMatchObject({
      before: { startsAt: inHours(400), role: 'staff' },
      after: { startsAt: inHours(401), role: 'party_volunteer' },
    })
  })

  it('applies the creation rules to a change (overlap, length, eligibility) and changes nothing', async () => {
    const s = await addShift(people.a, 500, 2)
    await addShift(people.b, 510, 2)
    const patch = (payload: object) =>
      longgang.request({ method: 'PATCH', url: `${shiftsUrl()}/${s.id}`, payload })
    expectError(
      await patch({ memberId: people.b, startsAt: inHours(509), endsAt: inHours(511) }),
      409,
      'SHIFT_OVERLAP',
    )
    expectError(await patch({ endsAt: inHours(530) }), 400, 'SHIFT_TOO_LONG')
    expectError(await patch({ endsAt: inHours(499) }), 400, 'SHIFT_ENDS_BEFORE_START')
    expectError(await patch({ memberId: people.parent }), 400, 'SHIFT_MEMBER_NOT_ELIGIBLE')
    expectError(await patch({}), 400, 'VALIDATION_FAILED')
    // Moving within its own time is no overlap with itself.
    expect((await patch({ startsAt: inHours(500), endsAt: inHours(503) })).statusCode).toBe(200)
    expect(await auditRows(t, { action: 'station.shift.update', targetId: s.id })).toHaveLength(1)
  })

  it('checks the party-member record when a change makes or moves a party-volunteer shift, not on other changes', async () => {
    const sys = await ctxAs(t, (await t.loginAs(ACCOUNTS.platformAdmin)).memberId)
    const orgId = t.orgId('龙岗区建筑行业工联会')
    const member = await makeMember(t, sys, {
      orgId,
      name: '党员志愿者',
      politicalStatus: 'cpc_member',
    })
    const masses = await makeMember(t, sys, {
      orgId,
      name: '群众志愿者',
      politicalStatus: 'masses',
    })
    const staffShift = await addShift(masses.id, 800, 2)
    const partyShift = (
      await post(longgang, {
        memberId: member.id,
        role: 'party_volunteer',
        startsAt: inHours(810),
        endsAt: inHours(812),
      })
    ).json<Shift>()
    const patch = (id: string, payload: object) =>
      longgang.request({ method: 'PATCH', url: `${shiftsUrl()}/${id}`, payload })
    expectError(
      await patch(staffShift.id, { role: 'party_volunteer' }),
      400,
      'SHIFT_MEMBER_NOT_PARTY_MEMBER',
    )
    expectError(
      await patch(partyShift.id, { memberId: masses.id }),
      400,
      'SHIFT_MEMBER_NOT_PARTY_MEMBER',
    )
    expect(
      await auditRows(t, { action: 'station.shift.update', targetId: staffShift.id }),
    ).toHaveLength(0)
    expect(
      await auditRows(t, { action: 'station.shift.update', targetId: partyShift.id }),
    ).toHaveLength(0)
    // A shift planned before the record changed keeps its role through a change of times.
    const cleared = await longgang.request({
      method: 'PATCH',
      url: `/api/v1/members/${member.id}`,
      payload: { politicalStatus: 'unknown' },
    })
    expect(cleared.statusCode, cleared.body).toBe(200)
    const moved = await patch(partyShift.id, { startsAt: inHours(811), endsAt: inHours(813) })
    expect(moved.statusCode, moved.body).toBe(200)
    expect(moved.json<Shift>()).toMatchObject({ role: 'party_volunteer', memberId: member.id })
  })

  it('404 for a shift of another station, 403 for outsiders', async () => {
    const s = await addShift(people.a, 600, 1)
    expectError(
      await longgang.request({
        method: 'PATCH',
        url: `${shiftsUrl(otherStation.id)}/${s.id}`,
        payload: { note: 'x' },
      }),
      404,
      'SHIFT_NOT_FOUND',
    )
    expectError(
      await longgang.request({ method: 'DELETE', url: `${shiftsUrl(otherStation.id)}/${s.id}` }),
      404,
      'SHIFT_NOT_FOUND',
    )
    expectError(
      await gansu.request({ method: 'DELETE', url: `${shiftsUrl()}/${s.id}` }),
      403,
      'ACCESS_DENIED',
    )
  })

  it('deletes a shift with an audit row; a second delete is 404', async () => {
    const s = await addShift(people.a, 700, 1)
    const url = `${shiftsUrl()}/${s.id}`
    const res = await longgang.request({ method: 'DELETE', url })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({ ok: true })
    const [row] = await auditRows(t, { action: 'station.shift.delete', targetId: s.id })
    expect(JSON.parse(row!.summary)).toMatchObject({
      before: { memberId: people.a, startsAt: inHours(700) },
    })
    expectError(await longgang.request({ method: 'DELETE', url }), 404, 'SHIFT_NOT_FOUND')
  })
})

describe('coverage', () => {
  it('answers the open hours cut by the number on shift, the gaps and the covered share', async () => {
    const s = await (async () => {
      const res = await longgang.request({
        method: 'POST',
        url: '/api/v1/stations',
        payload: stationBody({ name: '覆盖测试驿站' }),
      })
      return res.json<Station>()
    })()
    const shift = async (memberId: string, h: number, len: number) =>
      addShift(memberId, h, len, s.id)
    // Always open; today and tomorrow (at least 24 h ahead): c from 2 h to 8 h, d from 6 h to 10 h.
    await shift(people.c, 1002, 1) // far outside the window: ignored
    const res0 = await longgang.request({
      method: 'GET',
      url: `/api/v1/stations/${s.id}/coverage?days=2`,
    })
    expect(res0.json<Coverage>().coveredPercent).toBe(0)
    await shift(people.c, 2, 6)
    await shift(people.d, 6, 4)
    const res = await volunteer.request({
      method: 'GET',
      url: `/api/v1/stations/${s.id}/coverage?days=2`,
    })
    expect(res.statusCode, res.body).toBe(200)
    const c = res.json<Coverage>()
    const windowMinutes = (Date.parse(c.to) - Date.parse(c.from)) / 60_000
    expect(c.openMinutes).toBe(windowMinutes)
    expect(c.coveredMinutes).toBe(8 * 60)
    expect(c.coveredPercent).toBe(Math.floor(((8 * 60) / windowMinutes) * 1000) / 10)
    const inner = c.intervals.slice(1, -1)
    expect(inner).toEqual([
      { start: inHours(2), end: inHours(6), covered: true, staffCount: 1 },
      { start: inHours(6), end: inHours(8), covered: true, staffCount: 2 },
      { start: inHours(8), end: inHours(10), covered: true, staffCount: 1 },
    ])
    expect(c.intervals[0]).toMatchObject({ end: inHours(2), covered: false, staffCount: 0 })
    expect(c.uncovered).toEqual([
      { start: c.from, end: inHours(2) },
      { start: inHours(10), end: c.to },
    ])
  })

  it("ends with the last Shanghai day the console's grid shows, not days × 24 h from now", async () => {
    // 13:45 in Shanghai today (within 14 h of now, so the sessions stay valid). The grid shows
    // today and 13 more days; a gap "12-15 08:00–13:45" after its last day was listed.
    const today = new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10)
    const at = Date.parse(`${today}T13:45:00+08:00`)
    vi.useFakeTimers({ toFake: ['Date'], now: at })
    try {
      const res = await volunteer.request({
        method: 'GET',
        url: `/api/v1/stations/${station.id}/coverage?days=14`,
      })
      expect(res.statusCode, res.body).toBe(200)
      const c = res.json<Coverage>()
      expect(c.from).toBe(new Date(at).toISOString())
      const end = Date.parse(`${today}T00:00:00+08:00`) + 14 * 24 * HOUR
      expect(c.to).toBe(new Date(end).toISOString())
      // Always open: the last gap ends at that midnight, and nothing reaches past it.
      expect(c.uncovered.at(-1)?.end).toBe(c.to)
      expect(c.intervals.every((i) => Date.parse(i.end) <= end)).toBe(true)
      expect(c.openMinutes).toBe((end - at) / 60_000)
    } finally {
      vi.useRealTimers()
    }
  })

  it('a closed station has no opening hours to cover', async () => {
    const res = await longgang.request({
      method: 'GET',
      url: `/api/v1/stations/${closedStation.id}/coverage`,
    })
    expect(res.json<Coverage>()).toMatchObject({
      intervals: [],
      uncovered: [],
      coveredPercent: 100,
    })
  })

  it('400 for days outside 1–62', async () => {
    for (const days of ['0', '63', 'x']) {
      expectError(
        await longgang.request({
          method: 'GET',
          url: `/api/v1/stations/${station.id}/coverage?days=${days}`,
        }),
        400,
        'VALIDATION_FAILED',
      )
    }
  })
})

describe('my shifts and the calendar feed', () => {
  const feedPathOf = (url: string) => new URL(url).pathname

  it('lists my own shifts with the station', async () => {
    const res = await worker.request({ method: 'GET', url: '/api/v1/my/shifts' })
    expect(res.statusCode, res.body).toBe(200)
    const items = res.json<{ items: MyShift[] }>().items
    expect(items.length).toBeGreaterThan(0)
    expect(items.every((s) => s.memberId === people.a)).toBe(true)
    expect(items[0]).toMatchObject({
      stationName: expect.any(String),
      stationAddress: expect.any(String),
    })
    // A plain member cannot open the console's station page (403): the web links the public one.
    expect(items.every((s) => !s.canOpenStation)).toBe(true)
  })

  it('says which stations the console opens for me: station:read at the org or above it', async () => {
    const mine = async (s: TestSession) => {
      const res = await s.request({ method: 'GET', url: '/api/v1/my/shifts' })
      expect(res.statusCode, res.body).toBe(200)
      return res.json<{ items: MyShift[] }>().items.filter((i) => i.stationId === station.id)
    }
    // The volunteer holds station:read at the station's own org; another member of that org
    // holds it at the parent org (龙岗区总工会) only, which covers the station too.
    const sys = await ctxAs(t, (await t.loginAs(ACCOUNTS.platformAdmin)).memberId)
    const mobile = freshMobile()
    const above = await makeMember(t, sys, {
      orgId: t.orgId('龙岗区建筑行业工联会'),
      mobile,
      password: PASSWORD,
    })
    await grantRoleAsSystem(
      t.database.db,
      systemCtx(),
      above.id,
      t.orgId('龙岗区总工会'),
      'volunteer',
    )
    const aboveSession = await t.loginAs(mobile, PASSWORD)
    await addShift(volunteer.memberId, 900, 2)
    await addShift(above.id, 902, 2)
    for (const s of [volunteer, aboveSession]) {
      const items = await mine(s)
      expect(items.length).toBeGreaterThan(0)
      expect(items.every((i) => i.canOpenStation)).toBe(true)
      const page = await s.request({ method: 'GET', url: `/api/v1/stations/${station.id}` })
      expect(page.statusCode).toBe(200)
    }
    const own = await mine(worker)
    expect(own.length).toBeGreaterThan(0)
    expect(own.every((i) => !i.canOpenStation)).toBe(true)
    expectError(
      await worker.request({ method: 'GET', url: `/api/v1/stations/${station.id}` }),
      403,
      'ACCESS_DENIED',
    )
  })

  it('serves my shifts as iCalendar at a secret URL', async () => {
    const res = await worker.request({ method: 'GET', url: '/api/v1/my/shifts/feed-url' })
    expect(res.statusCode, res.body).toBe(200)
    const feed = res.json<ShiftFeedUrl>()
    expect(feed.url).toMatch(/^http:\/\/[^/]+\/api\/v1\/public\/shift-feeds\/[^/]+\.ics$/)
    expect(feed.url).toContain(people.a)
    expect(feed.webcalUrl).toBe(feed.url.replace('http://', 'webcal://'))
    expect(feed.rotatedAt).toBeNull()

    const ics = await t.request({ method: 'GET', url: feedPathOf(feed.url) })
    expect(ics.statusCode, ics.body).toBe(200)
    expect(ics.headers['content-type']).toBe('text/calendar; charset=utf-8')
    expect(ics.body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
    expect(ics.body.endsWith('END:VCALENDAR\r\n')).toBe(true)
    const text = ics.body.replace(/\r\n /g, '')
    const mine = (await worker.request({ method: 'GET', url: '/api/v1/my/shifts' })).json<{
      items: MyShift[]
    }>().items
    for (const s of mine) expect(text).toContain(`UID:${s.id}@shift.unionhall\r\n`)
    expect(text).toContain('SUMMARY:值班测试驿站 · 党员志愿者\r\n')
    expect(text).toContain('LOCATION:深圳市龙岗区测试路1号\\, 北门\r\n')
    expect(text).toMatch(/GEO:22\.\d+;114\.\d+\r\n/)
    expect(text).toMatch(/DTSTART:\d{8}T\d{6}Z\r\n/)
    // Only mine: 值班乙 is on shift at the same hours, and is not in my feed.
    expect(text.match(/BEGIN:VEVENT/g)?.length).toBe(mine.length)
  })

  it('answers 404 for a tampered, malformed or unknown token', async () => {
    const feed = (
      await worker.request({ method: 'GET', url: '/api/v1/my/shifts/feed-url' })
    ).json<ShiftFeedUrl>()
    const path = feedPathOf(feed.url)
    const token = path
      .split('/')
      .pop()!
      .replace(/\.ics$/, '')
    const [memberId, nonce, mac] = token.split('.') as [string, string, string]
    const flipped = `${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`
    for (const bad of [
      `${memberId}.${nonce}.${flipped}`,
      `${people.b}.${nonce}.${mac}`,
      `${memberId}.x.${mac}`,
      'not-a-token',
      `${token}.more`,
    ]) {
      expectError(
        await t.request({ method: 'GET', url: `/api/v1/public/shift-feeds/${bad}.ics` }),
        404,
        'SHIFT_FEED_NOT_FOUND',
      )
    }
  })

  it('rotating the URL cuts off the old one, with an audit row', async () => {
    const old = (
      await worker.request({ method: 'GET', url: '/api/v1/my/shifts/feed-url' })
    ).json<ShiftFeedUrl>()
    const res = await worker.request({ method: 'POST', url: '/api/v1/my/shifts/feed-url/rotate' })
    expect(res.statusCode, res.body).toBe(200)
    const fresh = res.json<ShiftFeedUrl>()
    expect(fresh.url).not.toBe(old.url)
    expect(fresh.rotatedAt).not.toBeNull()
    expectError(
      await t.request({ method: 'GET', url: feedPathOf(old.url) }),
      404,
      'SHIFT_FEED_NOT_FOUND',
    )
    expect((await t.request({ method: 'GET', url: feedPathOf(fresh.url) })).statusCode).toBe(200)
    const again = (
      await worker.request({ method: 'GET', url: '/api/v1/my/shifts/feed-url' })
    ).json<ShiftFeedUrl>()
    expect(again.url).toBe(fresh.url)
    const rows = await auditRows(t, { action: 'station.shift-feed.rotate', targetId: people.a })
    expect(rows).toHaveLength(1)
    expect(rows[0]!.actor_member_id).toBe(people.a)
  })

  it('a suspended member loses the feed', async () => {
    const feed = (
      await worker.request({ method: 'GET', url: '/api/v1/my/shifts/feed-url' })
    ).json<ShiftFeedUrl>()
    const res = await longgang.request({
      method: 'PATCH',
      url: `/api/v1/members/${people.a}`,
      payload: { status: 'suspended' },
    })
    expect(res.statusCode, res.body).toBe(200)
    expectError(
      await t.request({ method: 'GET', url: feedPathOf(feed.url) }),
      404,
      'SHIFT_FEED_NOT_FOUND',
    )
  })
})
