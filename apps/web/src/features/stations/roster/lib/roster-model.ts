/**
 * Roster times as the console shows them: stations are in China, so days and clock times are
 * Asia/Shanghai (UTC+8 all year, as the server's schedule rules), whatever the browser's zone.
 */

export const SHANGHAI_OFFSET_MS = 8 * 3_600_000
export const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000
const DAY_MIN = 1440

/** "YYYY-MM-DD" in Shanghai of an instant. */
export const shanghaiDate = (ms: number) =>
  new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)

/** "HH:MM" in Shanghai of an instant. */
export const shanghaiTime = (ms: number) =>
  new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16)

/** The instant of a Shanghai date and clock time. */
export const shanghaiMs = (date: string, hhmm: string) => Date.parse(`${date}T${hhmm}:00+08:00`)

/** Weekday of a date, 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay()

/** `days` consecutive Shanghai dates starting with the date of `fromMs`. */
export const rosterDates = (fromMs: number, days: number): string[] => {
  const first = shanghaiMs(shanghaiDate(fromMs), '00:00')
  return Array.from({ length: days }, (_, i) => shanghaiDate(first + i * DAY_MS + HOUR_MS))
}

export type DayPiece<T> = { item: T; startMin: number; endMin: number }

/**
 * Cuts timed items into per-day pieces (minutes 0–1440 of each Shanghai date), so an
 * overnight shift or opening shows on both days.
 */
export const piecesByDay = <T>(
  items: readonly T[],
  span: (item: T) => { start: string; end: string },
  dates: readonly string[],
): Map<string, DayPiece<T>[]> => {
  const out = new Map<string, DayPiece<T>[]>(dates.map((d) => [d, []]))
  for (const item of items) {
    const { start, end } = span(item)
    const s = Date.parse(start)
    const e = Date.parse(end)
    for (const date of dates) {
      const dayStart = shanghaiMs(date, '00:00')
      const from = Math.max(s, dayStart)
      const to = Math.min(e, dayStart + DAY_MS)
      if (to <= from) continue
      out.get(date)!.push({
        item,
        startMin: (from - dayStart) / 60_000,
        endMin: Math.min(DAY_MIN, (to - dayStart) / 60_000),
      })
    }
  }
  return out
}

/** Lanes for overlapping pieces: each piece gets the first lane free at its start. */
export const assignLanes = <T>(pieces: readonly DayPiece<T>[]) => {
  const ends: number[] = []
  return [...pieces]
    .sort((a, b) => a.startMin - b.startMin)
    .map((p) => {
      let lane = ends.findIndex((end) => end <= p.startMin)
      if (lane === -1) lane = ends.length
      ends[lane] = p.endMin
      return { ...p, lane }
    })
}

/** What the shift form edits: a date and clock times in Shanghai; an end before the start means the next day. */
export type ShiftTimes = { date: string; start: string; end: string }

export const shiftTimesOf = (startsAt: string, endsAt: string): ShiftTimes => {
  const s = Date.parse(startsAt)
  return { date: shanghaiDate(s), start: shanghaiTime(s), end: shanghaiTime(Date.parse(endsAt)) }
}

/** The instants of form times; `overnight` when the end falls on the next day. */
export const instantsOf = (t: ShiftTimes) => {
  const startMs = shanghaiMs(t.date, t.start)
  let endMs = shanghaiMs(t.date, t.end)
  const overnight = endMs <= startMs
  if (overnight) endMs += DAY_MS
  return { startMs, endMs, overnight }
}

export type ShiftTimesError = 'sameTime' | 'inPast'

/**
 * The server's time rules, checked before sending (the server checks them again). Form times
 * cannot exceed 24 hours: an end at or before the start is the next day, and equal is refused.
 */
export const shiftTimesError = (t: ShiftTimes, nowMs: number): ShiftTimesError | null => {
  if (t.start === t.end) return 'sameTime'
  const { startMs } = instantsOf(t)
  if (startMs < nowMs - DAY_MS) return 'inPast'
  return null
}
