import { validateSchedule, type Schedule, type TimeRange, type Weekday } from './schedule'

/**
 * Test helpers for the station domain: a seeded PRNG (so a failing random case is
 * reproducible from its seed) and generators of random valid schedules.
 */

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export const mulberry32 = (seed: number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pad = (n: number) => String(n).padStart(2, '0')

/** "HH:MM" of a minute of the day (1440 → "24:00"). */
export const hhmm = (minute: number) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`

/** A random time range on a 15-minute grid: sometimes over midnight, sometimes to 24:00. */
const randomRange = (rnd: () => number): TimeRange => {
  const start = Math.floor(rnd() * 96) * 15
  const roll = rnd()
  if (roll < 0.15) return { start: hhmm(start), end: '24:00' }
  if (roll < 0.35) {
    // Over midnight: marked overnight, the end earlier than the start.
    const end = Math.floor(rnd() * (start / 15)) * 15
    if (end < start) return { start: hhmm(start), end: hhmm(end), overnight: true }
  }
  const end = start + 15 + Math.floor(rnd() * ((1440 - start) / 15)) * 15
  return { start: hhmm(start), end: end >= 1440 ? '24:00' : hhmm(end) }
}

/**
 * A random valid schedule: candidates are added one by one and dropped when validateSchedule
 * objects, so the result exercises overlaps-at-the-edge, midnight spans, 24:00, holiday hours,
 * make-up workday rules and exceptions on the given dates.
 */
export const randomSchedule = (rnd: () => number, exceptionDates: readonly string[] = []) => {
  if (rnd() < 0.08) {
    const s: Schedule = { alwaysOpen: true, weekly: [] }
    if (exceptionDates.length > 0 && rnd() < 0.5) {
      const date = exceptionDates[Math.floor(rnd() * exceptionDates.length)]!
      s.exceptions = [rnd() < 0.5 ? { date, closed: true } : { date, hours: [randomRange(rnd)] }]
    }
    return s
  }
  const s: Schedule = { weekly: [] }
  const tries = Math.floor(rnd() * 14)
  for (let i = 0; i < tries; i++) {
    s.weekly.push({ day: (1 + Math.floor(rnd() * 7)) as Weekday, ...randomRange(rnd) })
    if (validateSchedule(s).length > 0) s.weekly.pop()
  }
  const h = rnd()
  if (h < 0.15) s.holidayHours = []
  else if (h < 0.45) {
    s.holidayHours = [randomRange(rnd)]
    if (rnd() < 0.3) {
      s.holidayHours.push(randomRange(rnd))
      if (validateSchedule(s).length > 0) s.holidayHours.pop()
    }
  }
  if (rnd() < 0.5) s.makeUpWorkdayAs = (1 + Math.floor(rnd() * 7)) as Weekday
  const exCount = exceptionDates.length > 0 ? Math.floor(rnd() * 3) : 0
  for (let i = 0; i < exCount; i++) {
    const date = exceptionDates[Math.floor(rnd() * exceptionDates.length)]!
    s.exceptions ??= []
    s.exceptions.push(rnd() < 0.5 ? { date, closed: true } : { date, hours: [randomRange(rnd)] })
    if (validateSchedule(s).length > 0) s.exceptions.pop()
  }
  return s
}
