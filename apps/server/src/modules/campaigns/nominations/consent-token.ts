import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Consent links (see docs/adr/0007). The token is `<nominationId>.<mac>` where mac is an
 * HMAC-SHA256 under the server secret: unguessable, and re-derivable so staff can show the
 * link again without the database keeping it. Only SHA-256(token) is stored, and it is cleared
 * once the nominee decides, so a used link stops working.
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

export const consentUrlFor = (token: string) => `/consent/${token}`
