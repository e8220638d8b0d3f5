import * as createNotification from './20261129T1705_notifications_create_notification'

export const notificationsMigrations = {
  '20261129T1705_notifications_create_notification': createNotification,
}
