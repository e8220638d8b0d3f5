import type { StationStats } from '@unionhall/contracts'
import type { TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import {
  checkInsChartOption,
  childrenBars,
  childrenChartOption,
  isOverviewMetric,
  mapFilterOf,
  OVERVIEW_METRICS,
} from './stats-charts'

const t = ((key: string) => key) as unknown as TFunction
const row = (orgName: string, stations: number, openNow: number, checkInsToday = 0) => ({
  orgId: `id-${orgName}`,
  orgName,
  stations,
  openNow,
  alwaysOpen: 0,
  checkInsToday,
  checkInsThisWeek: 0,
})
const stats: StationStats = {
  total: row('深圳市总工会', 73, 47, 9),
  children: [row('龙岗区总工会', 33, 21, 8), row('南山区总工会', 40, 26, 1)],
  checkInsByDay: [
    { date: '2026-11-29', count: 4 },
    { date: '2026-11-30', count: 7 },
  ],
}

type Bars = { name: string; data: number[] }[]
const categories = (option: ReturnType<typeof childrenChartOption>) =>
  (option.xAxis as { data: string[] }).data
const chartOf = (metric: Parameters<typeof childrenBars>[1]) =>
  childrenChartOption(childrenBars(stats, metric), `measure of ${metric}`)

describe('station roll-up charts', () => {
  it('draws the station count per child org, largest first', () => {
    const option = chartOf('stations')
    const series = option.series as Bars
    expect(series.map((s) => s.name)).toEqual(['measure of stations'])
    expect(categories(option)).toEqual(['南山区总工会', '龙岗区总工会'])
    expect(series[0]!.data).toEqual([40, 33])
  })

  it('adds the org’s own stations (those of no child) as a bar of their own', () => {
    const bars = childrenBars(stats, 'stations', '深圳市总工会（本级）')
    expect(bars).toEqual([
      { orgName: '南山区总工会', value: 40 },
      { orgName: '龙岗区总工会', value: 33 },
    ])
    const withOwn = childrenBars(
      { ...stats, total: row('深圳市总工会', 77, 50) },
      'stations',
      '本级',
    )
    expect(withOwn).toEqual([
      { orgName: '南山区总工会', value: 40 },
      { orgName: '龙岗区总工会', value: 33 },
      { orgName: '本级', value: 4 },
    ])
  })

  it('turns the names once more than three bars would run into each other', () => {
    const label = (n: number) =>
      (
        childrenChartOption(
          Array.from({ length: n }, (_, i) => ({ orgName: `第${i}个市总工会`, value: i })),
          'm',
        ).xAxis as { axisLabel: { rotate: number } }
      ).axisLabel.rotate
    expect(label(3)).toBe(0)
    expect(label(6)).toBe(30)
  })

  it('draws the selected count instead, named after it and ordered by it', () => {
    const option = chartOf('checkInsToday')
    const series = option.series as Bars
    expect(series).toHaveLength(1)
    expect(series[0]!.name).toBe('measure of checkInsToday')
    // 龙岗 has fewer stations but more check-ins today: it comes first now.
    expect(categories(option)).toEqual(['龙岗区总工会', '南山区总工会'])
    expect(series[0]!.data).toEqual([8, 1])
    expect((chartOf('openNow').series as Bars)[0]!.data).toEqual([26, 21])
    expect(childrenBars(stats, 'openNow')).toEqual([
      { orgName: '南山区总工会', value: 26 },
      { orgName: '龙岗区总工会', value: 21 },
    ])
  })

  it('maps each count to the station filter behind it', () => {
    expect(OVERVIEW_METRICS.map(mapFilterOf)).toEqual([
      { status: 'active' },
      { metric: 'open_now' },
      { metric: 'always_open' },
      { metric: 'checked_in_today' },
      { metric: 'checked_in_week' },
    ])
    expect(isOverviewMetric('openNow')).toBe(true)
    expect(isOverviewMetric('open_now')).toBe(false)
    expect(isOverviewMetric(null)).toBe(false)
  })

  it('draws check-ins per day as one bar a day, nothing drawn between the days', () => {
    const option = checkInsChartOption(t, stats)
    const series = option.series as Record<string, unknown>[]
    expect(series).toHaveLength(1)
    const [day] = series
    expect(day!.type).toBe('bar')
    expect(day!.data).toEqual([4, 7])
    expect(day!.smooth).toBeUndefined()
    // Bars sit on their category, not on its edges as a line's points did.
    expect((option.xAxis as { boundaryGap?: boolean }).boundaryGap).not.toBe(false)
    expect(categories(option)).toEqual(['11-29', '11-30'])
  })
})
