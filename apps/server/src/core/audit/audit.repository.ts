import type { Selectable } from 'kysely'
import { type Db, typed } from '../../platform/db/create-db'
import { inSubtrees } from '../../platform/db/subtree'
import type { AuditLogTable, AuditTables } from './audit.tables'
import { contains } from '../../platform/db/contains'

type Tables = AuditTables & {
  org: { id: string; name: string; path: string }
  member: { id: string; name: string }
}

export const insertAuditRecord = async (db: Db, row: AuditLogTable) => {
  await typed<AuditTables>(db).insertInto('audit_log').values(row).execute()
}

export type AuditFilter = {
  paths: string[]
  /**
   * Also show records tied to no org (OTP sends, anonymous public actions). Only an actor whose
   * scope includes a root org sees them: they belong to the whole deployment.
   */
  includeOrgless: boolean
  orgPath?: string
  action?: string
  actorId?: string
  from?: string
  to?: string
  q?: string
}

const filtered = (db: Db, f: AuditFilter) =>
  typed<Tables>(db)
    .selectFrom('audit_log as a')
    .leftJoin('org as o', 'o.id', 'a.org_id')
    .leftJoin('member as m', 'm.id', 'a.actor_member_id')
    .where((eb) =>
      f.includeOrgless && f.orgPath === undefined
        ? eb.or([inSubtrees('o.path', f.paths)(eb), eb('a.org_id', 'is', null)])
        : inSubtrees('o.path', f.paths)(eb),
    )
    .$if(f.orgPath !== undefined, (qb) => qb.where(inSubtrees('o.path', [f.orgPath!])))
    .$if(f.action !== undefined, (qb) => qb.where('a.action', '=', f.action!))
    .$if(f.actorId !== undefined, (qb) => qb.where('a.actor_member_id', '=', f.actorId!))
    .$if(f.from !== undefined, (qb) => qb.where('a.at', '>=', f.from!))
    .$if(f.to !== undefined, (qb) => qb.where('a.at', '<=', f.to!))
    .$if(f.q !== undefined && f.q !== '', (qb) =>
      qb.where((eb) =>
        eb.or([contains('a.action', f.q!), contains('m.name', f.q!), contains('o.name', f.q!)]),
      ),
    )

export type AuditRow = Selectable<AuditLogTable> & {
  actor_name: string | null
  org_name: string | null
}

export const listAuditRecords = async (db: Db, f: AuditFilter, limit: number, offset: number) => {
  const [rows, count] = await Promise.all([
    filtered(db, f)
      .select([
        'a.id',
        'a.at',
        'a.actor_member_id',
        'a.action',
        'a.target_type',
        'a.target_id',
        'a.org_id',
        'a.summary',
        'a.request_id',
        'a.ip',
        'm.name as actor_name',
        'o.name as org_name',
      ])
      .orderBy('a.at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { rows: rows as AuditRow[], total: Number(count.n) }
}

/** Counts audit records for tests and diagnostics. */
export const countAuditRecords = async (db: Db, where: { action?: string; targetId?: string }) => {
  const r = await typed<AuditTables>(db)
    .selectFrom('audit_log')
    .$if(where.action !== undefined, (qb) => qb.where('action', '=', where.action!))
    .$if(where.targetId !== undefined, (qb) => qb.where('target_id', '=', where.targetId!))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/** The org table belongs to core/orgs; audit reads paths only to scope its own records. */
export const findOrgPath = async (db: Db, orgId: string): Promise<string | undefined> =>
  (
    await typed<Tables>(db)
      .selectFrom('org')
      .select('path')
      .where('id', '=', orgId)
      .executeTakeFirst()
  )?.path
