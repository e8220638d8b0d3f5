import { fireEvent, screen, waitFor } from '@testing-library/react'
import type { Campaign, Juror } from '@unionhall/contracts'
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

const juror = (scoredCount: number): Juror => ({
  campaignId: base.id,
  memberId: '01a2270b-9000-7000-8000-0000000000f1',
  name: '评委甲',
  orgName: '兰州市总工会',
  scoredCount,
  createdAt: '2026-02-02T00:00:00.000Z',
})

/**
 * A fake server: GET answers the campaign (its jurors: `jurors`, with no scores by default),
 * PATCH answers `patch(body)`.
 */
const serve = (
  campaign: Campaign,
  patch: (body: Record<string, unknown>) => Response,
  jurors: () => Response = () => json([juror(0)]),
  children: unknown[] = [],
) => {
  const calls: Call[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET'
      const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined
      calls.push({ url, method, body })
      if (method === 'PATCH') return patch(body as Record<string, unknown>)
      if (url.endsWith('/jurors')) return jurors()
      if (url.endsWith('/children')) return json(children)
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

  it('shows no form to a sub-org reviewer of a campaign run above them', async () => {
    const viewer = { permissions: [], reviewsNominations: true, reviewOnly: true }
    const calls = serve({ ...base, viewer } as Campaign, () => json({}, 403))
    renderPage(base)

    expect(
      await screen.findByText('本评选由甘肃省总工会主办，您不能编辑它。', {}, SLOW),
    ).toBeTruthy()
    expect(screen.queryByLabelText('评选名称')).toBeNull()
    expect(screen.getByRole('link', { name: '返回评选详情' })).toBeTruthy()
    expect(patches(calls)).toEqual([])
  })

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
    fireEvent.change(votes, { target: { value: '12' } })
    fireEvent.click(saveButton())

    expect(await screen.findByText('投票开始后投票规则已锁定，不能修改', {}, SLOW)).toBeTruthy()
    expect(patches(calls)[0]!.body).toEqual({ rules: { ...base.rules, votesPerDay: 12 } })
    expect(screen.queryByText('详情页')).toBeNull()
  })

  it('does not send rules that contradict each other: says so on the field', async () => {
    const calls = serve(base, (body) => json({ ...base, ...body }))
    renderPage(base)

    // 10 choices per ballot, and now only 3 votes a day.
    const votes = await screen.findByLabelText('每人每日票数', {}, SLOW)
    fireEvent.change(votes, { target: { value: '3' } })
    fireEvent.click(saveButton())

    expect(
      await screen.findByText('每张选票最多选择的人数不能多于每人每日票数', {}, SLOW),
    ).toBeTruthy()
    expect(patches(calls)).toEqual([])
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

  it('says that a rule change reaches the child campaigns that have not opened voting', async () => {
    serve(base, () => json(base), undefined, [
      {
        id: '01a2270b-9000-7000-8000-0000000000f1',
        name: '2026年“金城工匠”评选',
        phase: 'nomination',
        orgId: '01a2270b-7d6a-7c12-abf4-7ce3e28e9563',
        orgName: '兰州市总工会',
      },
    ])
    renderPage(base)
    expect(await screen.findByText(/本评选有 1 个子评选沿用这里的投票规则/, {}, SLOW)).toBeTruthy()
  })

  it('validates with the contract before sending', async () => {
    const calls = serve(base, (body) => json({ ...base, ...body }))
    renderPage(base)

    fireEvent.change(await screen.findByLabelText('评选名称', {}, SLOW), { target: { value: 'x' } })
    fireEvent.click(saveButton())

    expect(await screen.findByText('至少需要 2 个字符', {}, SLOW)).toBeTruthy()
    expect(patches(calls)).toEqual([])
  })

  const input = (label: string) => screen.getByLabelText<HTMLInputElement>(label)
  /** A button by its aria-label or text (not by role: see saveButton). */
  const button = (label: string) =>
    (document.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`) ??
      screen.getByText(label).closest('button'))!

  it('sends the voting hours and the edited rubric, keeping saved keys and keying new items', async () => {
    const campaign: Campaign = {
      ...base,
      rubric: [
        { key: 'skill', label: '技能水平', maxScore: 60 },
        { key: 'innovation', label: '创新成果', maxScore: 40 },
      ],
    }
    const calls = serve(campaign, (body) => json({ ...campaign, ...body }))
    renderPage(campaign)

    // Round the clock (hours null) is on; turning it off offers 08:00–22:00.
    const roundTheClock = await screen.findByLabelText('全天开放投票', {}, SLOW)
    expect(screen.queryByLabelText('每日投票时段')).toBeNull()
    fireEvent.click(roundTheClock)
    await waitFor(() => expect(input('每日投票时段').value).toBe('08:00'), SLOW)
    expect(input('评分项 1').disabled).toBe(false)
    fireEvent.click(button('删除评分项 1'))
    await waitFor(() => expect(input('评分项 1').value).toBe('创新成果'), SLOW)
    fireEvent.change(input('评分项 1 满分'), { target: { value: '70' } })
    fireEvent.click(button('添加评分项'))
    fireEvent.change(await screen.findByLabelText('评分项 2', {}, SLOW), {
      target: { value: '传帮带作用' },
    })
    fireEvent.change(input('评分项 2 满分'), { target: { value: '30' } })
    expect(screen.getByText('满分合计 100 分')).toBeTruthy()
    fireEvent.click(saveButton())

    await screen.findByText('详情页', {}, SLOW)
    expect(patches(calls).map((c) => c.body)).toEqual([
      {
        rules: { ...base.rules, hours: { start: '08:00', end: '22:00' } },
        rubric: [
          { key: 'innovation', label: '创新成果', maxScore: 70 },
          { key: 'item_1', label: '传帮带作用', maxScore: 30 },
        ],
      },
    ])
  })

  it('turns saved voting hours off (round the clock sends null)', async () => {
    const campaign: Campaign = {
      ...base,
      rules: { ...base.rules, hours: { start: '09:00', end: '21:00' } },
    }
    const calls = serve(campaign, (body) => json({ ...campaign, ...body }))
    renderPage(campaign)

    await waitFor(() => expect(input('每日投票时段').value).toBe('09:00'), SLOW)
    expect(input('每日投票时段').disabled).toBe(false)
    fireEvent.click(screen.getByLabelText('全天开放投票'))
    fireEvent.click(saveButton())

    await waitFor(() => expect(patches(calls)).toHaveLength(1), SLOW)
    expect(patches(calls)[0]!.body).toEqual({ rules: { ...base.rules, hours: null } })
  })

  it('locks the voting hours with the rules once voting opened; the rubric stays editable until a score', async () => {
    const voting: Campaign = {
      ...base,
      phase: 'voting',
      rulesLockedAt: '2026-04-18T00:00:00.000Z',
      rules: { ...base.rules, hours: { start: '08:00', end: '22:00' } },
    }
    const calls = serve(voting, (body) => json({ ...voting, ...body }))
    renderPage(voting)

    expect(
      await screen.findByText(
        '投票已于 2026-04-18 开始，投票规则（含投票时段）和结构比例已锁定，不能修改',
        {},
        SLOW,
      ),
    ).toBeTruthy()
    expect(input('每日投票时段').disabled).toBe(true)
    expect(screen.getByLabelText<HTMLButtonElement>('全天开放投票').disabled).toBe(true)
    await waitFor(() => expect(input('评分项 1').disabled).toBe(false), SLOW)
    expect(screen.getByText(/一旦有评委评分即锁定/)).toBeTruthy()
    fireEvent.change(input('评分项 1'), { target: { value: '技能水平与实绩' } })
    fireEvent.click(saveButton())

    await waitFor(() => expect(patches(calls)).toHaveLength(1), SLOW)
    expect(patches(calls)[0]!.body).toEqual({
      rubric: [{ key: 'item_1', label: '技能水平与实绩', maxScore: 100 }],
    })
  })

  it('locks the rubric once jurors have scored, says why, and leaves it out of the save', async () => {
    const jury: Campaign = { ...base, phase: 'jury', rulesLockedAt: '2026-04-18T00:00:00.000Z' }
    const calls = serve(
      jury,
      (body) => json({ ...jury, ...body }),
      () => json([juror(2), { ...juror(1), memberId: '01a2270b-9000-7000-8000-0000000000f2' }]),
    )
    renderPage(jury)

    expect(
      await screen.findByText('评委已提交 3 份评分，评审细则已锁定，不能修改', {}, SLOW),
    ).toBeTruthy()
    expect(input('评分项 1').disabled).toBe(true)
    expect(input('评分项 1 满分').disabled).toBe(true)
    expect(button('添加评分项').disabled).toBe(true)
    expect(button('删除评分项 1').disabled).toBe(true)
    fireEvent.change(input('荣誉称号'), { target: { value: '陇原大工匠' } })
    fireEvent.click(saveButton())

    await waitFor(() => expect(patches(calls)).toHaveLength(1), SLOW)
    expect(patches(calls)[0]!.body).toEqual({ honourTitle: '陇原大工匠' })
  })

  it('says why the rubric is locked for a child campaign, after the jury phase, or when scores cannot be read', async () => {
    const cases: [Campaign, () => Response, string][] = [
      [
        { ...base, parentCampaignId: '01a2270b-9000-7000-8000-0000000000aa' },
        () => json([]),
        '子评选沿用上级评选的评审细则，不能在此修改',
      ],
      [
        { ...base, phase: 'result_publicity', rulesLockedAt: '2026-04-18T00:00:00.000Z' },
        () => json([]),
        '专家评审阶段已结束，评审细则已锁定，不能修改',
      ],
      [
        base,
        () => json({ error: { code: 'INTERNAL_ERROR', message: 'boom' } }, 500),
        '暂时无法确认评委是否已评分，评审细则暂不能修改，请稍后刷新重试',
      ],
    ]
    for (const [campaign, jurors, reason] of cases) {
      serve(campaign, (body) => json({ ...campaign, ...body }), jurors)
      const { unmount } = renderPage(campaign)
      expect(await screen.findByText(reason, {}, SLOW)).toBeTruthy()
      expect(input('评分项 1').disabled).toBe(true)
      unmount()
      vi.unstubAllGlobals()
    }
  })

  it('shows the server refusal when a juror scored meanwhile (CAMPAIGN_RUBRIC_LOCKED)', async () => {
    serve(base, () =>
      json({ error: { code: 'CAMPAIGN_RUBRIC_LOCKED', message: 'Rubric is locked' } }, 409),
    )
    renderPage(base)

    await waitFor(() => expect(input('评分项 1').disabled).toBe(false), SLOW)
    fireEvent.change(input('评分项 1'), { target: { value: '技能' } })
    fireEvent.click(saveButton())

    expect(
      await screen.findByText('已有评委评分或专家评审阶段已结束，评审细则不能再修改', {}, SLOW),
    ).toBeTruthy()
  })
})
