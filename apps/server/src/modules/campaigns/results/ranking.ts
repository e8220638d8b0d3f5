/**
 * The final ranking of a campaign, as a pure function (docs/adr/0008-campaign-ranking.md).
 * Per category: votes are normalised to the category's top vote count, the jury score (the
 * average of the jurors' totals) to the rubric's maximum total, and final = wP·v + wJ·j.
 * Ties are broken by jury score, then votes, then the earlier nomination. The top honourCount
 * candidates win; the front-line quota is then enforced by swaps, each written into tieBreak.
 */

export type RankingInput = {
  weights: { publicVote: number; jury: number }
  /** Sum of the rubric items' maxScore. */
  rubricMax: number
  /** Minimum share of front-line workers among each category's winners (0..1). */
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

export type RankedRow = {
  candidateId: string
  rank: number
  voteShare: number
  /** Average of the jurors' totals, or null when nobody scored. */
  juryScore: number | null
  finalScore: number
  isWinner: boolean
  tieBreak: string | null
}

export type RankedCategory = {
  categoryId: string
  name: string
  honourCount: number
  rows: RankedRow[]
  notes: string[]
}

/** Scores are compared at 6 decimals so float noise never decides, nor hides, a tie. */
const round6 = (n: number) => Math.round(n * 1e6) / 1e6

const average = (xs: number[]) =>
  xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length

type Work = RankedRow & { c: RankingCandidate; juryNorm: number }

/** Sorts by final score, then jury, then votes, then earlier nomination, then ballot number. */
const compare = (a: Work, b: Work): number =>
  b.finalScore - a.finalScore ||
  round6(b.juryNorm) - round6(a.juryNorm) ||
  b.c.votes - a.c.votes ||
  (a.c.nominatedAt < b.c.nominatedAt ? -1 : a.c.nominatedAt > b.c.nominatedAt ? 1 : 0) ||
  a.c.number - b.c.number

/** Why `a` is ahead of `b` when their final scores are equal. */
const tieReason = (a: Work, b: Work): string => {
  if (round6(a.juryNorm) !== round6(b.juryNorm))
    return `与${b.c.name}（${b.c.number}号）综合得分相同，专家评分较高`
  if (a.c.votes !== b.c.votes)
    return `与${b.c.name}（${b.c.number}号）综合得分、专家评分相同，得票较多`
  if (a.c.nominatedAt !== b.c.nominatedAt)
    return `与${b.c.name}（${b.c.number}号）综合得分、专家评分、得票均相同，提名较早`
  return `与${b.c.name}（${b.c.number}号）各项均相同，按候选人编号`
}

const rankCategory = (
  input: RankingInput,
  cat: RankingInput['categories'][number],
): RankedCategory => {
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
      tieBreak: null,
    }
  })
  work.sort(compare)
  work.forEach((w, i) => {
    w.rank = i + 1
    const prev = work[i - 1]
    if (prev && prev.finalScore === w.finalScore) {
      // Both sides of a resolved tie say so: the winner of the tie-break and the one behind.
      prev.tieBreak ??= tieReason(prev, w)
      w.tieBreak ??= `与${prev.c.name}（${prev.c.number}号）综合得分相同，按并列规则排后`
    }
  })

  const winnerCount = Math.min(cat.honourCount, work.length)
  work.slice(0, winnerCount).forEach((w) => (w.isWinner = true))

  const notes: string[] = []
  const required = Math.ceil(round6(input.minFrontLineShare * winnerCount))
  let frontLine = work.filter((w) => w.isWinner && w.c.isFrontLine).length
  while (frontLine < required) {
    const out = [...work].reverse().find((w) => w.isWinner && !w.c.isFrontLine)
    const inn = work.find((w) => !w.isWinner && w.c.isFrontLine)
    if (!out || !inn) {
      notes.push(`一线职工比例要求至少 ${required} 名，仅有 ${frontLine} 名一线职工候选人可当选`)
      break
    }
    out.isWinner = false
    inn.isWinner = true
    const why = `一线职工比例不低于${Math.round(input.minFrontLineShare * 100)}%`
    const join = (prev: string | null, text: string) => (prev ? `${prev}；${text}` : text)
    out.tieBreak = join(out.tieBreak, `${why}：由第${inn.rank}名一线职工${inn.c.name}替换`)
    inn.tieBreak = join(inn.tieBreak, `${why}：替换第${out.rank}名非一线职工${out.c.name}当选`)
    frontLine++
  }

  return {
    categoryId: cat.id,
    name: cat.name,
    honourCount: cat.honourCount,
    rows: work.map(({ c: _c, juryNorm: _j, ...row }) => row),
    notes,
  }
}

export const rankCampaign = (input: RankingInput): RankedCategory[] =>
  input.categories.map((cat) => rankCategory(input, cat))
