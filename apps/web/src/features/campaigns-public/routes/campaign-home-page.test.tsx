import { screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { Component as CampaignHomePage } from './campaign-home-page'
import {
  ballotToday,
  CAMPAIGN_ID,
  member,
  renderPage,
  stubServer,
} from './daily-limits.test-fixtures'

const HOME = `/c/${CAMPAIGN_ID}`

describe('campaign home and today’s votes', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    window.localStorage.clear()
  })

  it('invites a voter with votes left to vote', async () => {
    stubServer([ballotToday(1)])
    renderPage(HOME, CampaignHomePage, member)
    expect(await screen.findByRole('link', { name: '去投票' })).toBeTruthy()
  })

  it('says when a voter who used today’s votes can vote again, with no 去投票', async () => {
    stubServer([ballotToday(4, 5), ballotToday(6)])
    renderPage(HOME, CampaignHomePage, member)
    await screen.findByText('您今天的 3 票已经投完，明天 0:00 后可以再投')
    expect(screen.queryByRole('link', { name: '去投票' })).toBeNull()
    expect(screen.getByRole('link', { name: '查看候选人' })).toBeTruthy()
  })

  it('tells a member outside the campaign’s unions so, with no 去投票', async () => {
    stubServer([], { status: 403, code: 'BALLOT_VOTER_NOT_ELIGIBLE' })
    renderPage(HOME, CampaignHomePage, member)
    await screen.findByText(/只限/)
    expect(screen.queryByRole('link', { name: '去投票' })).toBeNull()
  })
})

describe('campaign home before voting', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('gives no past date for the start of voting when staff advance phases by hand', async () => {
    // The fixture's voting was planned for May 2026, long past: the campaign is still in publicity.
    stubServer([], undefined, { phase: 'publicity' })
    renderPage(HOME, CampaignHomePage, null)
    await screen.findByText('投票尚未开始，开始时间以通知为准')
    expect(screen.queryByText(/投票将于/)).toBeNull()
  })
})

describe('campaign home: the cover image', () => {
  afterEach(() => vi.unstubAllGlobals())
  const COVER = '/api/v1/uploads/01a2270b-9000-7000-8000-0000000000e1'

  it('shows the cover, lazy and with its box reserved at 16:9', async () => {
    stubServer([], undefined, { coverImageUrl: COVER })
    renderPage(HOME, CampaignHomePage, null)
    await screen.findByText(/陇原工匠/, { selector: '.cp-lead' })
    const img = document.querySelector('img.cp-cover')!
    // A copy sized for phones, and every served width for the browser to choose from.
    expect(img.getAttribute('src')).toBe(`${COVER}?w=640`)
    expect(img.getAttribute('srcset')).toBe(
      `${COVER}?w=320 320w, ${COVER}?w=640 640w, ${COVER}?w=960 960w, ${COVER}?w=1280 1280w`,
    )
    expect(img.getAttribute('alt')).toBe('')
    expect(img.getAttribute('loading')).toBe('lazy')
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['640', '360'])
  })

  it('shows none without a cover, or for a link that is not an image link', async () => {
    stubServer([], undefined, { coverImageUrl: 'javascript:alert(1)' })
    renderPage(HOME, CampaignHomePage, null)
    await screen.findByText(/陇原工匠/, { selector: '.cp-lead' })
    expect(document.querySelector('img')).toBeNull()
  })
})
