import type { WishReport } from '@unionhall/contracts'
import type { TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import { orgChartOption, stationChartOption, statusChartOption } from './report-charts'

const t = ((key: string, values?: { name?: string }) =>
  values?.name ? `${key}:${values.name}` : key) as unknown as TFunction
const report = {
  byStatus: [{ status: 'published', count: 3 }],
  byCategory: [],
  byStation: [{ stationId: null, stationName: null, total: 2, confirmed: 1 }],
  byOrg: [
    {
      orgId: 'a',
      orgName: '龙岗区总工会',
      own: true,
      total: 5,
      published: 1,
      claimed: 2,
      fulfilled: 1,
      confirmed: 1,
    },
  ],
} as unknown as WishReport

describe('wish report charts', () => {
  it('gives every chart with several series a legend, and none to a single series', () => {
    for (const option of [orgChartOption(t, report), stationChartOption(t, report)]) {
      expect((option.series as unknown[]).length).toBeGreaterThan(1)
      expect(option.legend).toBeTruthy()
    }
    const single = statusChartOption(t, report)
    expect((single.series as unknown[]).length).toBe(1)
    expect(single.legend).toBeUndefined()
  })

  it('labels the org’s own wishes apart from its children and wishes without a station', () => {
    expect((orgChartOption(t, report).xAxis as { data: string[] }).data).toEqual([
      'wishes.reports.own:龙岗区总工会',
    ])
    expect((stationChartOption(t, report).xAxis as { data: string[] }).data).toEqual([
      'wishes.reports.noStation',
    ])
  })
})
