import type { StationMetric, StationStats } from '@unionhall/contracts'
import type { TFunction } from 'i18next'
import type { EChartOption } from '../../../components/charts/echart'

/** The five roll-up counts of the overview, by their field in a StationStats row. */
export const OVERVIEW_METRICS = [
  'stations',
  'openNow',
  'alwaysOpen',
  'checkInsToday',
  'checkInsThisWeek',
] as const
export type OverviewMetric = (typeof OVERVIEW_METRICS)[number]

export const isOverviewMetric = (v: unknown): v is OverviewMetric =>
  (OVERVIEW_METRICS as readonly unknown[]).includes(v)

/** The overview's counts with a station figure of their own (check-ins at that station). */
export const isCheckInMetric = (m: OverviewMetric): m is 'checkInsToday' | 'checkInsThisWeek' =>
  m === 'checkInsToday' || m === 'checkInsThisWeek'

/**
 * The station-list filter behind each count, for the map. The station count is of active
 * stations (closed ones are kept for history, not counted); the check-in counts keep the
 * check-ins of a station closed since, so their lists do not filter on status.
 */
export const mapFilterOf = (m: OverviewMetric): { status?: 'active'; metric?: StationMetric } => {
  switch (m) {
    case 'stations':
      return { status: 'active' }
    case 'openNow':
      return { metric: 'open_now' }
    case 'alwaysOpen':
      return { metric: 'always_open' }
    case 'checkInsToday':
      return { metric: 'checked_in_today' }
    case 'checkInsThisWeek':
      return { metric: 'checked_in_week' }
  }
}

/** What a count measures, as a noun for titles ("当前开放站点数"). */
export const measureOf = (t: TFunction, m: OverviewMetric) => t(`stations.overview.measures.${m}`)

/** One bar of the chart by child org: a child's whole subtree. */
export type ChildBar = { orgName: string; value: number }

/**
 * The chosen count per child org, largest first, and the org's own stations (those of no child)
 * as a bar named `ownName`: what the bar chart draws and, read out, its text alternative, so the
 * two cannot disagree. Without the own bar, 深圳's 43 stations of its own were missing from a
 * chart that added up to 34.
 */
export const childrenBars = (
  stats: StationStats,
  metric: OverviewMetric,
  ownName?: string,
): ChildBar[] => {
  const bars = stats.children.map((c) => ({ orgName: c.orgName, value: c[metric] }))
  const own = stats.total[metric] - bars.reduce((sum, b) => sum + b.value, 0)
  if (ownName !== undefined && own > 0) bars.push({ orgName: ownName, value: own })
  return bars.sort((a, b) => b.value - a.value)
}

/** The bar chart of childrenBars; the series is named after the count (`measureOf`). */
export const childrenChartOption = (bars: ChildBar[], seriesName: string): EChartOption => ({
  tooltip: { trigger: 'axis' },
  // One series, named by the card's title above the chart: a legend would repeat it.
  grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
  xAxis: {
    type: 'category',
    data: bars.map((b) => b.orgName),
    // Union names run to 7–10 characters: side by side, more than three ran into each other.
    // The tooltip names the bar in full.
    axisLabel: { interval: 0, rotate: bars.length > 3 ? 30 : 0, width: 110, overflow: 'truncate' },
  },
  yAxis: { type: 'value', minInterval: 1 },
  series: [{ type: 'bar', name: seriesName, data: bars.map((b) => b.value) }],
})

/**
 * Check-ins per local day over the last 14 days, one bar a day: each is a count of its own day,
 * and a line (a smoothed one even more) drew values between the days that nobody counted.
 */
export const checkInsChartOption = (t: TFunction, stats: StationStats): EChartOption => ({
  tooltip: { trigger: 'axis' },
  grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
  xAxis: {
    type: 'category',
    data: stats.checkInsByDay.map((d) => d.date.slice(5)),
  },
  yAxis: { type: 'value', minInterval: 1 },
  series: [
    {
      type: 'bar',
      name: t('stations.overview.checkIns'),
      data: stats.checkInsByDay.map((d) => d.count),
    },
  ],
})
