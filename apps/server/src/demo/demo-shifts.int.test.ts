import type { Coverage, ShiftList, StationListItem } from '@unionhall/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACCOUNTS, buildTestApp, type TestApp } from '../../test/build-test-app'

let t: TestApp
afterAll(() => t.close())
beforeAll(async () => {
  t = await buildTestApp()
})

describe('the demo roster (seedDemoShifts, run by the demo seed)', () => {
  it('gives 筑友驿站 a two-week roster with a few uncovered gaps', async () => {
    const admin = await t.loginAs(ACCOUNTS.platformAdmin)
    const page = await admin.request({
      method: 'GET',
      url: `/api/v1/stations?q=${encodeURIComponent('筑友驿站（龙岗区耳鼻咽喉医院项目）')}`,
    })
    const station = page.json<{ items: StationListItem[] }>().items[0]!
    const list = await admin.request({
      method: 'GET',
      url: `/api/v1/stations/${station.id}/shifts`,
    })
    const items = list.json<ShiftList>().items
    expect(items.length).toBeGreaterThan(20)
    expect(new Set(items.map((s) => s.role))).toEqual(new Set(['staff', 'party_volunteer']))
    expect(new Set(items.map((s) => s.memberName)).size).toBe(5)

    const cov = await admin.request({
      method: 'GET',
      url: `/api/v1/stations/${station.id}/coverage?days=14`,
    })
    const c = cov.json<Coverage>()
    // Gaps: day 3's afternoon, day 8's first two hours, all of day 12 (plus what today has passed).
    expect(c.uncovered.length).toBeGreaterThanOrEqual(3)
    expect(c.coveredPercent).toBeGreaterThan(70)
    expect(c.coveredPercent).toBeLessThan(100)
    expect(c.intervals.some((i) => i.staffCount === 2)).toBe(true)
  })
})
