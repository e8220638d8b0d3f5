import type { StationStats } from '@unionhall/contracts'
import type { TFunction } from 'i18next'
import type { EChartOption } from '../../../components/charts/echart'

/** Stations per child org (each child's whole subtree), with how many are open now. */
export const childrenChartOption = (t: TFunction, stats: StationStats): EChartOption => {
  const rows = [...stats.children].sort((a, b) => b.stations - a.stations)
  return {
    tooltip: { trigger: 'axis' },
    // Two bars per org (all stations, open now): without a legend the second colour meant nothing.
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.orgName),
      axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', name: t('stations.overview.stations'), data: rows.map((r) => r.stations) },
      { type: 'bar', name: t('stations.overview.openNow'), data: rows.map((r) => r.openNow) },
    ],
  }
}

/** Check-ins per local day over the last 14 days. */
export const checkInsChartOption = (t: TFunction, stats: StationStats): EChartOption => ({
  tooltip: { trigger: 'axis' },
  grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
  xAxis: {
    type: 'category',
    boundaryGap: false,
    data: stats.checkInsByDay.map((d) => d.date.slice(5)),
  },
  yAxis: { type: 'value', minInterval: 1 },
  series: [
    {
      type: 'line',
      name: t('stations.overview.checkIns'),
      smooth: true,
      // Counts: the curve must not dip between two days below the lower of them.
      smoothMonotone: 'x',
      areaStyle: {},
      data: stats.checkInsByDay.map((d) => d.count),
    },
  ],
})
