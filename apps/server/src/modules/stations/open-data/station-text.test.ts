import { describe, expect, it } from 'vitest'
import {
  type DateException,
  validateSchedule,
  type Schedule,
  type WeeklyPeriod,
  type Weekday,
} from '../domain/schedule'
import {
  formatExceptionsText,
  formatScheduleText,
  maskedMobileOf,
  normaliseMobile,
  parseAmenityText,
  parseCoordSystemText,
  parseExceptionsText,
  parseKindText,
  parseNumberText,
  parseScheduleText,
} from './station-text'

const read = (text: string) => {
  const r = parseScheduleText(text)
  if (!r.ok) throw new Error(JSON.stringify(r.problems))
  return r.value
}

const weekdays = (start: string, end: string, days: Weekday[] = [1, 2, 3, 4, 5]): WeeklyPeriod[] =>
  days.map((day) => ({ day, start, end }))

describe(parseScheduleText.name, () => {
  it('reads day runs, lists and several ranges per day', () => {
    expect(read('周一至周五 08:00-20:00；周六 09:00-17:00')).toEqual({
      weekly: [...weekdays('08:00', '20:00'), { day: 6, start: '09:00', end: '17:00' }],
    })
    expect(read('周六、周日 09:00-12:00、14:00-17:00').weekly).toEqual([
      { day: 6, start: '09:00', end: '12:00' },
      { day: 6, start: '14:00', end: '17:00' },
      { day: 7, start: '09:00', end: '12:00' },
      { day: 7, start: '14:00', end: '17:00' },
    ])
    expect(read('每天 7:00-22:00').weekly).toHaveLength(7)
    expect(read('星期一到星期三 08:00-12:00').weekly.map((p) => p.day)).toEqual([1, 2, 3])
    expect(read('周六至周一 10:00-16:00').weekly.map((p) => p.day)).toEqual([1, 6, 7])
  })

  it('reads full-width digits and punctuation, commas between segments and line breaks', () => {
    expect(read('周一至周五 ０８：００—２０：００，周六 09:00～17:00')).toEqual(
      read('周一至周五 08:00-20:00；周六 09:00-17:00'),
    )
    expect(read('周一至周五 08:00-20:00\n周日休息')).toEqual({ weekly: weekdays('08:00', '20:00') })
  })

  it('reads 24小时, holiday hours, closed holidays and the make-up weekday', () => {
    expect(read('24小时')).toEqual({ alwaysOpen: true, weekly: [] })
    expect(read('全天开放')).toEqual({ alwaysOpen: true, weekly: [] })
    expect(read('周一至周五 08:00-18:00；节假日 10:00-16:00；调休上班按周六')).toEqual({
      weekly: weekdays('08:00', '18:00'),
      holidayHours: [{ start: '10:00', end: '16:00' }],
      makeUpWorkdayAs: 6,
    })
    expect(read('周一至周五 08:00-18:00；法定节假日休息').holidayHours).toEqual([])
  })

  it('reads a night range written with 次日 as overnight', () => {
    const s = read('周五 22:00-次日06:00；节假日 20:00-次日 02:00')
    expect(s.weekly).toEqual([{ day: 5, start: '22:00', end: '06:00', overnight: true }])
    expect(s.holidayHours).toEqual([{ start: '20:00', end: '02:00', overnight: true }])
    expect(validateSchedule(s)).toEqual([])
  })

  it('refuses an end before the start without 次日, saying how to write a night (ADR 0026)', () => {
    for (const text of ['周一至周五 17:00-08:00', '节假日 22:00-06:00']) {
      const r = parseScheduleText(text)
      expect(r.ok, text).toBe(false)
      if (!r.ok) {
        expect(r.problems).toHaveLength(1)
        expect(r.problems[0]!.path).toBe('schedule')
        expect(r.problems[0]!.code).toBe('PERIOD_ENDS_BEFORE_START')
        expect(r.problems[0]!.message).toMatch(
          /结束早于开始：如果营业到第二天，请写成 \d\d:\d\d-次日\d\d:\d\d/,
        )
      }
    }
    // 24:00 is the end of the same day, not an end before the start.
    expect(read('周一 08:00-24:00').weekly).toEqual([{ day: 1, start: '08:00', end: '24:00' }])
  })

  it('names a time a clock cannot show once per cell, not once per weekday it covers', () => {
    const r = parseScheduleText('每天 08:00-25:00')
    expect(r).toEqual({
      ok: false,
      problems: [
        {
          path: 'schedule',
          code: 'HOURS_TIME_INVALID',
          params: { segment: '每天 08:00-25:00', time: '25:00' },
          message:
            '“每天 08:00-25:00”中的 25:00 不是有效时间（应为 00:00–24:00 之间的 HH:MM，如 08:30）',
        },
      ],
    })
    const many = parseScheduleText('周一至周五 25:00-08:61；周六 24:00-06:00；节假日 09:00-24:30')
    expect(many.ok).toBe(false)
    if (!many.ok) {
      expect(many.problems.map((p) => [p.code, p.params?.time ?? p.params?.segment])).toEqual([
        ['HOURS_TIME_INVALID', '25:00'],
        ['HOURS_TIME_INVALID', '08:61'],
        ['HOURS_START_AT_24', '周六 24:00-06:00'],
        ['HOURS_TIME_INVALID', '24:30'],
      ])
    }
  })

  it('explains what it cannot read, with the schedule path', () => {
    for (const text of [
      '',
      '早八晚八',
      '周一至周五 八点到八点',
      '节假日 看情况',
      '24小时；周一 08:00-12:00',
    ]) {
      const r = parseScheduleText(text)
      expect(r.ok, text).toBe(false)
      if (!r.ok) expect(r.problems[0]!.path).toBe('schedule')
    }
  })
})

describe(formatScheduleText.name, () => {
  const cases: Schedule[] = [
    { weekly: [...weekdays('08:00', '20:00'), { day: 6, start: '09:00', end: '17:00' }] },
    { alwaysOpen: true, weekly: [] },
    {
      weekly: [
        ...weekdays('08:00', '12:00', [1, 3]),
        ...weekdays('14:00', '18:00', [1, 3]),
        { day: 7, start: '22:00', end: '06:00', overnight: true },
      ],
      holidayHours: [],
      makeUpWorkdayAs: 7,
    },
    { weekly: [], holidayHours: [{ start: '09:00', end: '12:00' }] },
    { weekly: [], holidayHours: [{ start: '21:00', end: '03:00', overnight: true }] },
  ]

  it('writes text that reads back as the same schedule', () => {
    for (const s of cases) {
      const back = read(formatScheduleText(s))
      expect(back.weekly).toEqual(
        [...s.weekly].sort((a, b) => a.day - b.day || a.start.localeCompare(b.start)),
      )
      expect(back.alwaysOpen).toBe(s.alwaysOpen)
      expect(back.holidayHours).toEqual(s.holidayHours)
      expect(back.makeUpWorkdayAs).toBe(s.makeUpWorkdayAs)
    }
  })

  it('uses runs for three or more consecutive days and lists the rest', () => {
    expect(formatScheduleText(cases[0]!)).toBe('周一至周五 08:00-20:00；周六 09:00-17:00')
    expect(formatScheduleText(cases[2]!)).toBe(
      '周一、周三 08:00-12:00、14:00-18:00；周日 22:00-次日06:00；节假日休息；调休上班按周日',
    )
    expect(formatScheduleText({ weekly: [] })).toBe('每天休息')
  })
})

describe('amenities, kinds, coordinate systems, numbers and mobiles', () => {
  it('reads amenities by Chinese name, alias or code, in list order, without duplicates', () => {
    expect(parseAmenityText('卫生间、饮水, microwave，热水 /厕所')).toEqual({
      ok: true,
      value: ['drinking_water', 'microwave', 'toilet'],
    })
    expect(parseAmenityText('')).toEqual({ ok: true, value: [] })
    expect(parseAmenityText('饮水、传送门')).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({
          path: 'amenities',
          code: 'AMENITY_UNKNOWN',
          params: expect.objectContaining({ value: '传送门' }),
          message: expect.stringContaining('无法识别服务设施“传送门”'),
        }),
      ],
    })
  })

  it('reads kinds by name, alias or code; blank is 工会爱心驿站', () => {
    expect(parseKindText('工地驿站')).toEqual({ ok: true, value: 'construction_site' })
    expect(parseKindText('筑友驿站')).toEqual({ ok: true, value: 'construction_site' })
    expect(parseKindText('courier')).toEqual({ ok: true, value: 'courier' })
    expect(parseKindText('')).toEqual({ ok: true, value: 'union_love_station' })
    expect(parseKindText('飞船').ok).toBe(false)
  })

  it('reads coordinate systems; blank is GCJ-02 (Amap)', () => {
    expect(parseCoordSystemText('')).toEqual({ ok: true, value: 'gcj02' })
    expect(parseCoordSystemText('WGS-84')).toEqual({ ok: true, value: 'wgs84' })
    expect(parseCoordSystemText('百度')).toEqual({ ok: true, value: 'bd09' })
    expect(parseCoordSystemText('高德')).toEqual({ ok: true, value: 'gcj02' })
    expect(parseCoordSystemText('utm').ok).toBe(false)
  })

  it('reads numbers and normalises mobiles', () => {
    expect(parseNumberText(' 36.5 ', 'lat')).toEqual({ ok: true, value: 36.5 })
    expect(parseNumberText('', 'lat')).toEqual({
      ok: false,
      problems: [{ path: 'lat', code: 'REQUIRED', message: '不能为空，请填写此项' }],
    })
    expect(parseNumberText('北纬36', 'lat')).toEqual({
      ok: false,
      problems: [
        {
          path: 'lat',
          code: 'NOT_A_NUMBER',
          params: { value: '北纬36' },
          message: '“北纬36”不是数字，请只填写数字，不要带单位或文字',
        },
      ],
    })
    expect(normaliseMobile('+86 139-1234-5678')).toBe('13912345678')
    expect(normaliseMobile('8613912345678')).toBe('13912345678')
  })

  it('tells a masked mobile (as the export writes it) from a mobile', () => {
    expect(maskedMobileOf('139****2222')).toBe('139****2222')
    expect(maskedMobileOf(' 139 ＊＊＊＊ 2222 ')).toBe('139****2222')
    expect(maskedMobileOf('13912342222')).toBeNull()
    expect(maskedMobileOf('139***2222')).toBeNull()
    expect(maskedMobileOf('')).toBeNull()
  })
})

describe('dated exceptions (特殊日期安排)', () => {
  const exceptions = (text: string) => {
    const r = parseExceptionsText(text)
    if (!r.ok) throw new Error(JSON.stringify(r.problems))
    return r.value
  }
  const problemsOf = (text: string) => {
    const r = parseExceptionsText(text)
    return r.ok ? [] : r.problems
  }

  it('reads closed dates and special hours as staff type them; blank is none', () => {
    expect(exceptions('')).toEqual([])
    expect(exceptions('2026-12-24 闭馆; 2026-12-31 09:00-12:00')).toEqual([
      { date: '2026-12-24', closed: true },
      { date: '2026-12-31', hours: [{ start: '09:00', end: '12:00' }] },
    ])
    expect(
      exceptions(
        '2026年1月1日 休息\n2026/2/16：08:00-12:00、14:00-17:00；2026.02.17 22:00-次日02:00',
      ),
    ).toEqual([
      { date: '2026-01-01', closed: true },
      {
        date: '2026-02-16',
        hours: [
          { start: '08:00', end: '12:00' },
          { start: '14:00', end: '17:00' },
        ],
      },
      { date: '2026-02-17', hours: [{ start: '22:00', end: '02:00', overnight: true }] },
    ])
    expect(exceptions('２０２６－１２－２４ 闭站')).toEqual([{ date: '2026-12-24', closed: true }])
  })

  it('writes what it reads: format then parse gives the same exceptions, by date', () => {
    const list: DateException[] = [
      { date: '2026-12-31', hours: [{ start: '09:00', end: '12:00' }] },
      { date: '2026-12-24', closed: true },
      {
        date: '2027-01-01',
        hours: [
          { start: '08:00', end: '11:00' },
          { start: '20:00', end: '03:00', overnight: true },
        ],
      },
      { date: '2027-01-02', hours: [{ start: '00:00', end: '24:00' }] },
    ]
    const text = formatExceptionsText(list)
    expect(text).toBe(
      '2026-12-24 闭站；2026-12-31 09:00-12:00；2027-01-01 08:00-11:00、20:00-次日03:00；2027-01-02 00:00-24:00',
    )
    expect(exceptions(text)).toEqual([...list].sort((a, b) => a.date.localeCompare(b.date)))
    expect(formatExceptionsText(undefined)).toBe('')
    expect(formatExceptionsText([])).toBe('')
  })

  it('refuses dates outside 2000–2099 and dates the calendar lacks, naming them', () => {
    expect(problemsOf('1999-12-31 闭站；2100-01-01 闭站')).toEqual([
      {
        path: 'schedule.exceptions.0.date',
        code: 'EXCEPTION_DATE_RANGE',
        params: { date: '1999-12-31', min: 2000, max: 2099 },
        message: '日期 1999-12-31 的年份须在 2000 到 2099 之间，请检查年份',
      },
      expect.objectContaining({
        code: 'EXCEPTION_DATE_RANGE',
        params: expect.objectContaining({ date: '2100-01-01' }),
      }),
    ])
    expect(problemsOf('2026-02-30 闭站；2026-13-01 闭站；2027-02-29 闭站')).toEqual(
      ['2026-02-30', '2026-13-01', '2027-02-29'].map((date) =>
        expect.objectContaining({
          code: 'EXCEPTION_DATE_INVALID',
          params: { date },
          message: `没有 ${date} 这一天，请检查月份和日期（如 2026-12-24）`,
        }),
      ),
    )
    expect(exceptions('2028-02-29 闭站')).toEqual([{ date: '2028-02-29', closed: true }])
  })

  it('refuses an end before the start, overlapping periods and a date given twice', () => {
    expect(problemsOf('2026-12-31 12:00-09:00')).toEqual([
      expect.objectContaining({
        code: 'PERIOD_ENDS_BEFORE_START',
        message:
          '“2026-12-31 12:00-09:00”中的 12:00-09:00 结束早于开始：如果营业到第二天，请写成 12:00-次日09:00；否则请改正时间',
      }),
    ])
    expect(problemsOf('2026-12-31 09:00-12:00、11:00-14:00')).toEqual([
      {
        path: 'schedule.exceptions.0.hours.1',
        code: 'PERIOD_OVERLAP',
        params: { period: '2026-12-31 11:00-14:00', other: '2026-12-31 09:00-12:00' },
        message:
          '2026-12-31 11:00-14:00 与 2026-12-31 09:00-12:00 的时间重叠，请合并成一段或改正时间',
      },
    ])
    expect(problemsOf('2026-12-31 09:00-09:00')).toEqual([
      expect.objectContaining({ code: 'PERIOD_EMPTY' }),
    ])
    expect(problemsOf('2026-12-24 闭站；2026-12-24 09:00-12:00')).toEqual([
      expect.objectContaining({
        path: 'schedule.exceptions.1.date',
        code: 'EXCEPTION_DUPLICATE',
        params: { date: '2026-12-24', other: '2026-12-24 闭站' },
      }),
    ])
  })

  it('names an impossible time of a date as written', () => {
    expect(problemsOf('2026-12-31 09:00-25:00')).toEqual([
      {
        path: 'schedule.exceptions',
        code: 'HOURS_TIME_INVALID',
        params: { segment: '2026-12-31 09:00-25:00', time: '25:00' },
        message:
          '“2026-12-31 09:00-25:00”中的 25:00 不是有效时间（应为 00:00–24:00 之间的 HH:MM，如 08:30）',
      },
    ])
  })

  it('says how to write a segment it cannot read, and keeps the limits of the schedule', () => {
    expect(problemsOf('圣诞节 闭站；2026-12-31 上午')).toEqual([
      expect.objectContaining({ code: 'EXCEPTION_UNREADABLE', params: { segment: '圣诞节 闭站' } }),
      expect.objectContaining({
        code: 'EXCEPTION_HOURS_UNREADABLE',
        params: { segment: '2026-12-31 上午' },
      }),
    ])
    expect(problemsOf('2026-12-31')).toEqual([
      expect.objectContaining({ code: 'EXCEPTION_HOURS_UNREADABLE' }),
    ])
    const many = Array.from({ length: 101 }, (_, i) => {
      const d = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10)
      return `${d} 闭站`
    }).join('；')
    expect(problemsOf(many)).toEqual([
      expect.objectContaining({ code: 'EXCEPTION_TOO_MANY', params: { max: 100 } }),
    ])
    const seven = Array.from({ length: 7 }, (_, i) => `${10 + i}:00-${10 + i}:30`).join('、')
    expect(problemsOf(`2026-12-31 ${seven}`)).toEqual([
      expect.objectContaining({
        code: 'EXCEPTION_TOO_MANY_RANGES',
        params: { date: '2026-12-31', max: 6 },
      }),
    ])
  })

  it('the schedule a parsed text makes is valid for the domain', () => {
    const schedule: Schedule = {
      weekly: read('周一至周五 08:00-18:00').weekly,
      exceptions: exceptions('2026-10-01 闭站；2026-10-08 09:00-12:00'),
    }
    expect(validateSchedule(schedule)).toEqual([])
  })
})
