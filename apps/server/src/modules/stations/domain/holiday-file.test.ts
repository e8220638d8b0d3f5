import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  addCnHolidayYears,
  cnHolidayCalendar,
  cnHolidayCalendarEndsOn,
  cnHolidayCalendarLastYear,
  holidayCalendarWarning,
} from './cn-holidays'
import { readHolidayFile } from './holiday-file'
import type { HolidayYear } from './schedule'

// A test fixture in the notice's shape, NOT the State Council's 2027 calendar.
const FIXTURE_2027: HolidayYear = {
  year: 2027,
  source: 'test fixture (not a published notice)',
  holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }],
  workdays: ['2027-01-09'],
}

const fileWith = (content: string) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'uh-holidays-')), 'holidays.json')
  writeFileSync(file, content)
  return file
}

describe('HOLIDAYS_FILE', () => {
  it('reads years in the shape of cn-holidays.ts', () => {
    expect(readHolidayFile(fileWith(JSON.stringify([FIXTURE_2027])))).toEqual([FIXTURE_2027])
  })

  it('explains what is wrong with a bad file, with the place of each problem', () => {
    expect(() => readHolidayFile(fileWith('{not json'))).toThrow(/HOLIDAYS_FILE .*JSON/)
    const bad = [
      { ...FIXTURE_2027, holidays: [{ name: '元旦', from: '2027-1-1', to: '2027-01-03' }] },
    ]
    expect(() => readHolidayFile(fileWith(JSON.stringify(bad)))).toThrow(
      /holidays\.0\.from: a date YYYY-MM-DD/,
    )
    expect(() => readHolidayFile(fileWith('[]'))).toThrow(/HOLIDAYS_FILE/)
  })
})

// These run in order: the calendar is module state (this file's own, in vitest).
describe('adding published years to the national calendar', () => {
  it('warns the operators 45 days before the calendar runs out, not earlier', () => {
    expect(cnHolidayCalendarLastYear()).toBe(2026)
    expect(cnHolidayCalendarEndsOn()).toBe('2026-12-31')
    expect(holidayCalendarWarning(new Date('2026-11-01T00:00:00Z'))).toBeNull()
    expect(holidayCalendarWarning(new Date('2026-11-30T00:00:00Z'))).toMatch(
      /ends on 2026-12-31.*2027 notice.*HOLIDAYS_FILE/,
    )
    expect(cnHolidayCalendar.kindOf('2027-01-01')).toBeUndefined()
  })

  it('refuses contradictory data and a date outside its year, adding nothing', () => {
    expect(() => addCnHolidayYears([{ ...FIXTURE_2027, workdays: ['2027-01-02'] }])).toThrow(
      /both a holiday and a workday/,
    )
    expect(() => addCnHolidayYears([{ ...FIXTURE_2027, workdays: ['2029-03-01'] }])).toThrow(
      /not a date of 2027/,
    )
    expect(() => addCnHolidayYears([{ ...FIXTURE_2027, year: 2026 }])).toThrow(/already has 2026/)
    expect(cnHolidayCalendarLastYear()).toBe(2026)
    expect(cnHolidayCalendarEndsOn()).toBe('2026-12-31')
    expect(cnHolidayCalendar.kindOf('2027-01-01')).toBeUndefined()
  })

  it('adds a year: its holidays and make-up workdays count, and the warning stops', () => {
    addCnHolidayYears([FIXTURE_2027])
    expect(cnHolidayCalendar.kindOf('2027-01-02')).toBe('holiday')
    expect(cnHolidayCalendar.kindOf('2027-01-09')).toBe('workday')
    expect(cnHolidayCalendar.kindOf('2026-10-01')).toBe('holiday')
    expect(cnHolidayCalendarEndsOn()).toBe('2027-12-31')
    expect(holidayCalendarWarning(new Date('2026-11-30T00:00:00Z'))).toBeNull()
    // The same data again (a second app in one process) is fine; other data for it is not.
    addCnHolidayYears([FIXTURE_2027])
    expect(() =>
      addCnHolidayYears([
        { ...FIXTURE_2027, holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01' }] },
      ]),
    ).toThrow(/already has 2027/)
  })

  it('ends before the first missing year: a later year past a gap does not move the end', () => {
    addCnHolidayYears([
      {
        ...FIXTURE_2027,
        year: 2029,
        holidays: [{ name: '元旦', from: '2029-01-01', to: '2029-01-01' }],
        workdays: [],
      },
    ])
    expect(cnHolidayCalendarLastYear()).toBe(2029)
    expect(cnHolidayCalendarEndsOn()).toBe('2027-12-31')
    // The operators are told about the missing 2028, not about 2030.
    expect(holidayCalendarWarning(new Date('2027-12-01T00:00:00Z'))).toMatch(
      /ends on 2027-12-31.*2028 notice/,
    )
  })
})
