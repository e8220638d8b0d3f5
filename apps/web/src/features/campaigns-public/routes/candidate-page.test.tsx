import { screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { Component as CandidatePage } from './candidate-page'
import {
  ballotToday,
  CAMPAIGN_ID,
  candidateId,
  member,
  receiptsLoaded,
  renderPage,
  stubServer,
} from './daily-limits.test-fixtures'

const profilePath = (n: number) => `/c/${CAMPAIGN_ID}/candidates/${candidateId(n)}`
const voteBox = (n: number) => screen.queryByRole('checkbox', { name: `投给 候选人${n}` })
const voteLinks = () =>
  screen.queryAllByRole('link').filter((a) => a.getAttribute('href')?.endsWith('/vote'))

describe('candidate profile and today’s limits', () => {
  beforeEach(() => {
    // Candidate 2 is already ticked for the next ballot: the profile then links to the vote.
    window.localStorage.setItem(
      `uh.ballotSelection.${CAMPAIGN_ID}`,
      JSON.stringify([candidateId(2)]),
    )
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    window.localStorage.clear()
  })

  it('says "voted today" and links to no vote for a candidate at the per-candidate limit', async () => {
    stubServer([ballotToday(1)])
    renderPage(profilePath(1), CandidatePage, member)
    await screen.findByText('今天已投过')
    expect(voteBox(1)).toBeNull()
    expect(voteLinks()).toHaveLength(0)
    expect(screen.getByRole('link', { name: '去候选人列表' })).toBeTruthy()
  })

  it('still offers the vote for a candidate below the limit', async () => {
    stubServer([ballotToday(1)])
    await receiptsLoaded(renderPage(profilePath(3), CandidatePage, member))
    await waitFor(() => expect(voteBox(3)).toBeTruthy())
    expect(voteLinks()).toHaveLength(1)
    expect(screen.queryByText('今天已投过')).toBeNull()
  })

  it('offers no vote once all of today’s votes are used, and says when to come back', async () => {
    stubServer([ballotToday(4, 5), ballotToday(6)])
    renderPage(profilePath(3), CandidatePage, member)
    await screen.findByText('今天的票已投完')
    expect(screen.getByText('您今天的 3 票已经投完，明天 0:00 后可以再投')).toBeTruthy()
    expect(voteBox(3)).toBeNull()
    expect(voteLinks()).toHaveLength(0)
  })

  it('offers the vote as before when no one is signed in', async () => {
    stubServer([ballotToday(1)])
    renderPage(profilePath(1), CandidatePage, null)
    await waitFor(() => expect(voteBox(1)).toBeTruthy())
    expect(voteLinks()).toHaveLength(1)
  })
})

describe('candidate profile: objecting during publicity', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('names the candidate in the objection form and fills in a signed-in member’s name', async () => {
    stubServer([], undefined, { phase: 'publicity' })
    renderPage(profilePath(2), CandidatePage, member)
    expect(await screen.findByRole('heading', { name: '对 候选人2（2 号）提出异议' })).toBeTruthy()
    expect(screen.getByLabelText<HTMLInputElement>('您的姓名').value).toBe('张师傅')
    expect(screen.getByLabelText<HTMLInputElement>('您的手机号').value).toBe('')
  })

  it('leaves the name empty for someone not signed in', async () => {
    stubServer([], undefined, { phase: 'publicity' })
    renderPage(profilePath(2), CandidatePage, null)
    await screen.findByRole('heading', { name: '对 候选人2（2 号）提出异议' })
    expect(screen.getByLabelText<HTMLInputElement>('您的姓名').value).toBe('')
  })
})
