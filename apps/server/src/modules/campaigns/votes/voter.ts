import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Voter identity without personal data: a voter key is an HMAC of the identity scoped to the
 * campaign (ballot logs of two campaigns cannot be joined), and SMS-verified voters carry a
 * short-lived signed token instead of an OTP per ballot.
 */
export const VOTER_COOKIE = 'uh_voter'
export const VOTER_HEADER = 'x-voter-token'
export const VOTER_TOKEN_TTL_MS = 12 * 3600_000

export type VoterIdentity = { kind: 'member'; memberId: string } | { kind: 'sms'; mobile: string }

const mac = (secret: string, text: string) =>
  createHmac('sha256', secret).update(text).digest('base64url')

export const identityString = (v: VoterIdentity) =>
  v.kind === 'member' ? `m:${v.memberId}` : `s:${v.mobile}`

export const voterKeyOf = (secret: string, campaignId: string, v: VoterIdentity) =>
  mac(secret, `voter|${campaignId}|${identityString(v)}`).slice(0, 32)

/** Short hashes of device ids and IPs: enough to group ballots, not to recover the value. */
export const shortHash = (secret: string, kind: string, value: string) =>
  mac(secret, `${kind}|${value}`).slice(0, 16)

/** v1.<campaignId>.<mobile>.<expiresMs>.<mac> */
export const signVoterToken = (
  secret: string,
  campaignId: string,
  mobile: string,
  expiresMs: number,
) => {
  const body = `v1.${campaignId}.${mobile}.${expiresMs}`
  return `${body}.${mac(secret, `votertoken|${body}`)}`
}

/** The mobile a voter token proves for this campaign, or null (bad signature, other campaign, expired). */
export const verifyVoterToken = (
  secret: string,
  token: string,
  campaignId: string,
  nowMs: number,
): string | null => {
  const parts = token.split('.')
  if (parts.length !== 5 || parts[0] !== 'v1') return null
  const [, cid, mobile, exp, sig] = parts as [string, string, string, string, string]
  const expected = Buffer.from(mac(secret, `votertoken|v1.${cid}.${mobile}.${exp}`))
  const given = Buffer.from(sig)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  if (cid !== campaignId || !(Number(exp) > nowMs)) return null
  return mobile
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
