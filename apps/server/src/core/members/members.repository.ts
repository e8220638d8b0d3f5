import { sql } from 'kysely'
import { isPostgres } from '../../platform/db/columns'
import { type Db, typed } from '../../platform/db/create-db'
import { inSubtrees } from '../../platform/db/subtree'
import type { MemberRow, MemberTable, MemberTables } from './members.tables'

type Tables = MemberTables & {
  org: { id: string; name: string; path: string; is_archived: number }
}
const q = (db: Db) => typed<Tables>(db)

export const findMemberById = (db: Db, id: string) =>
  q(db)
    .selectFrom('member as m')
    .innerJoin('org as o', 'o.id', 'm.org_id')
    .selectAll('m')
    .select(['o.name as org_name', 'o.path as org_path'])
    .where('m.id', '=', id)
    .executeTakeFirst()

export const findMemberByMobileHash = (
  db: Db,
  mobileHash: string,
): Promise<MemberRow | undefined> =>
  q(db).selectFrom('member').selectAll().where('mobile_hash', '=', mobileHash).executeTakeFirst()

export const findMobileHashes = async (db: Db, hashes: string[]): Promise<Set<string>> => {
  const found = new Set<string>()
  for (let i = 0; i < hashes.length; i += 500) {
    const rows = await q(db)
      .selectFrom('member')
      .select('mobile_hash')
      .where('mobile_hash', 'in', hashes.slice(i, i + 500))
      .execute()
    for (const r of rows) found.add(r.mobile_hash)
  }
  return found
}

export const findIdCardHashes = async (db: Db, hashes: string[]): Promise<Set<string>> => {
  const found = new Set<string>()
  for (let i = 0; i < hashes.length; i += 500) {
    const rows = await q(db)
      .selectFrom('member')
      .select('id_card_hash')
      .where('id_card_hash', 'in', hashes.slice(i, i + 500))
      .execute()
    for (const r of rows) if (r.id_card_hash) found.add(r.id_card_hash)
  }
  return found
}

export const idCardHashExists = async (db: Db, hash: string) =>
  (await q(db)
    .selectFrom('member')
    .select('id')
    .where('id_card_hash', '=', hash)
    .executeTakeFirst()) !== undefined

export const insertMembers = async (db: Db, rows: MemberTable[]) => {
  for (let i = 0; i < rows.length; i += 200) {
    await q(db)
      .insertInto('member')
      .values(rows.slice(i, i + 200))
      .execute()
  }
}

export const updateMemberFields = async (
  db: Db,
  id: string,
  fields: Partial<
    Pick<
      MemberTable,
      'name' | 'org_id' | 'status' | 'political_status' | 'password_hash' | 'updated_at'
    >
  >,
) => {
  await q(db).updateTable('member').set(fields).where('id', '=', id).execute()
}

export type MemberListFilter = {
  paths: string[]
  within?: string
  /** Names starting with this text (a prefix range the name index answers). */
  namePrefix?: string
  mobileHash?: string
  status?: string
  politicalStatus?: string
}

/**
 * Counting stops here: beyond it the UI shows "1,000+" and paging still works. Counting a
 * large subtree costs a walk over every matching index entry (8 ms for 10,000 on the bench
 * machine, 0.1 ms for 1,000); the dashboard's stats endpoint gives exact totals when wanted.
 */
export const COUNT_CAP = 1_000

const filtered = (db: Db, f: MemberListFilter) =>
  q(db)
    .selectFrom('org as o')
    .innerJoin('member as m', 'm.org_id', 'o.id')
    .where(inSubtrees('o.path', f.paths))
    .$if(f.within !== undefined, (qb) => qb.where(inSubtrees('o.path', [f.within!])))
    .$if(f.mobileHash !== undefined, (qb) => qb.where('m.mobile_hash', '=', f.mobileHash!))
    .$if(f.namePrefix !== undefined, (qb) => {
      // Byte-wise range [prefix, prefix + U+10FFFF): every name that starts with the prefix.
      const name = isPostgres(db) ? sql<string>`m.name collate "C"` : sql<string>`m.name`
      return qb.where(name, '>=', f.namePrefix!).where(name, '<', `${f.namePrefix!}\u{10FFFF}`)
    })
    .$if(f.status !== undefined, (qb) => qb.where('m.status', '=', f.status as MemberRow['status']))
    .$if(f.politicalStatus !== undefined, (qb) =>
      qb.where('m.political_status', '=', f.politicalStatus as MemberRow['political_status']),
    )

/**
 * A page of members in the given subtrees, org by org (path order) then by name: the order of
 * the org path and (org_id, name) indexes, so no sort over the whole subtree is needed.
 */
export const listMembers = async (db: Db, f: MemberListFilter, limit: number, offset: number) => {
  const [rows, count] = await Promise.all([
    filtered(db, f)
      .select([
        'm.id',
        'm.name',
        'm.mobile_masked',
        'm.id_card_masked',
        'm.org_id',
        'm.status',
        'm.political_status',
        'm.created_at',
        'o.name as org_name',
      ])
      .$call((qb) =>
        // A name search walks the name index, so it is listed in name order (no sort of a
        // large match set); a directory listing walks the org paths, org by org.
        f.namePrefix !== undefined
          ? qb
              .orderBy(isPostgres(db) ? sql`m.name collate "C"` : sql`m.name`)
              .orderBy('m.org_id')
              .orderBy('m.id')
          : qb.orderBy('o.path').orderBy('m.name').orderBy('m.id'),
      )
      .limit(limit)
      .offset(offset)
      .execute(),
    q(db)
      .selectFrom(
        filtered(db, f)
          .select('m.id')
          .limit(COUNT_CAP + 1)
          .as('capped'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n), capped: Number(count.n) > COUNT_CAP }
}

export const listMembersForExport = (db: Db, f: MemberListFilter, limit: number) =>
  filtered(db, f)
    .select([
      'm.id',
      'm.name',
      'm.mobile_masked',
      'm.id_card_masked',
      'm.status',
      'm.political_status',
      'm.created_at',
      'o.name as org_name',
    ])
    .orderBy('o.path')
    .orderBy('m.name')
    .limit(limit)
    .execute()

/** A member's political status, for rules that need a party member (wishes, the roster). */
export const findPoliticalStatus = async (db: Db, memberId: string) =>
  (
    await q(db)
      .selectFrom('member')
      .select('political_status')
      .where('id', '=', memberId)
      .executeTakeFirst()
  )?.political_status

/** Orgs in a subtree by exact name, for resolving the 所属工会 column of an import. */
export const findOrgsInSubtreeByNames = (db: Db, path: string, names: string[]) =>
  names.length === 0
    ? Promise.resolve([])
    : q(db)
        .selectFrom('org')
        .select(['id', 'name', 'path', 'is_archived'])
        .where(inSubtrees('path', [path]))
        .where('name', 'in', names)
        .execute()

export const countMembers = async (db: Db) =>
  Number(
    (
      await q(db)
        .selectFrom('member')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

/**
 * Members under parentPath grouped by the child org whose subtree holds them. The group key
 * is the path prefix one level below the parent ('/…/<childId>/'); members of the parent
 * itself group under the parent's own path.
 */
export const countMembersByChild = async (db: Db, parentPath: string) => {
  const prefixLength = parentPath.length + 37 // a UUID (36) and the closing '/'
  // Literals, not parameters: PostgreSQL matches the select expression to the GROUP BY one
  // only when both are identical, and two sets of $n parameters are not.
  const rows = await q(db)
    .selectFrom('org as o')
    .innerJoin('member as m', 'm.org_id', 'o.id')
    .where(inSubtrees('o.path', [parentPath]))
    .select((eb) => [
      eb.fn<string>('substr', ['o.path', eb.lit(1), eb.lit(prefixLength)]).as('prefix'),
      eb.fn.countAll<number>().as('n'),
    ])
    .groupBy((eb) => eb.fn<string>('substr', ['o.path', eb.lit(1), eb.lit(prefixLength)]))
    .execute()
  return rows.map((r) => ({ prefix: r.prefix, n: Number(r.n) }))
}
