import {
  WISH_EDITABLE_STATUSES,
  isWishEditable,
  type MyWish,
  type UpdateWishBody,
  type WishDetail,
} from '@unionhall/contracts'
import { requireAt, type Ctx } from '../../core/access'
import { recordAudit } from '../../core/audit'
import { findMemberById } from '../../core/members'
import { withTransaction } from '../../platform/db/transaction'
import { commonErrors } from '../../platform/errors/app-error'
import { chinaDayEnd } from './wish-rules'
import type { WishesDeps } from './wishes.deps'
import { wishErrors } from './wishes.errors'
import { tellPoster, tellStaff } from './wishes.notify'
import * as repo from './wishes.repository'
import {
  checkDeadline,
  detailOf,
  loadOwnWish,
  loadStation,
  loadWish,
  loadWishAt,
  myWishOf,
} from './wishes.service'
import type { WishTable, WishWithOrg } from './wishes.tables'

/**
 * Editing and withdrawing a wish before anyone claims it. Both are conditional updates on
 * the editable statuses (pending_review, published), so a claim landing at the same moment
 * either happens first (and the edit gets 409) or finds the wish changed: a claimant never
 * holds a wish whose text changed under them.
 */

type Who = 'worker' | 'staff'
type Patch = { [K in keyof UpdateWishBody]?: Exclude<UpdateWishBody[K], undefined> }
type EditedFields = Partial<
  Pick<
    WishTable,
    'title' | 'description' | 'category' | 'deadline' | 'deadline_at' | 'station_id' | 'org_id'
  >
>

/**
 * The stored fields a patch changes and the API names of the fields whose value really
 * differs (a form sent back unchanged changes nothing). Checked as on posting.
 * @throws WISH_NOT_EDITABLE, WISH_DEADLINE_INVALID, WISH_STATION_NOT_FOUND, WISH_STATION_CLOSED,
 *   ACCESS_DENIED (staff naming a station outside their subtree)
 */
const planEdit = async (
  deps: WishesDeps,
  ctx: Ctx,
  wish: WishWithOrg,
  patch: Patch,
  who: Who,
): Promise<{ fields: EditedFields; changed: string[] }> => {
  if (!isWishEditable(wish.status)) throw wishErrors.notEditable(wish.status)
  // Past its deadline the expiry job is about to take it; a new deadline would race the job.
  if (wish.deadline_at <= ctx.now.toISOString()) throw wishErrors.notEditable('expired')
  const fields: EditedFields = {}
  const changed: string[] = []
  if (patch.title !== undefined && patch.title !== wish.title) {
    fields.title = patch.title
    changed.push('title')
  }
  if (patch.description !== undefined && patch.description !== wish.description) {
    fields.description = patch.description
    changed.push('description')
  }
  if (patch.category !== undefined && patch.category !== wish.category) {
    fields.category = patch.category
    changed.push('category')
  }
  if (patch.deadline !== undefined && patch.deadline !== wish.deadline) {
    checkDeadline(patch.deadline, ctx.now)
    fields.deadline = patch.deadline
    fields.deadline_at = chinaDayEnd(patch.deadline)
    changed.push('deadline')
  }
  // Only a station that changes is checked: a form that sends back the current station keeps
  // working after that station closed.
  if (patch.stationId !== undefined && patch.stationId !== wish.station_id) {
    if (patch.stationId !== null) {
      const station = await loadStation(deps.db, patch.stationId)
      if (who === 'staff') requireAt(ctx, 'wish:manage', station.org_path)
      fields.station_id = station.id
      fields.org_id = station.org_id
    } else {
      fields.station_id = null
      // As on posting: without a station a worker's wish belongs to the worker's own org.
      // Staff keep it where it is (inside their subtree).
      if (who === 'worker') {
        const member = await findMemberById(deps.db, ctx.actor!.memberId)
        if (!member) throw commonErrors.unauthenticated()
        fields.org_id = member.org_id
      }
    }
    changed.push('stationId')
  }
  if (fields.org_id === wish.org_id) delete fields.org_id
  return { fields, changed }
}

const applyEdit = async (
  deps: WishesDeps,
  ctx: Ctx,
  wish: WishWithOrg,
  patch: Patch,
  who: Who,
): Promise<WishWithOrg> => {
  const { fields, changed } = await planEdit(deps, ctx, wish, patch, who)
  if (changed.length === 0) return wish
  const nowIso = ctx.now.toISOString()
  // The worker's new text has not been verified: a published wish leaves the wall until staff
  // review it again. Staff verified what they typed themselves.
  const status = who === 'worker' ? { status: 'pending_review' as const } : {}
  return withTransaction(deps.db, async (trx) => {
    const moved = await repo.updateWishIf(trx, wish.id, WISH_EDITABLE_STATUSES, {
      ...fields,
      ...status,
      edited_at: nowIso,
      updated_at: nowIso,
    })
    if (!moved) throw wishErrors.notEditable((await loadWish(trx, wish.id)).status)
    const after = (await repo.findWish(trx, wish.id))!
    await recordAudit(trx, ctx, {
      action: 'wish.edited',
      targetType: 'wish',
      targetId: wish.id,
      orgId: after.org_id,
      // Field names only: the text itself is the worker's to tell, not the log's.
      summary: {
        by: who,
        fields: changed,
        before: { status: wish.status, orgId: wish.org_id },
        after: { status: after.status, orgId: after.org_id },
      },
    })
    if (who === 'worker')
      await tellStaff(trx, ctx, after, 'wish.edited', { wasPublished: wish.status === 'published' })
    else await tellPoster(trx, ctx, after, 'wish.edited_by_staff')
    return after
  })
}

/**
 * The worker edits their own wish while it awaits review or is on the wall unclaimed. A
 * published wish goes back to review; staff of its org are told either way.
 * @throws WISH_NOT_FOUND (also for someone else's wish), WISH_NOT_EDITABLE,
 *   WISH_DEADLINE_INVALID, WISH_STATION_NOT_FOUND, WISH_STATION_CLOSED
 */
export const updateMyWish = async (
  deps: WishesDeps,
  ctx: Ctx,
  id: string,
  patch: Patch,
): Promise<MyWish> => {
  const wish = await loadOwnWish(deps.db, ctx, id)
  return myWishOf(deps.db, await applyEdit(deps, ctx, wish, patch, 'worker'))
}

/**
 * Staff correct a wish's public fields in the same states; it stays where it is (a published
 * wish stays on the wall) and the worker is told.
 * @throws WISH_NOT_FOUND, ACCESS_DENIED, WISH_NOT_EDITABLE, WISH_DEADLINE_INVALID,
 *   WISH_STATION_NOT_FOUND, WISH_STATION_CLOSED
 */
export const updateWishAsStaff = async (
  deps: WishesDeps,
  ctx: Ctx,
  id: string,
  patch: Patch,
): Promise<WishDetail> => {
  const wish = await loadWishAt(deps.db, ctx, id, 'wish:manage')
  return detailOf(deps.db, await applyEdit(deps, ctx, wish, patch, 'staff'))
}

/**
 * The worker takes back their wish while it awaits review or is on the wall unclaimed. It
 * leaves the wall and public pages, and stays in staff lists and reports as withdrawn.
 * @throws WISH_NOT_FOUND (also for someone else's wish), WISH_NOT_WITHDRAWABLE
 */
export const withdrawMyWish = async (
  deps: WishesDeps,
  ctx: Ctx,
  id: string,
  reason: string | undefined,
): Promise<MyWish> => {
  const wish = await loadOwnWish(deps.db, ctx, id)
  if (!isWishEditable(wish.status)) throw wishErrors.notWithdrawable(wish.status)
  const nowIso = ctx.now.toISOString()
  const after = await withTransaction(deps.db, async (trx) => {
    const moved = await repo.updateWishIf(trx, id, WISH_EDITABLE_STATUSES, {
      status: 'withdrawn',
      withdrawn_reason: reason ?? null,
      withdrawn_at: nowIso,
      updated_at: nowIso,
    })
    if (!moved) throw wishErrors.notWithdrawable((await loadWish(trx, id)).status)
    const after = (await repo.findWish(trx, id))!
    await recordAudit(trx, ctx, {
      action: 'wish.withdrawn',
      targetType: 'wish',
      targetId: id,
      orgId: wish.org_id,
      // Whether a reason was given, not its words (kept on the wish for staff to read).
      summary: {
        before: { status: wish.status },
        after: { status: 'withdrawn' },
        reasonGiven: reason !== undefined,
      },
    })
    await tellStaff(trx, ctx, after, 'wish.withdrawn', reason ? { reason } : {})
    return after
  })
  return myWishOf(deps.db, after)
}
