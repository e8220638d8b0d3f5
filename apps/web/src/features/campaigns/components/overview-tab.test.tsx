import type { Campaign } from '@unionhall/contracts'
import { fireEvent, screen, waitFor } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { makeSession, renderWithProviders } from '../../../test/render'
import { CandidatesTab } from './candidates-tab'
import { testCampaign } from '../test/campaign-fixture'
import { OverviewTab } from './overview-tab'

const campaign = testCampaign

describe('OverviewTab', { timeout: 60_000 }, () => {
  it('shows the cover image, lazy at 16:9, named for screen readers; none without one', () => {
    const cover = '/api/v1/uploads/01a2270b-9000-7000-8000-0000000000e1'
    const { unmount } = renderWithProviders(
      <OverviewTab campaign={{ ...campaign, coverImageUrl: cover }} />,
      makeSession(['campaign:read']),
    )
    const img = screen.getByRole<HTMLImageElement>('img', { name: '“2026 年度陇原工匠评选”封面图' })
    expect(img.getAttribute('src')).toBe(`${cover}?w=960`)
    expect(img.getAttribute('loading')).toBe('lazy')
    expect(img.style.aspectRatio).toBe('16 / 9')
    unmount()
    renderWithProviders(<OverviewTab campaign={campaign} />, makeSession(['campaign:read']))
    expect(screen.queryByTestId('campaign-cover')).toBeNull()
  })

  it('highlights the current phase in the timeline', () => {
    renderWithProviders(<OverviewTab campaign={campaign} />, makeSession(['campaign:read']))
    const current = screen.getByTestId('phase-timeline').querySelector('[aria-current="step"]')
    expect(current?.textContent).toContain('候选人公示')
  })

  it('says why an automatic campaign is still in the jury phase after its end date', () => {
    const overdue: Campaign = { ...campaign, phase: 'jury' } // jury ended 2026-05-07, auto mode
    const { unmount } = renderWithProviders(
      <OverviewTab campaign={overdue} />,
      makeSession(['campaign:read']),
    )
    expect(screen.getByText(/评选仍停留在专家评审阶段：还有专家没有完成评分/)).toBeTruthy()
    unmount()
    // Not for manual phases (staff move it themselves) nor before the end date.
    renderWithProviders(
      <OverviewTab campaign={{ ...overdue, phaseMode: 'manual' }} />,
      makeSession(['campaign:read']),
    )
    expect(screen.queryByText(/评选仍停留在专家评审阶段/)).toBeNull()
  })

  it('hides "advance to next phase" without campaign:manage', () => {
    renderWithProviders(<OverviewTab campaign={campaign} />, makeSession(['campaign:read']))
    expect(screen.queryByRole('button', { name: /进入下一阶段/ })).toBeNull()
  })

  it('shows it with campaign:manage and says what happens before advancing', async () => {
    renderWithProviders(
      <OverviewTab campaign={campaign} />,
      makeSession(['campaign:read', 'campaign:manage']),
    )
    fireEvent.click(screen.getByRole('button', { name: /进入下一阶段：投票/ }))
    expect(await screen.findByText('进入投票阶段后投票规则将被锁定，不能再修改。')).toBeTruthy()
  })
})

describe('AdvancePhaseButton leaving the jury phase', { timeout: 60_000 }, () => {
  afterEach(() => vi.unstubAllGlobals())

  it('shows who has not scored and goes on only with a reason', async () => {
    const bodies: unknown[] = []
    const fetchMock = vi.fn((_url: string, init?: RequestInit) => {
      const body = JSON.parse(init?.body as string) as { juryIncompleteReason?: string }
      bodies.push(body)
      if (!body.juryIncompleteReason)
        return Promise.resolve(
          new Response(
            JSON.stringify({
              error: {
                code: 'CAMPAIGN_JURY_INCOMPLETE',
                message: '4 jury score(s) are missing',
                details: { missing: 4, jurors: [{ name: '评委乙', missing: 4 }] },
              },
            }),
            { status: 409, headers: { 'content-type': 'application/json' } },
          ),
        )
      return Promise.resolve(
        new Response(JSON.stringify({ ...campaign, phase: 'result_publicity' }), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
      )
    })
    vi.stubGlobal('fetch', fetchMock)
    renderWithProviders(
      <OverviewTab campaign={{ ...campaign, phase: 'jury' }} />,
      makeSession(['campaign:read', 'campaign:manage']),
    )
    fireEvent.click(screen.getByRole('button', { name: /进入下一阶段：结果公示/ }))
    fireEvent.click(await screen.findByRole('button', { name: '确定进入' }))

    expect(await screen.findByText('专家评分尚未完成', {}, { timeout: 15000 })).toBeTruthy()
    expect(screen.getByText(/还缺 4 份专家评分/)).toBeTruthy()
    expect(screen.getByText('评委乙：还有 4 位候选人未评')).toBeTruthy()
    const goOn = screen.getByRole('button', { name: '写明原因并进入结果公示' })
    expect(goOn.hasAttribute('disabled')).toBe(true)
    fireEvent.change(screen.getByLabelText('原因'), {
      target: { value: '专家因病无法评分，经评审委员会同意' },
    })
    expect(goOn.hasAttribute('disabled')).toBe(false)
    fireEvent.click(goOn)
    await waitFor(() => expect(bodies).toHaveLength(2))
    expect(bodies).toEqual([
      { to: 'result_publicity' },
      { to: 'result_publicity', juryIncompleteReason: '专家因病无法评分，经评审委员会同意' },
    ])
    expect(await screen.findByText('已进入下一阶段')).toBeTruthy()
  })
})

describe('CandidatesTab', { timeout: 60_000 }, () => {
  it('hides edit and withdraw without campaign:manage', () => {
    renderWithProviders(
      <MemoryRouter>
        <CandidatesTab campaign={campaign} />
      </MemoryRouter>,
      makeSession(['campaign:read', 'campaign:review']),
    )
    expect(screen.getByRole('button', { name: /导出候选人名单/ })).toBeTruthy()
    expect(screen.queryByRole('button', { name: /退出/ })).toBeNull()
  })
})
