import type { Turnout } from '@unionhall/contracts'
import type { EChartOption } from '../../../components/charts/echart'

export type VoteBar = { name: string; number: number; votes: number; isWinner?: boolean }

/** Bars per candidate: the most votes on top. Winners are drawn in the highlight colour. */
export const votesBarOption = (
  rows: readonly VoteBar[],
  labels: { votes: string },
  colors: { bar: string; winner: string },
): EChartOption => {
  const sorted = [...rows].sort((a, b) => a.votes - b.votes || b.number - a.number)
  return {
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: sorted.map((r) => `${r.number} ${r.name}`),
      axisLabel: { width: 120, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: labels.votes,
        data: sorted.map((r) => ({
          value: r.votes,
          itemStyle: { color: r.isWinner ? colors.winner : colors.bar },
        })),
        label: { show: true, position: 'right' },
        barMaxWidth: 24,
      },
    ],
  }
}

/** The height a horizontal bar chart needs for this many bars. */
export const barChartHeight = (bars: number) => Math.max(160, Math.min(bars, 60) * 28 + 40)

/** Ballots per org, the most on top. */
export const turnoutBarOption = (
  items: readonly { orgName: string; ballots: number }[],
  labels: { ballots: string },
): EChartOption => {
  const sorted = [...items].sort((a, b) => a.ballots - b.ballots)
  return {
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: sorted.map((i) => i.orgName),
      axisLabel: { width: 140, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: labels.ballots,
        data: sorted.map((i) => i.ballots),
        label: { show: true, position: 'right' },
        barMaxWidth: 24,
      },
    ],
  }
}

type TurnoutItem = Turnout['items'][number]
export type TurnoutRow = TurnoutItem & { children?: TurnoutRow[] }

/** The flat pre-order list as a tree for the table (children only where there are some). */
export const turnoutTree = (items: readonly TurnoutItem[]): TurnoutRow[] => {
  const rows = new Map<string, TurnoutRow>(items.map((i) => [i.orgId, { ...i }]))
  const roots: TurnoutRow[] = []
  for (const i of items) {
    const row = rows.get(i.orgId)!
    const parent = i.parentId ? rows.get(i.parentId) : undefined
    if (parent) (parent.children ??= []).push(row)
    else roots.push(row)
  }
  return roots
}
