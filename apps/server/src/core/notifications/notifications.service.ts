import type { InAppNotification, NotificationPage, NotificationParams } from '@unionhall/contracts'
import { uuidv7 } from 'uuidv7'
import { fromJson, toJson } from '../../platform/db/columns'
import type { Db } from '../../platform/db/create-db'
import { withTransaction } from '../../platform/db/transaction'
import { requireActor, type Ctx } from '../access'
import { recordAudit } from '../audit'
import { notificationErrors } from './notifications.errors'
import * as repo from './notifications.repository'
import type { NotificationRow } from './notifications.tables'

/** What a module sends: a kind the web renders from its locale files, its values and a link. */
export type NotificationMessage = {
  /** `<module>.<event>`, e.g. wish.claimed; the web shows `notifications.kinds.<kind>`. */
  kind: string
  params: NotificationParams
  /** A web path, or null. */
  link: string | null
}

/**
 * A way to reach members. `deliver` runs inside the transaction of the change that causes the
 * message, so a message exists exactly when its change commits. A channel that talks to the
 * outside world (SMS) must not call out from here: it records what to send in its own table
 * (an outbox) and sends after commit, so a rolled-back change never texts anyone.
 */
export type NotificationChannel = {
  name: string
  deliver: (
    trx: Db,
    ctx: Ctx,
    recipientIds: readonly string[],
    message: NotificationMessage,
  ) => Promise<void>
}

/** The in-app channel: one notification row per recipient, read on the member's pages. */
export const inAppChannel: NotificationChannel = {
  name: 'in_app',
  deliver: async (trx, ctx, recipientIds, message) => {
    const createdAt = ctx.now.toISOString()
    await repo.insertNotifications(
      trx,
      recipientIds.map((memberId) => ({
        id: uuidv7(),
        member_id: memberId,
        kind: message.kind,
        params: toJson(message.params),
        link: message.link,
        created_at: createdAt,
        read_at: null,
      })),
    )
  },
}

const channels: NotificationChannel[] = [inAppChannel]

/**
 * Adds a channel every later notify() also delivers through (SMS, once an outbox exists).
 * Returns a function that removes it again.
 */
export const registerNotificationChannel = (channel: NotificationChannel) => {
  if (channels.some((c) => c.name === channel.name))
    throw new Error(`Notification channel ${channel.name} is already registered`)
  channels.push(channel)
  return () => {
    const i = channels.indexOf(channel)
    if (i >= 0) channels.splice(i, 1)
  }
}

/**
 * Sends a message to members through every registered channel, in the caller's transaction.
 * Recipients are de-duplicated, nulls dropped, and the acting member is left out: nobody needs
 * to be told what they just did. The caller's audit record covers the change; notifications
 * are its consequence and get no audit record of their own.
 */
export const notify = async (
  trx: Db,
  ctx: Ctx,
  recipients: readonly (string | null | undefined)[],
  message: NotificationMessage,
): Promise<string[]> => {
  const actorId = ctx.actor?.memberId
  const ids = [
    ...new Set(recipients.filter((r): r is string => typeof r === 'string' && r !== actorId)),
  ]
  if (ids.length === 0) return ids
  for (const channel of channels) await channel.deliver(trx, ctx, ids, message)
  return ids
}

const toNotification = (r: NotificationRow): InAppNotification => ({
  id: r.id,
  kind: r.kind,
  params: fromJson<NotificationParams>(r.params) ?? {},
  link: r.link,
  createdAt: r.created_at,
  readAt: r.read_at,
})

/** The caller's notifications, newest first, and how many are unread. */
export const listMyNotifications = async (
  db: Db,
  ctx: Ctx,
  query: { page: number; pageSize: number; unreadOnly: boolean },
): Promise<NotificationPage> => {
  const actor = requireActor(ctx)
  const [{ rows, total }, unread] = await Promise.all([
    repo.listNotifications(
      db,
      actor.memberId,
      query.unreadOnly,
      query.pageSize,
      (query.page - 1) * query.pageSize,
    ),
    repo.countUnread(db, actor.memberId),
  ])
  return {
    items: rows.map(toNotification),
    total,
    page: query.page,
    pageSize: query.pageSize,
    unread,
  }
}

/**
 * Marks one of the caller's notifications read (again is a no-op that writes nothing).
 * @throws NOTIFICATION_NOT_FOUND, also for someone else's
 */
export const markNotificationRead = async (
  db: Db,
  ctx: Ctx,
  id: string,
): Promise<InAppNotification> => {
  const actor = requireActor(ctx)
  return withTransaction(db, async (trx) => {
    const row = await repo.findNotification(trx, id)
    if (!row || row.member_id !== actor.memberId) throw notificationErrors.notFound(id)
    if (row.read_at !== null) return toNotification(row)
    const at = ctx.now.toISOString()
    await repo.markRead(trx, id, at)
    await recordAudit(trx, ctx, {
      action: 'notification.read',
      targetType: 'notification',
      targetId: id,
      orgId: actor.orgId || null,
      summary: { kind: row.kind },
    })
    return toNotification({ ...row, read_at: at })
  })
}

/** Marks every unread notification of the caller read; answers how many there were. */
export const markAllNotificationsRead = async (db: Db, ctx: Ctx): Promise<{ marked: number }> => {
  const actor = requireActor(ctx)
  return withTransaction(db, async (trx) => {
    const marked = await repo.markAllRead(trx, actor.memberId, ctx.now.toISOString())
    if (marked > 0)
      await recordAudit(trx, ctx, {
        action: 'notification.read_all',
        targetType: 'member',
        targetId: actor.memberId,
        orgId: actor.orgId || null,
        summary: { marked },
      })
    return { marked }
  })
}
