import type {
  ClaimStatus,
  ClaimantKind,
  MyClaim,
  Page,
  WishDetail,
  MyWish,
  WishStatus,
} from '@unionhall/contracts'
import { uuidv7 } from 'uuidv7'
import { requireActor, type Ctx } from '../../core/access'
import { recordAudit } from '../../core/audit'
import { isPartyMember } from '../../core/members'
import { requireUploadsExist } from '../../core/uploads'
import { toJson } from '../../platform/db/columns'
import type { Db } from '../../platform/db/create-db'
import { withTransaction } from '../../platform/db/transaction'
import { isUniqueViolation } from '../../platform/db/unique-violation'
import { partnerForClaim } from './partners/partners.service'
import { chinaDayEnd, chinaToday, isCalendarDate } from './wish-rules'
import type { WishesDeps } from './wishes.deps'
import { wishErrors } from './wishes.errors'
import { tellClaimant, tellWorker } from './wishes.notify'
import * as repo from './wishes.repository'
import { detailOf, loadWish, loadWishAt, myWishOf } from './wishes.service'
import type { WishClaimRow, WishWithOrg } from './wishes.tables'
import { claimantNameForWorker, stationNamesOf, toMyClaim } from './wishes.view'

/**
 * The claim lifecycle: claim (one live claim per wish), fulfil with photos, release, confirm
 * receipt, reopen. Every transition is a conditional update (the status it starts from is in
 * the WHERE clause), so concurrent requests cannot both move the same wish; the unique index on
 * live claims backs that up in the database.
 */

type Paging = { page: number; pageSize: number }

/** Why a claim lost: the caller already holds it, someone else does, or it is not on the wall. */
const claimConflict = async (db: Db, wishId: string, memberId: string) => {
  const live = await repo.findLiveClaim(db, wishId)
  if (live?.claimant_member_id === memberId) return wishErrors.claimDuplicate(live.id)
  if (live) return wishErrors.alreadyClaimed()
  const wish = await loadWish(db, wishId)
  if (wish.status === 'claimed' || wish.status === 'fulfilled') return wishErrors.alreadyClaimed()
  return wishErrors.notClaimable(wish.status)
}

const claimAuditView = (c: WishClaimRow) => ({
  claimId: c.id,
  claimStatus: c.status,
  claimantName: c.claimant_name,
  claimantKind: c.claimant_kind,
  dueDate: c.due_date,
})

const myClaimOf = async (db: Db, claim: WishClaimRow): Promise<MyClaim> => {
  const wish = await loadWish(db, claim.wish_id)
  return toMyClaim(claim, wish, await stationNamesOf(db, [wish]))
}

/**
 * A member claims a wish on the wall. Exactly one of any number of simultaneous claims wins;
 * the others get 409 WISH_ALREADY_CLAIMED (or WISH_CLAIM_DUPLICATE when the caller is the one
 * holding it). The claim is due on dueDate (default: the wish deadline).
 * @throws WISH_NOT_FOUND, WISH_CLAIM_OWN, WISH_NOT_CLAIMABLE, WISH_CLAIMANT_NOT_PARTY_MEMBER,
 *   WISH_PARTNER_NOT_YOURS,
 *   WISH_PARTNER_ARCHIVED, WISH_PARTNER_OUT_OF_SCOPE, WISH_CLAIM_DUE_INVALID, WISH_ALREADY_CLAIMED,
 *   WISH_CLAIM_DUPLICATE
 */
export const claimWish = async (
  deps: WishesDeps,
  ctx: Ctx,
  wishId: string,
  body: { claimantKind: ClaimantKind; partnerId?: string; dueDate?: string },
): Promise<MyClaim> => {
  const actor = requireActor(ctx)
  const wish = await loadWish(deps.db, wishId)
  if (wish.poster_member_id === actor.memberId) throw wishErrors.claimOwnWish()
  if (wish.status !== 'published') throw await claimConflict(deps.db, wishId, actor.memberId)
  // The worker, the wall and the reports credit a party member: staff's record must say so,
  // not the claimant (ADR 0033). Claims made before this rule keep their kind.
  if (body.claimantKind === 'party_member' && !(await isPartyMember(deps.db, actor.memberId)))
    throw wishErrors.claimantNotPartyMember()
  // A company's name is shown to the worker as it is: only a registered partner's (ADR 0030).
  const partner =
    body.claimantKind === 'partner_company' && body.partnerId !== undefined
      ? await partnerForClaim(deps.db, actor.memberId, body.partnerId, wish.org_path)
      : null
  const nowIso = ctx.now.toISOString()
  if (wish.deadline_at <= nowIso) throw wishErrors.notClaimable('expired')
  const today = chinaToday(ctx.now)
  const dueDate = body.dueDate ?? wish.deadline
  if (!isCalendarDate(dueDate) || dueDate < today || dueDate > wish.deadline)
    throw wishErrors.dueDateInvalid(today, wish.deadline)

  const claimId = uuidv7()
  try {
    const claim = await withTransaction(deps.db, async (trx) => {
      const taken = await repo.updateWishIf(trx, wishId, ['published'], {
        status: 'claimed',
        current_claim_id: claimId,
        updated_at: nowIso,
      })
      if (!taken) throw await claimConflict(trx, wishId, actor.memberId)
      const after = (await repo.findWish(trx, wishId))!
      const row: WishClaimRow = {
        id: claimId,
        wish_id: wishId,
        claimant_member_id: actor.memberId,
        claimant_name: partner?.name ?? actor.name,
        claimant_kind: body.claimantKind,
        partner_id: partner?.id ?? null,
        status: 'active',
        due_date: dueDate,
        due_at: chinaDayEnd(dueDate),
        available_since: after.wall_since ?? after.published_at ?? nowIso,
        photos: toJson([]),
        note: '',
        claimed_at: nowIso,
        fulfilled_at: null,
        ended_at: null,
        end_reason: null,
        updated_at: nowIso,
      }
      await repo.insertClaim(trx, row)
      await recordAudit(trx, ctx, {
        action: 'wish.claimed',
        targetType: 'wish',
        targetId: wishId,
        orgId: wish.org_id,
        summary: {
          before: { status: 'published' },
          after: { status: 'claimed', ...claimAuditView(row) },
        },
      })
      await tellWorker(trx, ctx, after, 'wish.claimed', {
        claimantName: claimantNameForWorker(row),
        claimantKind: row.claimant_kind,
        dueDate,
      })
      return row
    })
    return await myClaimOf(deps.db, claim)
  } catch (e) {
    // The index refused a second live claim that slipped past the status check.
    if (isUniqueViolation(e)) throw await claimConflict(deps.db, wishId, actor.memberId)
    throw e
  }
}

/** A claim of the actor; someone else's is 403, a missing one 404. */
const loadOwnClaim = async (db: Db, ctx: Ctx, claimId: string) => {
  const actor = requireActor(ctx)
  const claim = await repo.findClaim(db, claimId)
  if (!claim) throw wishErrors.claimNotFound(claimId)
  if (claim.claimant_member_id !== actor.memberId) throw wishErrors.notClaimant()
  return claim
}

/** Moves a claim, or explains (409) why it is no longer where it was expected. */
const moveClaim = async (
  trx: Db,
  claim: WishClaimRow,
  from: readonly ClaimStatus[],
  fields: Parameters<typeof repo.updateClaimIf>[3],
) => {
  if (await repo.updateClaimIf(trx, claim.id, from, fields)) return
  const now = (await repo.findClaim(trx, claim.id))!
  throw wishErrors.claimStatusConflict(now.status, from)
}

/** Moves a wish, or explains (409) why not. */
const moveWish = async (
  trx: Db,
  wish: WishWithOrg,
  from: readonly WishStatus[],
  fields: Parameters<typeof repo.updateWishIf>[3],
  expectedClaimId?: string,
) => {
  if (await repo.updateWishIf(trx, wish.id, from, fields, expectedClaimId)) return
  const now = await loadWish(trx, wish.id)
  throw wishErrors.statusConflict(now.status, from)
}

/**
 * The claimant marks the wish fulfilled, with photos of the delivery (uploads must exist).
 * @throws WISH_CLAIM_NOT_FOUND, WISH_NOT_CLAIMANT, WISH_CLAIM_STATUS_CONFLICT,
 *   UPLOAD_REFERENCE_MISSING
 */
export const fulfilClaim = async (
  deps: WishesDeps,
  ctx: Ctx,
  claimId: string,
  body: { photos: string[]; note: string },
): Promise<MyClaim> => {
  const claim = await loadOwnClaim(deps.db, ctx, claimId)
  if (claim.status !== 'active') throw wishErrors.claimStatusConflict(claim.status, ['active'])
  const wish = await loadWish(deps.db, claim.wish_id)
  const nowIso = ctx.now.toISOString()
  const after = await withTransaction(deps.db, async (trx) => {
    // In the transaction: the uploads are marked referenced together with the save (ADR 0027).
    await requireUploadsExist(trx, body.photos, ctx)
    await moveClaim(trx, claim, ['active'], {
      status: 'fulfilled',
      photos: toJson(body.photos),
      note: body.note,
      fulfilled_at: nowIso,
      updated_at: nowIso,
    })
    await moveWish(trx, wish, ['claimed'], { status: 'fulfilled', updated_at: nowIso }, claim.id)
    const updated = (await repo.findClaim(trx, claim.id))!
    await recordAudit(trx, ctx, {
      action: 'wish.fulfilled',
      targetType: 'wish',
      targetId: wish.id,
      orgId: wish.org_id,
      summary: {
        before: { status: 'claimed' },
        after: { status: 'fulfilled', claimId, photos: body.photos, note: body.note },
      },
    })
    await tellWorker(trx, ctx, wish, 'wish.fulfilled', {
      claimantName: claimantNameForWorker(claim),
    })
    return updated
  })
  return myClaimOf(deps.db, after)
}

/**
 * The claimant gives an active claim back; the wish returns to the wall.
 * @throws WISH_CLAIM_NOT_FOUND, WISH_NOT_CLAIMANT, WISH_CLAIM_STATUS_CONFLICT
 */
export const releaseClaim = async (
  deps: WishesDeps,
  ctx: Ctx,
  claimId: string,
  reason: string | undefined,
): Promise<MyClaim> => {
  const claim = await loadOwnClaim(deps.db, ctx, claimId)
  if (claim.status !== 'active') throw wishErrors.claimStatusConflict(claim.status, ['active'])
  const wish = await loadWish(deps.db, claim.wish_id)
  const nowIso = ctx.now.toISOString()
  const after = await withTransaction(deps.db, async (trx) => {
    await moveClaim(trx, claim, ['active'], {
      status: 'released',
      ended_at: nowIso,
      end_reason: reason ?? null,
      updated_at: nowIso,
    })
    await moveWish(
      trx,
      wish,
      ['claimed'],
      { status: 'published', current_claim_id: null, wall_since: nowIso, updated_at: nowIso },
      claim.id,
    )
    await recordAudit(trx, ctx, {
      action: 'wish.claim_released',
      targetType: 'wish',
      targetId: wish.id,
      orgId: wish.org_id,
      summary: {
        before: { status: 'claimed', claimId },
        after: { status: 'published' },
        reason: reason ?? null,
      },
    })
    await tellWorker(trx, ctx, wish, 'wish.claim_released', {
      claimantName: claimantNameForWorker(claim),
    })
    return (await repo.findClaim(trx, claim.id))!
  })
  return myClaimOf(deps.db, after)
}

export const listMyClaims = async (
  db: Db,
  ctx: Ctx,
  query: Paging & { status?: ClaimStatus },
): Promise<Page<MyClaim>> => {
  const actor = requireActor(ctx)
  const { rows, total } = await repo.listClaimsOfMember(
    db,
    actor.memberId,
    query.status,
    query.pageSize,
    (query.page - 1) * query.pageSize,
  )
  const wishes = await repo.findWishesByIds(db, [...new Set(rows.map((r) => r.wish_id))])
  const byId = new Map(wishes.map((w) => [w.id, w]))
  const names = await stationNamesOf(db, wishes)
  return {
    items: rows.map((c) => toMyClaim(c, byId.get(c.wish_id)!, names)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  }
}

// ---- confirm and reopen (the worker, or staff for a walk-in) ----

const confirm = async (
  deps: WishesDeps,
  ctx: Ctx,
  wish: WishWithOrg,
  thanks: string | undefined,
): Promise<WishWithOrg> => {
  if (wish.status !== 'fulfilled' || !wish.current_claim_id)
    throw wishErrors.statusConflict(wish.status, ['fulfilled'])
  const claim = (await repo.findClaim(deps.db, wish.current_claim_id))!
  const nowIso = ctx.now.toISOString()
  return withTransaction(deps.db, async (trx) => {
    await moveWish(
      trx,
      wish,
      ['fulfilled'],
      { status: 'confirmed', confirmed_at: nowIso, thanks: thanks || null, updated_at: nowIso },
      claim.id,
    )
    await moveClaim(trx, claim, ['fulfilled'], {
      status: 'confirmed',
      ended_at: nowIso,
      updated_at: nowIso,
    })
    await recordAudit(trx, ctx, {
      action: 'wish.confirmed',
      targetType: 'wish',
      targetId: wish.id,
      orgId: wish.org_id,
      summary: {
        before: { status: 'fulfilled' },
        after: { status: 'confirmed', claimId: claim.id, thanks: thanks || null },
      },
    })
    await tellClaimant(trx, ctx, wish, claim, 'wish.confirmed', { thanks: thanks || null })
    return (await repo.findWish(trx, wish.id))!
  })
}

const reopen = async (
  deps: WishesDeps,
  ctx: Ctx,
  wish: WishWithOrg,
  reason: string,
): Promise<WishWithOrg> => {
  const from = ['claimed', 'fulfilled'] as const
  if (!from.includes(wish.status as (typeof from)[number]) || !wish.current_claim_id)
    throw wishErrors.statusConflict(wish.status, from)
  const claim = (await repo.findClaim(deps.db, wish.current_claim_id))!
  const nowIso = ctx.now.toISOString()
  return withTransaction(deps.db, async (trx) => {
    await moveWish(
      trx,
      wish,
      from,
      {
        status: 'published',
        current_claim_id: null,
        reopen_reason: reason,
        reopen_count: wish.reopen_count + 1,
        wall_since: nowIso,
        updated_at: nowIso,
      },
      claim.id,
    )
    await moveClaim(trx, claim, ['active', 'fulfilled'], {
      status: 'reopened',
      ended_at: nowIso,
      end_reason: reason,
      updated_at: nowIso,
    })
    const after = (await repo.findWish(trx, wish.id))!
    await recordAudit(trx, ctx, {
      action: 'wish.reopened',
      targetType: 'wish',
      targetId: wish.id,
      orgId: wish.org_id,
      summary: {
        before: { status: wish.status, claimId: claim.id },
        after: { status: 'published' },
        reason,
      },
    })
    await tellClaimant(trx, ctx, wish, claim, 'wish.reopened', { reason })
    await tellWorker(trx, ctx, after, 'wish.reopened', { reason })
    return after
  })
}

/** The worker's wish for confirm and reopen: only the worker who posted it (403 for others). */
const loadPostedWish = async (db: Db, ctx: Ctx, id: string) => {
  const actor = requireActor(ctx)
  const wish = await loadWish(db, id)
  if (wish.poster_member_id !== actor.memberId) throw wishErrors.notPoster()
  return wish
}

/**
 * The worker confirms receipt and may leave thanks for the claimant.
 * @throws WISH_NOT_FOUND, WISH_NOT_POSTER, WISH_STATUS_CONFLICT (not fulfilled)
 */
export const confirmMyWish = async (
  deps: WishesDeps,
  ctx: Ctx,
  id: string,
  thanks: string | undefined,
): Promise<MyWish> =>
  myWishOf(deps.db, await confirm(deps, ctx, await loadPostedWish(deps.db, ctx, id), thanks))

/**
 * The worker reopens a claimed or fulfilled wish (nothing came, or not what was needed); the
 * live claim ends and the wish goes back on the wall.
 * @throws WISH_NOT_FOUND, WISH_NOT_POSTER, WISH_STATUS_CONFLICT
 */
export const reopenMyWish = async (
  deps: WishesDeps,
  ctx: Ctx,
  id: string,
  reason: string,
): Promise<MyWish> =>
  myWishOf(deps.db, await reopen(deps, ctx, await loadPostedWish(deps.db, ctx, id), reason))

/**
 * Staff confirm receipt for a walk-in worker without an account (the worker collected it at
 * the station). A wish posted from a worker's account is confirmed by that worker only.
 * @throws WISH_NOT_FOUND, ACCESS_DENIED, WISH_CONFIRM_BY_WORKER, WISH_STATUS_CONFLICT
 */
export const confirmWishAsStaff = async (
  deps: WishesDeps,
  ctx: Ctx,
  id: string,
  thanks: string | undefined,
): Promise<WishDetail> => {
  const wish = await loadWishAt(deps.db, ctx, id, 'wish:manage')
  if (wish.poster_member_id !== null) throw wishErrors.confirmByWorker()
  return detailOf(deps.db, await confirm(deps, ctx, wish, thanks))
}

/** Staff reopen a claimed or fulfilled wish with a reason. @throws WISH_STATUS_CONFLICT */
export const reopenWishAsStaff = async (
  deps: WishesDeps,
  ctx: Ctx,
  id: string,
  reason: string,
): Promise<WishDetail> =>
  detailOf(
    deps.db,
    await reopen(deps, ctx, await loadWishAt(deps.db, ctx, id, 'wish:manage'), reason),
  )
