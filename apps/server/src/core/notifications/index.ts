/**
 * Notifications: messages to members about changes that concern them, fanned out to channels
 * (in-app now, SMS later) in the transaction of the change. Owns table: notification.
 */
export {
  inAppChannel,
  notify,
  registerNotificationChannel,
  type NotificationChannel,
  type NotificationMessage,
} from './notifications.service'
export { findNotificationsOf } from './notifications.repository'
export { notificationsRoutes } from './notifications.routes'
export { notificationsMigrations } from './migrations'
