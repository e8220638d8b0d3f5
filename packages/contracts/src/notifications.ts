import { z } from 'zod'
import { IdSchema, PageQuerySchema, TimestampSchema, pageOf } from './common'

/**
 * In-app notifications (站内消息). A notification names a `kind` and its `params`; the page
 * renders the text from the locale files (`notifications.kinds.<kind>` with the params), so the
 * server stores no language. Kinds are owned by the modules that send them (for example
 * WISH_NOTIFICATION_KINDS in ./wishes); core stores any kind.
 */
export const NotificationParamsSchema = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean(), z.null()]),
)
export type NotificationParams = z.infer<typeof NotificationParamsSchema>

export const NotificationSchema = z.object({
  id: IdSchema,
  kind: z.string(),
  params: NotificationParamsSchema,
  /** A web path to open (for example /w/my/wishes/<id>); null when there is nothing to open. */
  link: z.string().nullable(),
  createdAt: TimestampSchema,
  /** Null while unread. */
  readAt: TimestampSchema.nullable(),
})
export type InAppNotification = z.infer<typeof NotificationSchema>

/** A page of the caller's notifications, newest first, with the caller's unread count. */
export const NotificationPageSchema = pageOf(NotificationSchema).extend({
  unread: z.number().int(),
})
export type NotificationPage = z.infer<typeof NotificationPageSchema>

export const NotificationListQuerySchema = PageQuerySchema.omit({ q: true })
  .extend({
    unreadOnly: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
  })
  .strict()
export type NotificationListQuery = z.input<typeof NotificationListQuerySchema>

export const NotificationIdParamsSchema = z.object({ notificationId: IdSchema }).strict()

/** Answer of "mark all read": how many were unread before. */
export const MarkAllReadResultSchema = z.object({ marked: z.number().int() })
