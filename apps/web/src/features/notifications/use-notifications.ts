import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  notificationKeys,
} from './notifications-api'

/** Polled once a minute: in-app notifications have no push channel. */
const POLL_MS = 60_000

/** My unread count (a one-row page is enough: the answer carries the count). */
export const useUnreadCount = (enabled: boolean) =>
  useQuery({
    queryKey: notificationKeys.unread,
    queryFn: ({ signal }) => listNotifications({ page: 1, pageSize: 1, unreadOnly: true }, signal),
    select: (p) => p.unread,
    enabled,
    refetchInterval: POLL_MS,
  })

export const useNotifications = (page: number, pageSize = 20, enabled = true) =>
  useQuery({
    queryKey: [...notificationKeys.list(page), pageSize],
    queryFn: ({ signal }) => listNotifications({ page, pageSize }, signal),
    enabled,
    refetchInterval: POLL_MS,
  })

export const useMarkRead = () => {
  const qc = useQueryClient()
  const refresh = () => void qc.invalidateQueries({ queryKey: notificationKeys.all })
  const one = useMutation({ mutationFn: markNotificationRead, onSuccess: refresh })
  const all = useMutation({ mutationFn: markAllNotificationsRead, onSuccess: refresh })
  return { one, all }
}
