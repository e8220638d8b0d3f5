/**
 * The one error type services throw. The HTTP error handler maps it to
 * `{ error: { code, message, details } }` with its status; message keys are translated there.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly statusCode: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError

/** Errors every module may raise. Module-specific codes live in <module>.errors.ts. */
export const commonErrors = {
  notFound: (what: string, id?: string) =>
    new AppError(
      `${what.toUpperCase()}_NOT_FOUND`,
      404,
      `${what} not found`,
      id ? { id } : undefined,
    ),
  forbidden: (message = 'You do not have access to this resource') =>
    new AppError('ACCESS_DENIED', 403, message),
  unauthenticated: () => new AppError('AUTH_REQUIRED', 401, 'Please sign in'),
  validation: (message: string, details?: unknown) =>
    new AppError('VALIDATION_FAILED', 400, message, details),
  conflict: (code: string, message: string, details?: unknown) =>
    new AppError(code, 409, message, details),
}
