import { describe, expect, it } from 'vitest'
import { buildMembersByOrgOption } from './build-members-by-org-option'

const rows = [
  { name: '兰州市总工会', count: 64 },
  { name: '武威市总工会', count: 10 },
  { name: '嘉峪关市总工会', count: 62 },
]

describe('buildMembersByOrgOption', () => {
  it('draws one horizontal bar per org with the largest on top', () => {
    const option = buildMembersByOrgOption(rows, '会员数')
    const yAxis = option.yAxis as { type: string; data: string[] }
    const series = option.series as { type: string; name: string; data: number[] }[]
    expect(yAxis.type).toBe('category')
    // category axes draw bottom-up: the last entry is the top bar
    expect(yAxis.data).toEqual(['武威市总工会', '嘉峪关市总工会', '兰州市总工会'])
    expect(series).toHaveLength(1)
    expect(series[0]).toMatchObject({ type: 'bar', name: '会员数', data: [10, 62, 64] })
  })

  it('keeps only the largest bars', () => {
    const option = buildMembersByOrgOption(rows, 'Members', 2)
    expect((option.series as { data: number[] }[])[0]?.data).toEqual([62, 64])
  })

  it('does not change its input', () => {
    const copy = structuredClone(rows)
    buildMembersByOrgOption(rows, 'Members')
    expect(rows).toEqual(copy)
  })
})
