import { fireEvent, screen, waitFor } from '@testing-library/react'
import type { Campaign } from '@unionhall/contracts'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { makeSession, renderWithProviders } from '../../../test/render'
import { FraudTab } from './fraud-tab'

const CAMPAIGN = { id: '01a2270b-7d6a-7c12-abf4-0000000000c1' } as Campaign
const ballot = (n: number, status: 'flagged' | 'invalidated') => ({
  id: `01a2270b-7d6a-7c12-abf4-00000000000${n}`,
  receiptCode: `RC${n}`,
  castAt: '2026-11-30T02:00:00.000Z',
  voterMasked: '135****0002',
  orgName: '兰州市总工会',
  signals: ['sequential_mobiles'],
  status,
  invalidationReason: status === 'invalidated' ? '刷票' : null,
})

const json = (body: unknown) =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  })

describe('FraudTab', { timeout: 60_000 }, () => {
  afterEach(() => vi.unstubAllGlobals())

  it('clears the selected flagged ballots with a reason (the invalidated one is not sent)', async () => {
    const posts: { url: string; body: unknown }[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (init?.method === 'POST') {
          posts.push({ url, body: JSON.parse(init.body as string) })
          return json({ changed: 1 })
        }
        return json({
          items: [ballot(1, 'flagged'), ballot(2, 'invalidated')],
          total: 2,
          page: 1,
          pageSize: 50,
        })
      }),
    )
    renderWithProviders(
      <FraudTab campaign={CAMPAIGN} />,
      makeSession(['campaign:read', 'campaign:fraud-review']),
    )
    fireEvent.click(
      await screen.findByRole('checkbox', { name: '选择选票 RC1' }, { timeout: 15_000 }),
    )
    fireEvent.click(screen.getByRole('checkbox', { name: '选择选票 RC2' }))
    fireEvent.click(screen.getByRole('button', { name: /复核正常（1）/ }))
    fireEvent.change(
      await screen.findByRole('textbox', { name: '处理理由' }, { timeout: 15_000 }),
      {
        target: { value: '本厂连号工作手机，核实为本人投票' },
      },
    )
    fireEvent.click(screen.getByRole('button', { name: '确认正常' }))
    await waitFor(() => expect(posts).toHaveLength(1), { timeout: 15_000 })
    expect(posts[0]!.url).toContain(`/campaigns/${CAMPAIGN.id}/ballots/clear`)
    expect(posts[0]!.body).toEqual({
      ballotIds: [ballot(1, 'flagged').id],
      reason: '本厂连号工作手机，核实为本人投票',
    })
  })
})
