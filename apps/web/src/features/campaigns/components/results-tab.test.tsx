import type { Campaign } from '@unionhall/contracts'
import { fireEvent, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { i18n } from '../../../lib/i18n'
import { makeSession, renderWithProviders } from '../../../test/render'
import { testCampaign } from '../test/campaign-fixture'
import { ResultsTab } from './results-tab'

// Voting, phases advanced by hand, no front-line quota: the case the results tab is read in.
const campaign: Campaign = {
  ...testCampaign,
  phase: 'voting',
  phaseMode: 'manual',
  quotas: { minFrontLineShare: 0 },
}
const session = makeSession(['campaign:read'])
const voting = (sealed: boolean): Campaign => ({
  ...campaign,
  phase: 'voting',
  rules: { ...campaign.rules, sealed },
})
const downloads = () => [
  screen.getByRole('button', { name: /导出投票统计/ }),
  screen.getByRole('button', { name: /选票日志/ }),
]

describe('ResultsTab downloads', { timeout: 60_000 }, () => {
  // The charts' reads stay pending: the buttons are what is under test.
  beforeEach(() =>
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise(() => {})),
    ),
  )
  afterEach(() => vi.unstubAllGlobals())

  it('disables the vote export and the ballot log while tallies are sealed, and says why', async () => {
    renderWithProviders(<ResultsTab campaign={voting(true)} />, session)
    for (const b of downloads()) expect(b.hasAttribute('disabled')).toBe(true)
    fireEvent.mouseEnter(downloads()[1]!.parentElement!)
    expect(
      await screen.findByText('投票期间票数保密，投票结束后才能导出', {}, { timeout: 5000 }),
    ).toBeTruthy()
  })

  it('offers them when voting is not sealed, and after sealed voting closes', () => {
    const { unmount } = renderWithProviders(<ResultsTab campaign={voting(false)} />, session)
    for (const b of downloads()) expect(b.hasAttribute('disabled')).toBe(false)
    unmount()
    renderWithProviders(<ResultsTab campaign={{ ...voting(true), phase: 'jury' }} />, session)
    for (const b of downloads()) expect(b.hasAttribute('disabled')).toBe(false)
  })
})

describe('ResultsTab turnout in English', { timeout: 60_000 }, () => {
  const ORG = '01a2270b-7d6a-7c12-abf4-7ce3e28e9562'
  const turnout = (totalBallots: number, orgs: number) => ({
    updatedAt: '2026-04-20T00:00:00.000Z',
    totalBallots,
    items: Array.from({ length: orgs }, (_, i) => ({
      orgId: ORG.replace(/2$/, String(i)),
      orgName: `工会${i}`,
      parentId: null,
      depth: 0,
      ballots: 1,
      subtreeBallots: 1,
    })),
  })
  const serveTurnout = (body: unknown) =>
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) =>
        String(url).includes('/turnout')
          ? Promise.resolve(
              new Response(JSON.stringify(body), {
                status: 200,
                headers: { 'content-type': 'application/json' },
              }),
            )
          : new Promise(() => {}),
      ),
    )
  afterEach(async () => {
    vi.unstubAllGlobals()
    await i18n.changeLanguage('zh-CN')
  })

  it('says "1 ballot from 1 org", and plural otherwise', async () => {
    await i18n.changeLanguage('en')
    serveTurnout(turnout(1, 1))
    const { unmount } = renderWithProviders(<ResultsTab campaign={voting(true)} />, session)
    expect(await screen.findByText('1 ballot from 1 org.', {}, { timeout: 5000 })).toBeTruthy()
    unmount()
    serveTurnout(turnout(3, 2))
    renderWithProviders(<ResultsTab campaign={voting(true)} />, session)
    expect(await screen.findByText('3 ballots from 2 orgs.', {}, { timeout: 5000 })).toBeTruthy()
  })

  it('keeps the Chinese sentence', async () => {
    serveTurnout(turnout(3, 2))
    renderWithProviders(<ResultsTab campaign={voting(true)} />, session)
    expect(
      await screen.findByText('共 3 张选票，来自 2 个单位。', {}, { timeout: 5000 }),
    ).toBeTruthy()
  })
})

describe('ResultsTab ranking of a category without candidates', { timeout: 60_000 }, () => {
  afterEach(() => vi.unstubAllGlobals())

  it('says the category has no candidates instead of an empty table', async () => {
    const body = {
      campaignId: campaign.id,
      weights: { publicVote: 0.6, jury: 0.4 },
      invalidatedBallots: 0,
      announcedAt: null,
      categories: [
        {
          categoryId: campaign.categories[0]!.id,
          name: '制造业',
          honourCount: 10,
          rows: [],
          notes: [],
          noteDetails: [],
        },
      ],
    }
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) =>
        String(url).endsWith('/results')
          ? Promise.resolve(
              new Response(JSON.stringify(body), {
                status: 200,
                headers: { 'content-type': 'application/json' },
              }),
            )
          : new Promise(() => {}),
      ),
    )
    renderWithProviders(<ResultsTab campaign={{ ...voting(true), phase: 'jury' }} />, session)
    expect(
      await screen.findByText('该类别没有候选人，没有可显示的结果。', {}, { timeout: 5000 }),
    ).toBeTruthy()
    expect(screen.queryByRole('table')).toBeNull()
  })
})
