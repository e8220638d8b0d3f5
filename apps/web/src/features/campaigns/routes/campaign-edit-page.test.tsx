import { fireEvent, screen, waitFor } from '@testing-library/react'
import type { Campaign } from '@unionhall/contracts'
import { MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { makeSession, renderWithProviders } from '../../../test/render'
import { Component as CampaignEditPage } from './campaign-edit-page'

const period = (from: string, to: string) => ({
  startsAt: `${from}T00:00:00.000Z`,
  endsAt: `${to}T23:59:59.999Z`,
})

const base: Campaign = {
  id: '01a2270b-9000-7000-8000-000000000001',
  orgId: '01a2270b-7d6a-7c12-abf4-7ce3e28e9562',
  orgName: '甘肃省总工会',
  parentCampaignId: null,
  name: '2026 年度陇原工匠评选',
  honourTitle: '陇原工匠',
  year: 2026,
  description: '',
  coverImageUrl: null,
  phase: 'publicity',
  phaseMode: 'auto',
  schedule: {
    nomination: period('2026-03-01', '2026-03-31'),
    review: period('2026-04-01', '2026-04-10'),
    publicity: period('2026-04-11', '2026-04-17'),
    voting: period('2026-04-18', '2026-04-30'),
    jury: period('2026-05-01', '2026-05-07'),
    result_publicity: period('2026-05-08', '2026-05-14'),
  },
  rules: {
    eligibility: 'members',
    votesPerDay: 10,
    maxPerCandidatePerDay: 1,
    maxChoicesPerBallot: 10,
    hours: null,
    sealed: true,
    weights: { publicVote: 0.6, jury: 0.4 },
  },
  rulesLockedAt: null,
  quotas: { minFrontLineShare: 0.5 },
  rubric: [{ key: 'item_1', label: '技能水平', maxScore: 100 }],
  categories: [
    { id: '01a2270b-9000-7000-8000-0000000000c1', name: '制造业', honourCount: 10, sort: 0 },
  ],
  createdAt: '2026-02-01T00:00:00.000Z',
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

type Call = { url: string; method: string; body: unknown }

/** A fake server: GET answers the campaign, PATCH answers `patch(body)`. */
const serve = (campaign: Campaign, patch: (body: Record<string, unknown>) => Response) => {
  const calls: Call[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET'
      const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined
      calls.push({ url, method, body })
      if (method === 'PATCH') return patch(body as Record<string, unknown>)
      return json(campaign)
    }),
  )
  return calls
}

const renderPage = (campaign: Campaign) =>
  renderWithProviders(
    <MemoryRouter initialEntries={[`/campaigns/${campaign.id}/edit`]}>
      <Routes>
        <Route path="/campaigns/:campaignId/edit" element={<CampaignEditPage />} />
        <Route path="/campaigns/:campaignId" element={<p>详情页</p>} />
      </Routes>
    </MemoryRouter>,
    makeSession(['campaign:read', 'campaign:manage']),
  )

/** AntD forms render slowly in jsdom on a busy machine; wait longer than the 1 s default. */
const SLOW = { timeout: 15_000 }

/** The submit button; a role query would walk the whole accessibility tree of this big form. */
const saveButton = () => document.querySelector<HTMLButtonElement>('button[type="submit"]')!

const patches = (calls: Call[]) => calls.filter((c) => c.method === 'PATCH')

describe('campaign edit page', { timeout: 60_000 }, () => {
  afterEach(() => vi.unstubAllGlobals())

  it('loads the campaign, saves only the changed field and returns to the detail page', async () => {
    const calls = serve(base, (body) => json({ ...base, ...body }))
    renderPage(base)

    const name = await screen.findByLabelText('评选名称', {}, SLOW)
    expect((name as HTMLInputElement).value).toBe(base.name)
    fireEvent.change(name, { target: { value: '2026 年度陇原工匠评选（修订）' } })
    fireEvent.click(saveButton())

    await screen.findByText('详情页', {}, SLOW)
    expect(patches(calls)).toEqual([
      {
        url: `/api/v1/campaigns/${base.id}`,
        method: 'PATCH',
        body: { name: '2026 年度陇原工匠评选（修订）' },
      },
    ])
    expect(await screen.findByText('评选已保存', {}, SLOW)).toBeTruthy()
  })

  it('shows the server refusal, e.g. rules locked because voting opened meanwhile', async () => {
    const calls = serve(base, () =>
      json({ error: { code: 'CAMPAIGN_RULES_LOCKED', message: 'Rules are locked' } }, 409),
    )
    renderPage(base)

    const votes = await screen.findByLabelText('每人每日票数', {}, SLOW)
    fireEvent.change(votes, { target: { value: '3' } })
    fireEvent.click(saveButton())

    expect(await screen.findByText('投票开始后投票规则已锁定，不能修改', {}, SLOW)).toBeTruthy()
    expect(patches(calls)[0]!.body).toEqual({ rules: { ...base.rules, votesPerDay: 3 } })
    expect(screen.queryByText('详情页')).toBeNull()
  })

  it('locks rules and quotas once voting has opened, and still saves the basics', async () => {
    const locked: Campaign = { ...base, phase: 'voting', rulesLockedAt: '2026-04-18T00:00:00.000Z' }
    const calls = serve(locked, (body) => json({ ...locked, ...body }))
    renderPage(locked)

    expect(await screen.findByText(/投票已于 2026-04-18 开始/, {}, SLOW)).toBeTruthy()
    expect(screen.getByLabelText<HTMLInputElement>('每人每日票数').disabled).toBe(true)
    fireEvent.change(screen.getByLabelText('荣誉称号'), { target: { value: '陇原大工匠' } })
    fireEvent.click(saveButton())

    await waitFor(() => expect(patches(calls)).toHaveLength(1), SLOW)
    expect(patches(calls)[0]!.body).toEqual({ honourTitle: '陇原大工匠' })
  })

  it('validates with the contract before sending', async () => {
    const calls = serve(base, (body) => json({ ...base, ...body }))
    renderPage(base)

    fireEvent.change(await screen.findByLabelText('评选名称', {}, SLOW), { target: { value: 'x' } })
    fireEvent.click(saveButton())

    expect(await screen.findByText('至少需要 2 个字符', {}, SLOW)).toBeTruthy()
    expect(patches(calls)).toEqual([])
  })
})
