import { describe, expect, it } from 'vitest'
import {
  CN_HOLIDAY_YEARS,
  CN_HOLIDAYS_2025,
  CN_HOLIDAYS_2026,
  cnHolidayCalendar,
} from './cn-holidays'
import {
  EMPTY_CALENDAR,
  assertValidSchedule,
  ScheduleError,
  createHolidayCalendar,
  isOpenAt,
  nextChange,
  openIntervals,
  shanghaiDate,
  validateSchedule,
  type HolidayYear,
  type Schedule,
} from './schedule'
import { mulberry32, randomSchedule } from './stations.fixtures.test-helpers'

/** A UTC instant from Shanghai local time "YYYY-MM-DDTHH:MM". */
const sh = (local: string) => new Date(`${local}:00+08:00`)
const iso = (d: Date) => d.toISOString()

describe('validateSchedule', () => {
  it('accepts a typical station (weekdays, a night shift, holiday hours, exceptions)', () => {
    const s: Schedule = {
      weekly: [
        { day: 1, start: '08:00', end: '12:00' },
        { day: 1, start: '12:00', end: '18:00' }, // touching is not overlapping
        { day: 5, start: '22:00', end: '06:00', overnight: true },
        { day: 6, start: '06:00', end: '24:00' },
        { day: 7, start: '22:00', end: '08:00', overnight: true }, // Sunday night into Monday 08:00
      ],
      holidayHours: [{ start: '09:00', end: '15:00' }],
      makeUpWorkdayAs: 5,
      exceptions: [
        { date: '2025-12-31', closed: true },
        { date: '2026-01-05', hours: [{ start: '10:00', end: '02:00', overnight: true }] },
      ],
    }
    expect(validateSchedule(s)).toEqual([])
  })

  it('reports every problem with a path and a code', () => {
    const s = {
      alwaysOpen: true,
      weekly: [
        { day: 1, start: '8:00', end: '12:00' }, // bad time
        { day: 8, start: '08:00', end: '12:00' }, // bad day
        { day: 2, start: '24:00', end: '12:00' }, // 24:00 only as an end
        { day: 3, start: '10:00', end: '10:00' }, // empty
        { day: 4, start: '08:00', end: '24:01' },
        { day: 5, start: '08:00', end: '12:00' },
        { day: 5, start: '11:00', end: '13:00' }, // overlaps the one before
        { day: 7, start: '20:00', end: '09:00', overnight: true },
        { day: 1, start: '08:30', end: '09:30' }, // overlaps Sunday's night (cyclic week)
      ],
      holidayHours: [
        { start: '20:00', end: '10:00', overnight: true },
        { start: '09:00', end: '11:00' }, // overlaps the previous holiday's night
      ],
      makeUpWorkdayAs: 0,
      exceptions: [
        { date: '2025-02-30', closed: true },
        { date: '2025-03-01', closed: true },
        { date: '2025-03-01', hours: [{ start: '08:00', end: '09:00' }] },
        { date: '2025-03-02', hours: [] },
        {
          date: '2025-03-03',
          hours: [
            { start: '08:00', end: '10:00' },
            { start: '09:00', end: '11:00' },
          ],
        },
      ],
    } as unknown as Schedule
    const problems = validateSchedule(s).map((p) => `${p.path} ${p.code}`)
    expect(problems).toEqual([
      'weekly.0.start TIME_INVALID',
      'weekly.1.day DAY_INVALID',
      'weekly.2.start TIME_INVALID',
      'weekly.3 PERIOD_EMPTY',
      'weekly.4.end TIME_INVALID',
      'weekly.6 PERIOD_OVERLAP',
      'weekly.8 PERIOD_OVERLAP',
      'holidayHours.1 PERIOD_OVERLAP',
      'makeUpWorkdayAs DAY_INVALID',
      'weekly ALWAYS_OPEN_CONFLICT',
      'holidayHours ALWAYS_OPEN_CONFLICT',
      'exceptions.0.date DATE_INVALID',
      'exceptions.2.date EXCEPTION_DUPLICATE',
      'exceptions.3.hours EXCEPTION_HOURS_EMPTY',
      'exceptions.4.hours.1 PERIOD_OVERLAP',
    ])
  })

  it('a period may not overlap itself through the week, but 00:00–24:00 every day is fine', () => {
    const days = [1, 2, 3, 4, 5, 6, 7] as const
    expect(
      validateSchedule({ weekly: days.map((day) => ({ day, start: '00:00', end: '24:00' })) }),
    ).toEqual([])
    expect(
      validateSchedule({
        weekly: [
          { day: 1, start: '00:00', end: '24:00' },
          { day: 1, start: '23:00', end: '01:00', overnight: true },
        ],
      }).map((p) => p.code),
    ).toEqual(['PERIOD_OVERLAP'])
  })

  it('refuses an end before the start unless the period is marked overnight', () => {
    // A typo of 08:00–17:00: without the flag it is not read as a night (ADR 0026).
    const typo = {
      weekly: [
        { day: 1, start: '17:00', end: '08:00' },
        { day: 2, start: '22:00', end: '06:00', overnight: false },
      ],
      holidayHours: [{ start: '20:00', end: '02:00' }],
      exceptions: [{ date: '2025-03-03', hours: [{ start: '18:00', end: '09:00' }] }],
    } as Schedule
    const problems = validateSchedule(typo)
    expect(problems.map((p) => `${p.path} ${p.code}`)).toEqual([
      'weekly.0.end PERIOD_ENDS_BEFORE_START',
      'weekly.1.end PERIOD_ENDS_BEFORE_START',
      'holidayHours.0.end PERIOD_ENDS_BEFORE_START',
      'exceptions.0.hours.0.end PERIOD_ENDS_BEFORE_START',
    ])
    expect(problems[0]!.message).toMatch(/ends before it starts.*overnight/)

    const flagged: Schedule = {
      weekly: [
        { day: 1, start: '17:00', end: '08:00', overnight: true },
        { day: 2, start: '22:00', end: '06:00', overnight: true },
      ],
      holidayHours: [{ start: '20:00', end: '02:00', overnight: true }],
      exceptions: [
        { date: '2025-03-03', hours: [{ start: '18:00', end: '09:00', overnight: true }] },
      ],
    }
    expect(validateSchedule(flagged)).toEqual([])
  })

  it('refuses the overnight flag on a period that ends the same day', () => {
    const s = {
      weekly: [
        { day: 1, start: '08:00', end: '17:00', overnight: true },
        { day: 2, start: '08:00', end: '24:00', overnight: true }, // 24:00 is still the same day
        { day: 3, start: '08:00', end: '08:00', overnight: true }, // empty, whatever the flag
        { day: 4, start: '08:00', end: '17:00', overnight: false },
        { day: 5, start: '22:00', end: '06:00', overnight: 'yes' },
      ],
      holidayHours: [{ start: '09:00', end: '12:00', overnight: true }],
      exceptions: [
        { date: '2025-03-03', hours: [{ start: '09:00', end: '12:00', overnight: true }] },
      ],
    } as unknown as Schedule
    const problems = validateSchedule(s)
    expect(problems.map((p) => `${p.path} ${p.code}`)).toEqual([
      'weekly.0.overnight OVERNIGHT_INVALID',
      'weekly.1.overnight OVERNIGHT_INVALID',
      'weekly.2 PERIOD_EMPTY',
      'weekly.4.overnight OVERNIGHT_INVALID',
      'holidayHours.0.overnight OVERNIGHT_INVALID',
      'exceptions.0.hours.0.overnight OVERNIGHT_INVALID',
    ])
    expect(problems[0]!.message).toMatch(/next day, earlier than its start/)
  })

  it('evaluation reads an unflagged stored night as before ADR 0026, while every write refuses it', () => {
    // A row an older process saved during a rolling deploy: searches must not fail on it.
    const stored: Schedule = { weekly: [{ day: 1, start: '17:00', end: '08:00' }] }
    expect(() => assertValidSchedule(stored)).toThrow(ScheduleError)
    expect(isOpenAt(stored, sh('2025-03-03T23:00'), EMPTY_CALENDAR)).toBe(true)
    expect(
      openIntervals(stored, sh('2025-03-03T00:00'), sh('2025-03-04T12:00'), EMPTY_CALENDAR),
    ).toHaveLength(1)
    // Other problems still make a stored schedule unreadable.
    const overlapping: Schedule = {
      weekly: [
        { day: 1, start: '08:00', end: '12:00' },
        { day: 1, start: '11:00', end: '13:00' },
      ],
    }
    expect(() => isOpenAt(overlapping, sh('2025-03-03T09:00'), EMPTY_CALENDAR)).toThrow(
      ScheduleError,
    )
    // The same period marked overnight is open Monday night until Tuesday 08:00.
    const night: Schedule = { weekly: [{ day: 1, start: '17:00', end: '08:00', overnight: true }] }
    expect(isOpenAt(night, sh('2025-03-03T23:00'), EMPTY_CALENDAR)).toBe(true)
    expect(isOpenAt(night, sh('2025-03-04T07:59'), EMPTY_CALENDAR)).toBe(true)
    expect(isOpenAt(night, sh('2025-03-04T08:00'), EMPTY_CALENDAR)).toBe(false)
  })

  it('evaluation refuses an invalid schedule with a 400 ScheduleError', () => {
    const bad = { weekly: [{ day: 1, start: '25:00', end: '26:00' }] } as unknown as Schedule
    expect(() => isOpenAt(bad, Date.now(), EMPTY_CALENDAR)).toThrow(ScheduleError)
    try {
      isOpenAt(bad, Date.now(), EMPTY_CALENDAR)
    } catch (e) {
      expect((e as ScheduleError).statusCode).toBe(400)
      expect((e as ScheduleError).code).toBe('VALIDATION_FAILED')
      expect((e as ScheduleError).problems.map((p) => p.path)).toEqual([
        'weekly.0.start',
        'weekly.0.end',
      ])
    }
    const ok: Schedule = { weekly: [] }
    expect(() => isOpenAt(ok, Number.NaN, EMPTY_CALENDAR)).toThrow(ScheduleError)
    expect(() => openIntervals(ok, 10, 5, EMPTY_CALENDAR)).toThrow(ScheduleError)
    expect(() => openIntervals(ok, 0, 401 * 86_400_000, EMPTY_CALENDAR)).toThrow(ScheduleError)
  })
})

describe('the Chinese holiday calendar', () => {
  const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() // 0 = Sunday

  it('matches the notices: block lengths, the weekdays they print, weekend make-up days', () => {
    const lengths = (y: HolidayYear) =>
      y.holidays.map(
        (h) => (Date.parse(`${h.to}T00:00Z`) - Date.parse(`${h.from}T00:00Z`)) / 86_400_000 + 1,
      )
    expect(lengths(CN_HOLIDAYS_2025)).toEqual([1, 8, 3, 5, 3, 8])
    expect(lengths(CN_HOLIDAYS_2026)).toEqual([3, 9, 3, 5, 3, 3, 7])
    // "1月28日（农历除夕、周二）至2月4日（…周二）", "10月1日（周三）至8日（周三）".
    expect([weekday('2025-01-28'), weekday('2025-02-04'), weekday('2025-10-08')]).toEqual([2, 2, 3])
    // "2月15日（…周日）至23日（…周一）", "10月1日（周四）至7日（周三）".
    expect([weekday('2026-02-15'), weekday('2026-02-23'), weekday('2026-10-07')]).toEqual([0, 1, 3])
    for (const y of CN_HOLIDAY_YEARS) {
      for (const w of y.workdays) expect([0, 6]).toContain(weekday(w))
    }
  })

  it('answers holiday, workday or nothing', () => {
    expect(cnHolidayCalendar.kindOf('2025-10-05')).toBe('holiday') // a Sunday inside the block
    expect(cnHolidayCalendar.kindOf('2025-09-28')).toBe('workday')
    expect(cnHolidayCalendar.kindOf('2025-09-29')).toBeUndefined()
    expect(cnHolidayCalendar.kindOf('2026-02-28')).toBe('workday')
    expect(cnHolidayCalendar.kindOf('2027-01-01')).toBeUndefined() // not yet published
  })

  it('refuses contradictory data', () => {
    const y: HolidayYear = {
      year: 2030,
      source: 'test',
      holidays: [{ name: 'x', from: '2030-01-01', to: '2030-01-02' }],
      workdays: ['2030-01-02'],
    }
    expect(() => createHolidayCalendar([y])).toThrow(RangeError)
    expect(() =>
      createHolidayCalendar([
        { ...y, holidays: [{ name: 'x', from: '2030-01-03', to: '2030-01-01' }] },
      ]),
    ).toThrow(RangeError)
  })
})

describe('isOpenAt, nextChange, openIntervals: worked examples', () => {
  const cal = cnHolidayCalendar

  it('evaluates in Asia/Shanghai from a UTC instant', () => {
    const s: Schedule = { weekly: [{ day: 3, start: '08:00', end: '09:00' }] }
    // Wed 2025-03-05 08:00 in Shanghai is Wed 00:00 UTC.
    expect(isOpenAt(s, new Date('2025-03-05T00:00:00Z'), cal)).toBe(true)
    expect(isOpenAt(s, new Date('2025-03-04T23:59:59.999Z'), cal)).toBe(false)
    expect(isOpenAt(s, new Date('2025-03-05T01:00:00Z'), cal)).toBe(false) // end is exclusive
    expect(shanghaiDate(new Date('2025-03-04T16:00:00Z'))).toBe('2025-03-05')
  })

  it('a Friday 22:00–06:00 period runs into Saturday morning', () => {
    const s: Schedule = { weekly: [{ day: 5, start: '22:00', end: '06:00', overnight: true }] }
    expect(isOpenAt(s, sh('2025-03-07T21:59'), cal)).toBe(false)
    expect(isOpenAt(s, sh('2025-03-07T22:00'), cal)).toBe(true)
    expect(isOpenAt(s, sh('2025-03-08T05:59'), cal)).toBe(true)
    expect(isOpenAt(s, sh('2025-03-08T06:00'), cal)).toBe(false)
    expect(nextChange(s, sh('2025-03-07T23:00'), cal)).toEqual({
      at: sh('2025-03-08T06:00'),
      open: false,
    })
    expect(nextChange(s, sh('2025-03-08T06:00'), cal)).toEqual({
      at: sh('2025-03-14T22:00'),
      open: true,
    })
    expect(openIntervals(s, sh('2025-03-08T00:00'), sh('2025-03-15T00:00'), cal)).toEqual([
      { start: sh('2025-03-08T00:00'), end: sh('2025-03-08T06:00') },
      { start: sh('2025-03-14T22:00'), end: sh('2025-03-15T00:00') },
    ])
  })

  it('24:00 joins the next morning into one interval; nextChange sees the real closing', () => {
    const s: Schedule = {
      weekly: [
        { day: 1, start: '08:00', end: '24:00' },
        { day: 2, start: '00:00', end: '08:00' },
      ],
    }
    expect(openIntervals(s, sh('2025-03-03T00:00'), sh('2025-03-05T00:00'), cal)).toEqual([
      { start: sh('2025-03-03T08:00'), end: sh('2025-03-04T08:00') },
    ])
    expect(nextChange(s, sh('2025-03-03T09:00'), cal)).toEqual({
      at: sh('2025-03-04T08:00'),
      open: false,
    })
    expect(isOpenAt(s, sh('2025-03-03T23:59'), cal)).toBe(true)
    expect(isOpenAt(s, sh('2025-03-04T00:00'), cal)).toBe(true)
  })

  it('a public holiday follows Sunday, or the station’s holiday hours, or closes', () => {
    const weekly: Schedule['weekly'] = [
      { day: 3, start: '08:00', end: '18:00' },
      { day: 7, start: '10:00', end: '14:00' },
    ]
    // 2025-10-01 is a Wednesday inside the National Day block.
    const sunday: Schedule = { weekly }
    expect(isOpenAt(sunday, sh('2025-10-01T09:00'), cal)).toBe(false)
    expect(isOpenAt(sunday, sh('2025-10-01T11:00'), cal)).toBe(true)
    expect(isOpenAt(sunday, sh('2025-10-01T11:00'), EMPTY_CALENDAR)).toBe(true) // an ordinary Wednesday
    expect(isOpenAt(sunday, sh('2025-10-01T09:00'), EMPTY_CALENDAR)).toBe(true)
    const special: Schedule = { weekly, holidayHours: [{ start: '07:00', end: '08:00' }] }
    expect(isOpenAt(special, sh('2025-10-01T07:30'), cal)).toBe(true)
    expect(isOpenAt(special, sh('2025-10-05T07:30'), cal)).toBe(true) // a Sunday in the block
    expect(isOpenAt(special, sh('2025-10-05T11:00'), cal)).toBe(false)
    const closed: Schedule = { weekly, holidayHours: [] }
    expect(openIntervals(closed, sh('2025-10-01T00:00'), sh('2025-10-09T00:00'), cal)).toEqual([])
    expect(nextChange(closed, sh('2025-10-01T00:00'), cal)).toEqual({
      at: sh('2025-10-12T10:00'), // Sat 11 Oct is a make-up workday following Monday: closed
      open: true,
    })
  })

  it('a make-up workday (调休) follows Monday, or the weekday the station chose', () => {
    const weekly: Schedule['weekly'] = [
      { day: 1, start: '08:00', end: '12:00' },
      { day: 5, start: '14:00', end: '18:00' },
    ]
    // Sunday 2025-09-28 is worked.
    expect(isOpenAt({ weekly }, sh('2025-09-28T09:00'), cal)).toBe(true)
    expect(isOpenAt({ weekly }, sh('2025-09-28T09:00'), EMPTY_CALENDAR)).toBe(false)
    const friday: Schedule = { weekly, makeUpWorkdayAs: 5 }
    expect(isOpenAt(friday, sh('2025-09-28T09:00'), cal)).toBe(false)
    expect(isOpenAt(friday, sh('2025-09-28T15:00'), cal)).toBe(true)
  })

  it('a Friday night shift continues into a holiday Saturday (the night belongs to Friday)', () => {
    // Fri 2025-05-30 is ordinary; Sat 2025-05-31 starts the Dragon Boat block.
    const s: Schedule = {
      weekly: [{ day: 5, start: '22:00', end: '06:00', overnight: true }],
      holidayHours: [],
    }
    expect(isOpenAt(s, sh('2025-05-31T05:00'), cal)).toBe(true)
    // Fri 2025-10-03 is a holiday: no night shift, so Saturday morning is closed too.
    expect(isOpenAt(s, sh('2025-10-04T05:00'), cal)).toBe(false)
  })

  it('a closed-all-day exception cuts the previous night; special hours replace the day', () => {
    const s: Schedule = {
      weekly: [
        { day: 5, start: '22:00', end: '06:00', overnight: true },
        { day: 6, start: '09:00', end: '17:00' },
      ],
      exceptions: [
        { date: '2025-03-08', closed: true },
        { date: '2025-03-15', hours: [{ start: '12:00', end: '13:00' }] },
      ],
    }
    expect(isOpenAt(s, sh('2025-03-07T23:00'), cal)).toBe(true)
    expect(isOpenAt(s, sh('2025-03-08T01:00'), cal)).toBe(false)
    expect(nextChange(s, sh('2025-03-07T23:00'), cal)).toEqual({
      at: sh('2025-03-08T00:00'),
      open: false,
    })
    expect(isOpenAt(s, sh('2025-03-15T05:00'), cal)).toBe(true) // Friday night still runs
    expect(isOpenAt(s, sh('2025-03-15T10:00'), cal)).toBe(false)
    expect(isOpenAt(s, sh('2025-03-15T12:30'), cal)).toBe(true)
  })

  it('a 24-hour station never changes, except around its exceptions', () => {
    const s: Schedule = { alwaysOpen: true, weekly: [] }
    expect(isOpenAt(s, sh('2026-02-17T03:00'), cal)).toBe(true)
    expect(nextChange(s, sh('2026-02-17T03:00'), cal)).toBeNull()
    const closedOnce: Schedule = {
      alwaysOpen: true,
      weekly: [],
      exceptions: [{ date: '2026-03-10', closed: true }],
    }
    expect(nextChange(closedOnce, sh('2026-03-01T12:00'), cal)).toEqual({
      at: sh('2026-03-10T00:00'),
      open: false,
    })
    expect(nextChange(closedOnce, sh('2026-03-10T12:00'), cal)).toEqual({
      at: sh('2026-03-11T00:00'),
      open: true,
    })
  })

  it('nextChange looks 14 days ahead, inclusive', () => {
    const s: Schedule = { weekly: [{ day: 1, start: '08:00', end: '09:00' }] }
    // From Mon 08:00 (open) the close is an hour later.
    expect(nextChange(s, sh('2025-03-03T08:00'), cal)?.at).toEqual(sh('2025-03-03T09:00'))
    // From exactly two weeks before an opening, it is still found; a minute earlier it is not
    // (the next Monday opening 7 days later is found instead, so use a fortnightly exception).
    const fortnight: Schedule = {
      weekly: [],
      exceptions: [{ date: '2025-03-17', hours: [{ start: '08:00', end: '09:00' }] }],
    }
    expect(nextChange(fortnight, sh('2025-03-03T08:00'), cal)?.at).toEqual(sh('2025-03-17T08:00'))
    expect(nextChange(fortnight, sh('2025-03-03T07:59'), cal)).toBeNull()
    expect(nextChange({ weekly: [] }, sh('2025-03-03T07:59'), cal)).toBeNull()
    // A closing exactly 14 days ahead counts too.
    const closes: Schedule = {
      alwaysOpen: true,
      weekly: [],
      exceptions: [{ date: '2026-03-10', closed: true }],
    }
    expect(nextChange(closes, sh('2026-02-24T00:00'), cal)).toEqual({
      at: sh('2026-03-10T00:00'),
      open: false,
    })
    expect(nextChange(closes, sh('2026-02-23T23:59'), cal)).toBeNull()
    expect(iso(nextChange(s, new Date('2025-03-02T00:00:00Z'), cal)!.at)).toBe(
      '2025-03-03T00:00:00.000Z',
    )
  })
})

// ---- the brute-force oracle ----

/**
 * A deliberately naive restatement of the header's rules, minute by minute, sharing no code
 * with schedule.ts: weekdays from Date#getUTCDay, holidays from walking the notice data with
 * Date objects, times parsed by split(':').
 */
const makeOracle = (schedule: Schedule, years: readonly HolidayYear[]) => {
  const holidays = new Set<string>()
  const workdays = new Set<string>()
  for (const y of years) {
    for (const h of y.holidays) {
      for (let d = new Date(`${h.from}T00:00:00Z`); d <= new Date(`${h.to}T00:00:00Z`);) {
        holidays.add(d.toISOString().slice(0, 10))
        d = new Date(d.getTime() + 86_400_000)
      }
    }
    for (const w of y.workdays) workdays.add(w)
  }
  const mins = (t: string) => {
    const [h, m] = t.split(':')
    return Number(h) * 60 + Number(m)
  }
  const span = (r: { start: string; end: string; overnight?: boolean }) => {
    const s = mins(r.start)
    const e = mins(r.end)
    return { s, e: r.overnight === true ? e + 1440 : e }
  }
  const rangesOf = (dayIndex: number): 'closed' | Array<{ s: number; e: number }> => {
    const d = new Date(dayIndex * 86_400_000)
    const date = d.toISOString().slice(0, 10)
    const ex = (schedule.exceptions ?? []).find((x) => x.date === date)
    if (ex) return ex.closed === true ? 'closed' : ex.hours.map(span)
    if (schedule.alwaysOpen) return [{ s: 0, e: 1440 }]
    const jsDay = d.getUTCDay()
    let iso = jsDay === 0 ? 7 : jsDay
    if (holidays.has(date)) {
      if (schedule.holidayHours != null) return schedule.holidayHours.map(span)
      iso = 7
    } else if (workdays.has(date)) {
      iso = schedule.makeUpWorkdayAs ?? 1
    }
    return schedule.weekly.filter((p) => p.day === iso).map(span)
  }
  // Memoised per day only for speed; the rule itself is evaluated per minute below.
  const memo = new Map<number, ReturnType<typeof rangesOf>>()
  const rangesOfDay = (dayIndex: number) => {
    let r = memo.get(dayIndex)
    if (r === undefined) memo.set(dayIndex, (r = rangesOf(dayIndex)))
    return r
  }
  /** Open during the UTC minute `utcMinute` (minutes since the epoch). */
  return (utcMinute: number): boolean => {
    const local = utcMinute + 480
    const dayIndex = Math.floor(local / 1440)
    const m = local - dayIndex * 1440
    const own = rangesOfDay(dayIndex)
    if (own === 'closed') return false
    if (own.some((r) => r.s <= m && m < r.e)) return true
    const prev = rangesOfDay(dayIndex - 1)
    return prev !== 'closed' && prev.some((r) => r.s <= m + 1440 && m + 1440 < r.e)
  }
}

describe('agreement with a minute-by-minute oracle over random schedules', () => {
  // Windows around every kind of day: 调休 weekends, holiday blocks, the 2025→2026 New Year,
  // and the end of the published calendar; plus random days.
  const interesting = [
    '2025-01-23',
    '2025-04-24',
    '2025-05-29',
    '2025-09-25',
    '2025-12-28',
    '2026-02-10',
    '2026-05-04',
    '2026-09-17',
    '2026-12-27',
  ]
  const rnd = mulberry32(4242)
  const SCHEDULES = 72
  const WINDOW_DAYS = 10
  const LOOKAHEAD_DAYS = 15
  const DAY_MIN = 1440

  it(`isOpenAt, openIntervals and nextChange agree with the oracle (${SCHEDULES} schedules)`, () => {
    let checkedMinutes = 0
    let changes = 0
    let closedAllDayHits = 0
    for (let n = 0; n < SCHEDULES; n++) {
      const startDate =
        n < interesting.length * 5
          ? interesting[n % interesting.length]!
          : new Date(Date.UTC(2025, 0, 1) + Math.floor(rnd() * 720) * 86_400_000)
              .toISOString()
              .slice(0, 10)
      const startDay = Date.parse(`${startDate}T00:00:00Z`) / 86_400_000
      const dates = Array.from({ length: WINDOW_DAYS }, (_, i) =>
        new Date((startDay + i) * 86_400_000).toISOString().slice(0, 10),
      )
      const schedule = randomSchedule(rnd, dates)
      expect(validateSchedule(schedule)).toEqual([])
      const oracle = makeOracle(schedule, CN_HOLIDAY_YEARS)
      // UTC minute of local midnight on startDate.
      const m0 = startDay * DAY_MIN - 480
      const total = (WINDOW_DAYS + LOOKAHEAD_DAYS) * DAY_MIN
      const truth = new Uint8Array(total)
      for (let i = 0; i < total; i++) truth[i] = oracle(m0 + i) ? 1 : 0

      // isOpenAt at every minute of the window, at the minute and somewhere inside it.
      for (let i = 0; i < WINDOW_DAYS * DAY_MIN; i++) {
        const ms = (m0 + i) * 60_000
        const expected = truth[i] === 1
        if (isOpenAt(schedule, ms, cnHolidayCalendar) !== expected) {
          throw new Error(`isOpenAt minute ${i} of ${startDate}: ${JSON.stringify(schedule)}`)
        }
        if (isOpenAt(schedule, ms + Math.floor(rnd() * 60_000), cnHolidayCalendar) !== expected) {
          throw new Error(`isOpenAt inside minute ${i} of ${startDate}`)
        }
      }
      checkedMinutes += WINDOW_DAYS * DAY_MIN
      if ((schedule.exceptions ?? []).some((e) => e.closed === true)) closedAllDayHits++

      // openIntervals over the window equals the runs of open minutes.
      const runs: Array<{ start: Date; end: Date }> = []
      for (let i = 0; i < WINDOW_DAYS * DAY_MIN; i++) {
        if (truth[i] !== 1) continue
        let j = i
        while (j < WINDOW_DAYS * DAY_MIN && truth[j] === 1) j++
        runs.push({ start: new Date((m0 + i) * 60_000), end: new Date((m0 + j) * 60_000) })
        i = j
      }
      const from = m0 * 60_000
      const to = (m0 + WINDOW_DAYS * DAY_MIN) * 60_000
      expect(openIntervals(schedule, from, to, cnHolidayCalendar)).toEqual(runs)

      // A sub-range with ends inside minutes: the same runs, clipped.
      const a = from + Math.floor(rnd() * (to - from))
      const b = a + Math.floor(rnd() * (to - a))
      const clipped = runs
        .map((r) => ({
          start: new Date(Math.max(r.start.getTime(), a)),
          end: new Date(Math.min(r.end.getTime(), b)),
        }))
        .filter((r) => r.end > r.start)
      expect(openIntervals(schedule, a, b, cnHolidayCalendar)).toEqual(clipped)

      // nextChange from random instants: the first minute boundary where the state differs.
      for (let q = 0; q < 25; q++) {
        const t = from + Math.floor(rnd() * (to - from))
        const i0 = Math.floor(t / 60_000) - m0
        const horizon = t + 14 * DAY_MIN * 60_000
        let expected: { at: Date; open: boolean } | null = null
        for (let i = i0 + 1; (m0 + i) * 60_000 <= horizon; i++) {
          if (truth[i] !== truth[i0]) {
            expected = { at: new Date((m0 + i) * 60_000), open: truth[i] === 1 }
            break
          }
        }
        if (expected) changes++
        expect(nextChange(schedule, t, cnHolidayCalendar)).toEqual(expected)
      }
    }
    expect(checkedMinutes).toBe(SCHEDULES * WINDOW_DAYS * DAY_MIN)
    // The generator did produce the interesting cases.
    expect(changes).toBeGreaterThan(SCHEDULES * 10)
    expect(closedAllDayHits).toBeGreaterThan(5)
    // Generous: about 2 s on a quiet machine, but the test machine may be shared.
  }, 60_000)
})
