import { describe, expect, it } from 'vitest'
import { BloomFilter } from './bloom-filter'

const key = (i: number) => `voter-${i}|client-key-${i * 7919}`

describe('BloomFilter', () => {
  it('never forgets a key it was given (no false negatives), across layers', () => {
    const f = new BloomFilter(1_000)
    for (let i = 0; i < 20_000; i++) f.add(key(i))
    expect(f.layerCount).toBeGreaterThan(3)
    for (let i = 0; i < 20_000; i++) expect(f.mightHave(key(i))).toBe(true)
    expect(f.size).toBe(20_000)
  })

  it('keeps false positives near the configured rate', () => {
    const f = new BloomFilter(10_000, 0.001)
    for (let i = 0; i < 100_000; i++) f.add(key(i))
    let positives = 0
    const probes = 200_000
    for (let i = 0; i < probes; i++) if (f.mightHave(`other-${i}|${i}`)) positives++
    // Five layers at 0.001 each: at most ~0.5 %; a broken hash (e.g. h2 = 0) gives far more.
    expect(positives / probes).toBeLessThan(0.006)
  })

  it('tells keys that differ only in their last character apart', () => {
    const f = new BloomFilter(1_000)
    for (let i = 0; i < 1_000; i++) f.add(`abc|k${i}0`)
    let positives = 0
    for (let i = 0; i < 1_000; i++) if (f.mightHave(`abc|k${i}1`)) positives++
    expect(positives).toBeLessThan(10)
  })

  it('holds its bits outside the JS heap, sized by the keys it holds', () => {
    const f = new BloomFilter(65_536)
    // ~14.4 bits per key at 0.001, rounded up to a power of two: 1 Mbit = 128 kB.
    expect(f.bytes).toBe(131_072)
    for (let i = 0; i < 65_537; i++) f.add(key(i))
    expect(f.layerCount).toBe(2)
  })

  it('refuses a nonsense size', () => {
    expect(() => new BloomFilter(0)).toThrow(RangeError)
    expect(() => new BloomFilter(10, 1)).toThrow(RangeError)
  })
})
