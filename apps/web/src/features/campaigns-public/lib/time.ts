import type { TFunction } from 'i18next'

/** Campaign dates and voting hours are Beijing time; show them so whatever the phone's zone. */
const TZ = 'Asia/Shanghai'

type Parts = { year: string; month: string; day: string; hour: string; minute: string }

const partsOf = (iso: string): Parts => {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: TZ,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
  const out: Record<string, string> = {}
  for (const p of fmt.formatToParts(new Date(iso))) out[p.type] = p.value
  return {
    year: out.year ?? '',
    month: out.month ?? '',
    day: out.day ?? '',
    hour: (out.hour ?? '00').replace(/^24$/, '00'),
    minute: out.minute ?? '00',
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** Half a year: a date without its year is read as the nearest one, within about this. */
const NEAR_MS = 183 * 86_400_000

/**
 * The year is said when the date is more than half a year away, either way: "5 月 20 日" is read
 * as the nearest 20 May, so a deadline years ago without its year looked like one still ahead.
 * Nearer dates ("1 月 11 日" in November) read right without it.
 */
const yearSuffix = (iso: string, now: Date) =>
  Math.abs(Date.parse(iso) - now.getTime()) > NEAR_MS ? 'Year' : ''

/** "5 月 20 日 22:00" / "May 20, 22:00" (Beijing time); "2021 年 5 月 20 日 22:00" when far off. */
export const formatWhen = (t: TFunction, iso: string, now: Date = new Date()): string => {
  const p = partsOf(iso)
  return t(`campaignsPublic.time.dateTime${yearSuffix(iso, now)}`, {
    year: p.year,
    month: p.month,
    monthName: MONTHS[Number(p.month) - 1] ?? p.month,
    day: p.day,
    time: `${p.hour}:${p.minute}`,
  })
}

/** "5 月 20 日" / "May 20" (Beijing time); "2021 年 5 月 20 日" when far off. */
export const formatDay = (t: TFunction, iso: string, now: Date = new Date()): string => {
  const p = partsOf(iso)
  return t(`campaignsPublic.time.date${yearSuffix(iso, now)}`, {
    year: p.year,
    month: p.month,
    monthName: MONTHS[Number(p.month) - 1] ?? p.month,
    day: p.day,
  })
}

/** The Beijing calendar day of an instant, YYYY-MM-DD. */
export const beijingDay = (iso: string | Date): string => {
  const p = partsOf(typeof iso === 'string' ? iso : iso.toISOString())
  return `${p.year}-${p.month.padStart(2, '0')}-${p.day.padStart(2, '0')}`
}

/** Minutes since midnight, Beijing time. */
export const beijingMinutes = (at: Date): number => {
  const p = partsOf(at.toISOString())
  return Number(p.hour) * 60 + Number(p.minute)
}

const clockMinutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':')
  return Number(h) * 60 + Number(m)
}

/** Whether an instant falls in the daily voting hours (same rule as the server). */
export const withinHours = (hours: { start: string; end: string } | null, at: Date): boolean => {
  if (!hours) return true
  const m = beijingMinutes(at)
  const s = clockMinutes(hours.start)
  const e = clockMinutes(hours.end)
  if (s === e) return true
  return s < e ? m >= s && m < e : m >= s || m < e
}

/** "8:00" rather than "08:00": easier to read aloud. */
export const clock = (hhmm: string) => hhmm.replace(/^0(\d)/, '$1')

/** Whether today's voting hours are still ahead (before the start), Beijing time. */
export const beforeTodaysHours = (hours: { start: string; end: string }, at: Date) =>
  beijingMinutes(at) < clockMinutes(hours.start)
