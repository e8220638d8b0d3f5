import type {
  CreateNominationBody,
  Nomination,
  NominationStatus,
  QuotaCheck,
} from '@unionhall/contracts'
import { MOBILE_PATTERN } from '@unionhall/contracts'
import { uuidv7 } from 'uuidv7'
import { maskMobile } from '../../../platform/crypto/field-crypto'
import { commonErrors } from '../../../platform/errors/app-error'
import { fromJson, toBool, toJson } from '../../../platform/db/columns'
import type { Db } from '../../../platform/db/create-db'
import { withTransaction } from '../../../platform/db/transaction'
import { requireActor, requireAt, scopePaths, type Ctx } from '../../../core/access'
import { recordAudit } from '../../../core/audit'
import { loadOrg } from '../../../core/orgs'
import { findMemberByMobileHash, mobileHashOf } from '../../../core/members'
import type { CampaignsDeps } from '../campaigns.deps'
import { campaignErrors } from '../campaigns.errors'
import {
  assertPhase,
  loadCampaign,
  loadCampaignFor,
  type LoadedCampaign,
} from '../shared/campaign-state'
import { consentTokenFor, consentUrlFor, sha256, verifyConsentToken } from './consent-token'
import { nominationErrors } from './nominations.errors'
import * as repo from './nominations.repository'
import { checkQuotas } from './quota-check'
import { isTopLevel, levelAbove, reviewLevelsFor } from './review-levels'

type Deps = Pick<CampaignsDeps, 'db' | 'crypto' | 'secret'>

export const toNominationDto = (r: repo.NominationWithOrg): Nomination => ({
  id: r.id,
  campaignId: r.campaign_id,
  categoryId: r.category_id,
  nomineeName: r.nominee_name,
  nomineeMobileMasked: r.nominee_mobile_masked,
  employerOrgId: r.employer_org_id,
  employerOrgName: r.employer_org_name,
  trade: r.trade,
  years: r.years,
  isFrontLine: toBool(r.is_front_line),
  achievements: r.achievements,
  photoUrls: fromJson<string[]>(r.photo_urls) ?? [],
  videoUrl: r.video_url,
  status: r.status,
  supporterCount: r.supporter_count,
  mergedIntoId: r.merged_into_id,
  reviewLevelOrgId: r.review_level_org_id,
  reviewReason: r.review_reason as Nomination['reviewReason'],
  reviewNote: r.review_note,
  consentedAt: r.consented_at,
  createdAt: r.created_at,
})

const categoryOf = (c: LoadedCampaign, categoryId: string) => {
  const cat = c.dto.categories.find((x) => x.id === categoryId)
  if (!cat) throw campaignErrors.categoryNotFound(categoryId)
  return cat
}

/** The review levels of a nomination whose employer sits at employerPath. */
const levelsOf = async (db: Db, c: LoadedCampaign, employerPath: string) =>
  reviewLevelsFor(c.row.id, await repo.listCampaignTree(db, c.row.id), employerPath)

/**
 * Nominates a colleague, oneself, or (with nominatingOrgId and a letter) on behalf of an org.
 * A nomination of someone already nominated in the campaign (same mobile or ID number) joins
 * that one as a further supporter. Self-nominations count as consented.
 * @throws CAMPAIGN_WRONG_PHASE, NOMINATION_NOMINATOR_OUT_OF_SCOPE, ACCESS_DENIED,
 *   NOMINATION_EMPLOYER_OUT_OF_SCOPE, NOMINATION_LETTER_REQUIRED, NOMINATION_ALREADY_SUPPORTED
 */
export const createNomination = async (
  deps: Deps,
  ctx: Ctx,
  campaignId: string,
  body: CreateNominationBody,
) => {
  const actor = requireActor(ctx)
  const c = await loadCampaign(deps.db, campaignId)
  if (c.row.phase === 'draft') throw campaignErrors.notFound(campaignId)
  const nominatorOrg = await loadOrg(deps.db, actor.orgId)
  if (!nominatorOrg.path.startsWith(c.orgPath)) throw nominationErrors.nominatorOutOfScope()
  assertPhase(c, 'nomination')
  categoryOf(c, body.categoryId)
  let nominatingOrgId: string | null = null
  if (body.nominatingOrgId) {
    const org = await loadOrg(deps.db, body.nominatingOrgId)
    if (!org.path.startsWith(c.orgPath)) throw nominationErrors.nominatorOutOfScope()
    requireAt(ctx, 'campaign:manage', org.path)
    if (!body.recommendationLetter?.trim()) throw nominationErrors.letterRequired()
    nominatingOrgId = org.id
  }
  const employer = await loadOrg(deps.db, body.employerOrgId)
  if (!employer.path.startsWith(c.orgPath)) throw nominationErrors.employerOutOfScope(employer.id)

  const mobileHash = mobileHashOf(deps.crypto, body.nomineeMobile)
  const idHash = body.nomineeIdCardNumber
    ? deps.crypto.blindIndex(`idcard:${body.nomineeIdCardNumber}`)
    : null
  const now = ctx.now.toISOString()
  const support = {
    id: uuidv7(),
    nominator_member_id: actor.memberId,
    nominating_org_id: nominatingOrgId,
    reason: body.reason,
    recommendation_letter: nominatingOrgId ? (body.recommendationLetter ?? null) : null,
    created_at: now,
  }

  const existing = await repo.findLiveNominationOf(deps.db, campaignId, mobileHash, idHash)
  if (existing) {
    const by = { memberId: actor.memberId, orgId: nominatingOrgId }
    if (await repo.hasSupportFrom(deps.db, existing.id, by))
      throw nominationErrors.alreadySupported(existing.id)
    await withTransaction(deps.db, async (trx) => {
      await repo.insertSupport(trx, { ...support, nomination_id: existing.id })
      await repo.incrementSupporters(trx, existing.id, 1, now)
      await recordAudit(trx, ctx, {
        action: 'campaign.nomination.supported',
        targetType: 'campaign_nomination',
        targetId: existing.id,
        orgId: employer.id,
        summary: { campaignId, nominatingOrgId, how: 'same-person' },
      })
    })
    const row = (await repo.findNominationById(deps.db, existing.id))!
    return { nomination: toNominationDto(row), merged: true, consentUrl: null }
  }

  const levels = await levelsOf(deps.db, c, employer.path)
  const nominee = await findMemberByMobileHash(deps.db, mobileHash)
  const self = nominee?.id === actor.memberId
  const id = uuidv7()
  const token = consentTokenFor(deps.secret, id)
  await withTransaction(deps.db, async (trx) => {
    await repo.insertNomination(trx, {
      id,
      campaign_id: campaignId,
      category_id: body.categoryId,
      nominee_name: body.nomineeName,
      nominee_mobile_enc: deps.crypto.encrypt(body.nomineeMobile),
      nominee_mobile_hash: mobileHash,
      nominee_mobile_masked: maskMobile(body.nomineeMobile),
      nominee_id_card_enc: body.nomineeIdCardNumber
        ? deps.crypto.encrypt(body.nomineeIdCardNumber)
        : null,
      nominee_id_card_hash: idHash,
      nominee_member_id: nominee?.id ?? null,
      employer_org_id: employer.id,
      trade: body.trade,
      years: body.years,
      is_front_line: body.isFrontLine ? 1 : 0,
      achievements: body.achievements,
      photo_urls: toJson(body.photoUrls),
      video_url: body.videoUrl ?? null,
      status: self ? 'submitted' : 'awaiting_consent',
      consent_token_hash: self ? null : sha256(token),
      consented_at: self ? now : null,
      merged_into_id: null,
      supporter_count: 1,
      review_level_org_id: levels[0]!.orgId,
      review_reason: null,
      review_note: null,
      reviewed_by: null,
      reviewed_at: null,
      created_at: now,
      updated_at: now,
    })
    await repo.insertSupport(trx, { ...support, nomination_id: id })
    await recordAudit(trx, ctx, {
      action: 'campaign.nomination.created',
      targetType: 'campaign_nomination',
      targetId: id,
      orgId: employer.id,
      summary: {
        after: {
          campaignId,
          categoryId: body.categoryId,
          nomineeName: body.nomineeName,
          nomineeMobile: maskMobile(body.nomineeMobile),
          nominatingOrgId,
          selfNomination: self,
          reviewLevelOrgId: levels[0]!.orgId,
        },
      },
    })
  })
  const row = (await repo.findNominationById(deps.db, id))!
  return {
    nomination: toNominationDto(row),
    merged: false,
    consentUrl: self ? null : consentUrlFor(token),
  }
}

/** The nominations I made or supported in a campaign. */
export const listMyNominations = async (deps: Deps, ctx: Ctx, campaignId: string) => {
  const actor = requireActor(ctx)
  await loadCampaign(deps.db, campaignId)
  const rows = await repo.listNominationsSupportedBy(deps.db, campaignId, actor.memberId)
  return rows.map(toNominationDto)
}

// ---- consent ----

const loadByToken = async (deps: Deps, token: string) => {
  const id = verifyConsentToken(deps.secret, token)
  const row = id ? await repo.findNominationById(deps.db, id) : undefined
  if (!row) throw nominationErrors.consentInvalid()
  return row
}

const consentState = (r: repo.NominationRow) =>
  r.consented_at
    ? ('consented' as const)
    : r.status === 'awaiting_consent'
      ? ('awaiting_consent' as const)
      : ('declined' as const)

/** What will be published about the nominee, for them to check before consenting. */
export const getConsentPreview = async (deps: Deps, token: string) => {
  const r = await loadByToken(deps, token)
  const c = await loadCampaign(deps.db, r.campaign_id)
  return {
    campaignName: c.row.name,
    honourTitle: c.row.honour_title,
    categoryName: categoryOf(c, r.category_id).name,
    nomineeName: r.nominee_name,
    employerName: r.employer_org_name,
    trade: r.trade,
    years: r.years,
    isFrontLine: toBool(r.is_front_line),
    achievements: r.achievements,
    photoUrls: fromJson<string[]>(r.photo_urls) ?? [],
    videoUrl: r.video_url,
    state: consentState(r),
  }
}

/**
 * The nominee consents (the nomination goes to review) or declines (it is closed and never
 * published). @throws NOMINATION_CONSENT_INVALID, NOMINATION_CONSENT_DECIDED, CAMPAIGN_WRONG_PHASE
 */
export const decideConsent = async (
  deps: Deps,
  ctx: Ctx,
  token: string,
  decision: 'consent' | 'decline',
) => {
  const r = await loadByToken(deps, token)
  if (r.status !== 'awaiting_consent' || r.consent_token_hash !== sha256(token))
    throw nominationErrors.consentDecided()
  const c = await loadCampaign(deps.db, r.campaign_id)
  assertPhase(c, 'nomination', 'review')
  const now = ctx.now.toISOString()
  const fields =
    decision === 'consent'
      ? { status: 'submitted' as const, consented_at: now }
      : { status: 'rejected' as const, review_reason: 'nominee_declined', reviewed_at: now }
  await withTransaction(deps.db, async (trx) => {
    await repo.updateNomination(trx, r.id, { ...fields, consent_token_hash: null, updated_at: now })
    await recordAudit(trx, ctx, {
      action:
        decision === 'consent' ? 'campaign.nomination.consented' : 'campaign.nomination.declined',
      targetType: 'campaign_nomination',
      targetId: r.id,
      orgId: r.employer_org_id,
      summary: { before: { status: r.status }, after: { status: fields.status } },
    })
  })
  return getConsentPreview(deps, token)
}

// ---- staff: list, detail, review, merge, quotas ----

/**
 * The employer subtrees the actor reviews within this campaign: their campaign:review grants
 * inside the campaign's org subtree (a grant above it counts as the whole subtree).
 * @throws ACCESS_DENIED when none overlaps the campaign.
 */
const reviewScope = (ctx: Ctx, c: LoadedCampaign): string[] => {
  const paths = scopePaths(ctx, 'campaign:review')
    .map((p) => (c.orgPath.startsWith(p) ? c.orgPath : p))
    .filter((p) => p.startsWith(c.orgPath))
  if (paths.length === 0) throw commonErrors.forbidden()
  return paths
}

const inScope = (paths: string[], path: string) => paths.some((p) => path.startsWith(p))

export const listNominations = async (
  deps: Deps,
  ctx: Ctx,
  campaignId: string,
  query: {
    page: number
    pageSize: number
    q?: string
    status?: NominationStatus
    categoryId?: string
    reviewLevelOrgId?: string
  },
) => {
  const c = await loadCampaign(deps.db, campaignId)
  const paths = reviewScope(ctx, c)
  const isMobile = !!query.q && MOBILE_PATTERN.test(query.q)
  const { rows, total } = await repo.listNominations(
    deps.db,
    {
      campaignId,
      paths,
      status: query.status,
      categoryId: query.categoryId,
      reviewLevelOrgId: query.reviewLevelOrgId,
      nameLike: query.q,
      mobileHash: isMobile ? mobileHashOf(deps.crypto, query.q!) : undefined,
    },
    query.pageSize,
    (query.page - 1) * query.pageSize,
  )
  return { items: rows.map(toNominationDto), total, page: query.page, pageSize: query.pageSize }
}

const loadNominationFor = async (deps: Deps, ctx: Ctx, campaignId: string, id: string) => {
  const c = await loadCampaign(deps.db, campaignId)
  const paths = reviewScope(ctx, c)
  const r = await repo.findNomination(deps.db, campaignId, id)
  if (!r) throw nominationErrors.notFound(id)
  if (!inScope(paths, r.employer_path)) throw commonErrors.forbidden()
  return { c, r }
}

/** The staff view of one nomination; reading it (it shows the consent link) is audited. */
export const getNomination = async (deps: Deps, ctx: Ctx, campaignId: string, id: string) => {
  const { c, r } = await loadNominationFor(deps, ctx, campaignId, id)
  const levels = await levelsOf(deps.db, c, r.employer_path)
  const [names, supports] = await Promise.all([
    repo.findOrgNames(
      deps.db,
      levels.map((l) => l.orgId),
    ),
    repo.listSupports(deps.db, id),
  ])
  const pending = r.status === 'awaiting_consent' && r.consent_token_hash !== null
  await withTransaction(deps.db, (trx) =>
    recordAudit(trx, ctx, {
      action: 'campaign.nomination.viewed',
      targetType: 'campaign_nomination',
      targetId: id,
      orgId: r.employer_org_id,
    }),
  )
  return {
    ...toNominationDto(r),
    categoryName: categoryOf(c, r.category_id).name,
    reviewLevelOrgName: r.review_level_org_id ? (names.get(r.review_level_org_id) ?? null) : null,
    reviewLevels: levels.map((l) => ({ orgId: l.orgId, orgName: names.get(l.orgId) ?? '' })),
    consentUrl: pending ? consentUrlFor(consentTokenFor(deps.secret, id)) : null,
    supporters: supports.map((s) => ({
      nominatorName: s.nominating_org_id ? null : s.member_name,
      nominatingOrgName: s.org_name,
      reason: s.reason,
      recommendationLetter: s.recommendation_letter,
      createdAt: s.created_at,
    })),
  }
}

/**
 * One review decision at the nomination's current level. A lower level forwards or rejects;
 * the top level (the campaign's org) accepts or rejects. Staff with campaign:review over the
 * level's org decide (a grant higher up covers it).
 * @throws CAMPAIGN_WRONG_PHASE, NOMINATION_NOT_REVIEWABLE, NOMINATION_CONSENT_MISSING,
 *   NOMINATION_REVIEW_LEVEL, ACCESS_DENIED
 */
export const reviewNomination = async (
  deps: Deps,
  ctx: Ctx,
  campaignId: string,
  id: string,
  body: { decision: 'accept' | 'reject' | 'forward'; reason: string; note?: string },
) => {
  const { c, r } = await loadNominationFor(deps, ctx, campaignId, id)
  const levels = await levelsOf(deps.db, c, r.employer_path)
  const levelOrgId = r.review_level_org_id ?? levels[0]!.orgId
  const level = levels.find((l) => l.orgId === levelOrgId) ?? levels[levels.length - 1]!
  requireAt(ctx, 'campaign:review', level.orgPath)
  assertPhase(c, 'nomination', 'review')
  if (r.status !== 'submitted' && r.status !== 'awaiting_consent')
    throw nominationErrors.notReviewable(r.status)
  if (r.status === 'awaiting_consent' && body.decision !== 'reject')
    throw nominationErrors.consentMissing()
  const top = isTopLevel(levels, level.orgId)
  if ((body.decision === 'accept' && !top) || (body.decision === 'forward' && top))
    throw nominationErrors.reviewLevel(body.decision, top)
  const now = ctx.now.toISOString()
  const next = body.decision === 'forward' ? levelAbove(levels, level.orgId)! : null
  const status: NominationStatus =
    body.decision === 'accept' ? 'accepted' : body.decision === 'reject' ? 'rejected' : 'submitted'
  await withTransaction(deps.db, async (trx) => {
    await repo.updateNomination(trx, id, {
      status,
      review_level_org_id: next ? next.orgId : level.orgId,
      review_reason: body.reason,
      review_note: body.note ?? null,
      reviewed_by: ctx.actor!.memberId,
      reviewed_at: now,
      updated_at: now,
      // A declined consent request must not stay usable after a rejection.
      ...(status === 'rejected' ? { consent_token_hash: null } : {}),
    })
    await recordAudit(trx, ctx, {
      action: `campaign.nomination.${body.decision === 'forward' ? 'forwarded' : body.decision === 'accept' ? 'accepted' : 'rejected'}`,
      targetType: 'campaign_nomination',
      targetId: id,
      orgId: level.orgId,
      summary: {
        before: { status: r.status, reviewLevelOrgId: level.orgId },
        after: { status, reviewLevelOrgId: next?.orgId ?? level.orgId },
        reason: body.reason,
        note: body.note ?? null,
      },
    })
  })
  return toNominationDto((await repo.findNominationById(deps.db, id))!)
}

/**
 * Staff merge duplicate nominations of one person: supporters move to `intoId` and add up;
 * the others become status merged. @throws NOMINATION_NOT_MERGEABLE, CAMPAIGN_WRONG_PHASE
 */
export const mergeNominations = async (
  deps: Deps,
  ctx: Ctx,
  campaignId: string,
  body: { intoId: string; fromIds: string[] },
) => {
  const c = await loadCampaign(deps.db, campaignId)
  const paths = reviewScope(ctx, c)
  const fromIds = [...new Set(body.fromIds)]
  const rows = await repo.findNominationsByIds(deps.db, campaignId, [body.intoId, ...fromIds])
  const byId = new Map(rows.map((r) => [r.id, r]))
  for (const id of [body.intoId, ...fromIds]) if (!byId.has(id)) throw nominationErrors.notFound(id)
  if (rows.some((r) => !inScope(paths, r.employer_path))) throw commonErrors.forbidden()
  assertPhase(c, 'nomination', 'review')
  const into = byId.get(body.intoId)!
  const bad = fromIds.filter((id) => {
    const s = byId.get(id)!.status
    return id === body.intoId || s === 'merged' || s === 'accepted'
  })
  if (into.status === 'merged' || into.status === 'rejected') bad.unshift(into.id)
  if (bad.length > 0) throw nominationErrors.notMergeable(bad)
  const added = fromIds.reduce((sum, id) => sum + byId.get(id)!.supporter_count, 0)
  const now = ctx.now.toISOString()
  await withTransaction(deps.db, async (trx) => {
    for (const id of fromIds)
      await repo.updateNomination(trx, id, {
        status: 'merged',
        merged_into_id: into.id,
        consent_token_hash: null,
        updated_at: now,
      })
    await repo.moveSupports(trx, fromIds, into.id)
    await repo.incrementSupporters(trx, into.id, added, now)
    await recordAudit(trx, ctx, {
      action: 'campaign.nomination.merged',
      targetType: 'campaign_nomination',
      targetId: into.id,
      orgId: into.employer_org_id,
      summary: {
        fromIds,
        before: { supporterCount: into.supporter_count },
        after: { supporterCount: into.supporter_count + added },
      },
    })
  })
  return toNominationDto((await repo.findNominationById(deps.db, into.id))!)
}

/** Accepted nominations against the honour counts and structural quotas, explained. */
export const quotaCheck = async (deps: Deps, ctx: Ctx, campaignId: string): Promise<QuotaCheck> => {
  const c = await loadCampaignFor(deps.db, ctx, campaignId, 'campaign:review')
  const counts = await repo.countNominationsByCategory(deps.db, campaignId)
  return checkQuotas({
    categories: c.dto.categories,
    counts,
    minFrontLineShare: c.dto.quotas.minFrontLineShare,
    maxCandidatesPerHonour: c.dto.quotas.maxCandidatesPerHonour,
  })
}
