/** Any failed API call: the server's `{ error: { code, message, details } }` or a network failure. */
export class ApiError extends Error {
  readonly code: string
  readonly status: number
  readonly details: unknown

  constructor(code: string, status: number, message: string, details?: unknown) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.status = status
    this.details = details
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError

export const SIGNED_OUT_CODES = new Set(['AUTH_REQUIRED', 'AUTH_SESSION_EXPIRED'])
