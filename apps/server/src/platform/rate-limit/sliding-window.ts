/**
 * A fixed-window failure counter kept in process memory. One process without Redis keeps
 * throttling state here; several processes would share a Redis-backed store (ARCHITECTURE.md).
 */
export type Throttle = {
  /** Milliseconds until the key may try again, or 0 when it is not blocked. */
  blockedFor: (key: string, nowMs: number) => number
  recordFailure: (key: string, nowMs: number) => void
  /** Takes back one failure recorded in advance, for an attempt that turned out right. */
  refund: (key: string) => void
  reset: (key: string) => void
}

export const createThrottle = (maxFailures: number, windowMs: number): Throttle => {
  const entries = new Map<string, { count: number; windowStart: number }>()
  const sweep = (nowMs: number) => {
    if (entries.size < 10_000) return
    for (const [k, v] of entries) if (nowMs - v.windowStart > windowMs) entries.delete(k)
  }
  return {
    blockedFor: (key, nowMs) => {
      const e = entries.get(key)
      if (!e) return 0
      if (nowMs - e.windowStart > windowMs) {
        entries.delete(key)
        return 0
      }
      return e.count >= maxFailures ? e.windowStart + windowMs - nowMs : 0
    },
    recordFailure: (key, nowMs) => {
      sweep(nowMs)
      const e = entries.get(key)
      if (!e || nowMs - e.windowStart > windowMs) entries.set(key, { count: 1, windowStart: nowMs })
      else e.count += 1
    },
    refund: (key) => {
      const e = entries.get(key)
      if (e && e.count > 0) e.count -= 1
    },
    reset: (key) => {
      entries.delete(key)
    },
  }
}
