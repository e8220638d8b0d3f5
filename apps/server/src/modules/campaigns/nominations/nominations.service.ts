import type {
  CreateNominationBody,
  MyNomination,
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
import { requireActor, requireAt, type Ctx } from '../../../core/access'
import { recordAudit } from '../../../core/audit'
import { loadOrg } from '../../../core/orgs'
import { findMemberByMobileHash, mobileHashOf } from '../../../core/members'
import { requireUploadsExist } from '../../../core/uploads'
import type { CampaignsDeps } from '../campaigns.deps'
import { campaignErrors } from '../campaigns.errors'
import {
  assertPhase,
  campaignSubtrees,
  loadCampaign,
  loadCampaignFor,
  type LoadedCampaign,
} from '../shared/campaign-state'
import {
  absoluteUrl,
  CONSENT_SMS_DAILY_MAX,
  CONSENT_SMS_MIN_INTERVAL_MS,
  consentSmsText,
  type ConsentSmsLocale,
} from './consent-sms'
import {
  consentTokenFor,
  consentUrlFor,
  matchesStoredHash,
  nominationIdOf,
  sha256,
  verifyConsentToken,
} from './consent-token'
import { nominationErrors } from './nominations.errors'
import * as repo from './nominations.repository'
import { checkQuotas } from './quota-check'
import { isTopLevel, levelAbove, reviewLevelsFor } from './review-levels'

type Deps = Pick<CampaignsDeps, 'db' | 'crypto' | 'secret' | 'sms'>

/** Where a message sends the nominee: the public origin of the site (e.g. https://unionhall.cn). */
type SendOptions = { origin: string; locale?: ConsentSmsLocale; log?: (msg: string) => void }

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

/** The nominators' view (MyNominationSchema): the staff DTO without the reviewers' working. */
const toMyNominationDto = (r: repo.NominationWithOrg): MyNomination => {
  const {
    reviewLevelOrgId: _level,
    reviewNote: _note,
    mergedIntoId: _into,
    ...mine
  } = toNominationDto(r)
  return mine
}

/** Names compared as people type them: spaces and the middle dot of minority names aside. */
const sameName = (a: string, b: string) => {
  const plain = (s: string) => s.replace(/[\s·・•]/g, '')
  return plain(a) === plain(b)
}

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
 * that one as a further supporter, also when both arrive at once. Self-nominations count as
 * consented; any other nominee is texted the consent link.
 * @throws CAMPAIGN_WRONG_PHASE, NOMINATION_NOMINATOR_OUT_OF_SCOPE, ACCESS_DENIED,
 *   NOMINATION_EMPLOYER_OUT_OF_SCOPE, NOMINATION_LETTER_REQUIRED, NOMINATION_ALREADY_SUPPORTED
 */
export const createNomination = async (
  deps: Deps,
  ctx: Ctx,
  campaignId: string,
  body: CreateNominationBody,
  send: SendOptions,
) => {
  const actor = requireActor(ctx)
  const c = await loadCampaign(deps.db, campaignId)
  if (c.row.phase === 'draft') throw campaignErrors.notFound(campaignId)
  if (!(await nominatorInScope(deps.db, actor.orgId, c)))
    throw nominationErrors.nominatorOutOfScope()
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
  // Before the transaction, on purpose: a missing photo refuses the nomination even when it
  // joins an existing one (which keeps its own photos). The mark it sets then commits at once;
  // that only keeps the uploads a day longer if the nomination fails (ADR 0027).
  await requireUploadsExist(deps.db, body.photoUrls, ctx)

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

  /** Joins the live nomination of the same person as a further supporter. */
  const join = async (existing: repo.NominationWithOrg) => {
    // The same mobile or ID number under another name: a typing slip, or someone finding out
    // whose number it is. Either way nothing of the existing nomination is shown or changed.
    if (!sameName(existing.nominee_name, body.nomineeName)) throw nominationErrors.nameMismatch()
    const by = { memberId: actor.memberId, orgId: nominatingOrgId }
    if (await repo.hasSupportFrom(deps.db, existing.id, by))
      throw nominationErrors.alreadySupported(existing.id)
    await withTransaction(deps.db, async (trx) => {
      await repo.insertSupport(trx, { ...support, id: uuidv7(), nomination_id: existing.id })
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
    return { nomination: toMyNominationDto(row), merged: true, consentUrl: null }
  }

  const existing = await repo.findLiveNominationOf(deps.db, campaignId, mobileHash, idHash)
  if (existing) return join(existing)

  const levels = await levelsOf(deps.db, c, employer.path)
  const nominee = await findMemberByMobileHash(deps.db, mobileHash)
  const self = nominee?.id === actor.memberId
  const id = uuidv7()
  const token = consentTokenFor(deps.secret, id)
  const masked = maskMobile(body.nomineeMobile)
  const inserted = await withTransaction(deps.db, async (trx) => {
    // A concurrent first nomination of the same person may have won since the look-up above:
    // the unique indexes turn this insert into a no-op, and this nomination joins that one.
    const isNew = await repo.insertNominationIfNew(trx, {
      id,
      campaign_id: campaignId,
      category_id: body.categoryId,
      nominee_name: body.nomineeName,
      nominee_mobile_enc: deps.crypto.encrypt(body.nomineeMobile),
      nominee_mobile_hash: mobileHash,
      nominee_mobile_masked: masked,
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
      // The consent SMS goes out right after this commits; its slot is taken here.
      consent_sms_sent_at: self ? null : now,
      consent_sms_day: self ? null : now.slice(0, 10),
      consent_sms_day_count: self ? 0 : 1,
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
    if (!isNew) return false
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
          nomineeMobile: masked,
          nominatingOrgId,
          selfNomination: self,
          reviewLevelOrgId: levels[0]!.orgId,
        },
      },
    })
    if (!self) await auditConsentSms(trx, ctx, id, employer.id, masked, 'created', 'sent')
    return true
  })
  if (!inserted) {
    const winner = await repo.findLiveNominationOf(deps.db, campaignId, mobileHash, idHash)
    // The winner left the live set (rejected, declined) in between: a rare, retryable race.
    if (!winner) throw nominationErrors.concurrentChange()
    return join(winner)
  }
  if (!self) {
    const row = (await repo.findNominationById(deps.db, id))!
    await sendConsentSms(deps, ctx, row, body.nomineeMobile, token, send, 'created', null).catch(
      // The nomination stands; staff see the SMS was not sent and can re-send it.
      () => undefined,
    )
  }
  const row = (await repo.findNominationById(deps.db, id))!
  return {
    nomination: toMyNominationDto(row),
    merged: false,
    consentUrl: self ? null : consentUrlFor(token),
  }
}

type SmsTrigger = 'created' | 'resent'

const auditConsentSms = (
  trx: Db,
  ctx: Ctx,
  nominationId: string,
  orgId: string,
  maskedMobile: string,
  trigger: SmsTrigger,
  outcome: 'sent' | 'failed',
) =>
  recordAudit(trx, ctx, {
    action: `campaign.nomination.consent-sms-${outcome}`,
    targetType: 'campaign_nomination',
    targetId: nominationId,
    orgId,
    summary: { to: maskedMobile, trigger },
  })

/**
 * Hands the consent link to the SMS provider after its slot was taken and audited. When the
 * provider fails, the sent time goes back to what it was and the failure is audited, so the
 * console never shows a message as sent that was not. @throws NOMINATION_CONSENT_SMS_FAILED
 */
const sendConsentSms = async (
  deps: Deps,
  ctx: Ctx,
  r: repo.NominationWithOrg,
  mobile: string,
  token: string,
  send: SendOptions,
  trigger: SmsTrigger,
  previousSentAt: string | null,
) => {
  const c = await loadCampaign(deps.db, r.campaign_id)
  const url = absoluteUrl(send.origin, consentUrlFor(token))
  try {
    await deps.sms.send(mobile, consentSmsText(send.locale ?? 'zh-CN', c.row.name, url))
  } catch (err) {
    // A gateway's error text may quote the number: mask any mobile in it before logging.
    const why = String((err as Error).message).replace(/1\d{10}/g, (m) => maskMobile(m))
    send.log?.(`consent SMS for nomination ${r.id} failed: ${why}`)
    await withTransaction(deps.db, async (trx) => {
      await repo.updateNomination(trx, r.id, { consent_sms_sent_at: previousSentAt })
      await auditConsentSms(
        trx,
        ctx,
        r.id,
        r.employer_org_id,
        r.nominee_mobile_masked,
        trigger,
        'failed',
      )
    })
    throw nominationErrors.consentSmsFailed()
  }
}

/** Only members of an org in the campaign's org subtree nominate in it. */
const nominatorInScope = async (db: Db, orgId: string, c: LoadedCampaign) =>
  (await loadOrg(db, orgId)).path.startsWith(c.orgPath)

/**
 * Whether I may nominate in this campaign (createNomination's first check), so the worker pages
 * say so before the form. @throws CAMPAIGN_NOT_FOUND (also in draft, as the public page)
 */
export const getNominationEligibility = async (deps: Deps, ctx: Ctx, campaignId: string) => {
  const actor = requireActor(ctx)
  const c = await loadCampaign(deps.db, campaignId)
  if (c.row.phase === 'draft') throw campaignErrors.notFound(campaignId)
  return { eligibleToNominate: await nominatorInScope(deps.db, actor.orgId, c) }
}

/** The nominations I made or supported in a campaign. */
export const listMyNominations = async (deps: Deps, ctx: Ctx, campaignId: string) => {
  const actor = requireActor(ctx)
  await loadCampaign(deps.db, campaignId)
  const rows = await repo.listNominationsSupportedBy(deps.db, campaignId, actor.memberId)
  return rows.map(toMyNominationDto)
}

// ---- consent ----

/**
 * The nomination a consent link names. A pending link is valid while its hash is the stored
 * one (whatever the current secret); a decided one (hash cleared) still shows its outcome when
 * its MAC checks out under the current secret.
 */
const loadByToken = async (deps: Deps, token: string) => {
  const row = await repo.findNominationById(deps.db, nominationIdOf(token))
  const valid =
    row &&
    (matchesStoredHash(token, row.consent_token_hash) ||
      verifyConsentToken(deps.secret, token) === row.id)
  if (!row || !valid) throw nominationErrors.consentInvalid()
  return row
}

const consentState = (r: repo.NominationRow) =>
  r.consented_at
    ? ('consented' as const)
    : r.status === 'awaiting_consent'
      ? ('awaiting_consent' as const)
      : ('declined' as const)

const previewOf = async (deps: Deps, r: repo.NominationWithOrg) => {
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

/** What will be published about the nominee, for them to check before consenting. */
export const getConsentPreview = async (deps: Deps, token: string) =>
  previewOf(deps, await loadByToken(deps, token))

/**
 * The nominee consents (the nomination goes to review) or declines (it is closed and never
 * published). Only the link whose hash is stored decides.
 * @throws NOMINATION_CONSENT_INVALID, NOMINATION_CONSENT_DECIDED, CAMPAIGN_WRONG_PHASE
 */
export const decideConsent = async (
  deps: Deps,
  ctx: Ctx,
  token: string,
  decision: 'consent' | 'decline',
) => {
  const r = await loadByToken(deps, token)
  if (r.status !== 'awaiting_consent' || !matchesStoredHash(token, r.consent_token_hash))
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
  // Built from the row: after the decision the hash is gone, and a link minted under an
  // earlier secret would no longer verify.
  return previewOf(deps, (await repo.findNominationById(deps.db, r.id))!)
}

// ---- staff: list, detail, review, merge, quotas ----

/** campaignSubtrees, refusing an actor without any. @throws ACCESS_DENIED when none overlaps the campaign. */
const campaignScope = (
  ctx: Ctx,
  c: LoadedCampaign,
  permission: 'campaign:review' | 'campaign:manage',
): string[] => {
  const paths = campaignSubtrees(ctx, c, permission)
  if (paths.length === 0) throw commonErrors.forbidden()
  return paths
}

/** The employer subtrees the actor reviews within this campaign. @throws ACCESS_DENIED */
const reviewScope = (ctx: Ctx, c: LoadedCampaign): string[] =>
  campaignScope(ctx, c, 'campaign:review')

/** How many orgs one look-up of nominating orgs returns; staff narrow it down by name. */
const NOMINATING_ORGS_LIMIT = 50

/**
 * The orgs the actor may nominate on behalf of in this campaign (createNomination's
 * nominatingOrgId): active orgs inside the campaign's org subtree where they hold
 * campaign:manage, matching q, shallowest first. `nominatorInScope` is false when the actor's
 * own org lies outside the subtree: every nomination of theirs would then be refused
 * (NOMINATION_NOMINATOR_OUT_OF_SCOPE), whichever org they picked.
 * @throws CAMPAIGN_NOT_FOUND, ACCESS_DENIED (no campaign:manage inside the campaign's subtree)
 */
export const listNominatingOrgs = async (
  deps: Deps,
  ctx: Ctx,
  campaignId: string,
  query: { q?: string },
) => {
  const actor = requireActor(ctx)
  const c = await loadCampaign(deps.db, campaignId)
  const paths = campaignScope(ctx, c, 'campaign:manage')
  const [own, rows] = await Promise.all([
    loadOrg(deps.db, actor.orgId),
    repo.listActiveOrgsIn(deps.db, paths, query.q || undefined, NOMINATING_ORGS_LIMIT),
  ])
  return {
    nominatorInScope: own.path.startsWith(c.orgPath),
    items: rows.map((r) => ({ id: r.id, name: r.name })),
  }
}

const inScope = (paths: string[], path: string) => paths.some((p) => path.startsWith(p))

/** Nominations whose employer is in the actor's review subtrees, each naming the orgs that nominated it. */
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
  const orgNames = await repo.listNominatingOrgNames(
    deps.db,
    rows.map((r) => r.id),
  )
  return {
    items: rows.map((r) => ({
      ...toNominationDto(r),
      nominatingOrgNames: orgNames.get(r.id) ?? [],
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  }
}

const loadNominationFor = async (deps: Deps, ctx: Ctx, campaignId: string, id: string) => {
  const c = await loadCampaign(deps.db, campaignId)
  const paths = reviewScope(ctx, c)
  const r = await repo.findNomination(deps.db, campaignId, id)
  if (!r) throw nominationErrors.notFound(id)
  if (!inScope(paths, r.employer_path)) throw commonErrors.forbidden()
  return { c, r }
}

const consentSmsState = (r: repo.NominationRow, now: Date) => {
  const day = now.toISOString().slice(0, 10)
  const sentToday = r.consent_sms_day === day ? Number(r.consent_sms_day_count) : 0
  const next = r.consent_sms_sent_at
    ? new Date(new Date(r.consent_sms_sent_at).getTime() + CONSENT_SMS_MIN_INTERVAL_MS)
    : null
  return {
    sentAt: r.consent_sms_sent_at,
    sentTo: r.consent_sms_sent_at ? r.nominee_mobile_masked : null,
    sentToday,
    dailyMax: CONSENT_SMS_DAILY_MAX,
    /** When a re-send is allowed next; null when allowed now or no longer possible. */
    nextAllowedAt:
      sentToday >= CONSENT_SMS_DAILY_MAX
        ? `${new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString()}`
        : next && next > now
          ? next.toISOString()
          : null,
  }
}

/**
 * The nominee's full mobile, for staff who must call them (to check facts, or when the consent
 * SMS went astray). Reviewers in the nomination's scope only; every read is audited.
 */
export const revealNomineeContact = async (
  deps: Deps,
  ctx: Ctx,
  campaignId: string,
  id: string,
) => {
  const { c, r } = await loadNominationFor(deps, ctx, campaignId, id)
  const mobile = deps.crypto.decrypt(r.nominee_mobile_enc)
  await recordAudit(deps.db, ctx, {
    action: 'campaign.nomination.contact.read',
    targetType: 'campaign_nomination',
    targetId: r.id,
    orgId: c.row.org_id,
    summary: { mobile: r.nominee_mobile_masked },
  })
  return { name: r.nominee_name, mobile }
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
  // The link re-derived under the current secret is shown only while it is the stored one; after
  // a secret rotation staff re-send the SMS, which stores the new link.
  const token = consentTokenFor(deps.secret, id)
  const pending = r.status === 'awaiting_consent' && matchesStoredHash(token, r.consent_token_hash)
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
    consentUrl: pending ? consentUrlFor(token) : null,
    consentSms: consentSmsState(r, ctx.now),
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
 * Texts the consent link to the nominee again (staff who review the nomination's employer), at
 * most once a minute and CONSENT_SMS_DAILY_MAX times a day (UTC) per nomination, the first SMS
 * included. Sends the link under the current secret and stores its hash.
 * @throws NOMINATION_CONSENT_NOT_PENDING, NOMINATION_CONSENT_SMS_TOO_SOON,
 *   NOMINATION_CONSENT_SMS_DAILY_LIMIT, NOMINATION_CONSENT_SMS_FAILED, CAMPAIGN_WRONG_PHASE
 */
export const resendConsentSms = async (
  deps: Deps,
  ctx: Ctx,
  campaignId: string,
  id: string,
  send: SendOptions,
) => {
  const { c, r } = await loadNominationFor(deps, ctx, campaignId, id)
  if (r.status !== 'awaiting_consent' || r.consent_token_hash === null)
    throw nominationErrors.consentNotPending(r.status)
  assertPhase(c, 'nomination', 'review')
  const token = consentTokenFor(deps.secret, id)
  const claimed = await withTransaction(deps.db, async (trx) => {
    const ok = await repo.claimConsentSms(trx, id, {
      now: ctx.now,
      minIntervalMs: CONSENT_SMS_MIN_INTERVAL_MS,
      dailyMax: CONSENT_SMS_DAILY_MAX,
      tokenHash: sha256(token),
    })
    if (ok)
      await auditConsentSms(
        trx,
        ctx,
        id,
        r.employer_org_id,
        r.nominee_mobile_masked,
        'resent',
        'sent',
      )
    return ok
  })
  if (!claimed) {
    // Say which limit holds, from the row as it is now (a concurrent re-send may have won).
    const now = (await repo.findNominationById(deps.db, id))!
    if (now.status !== 'awaiting_consent' || now.consent_token_hash === null)
      throw nominationErrors.consentNotPending(now.status)
    const state = consentSmsState(now, ctx.now)
    if (state.sentToday >= CONSENT_SMS_DAILY_MAX)
      throw nominationErrors.consentSmsDailyLimit(CONSENT_SMS_DAILY_MAX, state.nextAllowedAt!)
    const waitMs = state.nextAllowedAt ? Date.parse(state.nextAllowedAt) - ctx.now.getTime() : 0
    throw nominationErrors.consentSmsTooSoon(Math.max(1, Math.ceil(waitMs / 1000)))
  }
  const mobile = deps.crypto.decrypt(r.nominee_mobile_enc)
  await sendConsentSms(deps, ctx, r, mobile, token, send, 'resent', r.consent_sms_sent_at)
  const after = (await repo.findNominationById(deps.db, id))!
  return { nominationId: id, consentSms: consentSmsState(after, ctx.now) }
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
