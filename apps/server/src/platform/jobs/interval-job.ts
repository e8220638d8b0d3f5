/**
 * A periodic in-process job. Runs never overlap: a slow run delays the next one instead of
 * stacking. With several app processes each runs its own copy, so jobs must be idempotent.
 */
export type JobLogger = { error: (obj: unknown, msg: string) => void }

export const startIntervalJob = (
  name: string,
  everyMs: number,
  run: () => Promise<unknown>,
  log: JobLogger,
) => {
  let running = false
  let stopped = false
  const tick = async () => {
    if (running || stopped) return
    running = true
    try {
      await run()
    } catch (err) {
      log.error({ err, job: name }, 'job failed')
    } finally {
      running = false
    }
  }
  const timer = setInterval(() => void tick(), everyMs)
  timer.unref()
  return {
    runNow: tick,
    stop: () => {
      stopped = true
      clearInterval(timer)
    },
  }
}
