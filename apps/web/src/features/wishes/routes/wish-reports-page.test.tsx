import { screen, within } from '@testing-library/react'
import type { WishReport } from '@unionhall/contracts'
import { MemoryRouter } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { makeSession, renderWithProviders } from '../../../test/render'
import { Component as ReportsPage } from './wish-reports-page'

const ORG = '01a2270b-7d6a-7c12-abf4-7ce3e28e9562'
const report: WishReport = {
  orgId: ORG,
  orgName: '甘肃省总工会',
  total: 12,
  byStatus: [
    { status: 'pending_review', count: 2 },
    { status: 'published', count: 3 },
    { status: 'rejected', count: 1 },
    { status: 'claimed', count: 1 },
    { status: 'fulfilled', count: 1 },
    { status: 'confirmed', count: 4 },
    { status: 'expired', count: 0 },
  ],
  byCategory: [
    { category: 'daily_necessities', count: 5 },
    { category: 'study', count: 4 },
    { category: 'health', count: 1 },
    { category: 'family', count: 1 },
    { category: 'skills', count: 1 },
    { category: 'other', count: 0 },
  ],
  byStation: [{ stationId: null, stationName: null, total: 12, confirmed: 4 }],
  byOrg: [
    {
      orgId: ORG,
      orgName: '甘肃省总工会',
      own: true,
      total: 12,
      published: 3,
      claimed: 1,
      fulfilled: 1,
      confirmed: 4,
    },
  ],
  timeToClaim: { count: 6, avgHours: 20.5, medianHours: 12 },
  timeToFulfil: { count: 5, avgHours: null, medianHours: null },
  topClaimants: [
    {
      claimantMemberId: '01a2270b-7dd3-7662-b520-0268f56c81b9',
      displayName: '鹏城建设',
      claimantKind: 'partner_company',
      confirmed: 3,
      awaitingConfirmation: 1,
    },
  ],
}

describe('wish reports page', { timeout: 60_000 }, () => {
  afterEach(() => vi.unstubAllGlobals())

  it('shows totals, times, every chart and the top claimants for the current org', async () => {
    const asked: string[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        asked.push(url)
        const body = url.startsWith('/api/v1/wishes/reports')
          ? report
          : { items: [], total: 0, page: 1, pageSize: 20 }
        return new Response(JSON.stringify(body), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        })
      }),
    )
    renderWithProviders(
      <MemoryRouter>
        <ReportsPage />
      </MemoryRouter>,
      makeSession(['wish:read']),
    )
    const total = await screen.findByTestId('stat-total')
    expect(within(total).getByText('12')).toBeTruthy()
    expect(within(screen.getByTestId('stat-confirmed')).getByText('4')).toBeTruthy()
    expect(within(screen.getByTestId('stat-time-to-claim')).getByText('12 小时')).toBeTruthy()
    expect(
      within(screen.getByTestId('stat-time-to-claim')).getByText('平均 20.5 小时，共 6 次'),
    ).toBeTruthy()
    expect(within(screen.getByTestId('stat-time-to-fulfil')).getByText('—')).toBeTruthy()
    for (const name of ['按状态', '按类别', '按组织', '按站点'])
      expect(screen.getByRole('img', { name })).toBeTruthy()
    // The ranking's completed column carries the summary card's label (已完成); deliveries
    // waiting for the worker are a column of their own.
    const ranking = screen.getByRole('table')
    expect(
      within(ranking)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['排名', '认领人', '身份', '已完成', '已送达待确认'])
    const row = screen.getByRole('row', { name: /鹏城建设/ })
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['1', '鹏城建设', '爱心企业', '3', '1'])
    expect(asked.some((u) => u === `/api/v1/wishes/reports?orgId=${ORG}`)).toBe(true)
  })
})
