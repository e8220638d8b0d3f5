import { describe, expect, it } from 'vitest'
import {
  addDays,
  chinaDateTime,
  chinaDayEnd,
  chinaDayStart,
  chinaToday,
  durationStats,
  hoursBetween,
  isCalendarDate,
  maskName,
} from './wish-rules'

describe('China days', () => {
  it('reads today in Shanghai, which starts at 16:00 UTC the day before', () => {
    expect(chinaToday(new Date('2026-11-29T15:59:59.999Z'))).toBe('2026-11-29')
    expect(chinaToday(new Date('2026-11-29T16:00:00.000Z'))).toBe('2026-11-30')
  })

  it('writes an instant as China wall-clock time, across the UTC date line', () => {
    expect(chinaDateTime('2026-11-29T15:59:59.999Z')).toBe('2026-11-29 23:59')
    expect(chinaDateTime('2026-11-29T16:00:00.000Z')).toBe('2026-11-30 00:00')
  })

  it('gives the instants a day starts and ends', () => {
    expect(chinaDayStart('2026-12-01')).toBe('2026-11-30T16:00:00.000Z')
    expect(chinaDayEnd('2026-12-01')).toBe('2026-12-01T16:00:00.000Z')
    expect(chinaDayEnd('2026-12-31')).toBe('2026-12-31T16:00:00.000Z')
  })

  it('adds days across months and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
  })

  it('accepts only real calendar dates', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true)
    expect(isCalendarDate('2026-02-30')).toBe(false)
    expect(isCalendarDate('2026-13-01')).toBe(false)
    expect(isCalendarDate('2026-1-01')).toBe(false)
  })
})

describe('maskName', () => {
  it('keeps the first and last characters', () => {
    expect(maskName('张三')).toBe('张*')
    expect(maskName('张三丰')).toBe('张*丰')
    expect(maskName('欧阳娜娜')).toBe('欧**娜')
    expect(maskName('李')).toBe('*')
    expect(maskName(' 𠮷野家 ')).toBe('𠮷*家')
  })
})

describe('durations', () => {
  it('measures hours and summarises them', () => {
    expect(hoursBetween('2026-11-29T00:00:00.000Z', '2026-11-29T01:30:00.000Z')).toBe(1.5)
    expect(durationStats([])).toEqual({ count: 0, avgHours: null, medianHours: null })
    expect(durationStats([3, 1, 2])).toEqual({ count: 3, avgHours: 2, medianHours: 2 })
    expect(durationStats([1, 2, 4, 10])).toEqual({ count: 4, avgHours: 4.3, medianHours: 3 })
  })
})
