import type { InAppNotification } from '@unionhall/contracts'
import type { TFunction } from 'i18next'

/**
 * The words of a notification: the server stores a kind and its params, the locale files hold
 * `notifications.kinds.<kind>`. A kind this build does not know yet still reads as something.
 */
export const notificationText = (t: TFunction, n: InAppNotification): string => {
  const params = Object.fromEntries(
    Object.entries(n.params).map(([k, v]) => [k, v === null ? '' : String(v)]),
  )
  return t(`notifications.kinds.${n.kind}`, {
    ...params,
    defaultValue: t('notifications.text.other'),
  })
}

/** The thanks or reason a notification carries, shown under its text. */
export const notificationQuote = (n: InAppNotification): string | null => {
  const v = n.params.thanks ?? n.params.reason
  return typeof v === 'string' && v.trim() ? v : null
}
