import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  randomBytes,
  timingSafeEqual,
  type Cipher,
  type KeyObject,
} from 'node:crypto'

/**
 * Voter identity without personal data: a voter key is an HMAC of the identity scoped to the
 * campaign (ballot logs of two campaigns cannot be joined), and SMS-verified voters carry a
 * short-lived signed token instead of an OTP per ballot.
 */
export const VOTER_COOKIE = 'uh_voter'
export const VOTER_HEADER = 'x-voter-token'
export const VOTER_TOKEN_TTL_MS = 12 * 3600_000

export type VoterIdentity = { kind: 'member'; memberId: string } | { kind: 'sms'; mobile: string }

/** The secret as a key object, imported once: createHmac with a string imports it on every call. */
const keyObjects = new Map<string, KeyObject>()
const keyOf = (secret: string) => {
  let key = keyObjects.get(secret)
  if (!key) keyObjects.set(secret, (key = createSecretKey(Buffer.from(secret, 'utf8'))))
  return key
}

const mac = (secret: string, text: string) =>
  createHmac('sha256', keyOf(secret)).update(text).digest('base64url')

export const identityString = (v: VoterIdentity) =>
  v.kind === 'member' ? `m:${v.memberId}` : `s:${v.mobile}`

export const voterKeyOf = (secret: string, campaignId: string, v: VoterIdentity) =>
  mac(secret, `voter|${campaignId}|${identityString(v)}`).slice(0, 32)

/** Short hashes of device ids and IPs: enough to group ballots, not to recover the value. */
export const shortHash = (secret: string, kind: string, value: string) =>
  ownCopy(mac(secret, `${kind}|${value}`).slice(0, 16))

/**
 * A copy of a short ASCII string that does not point into the string it was cut from. V8 keeps
 * a slice of 13+ characters as a view of its parent, so a voter key cut from a token kept the
 * whole token alive for as long as the day's maps held the key (bench/RESULTS.md, ADR 0019).
 */
export const ownCopy = (ascii: string) => Buffer.from(ascii, 'latin1').toString('latin1')

/** What a valid voter token proves. */
export type VoterClaims = {
  campaignId: string
  mobile: string
  /** The voter's key in this campaign (computed once, when the token was issued). */
  voterKey: string
  expiresMs: number
  /** When the platform first knew this mobile (verified it, or a member account); null if unknown. */
  knownSinceMs: number | null
}

/**
 * The mobile inside a voter token, sealed with AES-256-CTR under a key derived from the secret:
 * the token sits in a cookie and a header, and a phone number is personal data, so it never
 * travels in clear. CTR needs no padding (an 11-digit mobile seals to 11 bytes) and the token's
 * HMAC already covers the sealed bytes, so the cipher needs no tag of its own.
 */
const sealKeys = new Map<string, KeyObject>()
const sealKeyOf = (secret: string) => {
  let key = sealKeys.get(secret)
  if (!key) {
    key = createSecretKey(createHmac('sha256', keyOf(secret)).update('voter-token-seal').digest())
    sealKeys.set(secret, key)
  }
  return key
}
const sealMobile = (secret: string, mobile: string) => {
  const iv = randomBytes(16)
  const cipher = createCipheriv('aes-256-ctr', sealKeyOf(secret), iv)
  return Buffer.concat([iv, cipher.update(mobile, 'utf8'), cipher.final()]).toString('base64url')
}
/**
 * CTR's first keystream block is the IV encrypted with the key, and a mobile fits in one block,
 * so the ballot path unseals with one long-lived AES block cipher (ECB on the 16-byte IV) and an
 * XOR: about 0.9 µs, against 2 µs for a new CTR decipher per ballot (a loop on this machine);
 * every ballot of a new voter pays it. Longer values take the general path.
 */
const blockCiphers = new Map<string, Cipher>()
const blockCipherOf = (secret: string) => {
  let cipher = blockCiphers.get(secret)
  if (!cipher) {
    cipher = createCipheriv('aes-256-ecb', sealKeyOf(secret), null).setAutoPadding(false)
    blockCiphers.set(secret, cipher)
  }
  return cipher
}
const unsealMobile = (secret: string, sealed: string) => {
  const bytes = Buffer.from(sealed, 'base64url')
  const iv = bytes.subarray(0, 16)
  const body = bytes.subarray(16)
  if (iv.length === 16 && body.length <= 16) {
    const stream = blockCipherOf(secret).update(iv)
    for (let i = 0; i < body.length; i++) body[i]! ^= stream[i]!
    return body.toString('utf8')
  }
  const decipher = createDecipheriv('aes-256-ctr', sealKeyOf(secret), iv)
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')
}

/**
 * v3.<campaignId>.<sealed mobile>.<expiresMs>.<knownSinceMs>.<voterKey>.<mac>
 *
 * The voter key rides in the signed token so the ballot path checks one HMAC instead of two:
 * voters rarely cast enough ballots for a memo to catch them (bench/RESULTS.md). knownSinceMs
 * feeds the new-account signal; 0 means "known before the platform counted". The mobile is
 * sealed (above); the ballot path needs it for the sequential-numbers signal and the masked copy.
 */
export const signVoterToken = (
  secret: string,
  campaignId: string,
  mobile: string,
  expiresMs: number,
  knownSinceMs = 0,
) => {
  const voterKey = voterKeyOf(secret, campaignId, { kind: 'sms', mobile })
  const sealed = sealMobile(secret, mobile)
  const body = `v3.${campaignId}.${sealed}.${expiresMs}.${Math.floor(knownSinceMs)}.${voterKey}`
  return `${body}.${mac(secret, `votertoken|${body}`)}`
}

const signatureOk = (secret: string, body: string, sig: string) => {
  const expected = Buffer.from(mac(secret, `votertoken|${body}`))
  const given = Buffer.from(sig)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

/**
 * What a voter token proves for this campaign, or null (bad signature, other campaign, expired).
 * Tokens of the previous formats (v2, mobile in clear; v1, no voter key or first-seen time) are
 * still read until they expire (12 h), so a deploy during voting does not make every voter pay
 * for a new SMS code.
 */
export const readVoterToken = (
  secret: string,
  token: string,
  campaignId: string,
  nowMs: number,
): VoterClaims | null => {
  const parts = token.split('.')
  if ((parts[0] === 'v3' || parts[0] === 'v2') && parts.length === 7) {
    const [, cid, third, exp, since, voterKey, sig] = parts as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ]
    if (!signatureOk(secret, token.slice(0, token.length - sig.length - 1), sig)) return null
    if (cid !== campaignId || !(Number(exp) > nowMs)) return null
    return {
      campaignId,
      // v2 carried the mobile in clear; v3 seals it.
      mobile: parts[0] === 'v3' ? unsealMobile(secret, third) : third,
      voterKey: ownCopy(voterKey),
      expiresMs: Number(exp),
      knownSinceMs: Number(since),
    }
  }
  if (parts[0] === 'v1' && parts.length === 5) {
    const [, cid, mobile, exp, sig] = parts as [string, string, string, string, string]
    if (!signatureOk(secret, `v1.${cid}.${mobile}.${exp}`, sig)) return null
    if (cid !== campaignId || !(Number(exp) > nowMs)) return null
    const voterKey = voterKeyOf(secret, campaignId, { kind: 'sms', mobile })
    return { campaignId, mobile, voterKey, expiresMs: Number(exp), knownSinceMs: null }
  }
  return null
}

/** The campaign a voter token names (every format starts "vN.<campaignId>."), unchecked. */
export const campaignOfToken = (token: string) => {
  const end = token.indexOf('.', 3)
  return end > 3 ? token.slice(3, end) : ''
}

export const maskMobile = (mobile: string) => `${mobile.slice(0, 3)}****${mobile.slice(-4)}`

// ---- time in Asia/Shanghai (UTC+8 all year, no daylight saving) ----

const SHANGHAI_OFFSET_MS = 8 * 3600_000

/** The voting day in Asia/Shanghai, YYYY-MM-DD. */
export const shanghaiDay = (ms: number) =>
  new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)

/** Minutes since midnight in Asia/Shanghai. */
export const shanghaiMinutes = (ms: number) =>
  Math.floor(((ms + SHANGHAI_OFFSET_MS) % 86_400_000) / 60_000)

/** The UTC instant at which a Shanghai day starts. */
export const shanghaiDayStartMs = (ms: number) =>
  Math.floor((ms + SHANGHAI_OFFSET_MS) / 86_400_000) * 86_400_000 - SHANGHAI_OFFSET_MS

const clockMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

/** Voting hours [start, end) in Shanghai time; a window whose end is before its start spans midnight. */
export const withinHours = (hours: { start: string; end: string } | null, ms: number) => {
  if (!hours) return true
  const m = shanghaiMinutes(ms)
  const s = clockMinutes(hours.start)
  const e = clockMinutes(hours.end)
  if (s === e) return true
  return s < e ? m >= s && m < e : m >= s || m < e
}
