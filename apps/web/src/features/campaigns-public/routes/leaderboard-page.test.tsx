import { cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { i18n } from '../../../lib/i18n'
import { CAMPAIGN_ID, candidateId, renderPage, stubServer } from './daily-limits.test-fixtures'
import { Component as LeaderboardPage } from './leaderboard-page'

const board = (totalBallots: number) => ({
  sealed: false,
  updatedAt: '2026-05-10T07:00:00.000Z',
  totalBallots,
  invalidatedBallots: 0,
  items: [
    {
      candidateId: candidateId(1),
      name: '候选人1',
      categoryId: '00000000-0000-7000-8000-0000000000b1',
      number: 1,
      votes: totalBallots,
    },
  ],
})

/** The fixtures' server, answering the leaderboard too. */
const serve = (body: unknown) => {
  const base = stubServer([])
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) =>
      new URL(url, 'http://localhost').pathname ===
      `/api/v1/public/campaigns/${CAMPAIGN_ID}/leaderboard`
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

describe('public leaderboard', () => {
  afterEach(async () => {
    vi.unstubAllGlobals()
    await i18n.changeLanguage('zh-CN')
  })

  it('counts the ballots in the right number in English', async () => {
    await i18n.changeLanguage('en')
    serve(board(1))
    renderPage(`/c/${CAMPAIGN_ID}`, LeaderboardPage, null)
    expect(await screen.findByText('1 ballot, 0 invalidated')).toBeTruthy()
    cleanup()
    serve(board(3))
    renderPage(`/c/${CAMPAIGN_ID}`, LeaderboardPage, null)
    expect(await screen.findByText('3 ballots, 0 invalidated')).toBeTruthy()
  })

  it('keeps the Chinese sentence', async () => {
    serve(board(3))
    renderPage(`/c/${CAMPAIGN_ID}`, LeaderboardPage, null)
    expect(await screen.findByText('有效选票 3 张，作废 0 张')).toBeTruthy()
  })
})
