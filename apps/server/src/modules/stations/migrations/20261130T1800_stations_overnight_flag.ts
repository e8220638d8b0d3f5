import type { Kysely } from 'kysely'

/**
 * Overnight periods became explicit (ADR 0026): a range that runs past midnight says
 * `overnight: true`, and an end earlier than the start without it is refused. The old rule read
 * every stored range with end < start as running past midnight, so each of them is a night:
 * this rewrites every station's schedule JSON (`station.schedule`, text on SQLite and
 * PostgreSQL alike), adding `overnight: true` to each range with end < start in `weekly`,
 * `holidayHours` and the hours of `exceptions`. Nothing else changes, `updated_at` included:
 * the opening hours are the same.
 *
 * Idempotent: a range already flagged is left alone, so a second run changes nothing. The rule
 * is copied here rather than imported from the domain, which may change after this migration.
 * Rows are read a page at a time by id (the table may hold 200,000 stations) and written in
 * groups sharing the same new text (stations share a handful of timetables). When anything
 * changed, the directory version is bumped, so every process reloads its in-memory directory
 * (ADR 0016).
 */

const PAGE = 1000
/** SQLite binds at most 32,766 parameters per statement; PostgreSQL 65,535. */
const IDS_PER_UPDATE = 500
const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/

type Range = { start?: unknown; end?: unknown; overnight?: unknown }
type StoredSchedule = { weekly?: unknown; holidayHours?: unknown; exceptions?: unknown }

/** Whether a stored range runs past midnight by the old rule (end < start) and lacks the flag. */
const needsFlag = (r: unknown): r is Range => {
  if (typeof r !== 'object' || r === null) return false
  const { start, end, overnight } = r as Range
  return (
    overnight !== true &&
    typeof start === 'string' &&
    typeof end === 'string' &&
    TIME.test(start) &&
    TIME.test(end) &&
    end < start
  )
}

const flagRanges = (list: unknown): { list: unknown; changed: boolean } => {
  if (!Array.isArray(list)) return { list, changed: false }
  let changed = false
  const out = list.map((r: unknown) => {
    if (!needsFlag(r)) return r
    changed = true
    return { ...r, overnight: true }
  })
  return { list: out, changed }
}

/**
 * The schedule JSON with every old-style night range flagged, or null when nothing changes
 * (already migrated, no night ranges, or not a schedule object at all: left as stored).
 */
export const withOvernightFlags = (json: string): string | null => {
  let schedule: unknown
  try {
    schedule = JSON.parse(json)
  } catch {
    return null
  }
  if (typeof schedule !== 'object' || schedule === null || Array.isArray(schedule)) return null
  const s = { ...(schedule as StoredSchedule) }
  let changed = false
  const weekly = flagRanges(s.weekly)
  if (weekly.changed) {
    s.weekly = weekly.list
    changed = true
  }
  const holiday = flagRanges(s.holidayHours)
  if (holiday.changed) {
    s.holidayHours = holiday.list
    changed = true
  }
  if (Array.isArray(s.exceptions)) {
    s.exceptions = s.exceptions.map((e: unknown) => {
      if (typeof e !== 'object' || e === null || !('hours' in e)) return e
      const hours = flagRanges(e.hours)
      if (!hours.changed) return e
      changed = true
      return { ...e, hours: hours.list }
    })
  }
  return changed ? JSON.stringify(s) : null
}

/**
 * Rewrites every stored schedule with `rewrite` in one transaction (Kysely runs a migration in
 * one on PostgreSQL, not on SQLite); answers how many stations changed.
 */
const rewriteSchedules = (db: Kysely<any>, rewrite: (json: string) => string | null) =>
  db.isTransaction
    ? rewriteIn(db, rewrite)
    : db.transaction().execute((trx) => rewriteIn(trx, rewrite))

const rewriteIn = async (
  db: Kysely<any>,
  rewrite: (json: string) => string | null,
): Promise<number> => {
  let changed = 0
  let after = ''
  // Stations share a handful of timetables: rewrite each distinct text once.
  const memo = new Map<string, string | null>()
  for (;;) {
    const rows = (await db
      .selectFrom('station')
      .select(['id', 'schedule'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute()) as Array<{ id: string; schedule: string }>
    if (rows.length === 0) break
    after = rows[rows.length - 1]!.id
    const idsByText = new Map<string, string[]>()
    for (const row of rows) {
      let next = memo.get(row.schedule)
      if (next === undefined) memo.set(row.schedule, (next = rewrite(row.schedule)))
      if (next === null) continue
      const ids = idsByText.get(next) ?? []
      ids.push(row.id)
      idsByText.set(next, ids)
    }
    for (const [text, ids] of idsByText) {
      for (let i = 0; i < ids.length; i += IDS_PER_UPDATE) {
        await db
          .updateTable('station')
          .set({ schedule: text })
          .where('id', 'in', ids.slice(i, i + IDS_PER_UPDATE))
          .execute()
      }
      changed += ids.length
    }
    if (memo.size > 10_000) memo.clear() // unique timetables: keep the memo bounded
  }
  if (changed > 0) {
    await db
      .updateTable('station_directory_version')
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('id', '=', 1)
      .execute()
  }
  return changed
}

/** Adds `overnight: true` to every stored range with end < start; answers the stations changed. */
export const flagOvernightRanges = (db: Kysely<any>) => rewriteSchedules(db, withOvernightFlags)

/**
 * The old format: the flag dropped, which the old rule reads the same way (end < start runs past
 * midnight). A flag on any other range cannot be stored: validation refuses it.
 */
export const withoutOvernightFlags = (json: string): string | null => {
  if (!json.includes('"overnight"')) return null
  let schedule: unknown
  try {
    schedule = JSON.parse(json)
  } catch {
    return null
  }
  const strip = (list: unknown) =>
    Array.isArray(list)
      ? list.map((r: unknown) => {
          if (typeof r !== 'object' || r === null || !('overnight' in r)) return r
          const { overnight: _dropped, ...rest } = r as Range
          return rest
        })
      : list
  if (typeof schedule !== 'object' || schedule === null || Array.isArray(schedule)) return null
  const s = { ...(schedule as StoredSchedule) }
  s.weekly = strip(s.weekly)
  if (s.holidayHours !== undefined) s.holidayHours = strip(s.holidayHours)
  if (Array.isArray(s.exceptions)) {
    s.exceptions = s.exceptions.map((e: unknown) =>
      typeof e === 'object' && e !== null && 'hours' in e ? { ...e, hours: strip(e.hours) } : e,
    )
  }
  const out = JSON.stringify(s)
  return out === json ? null : out
}

export async function up(db: Kysely<any>): Promise<void> {
  await flagOvernightRanges(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await rewriteSchedules(db, withoutOvernightFlags)
}
