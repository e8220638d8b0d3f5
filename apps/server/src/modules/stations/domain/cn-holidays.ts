import { createHolidayCalendar, type HolidayCalendar, type HolidayYear } from './schedule'

/**
 * The State Council's public-holiday calendar (放假调休安排) for 2025 and 2026, as data for
 * the pluggable `HolidayCalendar` of schedule.ts.
 *
 * Sources (State Council General Office notices, 国务院办公厅关于…年部分节假日安排的通知):
 * - 2025: 国办发明电〔2024〕12号, issued 2024-11-12 (the first calendar under the November 2024
 *   revision of 《全国年节及纪念日放假办法》: Spring Festival and Labour Day one day longer).
 * - 2026: notice issued 2025-11-04 (published by Xinhua the same day). Its document number is
 *   not quoted in the published text we checked; we believe it is 国办发明电〔2025〕7号 — verify
 *   against gov.cn before citing it elsewhere.
 *
 * Decisions: a holiday block lists every day off from its first to its last day, weekends
 * inside the block included (they follow holiday hours, not weekend hours); `workdays` are the
 * 调休 days that are worked although they fall on a weekend. A new year is one more entry
 * here; a test checks that every block and workday matches the weekdays the notice prints.
 */

export const CN_HOLIDAYS_2025: HolidayYear = {
  year: 2025,
  source: '国办发明电〔2024〕12号 (2024-11-12)',
  holidays: [
    { name: '元旦', from: '2025-01-01', to: '2025-01-01' },
    { name: '春节', from: '2025-01-28', to: '2025-02-04' },
    { name: '清明节', from: '2025-04-04', to: '2025-04-06' },
    { name: '劳动节', from: '2025-05-01', to: '2025-05-05' },
    { name: '端午节', from: '2025-05-31', to: '2025-06-02' },
    { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08' },
  ],
  workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
}

export const CN_HOLIDAYS_2026: HolidayYear = {
  year: 2026,
  source: '国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)',
  holidays: [
    { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
    { name: '春节', from: '2026-02-15', to: '2026-02-23' },
    { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
    { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
    { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
    { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
    { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
  ],
  workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
}

export const CN_HOLIDAY_YEARS: readonly HolidayYear[] = [CN_HOLIDAYS_2025, CN_HOLIDAYS_2026]

/**
 * Years published after this release, added at start-up from HOLIDAYS_FILE: the State Council
 * issues next year's notice in November, and a station's open-now should not wait for a release
 * to know 元旦. Outside the years it knows, the calendar treats every day as ordinary.
 */
const addedYears: HolidayYear[] = []
let calendar = createHolidayCalendar(CN_HOLIDAY_YEARS)

/** The national calendar: pass it to isOpenAt / nextChange / openIntervals. */
export const cnHolidayCalendar: HolidayCalendar = { kindOf: (date) => calendar.kindOf(date) }

const sameYear = (a: HolidayYear, b: HolidayYear) => JSON.stringify(a) === JSON.stringify(b)

/**
 * Adds published years to the national calendar. A year the calendar has already is refused
 * unless it is the same data (a second app in one process loading the same file); bad or
 * contradictory data throws and adds nothing.
 */
export const addCnHolidayYears = (years: readonly HolidayYear[]) => {
  const known = [...CN_HOLIDAY_YEARS, ...addedYears]
  const fresh: HolidayYear[] = []
  for (const y of years) {
    const had = known.find((k) => k.year === y.year) ?? fresh.find((k) => k.year === y.year)
    if (had && sameYear(had, y)) continue
    if (had) throw new RangeError(`The holiday calendar already has ${y.year}`)
    const outside = [...y.holidays.flatMap((b) => [b.from, b.to]), ...y.workdays].find(
      (d) =>
        !d.startsWith(`${y.year}-`) &&
        !(d.startsWith(`${y.year + 1}-01-`) || d.startsWith(`${y.year - 1}-12-`)),
    )
    if (outside) throw new RangeError(`${outside} is not a date of ${y.year} or its turn of year`)
    fresh.push(y)
  }
  if (fresh.length === 0) return
  const next = createHolidayCalendar([...known, ...fresh])
  addedYears.push(...fresh)
  calendar = next
}

/** The last year the national calendar knows. */
export const cnHolidayCalendarLastYear = () =>
  Math.max(...[...CN_HOLIDAY_YEARS, ...addedYears].map((y) => y.year))

/**
 * The last local date (YYYY-MM-DD) up to which the calendar knows every year, from its first
 * year on. A file that adds 2028 but not 2027 leaves it at 2026-12-31: 2027's holidays would
 * still count as ordinary days, so the calendar is only as good as its first missing year.
 */
export const cnHolidayCalendarEndsOn = (): string => {
  const years = new Set([...CN_HOLIDAY_YEARS, ...addedYears].map((y) => y.year))
  let year = Math.min(...years)
  while (years.has(year + 1)) year++
  return `${year}-12-31`
}

/** How long before the calendar runs out staff are warned (the notice comes in November). */
const WARN_DAYS = 45

/**
 * A warning for the operators when the calendar ends within WARN_DAYS of `now` (or has ended):
 * from then on holidays and 调休 days count as ordinary days in every station's hours.
 */
export const holidayCalendarWarning = (now: Date): string | null => {
  const endsOn = cnHolidayCalendarEndsOn()
  const missing = Number(endsOn.slice(0, 4)) + 1
  const endsMs = Date.UTC(missing, 0, 1) - 8 * 3_600_000 // midnight, Shanghai time
  if (endsMs - now.getTime() > WARN_DAYS * 86_400_000) return null
  return `The public-holiday calendar ends on ${endsOn}: add the State Council's ${missing} notice to HOLIDAYS_FILE, or holidays and make-up workdays after it count as ordinary days in station hours`
}
