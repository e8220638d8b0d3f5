import type { WishReport } from '@unionhall/contracts'
import type { TFunction } from 'i18next'
import type { EChartOption } from '../../../components/charts/echart'

const grid = { left: 8, right: 16, top: 24, bottom: 8, containLabel: true }
/** Charts with more than one series name their colours in a legend above the plot. */
const legend = { top: 0 }
const gridBelowLegend = { ...grid, top: 40 }

const bars = (labels: string[], name: string, data: number[]): EChartOption => ({
  tooltip: { trigger: 'axis' },
  grid,
  xAxis: {
    type: 'category',
    data: labels,
    axisLabel: { interval: 0, rotate: labels.length > 5 ? 30 : 0 },
  },
  yAxis: { type: 'value', minInterval: 1 },
  series: [{ type: 'bar', name, data }],
})

export const statusChartOption = (t: TFunction, r: WishReport): EChartOption =>
  bars(
    r.byStatus.map((s) => t(`wishes.status.${s.status}`)),
    t('wishes.reports.wishes'),
    r.byStatus.map((s) => s.count),
  )

export const categoryChartOption = (t: TFunction, r: WishReport): EChartOption =>
  bars(
    r.byCategory.map((c) => t(`wishes.category.${c.category}`)),
    t('wishes.reports.wishes'),
    r.byCategory.map((c) => c.count),
  )

/** The org's own wishes and each child's subtree, by how far they got. */
export const orgChartOption = (t: TFunction, r: WishReport): EChartOption => {
  const labels = r.byOrg.map((o) =>
    o.own ? t('wishes.reports.own', { name: o.orgName }) : o.orgName,
  )
  const series = (['total', 'claimed', 'confirmed'] as const).map((key) => ({
    type: 'bar' as const,
    name: t(`wishes.reports.orgSeries.${key}`),
    data: r.byOrg.map((o) => o[key]),
  }))
  return {
    tooltip: { trigger: 'axis' },
    legend,
    grid: gridBelowLegend,
    xAxis: {
      type: 'category',
      data: labels,
      axisLabel: { interval: 0, rotate: labels.length > 5 ? 30 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series,
  }
}

/** Stations with the most wishes (at most 15; the rest are in the .xlsx). */
export const stationChartOption = (t: TFunction, r: WishReport): EChartOption => {
  const rows = r.byStation.slice(0, 15)
  const labels = rows.map((s) => s.stationName ?? t('wishes.reports.noStation'))
  return {
    tooltip: { trigger: 'axis' },
    legend,
    grid: gridBelowLegend,
    xAxis: {
      type: 'category',
      data: labels,
      axisLabel: { interval: 0, rotate: labels.length > 5 ? 30 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', name: t('wishes.reports.orgSeries.total'), data: rows.map((s) => s.total) },
      {
        type: 'bar',
        name: t('wishes.reports.orgSeries.confirmed'),
        data: rows.map((s) => s.confirmed),
      },
    ],
  }
}

/** "12.5 h" or "—" when nothing was measured. */
export const hoursText = (t: TFunction, hours: number | null) =>
  hours === null ? '—' : t('wishes.reports.hours', { hours })
