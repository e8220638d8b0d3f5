import { storage } from '../../../lib/storage'

/**
 * The check-in this phone made at a station, remembered until the server checks it out by
 * itself (expiresAt), so the station page offers "check out" rather than "check in".
 */
const key = (stationId: string) => `uh.stationVisit.${stationId}`

export const rememberVisit = (stationId: string, expiresAt: string) =>
  storage.set(key(stationId), expiresAt)

export const forgetVisit = (stationId: string) => storage.set(key(stationId), null)

/** The expiry of this phone's current visit, or null when it is not checked in (or it lapsed). */
export const currentVisit = (stationId: string, now: Date = new Date()): Date | null => {
  const raw = storage.get(key(stationId))
  if (!raw) return null
  const at = new Date(raw)
  if (Number.isNaN(at.getTime()) || at.getTime() <= now.getTime()) {
    forgetVisit(stationId)
    return null
  }
  return at
}
