import { type Db, typed } from '../../platform/db/create-db'
import { inSubtrees } from '../../platform/db/subtree'
import type { RoleGrantTable, RoleTables } from './roles.tables'
import { contains } from '../../platform/db/contains'

type Tables = RoleTables & {
  org: { id: string; name: string; path: string }
  member: { id: string; name: string }
}
const q = (db: Db) => typed<Tables>(db)

/** A member's grants with the org path each one covers; loaded once per session and cached. */
export const findGrantsOfMember = (db: Db, memberId: string) =>
  q(db)
    .selectFrom('role_grant as g')
    .innerJoin('org as o', 'o.id', 'g.org_id')
    .select(['g.id', 'g.org_id', 'g.role', 'o.name as org_name', 'o.path as org_path'])
    .where('g.member_id', '=', memberId)
    .orderBy('o.path')
    .execute()

export const findGrantById = (db: Db, id: string) =>
  q(db)
    .selectFrom('role_grant as g')
    .innerJoin('org as o', 'o.id', 'g.org_id')
    .innerJoin('member as m', 'm.id', 'g.member_id')
    .select([
      'g.id',
      'g.member_id',
      'g.org_id',
      'g.role',
      'g.created_at',
      'o.path as org_path',
      'o.name as org_name',
      'm.name as member_name',
    ])
    .where('g.id', '=', id)
    .executeTakeFirst()

export const findGrant = (db: Db, memberId: string, orgId: string, role: string) =>
  q(db)
    .selectFrom('role_grant')
    .select('id')
    .where('member_id', '=', memberId)
    .where('org_id', '=', orgId)
    .where('role', '=', role as RoleGrantTable['role'])
    .executeTakeFirst()

/** Member ids and orgs of grants held directly at any of the orgs (notification recipients). */
export const findGrantHoldersAt = (db: Db, orgIds: readonly string[]) =>
  orgIds.length === 0
    ? Promise.resolve([])
    : q(db)
        .selectFrom('role_grant')
        .select(['member_id', 'org_id', 'role'])
        .where('org_id', 'in', [...orgIds])
        .execute()

export const insertGrant = async (db: Db, row: RoleGrantTable) => {
  await q(db).insertInto('role_grant').values(row).execute()
}

export const deleteGrant = async (db: Db, id: string) => {
  await q(db).deleteFrom('role_grant').where('id', '=', id).execute()
}

export type GrantFilter = { paths: string[]; within?: string; memberId?: string; q?: string }

const filtered = (db: Db, f: GrantFilter) =>
  q(db)
    .selectFrom('role_grant as g')
    .innerJoin('org as o', 'o.id', 'g.org_id')
    .innerJoin('member as m', 'm.id', 'g.member_id')
    .where(inSubtrees('o.path', f.paths))
    .$if(f.within !== undefined, (qb) => qb.where(inSubtrees('o.path', [f.within!])))
    .$if(f.memberId !== undefined, (qb) => qb.where('g.member_id', '=', f.memberId!))
    .$if(!!f.q, (qb) =>
      qb.where((eb) => eb.or([contains('m.name', f.q!), contains('o.name', f.q!)])),
    )

export const listGrants = async (db: Db, f: GrantFilter, limit: number, offset: number) => {
  const [rows, count] = await Promise.all([
    filtered(db, f)
      .select([
        'g.id',
        'g.member_id',
        'g.org_id',
        'g.role',
        'g.created_at',
        'o.name as org_name',
        'm.name as member_name',
      ])
      .orderBy('o.path')
      .orderBy('m.name')
      .limit(limit)
      .offset(offset)
      .execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}
