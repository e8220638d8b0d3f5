import type { Station, StationSchedule } from '@unionhall/contracts'
import { uuidv7 } from 'uuidv7'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { typed } from '../../platform/db/create-db'
import { buildTestApp, ACCOUNTS, type TestApp } from '../../../test/build-test-app'
import { createStation } from '../../../test/factories/stations'
import { insertStations, stationsFingerprint } from './stations.repository'
import type { StationsTables } from './stations.tables'
import {
  down,
  up,
  withOvernightFlags,
  withoutOvernightFlags,
} from './migrations/20261130T1800_stations_overnight_flag'
import { type Schedule, validateSchedule } from './domain/schedule'

/**
 * The data migration of ADR 0026 on the current dialect (SQLite, or PostgreSQL with
 * TEST_DATABASE_URL): stored schedules written under the old rule (end < start ran past
 * midnight, no flag) get `overnight: true` on exactly those ranges, every other byte of the
 * stations stays, a second run changes nothing, and the directory version moves once.
 */

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

const db = () => typed<StationsTables>(t.database.db)
const scheduleOf = async (id: string) =>
  (
    await db()
      .selectFrom('station')
      .select('schedule')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).schedule
const rowOf = (id: string) =>
  db().selectFrom('station').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

/** A schedule as the old rule stored it: three night ranges without the flag. */
const LEGACY: StationSchedule = {
  weekly: [
    { day: 1, start: '08:00', end: '17:00' },
    { day: 5, start: '22:00', end: '06:00' },
    { day: 6, start: '09:00', end: '24:00' },
  ],
  holidayHours: [{ start: '20:00', end: '02:00' }],
  makeUpWorkdayAs: 1,
  exceptions: [
    { date: '2026-10-01', closed: true },
    { date: '2026-12-24', hours: [{ start: '18:00', end: '01:00' }] },
  ],
}
const MIGRATED: StationSchedule = {
  weekly: [
    { day: 1, start: '08:00', end: '17:00' },
    { day: 5, start: '22:00', end: '06:00', overnight: true },
    { day: 6, start: '09:00', end: '24:00' },
  ],
  holidayHours: [{ start: '20:00', end: '02:00', overnight: true }],
  makeUpWorkdayAs: 1,
  exceptions: [
    { date: '2026-10-01', closed: true },
    { date: '2026-12-24', hours: [{ start: '18:00', end: '01:00', overnight: true }] },
  ],
}
const DAYTIME = { weekly: [{ day: 2, start: '08:00', end: '12:00' }], holidayHours: null }

describe('20261130T1800_stations_overnight_flag', () => {
  it('flags the old night ranges of every station, pages through many, and is idempotent', async () => {
    const staff = await t.loginAs(ACCOUNTS.longgangStaff)
    const legacy: Station = await createStation(t, staff, { name: '旧数据夜班驿站' })
    const daytime: Station = await createStation(t, staff, { name: '旧数据白班驿站' })
    // Write the rows as the old code stored them (the API now refuses this schedule).
    await db()
      .updateTable('station')
      .set({ schedule: JSON.stringify(LEGACY), always_open: 0 })
      .where('id', '=', legacy.id)
      .execute()
    await db()
      .updateTable('station')
      .set({ schedule: JSON.stringify(DAYTIME), always_open: 0 })
      .where('id', '=', daytime.id)
      .execute()
    // More than one page of old rows (the migration reads 1,000 at a time).
    const template = await rowOf(legacy.id)
    const bulkIds = Array.from({ length: 1_100 }, () => uuidv7())
    await insertStations(
      t.database.db,
      bulkIds.map((id, i) => ({ ...template, id, name: `旧数据批量驿站${i}` })),
    )
    const legacyBefore = await rowOf(legacy.id)
    const daytimeText = await scheduleOf(daytime.id)
    const version = Number(await stationsFingerprint(t.database.db))

    await up(t.database.db)

    expect(JSON.parse(await scheduleOf(legacy.id))).toEqual(MIGRATED)
    for (const id of [bulkIds[0]!, bulkIds[999]!, bulkIds[1_099]!]) {
      expect(JSON.parse(await scheduleOf(id))).toEqual(MIGRATED)
    }
    // Nothing else moves: the other columns, and a schedule without a night, byte for byte.
    expect({ ...(await rowOf(legacy.id)), schedule: '' }).toEqual({ ...legacyBefore, schedule: '' })
    expect(await scheduleOf(daytime.id)).toBe(daytimeText)
    // Other processes reload their in-memory directory (ADR 0016).
    expect(Number(await stationsFingerprint(t.database.db))).toBe(version + 1)

    // The stored schedule now passes the strict rule every write uses, and the station's page
    // still answers.
    expect(validateSchedule(JSON.parse(await scheduleOf(legacy.id)) as Schedule)).toEqual([])
    const res = await t.request({ method: 'GET', url: `/api/v1/public/stations/${legacy.id}` })
    expect(res.statusCode, res.body).toBe(200)

    // A second run finds nothing to do.
    const migrated = await scheduleOf(legacy.id)
    await up(t.database.db)
    expect(await scheduleOf(legacy.id)).toBe(migrated)
    expect(Number(await stationsFingerprint(t.database.db))).toBe(version + 1)
  })

  it('leaves the demo data (already flagged) and stations made through the API unchanged', async () => {
    const rows = await db().selectFrom('station').select(['id', 'schedule']).execute()
    const nights = rows.filter((r) => r.schedule.includes('"overnight":true'))
    expect(nights.length).toBeGreaterThan(0) // the demo's sanitation night stations
    const before = new Map(rows.map((r) => [r.id, r.schedule]))
    const version = await stationsFingerprint(t.database.db)
    await up(t.database.db)
    const after = await db().selectFrom('station').select(['id', 'schedule']).execute()
    expect(new Map(after.map((r) => [r.id, r.schedule]))).toEqual(before)
    expect(await stationsFingerprint(t.database.db)).toBe(version)
  })

  it('down drops the flag (the old rule reads the same hours), and up restores it', async () => {
    const staff = await t.loginAs(ACCOUNTS.longgangStaff)
    const s = await createStation(t, staff, { name: '回退测试驿站', schedule: MIGRATED })
    await down(t.database.db)
    expect(JSON.parse(await scheduleOf(s.id))).toEqual(LEGACY)
    await up(t.database.db)
    expect(JSON.parse(await scheduleOf(s.id))).toEqual(MIGRATED)
  })

  it('rewrites one schedule text, leaving what is not a schedule alone', () => {
    expect(JSON.parse(withOvernightFlags(JSON.stringify(LEGACY))!)).toEqual(MIGRATED)
    expect(withOvernightFlags(JSON.stringify(MIGRATED))).toBeNull()
    expect(withOvernightFlags(JSON.stringify({ alwaysOpen: true, weekly: [] }))).toBeNull()
    expect(withOvernightFlags('not json')).toBeNull()
    expect(withOvernightFlags('[1,2]')).toBeNull()
    // A malformed range is left for validation to report, not guessed at.
    expect(
      withOvernightFlags(JSON.stringify({ weekly: [{ day: 1, start: '25:00', end: '08:00' }] })),
    ).toBeNull()
    expect(JSON.parse(withoutOvernightFlags(JSON.stringify(MIGRATED))!)).toEqual(LEGACY)
    expect(withoutOvernightFlags(JSON.stringify(LEGACY))).toBeNull()
  })
})
