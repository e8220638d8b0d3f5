import { useCallback, useEffect, useState } from 'react'

/**
 * Seconds left before the action may run again; `start()` begins a new countdown, and
 * `start(n)` resumes one with n seconds left (a page restored after a reload).
 */
export const useCountdown = (seconds: number) => {
  const [left, setLeft] = useState(0)
  useEffect(() => {
    if (left <= 0) return
    const h = setTimeout(() => setLeft((s) => s - 1), 1000)
    return () => clearTimeout(h)
  }, [left])
  const start = useCallback((from?: number) => setLeft(from ?? seconds), [seconds])
  return { left, start, running: left > 0 }
}
