import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Consent links (see docs/adr/0007). The token is `<nominationId>.<mac>` where mac is an
 * HMAC-SHA256 under the server secret: unguessable, and re-derivable so staff can show the
 * link again without the database keeping it. Only SHA-256(token) is stored, and it is cleared
 * once the nominee decides, so a used link stops working. A decision needs the stored hash to
 * match (never the current secret alone), so rotating the secret breaks no pending link.
 */
export const consentTokenFor = (secret: string, nominationId: string): string =>
  `${nominationId}.${createHmac('sha256', secret)
    .update(`nomination-consent:${nominationId}`)
    .digest('base64url')}`

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')

/** The nomination id a well-formed token names, or null when its MAC is wrong. */
export const verifyConsentToken = (secret: string, token: string): string | null => {
  const id = token.split('.')[0] ?? ''
  const expected = Buffer.from(consentTokenFor(secret, id))
  const given = Buffer.from(token)
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null
}

/** The nomination id a token names (unverified: check it against the stored hash or the MAC). */
export const nominationIdOf = (token: string) => token.split('.')[0] ?? ''

/**
 * Whether the token is the one whose hash the nomination stores. This is what makes a pending
 * link valid: it keeps working after SESSION_SECRET is rotated, because the stored hash, not
 * the current secret, decides.
 */
export const matchesStoredHash = (token: string, storedHash: string | null): boolean => {
  if (!storedHash) return false
  const given = Buffer.from(sha256(token))
  const stored = Buffer.from(storedHash)
  return given.length === stored.length && timingSafeEqual(given, stored)
}

export const consentUrlFor = (token: string) => `/consent/${token}`
