/**
 * Pure rules of wishes: China calendar days (deadlines and due dates are days in
 * Asia/Shanghai, UTC+8 all year, no daylight saving) and name masking.
 */

const DAY_MS = 86_400_000
const CHINA_OFFSET_MS = 8 * 3_600_000

/** Today's date in China at the instant `now` (YYYY-MM-DD). */
export const chinaToday = (now: Date): string =>
  new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10)

/** True for a real calendar date written YYYY-MM-DD (no 2026-02-30). */
export const isCalendarDate = (value: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const d = new Date(`${value}T00:00:00.000Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value
}

export const addDays = (date: string, days: number): string =>
  new Date(new Date(`${date}T00:00:00.000Z`).getTime() + days * DAY_MS).toISOString().slice(0, 10)

/** The instant a China day begins (00:00 in Shanghai is 16:00 UTC the day before). */
export const chinaDayStart = (date: string): string =>
  new Date(new Date(`${date}T00:00:00.000Z`).getTime() - CHINA_OFFSET_MS).toISOString()

/** The instant a China day ends: a wish or claim due on `date` is overdue from here on. */
export const chinaDayEnd = (date: string): string => chinaDayStart(addDays(date, 1))

/**
 * Masks a name for lists and the public wall: the first and last characters stay, the rest
 * become '*' (张三 → 张*, 张三丰 → 张*丰, 欧阳娜娜 → 欧**娜). Counted in characters, not
 * UTF-16 units, so rarer characters outside the BMP mask the same.
 */
export const maskName = (name: string): string => {
  const chars = [...name.trim()]
  if (chars.length <= 1) return '*'
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
}

/** Hours between two ISO instants, to one decimal. */
export const hoursBetween = (from: string, to: string): number =>
  Math.round((new Date(to).getTime() - new Date(from).getTime()) / 360_000) / 10

/** Mean and median of a list (null for an empty one), to one decimal. */
export const durationStats = (
  values: readonly number[],
): { count: number; avgHours: number | null; medianHours: number | null } => {
  if (values.length === 0) return { count: 0, avgHours: null, medianHours: null }
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  const avg = sorted.reduce((s, v) => s + v, 0) / sorted.length
  const round = (v: number) => Math.round(v * 10) / 10
  return { count: sorted.length, avgHours: round(avg), medianHours: round(median) }
}

/** An ISO instant as a China wall-clock time, YYYY-MM-DD HH:mm (for exported sheets). */
export const chinaDateTime = (iso: string): string =>
  new Date(new Date(iso).getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')
