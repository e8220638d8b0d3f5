import { screen } from '@testing-library/react'
import type { Explanation } from '@unionhall/contracts'
import { afterEach, describe, expect, it } from 'vitest'
import '../../../test/setup'
import { explain } from '../../../lib/explanation'
import { i18n } from '../../../lib/i18n'
import { makeSession, renderWithProviders } from '../../../test/render'
import { RankingTable } from './results-tab'

const row = (candidateId: string, rank: number, name: string, tieBreakDetails: Explanation[]) => ({
  candidateId,
  name,
  number: rank,
  employerName: '兰州石化',
  isFrontLine: true,
  votes: 100,
  invalidatedVotes: 0,
  voteShare: 1,
  juryScore: 80,
  finalScore: 0.9,
  rank,
  isWinner: rank === 1,
  standing: rank === 1 ? ('provisional' as const) : null,
  tieBreak: tieBreakDetails.map((d) => d.message).join('；') || null,
  tieBreakDetails,
})

const category = {
  categoryId: '01a2270b-9000-7000-8000-0000000000c1',
  name: '技能类',
  honourCount: 1,
  rows: [
    row('01a2270b-9000-7000-8000-0000000000d1', 1, '张建国', [
      {
        code: 'RANK_TIE_JURY',
        params: { name: '李秀英', number: 2 },
        message: '与李秀英（2号）综合得分相同，专家评分较高',
      },
    ]),
    row('01a2270b-9000-7000-8000-0000000000d2', 2, '李秀英', [
      {
        code: 'RANK_TIE_BEHIND',
        params: { name: '张建国', number: 1 },
        message: '与张建国（1号）综合得分相同，按并列规则排后',
      },
      {
        code: 'RANK_QUOTA_REPLACED',
        params: { share: 50, rank: 3, name: '王芳' },
        message: '一线职工比例不低于50%：由第3名一线职工王芳替换',
      },
    ]),
  ],
  notes: ['一线职工比例要求至少 2 名，仅有 1 名一线职工候选人可当选'],
  noteDetails: [
    {
      code: 'RANK_QUOTA_UNMET',
      params: { required: 2, available: 1 },
      message: '一线职工比例要求至少 2 名，仅有 1 名一线职工候选人可当选',
    },
  ],
}

const session = makeSession(['campaign:read'])

afterEach(async () => {
  await i18n.changeLanguage('zh-CN')
})

describe('explanations', { timeout: 60_000 }, () => {
  it('shows tie-breaks, quota swaps and notes in English when the UI is English', async () => {
    await i18n.changeLanguage('en')
    renderWithProviders(<RankingTable category={category} />, session)

    expect(screen.getByText('Same final score as 李秀英 (No. 2); higher jury score')).toBeTruthy()
    expect(
      screen.getByText(
        'Same final score as 张建国 (No. 1); placed behind by the tie-break rules; ' +
          'Front-line share of at least 50%: replaced by front-line worker 王芳 (rank 3)',
      ),
    ).toBeTruthy()
    expect(
      screen.getByText(
        'Front-line winners the share needs: at least 2; front-line candidates available: 1',
      ),
    ).toBeTruthy()
    expect(screen.queryByText(/综合得分相同/)).toBeNull()
  })

  it('shows the same in Chinese when the UI is Chinese', () => {
    renderWithProviders(<RankingTable category={category} />, session)
    expect(screen.getByText('与李秀英（2号）综合得分相同，专家评分较高')).toBeTruthy()
    expect(
      screen.getByText(
        '与张建国（1号）综合得分相同，按并列规则排后；一线职工比例不低于50%：由第3名一线职工王芳替换',
      ),
    ).toBeTruthy()
  })

  it('joins a list of names the language’s way, and counts in the right number', async () => {
    const missing = (names: string[]) => ({
      code: 'RANK_JURY_MISSING',
      params: { count: names.length, names },
      message: '',
    })
    expect(explain(i18n.getFixedT('zh-CN'), missing(['张建国', '李秀英']))).toBe(
      '2 名候选人（张建国、李秀英）还没有专家评分，其专家评分部分按 0 分计入综合得分',
    )
    const en = i18n.getFixedT('en')
    expect(explain(en, missing(['张建国', '李秀英']))).toBe(
      '2 candidates (张建国, 李秀英) have no jury score yet; their jury part counts as 0 in the final score',
    )
    expect(explain(en, missing(['张建国']))).toBe(
      '1 candidate (张建国) has no jury score yet; the jury part counts as 0 in the final score',
    )
  })

  it('says one of a thing in the singular in English', () => {
    const en = i18n.getFixedT('en')
    expect(en('campaignsPublic.candidates.votes', { count: 1 })).toBe('1 vote')
    expect(en('campaignsPublic.candidates.votes', { count: 2 })).toBe('2 votes')
    expect(en('campaigns.fraud.invalidateTitle', { count: 1 })).toBe('Invalidate 1 ballot')
    expect(en('campaigns.quota.problems', { count: 3 })).toBe('3 problems found')
    expect(i18n.getFixedT('zh-CN')('campaignsPublic.candidates.votes', { count: 1 })).toBe('1 票')
    // Jury progress (jury tab) and the invalidated-ballots note (results tab).
    expect(en('campaigns.jury.progressText', { done: 0, count: 1 })).toBe('0 of 1 score submitted')
    expect(en('campaigns.jury.progressText', { done: 1, count: 4 })).toBe('1 of 4 scores submitted')
    expect(en('campaigns.results.invalidatedNote', { count: 1 })).toBe(
      ' 1 invalidated ballot is not counted.',
    )
    expect(en('campaigns.results.invalidatedNote', { count: 2 })).toBe(
      ' 2 invalidated ballots are not counted.',
    )
    expect(i18n.getFixedT('zh-CN')('campaigns.jury.progressText', { done: 0, count: 1 })).toBe(
      '已完成 0 / 1 份评分',
    )
  })

  it('renders quota problems with their variants, and falls back to the message', async () => {
    await i18n.changeLanguage('en')
    const t = i18n.t.bind(i18n)
    expect(
      explain(t, {
        code: 'QUOTA_CATEGORY_SHORTFALL',
        params: { category: '技能类', accepted: 1, honourCount: 3, missing: 2, pending: 2 },
        message: '',
      }),
    ).toBe('“技能类” has 1 accepted, fewer than its honours (3): 2 short (2 more awaiting review)')
    // One honour reads as well as three.
    expect(
      explain(t, {
        code: 'QUOTA_CATEGORY_SHORTFALL',
        params: { category: '技能类', accepted: 0, honourCount: 1, missing: 1, pending: 0 },
        message: '',
      }),
    ).toBe('“技能类” has 0 accepted, fewer than its honours (1): 1 short')
    expect(
      explain(t, {
        code: 'QUOTA_FRONT_LINE_SHARE',
        params: { share: 66.7, frontLine: 2, accepted: 3, required: 100, missing: null },
        message: '',
      }),
    ).toBe(
      'Front-line workers are 66.7% of those accepted (2/3), below the required 100%: all must be front-line workers',
    )
    expect(
      explain(t, {
        code: 'QUOTA_CATEGORY_FRONT_LINE',
        params: { category: '创新类', winners: 1, required: 50, needed: 1, frontLine: 0 },
        message: '',
      }),
    ).toBe(
      'Winners in “创新类”: 1. At least 50% front-line workers means at least 1 of them, but front-line workers among the accepted nominees: 0',
    )
    expect(explain(t, { code: 'SOMETHING_NEW', params: {}, message: '服务器的说明' })).toBe(
      '服务器的说明',
    )
  })
})
