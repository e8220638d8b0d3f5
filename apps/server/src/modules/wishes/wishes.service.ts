import {
  WISH_MAX_DEADLINE_DAYS,
  type CreateWishBody,
  type MyWish,
  type Page,
  type PostWishBody,
  type PublicWish,
  type PublicWishListQuery,
  type Wish,
  type WishCategory,
  type WishDetail,
  type WishListQuery,
  type WishStatus,
} from '@unionhall/contracts'
import { uuidv7 } from 'uuidv7'
import { requireActor, requireAt, scopePaths, type Ctx } from '../../core/access'
import { recordAudit } from '../../core/audit'
import { findMemberById } from '../../core/members'
import { findOrgById, orgErrors } from '../../core/orgs'
import { maskMobile } from '../../platform/crypto/field-crypto'
import type { Db } from '../../platform/db/create-db'
import { withTransaction } from '../../platform/db/transaction'
import { commonErrors } from '../../platform/errors/app-error'
import { findStationRefs } from '../stations'
import { addDays, chinaDayEnd, chinaToday, isCalendarDate, maskName } from './wish-rules'
import type { WishesDeps } from './wishes.deps'
import { wishErrors } from './wishes.errors'
import { tellStaff, tellWorker } from './wishes.notify'
import * as repo from './wishes.repository'
import type { WishClaimRow, WishTable, WishWithOrg } from './wishes.tables'
import {
  stationNamesOf,
  toClaim,
  toMyWish,
  toPublicWish,
  toWish,
  type StationNames,
} from './wishes.view'

type Paging = { page: number; pageSize: number }

/** A wish by id with its org; 404 when missing. */
export const loadWish = async (db: Db, id: string): Promise<WishWithOrg> => {
  const wish = await repo.findWish(db, id)
  if (!wish) throw wishErrors.notFound(id)
  return wish
}

/** The deadline must be a real day from today to WISH_MAX_DEADLINE_DAYS ahead (China time). */
export const checkDeadline = (deadline: string, now: Date) => {
  const earliest = chinaToday(now)
  const latest = addDays(earliest, WISH_MAX_DEADLINE_DAYS)
  if (!isCalendarDate(deadline) || deadline < earliest || deadline > latest)
    throw wishErrors.deadlineInvalid(earliest, latest)
}

/** An active station the wish may name; its org becomes the wish's org. */
export const loadStation = async (db: Db, stationId: string) => {
  const [station] = await findStationRefs(db, [stationId])
  if (!station) throw wishErrors.stationNotFound(stationId)
  if (station.status !== 'active') throw wishErrors.stationClosed(stationId)
  return station
}

type NewWish = {
  orgId: string
  stationId: string | null
  source: WishTable['source']
  posterMemberId: string | null
  workerName: string
  workerMobile: string
  title: string
  description: string
  category: WishCategory
  deadline: string
  publish: boolean
}

const newWishRow = (deps: WishesDeps, ctx: Ctx, w: NewWish): WishTable => {
  const now = ctx.now.toISOString()
  return {
    id: uuidv7(),
    org_id: w.orgId,
    station_id: w.stationId,
    source: w.source,
    poster_member_id: w.posterMemberId,
    entered_by_member_id: w.source === 'staff' ? (ctx.actor?.memberId ?? null) : null,
    worker_name_enc: deps.crypto.encrypt(w.workerName),
    worker_name_masked: maskName(w.workerName),
    worker_mobile_enc: deps.crypto.encrypt(w.workerMobile),
    worker_mobile_hash: deps.crypto.blindIndex(`mobile:${w.workerMobile}`),
    worker_mobile_masked: maskMobile(w.workerMobile),
    title: w.title,
    description: w.description,
    category: w.category,
    deadline: w.deadline,
    deadline_at: chinaDayEnd(w.deadline),
    status: w.publish ? 'published' : 'pending_review',
    current_claim_id: null,
    rejected_reason: null,
    reopen_reason: null,
    reopen_count: 0,
    confirmed_automatically: 0,
    thanks: null,
    reviewed_by_member_id: w.publish ? (ctx.actor?.memberId ?? null) : null,
    published_at: w.publish ? now : null,
    wall_since: w.publish ? now : null,
    confirmed_at: null,
    withdrawn_reason: null,
    withdrawn_at: null,
    edited_at: null,
    created_at: now,
    updated_at: now,
  }
}

/** What an audit record may say about a wish: no unmasked personal data. */
const auditView = (row: WishTable) => ({
  status: row.status,
  title: row.title,
  category: row.category,
  deadline: row.deadline,
  stationId: row.station_id,
  workerNameMasked: row.worker_name_masked,
  workerMobileMasked: row.worker_mobile_masked,
})

const detailOf = async (db: Db, wish: WishWithOrg): Promise<WishDetail> => {
  const [names, claims] = await Promise.all([
    stationNamesOf(db, [wish]),
    repo.findClaimsOfWish(db, wish.id),
  ])
  const current = claims.find((c) => c.id === wish.current_claim_id)
  return { ...toWish(wish, names, current), claims: claims.map(toClaim) }
}

const myWishOf = async (db: Db, wish: WishWithOrg): Promise<MyWish> => {
  // Every claim, not only the current one: the worker's timeline keeps the ended ones.
  const [names, claims] = await Promise.all([
    stationNamesOf(db, [wish]),
    repo.findClaimsOfWish(db, wish.id),
  ])
  return toMyWish(wish, names, claims)
}

/**
 * A worker posts their own wish from a phone. Their name and mobile come from their account;
 * staff review it before it reaches the wall. The wish belongs to the station's org when a
 * station is named, else to the worker's own org.
 * @throws WISH_DEADLINE_INVALID, WISH_STATION_NOT_FOUND, WISH_STATION_CLOSED
 */
export const postWish = async (
  deps: WishesDeps,
  ctx: Ctx,
  body: Required<Omit<PostWishBody, 'stationId'>> & { stationId?: string },
): Promise<MyWish> => {
  const actor = requireActor(ctx)
  checkDeadline(body.deadline, ctx.now)
  const member = await findMemberById(deps.db, actor.memberId)
  if (!member) throw commonErrors.unauthenticated()
  const station = body.stationId ? await loadStation(deps.db, body.stationId) : null
  const row = newWishRow(deps, ctx, {
    orgId: station?.org_id ?? member.org_id,
    stationId: station?.id ?? null,
    source: 'worker',
    posterMemberId: actor.memberId,
    workerName: member.name,
    workerMobile: deps.crypto.decrypt(member.mobile_enc),
    title: body.title,
    description: body.description,
    category: body.category,
    deadline: body.deadline,
    publish: false,
  })
  const wish = await withTransaction(deps.db, async (trx) => {
    await repo.insertWish(trx, row)
    const wish = (await repo.findWish(trx, row.id))!
    await recordAudit(trx, ctx, {
      action: 'wish.posted',
      targetType: 'wish',
      targetId: row.id,
      orgId: row.org_id,
      summary: { after: auditView(row) },
    })
    await tellStaff(trx, ctx, wish, 'wish.submitted')
    return wish
  })
  return myWishOf(deps.db, wish)
}

/**
 * Staff enter a wish for a worker at a station (a walk-in, often without a phone account).
 * Published at once unless publish is false: staff saw the worker in person.
 * @throws ACCESS_DENIED, ORG_NOT_FOUND, WISH_DEADLINE_INVALID, WISH_STATION_*
 */
export const createWishForWorker = async (
  deps: WishesDeps,
  ctx: Ctx,
  body: Omit<Required<CreateWishBody>, 'orgId' | 'stationId'> & {
    orgId?: string
    stationId?: string
  },
): Promise<WishDetail> => {
  requireActor(ctx)
  checkDeadline(body.deadline, ctx.now)
  let orgId: string
  let orgPath: string
  let stationId: string | null = null
  if (body.stationId) {
    const station = await loadStation(deps.db, body.stationId)
    if (body.orgId && body.orgId !== station.org_id)
      throw wishErrors.stationOrgMismatch(station.org_id)
    orgId = station.org_id
    orgPath = station.org_path
    stationId = station.id
  } else {
    const org = await findOrgById(deps.db, body.orgId!)
    if (!org) throw orgErrors.notFound(body.orgId!)
    orgId = org.id
    orgPath = org.path
  }
  requireAt(ctx, 'wish:manage', orgPath)
  const row = newWishRow(deps, ctx, {
    orgId,
    stationId,
    source: 'staff',
    posterMemberId: null,
    workerName: body.workerName,
    workerMobile: body.workerMobile,
    title: body.title,
    description: body.description,
    category: body.category,
    deadline: body.deadline,
    publish: body.publish,
  })
  const wish = await withTransaction(deps.db, async (trx) => {
    await repo.insertWish(trx, row)
    await recordAudit(trx, ctx, {
      action: 'wish.created',
      targetType: 'wish',
      targetId: row.id,
      orgId,
      summary: { after: auditView(row) },
    })
    return (await repo.findWish(trx, row.id))!
  })
  return detailOf(deps.db, wish)
}

/** A wish the actor may act on with the permission; 403 outside their subtrees. */
export const loadWishAt = async (
  db: Db,
  ctx: Ctx,
  id: string,
  permission: 'wish:read' | 'wish:manage',
) => {
  requireActor(ctx)
  const wish = await loadWish(db, id)
  requireAt(ctx, permission, wish.org_path)
  return wish
}

/**
 * Staff verify a wish and put it on the wall, or turn it down with a reason.
 * @throws WISH_NOT_FOUND, ACCESS_DENIED, WISH_STATUS_CONFLICT (not pending review)
 */
export const reviewWish = async (
  deps: WishesDeps,
  ctx: Ctx,
  id: string,
  decision: { publish: true } | { publish: false; reason: string },
): Promise<WishDetail> => {
  const wish = await loadWishAt(deps.db, ctx, id, 'wish:manage')
  const now = ctx.now.toISOString()
  const fields: Partial<WishTable> = decision.publish
    ? { status: 'published', published_at: now, wall_since: now }
    : { status: 'rejected', rejected_reason: decision.reason }
  const updated = await withTransaction(deps.db, async (trx) => {
    const changed = await repo.updateWishIf(trx, id, ['pending_review'], {
      ...fields,
      reviewed_by_member_id: ctx.actor!.memberId,
      updated_at: now,
    })
    if (!changed) {
      const current = await loadWish(trx, id)
      throw wishErrors.statusConflict(current.status, ['pending_review'])
    }
    const after = (await repo.findWish(trx, id))!
    await recordAudit(trx, ctx, {
      action: decision.publish ? 'wish.published' : 'wish.rejected',
      targetType: 'wish',
      targetId: id,
      orgId: wish.org_id,
      summary: {
        before: { status: 'pending_review' },
        after: { status: after.status, ...(decision.publish ? {} : { reason: decision.reason }) },
      },
    })
    await tellWorker(
      trx,
      ctx,
      after,
      decision.publish ? 'wish.published' : 'wish.rejected',
      decision.publish ? {} : { reason: decision.reason },
    )
    return after
  })
  return detailOf(deps.db, updated)
}

/** Strips LIKE wildcards so a search for "100%" does not match everything. */
const searchText = (q: string | undefined) => q?.replace(/[%_\\]/g, '').trim() || undefined

export type WishListFilters = Omit<WishListQuery, 'page' | 'pageSize'>

/**
 * The staff list's filters as a repository filter: the actor's subtrees, narrowed to an org
 * they may read. The list and its .xlsx export share it, so the file holds what the list shows.
 * @throws ACCESS_DENIED for an org outside them, ORG_NOT_FOUND
 */
export const wishFilterOf = async (
  db: Db,
  ctx: Ctx,
  query: WishListFilters,
): Promise<repo.WishFilter> => {
  const paths = scopePaths(ctx, 'wish:read')
  let orgPath: string | undefined
  if (query.orgId) {
    const org = await findOrgById(db, query.orgId)
    if (!org) throw orgErrors.notFound(query.orgId)
    requireAt(ctx, 'wish:read', org.path)
    orgPath = org.path
  }
  return {
    paths,
    orgPath,
    stationId: query.stationId,
    status: query.status,
    category: query.category,
    q: searchText(query.q),
    sort: query.sort,
  }
}

/** Staff list: wishes in the actor's subtrees, filtered. @throws ACCESS_DENIED for an org outside them */
export const listWishes = async (
  db: Db,
  ctx: Ctx,
  query: Paging & WishListFilters,
): Promise<Page<Wish>> => {
  const { rows, total } = await repo.listWishes(
    db,
    await wishFilterOf(db, ctx, query),
    query.pageSize,
    (query.page - 1) * query.pageSize,
  )
  const [names, claims] = await Promise.all([
    stationNamesOf(db, rows),
    repo.findClaimsByIds(
      db,
      rows.map((r) => r.current_claim_id).filter((id): id is string => id !== null),
    ),
  ])
  const byId = new Map(claims.map((c) => [c.id, c]))
  return {
    items: rows.map((r) =>
      toWish(r, names, r.current_claim_id ? byId.get(r.current_claim_id) : undefined),
    ),
    total,
    page: query.page,
    pageSize: query.pageSize,
  }
}

/** Staff detail with every claim. @throws WISH_NOT_FOUND, ACCESS_DENIED */
export const getWish = async (db: Db, ctx: Ctx, id: string): Promise<WishDetail> =>
  detailOf(db, await loadWishAt(db, ctx, id, 'wish:read'))

/**
 * The worker's unmasked name and mobile, for staff arranging a delivery: an audited read.
 * @throws WISH_NOT_FOUND, ACCESS_DENIED
 */
export const getWorkerContact = async (deps: WishesDeps, ctx: Ctx, id: string) => {
  const wish = await loadWishAt(deps.db, ctx, id, 'wish:manage')
  await withTransaction(deps.db, (trx) =>
    recordAudit(trx, ctx, {
      action: 'wish.worker_contact_read',
      targetType: 'wish',
      targetId: id,
      orgId: wish.org_id,
      summary: { workerNameMasked: wish.worker_name_masked },
    }),
  )
  return {
    workerName: deps.crypto.decrypt(wish.worker_name_enc),
    workerMobile: deps.crypto.decrypt(wish.worker_mobile_enc),
  }
}

/** A wish the actor posted; someone else's answers 404, as a missing one. */
export const loadOwnWish = async (db: Db, ctx: Ctx, id: string) => {
  const actor = requireActor(ctx)
  const wish = await repo.findWish(db, id)
  if (!wish || wish.poster_member_id !== actor.memberId) throw wishErrors.notFound(id)
  return wish
}

export const listMyWishes = async (
  db: Db,
  ctx: Ctx,
  query: Paging & { status?: WishStatus },
): Promise<Page<MyWish>> => {
  const actor = requireActor(ctx)
  const { rows, total } = await repo.listWishesOfPoster(
    db,
    actor.memberId,
    query.status,
    query.pageSize,
    (query.page - 1) * query.pageSize,
  )
  const [names, claims] = await Promise.all([
    stationNamesOf(db, rows),
    repo.findClaimsOfWishes(
      db,
      rows.map((r) => r.id),
    ),
  ])
  const byWish = new Map<string, WishClaimRow[]>()
  for (const c of claims) byWish.set(c.wish_id, [...(byWish.get(c.wish_id) ?? []), c])
  return {
    items: rows.map((r) => toMyWish(r, names, byWish.get(r.id) ?? [])),
    total,
    page: query.page,
    pageSize: query.pageSize,
  }
}

export const getMyWish = async (db: Db, ctx: Ctx, id: string): Promise<MyWish> =>
  myWishOf(db, await loadOwnWish(db, ctx, id))

export { myWishOf, detailOf }

/**
 * The public wall of an org (its subtree) or of a station: published wishes, masked.
 * @throws ORG_NOT_FOUND, WISH_STATION_NOT_FOUND (404; closed stations have no wall)
 */
export const listWall = async (
  db: Db,
  query: Paging & Omit<PublicWishListQuery, 'page' | 'pageSize'>,
): Promise<Page<PublicWish>> => {
  let orgPath: string | undefined
  if (query.orgId) {
    const org = await findOrgById(db, query.orgId)
    if (!org || org.is_archived) throw orgErrors.notFound(query.orgId)
    orgPath = org.path
  }
  if (query.stationId) {
    const [station] = await findStationRefs(db, [query.stationId])
    if (!station || station.status !== 'active')
      throw wishErrors.stationNotFound(query.stationId, 404)
  }
  const { rows, total } = await repo.listWallWishes(
    db,
    { orgPath, stationId: query.stationId, category: query.category },
    query.pageSize,
    (query.page - 1) * query.pageSize,
  )
  const names: StationNames = await stationNamesOf(db, rows)
  return {
    items: rows.map((r) => toPublicWish(r, names)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  }
}

/** Never shown on a public page: not (or no longer) verified, turned down, or taken back. */
const NOT_PUBLIC: readonly WishStatus[] = ['pending_review', 'rejected', 'withdrawn']

/**
 * One wish as the public sees it; wishes not yet (or never) published answer 404, as do
 * withdrawn ones and edited ones awaiting review again.
 */
export const getPublicWish = async (db: Db, id: string): Promise<PublicWish> => {
  const wish = await repo.findWish(db, id)
  if (!wish || NOT_PUBLIC.includes(wish.status)) throw wishErrors.notFound(id)
  return toPublicWish(wish, await stationNamesOf(db, [wish]))
}
