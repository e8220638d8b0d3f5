import type { QuotaCheck } from '@unionhall/contracts'

export type QuotaInput = {
  categories: { id: string; name: string; honourCount: number }[]
  /** Per category: nominations accepted at the top level, and those still pending. */
  counts: Map<string, { accepted: number; acceptedFrontLine: number; pending: number }>
  minFrontLineShare: number
  maxCandidatesPerHonour?: number
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`

/**
 * Checks accepted nominations against the per-category honour counts and the structural
 * quotas, and says in words (zh-CN) what breaks and by how much.
 */
export const checkQuotas = (input: QuotaInput): QuotaCheck => {
  const problems: QuotaCheck['problems'] = []
  let accepted = 0
  let frontLine = 0
  const categories = input.categories.map((c) => {
    const n = input.counts.get(c.id) ?? { accepted: 0, acceptedFrontLine: 0, pending: 0 }
    accepted += n.accepted
    frontLine += n.acceptedFrontLine
    if (n.accepted < c.honourCount) {
      problems.push({
        code: 'QUOTA_CATEGORY_SHORTFALL',
        categoryId: c.id,
        message:
          `「${c.name}」已入选 ${n.accepted} 人，少于表彰名额 ${c.honourCount} 人，还差 ` +
          `${c.honourCount - n.accepted} 人` +
          (n.pending > 0 ? `（另有 ${n.pending} 人待审核）` : ''),
      })
    }
    const cap =
      input.maxCandidatesPerHonour === undefined
        ? null
        : Math.floor(c.honourCount * input.maxCandidatesPerHonour)
    if (cap !== null && n.accepted > cap) {
      problems.push({
        code: 'QUOTA_CATEGORY_EXCESS',
        categoryId: c.id,
        message:
          `「${c.name}」已入选 ${n.accepted} 人，超过上限 ${cap} 人` +
          `（名额 ${c.honourCount} × ${input.maxCandidatesPerHonour}），需减少 ${n.accepted - cap} 人`,
      })
    }
    return {
      categoryId: c.id,
      name: c.name,
      honourCount: c.honourCount,
      accepted: n.accepted,
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
    problems.push({
      code: 'QUOTA_FRONT_LINE_SHARE',
      categoryId: null,
      message:
        `一线职工占入选人数的 ${pct(share)}（${frontLine}/${accepted}），低于要求的 ` +
        `${pct(input.minFrontLineShare)}` +
        (missing === null
          ? '，要求全部为一线职工'
          : `，至少还需 ${missing} 名一线职工（或减少非一线人选）`),
    })
  }
  return {
    ok: problems.length === 0,
    problems,
    categories,
    frontLine: { accepted, frontLine, share, required: input.minFrontLineShare },
  }
}
