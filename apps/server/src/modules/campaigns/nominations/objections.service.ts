import { uuidv7 } from 'uuidv7'
import { maskMobile } from '../../../platform/crypto/field-crypto'
import type { Db } from '../../../platform/db/create-db'
import { withTransaction } from '../../../platform/db/transaction'
import { requireActor, type Ctx } from '../../../core/access'
import { recordAudit } from '../../../core/audit'
import type { CampaignsDeps } from '../campaigns.deps'
import { campaignErrors } from '../campaigns.errors'
import { assertPhase, loadCampaign, loadCampaignFor } from '../shared/campaign-state'
import { nominationErrors } from './nominations.errors'
import * as repo from './nominations.repository'

type Deps = Pick<CampaignsDeps, 'db' | 'crypto'>
type ObjectionRow = repo.ObjectionRow & { candidate_name: string }

const toDto = (r: ObjectionRow) => ({
  id: r.id,
  campaignId: r.campaign_id,
  candidateId: r.candidate_id,
  candidateName: r.candidate_name,
  contactName: r.contact_name,
  contactMobileMasked: r.contact_mobile_masked,
  reason: r.reason,
  status: r.status,
  resolution: r.resolution,
  createdAt: r.created_at,
  resolvedAt: r.resolved_at,
})

/**
 * Anyone files an objection to a candidate during publicity or result publicity. The contact
 * mobile is stored encrypted with a masked copy for lists. @throws CAMPAIGN_WRONG_PHASE
 */
export const fileObjection = async (
  deps: Deps,
  ctx: Ctx,
  campaignId: string,
  body: { candidateId: string; contactName: string; contactMobile: string; reason: string },
) => {
  const c = await loadCampaign(deps.db, campaignId)
  if (c.row.phase === 'draft') throw campaignErrors.notFound(campaignId)
  assertPhase(c, 'publicity', 'result_publicity')
  const candidate = await repo.findCandidate(deps.db, campaignId, body.candidateId)
  if (!candidate) throw nominationErrors.candidateNotFound(body.candidateId)
  const id = uuidv7()
  await withTransaction(deps.db, async (trx) => {
    await repo.insertObjection(trx, {
      id,
      campaign_id: campaignId,
      candidate_id: candidate.id,
      contact_name: body.contactName,
      contact_mobile_enc: deps.crypto.encrypt(body.contactMobile),
      contact_mobile_masked: maskMobile(body.contactMobile),
      reason: body.reason,
      status: 'open',
      resolution: null,
      resolved_by: null,
      created_at: ctx.now.toISOString(),
      resolved_at: null,
    })
    await recordAudit(trx, ctx, {
      action: 'campaign.objection.filed',
      targetType: 'campaign_objection',
      targetId: id,
      orgId: c.row.org_id,
      summary: { candidateId: candidate.id, contactMobile: maskMobile(body.contactMobile) },
    })
  })
  return toDto((await repo.findObjection(deps.db, campaignId, id))!)
}

export const listObjections = async (
  db: Db,
  ctx: Ctx,
  campaignId: string,
  query: { page: number; pageSize: number; status?: 'open' | 'upheld' | 'dismissed' },
) => {
  await loadCampaignFor(db, ctx, campaignId, 'campaign:review')
  const { rows, total } = await repo.listObjections(
    db,
    campaignId,
    query.status,
    query.pageSize,
    (query.page - 1) * query.pageSize,
  )
  return { items: rows.map(toDto), total, page: query.page, pageSize: query.pageSize }
}

/**
 * Staff record how an objection was resolved. Upholding one does not withdraw the candidate by
 * itself: staff do that explicitly (PATCH the candidate), so each step is its own audited act.
 * @throws OBJECTION_NOT_FOUND, OBJECTION_ALREADY_RESOLVED
 */
export const resolveObjection = async (
  db: Db,
  ctx: Ctx,
  campaignId: string,
  objectionId: string,
  body: { status: 'upheld' | 'dismissed'; resolution: string },
) => {
  const c = await loadCampaignFor(db, ctx, campaignId, 'campaign:review')
  const actor = requireActor(ctx)
  const r = await repo.findObjection(db, campaignId, objectionId)
  if (!r) throw nominationErrors.objectionNotFound(objectionId)
  if (r.status !== 'open') throw nominationErrors.objectionResolved()
  await withTransaction(db, async (trx) => {
    const done = await repo.resolveObjection(trx, objectionId, {
      status: body.status,
      resolution: body.resolution,
      resolved_by: actor.memberId,
      resolved_at: ctx.now.toISOString(),
    })
    if (!done) throw nominationErrors.objectionResolved()
    await recordAudit(trx, ctx, {
      action: 'campaign.objection.resolved',
      targetType: 'campaign_objection',
      targetId: objectionId,
      orgId: c.row.org_id,
      summary: {
        before: { status: 'open' },
        after: { status: body.status, resolution: body.resolution },
        candidateId: r.candidate_id,
      },
    })
  })
  return toDto((await repo.findObjection(db, campaignId, objectionId))!)
}

/**
 * The objector's full mobile, for the staff who must look into the objection and answer them.
 * Reviewers of the campaign only; every read is audited. @throws OBJECTION_NOT_FOUND
 */
export const revealObjectorContact = async (
  deps: Deps,
  ctx: Ctx,
  campaignId: string,
  objectionId: string,
) => {
  const c = await loadCampaignFor(deps.db, ctx, campaignId, 'campaign:review')
  const r = await repo.findObjection(deps.db, campaignId, objectionId)
  if (!r) throw nominationErrors.objectionNotFound(objectionId)
  const mobile = deps.crypto.decrypt(r.contact_mobile_enc)
  await recordAudit(deps.db, ctx, {
    action: 'campaign.objection.contact.read',
    targetType: 'campaign_objection',
    targetId: objectionId,
    orgId: c.row.org_id,
    summary: { mobile: r.contact_mobile_masked },
  })
  return { name: r.contact_name, mobile }
}
