/**
 * The final ranking of a campaign, as a pure function (docs/adr/0008-campaign-ranking.md).
 * Per category: votes are normalised to the category's top vote count, the jury score (the
 * average of the jurors' totals) to the rubric's maximum total, and final = wP·v + wJ·j.
 * Ties are broken by jury score, then votes, then the earlier nomination. The top honourCount
 * candidates win; the front-line quota is then enforced by swaps, first in each category, then
 * over the whole campaign (the review validator checks both, so the ranking meets both where
 * the candidates allow). Each tie-break and swap is an explanation (a code and its parameters,
 * with the zh-CN sentence), in tieBreakDetails.
 */

import type { CampaignPhase, ResultStanding } from '@unionhall/contracts'

export type RankingInput = {
  weights: { publicVote: number; jury: number }
  /** Sum of the rubric items' maxScore. */
  rubricMax: number
  /** Minimum share of front-line workers among each category's winners, and among all (0..1). */
  minFrontLineShare: number
  categories: { id: string; name: string; honourCount: number }[]
  candidates: RankingCandidate[]
}

export type RankingCandidate = {
  id: string
  categoryId: string
  name: string
  number: number
  isFrontLine: boolean
  votes: number
  /** Jurors' totals for this candidate (one per juror who scored). */
  juryTotals: number[]
  /** When the candidate was nominated (ISO-8601); earlier wins the last tie-break. */
  nominatedAt: string
}

type Params = Record<string, string | number | null>
/** A parameter may be a list (names), which each language joins its own way. */
type ExplanationParams = Record<string, string | number | null | string[]>

/** A stable code and its parameters; `message` is the zh-CN sentence for text-only consumers. */
export type Explanation = { code: ExplanationCode; params: ExplanationParams; message: string }

/** The zh-CN sentence of each code (the web renders code + params from its locale files). */
const ZH = {
  RANK_TIE_JURY: (p: Params) => `与${p.name}（${p.number}号）综合得分相同，专家评分较高`,
  RANK_TIE_VOTES: (p: Params) => `与${p.name}（${p.number}号）综合得分、专家评分相同，得票较多`,
  RANK_TIE_NOMINATED_EARLIER: (p: Params) =>
    `与${p.name}（${p.number}号）综合得分、专家评分、得票均相同，提名较早`,
  RANK_TIE_NUMBER: (p: Params) => `与${p.name}（${p.number}号）各项均相同，按候选人编号`,
  RANK_TIE_BEHIND: (p: Params) => `与${p.name}（${p.number}号）综合得分相同，按并列规则排后`,
  RANK_QUOTA_REPLACED: (p: Params) =>
    `一线职工比例不低于${p.share}%：由第${p.rank}名一线职工${p.name}替换`,
  RANK_QUOTA_REPLACES: (p: Params) =>
    `一线职工比例不低于${p.share}%：替换第${p.rank}名非一线职工${p.name}当选`,
  RANK_QUOTA_UNMET: (p: Params) =>
    `一线职工比例要求至少 ${p.required} 名，仅有 ${p.available} 名一线职工候选人可当选`,
  RANK_QUOTA_CAMPAIGN_REPLACED: (p: Params) =>
    `全部当选者中一线职工不低于${p.share}%：由本类别第${p.rank}名一线职工${p.name}替换`,
  RANK_QUOTA_CAMPAIGN_REPLACES: (p: Params) =>
    `全部当选者中一线职工不低于${p.share}%：替换本类别第${p.rank}名非一线职工${p.name}当选`,
  RANK_QUOTA_CAMPAIGN_UNMET: (p: Params) =>
    `全部当选者中一线职工应至少 ${p.required} 名，各类别的一线职工候选人只够 ${p.available} 名`,
  RANK_JURY_MISSING: (p: Params) =>
    `${p.count} 名候选人（${p.names}）还没有专家评分，其专家评分部分按 0 分计入综合得分`,
} as const
export type ExplanationCode = keyof typeof ZH

const explain = (code: ExplanationCode, params: ExplanationParams): Explanation => ({
  code,
  params,
  // The zh-CN sentence joins a list with '、'.
  message: ZH[code](
    Object.fromEntries(
      Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v.join('、') : v]),
    ),
  ),
})

export type RankedRow = {
  candidateId: string
  rank: number
  voteShare: number
  /** Average of the jurors' totals, or null when nobody scored. */
  juryScore: number | null
  finalScore: number
  isWinner: boolean
  /** The zh-CN messages of tieBreakDetails joined with '；', or null when there are none. */
  tieBreak: string | null
  tieBreakDetails: Explanation[]
}

export type RankedCategory = {
  categoryId: string
  name: string
  honourCount: number
  rows: RankedRow[]
  /** zh-CN messages of noteDetails. */
  notes: string[]
  noteDetails: Explanation[]
}

/** Scores are compared at 6 decimals so float noise never decides, nor hides, a tie. */
const round6 = (n: number) => Math.round(n * 1e6) / 1e6

const average = (xs: number[]) =>
  xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length

type Work = Omit<RankedRow, 'tieBreak'> & { c: RankingCandidate; juryNorm: number }

/** Sorts by final score, then jury, then votes, then earlier nomination, then ballot number. */
const compare = (a: Work, b: Work): number =>
  b.finalScore - a.finalScore ||
  round6(b.juryNorm) - round6(a.juryNorm) ||
  b.c.votes - a.c.votes ||
  (a.c.nominatedAt < b.c.nominatedAt ? -1 : a.c.nominatedAt > b.c.nominatedAt ? 1 : 0) ||
  a.c.number - b.c.number

/** Why `a` is ahead of `b` when their final scores are equal. */
const tieReason = (a: Work, b: Work): Explanation => {
  const other = { name: b.c.name, number: b.c.number }
  if (round6(a.juryNorm) !== round6(b.juryNorm)) return explain('RANK_TIE_JURY', other)
  if (a.c.votes !== b.c.votes) return explain('RANK_TIE_VOTES', other)
  if (a.c.nominatedAt !== b.c.nominatedAt) return explain('RANK_TIE_NOMINATED_EARLIER', other)
  return explain('RANK_TIE_NUMBER', other)
}

type CategoryWork = {
  cat: RankingInput['categories'][number]
  work: Work[]
  notes: Explanation[]
}

const rankCategory = (
  input: RankingInput,
  cat: RankingInput['categories'][number],
): CategoryWork => {
  const members = input.candidates.filter((c) => c.categoryId === cat.id)
  const topVotes = Math.max(0, ...members.map((c) => c.votes))
  const work: Work[] = members.map((c) => {
    const jury = average(c.juryTotals)
    const v = topVotes > 0 ? c.votes / topVotes : 0
    const j = jury !== null && input.rubricMax > 0 ? jury / input.rubricMax : 0
    return {
      c,
      candidateId: c.id,
      rank: 0,
      voteShare: round6(v),
      juryScore: jury === null ? null : round6(jury),
      juryNorm: j,
      finalScore: round6(input.weights.publicVote * v + input.weights.jury * j),
      isWinner: false,
      tieBreakDetails: [],
    }
  })
  work.sort(compare)
  work.forEach((w, i) => {
    w.rank = i + 1
    const prev = work[i - 1]
    if (prev && prev.finalScore === w.finalScore) {
      // Both sides of a resolved tie say so: the winner of the tie-break and the one behind.
      // In a run of ties each keeps the first reason it got (the one against its neighbour above).
      if (prev.tieBreakDetails.length === 0) prev.tieBreakDetails.push(tieReason(prev, w))
      if (w.tieBreakDetails.length === 0)
        w.tieBreakDetails.push(
          explain('RANK_TIE_BEHIND', { name: prev.c.name, number: prev.c.number }),
        )
    }
  })

  const winnerCount = Math.min(cat.honourCount, work.length)
  work.slice(0, winnerCount).forEach((w) => (w.isWinner = true))

  const notes: Explanation[] = []
  // An unscored candidate gets 0 for the jury part, which can decide who wins: say so where
  // staff (and, once published, the public) read the results, before anyone announces them.
  const unscored = input.weights.jury > 0 ? work.filter((w) => w.c.juryTotals.length === 0) : []
  if (unscored.length > 0)
    notes.push(
      explain('RANK_JURY_MISSING', {
        count: unscored.length,
        // A list, which each language joins its own way ('、' in Chinese, ', ' in English).
        names: unscored.map((w) => w.c.name),
      }),
    )
  const required = Math.ceil(round6(input.minFrontLineShare * winnerCount))
  let frontLine = work.filter((w) => w.isWinner && w.c.isFrontLine).length
  while (frontLine < required) {
    const out = [...work].reverse().find((w) => w.isWinner && !w.c.isFrontLine)
    const inn = work.find((w) => !w.isWinner && w.c.isFrontLine)
    if (!out || !inn) {
      notes.push(explain('RANK_QUOTA_UNMET', { required, available: frontLine }))
      break
    }
    out.isWinner = false
    inn.isWinner = true
    const share = Math.round(input.minFrontLineShare * 100)
    out.tieBreakDetails.push(
      explain('RANK_QUOTA_REPLACED', { share, rank: inn.rank, name: inn.c.name }),
    )
    inn.tieBreakDetails.push(
      explain('RANK_QUOTA_REPLACES', { share, rank: out.rank, name: out.c.name }),
    )
    frontLine++
  }
  return { cat, work, notes }
}

/**
 * The campaign-wide share, after each category's: while too few of all winners are front-line,
 * swap the non-front-line winner and the front-line runner-up of one category (honour counts
 * stay), choosing each time the swap that costs the least final score. A category's own quota
 * never breaks: a swap only adds front-line winners.
 */
const enforceCampaignShare = (input: RankingInput, cats: CategoryWork[]) => {
  if (input.minFrontLineShare <= 0) return
  const winners = cats.flatMap((c) => c.work.filter((w) => w.isWinner))
  const required = Math.ceil(round6(input.minFrontLineShare * winners.length))
  let frontLine = winners.filter((w) => w.c.isFrontLine).length
  const share = Math.round(input.minFrontLineShare * 100)
  while (frontLine < required) {
    let best: { out: Work; inn: Work; loss: number } | null = null
    for (const { work } of cats) {
      const out = [...work].reverse().find((w) => w.isWinner && !w.c.isFrontLine)
      const inn = work.find((w) => !w.isWinner && w.c.isFrontLine)
      if (!out || !inn) continue
      const loss = out.finalScore - inn.finalScore
      if (!best || loss < best.loss) best = { out, inn, loss }
    }
    if (!best) {
      // Said where it could have been made up; a category short of its own quota says so already.
      for (const c of cats)
        if (
          !c.notes.some((n) => n.code === 'RANK_QUOTA_UNMET') &&
          c.work.some((w) => w.isWinner && !w.c.isFrontLine)
        )
          c.notes.push(explain('RANK_QUOTA_CAMPAIGN_UNMET', { required, available: frontLine }))
      return
    }
    const { out, inn } = best
    out.isWinner = false
    inn.isWinner = true
    out.tieBreakDetails.push(
      explain('RANK_QUOTA_CAMPAIGN_REPLACED', { share, rank: inn.rank, name: inn.c.name }),
    )
    inn.tieBreakDetails.push(
      explain('RANK_QUOTA_CAMPAIGN_REPLACES', { share, rank: out.rank, name: out.c.name }),
    )
    frontLine++
  }
}

const finish = ({ cat, work, notes }: CategoryWork): RankedCategory => {
  return {
    categoryId: cat.id,
    name: cat.name,
    honourCount: cat.honourCount,
    rows: work.map(({ c: _c, juryNorm: _j, ...row }) => ({
      ...row,
      tieBreak:
        row.tieBreakDetails.length > 0
          ? row.tieBreakDetails.map((d) => d.message).join('；')
          : null,
    })),
    notes: notes.map((n) => n.message),
    noteDetails: notes,
  }
}

export const rankCampaign = (input: RankingInput): RankedCategory[] => {
  const cats = input.categories.map((cat) => rankCategory(input, cat))
  enforceCampaignShare(input, cats)
  return cats.map(finish)
}

/**
 * What a candidate in the places may be called in this phase. Only the announcement makes a
 * winner (当选): until then the jury may still score and an objection may still withdraw
 * someone, so the places are provisional (jury) or proposed (result publicity), and while
 * voting runs, with no jury score in yet, they are not shown at all.
 */
export const standingOf = (phase: CampaignPhase, inPlaces: boolean): ResultStanding | null => {
  if (!inPlaces) return null
  switch (phase) {
    case 'announced':
      return 'winner'
    case 'result_publicity':
      return 'proposed'
    case 'jury':
      return 'provisional'
    default:
      return null
  }
}
