import type { Station } from '@unionhall/contracts'
import { describe, expect, it } from 'vitest'
import { i18n } from '../../../lib/i18n'
import '../../../test/setup'
import { ApiError } from '../../../lib/api-error'
import {
  checkCreate,
  checkUpdate,
  codeOrText,
  defaultValues,
  formNameOf,
  scheduleOf,
  serverFieldErrors,
  type StationFormValues,
  valuesOf,
} from './station-form-model'

const t = i18n.t.bind(i18n)
const ORG = '01a2270b-7d6a-7c12-abf4-7ce3e28e9562'

const filled = (over: Partial<StationFormValues> = {}): StationFormValues => ({
  ...defaultValues(ORG),
  name: '龙岗坂田环卫驿站',
  kind: 'sanitation',
  address: '深圳市龙岗区坂田街道五和大道 1 号',
  lat: 22.6271,
  lng: 114.0655,
  contactName: '王师傅',
  contactMobile: '13800000009',
  ...over,
})

const station: Station = {
  id: '01a2270b-9000-7000-8000-00000000a001',
  orgId: ORG,
  orgName: '龙岗区总工会',
  name: '坂田驿站',
  kind: 'union_love_station',
  status: 'active',
  closedReason: null,
  address: '坂田街道 1 号',
  lat: 22.62,
  lng: 114.06,
  schedule: {
    weekly: [{ day: 5, start: '22:00', end: '06:00', overnight: true }],
    holidayHours: [],
    makeUpWorkdayAs: 2,
    exceptions: [{ date: '2026-10-01', closed: true }],
  },
  capacity: 12,
  amenities: ['microwave', 'wifi'],
  zones: [{ kind: 'medical' }],
  contactName: '李站长',
  contactMobileMasked: '138****0009',
  dutyPhone: null,
  photos: [],
  services: [{ kind: 'legal_aid', title: '法律咨询', dates: ['2026-12-05'] }],
  description: '',
  openNow: false,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
}

describe('formNameOf', () => {
  it('maps API paths (with or without body./schedule.) to form fields', () => {
    expect(formNameOf('schedule.weekly.2.end')).toEqual(['schedule', 'weekly', 2, 'end'])
    expect(formNameOf('weekly.2.start')).toEqual(['schedule', 'weekly', 2, 'start'])
    expect(formNameOf('body.lat')).toEqual(['lat'])
    expect(formNameOf('body.schedule.holidayHours.0.start')).toEqual([
      'schedule',
      'holidayHours',
      0,
      'start',
    ])
  })

  it('puts a problem of a whole row on its main field', () => {
    expect(formNameOf('weekly.3')).toEqual(['schedule', 'weekly', 3, 'end'])
    expect(formNameOf('exceptions.1.hours')).toEqual(['schedule', 'exceptions', 1, 'date'])
    expect(formNameOf('exceptions.1.hours.0')).toEqual([
      'schedule',
      'exceptions',
      1,
      'hours',
      0,
      'end',
    ])
    expect(formNameOf('services.0.dates.3')).toEqual(['services', 0, 'dates'])
    expect(formNameOf(['zones', 1])).toEqual(['zones', 1, 'kind'])
    expect(formNameOf('holidayHours')).toEqual(['schedule', 'holidayMode'])
  })

  it('has no field for unknown or list-level paths', () => {
    expect(formNameOf('')).toBeNull()
    expect(formNameOf('zones')).toBeNull()
    expect(formNameOf('nothing.here')).toBeNull()
  })
})

describe('checkCreate', () => {
  it('builds the body with the coordinate system (GCJ-02 by default)', () => {
    const r = checkCreate(t, filled())
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.body.coordSystem).toBe('gcj02')
    expect(r.body.lat).toBe(22.6271)
    expect(r.body.schedule.weekly).toHaveLength(7)
    expect(r.body.schedule.holidayHours).toBeNull()
  })

  it('refuses a period whose end equals its start, on that row', () => {
    const v = filled()
    v.schedule.weekly[2] = { day: 3, start: '09:00', end: '09:00' }
    const r = checkCreate(t, v)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors).toContainEqual({
      name: ['schedule', 'weekly', 2, 'end'],
      errors: ['开始和结束时间不能相同；全天开放请填 00:00–24:00'],
    })
  })

  it('accepts an end before the start when "ends next day" is ticked, and 24:00', () => {
    const v = filled()
    v.schedule.weekly = [
      { day: 5, start: '22:00', end: '06:00', overnight: true },
      { day: 6, start: '00:00', end: '24:00', overnight: false },
    ]
    const r = checkCreate(t, v)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    // The flag travels only where it is ticked.
    expect(r.body.schedule.weekly).toEqual([
      { day: 5, start: '22:00', end: '06:00', overnight: true },
      { day: 6, start: '00:00', end: '24:00' },
    ])
  })

  it('refuses an end before the start without "ends next day", on the end field', () => {
    const v = filled()
    v.schedule.weekly[0] = { day: 1, start: '17:00', end: '08:00' } // typed for 08:00–17:00
    v.schedule.holidayMode = 'custom'
    v.schedule.holidayHours = [{ start: '20:00', end: '02:00', overnight: false }]
    v.schedule.exceptions = [
      { date: '2026-12-24', mode: 'hours', hours: [{ start: '18:00', end: '01:00' }] },
    ]
    const r = checkCreate(t, v)
    expect(r.ok).toBe(false)
    if (r.ok) return
    const message = '结束时间早于开始时间；如果营业到第二天，请勾选“至次日”'
    expect(r.errors).toEqual(
      expect.arrayContaining([
        { name: ['schedule', 'weekly', 0, 'end'], errors: [message] },
        { name: ['schedule', 'holidayHours', 0, 'end'], errors: [message] },
        { name: ['schedule', 'exceptions', 0, 'hours', 0, 'end'], errors: [message] },
      ]),
    )
    expect(r.errors).toHaveLength(3)
    expect(i18n.getFixedT('en')('stations.problems.PERIOD_ENDS_BEFORE_START')).toMatch(
      /earlier than the start.*Ends next day/,
    )
  })

  it('refuses "ends next day" on a period that ends later the same day', () => {
    const v = filled()
    v.schedule.weekly[0] = { day: 1, start: '08:00', end: '17:00', overnight: true }
    v.schedule.weekly[1] = { day: 2, start: '08:00', end: '24:00', overnight: true }
    const r = checkCreate(t, v)
    expect(r.ok).toBe(false)
    if (r.ok) return
    const message = '勾选“至次日”时，结束时间应早于开始时间（在第二天结束）'
    expect(r.errors).toEqual([
      { name: ['schedule', 'weekly', 0, 'overnight'], errors: [message] },
      { name: ['schedule', 'weekly', 1, 'overnight'], errors: [message] },
    ])
  })

  it('refuses coordinates out of range and badly written times', () => {
    const v = filled({ lat: 91, lng: -181 })
    v.schedule.weekly[0] = { day: 1, start: '8:00', end: '18:00' }
    const r = checkCreate(t, v)
    expect(r.ok).toBe(false)
    if (r.ok) return
    const byName = Object.fromEntries(r.errors.map((e) => [e.name.join('.'), e.errors[0]]))
    expect(byName.lat).toBe('纬度须在 -90 到 90 之间')
    expect(byName.lng).toBe('经度须在 -180 到 180 之间')
    expect(byName['schedule.weekly.0.start']).toBe('请按 HH:MM 填写，如 08:30')
  })

  it('sends no weekly periods or holiday hours for a 24-hour station', () => {
    const v = filled()
    v.schedule.alwaysOpen = true
    v.schedule.holidayMode = 'custom'
    const s = scheduleOf(v.schedule)
    expect(s).toEqual({ alwaysOpen: true, weekly: [], makeUpWorkdayAs: 1, exceptions: [] })
  })
})

describe('checkUpdate', () => {
  it('round-trips a stored station and sends neither coordinates nor mobile unchanged', () => {
    const r = checkUpdate(t, valuesOf(station), station)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.body).not.toHaveProperty('lat')
    expect(r.body).not.toHaveProperty('contactMobile')
    expect(r.body.schedule).toEqual({ alwaysOpen: false, ...station.schedule })
    expect(r.body.services).toEqual(station.services)
  })

  it('sends the duty phone as stored, canonical when retyped, and null once cleared', () => {
    const stored = { ...station, dutyPhone: '0931-8123456-801' }
    expect(valuesOf(stored).dutyPhone).toBe('0931-8123456-801')
    const same = checkUpdate(t, valuesOf(stored), stored)
    expect(same.ok && same.body.dutyPhone).toBe('0931-8123456-801')
    const typed = checkUpdate(t, { ...valuesOf(stored), dutyPhone: ' 400 123 4567 ' }, stored)
    expect(typed.ok && typed.body.dutyPhone).toBe('400-123-4567')
    const cleared = checkUpdate(t, { ...valuesOf(stored), dutyPhone: '  ' }, stored)
    expect(cleared.ok && cleared.body.dutyPhone).toBeNull()
    const bad = checkUpdate(t, { ...valuesOf(stored), dutyPhone: '8123456' }, stored)
    expect(bad).toEqual({
      ok: false,
      errors: [{ name: ['dutyPhone'], errors: [t('errors.STATION_DUTY_PHONE_INVALID')] }],
    })
    // The server's refusal lands on the field too.
    const error = new ApiError('VALIDATION_FAILED', 400, 'x', [
      { path: 'body.dutyPhone', message: 'STATION_DUTY_PHONE_INVALID' },
    ])
    expect(serverFieldErrors(t, error).fields).toEqual([
      { name: ['dutyPhone'], errors: [t('errors.STATION_DUTY_PHONE_INVALID')] },
    ])
  })

  it('sends new coordinates with their system', () => {
    const v = { ...valuesOf(station), coordSystem: 'bd09' as const, lat: 22.63, lng: 114.07 }
    const r = checkUpdate(t, v, station)
    expect(r.ok && r.body).toMatchObject({ lat: 22.63, lng: 114.07, coordSystem: 'bd09' })
  })
})

describe('serverFieldErrors', () => {
  it('puts the server\'s overnight problems on the end field and on the "ends next day" box', () => {
    const error = new ApiError('VALIDATION_FAILED', 400, 'invalid', [
      { path: 'schedule.weekly.0.end', code: 'PERIOD_ENDS_BEFORE_START', message: 'ends before' },
      { path: 'schedule.weekly.1.overnight', code: 'OVERNIGHT_INVALID', message: 'same day' },
    ])
    expect(serverFieldErrors(t, error).fields).toEqual([
      {
        name: ['schedule', 'weekly', 0, 'end'],
        errors: ['结束时间早于开始时间；如果营业到第二天，请勾选“至次日”'],
      },
      {
        name: ['schedule', 'weekly', 1, 'overnight'],
        errors: ['勾选“至次日”时，结束时间应早于开始时间（在第二天结束）'],
      },
    ])
  })

  it('puts schedule problems on their fields and names the overlapped row', () => {
    const error = new ApiError('VALIDATION_FAILED', 400, 'weekly.1: overlaps weekly.0', [
      { path: 'weekly.1', code: 'PERIOD_OVERLAP', message: 'overlaps weekly.0' },
      { path: 'lat', message: 'must be between -90 and 90' },
      { path: 'somewhere', message: 'odd' },
    ])
    const r = serverFieldErrors(t, error)
    expect(r.fields).toEqual([
      { name: ['schedule', 'weekly', 1, 'end'], errors: ['与第 1 行的时段重叠'] },
      { name: ['lat'], errors: ['must be between -90 and 90'] },
    ])
    expect(r.unplaced).toEqual(['somewhere: odd'])
  })

  it('ignores other errors', () => {
    expect(serverFieldErrors(t, new ApiError('STATION_NOT_FOUND', 404, 'x'))).toEqual({
      fields: [],
      unplaced: [],
    })
  })
})

describe('codeOrText', () => {
  it('translates a message that is an error code and keeps plain text', () => {
    expect(codeOrText(t, 'MEMBER_MOBILE_INVALID')).toBe('请输入正确的 11 位手机号')
    expect(codeOrText(t, 'SOMETHING_UNKNOWN')).toBe('SOMETHING_UNKNOWN')
    expect(codeOrText(t, 'no such org')).toBe('no such org')
  })
})
