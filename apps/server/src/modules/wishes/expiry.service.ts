import { WISH_AUTO_CONFIRM_DAYS } from '@unionhall/contracts'
import { systemCtx } from '../../core/access'
import { recordAudit } from '../../core/audit'
import type { Db } from '../../platform/db/create-db'
import { withTransaction } from '../../platform/db/transaction'
import { tellClaimant, tellWorker } from './wishes.notify'
import * as repo from './wishes.repository'

const BATCH = 200
const DAY_MS = 86_400_000

/**
 * The expiry job (app.ts runs it every minute; tests call it by hand). First, active claims
 * past their due date expire and their wishes return to the wall; then open wishes whose own
 * deadline has passed (still pending review, or on the wall unclaimed) expire; last, fulfilled
 * wishes the worker has not confirmed within WISH_AUTO_CONFIRM_DAYS are confirmed. Each item is its
 * own transaction with conditional updates, so a claimant fulfilling at the same moment, or a
 * second app process running the same job, is safe: whoever moves the row first wins and the
 * other changes nothing.
 */
export const expireDueClaims = async (
  db: Db,
  now: Date = new Date(),
): Promise<{ claimsExpired: number; wishesExpired: number; autoConfirmed: number }> => {
  const ctx = systemCtx(now)
  const nowIso = now.toISOString()
  let claimsExpired = 0
  let wishesExpired = 0
  let autoConfirmed = 0

  for (;;) {
    const due = await repo.findDueClaims(db, nowIso, BATCH)
    for (const claim of due) {
      const done = await withTransaction(db, async (trx) => {
        const expired = await repo.updateClaimIf(trx, claim.id, ['active'], {
          status: 'expired',
          ended_at: nowIso,
          updated_at: nowIso,
        })
        if (!expired) return false
        await repo.updateWishIf(
          trx,
          claim.wish_id,
          ['claimed'],
          { status: 'published', current_claim_id: null, wall_since: nowIso, updated_at: nowIso },
          claim.id,
        )
        const wish = (await repo.findWish(trx, claim.wish_id))!
        await recordAudit(trx, ctx, {
          action: 'wish.claim_expired',
          targetType: 'wish',
          targetId: wish.id,
          orgId: wish.org_id,
          summary: {
            before: { status: 'claimed', claimId: claim.id, dueDate: claim.due_date },
            after: { status: wish.status },
          },
        })
        const extra = { dueDate: claim.due_date }
        await tellClaimant(trx, ctx, wish, claim, 'wish.claim_expired', extra)
        await tellWorker(trx, ctx, wish, 'wish.claim_expired', extra)
        return true
      })
      if (done) claimsExpired++
    }
    if (due.length < BATCH) break
  }

  for (;;) {
    const ids = await repo.findOverdueWishIds(db, nowIso, BATCH)
    for (const id of ids) {
      const done = await withTransaction(db, async (trx) => {
        const wish = await repo.findWish(trx, id)
        if (!wish) return false
        const expired = await repo.updateWishIf(trx, id, ['pending_review', 'published'], {
          status: 'expired',
          updated_at: nowIso,
        })
        if (!expired) return false
        await recordAudit(trx, ctx, {
          action: 'wish.expired',
          targetType: 'wish',
          targetId: id,
          orgId: wish.org_id,
          summary: {
            before: { status: wish.status },
            after: { status: 'expired' },
            deadline: wish.deadline,
          },
        })
        await tellWorker(trx, ctx, wish, 'wish.expired', { deadline: wish.deadline })
        return true
      })
      if (done) wishesExpired++
    }
    if (ids.length < BATCH) break
  }

  // Fulfilled wishes the worker left unconfirmed for WISH_AUTO_CONFIRM_DAYS are confirmed, so
  // the claimant's delivery is closed and counted (reports count confirmed wishes).
  const waitedSinceIso = new Date(now.getTime() - WISH_AUTO_CONFIRM_DAYS * DAY_MS).toISOString()
  for (;;) {
    const confirmedBefore = autoConfirmed
    const waiting = await repo.findClaimsAwaitingConfirmation(db, waitedSinceIso, BATCH)
    for (const claim of waiting) {
      const done = await withTransaction(db, async (trx) => {
        const confirmed = await repo.updateWishIf(
          trx,
          claim.wish_id,
          ['fulfilled'],
          {
            status: 'confirmed',
            confirmed_at: nowIso,
            confirmed_automatically: 1,
            updated_at: nowIso,
          },
          claim.id,
        )
        if (!confirmed) return false
        await repo.updateClaimIf(trx, claim.id, ['fulfilled'], {
          status: 'confirmed',
          ended_at: nowIso,
          updated_at: nowIso,
        })
        const wish = (await repo.findWish(trx, claim.wish_id))!
        await recordAudit(trx, ctx, {
          action: 'wish.auto_confirmed',
          targetType: 'wish',
          targetId: wish.id,
          orgId: wish.org_id,
          summary: {
            before: { status: 'fulfilled', claimId: claim.id, fulfilledAt: claim.fulfilled_at },
            after: { status: 'confirmed' },
            waitedDays: WISH_AUTO_CONFIRM_DAYS,
          },
        })
        const extra = { days: WISH_AUTO_CONFIRM_DAYS }
        await tellClaimant(trx, ctx, wish, claim, 'wish.auto_confirmed', extra)
        await tellWorker(trx, ctx, wish, 'wish.auto_confirmed', extra)
        return true
      })
      if (done) autoConfirmed++
    }
    // A full batch that confirmed nothing (claims whose wish moved on some other way) would be
    // read again unchanged: stop rather than loop.
    if (waiting.length < BATCH || autoConfirmed === confirmedBefore) break
  }
  return { claimsExpired, wishesExpired, autoConfirmed }
}
