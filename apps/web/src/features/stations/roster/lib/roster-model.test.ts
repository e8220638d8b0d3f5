import { describe, expect, it } from 'vitest'
import {
  assignLanes,
  instantsOf,
  piecesByDay,
  rosterDates,
  shiftTimesError,
  shiftTimesOf,
} from './roster-model'

const at = (s: string) => Date.parse(`${s}:00+08:00`)

describe('roster times (Asia/Shanghai)', () => {
  it('lists the Shanghai dates from an instant, even late in the UTC day', () => {
    // 2026-12-01 23:30 in Shanghai is still 1 December there (15:30 UTC).
    expect(rosterDates(at('2026-12-01T23:30'), 3)).toEqual([
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
    ])
  })

  it('cuts an overnight span into both days', () => {
    const pieces = piecesByDay(
      [
        {
          start: new Date(at('2026-12-01T22:00')).toISOString(),
          end: new Date(at('2026-12-02T06:00')).toISOString(),
        },
      ],
      (x) => x,
      ['2026-12-01', '2026-12-02', '2026-12-03'],
    )
    expect(pieces.get('2026-12-01')!.map((p) => [p.startMin, p.endMin])).toEqual([[1320, 1440]])
    expect(pieces.get('2026-12-02')!.map((p) => [p.startMin, p.endMin])).toEqual([[0, 360]])
    expect(pieces.get('2026-12-03')).toEqual([])
  })

  it('puts overlapping pieces in separate lanes and reuses a free lane', () => {
    const lanes = assignLanes([
      { item: 'a', startMin: 0, endMin: 100 },
      { item: 'b', startMin: 50, endMin: 150 },
      { item: 'c', startMin: 100, endMin: 200 },
    ])
    expect(lanes.map((l) => [l.item, l.lane])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 0],
    ])
  })

  it('round-trips form times, an end before the start meaning the next day', () => {
    const t = shiftTimesOf(
      new Date(at('2026-12-01T22:00')).toISOString(),
      new Date(at('2026-12-02T06:00')).toISOString(),
    )
    expect(t).toEqual({ date: '2026-12-01', start: '22:00', end: '06:00' })
    expect(instantsOf(t)).toEqual({
      startMs: at('2026-12-01T22:00'),
      endMs: at('2026-12-02T06:00'),
      overnight: true,
    })
  })

  it('checks the server rules: not zero length, not more than a day in the past', () => {
    const now = at('2026-12-10T12:00')
    expect(shiftTimesError({ date: '2026-12-10', start: '08:00', end: '08:00' }, now)).toBe(
      'sameTime',
    )
    expect(shiftTimesError({ date: '2026-12-09', start: '08:00', end: '12:00' }, now)).toBe(
      'inPast',
    )
    expect(shiftTimesError({ date: '2026-12-09', start: '13:00', end: '12:00' }, now)).toBeNull()
    expect(shiftTimesError({ date: '2026-12-11', start: '07:00', end: '14:30' }, now)).toBeNull()
  })
})
