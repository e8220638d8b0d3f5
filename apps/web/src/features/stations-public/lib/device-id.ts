import { storage } from '../../../lib/storage'

/** Where this phone keeps its anonymous check-in id. */
export const DEVICE_ID_KEY = 'uh.stationDeviceId'

const VALID = /^[A-Za-z0-9_-]{22,64}$/

/** 24 random bytes as base64url: 32 URL-safe characters, no account and nothing personal. */
export const newDeviceId = (): string => {
  const bytes = new Uint8Array(24)
  crypto.getRandomValues(bytes)
  let bin = ''
  for (const b of bytes) bin += String.fromCharCode(b)
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

// Where local storage is blocked (some in-app browsers), keep one id for the page's life so a
// repeated scan is still recognised as the same visit.
let inMemory: string | null = null

/** This phone's check-in id: made once, then read back on every later visit. */
export const getDeviceId = (): string => {
  const saved = storage.get(DEVICE_ID_KEY)
  if (saved && VALID.test(saved)) return saved
  inMemory ??= newDeviceId()
  storage.set(DEVICE_ID_KEY, inMemory)
  return inMemory
}
