import { storage } from '../../../lib/storage'

const KEY_CHARS = /^[A-Za-z0-9_-]{8,64}$/

/** A random id of 32 hex characters; crypto.randomUUID is missing in some in-app browsers. */
export const randomKey = (): string => {
  const c = globalThis.crypto
  if (c && typeof c.randomUUID === 'function') return c.randomUUID().replace(/-/g, '')
  const bytes = new Uint8Array(16)
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes)
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

const DEVICE_KEY = 'uh.deviceId'

/** A stable id of this phone's browser, kept in localStorage (anti-fraud signal only). */
export const deviceId = (): string => {
  const saved = storage.get(DEVICE_KEY)
  if (saved && KEY_CHARS.test(saved)) return saved
  const id = randomKey()
  storage.set(DEVICE_KEY, id)
  return id
}

type Attempt = { clientKey: string; candidateIds: string[] }
const attemptKey = (campaignId: string) => `uh.ballotAttempt.${campaignId}`
const sameIds = (a: string[], b: string[]) =>
  a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',')

/**
 * The client key of the ballot being cast. It is made once per ballot attempt and kept (also
 * across a reload) while the same choice is retried, so a retry after a lost answer never
 * counts twice; a different choice, or a recorded ballot, starts a new attempt.
 */
export const ballotAttempt = {
  keyFor: (campaignId: string, candidateIds: string[]): string => {
    try {
      const saved = JSON.parse(storage.get(attemptKey(campaignId)) ?? 'null') as Attempt | null
      if (saved && KEY_CHARS.test(saved.clientKey) && sameIds(saved.candidateIds, candidateIds))
        return saved.clientKey
    } catch {
      // a damaged entry: start a new attempt
    }
    const attempt: Attempt = { clientKey: randomKey(), candidateIds: [...candidateIds] }
    storage.set(attemptKey(campaignId), JSON.stringify(attempt))
    return attempt.clientKey
  },
  done: (campaignId: string) => storage.set(attemptKey(campaignId), null),
}

const selectionKey = (campaignId: string) => `uh.ballotSelection.${campaignId}`

/** The candidates ticked on the list, kept while the worker opens profiles and comes back. */
export const selectionStore = {
  read: (campaignId: string): string[] => {
    try {
      const v = JSON.parse(storage.get(selectionKey(campaignId)) ?? '[]') as unknown
      return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
    } catch {
      return []
    }
  },
  write: (campaignId: string, ids: string[]) =>
    storage.set(selectionKey(campaignId), ids.length ? JSON.stringify(ids) : null),
}

const voterKey = (campaignId: string) => `uh.voterUntil.${campaignId}`

/** When this phone's verified mobile stops counting as a voter (the token is an httpOnly cookie). */
export const voterStore = {
  verifiedUntil: (campaignId: string): number => Number(storage.get(voterKey(campaignId)) ?? 0),
  set: (campaignId: string, expiresAt: string) =>
    storage.set(voterKey(campaignId), String(Date.parse(expiresAt))),
  clear: (campaignId: string) => storage.set(voterKey(campaignId), null),
}
