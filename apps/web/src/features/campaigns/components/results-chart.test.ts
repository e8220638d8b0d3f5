import { describe, expect, it } from 'vitest'
import { barChartHeight, turnoutBarOption, turnoutTree, votesBarOption } from './results-chart'

const colors = { bar: '#1677ff', winner: '#faad14' }

describe('votesBarOption', () => {
  const rows = [
    { name: '张三', number: 1, votes: 120, isWinner: true },
    { name: '李四', number: 2, votes: 300, isWinner: true },
    { name: '王五', number: 3, votes: 80, isWinner: false },
  ]

  it('puts the most votes on top (last category of a horizontal bar chart)', () => {
    const option = votesBarOption(rows, { votes: '票数' }, colors)
    const yAxis = option.yAxis as { data: string[] }
    expect(yAxis.data).toEqual(['3 王五', '1 张三', '2 李四'])
    const series = option.series as { name: string; data: { value: number }[] }[]
    expect(series[0]?.name).toBe('票数')
    expect(series[0]?.data.map((d) => d.value)).toEqual([80, 120, 300])
  })

  it('draws winners in the highlight colour', () => {
    const option = votesBarOption(rows, { votes: '票数' }, colors)
    const series = option.series as { data: { itemStyle: { color: string } }[] }[]
    expect(series[0]?.data.map((d) => d.itemStyle.color)).toEqual([
      colors.bar,
      colors.winner,
      colors.winner,
    ])
  })

  it('does not reorder its input and handles no rows', () => {
    votesBarOption(rows, { votes: '票数' }, colors)
    expect(rows[0]?.name).toBe('张三')
    const empty = votesBarOption([], { votes: '票数' }, colors)
    expect((empty.yAxis as { data: string[] }).data).toEqual([])
  })

  it('breaks equal votes by candidate number', () => {
    const tied = [
      { name: 'A', number: 2, votes: 5 },
      { name: 'B', number: 1, votes: 5 },
    ]
    const option = votesBarOption(tied, { votes: 'v' }, colors)
    expect((option.yAxis as { data: string[] }).data).toEqual(['2 A', '1 B'])
  })
})

describe('turnoutBarOption', () => {
  it('sorts orgs by ballots', () => {
    const option = turnoutBarOption(
      [
        { orgName: '兰州市总工会', ballots: 50 },
        { orgName: '天水市总工会', ballots: 90 },
      ],
      { ballots: '选票' },
    )
    expect((option.yAxis as { data: string[] }).data).toEqual(['兰州市总工会', '天水市总工会'])
    expect((option.series as { data: number[] }[])[0]?.data).toEqual([50, 90])
  })
})

describe('barChartHeight', () => {
  it('grows with the bars within bounds', () => {
    expect(barChartHeight(0)).toBe(160)
    expect(barChartHeight(10)).toBe(320)
    expect(barChartHeight(500)).toBe(60 * 28 + 40)
  })
})

describe('turnoutTree', () => {
  it('nests the pre-order turnout list under each parent, keeping the order', () => {
    const item = (
      orgId: string,
      parentId: string | null,
      depth: number,
      subtreeBallots: number,
    ) => ({
      orgId,
      orgName: orgId,
      parentId,
      depth,
      ballots: 0,
      subtreeBallots,
    })
    const tree = turnoutTree([
      item('gs', null, 0, 15),
      item('lz', 'gs', 1, 9),
      item('cg', 'lz', 2, 7),
      item('jc', 'gs', 1, 5),
    ])
    expect(tree.map((r) => r.orgId)).toEqual(['gs'])
    expect(tree[0]?.children?.map((r) => r.orgId)).toEqual(['lz', 'jc'])
    expect(tree[0]?.children?.[0]?.children?.map((r) => r.orgId)).toEqual(['cg'])
    // Leaves carry no children array, so the table shows no expander on them.
    expect(tree[0]?.children?.[1]?.children).toBeUndefined()
  })
})
