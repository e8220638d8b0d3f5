import {
  MarkAllReadResultSchema,
  NotificationPageSchema,
  NotificationSchema,
} from '@unionhall/contracts'
import { apiRequest } from '../../lib/api-client'

/** The signed-in member's in-app notifications (/api/v1/notifications). */
export const notificationKeys = {
  all: ['notifications'] as const,
  list: (page: number) => ['notifications', 'list', page] as const,
  unread: ['notifications', 'unread'] as const,
}

export const listNotifications = (
  q: { page: number; pageSize: number; unreadOnly?: boolean },
  signal?: AbortSignal,
) =>
  apiRequest('/notifications', {
    query: { page: q.page, pageSize: q.pageSize, unreadOnly: q.unreadOnly ? 'true' : undefined },
    schema: NotificationPageSchema,
    signal,
  })

export const markNotificationRead = (id: string) =>
  apiRequest(`/notifications/${encodeURIComponent(id)}/read`, {
    method: 'POST',
    schema: NotificationSchema,
  })

export const markAllNotificationsRead = () =>
  apiRequest('/notifications/read-all', { method: 'POST', schema: MarkAllReadResultSchema })
