import type { QuotaCheck } from '@unionhall/contracts'

export type QuotaInput = {
  categories: { id: string; name: string; honourCount: number }[]
  /** Per category: nominations accepted at the top level, and those still pending. */
  counts: Map<string, { accepted: number; acceptedFrontLine: number; pending: number }>
  minFrontLineShare: number
  maxCandidatesPerHonour?: number
}

/** A share as a percentage with one decimal (0.333 → 33.3). */
const pct = (x: number) => Math.round(x * 1000) / 10

type Params = Record<string, string | number | null>

/**
 * The zh-CN sentence of each problem code, kept in the answer as `message` for consumers that
 * show text only; the web renders code + params from its locale files instead.
 */
const ZH: Record<string, (p: Params) => string> = {
  QUOTA_CATEGORY_SHORTFALL: (p) =>
    `「${p.category}」已入选 ${p.accepted} 人，少于表彰名额 ${p.honourCount} 人，还差 ${p.missing} 人` +
    (Number(p.pending) > 0 ? `（另有 ${p.pending} 人待审核）` : ''),
  QUOTA_CATEGORY_EXCESS: (p) =>
    `「${p.category}」已入选 ${p.accepted} 人，超过上限 ${p.cap} 人` +
    `（名额 ${p.honourCount} × ${p.factor}），需减少 ${p.excess} 人`,
  QUOTA_CATEGORY_FRONT_LINE: (p) =>
    `「${p.category}」将评出 ${p.winners} 人，按一线职工不低于 ${p.required}% 至少需 ${p.needed} 名一线职工，` +
    `已入选的一线职工只有 ${p.frontLine} 人`,
  QUOTA_FRONT_LINE_SHARE: (p) =>
    `一线职工占入选人数的 ${p.share}%（${p.frontLine}/${p.accepted}），低于要求的 ${p.required}%` +
    (p.missing === null
      ? '，要求全部为一线职工'
      : `，至少还需 ${p.missing} 名一线职工（或减少非一线人选）`),
}

const problem = (code: keyof typeof ZH, categoryId: string | null, params: Params) => ({
  code,
  categoryId,
  params,
  message: ZH[code]!(params),
})

export const checkQuotas = (input: QuotaInput): QuotaCheck => {
  const problems: QuotaCheck['problems'] = []
  let accepted = 0
  let frontLine = 0
  const categories = input.categories.map((c) => {
    const n = input.counts.get(c.id) ?? { accepted: 0, acceptedFrontLine: 0, pending: 0 }
    accepted += n.accepted
    frontLine += n.acceptedFrontLine
    if (n.accepted < c.honourCount) {
      problems.push(
        problem('QUOTA_CATEGORY_SHORTFALL', c.id, {
          category: c.name,
          accepted: n.accepted,
          honourCount: c.honourCount,
          missing: c.honourCount - n.accepted,
          pending: n.pending,
        }),
      )
    }
    const cap =
      input.maxCandidatesPerHonour === undefined
        ? null
        : Math.floor(c.honourCount * input.maxCandidatesPerHonour)
    if (cap !== null && n.accepted > cap) {
      problems.push(
        problem('QUOTA_CATEGORY_EXCESS', c.id, {
          category: c.name,
          accepted: n.accepted,
          cap,
          honourCount: c.honourCount,
          factor: input.maxCandidatesPerHonour!,
          excess: n.accepted - cap,
        }),
      )
    }
    // The ranking applies the front-line share to each category's winners (results/ranking.ts:
    // a front-line runner-up replaces the last other winner of the same category), so each
    // category must have enough front-line workers among its accepted nominations; the
    // campaign-wide share alone can hide a category that has none.
    const winners = Math.min(c.honourCount, n.accepted)
    const needed = Math.ceil(Math.round(input.minFrontLineShare * winners * 1e6) / 1e6)
    if (input.minFrontLineShare > 0 && winners > 0 && n.acceptedFrontLine < needed) {
      problems.push(
        problem('QUOTA_CATEGORY_FRONT_LINE', c.id, {
          category: c.name,
          winners,
          required: pct(input.minFrontLineShare),
          needed,
          frontLine: n.acceptedFrontLine,
        }),
      )
    }
    return {
      categoryId: c.id,
      name: c.name,
      honourCount: c.honourCount,
      accepted: n.accepted,
      acceptedFrontLine: n.acceptedFrontLine,
      pending: n.pending,
    }
  })
  const share = accepted === 0 ? 0 : frontLine / accepted
  if (input.minFrontLineShare > 0 && (accepted === 0 || share < input.minFrontLineShare)) {
    // The fewest front-line workers that would meet the share with the others unchanged.
    const others = accepted - frontLine
    const needed =
      input.minFrontLineShare >= 1
        ? others > 0
          ? Infinity
          : 1
        : Math.ceil((input.minFrontLineShare * others) / (1 - input.minFrontLineShare) - 1e-9)
    const missing = Number.isFinite(needed) ? Math.max(needed - frontLine, 1) : null
    problems.push(
      problem('QUOTA_FRONT_LINE_SHARE', null, {
        share: pct(share),
        frontLine,
        accepted,
        required: pct(input.minFrontLineShare),
        // null: only front-line workers meet the share (it is 100 %).
        missing,
      }),
    )
  }
  return {
    ok: problems.length === 0,
    problems,
    categories,
    frontLine: { accepted, frontLine, share, required: input.minFrontLineShare },
  }
}
