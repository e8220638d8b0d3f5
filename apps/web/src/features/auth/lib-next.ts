/**
 * Where to go after signing in or registering: a same-site path from the `next` parameter
 * (a worker who registers to post a wish comes back to the wish form), never another site.
 */
export const safeNext = (next: string | null): string =>
  next && next.startsWith('/') && !next.startsWith('//') ? next : '/'
