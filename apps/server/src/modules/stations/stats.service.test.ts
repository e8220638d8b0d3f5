import { describe, expect, it } from 'vitest'
import { checkInWindowStart, rollUpWindows } from './stats.service'

const at = (iso: string) => Date.parse(iso)
const iso = (ms: number) => new Date(ms).toISOString()

// Monday 30 November 2026 00:00 in Shanghai is 29 November 16:00 UTC.
const MONDAY = '2026-11-29T16:00:00.000Z'

describe('the roll-up windows (Asia/Shanghai day, ISO week)', () => {
  it('starts today at Shanghai midnight and the week on its Monday', () => {
    // Thursday 3 December, 00:30 in Shanghai (still Wednesday in UTC).
    const w = rollUpWindows(at('2026-12-02T16:30:00.000Z'))
    expect(iso(w.todayStart)).toBe('2026-12-02T16:00:00.000Z')
    expect(iso(w.weekStart)).toBe(MONDAY)
  })

  it('keeps Sunday night in the week that began on Monday', () => {
    const w = rollUpWindows(at('2026-12-06T15:59:59.999Z')) // Sunday 23:59:59 in Shanghai
    expect(iso(w.todayStart)).toBe('2026-12-05T16:00:00.000Z')
    expect(iso(w.weekStart)).toBe(MONDAY)
    // A millisecond later it is Monday: a new day and a new week.
    const next = rollUpWindows(at('2026-12-06T16:00:00.000Z'))
    expect(iso(next.todayStart)).toBe('2026-12-06T16:00:00.000Z')
    expect(iso(next.weekStart)).toBe('2026-12-06T16:00:00.000Z')
  })

  it('gives each check-in metric its window', () => {
    const now = at('2026-12-02T16:30:00.000Z')
    expect(iso(checkInWindowStart('checked_in_today', now))).toBe('2026-12-02T16:00:00.000Z')
    expect(iso(checkInWindowStart('checked_in_week', now))).toBe(MONDAY)
  })
})
