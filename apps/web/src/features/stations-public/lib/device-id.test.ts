import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEVICE_ID_KEY, getDeviceId, newDeviceId } from './device-id'

describe('device id for check-in', () => {
  afterEach(() => {
    vi.restoreAllMocks()
    window.localStorage.clear()
  })

  it('is random, URL-safe and long enough for the server', () => {
    const a = newDeviceId()
    const b = newDeviceId()
    expect(a).toMatch(/^[A-Za-z0-9_-]{22,64}$/)
    expect(a).not.toBe(b)
  })

  it('is made once and read back on later visits', () => {
    const first = getDeviceId()
    expect(window.localStorage.getItem(DEVICE_ID_KEY)).toBe(first)
    expect(getDeviceId()).toBe(first)
  })

  it('replaces a damaged stored value', () => {
    window.localStorage.setItem(DEVICE_ID_KEY, 'short')
    const id = getDeviceId()
    expect(id).not.toBe('short')
    expect(id).toMatch(/^[A-Za-z0-9_-]{22,64}$/)
    expect(window.localStorage.getItem(DEVICE_ID_KEY)).toBe(id)
  })

  it('stays the same for the page when storage is blocked', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new Error('blocked')
    })
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new Error('blocked')
    })
    const a = getDeviceId()
    expect(a).toMatch(/^[A-Za-z0-9_-]{22,64}$/)
    expect(getDeviceId()).toBe(a)
  })
})
