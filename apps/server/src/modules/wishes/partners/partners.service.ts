import type {
  CreateWishPartnerBody,
  MyWishPartner,
  Page,
  UpdateWishPartnerBody,
  WishPartner,
  WishPartnerStatus,
} from '@unionhall/contracts'
import { uuidv7 } from 'uuidv7'
import { requireActor, requireAt, scopePaths, type Ctx } from '../../../core/access'
import { recordAudit, recordScopeAudit } from '../../../core/audit'
import { findMemberByMobileHash, isPartyMember, mobileHashOf } from '../../../core/members'
import { findOrgById, orgErrors } from '../../../core/orgs'
import type { Db } from '../../../platform/db/create-db'
import { withTransaction } from '../../../platform/db/transaction'
import { isUniqueViolation } from '../../../platform/db/unique-violation'
import { writeXlsx } from '../../../platform/files/spreadsheet'
import { chinaDateTime } from '../wish-rules'
import type { WishesDeps } from '../wishes.deps'
import { wishErrors } from '../wishes.errors'
import * as repo from './partners.repository'
import type { PartnerWithOrg } from './partners.repository'

/**
 * Partner companies (ADR 0030). A worker is told who claimed their wish, and a company's name is
 * shown to them unmasked, so "建设银行龙岗支行" must not be a name anyone can type: an org's staff
 * (wish:manage) register the partners under their org and the members who claim for each. A claim
 * as partner_company names one of them, and only wishes within the partner's org's subtree.
 */

type Paging = { page: number; pageSize: number }

const loadPartnerAt = async (
  db: Db,
  ctx: Ctx,
  id: string,
  permission: 'wish:read' | 'wish:manage',
): Promise<PartnerWithOrg> => {
  const partner = await repo.findPartner(db, id)
  if (!partner) throw wishErrors.partnerNotFound(id)
  requireAt(ctx, permission, partner.org_path)
  return partner
}

const viewsOf = async (db: Db, rows: PartnerWithOrg[]): Promise<WishPartner[]> => {
  const ids = rows.map((r) => r.id)
  const [members, counts] = await Promise.all([
    repo.membersOf(db, ids),
    repo.claimCountsOf(db, ids),
  ])
  return rows.map((p) => ({
    id: p.id,
    orgId: p.org_id,
    orgName: p.org_name,
    name: p.name,
    status: p.status,
    members: members
      .filter((m) => m.partner_id === p.id)
      .map((m) => ({
        memberId: m.member_id,
        name: m.name,
        mobileMasked: m.mobile_masked,
        addedAt: m.added_at,
      })),
    claims: counts.get(p.id)?.claims ?? 0,
    delivered: counts.get(p.id)?.delivered ?? 0,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  }))
}

const viewOf = async (db: Db, id: string) =>
  (await viewsOf(db, [(await repo.findPartner(db, id))!]))[0]!

type PartnerFilters = { orgId?: string; status?: WishPartnerStatus; q?: string }

/** The list's filters as a repository filter, in the actor's subtrees (the list and its export). */
const filterOf = async (db: Db, ctx: Ctx, query: PartnerFilters): Promise<repo.PartnerFilter> => {
  const paths = scopePaths(ctx, 'wish:read')
  let orgPath: string | undefined
  if (query.orgId) {
    const org = await findOrgById(db, query.orgId)
    if (!org) throw orgErrors.notFound(query.orgId)
    requireAt(ctx, 'wish:read', org.path)
    orgPath = org.path
  }
  return { paths, orgPath, status: query.status, q: query.q?.trim() || undefined }
}

/** Partners in the actor's subtrees. @throws ACCESS_DENIED for an org outside them, ORG_NOT_FOUND */
export const listPartners = async (
  db: Db,
  ctx: Ctx,
  query: Paging & PartnerFilters,
): Promise<Page<WishPartner>> => {
  const { rows, total } = await repo.listPartners(
    db,
    await filterOf(db, ctx, query),
    query.pageSize,
    (query.page - 1) * query.pageSize,
  )
  return { items: await viewsOf(db, rows), total, page: query.page, pageSize: query.pageSize }
}

/** Most partners one export holds; an org registers tens, a province's subtree a few thousand. */
export const PARTNER_EXPORT_MAX_ROWS = 10_000

/**
 * The list as .xlsx: every partner the filters select, by name, with its claimants (masked
 * mobiles, as the list shows them) and its claims. Audited with its filters and row count.
 * @throws ACCESS_DENIED, ORG_NOT_FOUND, WISH_EXPORT_TOO_LARGE
 */
export const exportPartners = async (db: Db, ctx: Ctx, query: PartnerFilters): Promise<Buffer> => {
  const filter = await filterOf(db, ctx, query)
  const { rows, total } = await repo.listPartners(db, filter, PARTNER_EXPORT_MAX_ROWS + 1, 0)
  if (rows.length > PARTNER_EXPORT_MAX_ROWS)
    throw wishErrors.exportTooLarge(total, PARTNER_EXPORT_MAX_ROWS)
  const views = await viewsOf(db, rows)
  const bytes = await writeXlsx(
    '爱心企业',
    ['企业名称', '登记工会', '状态', '认领人', '认领次数', '已送达', '登记时间'],
    views.map((p) => [
      p.name,
      p.orgName,
      p.status === 'active' ? '正常' : '已停用',
      p.members.map((m) => `${m.name} ${m.mobileMasked}`).join('、'),
      p.claims,
      p.delivered,
      chinaDateTime(p.createdAt),
    ]),
  )
  const filters = Object.fromEntries(
    Object.entries(query).filter(([, v]) => v !== undefined && v !== ''),
  )
  await withTransaction(db, (trx) =>
    recordScopeAudit(
      trx,
      ctx,
      { action: 'wish.partners_exported', summary: { filters, rows: views.length } },
      { orgId: query.orgId, permission: 'wish:read' },
    ),
  )
  return bytes
}

export const getPartner = async (db: Db, ctx: Ctx, id: string): Promise<WishPartner> => {
  await loadPartnerAt(db, ctx, id, 'wish:read')
  return viewOf(db, id)
}

/** @throws ORG_NOT_FOUND, ACCESS_DENIED, WISH_PARTNER_NAME_TAKEN */
export const createPartner = async (
  deps: WishesDeps,
  ctx: Ctx,
  body: CreateWishPartnerBody,
): Promise<WishPartner> => {
  const org = await findOrgById(deps.db, body.orgId)
  if (!org) throw orgErrors.notFound(body.orgId)
  requireAt(ctx, 'wish:manage', org.path)
  const now = ctx.now.toISOString()
  const id = uuidv7()
  try {
    await withTransaction(deps.db, async (trx) => {
      if (await repo.findPartnerByName(trx, org.id, body.name))
        throw wishErrors.partnerNameTaken(body.name)
      await repo.insertPartner(trx, {
        id,
        org_id: org.id,
        name: body.name,
        status: 'active',
        created_at: now,
        updated_at: now,
      })
      await recordAudit(trx, ctx, {
        action: 'wish.partner_created',
        targetType: 'wish_partner',
        targetId: id,
        orgId: org.id,
        summary: { name: body.name },
      })
    })
  } catch (e) {
    // Two staff registering the same name at once: the unique index decides.
    if (isUniqueViolation(e)) throw wishErrors.partnerNameTaken(body.name)
    throw e
  }
  return viewOf(deps.db, id)
}

/**
 * Renames or archives (or reactivates) a partner. Its past claims keep the name they were made
 * under; an archived partner makes no new claims. @throws WISH_PARTNER_NOT_FOUND, ACCESS_DENIED,
 * WISH_PARTNER_NAME_TAKEN
 */
export const updatePartner = async (
  deps: WishesDeps,
  ctx: Ctx,
  id: string,
  body: UpdateWishPartnerBody,
): Promise<WishPartner> => {
  const partner = await loadPartnerAt(deps.db, ctx, id, 'wish:manage')
  const fields = {
    ...(body.name !== undefined && body.name !== partner.name ? { name: body.name } : {}),
    ...(body.status !== undefined && body.status !== partner.status ? { status: body.status } : {}),
  }
  if (Object.keys(fields).length === 0) return viewOf(deps.db, id)
  try {
    await withTransaction(deps.db, async (trx) => {
      if (
        fields.name !== undefined &&
        (await repo.findPartnerByName(trx, partner.org_id, fields.name))
      )
        throw wishErrors.partnerNameTaken(fields.name)
      await repo.updatePartner(trx, id, { ...fields, updated_at: ctx.now.toISOString() })
      await recordAudit(trx, ctx, {
        action: 'wish.partner_updated',
        targetType: 'wish_partner',
        targetId: id,
        orgId: partner.org_id,
        summary: {
          before: Object.fromEntries(
            Object.keys(fields).map((k) => [k, partner[k as keyof typeof fields]]),
          ),
          after: fields,
        },
      })
    })
  } catch (e) {
    if (isUniqueViolation(e) && fields.name !== undefined)
      throw wishErrors.partnerNameTaken(fields.name)
    throw e
  }
  return viewOf(deps.db, id)
}

/**
 * Lists a member, found by the mobile they signed up with, as claiming for the partner. The
 * mobile is not written to the audit record (the member id is).
 * @throws WISH_PARTNER_NOT_FOUND, ACCESS_DENIED, WISH_PARTNER_MEMBER_NOT_FOUND,
 *   WISH_PARTNER_MEMBER_EXISTS
 */
export const addPartnerMember = async (
  deps: WishesDeps,
  ctx: Ctx,
  partnerId: string,
  mobile: string,
): Promise<WishPartner> => {
  const partner = await loadPartnerAt(deps.db, ctx, partnerId, 'wish:manage')
  const member = await findMemberByMobileHash(deps.db, mobileHashOf(deps.crypto, mobile))
  if (!member || member.status !== 'active') throw wishErrors.partnerMemberNotFound()
  try {
    await withTransaction(deps.db, async (trx) => {
      if (await repo.findPartnerMember(trx, partnerId, member.id))
        throw wishErrors.partnerMemberExists()
      await repo.insertPartnerMember(trx, {
        partner_id: partnerId,
        member_id: member.id,
        added_at: ctx.now.toISOString(),
      })
      await recordAudit(trx, ctx, {
        action: 'wish.partner_member_added',
        targetType: 'wish_partner',
        targetId: partnerId,
        orgId: partner.org_id,
        summary: { memberId: member.id },
      })
    })
  } catch (e) {
    if (isUniqueViolation(e)) throw wishErrors.partnerMemberExists()
    throw e
  }
  return viewOf(deps.db, partnerId)
}

/** Its live and past claims stay; the member makes no new ones for it. */
export const removePartnerMember = async (
  deps: WishesDeps,
  ctx: Ctx,
  partnerId: string,
  memberId: string,
): Promise<WishPartner> => {
  const partner = await loadPartnerAt(deps.db, ctx, partnerId, 'wish:manage')
  await withTransaction(deps.db, async (trx) => {
    if (!(await repo.deletePartnerMember(trx, partnerId, memberId)))
      throw wishErrors.partnerMemberNotListed()
    await recordAudit(trx, ctx, {
      action: 'wish.partner_member_removed',
      targetType: 'wish_partner',
      targetId: partnerId,
      orgId: partner.org_id,
      summary: { memberId },
    })
  })
  return viewOf(deps.db, partnerId)
}

/** Whether a partner registered at `partnerOrgPath` may claim a wish of the org at `wishOrgPath`. */
const covers = (partnerOrgPath: string, wishOrgPath: string) =>
  wishOrgPath.startsWith(partnerOrgPath)

/**
 * The claim form's options: the active partners I claim for (with a wish, only those whose
 * org's subtree holds it), and whether I may claim as a party member (ADR 0033).
 */
export const listMyPartners = async (
  db: Db,
  ctx: Ctx,
  wishOrgPath: string | null,
): Promise<{ items: MyWishPartner[]; partyMember: boolean }> => {
  const actor = requireActor(ctx)
  const [rows, partyMember] = await Promise.all([
    repo.listPartnersOfMember(db, actor.memberId),
    isPartyMember(db, actor.memberId),
  ])
  return {
    items: rows
      .filter((p) => wishOrgPath === null || covers(p.org_path, wishOrgPath))
      .map((p) => ({ id: p.id, name: p.name, orgId: p.org_id, orgName: p.org_name })),
    partyMember,
  }
}

/**
 * The partner a claim is made for, checked: the claimant claims for it, it is active, and the
 * wish is within its org's subtree. Answers the name the worker is told.
 * @throws WISH_PARTNER_NOT_YOURS (also for an unknown id: nothing to tell apart), WISH_PARTNER_ARCHIVED,
 *   WISH_PARTNER_OUT_OF_SCOPE
 */
export const partnerForClaim = async (
  db: Db,
  memberId: string,
  partnerId: string,
  wishOrgPath: string,
): Promise<{ id: string; name: string }> => {
  const partner = await repo.findPartner(db, partnerId)
  if (!partner || !(await repo.findPartnerMember(db, partnerId, memberId)))
    throw wishErrors.partnerNotYours()
  if (partner.status !== 'active') throw wishErrors.partnerArchived()
  if (!covers(partner.org_path, wishOrgPath)) throw wishErrors.partnerOutOfScope(partner.org_name)
  return { id: partner.id, name: partner.name }
}
