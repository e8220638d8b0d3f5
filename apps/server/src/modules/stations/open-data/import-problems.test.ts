import { readFileSync } from 'node:fs'
import { CreateStationBodySchema } from '@unionhall/contracts'
import { describe, expect, it } from 'vitest'
import { type Schedule, validateSchedule } from '../domain/schedule'
import {
  IMPORT_PROBLEM_CODES,
  importProblem,
  problemOfIssue,
  scheduleImportProblems,
} from './import-problems'

describe('import problem texts', () => {
  it('are the web’s zh-CN texts, so the console and the API say the same', () => {
    const zh = JSON.parse(
      readFileSync(
        new URL('../../../../../../apps/web/src/locales/zh-CN.json', import.meta.url),
        'utf8',
      ),
    ) as { stations: { import: { problems: Record<string, string> } } }
    const web = zh.stations.import.problems
    expect(Object.keys(web).sort()).toEqual([...IMPORT_PROBLEM_CODES].sort())
    for (const code of IMPORT_PROBLEM_CODES) {
      const names = [...web[code]!.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!)
      const params = Object.fromEntries(names.map((n) => [n, `<${n}>`]))
      expect(importProblem('', code, params).message, code).toBe(
        web[code]!.replace(/\{\{(\w+)\}\}/g, (_m, n: string) => `<${n}>`),
      )
    }
  })
})

describe(problemOfIssue.name, () => {
  it('names a bad time of a schedule by its value at the column, the same for every weekday', () => {
    const body = {
      schedule: {
        weekly: [1, 2, 3].map((day) => ({ day, start: '08:00', end: '25:00' })),
        exceptions: [{ date: '2026-12-31', hours: [{ start: '9:00', end: '12:00' }] }],
      },
    }
    const parsed = CreateStationBodySchema.safeParse(body)
    expect(parsed.success).toBe(false)
    const problems = parsed
      .error!.issues.filter((i) => i.path[0] === 'schedule')
      .map((i) => problemOfIssue(i, body))
    expect(new Set(problems.map((p) => `${p.path} ${p.code} ${p.message}`))).toEqual(
      new Set([
        'schedule TIME_VALUE_INVALID 25:00 不是有效时间（应为 00:00–24:00 之间的 HH:MM，如 08:30）',
        'schedule.exceptions TIME_VALUE_INVALID 9:00 不是有效时间（应为 00:00–24:00 之间的 HH:MM，如 08:30）',
      ]),
    )
  })
})

describe(scheduleImportProblems.name, () => {
  it('names the periods of a problem as the sheet writes them, not by path', () => {
    const schedule: Schedule = {
      weekly: [
        { day: 3, start: '08:00', end: '12:00' },
        { day: 3, start: '10:00', end: '14:00' },
        { day: 5, start: '09:00', end: '09:00' },
      ],
      holidayHours: [
        { start: '09:00', end: '13:00' },
        { start: '12:00', end: '15:00' },
      ],
      exceptions: [
        { date: '2025-10-01', hours: [{ start: '08:00', end: '20:00', overnight: true }] },
      ],
    }
    const problems = scheduleImportProblems(schedule, validateSchedule(schedule))
    expect(problems.map((p) => [p.path, p.code, p.message])).toEqual([
      [
        'schedule.weekly.2',
        'PERIOD_EMPTY',
        '周五 09:00-09:00 的开始和结束时间相同；全天开放请写 00:00-24:00',
      ],
      [
        'schedule.weekly.1',
        'PERIOD_OVERLAP',
        '周三 10:00-14:00 与 周三 08:00-12:00 的时间重叠，请合并成一段或改正时间',
      ],
      [
        'schedule.holidayHours.1',
        'PERIOD_OVERLAP',
        '节假日 12:00-15:00 与 节假日 09:00-13:00 的时间重叠，请合并成一段或改正时间',
      ],
      [
        'schedule.exceptions.0.hours.0.overnight',
        'OVERNIGHT_INVALID',
        '2025-10-01 08:00-次日20:00 写了“次日”，但结束时间并不早于开始时间；当天结束的时段请去掉“次日”',
      ],
    ])
  })
})

describe(problemOfIssue.name, () => {
  it('words body checks by field: blank, too long, out of range, not a mobile or a phone', () => {
    const body = {
      orgId: '0190a0a0-0000-7000-8000-000000000001',
      name: ' ',
      kind: 'other',
      address: '路'.repeat(201),
      lat: 122.5,
      lng: 36.1,
      schedule: { weekly: [] },
      capacity: 0,
      contactName: '王',
      contactMobile: '1391234',
      dutyPhone: '8123456',
    }
    const r = CreateStationBodySchema.safeParse(body)
    expect(r.success).toBe(false)
    const codes = r.success ? [] : r.error.issues.map((i) => problemOfIssue(i, body))
    expect(codes.map((p) => `${p.path} ${p.code}`)).toEqual([
      'name REQUIRED',
      'address TEXT_TOO_LONG',
      'lat LAT_RANGE',
      'capacity CAPACITY_RANGE',
      'contactMobile MOBILE_INVALID',
      'dutyPhone DUTY_PHONE_INVALID',
    ])
    expect(codes[5]!.message).toMatch(/^“8123456”不是正确的值班电话，请填写带区号的固定电话/)
    expect(codes[1]!.params).toEqual({ max: 200 })
    expect(codes[2]!.message).toContain('纬度 122.5 不在 -90 到 90 之间')
  })
})
