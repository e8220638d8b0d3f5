import {
  MarkAllReadResultSchema,
  NotificationIdParamsSchema,
  NotificationListQuerySchema,
  NotificationPageSchema,
  NotificationSchema,
} from '@unionhall/contracts'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Db } from '../../platform/db/create-db'
import { ctxOf } from '../access'
import * as svc from './notifications.service'

const tags = ['notifications']

/** The signed-in member's own notifications. Mounted at /api/v1/notifications. */
export const notificationsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'My notifications, newest first, with my unread count',
        querystring: NotificationListQuerySchema,
        response: { 200: NotificationPageSchema },
      },
      config: { access: 'member' },
    },
    async (req) => svc.listMyNotifications(db, ctxOf(req), req.query),
  )

  app.post(
    '/read-all',
    {
      schema: {
        tags,
        summary: 'Mark all my notifications read',
        response: { 200: MarkAllReadResultSchema },
      },
      config: { access: 'member' },
    },
    async (req) => svc.markAllNotificationsRead(db, ctxOf(req)),
  )

  app.post(
    '/:notificationId/read',
    {
      schema: {
        tags,
        summary: 'Mark one of my notifications read',
        params: NotificationIdParamsSchema,
        response: { 200: NotificationSchema },
      },
      config: { access: 'member' },
    },
    async (req) => svc.markNotificationRead(db, ctxOf(req), req.params.notificationId),
  )
}
