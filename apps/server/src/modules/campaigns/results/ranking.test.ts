import { describe, expect, it } from 'vitest'
import { rankCampaign, standingOf, type RankingCandidate, type RankingInput } from './ranking'

const cand = (
  id: string,
  votes: number,
  juryTotals: number[],
  extra: Partial<RankingCandidate> = {},
): RankingCandidate => ({
  id,
  categoryId: 'k1',
  name: id,
  number: Number(id.replace(/\D/g, '')) || 1,
  isFrontLine: true,
  votes,
  juryTotals,
  nominatedAt: '2020-03-01T00:00:00.000Z',
  ...extra,
})

const input = (candidates: RankingCandidate[], over: Partial<RankingInput> = {}): RankingInput => ({
  weights: { publicVote: 0.4, jury: 0.6 },
  rubricMax: 100,
  minFrontLineShare: 0,
  categories: [{ id: 'k1', name: '技能工匠', honourCount: 2 }],
  candidates,
  ...over,
})

const rows = (i: RankingInput) => rankCampaign(i)[0]!.rows

describe('rankCampaign', () => {
  it('normalises votes to the top count and jury to the rubric maximum, then weights them', () => {
    const r = rows(input([cand('c1', 1000, [80, 90]), cand('c2', 500, [100])]))

    // c1: 0.4·1 + 0.6·0.85 = 0.91; c2: 0.4·0.5 + 0.6·1 = 0.8
    expect(r.map((x) => [x.candidateId, x.finalScore, x.rank])).toEqual([
      ['c1', 0.91, 1],
      ['c2', 0.8, 2],
    ])
    expect(r[0]).toMatchObject({ voteShare: 1, juryScore: 85, isWinner: true, tieBreak: null })
    expect(r[1]).toMatchObject({ voteShare: 0.5, juryScore: 100 })
  })

  it('counts a candidate nobody scored as 0 on the jury side, and survives zero votes', () => {
    const r = rows(input([cand('c1', 0, []), cand('c2', 0, [50])]))

    expect(r.map((x) => x.candidateId)).toEqual(['c2', 'c1'])
    expect(r[1]).toMatchObject({ juryScore: null, voteShare: 0, finalScore: 0 })
  })

  it('says which candidates nobody on the jury scored, when the jury counts', () => {
    const cat = rankCampaign(
      input([cand('c1', 10, []), cand('c2', 5, [50]), cand('c3', 1, [])]),
    )[0]!
    expect(cat.noteDetails).toEqual([
      {
        code: 'RANK_JURY_MISSING',
        params: { count: 2, names: ['c1', 'c3'] },
        message: '2 名候选人（c1、c3）还没有专家评分，其专家评分部分按 0 分计入综合得分',
      },
    ])
    // With no jury weight an unscored candidate loses nothing: no note.
    const votesOnly = rankCampaign(
      input([cand('c1', 10, []), cand('c2', 5, [])], { weights: { publicVote: 1, jury: 0 } }),
    )[0]!
    expect(votesOnly.noteDetails).toEqual([])
  })

  it('breaks a tie on the final score by the jury score first', () => {
    // c1: 0.5·1 + 0.5·0.5 = 0.75; c2: 0.5·0.5 + 0.5·1 = 0.75
    const r = rows(
      input([cand('c1', 100, [50]), cand('c2', 50, [100])], {
        weights: { publicVote: 0.5, jury: 0.5 },
      }),
    )

    expect(r.map((x) => [x.candidateId, x.finalScore])).toEqual([
      ['c2', 0.75],
      ['c1', 0.75],
    ])
    expect(r[0]!.tieBreak).toContain('专家评分较高')
    expect(r[1]!.tieBreak).toContain('按并列规则排后')
    // The same, as a code and its parameters for any language.
    expect(r[0]!.tieBreakDetails.map(({ code, params }) => ({ code, params }))).toEqual([
      { code: 'RANK_TIE_JURY', params: { name: 'c1', number: 1 } },
    ])
    expect(r[1]!.tieBreakDetails).toEqual([
      {
        code: 'RANK_TIE_BEHIND',
        params: { name: 'c2', number: 2 },
        message: '与c2（2号）综合得分相同，按并列规则排后',
      },
    ])
  })

  it('then by votes, then by the earlier nomination', () => {
    const byVotes = rows(
      input([cand('c1', 90, [50]), cand('c2', 100, [50])], {
        weights: { publicVote: 0, jury: 1 },
      }),
    )
    expect(byVotes.map((x) => x.candidateId)).toEqual(['c2', 'c1'])
    expect(byVotes[0]!.tieBreak).toContain('得票较多')
    expect(byVotes[0]!.tieBreakDetails[0]!.code).toBe('RANK_TIE_VOTES')

    const byNomination = rows(
      input([
        cand('c1', 100, [50], { nominatedAt: '2020-03-02T00:00:00.000Z' }),
        cand('c2', 100, [50], { nominatedAt: '2020-03-01T00:00:00.000Z' }),
      ]),
    )
    expect(byNomination.map((x) => x.candidateId)).toEqual(['c2', 'c1'])
    expect(byNomination[0]!.tieBreak).toContain('提名较早')
    expect(byNomination[0]!.tieBreakDetails[0]!.code).toBe('RANK_TIE_NOMINATED_EARLIER')

    const byNumber = rows(input([cand('c2', 100, [50]), cand('c1', 100, [50])]))
    expect(byNumber.map((x) => x.candidateId)).toEqual(['c1', 'c2'])
    expect(byNumber[0]!.tieBreakDetails[0]).toMatchObject({
      code: 'RANK_TIE_NUMBER',
      params: { name: 'c2', number: 2 },
    })
  })

  it('does not let float noise hide a tie', () => {
    // c1: 0.5·0.2 + 0.5·0.4 is 0.30000000000000004 in floats; c2: 0.5·0.6 + 0 is 0.3.
    const r = rows(
      input([cand('c1', 2, [40]), cand('c2', 6, []), cand('c3', 10, [0])], {
        weights: { publicVote: 0.5, jury: 0.5 },
      }),
    )
    const [a, b] = [r.find((x) => x.candidateId === 'c1')!, r.find((x) => x.candidateId === 'c2')!]
    expect(a.finalScore).toBe(b.finalScore)
    expect(a.tieBreak).toContain('专家评分较高')
    expect(b.tieBreak).not.toBeNull()
  })

  it('awards honourCount winners per category', () => {
    const r = rankCampaign(
      input(
        [
          cand('c1', 10, [10]),
          cand('c2', 20, [20]),
          cand('c3', 30, [30]),
          cand('c4', 5, [5], { categoryId: 'k2' }),
        ],
        {
          categories: [
            { id: 'k1', name: '技能工匠', honourCount: 2 },
            { id: 'k2', name: '创新工匠', honourCount: 3 },
          ],
        },
      ),
    )

    expect(r[0]!.rows.filter((x) => x.isWinner).map((x) => x.candidateId)).toEqual(['c3', 'c2'])
    expect(r[1]!.rows).toHaveLength(1)
    expect(r[1]!.rows[0]!.isWinner).toBe(true)
  })

  it('swaps the lowest-ranked non-front-line winner for the best front-line non-winner', () => {
    const office = { isFrontLine: false }
    const r = rows(
      input(
        [
          cand('c1', 100, [100], office),
          cand('c2', 90, [90], office),
          cand('c3', 80, [80], office),
          cand('c4', 70, [70]),
          cand('c5', 60, [60]),
          cand('c6', 50, [50]),
        ],
        {
          categories: [{ id: 'k1', name: '技能工匠', honourCount: 4 }],
          minFrontLineShare: 0.5,
        },
      ),
    )

    // Top 4 = c1 c2 c3 (office) + c4; 50 % of 4 needs 2 front-line: c3 gives way to c5.
    expect(r.filter((x) => x.isWinner).map((x) => x.candidateId)).toEqual(['c1', 'c2', 'c4', 'c5'])
    expect(r.find((x) => x.candidateId === 'c3')!.tieBreak).toContain('由第5名一线职工c5替换')
    expect(r.find((x) => x.candidateId === 'c5')!.tieBreak).toContain('替换第3名非一线职工c3')
    expect(r.find((x) => x.candidateId === 'c3')!.tieBreakDetails).toEqual([
      {
        code: 'RANK_QUOTA_REPLACED',
        params: { share: 50, rank: 5, name: 'c5' },
        message: '一线职工比例不低于50%：由第5名一线职工c5替换',
      },
    ])
    expect(r.find((x) => x.candidateId === 'c5')!.tieBreakDetails).toEqual([
      expect.objectContaining({
        code: 'RANK_QUOTA_REPLACES',
        params: { share: 50, rank: 3, name: 'c3' },
      }),
    ])
    expect(r.find((x) => x.candidateId === 'c1')!.tieBreakDetails).toEqual([])
    // Ranks stay the ranks by score; only the winner marks move.
    expect(r.map((x) => x.rank)).toEqual([1, 2, 3, 4, 5, 6])
  })

  it('rounds the quota up and says when too few front-line candidates exist', () => {
    const office = { isFrontLine: false }
    const r = rankCampaign(
      input([cand('c1', 100, [100], office), cand('c2', 90, [90], office), cand('c3', 80, [80])], {
        categories: [{ id: 'k1', name: '技能工匠', honourCount: 3 }],
        minFrontLineShare: 0.9,
      }),
    )[0]!

    // ceil(0.9·3) = 3 front-line winners needed; only c3 exists.
    expect(r.rows.filter((x) => x.isWinner).map((x) => x.candidateId)).toEqual(['c1', 'c2', 'c3'])
    expect(r.notes).toHaveLength(1)
    expect(r.notes[0]).toContain('至少 3 名')
    expect(r.noteDetails).toEqual([
      {
        code: 'RANK_QUOTA_UNMET',
        params: { required: 3, available: 1 },
        message: '一线职工比例要求至少 3 名，仅有 1 名一线职工候选人可当选',
      },
    ])
  })

  it('has fewer winners than honours when there are fewer candidates', () => {
    const r = rows(input([cand('c1', 1, [1])], { minFrontLineShare: 0.5 }))
    expect(r.filter((x) => x.isWinner)).toHaveLength(1)
  })

  it('meets the campaign-wide share too, swapping in the category where it costs least', () => {
    // The reviewer's case: 技能 ×2, 创新 ×1, at least 50 % front-line over all 3 winners.
    const office = { isFrontLine: false }
    const r = rankCampaign(
      input(
        [
          cand('c1', 2, [], { name: '张铁柱' }),
          cand('c2', 1, [], { ...office, name: '李师傅' }),
          cand('c3', 0, [], { name: '周焊工' }),
          cand('c4', 1, [], { ...office, categoryId: 'k2', name: '王工程师' }),
        ],
        {
          weights: { publicVote: 1, jury: 0 },
          categories: [
            { id: 'k1', name: '技能工匠', honourCount: 2 },
            { id: 'k2', name: '创新工匠', honourCount: 1 },
          ],
          minFrontLineShare: 0.5,
        },
      ),
    )
    const winners = r.flatMap((c) => c.rows.filter((x) => x.isWinner).map((x) => x.candidateId))
    // ceil(0.5·3) = 2: 创新 has no front-line candidate, so 技能 takes 周焊工 for 李师傅.
    expect(winners).toEqual(['c1', 'c3', 'c4'])
    const skill = r[0]!.rows
    expect(skill.find((x) => x.candidateId === 'c2')!.tieBreakDetails.map((d) => d.code)).toEqual([
      'RANK_QUOTA_CAMPAIGN_REPLACED',
    ])
    expect(skill.find((x) => x.candidateId === 'c3')!.tieBreakDetails[0]).toMatchObject({
      code: 'RANK_QUOTA_CAMPAIGN_REPLACES',
      params: { share: 50, rank: 2, name: '李师傅' },
    })
    expect(r[1]!.noteDetails.map((n) => n.code)).toEqual(['RANK_QUOTA_UNMET'])
    expect(r[0]!.noteDetails).toEqual([])
  })

  it('says so where the campaign-wide share could not be made up', () => {
    const office = { isFrontLine: false }
    const r = rankCampaign(
      input(
        [
          cand('c1', 2, [], { name: '甲' }),
          cand('c2', 1, [], { ...office, name: '乙' }),
          cand('c4', 1, [], { ...office, categoryId: 'k2', name: '丙' }),
        ],
        {
          weights: { publicVote: 1, jury: 0 },
          categories: [
            { id: 'k1', name: '技能工匠', honourCount: 2 },
            { id: 'k2', name: '创新工匠', honourCount: 1 },
          ],
          minFrontLineShare: 0.5,
        },
      ),
    )
    expect(r[0]!.noteDetails).toEqual([
      {
        code: 'RANK_QUOTA_CAMPAIGN_UNMET',
        params: { required: 2, available: 1 },
        message: '全部当选者中一线职工应至少 2 名，各类别的一线职工候选人只够 1 名',
      },
    ])
    expect(r[1]!.noteDetails.map((n) => n.code)).toEqual(['RANK_QUOTA_UNMET'])
  })
})

describe('standingOf', () => {
  it('calls a candidate in the places a winner only once the results are announced', () => {
    expect(standingOf('voting', true)).toBeNull()
    expect(standingOf('jury', true)).toBe('provisional')
    expect(standingOf('result_publicity', true)).toBe('proposed')
    expect(standingOf('announced', true)).toBe('winner')
    for (const phase of ['voting', 'jury', 'result_publicity', 'announced'] as const)
      expect(standingOf(phase, false)).toBeNull()
  })
})
