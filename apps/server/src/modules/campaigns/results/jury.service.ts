import type { z } from 'zod'
import {
  SCHEDULED_PHASES,
  type CampaignSchedule,
  type JuryCandidatesSchema,
  type JuryProgressSchema,
  type Juror,
  type MyJuryAssignment,
  type ScheduledPhase,
} from '@unionhall/contracts'
import { fromJson, toBool, toJson } from '../../../platform/db/columns'
import type { Db } from '../../../platform/db/create-db'
import { withTransaction } from '../../../platform/db/transaction'
import { commonErrors } from '../../../platform/errors/app-error'
import { canAt, requireActor, type Ctx } from '../../../core/access'
import { recordAudit } from '../../../core/audit'
import { findMemberById } from '../../../core/members'
import { campaignErrors } from '../campaigns.errors'
import {
  assertPhase,
  loadCampaign,
  loadCampaignFor,
  phaseIndex,
  type LoadedCampaign,
} from '../shared/campaign-state'
import { lockCampaignRubric } from '../shared/campaigns.repository'
import { onPhaseEntered } from '../setup/setup.service'
import * as repo from './results.repository'

/** Jurors can be named until the jury phase ends; later changes could not affect anything. */
const JUROR_EDITABLE_UNTIL = phaseIndex('jury')

const assertJurorsEditable = (c: LoadedCampaign) => {
  if (phaseIndex(c.row.phase) > JUROR_EDITABLE_UNTIL)
    throw campaignErrors.wrongPhase(c.row.phase, [
      'draft',
      'nomination',
      'review',
      'publicity',
      'voting',
      'jury',
    ])
}

/** Jurors of a campaign with how many candidates each has scored. */
export const listJurors = async (db: Db, ctx: Ctx, campaignId: string): Promise<Juror[]> => {
  await loadCampaignFor(db, ctx, campaignId, 'campaign:read')
  return (await repo.listJurors(db, campaignId)).map((r) => ({
    campaignId: r.campaign_id,
    memberId: r.member_id,
    name: r.name,
    orgName: r.org_name,
    scoredCount: Number(r.scored ?? 0),
    createdAt: r.created_at,
  }))
}

/**
 * Names a member as a juror. Jurors are members (they sign in to score) but need not belong to
 * the campaign's org subtree: experts often come from elsewhere.
 * @throws MEMBER_NOT_FOUND, CAMPAIGN_JUROR_EXISTS, CAMPAIGN_WRONG_PHASE
 */
export const addJuror = async (db: Db, ctx: Ctx, campaignId: string, memberId: string) => {
  const c = await loadCampaignFor(db, ctx, campaignId, 'campaign:manage')
  assertJurorsEditable(c)
  const member = await findMemberById(db, memberId)
  // Only members the actor can see, answered like a missing one: otherwise any member's name and
  // org leaked through the answer, and anyone could be put on a jury in another federation.
  if (
    !member ||
    member.status !== 'active' ||
    !canAt(requireActor(ctx), 'member:read', member.org_path)
  )
    throw commonErrors.notFound('member', memberId)
  if (await repo.findJuror(db, campaignId, memberId)) throw campaignErrors.jurorExists()
  await withTransaction(db, async (trx) => {
    await repo.insertJuror(trx, campaignId, memberId, ctx.now.toISOString())
    await recordAudit(trx, ctx, {
      action: 'campaign.juror-added',
      targetType: 'campaign',
      targetId: campaignId,
      orgId: c.row.org_id,
      summary: { after: { memberId, name: member.name } },
    })
  })
  return (await listJurors(db, ctx, campaignId)).find((j) => j.memberId === memberId)!
}

/**
 * Removes a juror who has not scored yet; scores already given stay part of the record.
 * @throws CAMPAIGN_JUROR_NOT_FOUND, CAMPAIGN_JUROR_HAS_SCORES, CAMPAIGN_WRONG_PHASE
 */
export const removeJuror = async (db: Db, ctx: Ctx, campaignId: string, memberId: string) => {
  const c = await loadCampaignFor(db, ctx, campaignId, 'campaign:manage')
  assertJurorsEditable(c)
  if (!(await repo.findJuror(db, campaignId, memberId))) throw campaignErrors.jurorNotFound()
  const scored = await repo.countScoresOfJuror(db, campaignId, memberId)
  if (scored > 0) throw campaignErrors.jurorHasScores(scored)
  await withTransaction(db, async (trx) => {
    await repo.deleteJuror(trx, campaignId, memberId)
    await recordAudit(trx, ctx, {
      action: 'campaign.juror-removed',
      targetType: 'campaign',
      targetId: campaignId,
      orgId: c.row.org_id,
      summary: { before: { memberId } },
    })
  })
}

const isScheduled = (phase: string): phase is ScheduledPhase =>
  (SCHEDULED_PHASES as readonly string[]).includes(phase)

/** Open scoring first, then campaigns still to come, then finished ones. */
const assignmentOrder = (a: MyJuryAssignment) =>
  a.scoringOpen ? 0 : phaseIndex(a.phase) < phaseIndex('jury') ? 1 : 2

/**
 * The campaigns where the signed-in member is a juror. Jurors are often outside experts with
 * no role anywhere, so the only check is the session: the list is the caller's own.
 */
export const myJuryAssignments = async (db: Db, ctx: Ctx): Promise<MyJuryAssignment[]> => {
  const actor = requireActor(ctx)
  const rows = await repo.listJuryAssignmentsOfMember(db, actor.memberId)
  return rows
    .map((r) => {
      const schedule = fromJson<CampaignSchedule>(r.schedule)
      return {
        campaignId: r.id,
        name: r.name,
        year: r.year,
        honourTitle: r.honour_title,
        orgName: r.org_name,
        phase: r.phase,
        phaseEndsAt: isScheduled(r.phase) ? (schedule?.[r.phase]?.endsAt ?? null) : null,
        candidateCount: Number(r.candidate_count ?? 0),
        scoredCount: Number(r.scored_count ?? 0),
        scoringOpen: r.phase === 'jury',
      }
    })
    .sort((a, b) => assignmentOrder(a) - assignmentOrder(b))
}

/** The signed-in member must be a juror of the campaign. @throws CAMPAIGN_NOT_JUROR */
const requireJuror = async (db: Db, ctx: Ctx, campaignId: string) => {
  const actor = requireActor(ctx)
  const c = await loadCampaign(db, campaignId)
  if (!(await repo.findJuror(db, campaignId, actor.memberId))) throw campaignErrors.notJuror()
  return { c, memberId: actor.memberId }
}

/** Candidates a juror scores, with the juror's own scores; never the public votes. */
export const juryCandidates = async (
  db: Db,
  ctx: Ctx,
  campaignId: string,
): Promise<z.infer<typeof JuryCandidatesSchema>> => {
  const { c, memberId } = await requireJuror(db, ctx, campaignId)
  // Candidates exist from publicity on; before that there is nothing to show.
  const [candidates, mine] = await Promise.all([
    repo.listActiveCandidates(db, campaignId),
    repo.listScoresOfJuror(db, campaignId, memberId),
  ])
  const byCandidate = new Map(mine.map((s) => [s.candidate_id, s]))
  return {
    campaignId,
    phase: c.row.phase,
    rubric: c.dto.rubric,
    items: candidates.map((r) => {
      const s = byCandidate.get(r.id)
      return {
        id: r.id,
        categoryId: r.category_id,
        categoryName: r.category_name,
        number: r.number,
        name: r.name,
        employerName: r.employer_name,
        trade: r.trade,
        isFrontLine: toBool(r.is_front_line),
        story: r.story,
        achievements: r.achievements,
        photoUrls: fromJson<string[]>(r.photo_urls) ?? [],
        videoUrl: r.video_url,
        myScores: s ? (fromJson<Record<string, number>>(s.scores) ?? {}) : null,
        myTotal: s ? Number(s.total) : null,
        myComment: s?.comment ?? null,
      }
    }),
  }
}

/** Checks scores against the rubric: every key, nothing else, each within 0..maxScore. */
export const validateScores = (
  rubric: { key: string; maxScore: number }[],
  scores: Record<string, number>,
) => {
  const problems: { key: string; problem: string; maxScore?: number }[] = []
  for (const item of rubric) {
    const v = scores[item.key]
    if (v === undefined) problems.push({ key: item.key, problem: 'missing' })
    else if (!Number.isFinite(v) || v < 0 || v > item.maxScore)
      problems.push({ key: item.key, problem: 'out_of_range', maxScore: item.maxScore })
  }
  const known = new Set(rubric.map((r) => r.key))
  for (const key of Object.keys(scores))
    if (!known.has(key)) problems.push({ key, problem: 'unknown' })
  if (problems.length > 0) throw campaignErrors.juryScoreInvalid(problems)
  return rubric.reduce((sum, item) => sum + scores[item.key]!, 0)
}

/**
 * A juror scores (or re-scores) one candidate during the jury phase.
 * @throws CAMPAIGN_NOT_JUROR, CAMPAIGN_WRONG_PHASE, CAMPAIGN_CANDIDATE_NOT_FOUND,
 *   CAMPAIGN_JURY_SCORE_INVALID
 */
export const submitScore = async (
  db: Db,
  ctx: Ctx,
  campaignId: string,
  candidateId: string,
  body: { scores: Record<string, number>; comment?: string },
) => {
  const { c, memberId } = await requireJuror(db, ctx, campaignId)
  assertPhase(c, 'jury')
  const candidate = await repo.findCandidate(db, campaignId, candidateId)
  if (!candidate || candidate.status !== 'active')
    throw campaignErrors.candidateNotFound(candidateId)
  const total = validateScores(c.dto.rubric, body.scores)
  const before = await repo.findScore(db, campaignId, candidateId, memberId)
  const row = {
    campaign_id: campaignId,
    candidate_id: candidateId,
    juror_member_id: memberId,
    scores: toJson(body.scores),
    total,
    comment: body.comment ?? null,
    submitted_at: ctx.now.toISOString(),
  }
  await withTransaction(db, async (trx) => {
    // Staff may edit the rubric until the first score: check against the rubric as it is under
    // the row lock, not as it was read before the transaction.
    const rubric = fromJson<{ key: string; maxScore: number }[]>(
      await lockCampaignRubric(trx, campaignId),
    )
    row.total = validateScores(rubric ?? c.dto.rubric, body.scores)
    await repo.upsertScore(trx, row)
    await recordAudit(trx, ctx, {
      action: 'campaign.jury-scored',
      targetType: 'campaign_candidate',
      targetId: candidateId,
      orgId: c.row.org_id,
      summary: {
        campaignId,
        before: before ? { scores: fromJson(before.scores), total: Number(before.total) } : null,
        after: { scores: body.scores, total: row.total },
      },
    })
  })
  return {
    campaignId,
    candidateId,
    jurorMemberId: memberId,
    scores: body.scores,
    total: row.total,
    comment: row.comment,
    submittedAt: row.submitted_at,
  }
}

/** Staff follow the jury: who scored whom, and each candidate's average so far. */
export const juryProgress = async (
  db: Db,
  ctx: Ctx,
  campaignId: string,
): Promise<z.infer<typeof JuryProgressSchema>> => {
  await loadCampaignFor(db, ctx, campaignId, 'campaign:read')
  const [jurors, candidates, scores] = await Promise.all([
    repo.listJurors(db, campaignId),
    repo.listActiveCandidates(db, campaignId),
    repo.listScores(db, campaignId),
  ])
  return {
    campaignId,
    candidateCount: candidates.length,
    jurors: jurors.map((j) => ({
      memberId: j.member_id,
      name: j.name,
      scored: Number(j.scored ?? 0),
    })),
    candidates: candidates.map((cand) => {
      const mine = scores.filter((s) => s.candidate_id === cand.id).map((s) => Number(s.total))
      return {
        candidateId: cand.id,
        name: cand.name,
        number: cand.number,
        scoreCount: mine.length,
        averageTotal:
          mine.length === 0
            ? null
            : Math.round((mine.reduce((a, b) => a + b, 0) / mine.length) * 100) / 100,
      }
    }),
    scores: scores.map((s) => ({
      candidateId: s.candidate_id,
      jurorMemberId: s.juror_member_id,
      total: Number(s.total),
      submittedAt: s.submitted_at,
    })),
  }
}

/** Scores still missing: each juror against each active candidate. */
export const missingJuryScores = async (db: Db, campaignId: string) => {
  const [jurors, candidates, scores] = await Promise.all([
    repo.listJurors(db, campaignId),
    repo.listActiveCandidates(db, campaignId),
    repo.listScores(db, campaignId),
  ])
  const done = new Set(scores.map((s) => `${s.juror_member_id}|${s.candidate_id}`))
  const byJuror = jurors
    .map((j) => ({
      name: j.name,
      missing: candidates.filter((c) => !done.has(`${j.member_id}|${c.id}`)).length,
    }))
    .filter((j) => j.missing > 0)
  return {
    jurors: jurors.length,
    candidates: candidates.length,
    missing: byJuror.reduce((n, j) => n + j.missing, 0),
    byJuror,
  }
}

// Leaving the jury phase fixes the ranking that result publicity shows. A missing score counts 0
// for the jury part and can decide who wins, so the step is refused until every juror has
// scored every active candidate, unless staff taking it by hand say why it may go on (audited).
// A scheduled step is refused the same way and tried again every minute: the campaign waits in
// the jury phase, and the overview says why, rather than publishing a ranking with holes.
onPhaseEntered(async (trx, ctx, campaign, to, step) => {
  if (to !== 'result_publicity' || campaign.dto.rules.weights.jury <= 0) return
  const m = await missingJuryScores(trx, campaign.row.id)
  if (m.candidates === 0 || (m.jurors > 0 && m.missing === 0)) return
  const reason = step.how === 'manual' ? step.juryIncompleteReason : undefined
  if (!reason) throw campaignErrors.juryIncomplete(m.missing, m.byJuror)
  await recordAudit(trx, ctx, {
    action: 'campaign.jury-incomplete-accepted',
    targetType: 'campaign',
    targetId: campaign.row.id,
    orgId: campaign.row.org_id,
    summary: { reason, jurors: m.jurors, missing: m.missing, byJuror: m.byJuror },
  })
})
