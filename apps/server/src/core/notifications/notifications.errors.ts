import { AppError } from '../../platform/errors/app-error'

export const notificationErrors = {
  // Someone else's notification answers the same as a missing one: ids are not confirmed.
  notFound: (id: string) =>
    new AppError('NOTIFICATION_NOT_FOUND', 404, `Notification ${id} not found`, { id }),
}
