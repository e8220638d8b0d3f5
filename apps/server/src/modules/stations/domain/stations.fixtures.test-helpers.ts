/**
 * Test helpers for the station domain: a seeded PRNG (so a failing random case is
 * reproducible from its seed) and generators of random valid schedules.
 */

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export const mulberry32 = (seed: number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
