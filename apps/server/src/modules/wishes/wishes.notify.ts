import { wishLinks, type NotificationParams, type WishNotificationKind } from '@unionhall/contracts'
import type { Ctx } from '../../core/access'
import { notify } from '../../core/notifications'
import { findNearestPermissionHolders } from '../../core/roles'
import type { Db } from '../../platform/db/create-db'
import type { WishClaimRow, WishWithOrg } from './wishes.tables'

/**
 * Who hears about each step. Messages carry the wish's title (what the worker asked for, not
 * personal data) and, where needed, a display name or reason; never a full worker name or mobile.
 */

type Extra = NotificationParams
const paramsOf = (wish: WishWithOrg, extra: Extra): NotificationParams => ({
  wishId: wish.id,
  title: wish.title,
  ...extra,
})

/** Staff who manage wishes at the wish's org (or its nearest ancestor with any). */
const staffOf = (trx: Db, wish: WishWithOrg) =>
  findNearestPermissionHolders(trx, wish.org_path, 'wish:manage')

export const tellStaff = async (
  trx: Db,
  ctx: Ctx,
  wish: WishWithOrg,
  kind: WishNotificationKind,
  extra: Extra = {},
) =>
  notify(trx, ctx, await staffOf(trx, wish), {
    kind,
    params: paramsOf(wish, extra),
    link: wishLinks.staffWish(wish.id),
  })

/**
 * The worker's side: the worker who posted it, or, for a walk-in without an account, the staff
 * of its org, who pass the news on and confirm receipt for them.
 */
export const tellWorker = async (
  trx: Db,
  ctx: Ctx,
  wish: WishWithOrg,
  kind: WishNotificationKind,
  extra: Extra = {},
) => {
  if (wish.poster_member_id === null) return tellStaff(trx, ctx, wish, kind, extra)
  return notify(trx, ctx, [wish.poster_member_id], {
    kind,
    params: paramsOf(wish, extra),
    link: wishLinks.myWish(wish.id),
  })
}

export const tellClaimant = (
  trx: Db,
  ctx: Ctx,
  wish: WishWithOrg,
  claim: WishClaimRow,
  kind: WishNotificationKind,
  extra: Extra = {},
) =>
  notify(trx, ctx, [claim.claimant_member_id], {
    kind,
    params: paramsOf(wish, extra),
    link: wishLinks.myClaims(),
  })

/**
 * The worker who posted the wish from their account, and nobody for a walk-in: unlike
 * tellWorker, news that staff caused themselves (a staff edit) is not passed back to staff.
 */
export const tellPoster = async (
  trx: Db,
  ctx: Ctx,
  wish: WishWithOrg,
  kind: WishNotificationKind,
  extra: Extra = {},
) => {
  if (wish.poster_member_id === null) return
  await notify(trx, ctx, [wish.poster_member_id], {
    kind,
    params: paramsOf(wish, extra),
    link: wishLinks.myWish(wish.id),
  })
}
