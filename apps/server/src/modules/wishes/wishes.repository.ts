import type { ClaimStatus, WishCategory, WishListSort, WishStatus } from '@unionhall/contracts'
import { uploadIdOf } from '../../core/uploads'
import { fromJson } from '../../platform/db/columns'
import { type Db, typed } from '../../platform/db/create-db'
import { inSubtrees, subtreeRange } from '../../platform/db/subtree'
import type {
  WishClaimRow,
  WishClaimTable,
  WishTable,
  WishWithOrg,
  WishesTables,
} from './wishes.tables'
import { contains } from '../../platform/db/contains'

const q = (db: Db) => typed<WishesTables>(db)

const withOrg = (db: Db) =>
  q(db)
    .selectFrom('wish as w')
    .innerJoin('org as o', 'o.id', 'w.org_id')
    .selectAll('w')
    .select(['o.name as org_name', 'o.path as org_path'])

// ---- wishes ----

export const insertWish = async (db: Db, row: WishTable) => {
  await q(db).insertInto('wish').values(row).execute()
}

export const findWish = (db: Db, id: string): Promise<WishWithOrg | undefined> =>
  withOrg(db).where('w.id', '=', id).executeTakeFirst()

/**
 * Changes a wish only while it is in one of the expected statuses (and, when given, still has
 * the expected claim): the check and the change are one statement, so two requests racing on
 * the same wish cannot both pass, on SQLite or PostgreSQL. Answers whether it changed.
 */
export const updateWishIf = async (
  db: Db,
  id: string,
  expected: readonly WishStatus[],
  fields: Partial<Omit<WishTable, 'id' | 'created_at'>>,
  expectedClaimId?: string,
): Promise<boolean> => {
  const r = await q(db)
    .updateTable('wish')
    .set(fields)
    .where('id', '=', id)
    .where('status', 'in', [...expected])
    .$if(expectedClaimId !== undefined, (qb) => qb.where('current_claim_id', '=', expectedClaimId!))
    .executeTakeFirst()
  return Number(r.numUpdatedRows) > 0
}

export type WishFilter = {
  /** Subtree roots the actor may read. */
  paths: string[]
  orgPath?: string
  stationId?: string
  status?: WishStatus
  category?: WishCategory
  q?: string
  /** Newest first when not given. */
  sort?: WishListSort
}

const filtered = (db: Db, f: WishFilter) =>
  q(db)
    .selectFrom('wish as w')
    .innerJoin('org as o', 'o.id', 'w.org_id')
    .where(inSubtrees('o.path', f.paths))
    .$if(f.orgPath !== undefined, (qb) => qb.where(inSubtrees('o.path', [f.orgPath!])))
    .$if(f.stationId !== undefined, (qb) => qb.where('w.station_id', '=', f.stationId!))
    .$if(f.status !== undefined, (qb) => qb.where('w.status', '=', f.status!))
    .$if(f.category !== undefined, (qb) => qb.where('w.category', '=', f.category!))
    .$if(Boolean(f.q), (qb) => qb.where(contains('w.title', f.q!)))

/**
 * The staff list's order. By the wish's own times, not its id: the id is the insert's clock,
 * which differs from created_at for a backdated change (the demo seed). The id last keeps the
 * order total, so paging never repeats or skips a wish.
 */
const ordered = <QB extends ReturnType<typeof filtered>>(qb: QB, sort: WishListSort = 'newest') => {
  const dir = sort === 'oldest' ? 'asc' : 'desc'
  const first = sort === 'deadline' ? qb.orderBy('w.deadline_at', 'asc') : qb
  return first.orderBy('w.created_at', dir).orderBy('w.id', dir) as QB
}

export const listWishes = async (db: Db, f: WishFilter, limit: number, offset: number) => {
  const [rows, count] = await Promise.all([
    ordered(filtered(db, f), f.sort)
      .selectAll('w')
      .select(['o.name as org_name', 'o.path as org_path'])
      .limit(limit)
      .offset(offset)
      .execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { rows: rows as WishWithOrg[], total: Number(count.n) }
}

export const countWishes = async (db: Db, f: WishFilter) =>
  Number(
    (
      await filtered(db, f)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

/**
 * The rows of the staff list's .xlsx: the same filter and order as listWishes, with the
 * current claim, and only the columns the sheet shows (no ciphertexts: masked copies only).
 */
export const wishesForListExport = (db: Db, f: WishFilter, limit: number) =>
  ordered(filtered(db, f), f.sort)
    .leftJoin('wish_claim as c', 'c.id', 'w.current_claim_id')
    .select([
      'w.id',
      'w.title',
      'w.description',
      'w.category',
      'w.status',
      'w.source',
      'w.station_id',
      'w.worker_name_masked',
      'w.worker_mobile_masked',
      'w.deadline',
      'w.created_at',
      'w.published_at',
      'w.confirmed_at',
      'w.withdrawn_at',
      'o.name as org_name',
      'c.claimant_name',
      'c.claimant_kind',
      'c.due_date',
      'c.claimed_at',
      'c.fulfilled_at',
    ])
    .limit(limit)
    .execute()

export const listWishesOfPoster = async (
  db: Db,
  memberId: string,
  status: WishStatus | undefined,
  limit: number,
  offset: number,
) => {
  const base = q(db)
    .selectFrom('wish as w')
    .innerJoin('org as o', 'o.id', 'w.org_id')
    .where('w.poster_member_id', '=', memberId)
    .$if(status !== undefined, (qb) => qb.where('w.status', '=', status!))
  const [rows, count] = await Promise.all([
    // Newest posted first, like the staff list (the id alone follows the insert's clock).
    base
      .selectAll('w')
      .select(['o.name as org_name', 'o.path as org_path'])
      .orderBy('w.created_at', 'desc')
      .orderBy('w.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows: rows as WishWithOrg[], total: Number(count.n) }
}

/** Published wishes of an org subtree or of one station, newest on the wall first. */
export const listWallWishes = async (
  db: Db,
  f: { orgPath?: string; stationId?: string; category?: WishCategory },
  limit: number,
  offset: number,
) => {
  const base = q(db)
    .selectFrom('wish as w')
    .innerJoin('org as o', 'o.id', 'w.org_id')
    .where('w.status', '=', 'published')
    .$if(f.orgPath !== undefined, (qb) => qb.where(inSubtrees('o.path', [f.orgPath!])))
    .$if(f.stationId !== undefined, (qb) => qb.where('w.station_id', '=', f.stationId!))
    .$if(f.category !== undefined, (qb) => qb.where('w.category', '=', f.category!))
  const [rows, count] = await Promise.all([
    base
      .selectAll('w')
      .select(['o.name as org_name', 'o.path as org_path'])
      .orderBy('w.wall_since', 'desc')
      .orderBy('w.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows: rows as WishWithOrg[], total: Number(count.n) }
}

export const findWishesByIds = (db: Db, ids: readonly string[]): Promise<WishWithOrg[]> =>
  ids.length === 0
    ? Promise.resolve([])
    : withOrg(db)
        .where('w.id', 'in', [...ids])
        .execute()

/** Open wishes (pending review or on the wall) whose deadline has passed. */
export const findOverdueWishIds = async (db: Db, nowIso: string, limit: number) =>
  (
    await q(db)
      .selectFrom('wish')
      .select('id')
      .where('status', 'in', ['pending_review', 'published'])
      .where('deadline_at', '<=', nowIso)
      .orderBy('deadline_at')
      .limit(limit)
      .execute()
  ).map((r) => r.id)

// ---- claims ----

export const insertClaim = async (db: Db, row: WishClaimTable) => {
  await q(db).insertInto('wish_claim').values(row).execute()
}

export const findClaim = (db: Db, id: string): Promise<WishClaimRow | undefined> =>
  q(db).selectFrom('wish_claim').selectAll().where('id', '=', id).executeTakeFirst()

export const findClaimsByIds = (db: Db, ids: readonly string[]): Promise<WishClaimRow[]> =>
  ids.length === 0
    ? Promise.resolve([])
    : q(db)
        .selectFrom('wish_claim')
        .selectAll()
        .where('id', 'in', [...ids])
        .execute()

/** The wish's live claim (active or fulfilled), if any. */
export const findLiveClaim = (db: Db, wishId: string): Promise<WishClaimRow | undefined> =>
  q(db)
    .selectFrom('wish_claim')
    .selectAll()
    .where('wish_id', '=', wishId)
    .where('status', 'in', ['active', 'fulfilled'])
    .executeTakeFirst()

export const findClaimsOfWish = (db: Db, wishId: string): Promise<WishClaimRow[]> =>
  q(db)
    .selectFrom('wish_claim')
    .selectAll()
    .where('wish_id', '=', wishId)
    .orderBy('id', 'desc')
    .execute()

/** Every claim of these wishes (one page of a worker's list), current and ended. */
export const findClaimsOfWishes = (db: Db, wishIds: readonly string[]): Promise<WishClaimRow[]> =>
  wishIds.length === 0
    ? Promise.resolve([])
    : q(db)
        .selectFrom('wish_claim')
        .selectAll()
        .where('wish_id', 'in', [...wishIds])
        .orderBy('id')
        .execute()

/** Like updateWishIf, for a claim. */
export const updateClaimIf = async (
  db: Db,
  id: string,
  expected: readonly ClaimStatus[],
  fields: Partial<Omit<WishClaimTable, 'id' | 'wish_id'>>,
): Promise<boolean> => {
  const r = await q(db)
    .updateTable('wish_claim')
    .set(fields)
    .where('id', '=', id)
    .where('status', 'in', [...expected])
    .executeTakeFirst()
  return Number(r.numUpdatedRows) > 0
}

export const listClaimsOfMember = async (
  db: Db,
  memberId: string,
  status: ClaimStatus | undefined,
  limit: number,
  offset: number,
) => {
  const base = q(db)
    .selectFrom('wish_claim')
    .where('claimant_member_id', '=', memberId)
    .$if(status !== undefined, (qb) => qb.where('status', '=', status!))
  const [rows, count] = await Promise.all([
    // Latest claim first, by when it was made (the id alone follows the insert's clock).
    base
      .selectAll()
      .orderBy('claimed_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

/** Active claims past their due date, oldest first. */
export const findDueClaims = (db: Db, nowIso: string, limit: number) =>
  q(db)
    .selectFrom('wish_claim')
    .selectAll()
    .where('status', '=', 'active')
    .where('due_at', '<=', nowIso)
    .orderBy('due_at')
    .limit(limit)
    .execute()

/** Fulfilled claims delivered at or before `beforeIso`, still waiting for the worker (oldest first). */
export const findClaimsAwaitingConfirmation = (db: Db, beforeIso: string, limit: number) =>
  q(db)
    .selectFrom('wish_claim')
    .selectAll()
    .where('status', '=', 'fulfilled')
    .where('fulfilled_at', '<=', beforeIso)
    .orderBy('fulfilled_at')
    .limit(limit)
    .execute()

// ---- reports ----

export type ReportScope = { orgPath: string; fromIso?: string; toIso?: string }

const inReport = (db: Db, s: ReportScope) => {
  const [lo, hi] = subtreeRange(s.orgPath)
  return q(db)
    .selectFrom('wish as w')
    .innerJoin('org as o', 'o.id', 'w.org_id')
    .where('o.path', '>=', lo)
    .where('o.path', '<', hi)
    .$if(s.fromIso !== undefined, (qb) => qb.where('w.created_at', '>=', s.fromIso!))
    .$if(s.toIso !== undefined, (qb) => qb.where('w.created_at', '<', s.toIso!))
}

/** Wish counts by org, status, category and station: every breakdown is summed from these. */
export const countWishesForReport = (db: Db, s: ReportScope) =>
  inReport(db, s)
    .select(['o.id as org_id', 'o.path as org_path', 'w.status', 'w.category', 'w.station_id'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .groupBy(['o.id', 'o.path', 'w.status', 'w.category', 'w.station_id'])
    .execute()

/** The claims of the wishes in the report, for durations and claimants. */
export const claimsForReport = (db: Db, s: ReportScope) =>
  inReport(db, s)
    .innerJoin('wish_claim as c', 'c.wish_id', 'w.id')
    .select([
      'c.claimant_member_id',
      'c.claimant_name',
      'c.claimant_kind',
      'c.status',
      'c.available_since',
      'c.claimed_at',
      'c.fulfilled_at',
    ])
    .orderBy('c.id')
    .execute()

/** The wishes in the report with their current claim, for the detail sheet of the export. */
export const wishesForExport = (db: Db, s: ReportScope, limit: number) =>
  inReport(db, s)
    .leftJoin('wish_claim as c', 'c.id', 'w.current_claim_id')
    .selectAll('w')
    .select([
      'o.name as org_name',
      'o.path as org_path',
      'c.claimant_name',
      'c.claimant_kind',
      'c.claimed_at',
      'c.fulfilled_at',
    ])
    .orderBy('w.id')
    .limit(limit)
    .execute()

/**
 * Every upload wish rows refer to: the delivery photos of claims (the orphan upload collector
 * keeps these; app.ts registers it). A new column holding image URLs must be added here.
 */
export const listWishUploadIds = async (db: Db): Promise<string[]> => {
  const claims = await q(db)
    .selectFrom('wish_claim')
    .select('photos')
    .where('photos', '<>', '[]')
    .execute()
  return claims
    .flatMap((r) => fromJson<string[]>(r.photos) ?? [])
    .map(uploadIdOf)
    .filter((id): id is string => id !== null)
}
