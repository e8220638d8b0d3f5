import type { Campaign } from '@unionhall/contracts'
import { describe, expect, it } from 'vitest'
import '../../../test/setup'
import { ApiError } from '../../../lib/api-error'
import { i18n } from '../../../lib/i18n'
import {
  ballotErrorText,
  dailyLimitText,
  todayAllowance,
  voteBlockedNote,
  votesTodayByCandidate,
  votesUsedToday,
} from './ballot-messages'
import { votingClosedText } from './phase'

const t = i18n.getFixedT('zh-CN')
const en = i18n.getFixedT('en')

const period = (s: string, e: string) => ({ startsAt: s, endsAt: e })
const campaign = (over: Partial<Campaign> = {}): Campaign => ({
  id: '00000000-0000-7000-8000-0000000000aa',
  orgId: '00000000-0000-7000-8000-0000000000ab',
  orgName: '甘肃省总工会',
  parentCampaignId: null,
  name: '陇原工匠评选',
  honourTitle: '陇原工匠',
  year: 2026,
  description: '',
  coverImageUrl: null,
  phase: 'voting',
  phaseMode: 'auto',
  schedule: {
    nomination: period('2026-04-01T00:00:00.000Z', '2026-04-10T00:00:00.000Z'),
    review: period('2026-04-10T00:00:00.000Z', '2026-04-20T00:00:00.000Z'),
    publicity: period('2026-04-20T00:00:00.000Z', '2026-05-01T00:00:00.000Z'),
    // 5 月 20 日 22:00 Beijing time
    voting: period('2026-05-01T00:00:00.000Z', '2026-05-20T14:00:00.000Z'),
    jury: period('2026-05-21T00:00:00.000Z', '2026-05-25T00:00:00.000Z'),
    result_publicity: period('2026-05-25T00:00:00.000Z', '2026-06-01T00:00:00.000Z'),
  },
  rules: {
    eligibility: 'members',
    votesPerDay: 3,
    maxPerCandidatePerDay: 1,
    maxChoicesPerBallot: 3,
    hours: { start: '08:00', end: '22:00' },
    sealed: false,
    weights: { publicVote: 0.4, jury: 0.6 },
  },
  rulesLockedAt: null,
  quotas: { minFrontLineShare: 0.5 },
  rubric: [],
  categories: [],
  createdAt: '2026-03-01T00:00:00.000Z',
  ...over,
})

// 2026-05-10 15:00 Beijing time
const afternoon = new Date('2026-05-10T07:00:00.000Z')

describe('limit and closed messages', () => {
  it('says plainly when today’s votes are used up and when voting opens again', () => {
    expect(dailyLimitText(t, campaign(), afternoon)).toBe(
      '您今天的 3 票已经投完，明天 8:00 后可以再投',
    )
    expect(
      ballotErrorText(t, new ApiError('BALLOT_DAILY_LIMIT', 409, 'x', { max: 3 }), {
        campaign: campaign(),
        now: afternoon,
        leftToday: 0,
      }),
    ).toBe('您今天的 3 票已经投完，明天 8:00 后可以再投')
    expect(dailyLimitText(en, campaign(), afternoon)).toBe(
      "You have used all 3 of today's votes; you can vote again tomorrow after 8:00",
    )
    const one = campaign({ rules: { ...campaign().rules, votesPerDay: 1 } })
    expect(dailyLimitText(en, one, afternoon)).toBe(
      "You have used today's 1 vote; you can vote again tomorrow after 8:00",
    )
    expect(dailyLimitText(t, one, afternoon)).toBe('您今天的 1 票已经投完，明天 8:00 后可以再投')
  })

  it('asks for fewer choices when some votes are left today', () => {
    const text = ballotErrorText(t, new ApiError('BALLOT_DAILY_LIMIT', 409, 'x'), {
      campaign: campaign(),
      now: afternoon,
      leftToday: 1,
    })
    expect(text).toBe('您今天还能投 1 票，请少选几位')
  })

  it('on the last day, names the deadline instead of tomorrow', () => {
    const lastDay = new Date('2026-05-20T07:00:00.000Z')
    expect(dailyLimitText(t, campaign(), lastDay)).toBe(
      '您今天的 3 票已经投完，本次投票于 5 月 20 日 22:00 截止，感谢参与',
    )
  })

  it('names the candidate for the per-candidate limit', () => {
    const text = ballotErrorText(
      t,
      new ApiError('BALLOT_CANDIDATE_LIMIT', 409, 'x', { max: 1, candidateId: 'c1' }),
      { campaign: campaign(), now: afternoon, leftToday: 2, candidateName: () => '王师傅' },
    )
    expect(text).toContain('您今天已经投过 王师傅')
  })

  it('explains voting hours, not-yet-open and closed voting in words', () => {
    const night = new Date('2026-05-10T15:30:00.000Z') // 23:30 Beijing
    const early = new Date('2026-05-10T22:30:00.000Z') // 06:30 Beijing, next day
    expect(votingClosedText(t, campaign(), night)).toBe(
      '现在不在投票时间，明天 8:00 后可以再投（每天 8:00–22:00）',
    )
    expect(votingClosedText(t, campaign(), early)).toBe(
      '现在不在投票时间，今天 8:00 开始投票（每天 8:00–22:00）',
    )
    expect(votingClosedText(t, campaign(), afternoon)).toBeNull()
    // Before the planned start its date is given; once that date has passed (staff advance
    // the phases by hand), no date.
    expect(
      votingClosedText(t, campaign({ phase: 'publicity' }), new Date('2026-04-20T06:00:00Z')),
    ).toBe('投票还没开始，5 月 1 日 08:00 开始')
    expect(votingClosedText(t, campaign({ phase: 'publicity' }), afternoon)).toBe(
      '投票尚未开始，开始时间以通知为准',
    )
    expect(votingClosedText(t, campaign({ phase: 'jury' }), afternoon)).toBe(
      '投票已经结束，感谢您的参与',
    )
    expect(
      ballotErrorText(t, new ApiError('BALLOT_VOTING_CLOSED', 409, 'x'), {
        campaign: campaign({ phase: 'jury' }),
        now: afternoon,
        leftToday: null,
      }),
    ).toBe('投票已经结束，感谢您的参与')
  })

  it('counts today’s votes from my receipts in Beijing days', () => {
    const r = (castAt: string, n: number) => ({
      receiptCode: 'X',
      campaignId: 'c',
      castAt,
      status: 'counted' as const,
      candidates: Array.from({ length: n }, (_, i) => ({ id: String(i), name: '' })),
    })
    // 2026-05-09T16:30Z is 00:30 on 10 May in Beijing: today; 15:30Z on 9 May is yesterday.
    expect(
      votesUsedToday(
        [r('2026-05-09T16:30:00.000Z', 2), r('2026-05-09T15:30:00.000Z', 3)],
        afternoon,
      ),
    ).toBe(2)
    // Per candidate: today's ballots only.
    const today = votesTodayByCandidate(
      [
        r('2026-05-09T16:30:00.000Z', 2),
        r('2026-05-10T01:00:00.000Z', 1),
        r('2026-05-09T15:30:00.000Z', 3),
      ],
      afternoon,
    )
    expect([...today].sort()).toEqual([
      ['0', 2],
      ['1', 1],
    ])
  })

  it('knows from my receipts which candidates I can still vote for today', () => {
    const r = (castAt: string, ...ids: string[]) => ({
      receiptCode: 'X',
      campaignId: 'c',
      castAt,
      status: 'counted' as const,
      candidates: ids.map((id) => ({ id, name: '' })),
    })
    const rules = { votesPerDay: 3, maxPerCandidatePerDay: 1 }
    // Today (Beijing): one vote for a; yesterday's ballot for b does not count.
    const some = todayAllowance(
      [r('2026-05-10T01:00:00.000Z', 'a'), r('2026-05-09T15:30:00.000Z', 'b', 'c')],
      rules,
      afternoon,
    )
    expect(some.leftToday).toBe(2)
    expect(some.candidateFull('a')).toBe(true)
    expect(some.candidateFull('b')).toBe(false)
    expect(voteBlockedNote(t, some, 'a')).toBe('今天已投过')
    expect(voteBlockedNote(en, some, 'a')).toBe('Voted today')
    expect(voteBlockedNote(t, some, 'b')).toBeNull()
    // Two votes a day for the same candidate: one is not the limit yet.
    expect(
      todayAllowance(
        [r('2026-05-10T01:00:00.000Z', 'a')],
        { ...rules, maxPerCandidatePerDay: 2 },
        afternoon,
      ).candidateFull('a'),
    ).toBe(false)

    // All three of today's votes used: no candidate is offered, whoever had them.
    const none = todayAllowance(
      [r('2026-05-10T01:00:00.000Z', 'a', 'b'), r('2026-05-10T02:00:00.000Z', 'c')],
      rules,
      afternoon,
    )
    expect(none.leftToday).toBe(0)
    expect(voteBlockedNote(t, none, 'd')).toBe('今天的票已投完')
    expect(voteBlockedNote(en, none, 'a')).toBe('No votes left today')
    // More votes than allowed (rules changed mid-day) still reads as none left, not negative.
    expect(
      todayAllowance([r('2026-05-10T01:00:00.000Z', 'a', 'b', 'c', 'd')], rules, afternoon)
        .leftToday,
    ).toBe(0)

    // Receipts unknown (no voter yet): nothing is blocked.
    expect(voteBlockedNote(t, null, 'a')).toBeNull()
  })
})
