import type { StationStats } from '@unionhall/contracts'
import type { TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import { childrenChartOption, checkInsChartOption } from './stats-charts'

const t = ((key: string) => key) as unknown as TFunction
const row = (orgName: string, stations: number, openNow: number) => ({
  orgId: `id-${orgName}`,
  orgName,
  stations,
  openNow,
  alwaysOpen: 0,
  checkInsToday: 0,
  checkInsThisWeek: 0,
})
const stats: StationStats = {
  total: row('深圳市总工会', 73, 47),
  children: [row('龙岗区总工会', 33, 21), row('南山区总工会', 40, 26)],
  checkInsByDay: [
    { date: '2026-11-29', count: 4 },
    { date: '2026-11-30', count: 7 },
  ],
}

describe('station roll-up charts', () => {
  it('names both bars of each org in a legend, largest org first', () => {
    const option = childrenChartOption(t, stats)
    expect(option.legend).toBeTruthy()
    const series = option.series as { name: string; data: number[] }[]
    expect(series.map((s) => s.name)).toEqual([
      'stations.overview.stations',
      'stations.overview.openNow',
    ])
    expect(series[0]!.data).toEqual([40, 33])
    expect(series[1]!.data).toEqual([26, 21])
  })

  it('draws check-ins per day without a curve dipping between two days', () => {
    const option = checkInsChartOption(t, stats)
    const [line] = option.series as { smoothMonotone?: string; data: number[] }[]
    expect(line!.smoothMonotone).toBe('x')
    expect(line!.data).toEqual([4, 7])
  })
})
