import { AppError } from '../../../platform/errors/app-error'

/**
 * Opening hours of a station: weekly periods, a 24-hour flag, dated exceptions and the
 * Chinese public-holiday calendar with make-up workdays (调休). Pure functions over a plain
 * JSON-able `Schedule`, evaluated in Asia/Shanghai local time from a UTC instant.
 *
 * The model (what "open at instant t" means):
 * 1. Time zone: Asia/Shanghai is UTC+8 all year (no daylight saving since 1991), so local time
 *    is the UTC instant plus 8 hours; no time-zone database is needed.
 * 2. Every local date D "owns" a list of time ranges, chosen by the first rule that applies:
 *    a. a dated exception for D: closed all day, or its special hours;
 *    b. `alwaysOpen`: 00:00–24:00;
 *    c. D is a public holiday in the calendar (every day of a 放假 block, weekends included):
 *       `holidayHours` if the station set them (an empty list = closed on holidays), else the
 *       station's Sunday periods;
 *    d. D is a make-up workday (调休上班, usually a Saturday or Sunday): the periods of weekday
 *       `makeUpWorkdayAs` (default Monday, 1) — the State Council notices only say "上班", not
 *       which weekday's timetable applies, so the station chooses;
 *    e. otherwise the weekly periods of D's weekday (ISO: 1 = Monday … 7 = Sunday).
 * 3. A range is "HH:MM"–"HH:MM"; the end may be "24:00". A range that runs past midnight says
 *    so with `overnight: true`, and its end is then earlier than its start (Fri 22:00–06:00
 *    overnight is open Friday night until Saturday 06:00). An end earlier than the start without
 *    the flag is refused (PERIOD_ENDS_BEFORE_START), as is the flag on a range that ends later
 *    the same day (OVERNIGHT_INVALID): a typo such as 17:00–08:00 for 08:00–17:00 must not pass
 *    as a night (ADR 0026). Every write is checked this way; evaluating what is already stored
 *    still reads an unflagged night as a night (the rule before), so a row an older process
 *    wrote during a rolling deploy cannot make searches fail. The part after midnight belongs
 *    to D: it follows D's rule, whatever the next day is (a Friday-night shift continues into a
 *    holiday Saturday). End equal to start is rejected: use 00:00–24:00 for a whole day, or
 *    `alwaysOpen`.
 * 4. Open at t ⇔ t lies in a range owned by its local date or in the after-midnight part of a
 *    range owned by the day before, unless t's date has a "closed all day" exception (that
 *    also cuts the previous night's range at midnight: "closed on 1 May" means no open minute
 *    on 1 May). Special-hours exceptions replace the date's own ranges only.
 * 5. Ranges are half-open [start, end): open at 08:00:00 for 08:00–17:00, closed at 17:00:00.
 *
 * Decisions:
 * - The holiday calendar is an interface (`HolidayCalendar`) passed to every evaluation, so a
 *   province's extra days or next year's notice plug in without code changes; the State
 *   Council calendar for 2025–2026 is in `cn-holidays.ts`. Outside the years a calendar knows,
 *   every day is an ordinary weekday/weekend.
 * - `validateSchedule` returns every problem with a dotted path (`weekly.2.end`) and a stable
 *   code. Overlaps are checked where ranges repeat: weekly periods on the cyclic week (Sunday
 *   night runs into Monday), holiday hours on a cyclic day (holidays come in runs), exception
 *   hours within their date. Where different rules meet (a Friday-night range running into a
 *   holiday) ranges may overlap; evaluation takes their union.
 * - Evaluation compiles a schedule once (cached per object in a WeakMap), so schedules must be
 *   treated as immutable values; an invalid schedule throws `ScheduleError` (400).
 * - `nextChange` looks 14 days ahead (a station closed longer has no "opens at" to show), and
 *   `openIntervals` accepts at most 400 days per call, bounding the work of one request.
 */

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7

/**
 * "HH:MM" local time; `end` may be "24:00". `overnight: true` runs past midnight: the end is
 * then the next day's, earlier than the start (rule 3).
 */
export type TimeRange = { start: string; end: string; overnight?: boolean }

export type WeeklyPeriod = TimeRange & { day: Weekday }

export type DateException =
  { date: string; closed: true } | { date: string; closed?: false; hours: TimeRange[] }

export type Schedule = {
  /** Open every minute of every day, except on dates with an exception. */
  alwaysOpen?: boolean
  weekly: WeeklyPeriod[]
  /** Hours on public holidays; absent or null = Sunday's periods; [] = closed on holidays. */
  holidayHours?: TimeRange[] | null
  /** Whose weekday's periods a make-up workday follows (default 1, Monday). */
  makeUpWorkdayAs?: Weekday
  exceptions?: DateException[]
}

// ---- holiday calendar ----

/** What the calendar says about a date: a day off, or a weekend day worked instead (调休). */
export type DayKind = 'holiday' | 'workday'

export interface HolidayCalendar {
  /** The kind of a local date "YYYY-MM-DD", or undefined for an ordinary day. */
  kindOf(date: string): DayKind | undefined
}

/** One year of a published calendar (see cn-holidays.ts). */
export type HolidayYear = {
  year: number
  /** Where the dates come from, e.g. the notice number. */
  source: string
  /** Inclusive blocks of days off, weekends inside a block included. */
  holidays: ReadonlyArray<{ name: string; from: string; to: string }>
  /** Make-up workdays (调休上班). */
  workdays: readonly string[]
}

export const EMPTY_CALENDAR: HolidayCalendar = { kindOf: () => undefined }

/** A calendar from published years; throws on malformed or contradictory data. */
export const createHolidayCalendar = (years: readonly HolidayYear[]): HolidayCalendar => {
  const kinds = new Map<string, DayKind>()
  for (const y of years) {
    for (const block of y.holidays) {
      const from = dayOfDate(block.from)
      const to = dayOfDate(block.to)
      if (from === null || to === null || to < from) {
        throw new RangeError(`Bad holiday block ${block.name} ${block.from}..${block.to}`)
      }
      for (let d = from; d <= to; d++) kinds.set(dateOfDay(d), 'holiday')
    }
    for (const w of y.workdays) {
      if (dayOfDate(w) === null) throw new RangeError(`Bad workday ${w}`)
      if (kinds.has(w)) throw new RangeError(`${w} is both a holiday and a workday`)
      kinds.set(w, 'workday')
    }
  }
  return { kindOf: (date) => kinds.get(date) }
}

// ---- local time ----

const MINUTE_MS = 60_000
const DAY_MS = 86_400_000
const DAY_MIN = 1440
const SHANGHAI_OFFSET_MS = 8 * 3_600_000

export const NEXT_CHANGE_HORIZON_MS = 14 * DAY_MS
export const MAX_INTERVAL_SPAN_MS = 400 * DAY_MS

/** Local date "YYYY-MM-DD" of a day number (days since 1970-01-01, local), uncached. */
const formatDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10)

// Formatting a date is most of the cost of isOpenAt, and a search asks about the same two
// days for every station: a small direct-mapped cache keyed by the day number.
const DAY_CACHE_SIZE = 1024
const dayCacheKeys = new Float64Array(DAY_CACHE_SIZE).fill(Number.NaN)
const dayCacheValues: string[] = new Array<string>(DAY_CACHE_SIZE).fill('')

const dateOfDay = (day: number): string => {
  const slot = day & (DAY_CACHE_SIZE - 1)
  if (dayCacheKeys[slot] === day) return dayCacheValues[slot]!
  const date = formatDay(day)
  dayCacheKeys[slot] = day
  dayCacheValues[slot] = date
  return date
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Day number of a valid "YYYY-MM-DD", else null. */
const dayOfDate = (date: string): number | null => {
  const m = DATE_RE.exec(date)
  if (!m) return null
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  return formatDay(ms / DAY_MS) === date ? ms / DAY_MS : null
}

/** ISO weekday of a local day number (1970-01-01 was a Thursday). */
const weekdayOf = (day: number): Weekday => (((((day + 3) % 7) + 7) % 7) + 1) as Weekday

/** The local date "YYYY-MM-DD" in Asia/Shanghai at a UTC instant. */
export const shanghaiDate = (instant: Date | number): string =>
  dateOfDay(Math.floor((toMs(instant) + SHANGHAI_OFFSET_MS) / DAY_MS))

// ---- validation ----

export type ScheduleProblemCode =
  | 'TIME_INVALID'
  | 'PERIOD_EMPTY'
  | 'PERIOD_ENDS_BEFORE_START'
  | 'OVERNIGHT_INVALID'
  | 'PERIOD_OVERLAP'
  | 'DAY_INVALID'
  | 'DATE_INVALID'
  | 'EXCEPTION_DUPLICATE'
  | 'EXCEPTION_HOURS_EMPTY'
  | 'ALWAYS_OPEN_CONFLICT'
  | 'INSTANT_INVALID'
  | 'RANGE_INVALID'

export type ScheduleProblem = {
  path: string
  code: ScheduleProblemCode
  message: string
  /** The other period or date of an overlap or a duplicate, so a message can name it. */
  other?: string
}

/** An invalid schedule or argument: an AppError (400 VALIDATION_FAILED) listing the problems. */
export class ScheduleError extends AppError {
  constructor(readonly problems: ScheduleProblem[]) {
    super(
      'VALIDATION_FAILED',
      400,
      problems.map((p) => `${p.path}: ${p.message}`).join('; '),
      problems.map((p) => ({ path: p.path, code: p.code, message: p.message })),
    )
    this.name = 'ScheduleError'
  }
}

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/

/** Minutes since midnight of "HH:MM" (00:00–23:59, or 24:00 when allowed), else null. */
const parseTime = (value: unknown, allow2400: boolean): number | null => {
  if (typeof value !== 'string') return null
  if (value === '24:00') return allow2400 ? DAY_MIN : null
  const m = TIME_RE.exec(value)
  return m ? Number(m[1]) * 60 + Number(m[2]) : null
}

/** A range in minutes from its owning day's midnight: 0 ≤ start < end < 2880. */
type Range = readonly [number, number]

/**
 * How unflagged nights are read. `strict` (every write: API, imports) refuses them; `stored`
 * (evaluating what is already saved) reads them as nights, the rule before ADR 0026, so a row
 * written by an older process during a rolling deploy cannot make searches fail.
 */
type NightRule = 'strict' | 'stored'

const checkRange = (
  r: TimeRange,
  path: string,
  problems: ScheduleProblem[],
  nights: NightRule = 'strict',
): Range | null => {
  const start = parseTime(r?.start, false)
  const end = parseTime(r?.end, true)
  if (start === null) {
    problems.push({
      path: `${path}.start`,
      code: 'TIME_INVALID',
      message: 'must be HH:MM, 00:00–23:59',
    })
  }
  if (end === null) {
    problems.push({
      path: `${path}.end`,
      code: 'TIME_INVALID',
      message: 'must be HH:MM, 00:00–24:00',
    })
  }
  const flag = (r as { overnight?: unknown } | null)?.overnight
  if (flag !== undefined && typeof flag !== 'boolean') {
    problems.push({
      path: `${path}.overnight`,
      code: 'OVERNIGHT_INVALID',
      message: 'must be true or false',
    })
    return null
  }
  if (start === null || end === null) return null
  if (start === end) {
    problems.push({
      path,
      code: 'PERIOD_EMPTY',
      message: 'start equals end; use 00:00–24:00 for a whole day',
    })
    return null
  }
  // Rule 3: only a range marked overnight may end before it starts.
  if (flag === true) {
    if (end > start) {
      problems.push({
        path: `${path}.overnight`,
        code: 'OVERNIGHT_INVALID',
        message: 'an overnight period ends the next day, earlier than its start time',
      })
      return null
    }
    return [start, end + DAY_MIN]
  }
  if (end < start) {
    if (nights === 'stored') return [start, end + DAY_MIN]
    problems.push({
      path: `${path}.end`,
      code: 'PERIOD_ENDS_BEFORE_START',
      message: 'ends before it starts; if it closes the next day, mark the period overnight',
    })
    return null
  }
  return [start, end]
}

type Placed = { path: string; start: number; end: number }

/** Reports each pair of ranges that overlap on a cycle of `cycle` minutes (0 = no cycle). */
const checkOverlaps = (items: Placed[], cycle: number, problems: ScheduleProblem[]) => {
  const shifts = cycle > 0 ? [-cycle, 0, cycle] : [0]
  for (let j = 1; j < items.length; j++) {
    const b = items[j]!
    for (let i = 0; i < j; i++) {
      const a = items[i]!
      const overlaps = shifts.some(
        (s) => Math.max(a.start, b.start + s) < Math.min(a.end, b.end + s),
      )
      if (overlaps) {
        problems.push({
          path: b.path,
          code: 'PERIOD_OVERLAP',
          message: `overlaps ${a.path}`,
          other: a.path,
        })
        break
      }
    }
  }
}

const isWeekday = (d: unknown): d is Weekday =>
  typeof d === 'number' && Number.isInteger(d) && d >= 1 && d <= 7

/** Every problem of a schedule (empty when valid), each with a dotted path and a code. */
export const validateSchedule = (
  schedule: Schedule,
  nights: NightRule = 'strict',
): ScheduleProblem[] => {
  const problems: ScheduleProblem[] = []
  const weekly = Array.isArray(schedule.weekly) ? schedule.weekly : []
  if (!Array.isArray(schedule.weekly)) {
    problems.push({ path: 'weekly', code: 'RANGE_INVALID', message: 'must be a list' })
  }
  const placed: Placed[] = []
  weekly.forEach((p, i) => {
    const path = `weekly.${i}`
    const ok = isWeekday(p?.day)
    if (!ok) {
      problems.push({
        path: `${path}.day`,
        code: 'DAY_INVALID',
        message: 'must be 1 (Mon)–7 (Sun)',
      })
    }
    const r = checkRange(p, path, problems, nights)
    if (ok && r) {
      const base = (p.day - 1) * DAY_MIN
      placed.push({ path, start: base + r[0], end: base + r[1] })
    }
  })
  checkOverlaps(placed, 7 * DAY_MIN, problems)

  if (schedule.holidayHours != null) {
    if (!Array.isArray(schedule.holidayHours)) {
      problems.push({ path: 'holidayHours', code: 'RANGE_INVALID', message: 'must be a list' })
    } else {
      const hol: Placed[] = []
      schedule.holidayHours.forEach((h, i) => {
        const r = checkRange(h, `holidayHours.${i}`, problems, nights)
        if (r) hol.push({ path: `holidayHours.${i}`, start: r[0], end: r[1] })
      })
      checkOverlaps(hol, DAY_MIN, problems)
    }
  }

  if (schedule.makeUpWorkdayAs !== undefined && !isWeekday(schedule.makeUpWorkdayAs)) {
    problems.push({
      path: 'makeUpWorkdayAs',
      code: 'DAY_INVALID',
      message: 'must be 1 (Mon)–7 (Sun)',
    })
  }

  if (schedule.alwaysOpen === true) {
    if (weekly.length > 0) {
      problems.push({
        path: 'weekly',
        code: 'ALWAYS_OPEN_CONFLICT',
        message: 'a 24-hour station has no weekly periods',
      })
    }
    if (schedule.holidayHours != null) {
      problems.push({
        path: 'holidayHours',
        code: 'ALWAYS_OPEN_CONFLICT',
        message: 'a 24-hour station has no holiday hours',
      })
    }
  }

  const exceptions = schedule.exceptions ?? []
  if (!Array.isArray(exceptions)) {
    problems.push({ path: 'exceptions', code: 'RANGE_INVALID', message: 'must be a list' })
    return problems
  }
  const seen = new Map<string, number>()
  exceptions.forEach((ex, i) => {
    const path = `exceptions.${i}`
    const date = ex?.date
    if (typeof date !== 'string' || dayOfDate(date) === null) {
      problems.push({ path: `${path}.date`, code: 'DATE_INVALID', message: 'must be YYYY-MM-DD' })
    } else if (seen.has(date)) {
      problems.push({
        path: `${path}.date`,
        code: 'EXCEPTION_DUPLICATE',
        message: `the same date as exceptions.${seen.get(date)}`,
        other: `exceptions.${seen.get(date)}`,
      })
    } else {
      seen.set(date, i)
    }
    if (ex?.closed === true) return
    const hours = (ex as { hours?: unknown }).hours
    if (!Array.isArray(hours) || hours.length === 0) {
      problems.push({
        path: `${path}.hours`,
        code: 'EXCEPTION_HOURS_EMPTY',
        message: 'give special hours, or closed: true',
      })
      return
    }
    const own: Placed[] = []
    ;(hours as TimeRange[]).forEach((h, j) => {
      const r = checkRange(h, `${path}.hours.${j}`, problems, nights)
      if (r) own.push({ path: `${path}.hours.${j}`, start: r[0], end: r[1] })
    })
    checkOverlaps(own, 0, problems)
  })
  return problems
}

/** Throws ScheduleError unless the schedule is valid. */
export const assertValidSchedule = (schedule: Schedule): void => {
  const problems = validateSchedule(schedule)
  if (problems.length > 0) throw new ScheduleError(problems)
}

// ---- compiled form ----

type Own = readonly Range[] | 'closed'

type Compiled = {
  alwaysOpen: boolean
  /** Index 1..7 (0 unused). */
  weekly: Range[][]
  holiday: Range[] | null
  makeUpAs: Weekday
  exceptions: Map<string, Own>
}

const FULL_DAY: readonly Range[] = [[0, DAY_MIN]]

/**
 * A range of a validated schedule (rule 3: an overnight end is the next day's). Validation left
 * only two cases with the end before the start: flagged nights, and unflagged stored ones.
 */
const toRange = (r: TimeRange): Range => {
  const start = parseTime(r.start, false)!
  const end = parseTime(r.end, true)!
  return end < start ? [start, end + DAY_MIN] : [start, end]
}

const cache = new WeakMap<Schedule, Compiled>()

const compile = (schedule: Schedule): Compiled => {
  const hit = cache.get(schedule)
  if (hit) return hit
  const problems = validateSchedule(schedule, 'stored')
  if (problems.length > 0) throw new ScheduleError(problems)
  const weekly: Range[][] = [[], [], [], [], [], [], [], []]
  for (const p of schedule.weekly) weekly[p.day]!.push(toRange(p))
  const exceptions = new Map<string, Own>()
  for (const ex of schedule.exceptions ?? []) {
    exceptions.set(ex.date, ex.closed === true ? 'closed' : ex.hours.map(toRange))
  }
  const compiled: Compiled = {
    alwaysOpen: schedule.alwaysOpen === true,
    weekly,
    holiday: schedule.holidayHours == null ? null : schedule.holidayHours.map(toRange),
    makeUpAs: schedule.makeUpWorkdayAs ?? 1,
    exceptions,
  }
  cache.set(schedule, compiled)
  return compiled
}

/** The ranges local day `day` owns (rule 2 of the header). */
const ownRanges = (c: Compiled, day: number, calendar: HolidayCalendar): Own => {
  const date = dateOfDay(day)
  const ex = c.exceptions.get(date)
  if (ex !== undefined) return ex
  if (c.alwaysOpen) return FULL_DAY
  const kind = calendar.kindOf(date)
  if (kind === 'holiday') return c.holiday ?? c.weekly[7]!
  if (kind === 'workday') return c.weekly[c.makeUpAs]!
  return c.weekly[weekdayOf(day)]!
}

const toMs = (instant: Date | number): number => {
  const ms = instant instanceof Date ? instant.getTime() : instant
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new ScheduleError([
      { path: 'instant', code: 'INSTANT_INVALID', message: 'must be a valid date' },
    ])
  }
  return ms
}

// ---- evaluation ----

/** Whether the station is open at a UTC instant. */
export const isOpenAt = (
  schedule: Schedule,
  instant: Date | number,
  calendar: HolidayCalendar,
): boolean => {
  const c = compile(schedule)
  const local = toMs(instant) + SHANGHAI_OFFSET_MS
  const day = Math.floor(local / DAY_MS)
  const minute = (local - day * DAY_MS) / MINUTE_MS
  const own = ownRanges(c, day, calendar)
  if (own === 'closed') return false
  for (const r of own) if (minute >= r[0] && minute < r[1]) return true
  const prev = ownRanges(c, day - 1, calendar)
  if (prev === 'closed') return false
  const m = minute + DAY_MIN
  for (const r of prev) if (r[1] > DAY_MIN && m >= r[0] && m < r[1]) return true
  return false
}

export type OpenInterval = { start: Date; end: Date }

/** Open intervals in ms, merged, sorted and clipped to [from, to). */
const intervalsMs = (
  c: Compiled,
  from: number,
  to: number,
  calendar: HolidayCalendar,
): Array<[number, number]> => {
  if (to <= from) return []
  const raw: Array<[number, number]> = []
  const firstDay = Math.floor((from + SHANGHAI_OFFSET_MS) / DAY_MS) - 1
  const lastDay = Math.floor((to - 1 + SHANGHAI_OFFSET_MS) / DAY_MS)
  let own = ownRanges(c, firstDay, calendar)
  for (let day = firstDay; day <= lastDay; day++) {
    const next = ownRanges(c, day + 1, calendar)
    if (own !== 'closed') {
      const base = day * DAY_MS - SHANGHAI_OFFSET_MS
      for (const r of own) {
        const start = Math.max(from, base + r[0] * MINUTE_MS)
        // A "closed all day" exception the next day cuts a night range at midnight (rule 4).
        const endMin = r[1] > DAY_MIN && next === 'closed' ? DAY_MIN : r[1]
        const end = Math.min(to, base + endMin * MINUTE_MS)
        if (end > start) raw.push([start, end])
      }
    }
    own = next
  }
  raw.sort((a, b) => a[0] - b[0])
  const merged: Array<[number, number]> = []
  for (const iv of raw) {
    const last = merged[merged.length - 1]
    if (last && iv[0] <= last[1]) last[1] = Math.max(last[1], iv[1])
    else merged.push([iv[0], iv[1]])
  }
  return merged
}

/**
 * The open intervals within [from, to), merged (touching ranges join) and sorted; an interval
 * cut by `from` or `to` starts or ends there. At most 400 days per call.
 */
export const openIntervals = (
  schedule: Schedule,
  from: Date | number,
  to: Date | number,
  calendar: HolidayCalendar,
): OpenInterval[] => {
  const c = compile(schedule)
  const f = toMs(from)
  const t = toMs(to)
  if (t < f || t - f > MAX_INTERVAL_SPAN_MS) {
    throw new ScheduleError([
      { path: 'to', code: 'RANGE_INVALID', message: 'must be after from, at most 400 days later' },
    ])
  }
  return intervalsMs(c, f, t, calendar).map(([s, e]) => ({ start: new Date(s), end: new Date(e) }))
}

export type ScheduleChange = { at: Date; open: boolean }

/**
 * When the station next opens (open: true) or closes (open: false) after `instant`, looking
 * at most 14 days ahead (a change exactly 14 days later counts); null when nothing changes.
 */
export const nextChange = (
  schedule: Schedule,
  instant: Date | number,
  calendar: HolidayCalendar,
): ScheduleChange | null => {
  const c = compile(schedule)
  const t = toMs(instant)
  const horizon = t + NEXT_CHANGE_HORIZON_MS
  const ivs = intervalsMs(c, t, horizon + 1, calendar)
  const first = ivs[0]
  if (!first) return null
  if (first[0] === t) {
    // Open now: the first merged interval ends at the next closing, unless it runs past the horizon.
    return first[1] > horizon ? null : { at: new Date(first[1]), open: false }
  }
  return { at: new Date(first[0]), open: true }
}
