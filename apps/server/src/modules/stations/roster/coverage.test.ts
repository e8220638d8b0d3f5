import { describe, expect, it } from 'vitest'
import { cnHolidayCalendar } from '../domain/cn-holidays'
import { openIntervals, type Schedule } from '../domain/schedule'
import { computeCoverage, type Span } from './coverage'

/** Epoch ms of a Shanghai local time "YYYY-MM-DDTHH:MM". */
const local = (s: string) => Date.parse(`${s}:00+08:00`)
const span = (a: string, b: string): Span => ({ start: local(a), end: local(b) })
const openOf = (schedule: Schedule, from: string, to: string) =>
  openIntervals(schedule, local(from), local(to), cnHolidayCalendar).map((iv) => ({
    start: iv.start.getTime(),
    end: iv.end.getTime(),
  }))

describe('computeCoverage', () => {
  it('cuts the open hours wherever the number on shift changes', () => {
    const r = computeCoverage(
      [{ start: 0, end: 100 }],
      [
        { start: 20, end: 50 },
        { start: 10, end: 30 },
      ],
    )
    expect(r.pieces).toEqual([
      { start: 0, end: 10, staffCount: 0 },
      { start: 10, end: 20, staffCount: 1 },
      { start: 20, end: 30, staffCount: 2 },
      { start: 30, end: 50, staffCount: 1 },
      { start: 50, end: 100, staffCount: 0 },
    ])
    expect(r.uncovered).toEqual([
      { start: 0, end: 10 },
      { start: 50, end: 100 },
    ])
    expect(r.coveredPercent).toBe(40)
    expect(r.openMs).toBe(100)
    expect(r.coveredMs).toBe(40)
  })

  it('treats a hand-over between back-to-back shifts as no gap', () => {
    const r = computeCoverage(
      [{ start: 0, end: 100 }],
      [
        { start: 50, end: 120 },
        { start: -20, end: 50 },
      ],
    )
    expect(r.pieces).toEqual([{ start: 0, end: 100, staffCount: 1 }])
    expect(r.uncovered).toEqual([])
    expect(r.coveredPercent).toBe(100)
  })

  it('ignores shifts outside the opening hours and clips those sticking out', () => {
    const r = computeCoverage(
      [
        { start: 0, end: 10 },
        { start: 20, end: 30 },
      ],
      [
        { start: 10, end: 20 },
        { start: 25, end: 40 },
      ],
    )
    expect(r.pieces).toEqual([
      { start: 0, end: 10, staffCount: 0 },
      { start: 20, end: 25, staffCount: 0 },
      { start: 25, end: 30, staffCount: 1 },
    ])
    expect(r.uncovered).toEqual([
      { start: 0, end: 10 },
      { start: 20, end: 25 },
    ])
    expect(r.coveredPercent).toBe(25)
  })

  it('answers 100% with nothing to cover when the station is never open', () => {
    expect(computeCoverage([], [{ start: 0, end: 10 }])).toEqual({
      pieces: [],
      uncovered: [],
      openMs: 0,
      coveredMs: 0,
      coveredPercent: 100,
    })
  })

  it('rounds the percentage down, so 100 means fully covered', () => {
    const r = computeCoverage([{ start: 0, end: 1000 }], [{ start: 0, end: 999 }])
    expect(r.coveredPercent).toBe(99.9)
  })

  it('covers a night opening across midnight with shifts on either side of it', () => {
    // Friday 22:00 until Saturday 06:00, nothing else.
    const schedule: Schedule = {
      weekly: [{ day: 5, start: '22:00', end: '06:00', overnight: true }],
    }
    const open = openOf(schedule, '2026-12-04T00:00', '2026-12-06T00:00')
    expect(open).toEqual([span('2026-12-04T22:00', '2026-12-05T06:00')])

    const full = computeCoverage(open, [
      span('2026-12-04T21:00', '2026-12-05T00:00'),
      span('2026-12-05T00:00', '2026-12-05T06:30'),
    ])
    expect(full.uncovered).toEqual([])
    expect(full.coveredPercent).toBe(100)

    const gap = computeCoverage(open, [
      span('2026-12-04T22:00', '2026-12-04T23:30'),
      span('2026-12-05T01:00', '2026-12-05T06:00'),
    ])
    expect(gap.uncovered).toEqual([span('2026-12-04T23:30', '2026-12-05T01:00')])
    expect(gap.coveredPercent).toBe(81.2)
  })

  it('follows holiday hours: 国庆 has shorter hours, an uncovered holiday shows exactly those', () => {
    const schedule: Schedule = {
      weekly: [1, 2, 3, 4, 5].map((day) => ({
        day: day as 1 | 2 | 3 | 4 | 5,
        start: '08:00',
        end: '18:00',
      })),
      holidayHours: [{ start: '10:00', end: '16:00' }],
    }
    // Wed 30 Sep is an ordinary workday; Thu 1 Oct 2026 is a public holiday.
    const open = openOf(schedule, '2026-09-30T00:00', '2026-10-02T00:00')
    expect(open).toEqual([
      span('2026-09-30T08:00', '2026-09-30T18:00'),
      span('2026-10-01T10:00', '2026-10-01T16:00'),
    ])
    const r = computeCoverage(open, [span('2026-09-30T08:00', '2026-09-30T18:00')])
    expect(r.uncovered).toEqual([span('2026-10-01T10:00', '2026-10-01T16:00')])
    expect(r.coveredPercent).toBe(62.5)
  })

  it('follows a make-up workday (调休): Sunday 2026-09-20 opens like a Monday', () => {
    const schedule: Schedule = { weekly: [{ day: 1, start: '09:00', end: '12:00' }] }
    const open = openOf(schedule, '2026-09-20T00:00', '2026-09-21T00:00')
    expect(open).toEqual([span('2026-09-20T09:00', '2026-09-20T12:00')])
    expect(computeCoverage(open, []).uncovered).toEqual(open)
  })
})
