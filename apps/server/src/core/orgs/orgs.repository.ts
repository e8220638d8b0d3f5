import { sql } from 'kysely'
import { type Db, typed } from '../../platform/db/create-db'
import { inSubtrees, subtreeRange } from '../../platform/db/subtree'
import type { OrgRow, OrgTable, OrgTables } from './orgs.tables'
import { contains } from '../../platform/db/contains'

const q = (db: Db) => typed<OrgTables>(db)

const COLUMNS = [
  'id',
  'parent_id',
  'name',
  'kind',
  'path',
  'depth',
  'is_archived',
  'created_at',
  'updated_at',
] as const

export const findOrgById = (db: Db, id: string): Promise<OrgRow | undefined> =>
  q(db).selectFrom('org').select(COLUMNS).where('id', '=', id).executeTakeFirst()

export const findOrgsByIds = (db: Db, ids: string[]): Promise<OrgRow[]> =>
  ids.length === 0
    ? Promise.resolve([])
    : q(db).selectFrom('org').select(COLUMNS).where('id', 'in', ids).execute()

export const findSiblingByName = (db: Db, parentId: string, name: string) =>
  q(db)
    .selectFrom('org')
    .select('id')
    .where('parent_id', '=', parentId)
    .where('name', '=', name)
    .executeTakeFirst()

export const insertOrg = async (db: Db, row: OrgTable) => {
  await q(db).insertInto('org').values(row).execute()
}

export const updateOrgFields = async (
  db: Db,
  id: string,
  fields: Partial<Pick<OrgTable, 'name' | 'kind' | 'is_archived' | 'updated_at'>>,
) => {
  await q(db).updateTable('org').set(fields).where('id', '=', id).execute()
}

/** Re-roots a whole subtree: every path under oldPath is rewritten to start with newPath. */
export const rewriteSubtreePaths = async (
  db: Db,
  oldPath: string,
  newPath: string,
  depthDelta: number,
  now: string,
) => {
  const [lo, hi] = subtreeRange(oldPath)
  await q(db)
    .updateTable('org')
    .set({
      path: sql<string>`${newPath} || substr(path, ${oldPath.length + 1})`,
      depth: sql<number>`depth + ${depthDelta}`,
      updated_at: now,
    })
    .where('path', '>=', lo)
    .where('path', '<', hi)
    .execute()
}

export const setParent = async (db: Db, id: string, parentId: string) => {
  await q(db).updateTable('org').set({ parent_id: parentId }).where('id', '=', id).execute()
}

export type OrgListFilter = {
  parentId?: string
  /** Restrict to these subtrees (the actor's scope, and optionally `within`). */
  paths: string[]
  within?: string
  nameLike?: string
  includeArchived: boolean
}

const filtered = (db: Db, f: OrgListFilter) =>
  q(db)
    .selectFrom('org')
    .where(inSubtrees('path', f.paths))
    .$if(f.within !== undefined, (qb) => qb.where(inSubtrees('path', [f.within!])))
    .$if(f.parentId !== undefined, (qb) => qb.where('parent_id', '=', f.parentId!))
    .$if(f.nameLike !== undefined, (qb) => qb.where(contains('name', f.nameLike!)))
    .$if(!f.includeArchived, (qb) => qb.where('is_archived', '=', 0))

export const listOrgs = async (db: Db, f: OrgListFilter, limit: number, offset: number) => {
  const [rows, count] = await Promise.all([
    filtered(db, f)
      .select(COLUMNS)
      .select((eb) =>
        eb
          .selectFrom('org as c')
          .whereRef('c.parent_id', '=', 'org.id')
          .where('c.is_archived', '=', 0)
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('child_count'),
      )
      .orderBy('path')
      .limit(limit)
      .offset(offset)
      .execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { rows: rows as (OrgRow & { child_count: number | null })[], total: Number(count.n) }
}

export const countChildren = async (db: Db, id: string, onlyActive: boolean) => {
  const r = await q(db)
    .selectFrom('org')
    .where('parent_id', '=', id)
    .$if(onlyActive, (qb) => qb.where('is_archived', '=', 0))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/** Every org under path (inclusive), ordered so parents come before children. */
export const listSubtree = (db: Db, path: string, limit: number) =>
  q(db)
    .selectFrom('org')
    .select(['id', 'parent_id', 'name', 'kind', 'depth', 'is_archived'])
    .where(inSubtrees('path', [path]))
    .orderBy('path')
    .limit(limit)
    .execute()

/** Every org with the columns a tree view needs, in path order (parents before children). */
export const listAllOrgsByPath = (db: Db) =>
  q(db)
    .selectFrom('org')
    .select(['id', 'parent_id', 'name', 'kind', 'depth', 'is_archived', 'path'])
    .orderBy('path')
    .execute()

export const countSubtree = async (db: Db, path: string) => {
  const r = await q(db)
    .selectFrom('org')
    .where(inSubtrees('path', [path]))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

export const searchActiveOrgsByName = (db: Db, nameLike: string, limit: number) =>
  q(db)
    .selectFrom('org as o')
    .leftJoin('org as p', 'p.id', 'o.parent_id')
    .select(['o.id', 'o.name', 'o.kind', 'p.name as parent_name'])
    .where('o.is_archived', '=', 0)
    .where(contains('o.name', nameLike))
    .orderBy('o.depth')
    .orderBy('o.name')
    .limit(limit)
    .execute()

export const countOrgs = async (db: Db) =>
  Number(
    (
      await q(db)
        .selectFrom('org')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

/** Active children of an org by name (no access check; callers have checked the parent). */
export const listChildOrgs = (db: Db, parentId: string) =>
  q(db)
    .selectFrom('org')
    .select(['id', 'name', 'kind'])
    .where('parent_id', '=', parentId)
    .where('is_archived', '=', 0)
    .orderBy('name')
    .execute()
