import type { TFunction } from 'i18next'
import { isApiError } from './api-error'

/**
 * The text to show for an error: our own translation keyed by error code when we have one,
 * else the server's message (already translated per Accept-Language).
 */
export const errorMessage = (t: TFunction, error: unknown): string => {
  if (isApiError(error)) {
    const key = `errors.${error.code}`
    if (error.code === 'AUTH_THROTTLED') {
      const details = error.details as { retryAfterSeconds?: number } | undefined
      return t('errors.AUTH_THROTTLED', { seconds: details?.retryAfterSeconds ?? 60 })
    }
    return t(key, { defaultValue: error.message || t('errors.UNKNOWN') })
  }
  return t('errors.UNKNOWN')
}
