import { cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { i18n } from '../../../lib/i18n'
import { Component as ResultsPage } from './results-page'
import { CAMPAIGN_ID, candidateId, renderPage, stubServer } from './daily-limits.test-fixtures'

const CATEGORY = (n: number) => `00000000-0000-7000-8000-0000000000b${n}`
const results = (announcedAt: string | null, votes = 10) => ({
  campaignId: CAMPAIGN_ID,
  weights: { publicVote: 1, jury: 0 },
  invalidatedBallots: 0,
  announcedAt,
  categories: [
    {
      categoryId: CATEGORY(1),
      name: '技能类',
      honourCount: 1,
      notes: [],
      noteDetails: [],
      rows: [
        {
          candidateId: candidateId(1),
          name: '候选人1',
          number: 1,
          employerName: '兰州石化',
          isFrontLine: true,
          votes,
          invalidatedVotes: 0,
          voteShare: 1,
          juryScore: null,
          finalScore: 1,
          rank: 1,
          isWinner: true,
          standing: announcedAt ? 'winner' : 'proposed',
          tieBreak: null,
          tieBreakDetails: [],
        },
      ],
    },
    {
      categoryId: CATEGORY(2),
      name: '创新类',
      honourCount: 1,
      notes: [],
      noteDetails: [],
      rows: [],
    },
  ],
})

/** The fixtures' server, answering the results too. */
const serve = (body: unknown) => {
  const base = stubServer([], undefined, { phase: 'result_publicity' })
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) =>
      new URL(url, 'http://localhost').pathname ===
      `/api/v1/public/campaigns/${CAMPAIGN_ID}/results`
        ? Promise.resolve(
            new Response(JSON.stringify(body), {
              status: 200,
              headers: { 'content-type': 'application/json' },
            }),
          )
        : base(url),
    ),
  )
}

describe('public results page', () => {
  afterEach(async () => {
    vi.unstubAllGlobals()
    await i18n.changeLanguage('zh-CN')
  })

  it("counts an honouree's votes in the right number in English", async () => {
    await i18n.changeLanguage('en')
    serve(results(null, 1))
    renderPage(`/c/${CAMPAIGN_ID}`, ResultsPage, null)
    expect(await screen.findByText('1 vote · jury — · total 100.0')).toBeTruthy()
    cleanup()
    serve(results(null, 2))
    renderPage(`/c/${CAMPAIGN_ID}`, ResultsPage, null)
    expect(await screen.findByText('2 votes · jury — · total 100.0')).toBeTruthy()
  })

  it('keeps the Chinese row', async () => {
    serve(results(null, 1))
    renderPage(`/c/${CAMPAIGN_ID}`, ResultsPage, null)
    expect(await screen.findByText('得票 1 · 评审 — 分 · 综合 100.0')).toBeTruthy()
  })

  it('says so for a category with nobody proposed, and lists the others', async () => {
    serve(results(null))
    renderPage(`/c/${CAMPAIGN_ID}`, ResultsPage, null)
    expect(await screen.findByText('本类别暂无拟当选人选。')).toBeTruthy()
    expect(screen.getByRole('link', { name: '候选人1' })).toBeTruthy()
    expect(screen.getAllByText(/暂无拟当选/)).toHaveLength(1)
  })

  it('says so for a category with no honouree once announced', async () => {
    serve(results('2026-06-01T00:00:00.000Z'))
    renderPage(`/c/${CAMPAIGN_ID}`, ResultsPage, null)
    expect(await screen.findByText('本类别没有当选人选。')).toBeTruthy()
  })
})
