import type { TFunction } from 'i18next'
import { isApiError } from './api-error'

/**
 * The text to show for an error: our own translation keyed by error code when we have one,
 * else the server's message (already translated per Accept-Language).
 */
export const errorMessage = (t: TFunction, error: unknown): string => {
  if (isApiError(error)) {
    const key = `errors.${error.code}`
    const retryAfter = (error.details as { retryAfterSeconds?: number } | undefined)
      ?.retryAfterSeconds
    // A wait in minutes: "895 秒" read like a counter that never moved.
    if (error.code === 'AUTH_THROTTLED')
      return t('errors.AUTH_THROTTLED', {
        minutes: Math.max(1, Math.ceil((retryAfter ?? 60) / 60)),
      })
    if (error.code === 'OTP_TOO_FREQUENT')
      return t('errors.OTP_TOO_FREQUENT', { seconds: retryAfter ?? 60 })
    return t(key, { defaultValue: error.message || t('errors.UNKNOWN') })
  }
  return t('errors.UNKNOWN')
}
