import { describe, expect, it } from 'vitest'
import { createThrottle } from './sliding-window'

describe(createThrottle.name, () => {
  it('blocks a key after maxFailures within the window, until the window ends', () => {
    const sut = createThrottle(3, 60_000)

    sut.recordFailure('a', 0)
    sut.recordFailure('a', 1_000)
    expect(sut.blockedFor('a', 2_000)).toBe(0)
    sut.recordFailure('a', 2_000)

    expect(sut.blockedFor('a', 2_000)).toBe(58_000)
    expect(sut.blockedFor('a', 59_999)).toBe(1)
    expect(sut.blockedFor('a', 60_001)).toBe(0)
  })

  it('refunds a failure recorded in advance, never below zero', () => {
    const sut = createThrottle(2, 60_000)
    sut.recordFailure('a', 0)
    sut.recordFailure('a', 0)
    expect(sut.blockedFor('a', 1)).toBeGreaterThan(0)
    sut.refund('a')
    expect(sut.blockedFor('a', 1)).toBe(0)
    sut.refund('a')
    sut.refund('a')
    sut.recordFailure('a', 2)
    expect(sut.blockedFor('a', 3)).toBe(0)
  })

  it('keeps keys apart', () => {
    const sut = createThrottle(1, 60_000)

    sut.recordFailure('a', 0)

    expect(sut.blockedFor('a', 1)).toBeGreaterThan(0)
    expect(sut.blockedFor('b', 1)).toBe(0)
  })

  it('starts a new window when failures are further apart than the window', () => {
    const sut = createThrottle(2, 10_000)

    sut.recordFailure('a', 0)
    sut.recordFailure('a', 20_000)

    expect(sut.blockedFor('a', 20_001)).toBe(0)
  })

  it('forgets a key on reset', () => {
    const sut = createThrottle(1, 60_000)
    sut.recordFailure('a', 0)

    sut.reset('a')

    expect(sut.blockedFor('a', 1)).toBe(0)
  })

  it('sweeps expired keys once it holds many', () => {
    const sut = createThrottle(1, 1_000)
    for (let i = 0; i < 10_000; i++) sut.recordFailure(`k${i}`, 0)

    sut.recordFailure('late', 5_000)

    expect(sut.blockedFor('k1', 500)).toBe(0)
    expect(sut.blockedFor('late', 5_001)).toBe(999)
  })
})
