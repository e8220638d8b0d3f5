import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { Component as CandidatesPage } from './candidates-page'
import {
  ballotToday,
  CAMPAIGN_ID,
  member,
  renderPage,
  stubServer,
} from './daily-limits.test-fixtures'

const LIST = `/c/${CAMPAIGN_ID}/candidates`

/** The card of candidate n in the list. */
const card = (n: number) => {
  const li = screen.getByRole('heading', { name: new RegExp(`候选人${n}$`) }).closest('li')
  if (!li) throw new Error(`no card for 候选人${n}`)
  return within(li)
}
const voteBox = (n: number) => screen.queryByRole('checkbox', { name: `投给 候选人${n}` })

describe('candidate list and today’s limits', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    window.localStorage.clear()
  })

  it('says "voted today" instead of the vote box for a candidate at the per-candidate limit', async () => {
    stubServer([ballotToday(1)])
    renderPage(LIST, CandidatesPage, member)
    await screen.findByText('今天已投过')
    expect(card(1).getByText('今天已投过')).toBeTruthy()
    expect(voteBox(1)).toBeNull()
    // The others are still offered: 2 of today's 3 votes are left.
    expect(voteBox(2)).toBeTruthy()
    expect(voteBox(3)).toBeTruthy()
    expect(card(2).queryByText('今天已投过')).toBeNull()
    expect(screen.getByRole('button', { name: '下一步：确认投票' })).toBeTruthy()
  })

  it('offers no candidate once all of today’s votes are used, and says when to come back', async () => {
    // Three votes today, none of them for a listed candidate: the daily total is what stops me.
    stubServer([ballotToday(4, 5), ballotToday(6)])
    renderPage(LIST, CandidatesPage, member)
    await screen.findByText('您今天的 3 票已经投完，明天 0:00 后可以再投')
    for (const n of [1, 2, 3]) {
      expect(card(n).getByText('今天的票已投完')).toBeTruthy()
      expect(voteBox(n)).toBeNull()
    }
    expect(screen.queryByRole('button', { name: '下一步：确认投票' })).toBeNull()
  })

  it('lets a ballot choose no more candidates than votes left today, and says how many', async () => {
    // Two of today's three votes used (for candidates 4 and 5, not listed): one left.
    stubServer([ballotToday(4, 5)])
    renderPage(LIST, CandidatesPage, member)
    await screen.findByText('您今天还能投 1 票')
    voteBox(1)!.click()
    await screen.findByText(/已选 1 \/ 1 位/)
    // The ballot is full at one: the others cannot be ticked.
    expect(voteBox(2)!.hasAttribute('disabled')).toBe(true)
    expect(voteBox(3)!.hasAttribute('disabled')).toBe(true)
  })

  it('tells a signed-in member outside the campaign’s unions so, and offers no vote', async () => {
    stubServer([], { status: 403, code: 'BALLOT_VOTER_NOT_ELIGIBLE' })
    renderPage(LIST, CandidatesPage, member)
    await screen.findByText(/只限/)
    for (const n of [1, 2, 3]) expect(voteBox(n)).toBeNull()
    expect(screen.queryByRole('button', { name: '下一步：确认投票' })).toBeNull()
  })

  it('offers every candidate as before when no one is signed in', async () => {
    const fetchMock = stubServer([ballotToday(1)])
    renderPage(LIST, CandidatesPage, null)
    await waitFor(() => expect(voteBox(1)).toBeTruthy())
    expect(voteBox(2)).toBeTruthy()
    expect(screen.queryByText('今天已投过')).toBeNull()
    expect(fetchMock.mock.calls.some(([u]) => u.endsWith('/my-receipts'))).toBe(false)
  })
})
