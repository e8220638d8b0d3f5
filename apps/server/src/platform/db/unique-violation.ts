/**
 * Whether a database error is a unique-index refusal, on either engine (PostgreSQL SQLSTATE
 * 23505, better-sqlite3 SQLITE_CONSTRAINT_UNIQUE). Services check first and let the index decide
 * a race: two requests that both passed the check meet here.
 */
export const isUniqueViolation = (e: unknown): boolean => {
  const code = (e as { code?: unknown } | null)?.code
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE'
}
