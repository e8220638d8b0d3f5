import type { StationSchedule } from '@unionhall/contracts'
import { describe, expect, it } from 'vitest'
import '../../../test/setup'
import { i18n } from '../../../lib/i18n'
import { fromWgs84, gcj02ToBd09, wgs84ToGcj02 } from './coords'
import {
  dutyPhoneTel,
  formatDistance,
  groupedWeeklyRows,
  holidayText,
  openStateText,
  rangeText,
  upcomingExceptions,
  walkingUrl,
} from './format'

const t = i18n.getFixedT('zh-CN')
const en = i18n.getFixedT('en')

describe('formatDistance', () => {
  it('gives metres below a kilometre', () => {
    expect(formatDistance(t, 0)).toBe('0 米')
    expect(formatDistance(t, 850)).toBe('850 米')
    expect(formatDistance(t, 999)).toBe('999 米')
  })
  it('gives kilometres with one decimal below ten, whole ones above', () => {
    expect(formatDistance(t, 1000)).toBe('1 公里')
    expect(formatDistance(t, 1234)).toBe('1.2 公里')
    expect(formatDistance(t, 9_960)).toBe('10 公里')
    expect(formatDistance(t, 12_345)).toBe('12 公里')
    expect(formatDistance(en, 1234)).toBe('1.2 km')
    expect(formatDistance(en, 40)).toBe('40 m')
  })
})

describe('coordinates for the tile layer and the walking link', () => {
  // Reference values from the server's domain/coords.ts for the same points.
  it('shifts a GPS fix in mainland China to GCJ-02 like the server', () => {
    const p = wgs84ToGcj02({ lat: 39.908722, lng: 116.397499 })
    expect(p.lat).toBeCloseTo(39.9101255, 6)
    expect(p.lng).toBeCloseTo(116.4037426, 6)
    const sz = fromWgs84({ lat: 22.543096, lng: 114.057865 }, 'gcj02')
    expect(sz.lat).toBeCloseTo(22.5403788, 6)
    expect(sz.lng).toBeCloseTo(114.062979, 6)
  })
  it('leaves points outside China and WGS-84 maps alone, rotates for Baidu', () => {
    expect(wgs84ToGcj02({ lat: 48.8566, lng: 2.3522 })).toEqual({ lat: 48.8566, lng: 2.3522 })
    expect(fromWgs84({ lat: 39.9, lng: 116.4 }, 'wgs84')).toEqual({ lat: 39.9, lng: 116.4 })
    const bd = gcj02ToBd09({ lat: 39.91, lng: 116.4 })
    expect(bd.lat).toBeCloseTo(39.916346, 6)
    expect(bd.lng).toBeCloseTo(116.406371, 6)
  })
  it('builds an Amap walking link in GCJ-02 whatever the map uses', () => {
    const gcj = walkingUrl({ lat: 39.91, lng: 116.4, name: '筑友驿站, 一号' }, 'gcj02')
    expect(gcj).toBe(
      `https://uri.amap.com/navigation?to=116.400000,39.910000,${encodeURIComponent('筑友驿站  一号')}&mode=walk&coordinate=gaode&callnative=1&src=unionhall`,
    )
    expect(walkingUrl({ lat: 39.908722, lng: 116.397499, name: 'A' }, 'wgs84')).toContain(
      'to=116.403743,39.910126,A&',
    )
    expect(walkingUrl({ lat: 39.916, lng: 116.4065, name: 'B' }, 'bd09')).toContain(
      'to=116.400129,39.909654,B&',
    )
  })
})

const weekdays9to18: StationSchedule = {
  weekly: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '18:00' })),
}

describe('opening hours in words', () => {
  // 2026-12-02 is a Wednesday; 10:00 UTC is 18:00 in Shanghai.
  const wedMorning = new Date('2026-12-02T01:00:00Z') // 09:00 Shanghai

  it('says when it closes today and when it opens next', () => {
    expect(
      openStateText(
        t,
        {
          openNow: true,
          alwaysOpen: false,
          nextChange: { at: '2026-12-02T12:00:00Z', open: false },
        },
        wedMorning,
      ),
    ).toBe('营业中 · 今天 20:00 关门')
    expect(
      openStateText(
        t,
        {
          openNow: false,
          alwaysOpen: false,
          nextChange: { at: '2026-12-03T00:00:00Z', open: true },
        },
        wedMorning,
      ),
    ).toBe('已关门 · 明天 08:00 开门')
    expect(
      openStateText(
        t,
        {
          openNow: false,
          alwaysOpen: false,
          nextChange: { at: '2026-12-07T00:30:00Z', open: true },
        },
        wedMorning,
      ),
    ).toBe('已关门 · 周一 08:30 开门')
    expect(
      openStateText(t, { openNow: true, alwaysOpen: true, nextChange: null }, wedMorning),
    ).toBe('24 小时开放')
  })

  it('groups weekdays with the same hours and marks nights past midnight', () => {
    expect(groupedWeeklyRows(t, weekdays9to18)).toEqual([
      ['周一至周五', '09:00–18:00'],
      ['周六至周日', '休息'],
    ])
    expect(
      groupedWeeklyRows(t, {
        weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({
          day,
          start: '22:00',
          end: '06:00',
          overnight: true,
        })),
      }),
    ).toEqual([['每天', '22:00–次日 06:00']])
    // The display follows the flag: a night is what the station marked, never a guess.
    expect(rangeText(t, { start: '20:00', end: '02:00', overnight: true })).toBe('20:00–次日 02:00')
    expect(rangeText(t, { start: '08:00', end: '24:00' })).toBe('08:00–24:00')
    expect(groupedWeeklyRows(t, { alwaysOpen: true, weekly: [] })).toEqual([['每天', '全天开放']])
  })

  it('explains holidays and lists coming special days only', () => {
    expect(holidayText(t, weekdays9to18)).toBe('法定节假日按周日时间开放')
    expect(holidayText(t, { ...weekdays9to18, holidayHours: [] })).toBe('法定节假日休息')
    expect(
      holidayText(t, { ...weekdays9to18, holidayHours: [{ start: '10:00', end: '16:00' }] }),
    ).toBe('法定节假日：10:00–16:00')
    const withExceptions: StationSchedule = {
      ...weekdays9to18,
      exceptions: [
        { date: '2026-11-30', closed: true },
        { date: '2026-12-25', hours: [{ start: '09:00', end: '12:00' }] },
        { date: '2026-12-24', closed: true },
      ],
    }
    expect(upcomingExceptions(t, withExceptions, wedMorning)).toEqual([
      '12月24日：休息',
      '12月25日：09:00–12:00',
    ])
  })
})

describe('dutyPhoneTel', () => {
  it('dials the digits, a landline’s extension after a pause', () => {
    expect(dutyPhoneTel('0931-8123456')).toBe('tel:09318123456')
    expect(dutyPhoneTel('0931-8123456-801')).toBe('tel:09318123456,801')
    expect(dutyPhoneTel('010-62345678')).toBe('tel:01062345678')
    expect(dutyPhoneTel('400-123-4567')).toBe('tel:4001234567')
    expect(dutyPhoneTel('13912345678')).toBe('tel:13912345678')
  })
})
