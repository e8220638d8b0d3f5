import { type CoordSystemValue, normaliseMobileInput, type StationKind } from '@unionhall/contracts'
import { AMENITIES, type AmenityCode, isAmenityCode } from '../domain/amenities'
import { ENTERED_YEAR_MAX, ENTERED_YEAR_MIN } from '@unionhall/contracts'
import {
  type DateException,
  type Schedule,
  type TimeRange,
  validateSchedule,
  type WeeklyPeriod,
  type Weekday,
} from '../domain/schedule'
import {
  type ImportProblem,
  type ImportProblemCode,
  type ImportProblemParams,
  importProblem,
  scheduleImportProblems,
  WEEKDAY_LABEL,
} from './import-problems'

/**
 * The words staff type into a spreadsheet for a station: opening hours as Chinese text
 * ("周一至周五 08:00-20:00；周六 09:00-17:00", "24小时"), amenities by Chinese name or code,
 * station kinds and coordinate systems. Pure functions; every parser returns problems instead
 * of throwing, so an import can report all of a row's problems at once.
 *
 * Why text and not one column per weekday: staff copy opening hours from notices and map apps,
 * where they are written this way; a text that round-trips (format → parse gives the same
 * weekly periods) also makes the .xlsx export re-readable.
 */

/** A problem of a cell: a code with params and a Chinese sentence (import-problems.ts). */
export type TextProblem = ImportProblem
export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: TextProblem[] }

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
const fail = <T>(
  path: string,
  code: ImportProblemCode,
  params?: ImportProblemParams,
): Parsed<T> => ({
  ok: false,
  problems: [importProblem(path, code, params)],
})

// ---- opening hours ----

const DAY_CHARS: Record<string, Weekday> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  日: 7,
  天: 7,
  七: 7,
}
const DAY_LABEL = WEEKDAY_LABEL

const DAY = '(?:周|星期|礼拜)[一二三四五六日天七]'
const EVERY_DAY = '(?:每天|每日|天天|全周|周一至周日|周一到周日)'
const DAY_ITEM = `${DAY}(?:\\s*[至到~-]\\s*(?:${DAY}|[一二三四五六日天七]))?`
const DAY_SPEC = new RegExp(`^(${EVERY_DAY}|${DAY_ITEM}(?:\\s*[、,/]\\s*${DAY_ITEM})*)\\s*(.*)$`)
const CLOSED = /^(休息|闭馆|闭站|关闭|不开放|不营业|停业)$/
const ALWAYS = /^(24\s*小时|二十四小时|全天|全天24小时|24h|24\/7)(营业|开放|服务)?$/i
const HOLIDAY = /^(?:法定)?(?:节假日|节日|假日)\s*(.*)$/
const MAKE_UP = /^调休(?:上班)?(?:日)?\s*(?:按|同)\s*(?:周|星期|礼拜)([一二三四五六日天七])$/
const RANGE = /(\d{1,2}):(\d{2})\s*[-~至到]\s*(次日)?\s*(\d{1,2}):(\d{2})/g

/** Half-width digits and punctuation, so "０８：００—２０：００" reads like "08:00-20:00". */
const normalise = (text: string) =>
  text
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/：/g, ':')
    .replace(/[～〜]/g, '~')
    .replace(/[—–－]/g, '-')
    .replace(/，/g, ',')
    .replace(/；/g, ';')
    .replace(/\r/g, '')

const pad = (h: string, m: string) => `${h.padStart(2, '0')}:${m}`

/**
 * Time ranges in a text ("08:00-12:00、14:00-18:00", "22:00-次日06:00" overnight), or null when
 * something else is there.
 */
const parseRanges = (text: string): TimeRange[] | null => {
  const ranges: TimeRange[] = []
  const rest = text.replace(
    RANGE,
    (_m, h1: string, m1: string, nextDay: string | undefined, h2: string, m2: string) => {
      const r: TimeRange = { start: pad(h1, m1), end: pad(h2, m2) }
      if (nextDay) r.overnight = true
      ranges.push(r)
      return ' '
    },
  )
  if (rest.replace(/[\s、,/和及]+/g, '') !== '') return null
  return ranges
}

/**
 * A range that ends before it starts without 次日: a night written without saying so, or a typo
 * (17:00-08:00 for 08:00-17:00). Said in the words of the sheet, since its author cannot see
 * the domain's paths (weekly.3.end); ADR 0026.
 */
const backwardsProblems = (seg: string, ranges: readonly TimeRange[], path: string) =>
  ranges
    .filter((r) => r.overnight !== true && r.end !== '24:00' && r.end < r.start)
    .map((r) =>
      importProblem(path, 'PERIOD_ENDS_BEFORE_START', { segment: seg, start: r.start, end: r.end }),
    )

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/

/**
 * Times a clock cannot show (25:00, 08:60) and ranges that start at 24:00, once per time of a
 * segment: "每天 08:00-25:00" is one mistake in one cell, not one per weekday it would fill.
 */
const badTimeProblems = (seg: string, ranges: readonly TimeRange[], path: string) => {
  const bad = new Set<string>()
  let startsAt24 = false
  for (const r of ranges) {
    if (r.start === '24:00') startsAt24 = true
    else if (!TIME.test(r.start)) bad.add(r.start)
    if (r.end !== '24:00' && !TIME.test(r.end)) bad.add(r.end)
  }
  const problems = [...bad].map((time) =>
    importProblem(path, 'HOURS_TIME_INVALID', { segment: seg, time }),
  )
  if (startsAt24) problems.push(importProblem(path, 'HOURS_START_AT_24', { segment: seg }))
  return problems
}

/** Problems of a segment's ranges: impossible times first, else ends before starts. */
const rangeProblems = (seg: string, ranges: readonly TimeRange[], path: string) => {
  const bad = badTimeProblems(seg, ranges, path)
  return bad.length > 0 ? bad : backwardsProblems(seg, ranges, path)
}

const daysOf = (spec: string): Weekday[] => {
  if (new RegExp(`^${EVERY_DAY}$`).test(spec)) return [1, 2, 3, 4, 5, 6, 7]
  const days = new Set<Weekday>()
  for (const item of spec.split(/\s*[、,/]\s*/)) {
    const chars = [...item.matchAll(/[一二三四五六日天七]/g)].map((m) => DAY_CHARS[m[0]]!)
    const [from, to] = [chars[0]!, chars[chars.length - 1]!]
    if (chars.length === 1) days.add(from)
    // A run may wrap past Sunday ("周六至周一").
    else
      for (let d = from, n = 0; n < 7; d = ((d % 7) + 1) as Weekday, n++) {
        days.add(d)
        if (d === to) break
      }
  }
  return [...days].sort((a, b) => a - b)
}

const byDayThenStart = (a: WeeklyPeriod, b: WeeklyPeriod) =>
  a.day - b.day || a.start.localeCompare(b.start)

/**
 * Reads opening hours written the way notices write them. Segments are separated by "；", ";"
 * or line breaks:
 * - "周一至周五 08:00-20:00", "周六、周日 09:00-12:00、14:00-17:00", "每天 07:00-22:00";
 *   "周日休息" states a closed day (it simply has no periods); a range past midnight says so
 *   with 次日 ("周五 22:00-次日06:00"); an end before the start without 次日 is a problem
 *   (a typo such as 17:00-08:00 must not become a night, ADR 0026);
 * - "24小时" (also "全天", "24h"): open around the clock;
 * - "节假日 09:00-17:00" or "节假日休息": hours on public holidays (otherwise Sunday's);
 * - "调休上班按周六": which weekday's hours a make-up workday (调休) follows (default Monday).
 * Rules the domain checks (overlaps, 24:00 only as an end) are left to assertValidSchedule.
 */
export const parseScheduleText = (input: string, path = 'schedule'): Parsed<Schedule> => {
  const text = normalise(input).trim()
  if (text === '') return fail(path, 'HOURS_REQUIRED')
  const weekly: WeeklyPeriod[] = []
  let alwaysOpen = false
  let holidayHours: TimeRange[] | undefined
  let makeUpWorkdayAs: Weekday | undefined
  const problems: TextProblem[] = []
  // A comma or 、 also ends a segment when days follow ("周一至周五 08:00-20:00，周六 …"), but only
  // after a time or a closed word, so "周六、周日" stays one list of days.
  const SEGMENT =
    /[;\n]+|(?<=[\d息馆站闭放业时])\s*[,、]\s*(?=周|星期|礼拜|每天|每日|节假日|法定|调休|24小时|24h)/
  for (const raw of text.split(SEGMENT)) {
    const seg = raw.trim()
    if (seg === '') continue
    if (ALWAYS.test(seg)) {
      alwaysOpen = true
      continue
    }
    const holiday = HOLIDAY.exec(seg)
    if (holiday) {
      const rest = holiday[1]!.trim()
      const ranges = CLOSED.test(rest) ? [] : parseRanges(rest)
      if (ranges === null || (ranges.length === 0 && !CLOSED.test(rest))) {
        problems.push(importProblem(path, 'HOURS_HOLIDAY_UNREADABLE', { segment: seg }))
      } else {
        problems.push(...rangeProblems(seg, ranges, path))
        holidayHours = [...(holidayHours ?? []), ...ranges]
      }
      continue
    }
    const makeUp = MAKE_UP.exec(seg)
    if (makeUp) {
      makeUpWorkdayAs = DAY_CHARS[makeUp[1]!]
      continue
    }
    const spec = DAY_SPEC.exec(seg)
    if (!spec) {
      problems.push(importProblem(path, 'HOURS_NO_DAYS', { segment: seg }))
      continue
    }
    const rest = spec[2]!.trim()
    if (CLOSED.test(rest)) continue
    const ranges = parseRanges(rest)
    if (ranges === null || ranges.length === 0) {
      problems.push(importProblem(path, 'HOURS_UNREADABLE', { segment: seg }))
      continue
    }
    const backwards = rangeProblems(seg, ranges, path)
    if (backwards.length > 0) {
      problems.push(...backwards)
      continue
    }
    for (const day of daysOf(spec[1]!)) for (const r of ranges) weekly.push({ day, ...r })
  }
  if (problems.length > 0) return { ok: false, problems }
  if (alwaysOpen && weekly.length > 0) {
    return fail(path, 'HOURS_ALWAYS_WITH_WEEKLY')
  }
  const schedule: Schedule = { weekly: weekly.sort(byDayThenStart) }
  if (alwaysOpen) schedule.alwaysOpen = true
  if (holidayHours !== undefined && !alwaysOpen) schedule.holidayHours = holidayHours
  if (makeUpWorkdayAs !== undefined) schedule.makeUpWorkdayAs = makeUpWorkdayAs
  return ok(schedule)
}

const rangesText = (ranges: readonly TimeRange[]) =>
  ranges.map((r) => `${r.start}-${r.overnight === true ? '次日' : ''}${r.end}`).join('、')

/** Days as the shortest text: runs of three or more as "周一至周五", others listed. */
const daysText = (days: readonly Weekday[]) => {
  const parts: string[] = []
  let i = 0
  while (i < days.length) {
    let j = i
    while (j + 1 < days.length && days[j + 1] === days[j]! + 1) j++
    if (j - i >= 2) parts.push(`${DAY_LABEL[days[i]!]}至${DAY_LABEL[days[j]!]}`)
    else for (let k = i; k <= j; k++) parts.push(DAY_LABEL[days[k]!])
    i = j + 1
  }
  return parts.join('、')
}

/**
 * Writes a schedule as the text parseScheduleText reads (same weekly periods, holiday hours,
 * 24-hour flag and make-up weekday). Dated exceptions are not part of it: the sheet keeps them
 * in a column of their own (formatExceptionsText), so the hours text stays what notices say.
 */
export const formatScheduleText = (schedule: Schedule): string => {
  const segments: string[] = []
  if (schedule.alwaysOpen) segments.push('24小时')
  else {
    const byDay = new Map<Weekday, TimeRange[]>()
    for (const p of [...schedule.weekly].sort(byDayThenStart)) {
      const range: TimeRange = { start: p.start, end: p.end }
      if (p.overnight === true) range.overnight = true
      byDay.set(p.day, [...(byDay.get(p.day) ?? []), range])
    }
    const groups = new Map<string, Weekday[]>()
    for (const [day, ranges] of [...byDay].sort((a, b) => a[0] - b[0])) {
      const key = rangesText(ranges)
      groups.set(key, [...(groups.get(key) ?? []), day])
    }
    for (const [key, days] of groups) segments.push(`${daysText(days)} ${key}`)
    if (segments.length === 0) segments.push('每天休息')
    if (schedule.holidayHours != null) {
      segments.push(
        schedule.holidayHours.length === 0
          ? '节假日休息'
          : `节假日 ${rangesText(schedule.holidayHours)}`,
      )
    }
  }
  if (schedule.makeUpWorkdayAs !== undefined) {
    segments.push(`调休上班按${DAY_LABEL[schedule.makeUpWorkdayAs]}`)
  }
  return segments.join('；')
}

// ---- dated exceptions (特殊日期安排) ----

/** Most dated exceptions and periods per date a schedule may hold (the contract's limits). */
export const MAX_EXCEPTIONS = 100
export const MAX_EXCEPTION_RANGES = 6

/** "2026-12-24", "2026/12/24", "2026.12.24" or "2026年12月24日", then what happens that day. */
const EXCEPTION_DATE =
  /^(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?)\s*(.*)$/

/** Whether "YYYY-MM-DD" names a day the calendar has (no 2026-02-30). */
const isCalendarDate = (date: string) => {
  const ms = Date.parse(`${date}T00:00:00Z`)
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === date
}

/**
 * Reads the 特殊日期安排 column: dated exceptions separated by "；", ";" or line breaks, each a
 * date and either a closed word ("2026-12-24 闭站", also 休息/闭馆) or time ranges written as in
 * the hours column ("2026-12-31 09:00-12:00、14:00-17:00", "2026-12-31 22:00-次日02:00"). Blank
 * means none. Every problem is reported at once: a date outside 2000–2099 or one the calendar
 * lacks, a date given twice, an end before the start without 次日, overlapping periods on a
 * date (checked here with the domain's rules, so the row names them in this column's words).
 */
export const parseExceptionsText = (
  input: string,
  path = 'schedule.exceptions',
): Parsed<DateException[]> => {
  const text = normalise(input).trim()
  if (text === '') return ok([])
  const exceptions: DateException[] = []
  const problems: TextProblem[] = []
  const firstOf = new Map<string, string>()
  for (const raw of text.split(/[;\n]+/)) {
    const seg = raw.trim()
    if (seg === '') continue
    const m = EXCEPTION_DATE.exec(seg)
    if (!m) {
      problems.push(importProblem(path, 'EXCEPTION_UNREADABLE', { segment: seg }))
      continue
    }
    const [year, month, day] = [m[1]!, m[2] ?? m[4]!, m[3] ?? m[5]!]
    const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
    const rest = m[6]!.trim().replace(/^[:,]\s*/, '')
    const at = `${path}.${exceptions.length}`
    if (Number(year) < ENTERED_YEAR_MIN || Number(year) > ENTERED_YEAR_MAX) {
      problems.push(
        importProblem(`${at}.date`, 'EXCEPTION_DATE_RANGE', {
          date,
          min: ENTERED_YEAR_MIN,
          max: ENTERED_YEAR_MAX,
        }),
      )
      continue
    }
    if (!isCalendarDate(date)) {
      problems.push(importProblem(`${at}.date`, 'EXCEPTION_DATE_INVALID', { date }))
      continue
    }
    const earlier = firstOf.get(date)
    if (earlier !== undefined) {
      problems.push(importProblem(`${at}.date`, 'EXCEPTION_DUPLICATE', { date, other: earlier }))
      continue
    }
    firstOf.set(date, seg)
    if (CLOSED.test(rest)) {
      exceptions.push({ date, closed: true })
      continue
    }
    const ranges = parseRanges(rest)
    if (ranges === null || ranges.length === 0) {
      problems.push(importProblem(path, 'EXCEPTION_HOURS_UNREADABLE', { segment: seg }))
      continue
    }
    const backwards = rangeProblems(seg, ranges, path)
    if (backwards.length > 0) {
      problems.push(...backwards)
      continue
    }
    if (ranges.length > MAX_EXCEPTION_RANGES) {
      problems.push(
        importProblem(path, 'EXCEPTION_TOO_MANY_RANGES', { date, max: MAX_EXCEPTION_RANGES }),
      )
      continue
    }
    exceptions.push({ date, hours: ranges })
  }
  if (problems.length === 0 && exceptions.length > MAX_EXCEPTIONS) {
    problems.push(importProblem(path, 'EXCEPTION_TOO_MANY', { max: MAX_EXCEPTIONS }))
  }
  if (problems.length > 0) return { ok: false, problems }
  // Overlaps and the domain's other rules, worded as this column writes the periods.
  const schedule: Schedule = { weekly: [], exceptions }
  const domain = validateSchedule(schedule)
  if (domain.length > 0) {
    return {
      ok: false,
      problems: scheduleImportProblems(schedule, domain).map((p) => ({
        ...p,
        path: p.path.replace(/^schedule\.exceptions/, path),
      })),
    }
  }
  return ok(exceptions)
}

/**
 * Writes dated exceptions as parseExceptionsText reads them, by date: "2026-12-24 闭站；
 * 2026-12-31 09:00-12:00、14:00-17:00". Blank when there are none.
 */
export const formatExceptionsText = (exceptions: readonly DateException[] | undefined): string =>
  [...(exceptions ?? [])]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((e) =>
      e.closed === true ? `${e.date} 闭站` : `${e.date} ${rangesText('hours' in e ? e.hours : [])}`,
    )
    .join('；')

// ---- amenities ----

/** The Chinese name staff see for each amenity (also the template's list). */
export const AMENITY_NAMES: Record<AmenityCode, string> = {
  drinking_water: '饮水',
  microwave: '微波炉',
  fridge: '冰箱',
  tv: '电视',
  wifi: '无线网络',
  phone_charging: '手机充电',
  umbrella: '爱心雨伞',
  locker: '储物柜',
  books: '图书',
  toilet: '卫生间',
  first_aid: '应急药箱',
  seating: '休息座椅',
  air_conditioning: '空调',
  heating: '取暖',
  repair_kit: '维修工具',
  sewing_kit: '针线包',
  ebike_charging: '电动车充电',
  washbasin: '洗手池',
}

/** Other words notices use for the same things. */
const AMENITY_ALIASES: Record<string, AmenityCode> = {
  热水: 'drinking_water',
  饮用水: 'drinking_water',
  开水: 'drinking_water',
  热饭: 'microwave',
  wifi: 'wifi',
  无线: 'wifi',
  充电: 'phone_charging',
  雨伞: 'umbrella',
  借伞: 'umbrella',
  储物: 'locker',
  阅读角: 'books',
  书籍: 'books',
  厕所: 'toilet',
  洗手间: 'toilet',
  药箱: 'first_aid',
  急救箱: 'first_aid',
  座椅: 'seating',
  休息区: 'seating',
  暖气: 'heating',
  打气筒: 'repair_kit',
  工具箱: 'repair_kit',
  电瓶车充电: 'ebike_charging',
  洗手台: 'washbasin',
}

const AMENITY_BY_WORD = new Map<string, AmenityCode>([
  ...AMENITIES.map((a): [string, AmenityCode] => [AMENITY_NAMES[a.code], a.code]),
  ...Object.entries(AMENITY_ALIASES),
])

/** Amenities separated by 、 , ， ; / or spaces, each a Chinese name, an alias or a code. */
export const parseAmenityText = (text: string, path = 'amenities'): Parsed<AmenityCode[]> => {
  const codes = new Set<AmenityCode>()
  const unknown: string[] = []
  for (const raw of normalise(text).split(/[、,;/\s]+/)) {
    const word = raw.trim()
    if (word === '') continue
    const lower = word.toLowerCase()
    const code = isAmenityCode(lower) ? lower : AMENITY_BY_WORD.get(lower)
    if (code) codes.add(code)
    else unknown.push(word)
  }
  if (unknown.length > 0) {
    return fail(path, 'AMENITY_UNKNOWN', {
      value: unknown.join('、'),
      allowed: Object.values(AMENITY_NAMES).join('、'),
    })
  }
  return ok(AMENITIES.filter((a) => codes.has(a.code)).map((a) => a.code))
}

export const formatAmenities = (codes: readonly string[]) =>
  codes.map((c) => AMENITY_NAMES[c as AmenityCode] ?? c).join('、')

// ---- station kinds ----

export const KIND_NAMES: Record<StationKind, string> = {
  construction_site: '工地驿站',
  union_love_station: '工会爱心驿站',
  partner_shop: '合作商户',
  sanitation: '环卫工人休息点',
  courier: '快递外卖驿站',
  community: '社区服务站',
  other: '其他',
}
const KIND_ALIASES: Record<string, StationKind> = {
  筑友驿站: 'construction_site',
  工地: 'construction_site',
  爱心驿站: 'union_love_station',
  户外劳动者服务站点: 'union_love_station',
  商户: 'partner_shop',
  银行网点: 'partner_shop',
  便利店: 'partner_shop',
  环卫: 'sanitation',
  快递外卖小哥驿站: 'courier',
  快递: 'courier',
  外卖: 'courier',
  社区: 'community',
}
const KIND_BY_WORD = new Map<string, StationKind>([
  ...Object.entries(KIND_NAMES).map(([k, v]): [string, StationKind] => [v, k as StationKind]),
  ...Object.keys(KIND_NAMES).map((k): [string, StationKind] => [k, k as StationKind]),
  ...Object.entries(KIND_ALIASES),
])

/** A kind by Chinese name, alias or code; blank means 工会爱心驿站, the common case. */
export const parseKindText = (text: string, path = 'kind'): Parsed<StationKind> => {
  const word = text.trim()
  if (word === '') return ok('union_love_station')
  const kind = KIND_BY_WORD.get(word) ?? KIND_BY_WORD.get(word.toLowerCase())
  return kind
    ? ok(kind)
    : fail(path, 'KIND_UNKNOWN', { value: word, allowed: Object.values(KIND_NAMES).join('、') })
}

// ---- coordinate systems ----

const COORD_WORDS: Record<string, CoordSystemValue> = {
  wgs84: 'wgs84',
  'wgs-84': 'wgs84',
  gps: 'wgs84',
  gcj02: 'gcj02',
  'gcj-02': 'gcj02',
  高德: 'gcj02',
  高德地图: 'gcj02',
  腾讯: 'gcj02',
  腾讯地图: 'gcj02',
  火星坐标: 'gcj02',
  bd09: 'bd09',
  'bd-09': 'bd09',
  百度: 'bd09',
  百度地图: 'bd09',
}

/**
 * The system a row's coordinates are in. Blank means GCJ-02: staff copy coordinates from Amap
 * (高德), which shows GCJ-02.
 */
export const parseCoordSystemText = (
  text: string,
  path = 'coordSystem',
): Parsed<CoordSystemValue> => {
  const word = text.trim().toLowerCase().replace(/\s+/g, '')
  if (word === '') return ok('gcj02')
  const system = COORD_WORDS[word]
  return system ? ok(system) : fail(path, 'COORD_SYSTEM_UNKNOWN', { value: text.trim() })
}

// ---- numbers and mobiles ----

export const parseNumberText = (text: string, path: string): Parsed<number> => {
  const t = normalise(text).trim()
  const n = t === '' ? Number.NaN : Number(t)
  if (Number.isFinite(n)) return ok(n)
  return t === '' ? fail(path, 'REQUIRED') : fail(path, 'NOT_A_NUMBER', { value: t })
}

/** A mainland mobile as staff type it: spaces, dashes and a +86 / 86 prefix are dropped. */
export const normaliseMobile = (text: string) => normaliseMobileInput(normalise(text))

const MASKED_MOBILE = /^1\d{2}\*{4}\d{4}$/

/**
 * The masked form of a mobile ("139****2222", as our exports write it) when that is what a cell
 * holds, else null: such a cell can only say "keep the stored number" (open-data.service).
 */
export const maskedMobileOf = (text: string): string | null => {
  const m = normaliseMobile(text.replace(/＊/g, '*'))
  return MASKED_MOBILE.test(m) ? m : null
}
