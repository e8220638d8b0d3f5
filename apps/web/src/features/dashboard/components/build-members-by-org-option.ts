import type { EChartOption } from '../../../components/charts/echart'

export type OrgCount = { name: string; count: number }

/**
 * A horizontal bar chart of members per child org, largest first. Pure: no DOM, no theme;
 * the chart wrapper adds colours from the AntD tokens.
 */
export const buildMembersByOrgOption = (
  rows: OrgCount[],
  seriesName: string,
  maxBars = 12,
): EChartOption => {
  const top = [...rows].sort((a, b) => b.count - a.count).slice(0, maxBars)
  // ECharts draws category axes bottom-up; reverse so the largest bar is on top.
  const ordered = [...top].reverse()
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: ordered.map((r) => r.name),
      axisLabel: { width: 140, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: seriesName,
        data: ordered.map((r) => r.count),
        barMaxWidth: 24,
        label: { show: true, position: 'right' },
      },
    ],
  }
}
