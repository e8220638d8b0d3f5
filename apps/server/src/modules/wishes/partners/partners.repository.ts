import type { WishPartnerStatus } from '@unionhall/contracts'
import { contains } from '../../../platform/db/contains'
import { type Db, typed } from '../../../platform/db/create-db'
import { inSubtrees } from '../../../platform/db/subtree'
import type { WishesTables, WishPartnerTable } from '../wishes.tables'

type Tables = WishesTables & {
  member: { id: string; name: string; mobile_masked: string; status: string }
}
const q = (db: Db) => typed<Tables>(db)

/** A partner with its org's name and path (every access check needs the path). */
export type PartnerWithOrg = WishPartnerTable & { org_name: string; org_path: string }

const withOrg = (db: Db) =>
  q(db)
    .selectFrom('wish_partner as p')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .selectAll('p')
    .select(['o.name as org_name', 'o.path as org_path'])

export const findPartner = (db: Db, id: string): Promise<PartnerWithOrg | undefined> =>
  withOrg(db).where('p.id', '=', id).executeTakeFirst()

export const findPartnerByName = (db: Db, orgId: string, name: string) =>
  q(db)
    .selectFrom('wish_partner')
    .select('id')
    .where('org_id', '=', orgId)
    .where('name', '=', name)
    .executeTakeFirst()

export type PartnerFilter = {
  /** The actor's subtrees (wish:read). */
  paths: string[]
  orgPath?: string
  status?: WishPartnerStatus
  q?: string
}

const filtered = (db: Db, f: PartnerFilter) =>
  q(db)
    .selectFrom('wish_partner as p')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .where(inSubtrees('o.path', f.paths))
    .$if(f.orgPath !== undefined, (qb) => qb.where(inSubtrees('o.path', [f.orgPath!])))
    .$if(f.status !== undefined, (qb) => qb.where('p.status', '=', f.status!))
    .$if(Boolean(f.q), (qb) => qb.where(contains('p.name', f.q!)))

export const listPartners = async (db: Db, f: PartnerFilter, limit: number, offset: number) => {
  const [rows, count] = await Promise.all([
    filtered(db, f)
      .selectAll('p')
      .select(['o.name as org_name', 'o.path as org_path'])
      .orderBy('p.name')
      .orderBy('p.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { rows: rows as PartnerWithOrg[], total: Number(count.n) }
}

export type PartnerMemberRow = {
  partner_id: string
  member_id: string
  added_at: string
  name: string
  mobile_masked: string
}

/** The members who claim for each of the partners, in the order they were added. */
export const membersOf = async (db: Db, partnerIds: string[]): Promise<PartnerMemberRow[]> =>
  partnerIds.length === 0
    ? []
    : q(db)
        .selectFrom('wish_partner_member as pm')
        .innerJoin('member as m', 'm.id', 'pm.member_id')
        .select(['pm.partner_id', 'pm.member_id', 'pm.added_at', 'm.name', 'm.mobile_masked'])
        .where('pm.partner_id', 'in', partnerIds)
        .orderBy('pm.added_at')
        .orderBy('pm.member_id')
        .execute()

/** Claims made for each partner, and those delivered (fulfilled, then perhaps confirmed). */
export const claimCountsOf = async (db: Db, partnerIds: string[]) => {
  if (partnerIds.length === 0) return new Map<string, { claims: number; delivered: number }>()
  const rows = await q(db)
    .selectFrom('wish_claim')
    .select((eb) => [
      'partner_id',
      eb.fn.countAll<number>().as('claims'),
      eb.fn
        .sum<number>(
          eb.case().when('status', 'in', ['fulfilled', 'confirmed']).then(1).else(0).end(),
        )
        .as('delivered'),
    ])
    .where('partner_id', 'in', partnerIds)
    .groupBy('partner_id')
    .execute()
  return new Map(
    rows.map((r) => [
      r.partner_id!,
      { claims: Number(r.claims), delivered: Number(r.delivered ?? 0) },
    ]),
  )
}

export const insertPartner = (db: Db, row: WishPartnerTable) =>
  q(db).insertInto('wish_partner').values(row).execute()

export const updatePartner = (
  db: Db,
  id: string,
  fields: Partial<Pick<WishPartnerTable, 'name' | 'status' | 'updated_at'>>,
) => q(db).updateTable('wish_partner').set(fields).where('id', '=', id).execute()

export const findPartnerMember = (db: Db, partnerId: string, memberId: string) =>
  q(db)
    .selectFrom('wish_partner_member')
    .select('added_at')
    .where('partner_id', '=', partnerId)
    .where('member_id', '=', memberId)
    .executeTakeFirst()

export const insertPartnerMember = (
  db: Db,
  row: { partner_id: string; member_id: string; added_at: string },
) => q(db).insertInto('wish_partner_member').values(row).execute()

/** Answers whether a row was removed. */
export const deletePartnerMember = async (db: Db, partnerId: string, memberId: string) => {
  const r = await q(db)
    .deleteFrom('wish_partner_member')
    .where('partner_id', '=', partnerId)
    .where('member_id', '=', memberId)
    .executeTakeFirst()
  return Number(r.numDeletedRows) > 0
}

/** The active partners a member claims for, with their orgs, by name. */
export const listPartnersOfMember = (db: Db, memberId: string): Promise<PartnerWithOrg[]> =>
  withOrg(db)
    .innerJoin('wish_partner_member as pm', 'pm.partner_id', 'p.id')
    .where('pm.member_id', '=', memberId)
    .where('p.status', '=', 'active')
    .orderBy('p.name')
    .orderBy('p.id')
    .execute()
