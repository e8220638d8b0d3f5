import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Private calendar feed tokens: `<memberId>.<nonce>.<mac>`, mac = HMAC-SHA256 under the server
 * secret over the member id and the member's current nonce. The server re-derives a token
 * instead of storing it; rotating the nonce (or the secret) invalidates every older URL.
 */

/** Nonce of a member who never rotated: a feed URL exists without a database write. */
export const INITIAL_NONCE = '0'

const macOf = (secret: string, memberId: string, nonce: string) =>
  createHmac('sha256', secret).update(`station-shift-feed:${memberId}:${nonce}`).digest('base64url')

export const feedTokenFor = (secret: string, memberId: string, nonce: string): string =>
  `${memberId}.${nonce}.${macOf(secret, memberId, nonce)}`

export type ParsedFeedToken = { memberId: string; nonce: string }

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * The member and nonce a token names when its MAC is right (compared in constant time), else
 * null. The caller still checks the nonce against the member's current one.
 */
export const verifyFeedToken = (secret: string, token: string): ParsedFeedToken | null => {
  const parts = token.split('.')
  if (parts.length !== 3) return null
  const [memberId, nonce, mac] = parts as [string, string, string]
  if (!memberId || !nonce || !mac) return null
  return sameText(macOf(secret, memberId, nonce), mac) ? { memberId, nonce } : null
}

/** Whether a token's nonce is the member's current one (constant time too). */
export const isCurrentNonce = (given: string, current: string) => sameText(given, current)
