import type { z } from 'zod'
import type {
  MemberHonour,
  PutForwardBody,
  PutForwardResultSchema,
  ResultStanding,
  ResultsSchema,
} from '@unionhall/contracts'
import { uuidv7 } from 'uuidv7'
import { toBool } from '../../../platform/db/columns'
import type { Db } from '../../../platform/db/create-db'
import { withTransaction } from '../../../platform/db/transaction'
import { commonErrors } from '../../../platform/errors/app-error'
import { writeXlsx } from '../../../platform/files/spreadsheet'
import { requireActor, requireAt, type Ctx } from '../../../core/access'
import { recordAudit } from '../../../core/audit'
import { findMemberById } from '../../../core/members'
import { campaignErrors } from '../campaigns.errors'
import { findLiveNominationOf } from '../nominations/nominations.repository'
import { advancePhase, onPhaseEntered } from '../setup/setup.service'
import {
  assertPhase,
  loadCampaign,
  loadCampaignFor,
  type LoadedCampaign,
} from '../shared/campaign-state'
import { rankCampaign, standingOf } from './ranking'
import * as repo from './results.repository'

export type Results = z.infer<typeof ResultsSchema>

/**
 * Computes the results from the tallies and the jury scores. Once announced, the winners are
 * the recorded honours: a ballot invalidated afterwards changes the counts shown, never who
 * was announced.
 */
export const computeResults = async (db: Db, c: LoadedCampaign): Promise<Results> => {
  const campaignId = c.row.id
  const [candidates, tallies, scores, invalidatedBallots, honours] = await Promise.all([
    repo.listActiveCandidates(db, campaignId),
    repo.listTallies(db, campaignId),
    repo.listScores(db, campaignId),
    repo.countInvalidatedBallots(db, campaignId),
    c.row.phase === 'announced' ? repo.listHonoursOfCampaign(db, campaignId) : [],
  ])
  const tally = new Map(tallies.map((t) => [t.candidate_id, t]))
  const totals = new Map<string, number[]>()
  for (const s of scores) {
    const list = totals.get(s.candidate_id) ?? []
    list.push(Number(s.total))
    totals.set(s.candidate_id, list)
  }
  const ranked = rankCampaign({
    weights: c.dto.rules.weights,
    rubricMax: c.dto.rubric.reduce((sum, r) => sum + r.maxScore, 0),
    minFrontLineShare: c.dto.quotas.minFrontLineShare,
    categories: c.dto.categories,
    candidates: candidates.map((r) => ({
      id: r.id,
      categoryId: r.category_id,
      name: r.name,
      number: r.number,
      isFrontLine: toBool(r.is_front_line),
      votes: Number(tally.get(r.id)?.votes ?? 0),
      juryTotals: totals.get(r.id) ?? [],
      nominatedAt: r.nominated_at,
    })),
  })
  const byId = new Map(candidates.map((r) => [r.id, r]))
  const announcedWinners = honours.length > 0 ? new Set(honours.map((h) => h.candidate_id)) : null
  return {
    campaignId,
    weights: c.dto.rules.weights,
    invalidatedBallots,
    announcedAt: c.row.announced_at,
    categories: ranked.map((cat) => ({
      categoryId: cat.categoryId,
      name: cat.name,
      honourCount: cat.honourCount,
      notes: cat.notes,
      noteDetails: cat.noteDetails,
      rows: cat.rows.map((row) => {
        const cand = byId.get(row.candidateId)!
        const isWinner = announcedWinners ? announcedWinners.has(row.candidateId) : row.isWinner
        return {
          ...row,
          isWinner,
          standing: standingOf(c.row.phase, isWinner),
          name: cand.name,
          number: cand.number,
          employerName: cand.employer_name,
          isFrontLine: toBool(cand.is_front_line),
          votes: Number(tally.get(row.candidateId)?.votes ?? 0),
          invalidatedVotes: Number(tally.get(row.candidateId)?.invalidated_votes ?? 0),
        }
      }),
    })),
  }
}

/** Staff see results once the votes may be seen: after voting (or during it when not sealed). */
const assertResultsVisible = (c: LoadedCampaign) => {
  if (c.row.phase === 'voting' && !c.dto.rules.sealed) return
  assertPhase(c, 'jury', 'result_publicity', 'announced')
}

/** @throws CAMPAIGN_WRONG_PHASE before the votes may be seen */
export const getResults = async (db: Db, ctx: Ctx, campaignId: string) => {
  const c = await loadCampaignFor(db, ctx, campaignId, 'campaign:read')
  assertResultsVisible(c)
  return computeResults(db, c)
}

/**
 * The published results, with invalidated counts: the proposed winners during result publicity
 * (结果公示, `announcedAt` null), when anyone may still object to a candidate, and the
 * announced honours after. @throws CAMPAIGN_RESULTS_NOT_ANNOUNCED before result publicity
 */
export const getPublicResults = async (db: Db, campaignId: string) => {
  const c = await loadCampaign(db, campaignId)
  if (c.row.phase === 'draft') throw campaignErrors.notFound(campaignId)
  if (c.row.phase !== 'announced' && c.row.phase !== 'result_publicity')
    throw campaignErrors.resultsNotAnnounced()
  return computeResults(db, c)
}

/**
 * Records the honours when a campaign enters 'announced', inside the phase change's
 * transaction: the phase, the honours and their audit record commit together. Whether staff
 * call POST /announce or POST /phase {to: 'announced'}, the same thing happens.
 */
const recordHonours = async (trx: Db, ctx: Ctx, before: LoadedCampaign) => {
  if ((await repo.listHonoursOfCampaign(trx, before.row.id)).length > 0) return
  const c: LoadedCampaign = { ...before, row: { ...before.row, phase: 'result_publicity' } }
  const results = await computeResults(trx, c)
  const awardedAt = ctx.now.toISOString()
  const winners = results.categories.flatMap((cat) =>
    cat.rows.filter((r) => r.isWinner).map((r) => ({ cat, r })),
  )
  const candidates = new Map(
    (
      await repo.findCandidatesByIds(
        trx,
        c.row.id,
        winners.map((w) => w.r.candidateId),
      )
    ).map((r) => [r.id, r]),
  )
  const rows = winners.map(({ cat, r }) => ({
    id: uuidv7(),
    campaign_id: c.row.id,
    candidate_id: r.candidateId,
    member_id: candidates.get(r.candidateId)?.member_id ?? null,
    title: c.row.honour_title,
    year: c.row.year,
    category_name: cat.name,
    awarded_at: awardedAt,
  }))
  await repo.insertHonours(trx, rows)
  await recordAudit(trx, ctx, {
    action: 'campaign.results-announced',
    targetType: 'campaign',
    targetId: c.row.id,
    orgId: c.row.org_id,
    summary: {
      after: {
        winners: rows.map((h) => ({
          candidateId: h.candidate_id,
          memberId: h.member_id,
          category: h.category_name,
        })),
        invalidatedBallots: results.invalidatedBallots,
      },
    },
  })
}

onPhaseEntered(async (trx, ctx, campaign, to) => {
  if (to !== 'announced') return
  // Publicity exists so that objections can stop an honour: none may be left undecided. An
  // upheld one is acted on by withdrawing the candidate, which result publicity allows.
  const open = await repo.countOpenObjections(trx, campaign.row.id)
  if (open > 0) throw campaignErrors.objectionsOpen(open)
  await recordHonours(trx, ctx, campaign)
})

/**
 * Announces the winners: from result_publicity, moves the campaign to announced (which records
 * the honours in the same transaction). Announcing again returns the same results.
 * @throws CAMPAIGN_WRONG_PHASE
 */
export const announce = async (db: Db, ctx: Ctx, campaignId: string) => {
  const c = await loadCampaignFor(db, ctx, campaignId, 'campaign:manage')
  if (c.row.phase !== 'announced') {
    assertPhase(c, 'result_publicity')
    await advancePhase(db, ctx, campaignId, 'announced')
  }
  return computeResults(db, await loadCampaign(db, campaignId))
}

const RESULT_HEADERS = [
  '类别',
  '编号',
  '姓名',
  '工作单位',
  '一线职工',
  '有效票',
  '无效票',
  '票数得分',
  '专家评分',
  '综合得分',
  '排名',
  '当选情况',
  '说明',
]

/** The export's words for a standing: 当选 only once announced. */
const STANDING_TEXT: Record<ResultStanding, string> = {
  provisional: '暂列',
  proposed: '拟当选',
  winner: '当选',
}

/** Candidates with their results as .xlsx, audited (the file leaves the system). */
export const exportResults = async (db: Db, ctx: Ctx, campaignId: string) => {
  const c = await loadCampaignFor(db, ctx, campaignId, 'campaign:read')
  assertResultsVisible(c)
  const results = await computeResults(db, c)
  const rows = results.categories.flatMap((cat) =>
    cat.rows.map((r) => [
      cat.name,
      r.number,
      r.name,
      r.employerName,
      r.isFrontLine ? '是' : '否',
      r.votes,
      r.invalidatedVotes,
      r.voteShare,
      r.juryScore,
      r.finalScore,
      r.rank,
      r.standing ? STANDING_TEXT[r.standing] : '',
      // The export is a zh-CN document (its headers are too): the zh-CN sentences.
      r.tieBreak ?? '',
    ]),
  )
  rows.push([], ['无效选票（张）', results.invalidatedBallots])
  const file = await writeXlsx('评选结果', RESULT_HEADERS, rows)
  await withTransaction(db, (trx) =>
    recordAudit(trx, ctx, {
      action: 'campaign.results-exported',
      targetType: 'campaign',
      targetId: campaignId,
      orgId: c.row.org_id,
      summary: { rows: rows.length - 2 },
    }),
  )
  return { file, name: `${c.row.name}-评选结果.xlsx` }
}

/**
 * Staff of a parent campaign put announced winners of a child campaign forward as nominations
 * of the parent: accepted at the child's level, they enter review at the parent's org. A
 * person already nominated in the parent (same mobile or ID number) is skipped, so putting
 * forward twice is harmless.
 * @throws CAMPAIGN_NOT_CHILD, CAMPAIGN_WRONG_PHASE, CAMPAIGN_NOT_WINNER, CAMPAIGN_CATEGORY_MISMATCH
 */
export const putForward = async (
  db: Db,
  ctx: Ctx,
  campaignId: string,
  body: PutForwardBody,
): Promise<z.infer<typeof PutForwardResultSchema>> => {
  const parent = await loadCampaignFor(db, ctx, campaignId, 'campaign:manage')
  const actor = requireActor(ctx)
  const child = await loadCampaign(db, body.childCampaignId)
  if (child.row.parent_campaign_id !== parent.row.id)
    throw campaignErrors.notChildCampaign(body.childCampaignId)
  assertPhase(parent, 'nomination', 'review')
  if (child.row.phase !== 'announced')
    throw campaignErrors.wrongPhase(child.row.phase, ['announced'])
  const candidateIds = [...new Set(body.candidateIds)]
  const winners = new Set(
    (await repo.listHonoursOfCampaign(db, child.row.id)).map((h) => h.candidate_id),
  )
  const notWinners = candidateIds.filter((id) => !winners.has(id))
  if (notWinners.length > 0) throw campaignErrors.notWinner(notWinners)
  const candidates = await repo.findCandidatesByIds(db, child.row.id, candidateIds)
  const categoryOf = new Map<string, string>()
  for (const cand of candidates) {
    const cat = parent.dto.categories.find((k) => k.name === cand.category_name)
    if (!cat) throw campaignErrors.categoryMismatch(cand.category_name)
    categoryOf.set(cand.id, cat.id)
  }
  const now = ctx.now.toISOString()
  const note = `${child.row.name}（${child.orgName}）获奖者，由上级评选推荐`
  return withTransaction(db, async (trx) => {
    const created: { candidateId: string; nominationId: string }[] = []
    const skipped: { candidateId: string; nominationId: string }[] = []
    for (const cand of candidates) {
      const source = await repo.findNomination(trx, cand.nomination_id)
      if (!source) throw campaignErrors.candidateNotFound(cand.id)
      // The same person by mobile or ID number: live nominations are unique on both.
      const existing = await findLiveNominationOf(
        trx,
        parent.row.id,
        source.nominee_mobile_hash,
        source.nominee_id_card_hash,
      )
      if (existing) {
        skipped.push({ candidateId: cand.id, nominationId: existing.id })
        continue
      }
      const id = uuidv7()
      await repo.insertNominationWithSupport(
        trx,
        {
          ...source,
          id,
          campaign_id: parent.row.id,
          category_id: categoryOf.get(cand.id)!,
          nominee_member_id: source.nominee_member_id ?? cand.member_id,
          status: 'submitted',
          merged_into_id: null,
          supporter_count: 1,
          review_level_org_id: parent.row.org_id,
          review_reason: 'meets_criteria',
          review_note: note,
          reviewed_by: actor.memberId,
          reviewed_at: now,
          created_at: now,
          updated_at: now,
        },
        {
          id: uuidv7(),
          nomination_id: id,
          nominator_member_id: null,
          nominating_org_id: child.row.org_id,
          reason: note,
          recommendation_letter: null,
          created_at: now,
        },
      )
      created.push({ candidateId: cand.id, nominationId: id })
    }
    await recordAudit(trx, ctx, {
      action: 'campaign.nominations-put-forward',
      targetType: 'campaign',
      targetId: parent.row.id,
      orgId: parent.row.org_id,
      summary: { childCampaignId: child.row.id, after: { created, skipped } },
    })
    return { created, skipped }
  })
}

type HonourRow = Awaited<ReturnType<typeof repo.listHonoursOfMember>>[number]
const toHonour = (h: HonourRow): MemberHonour => ({
  id: h.id,
  memberId: h.member_id,
  title: h.title,
  year: h.year,
  campaignId: h.campaign_id,
  campaignName: h.campaign_name,
  orgName: h.org_name,
  categoryName: h.category_name,
  awardedAt: h.awarded_at,
})

/** A member's honours, for staff whose scope covers the member's org. @throws MEMBER_NOT_FOUND */
export const listMemberHonours = async (db: Db, ctx: Ctx, memberId: string) => {
  const member = await findMemberById(db, memberId)
  if (!member) throw commonErrors.notFound('member', memberId)
  requireAt(ctx, 'campaign:read', member.org_path)
  return (await repo.listHonoursOfMember(db, memberId)).map(toHonour)
}

/** The signed-in member's own honours (their profile page). */
export const myHonours = async (db: Db, ctx: Ctx) =>
  (await repo.listHonoursOfMember(db, requireActor(ctx).memberId)).map(toHonour)
