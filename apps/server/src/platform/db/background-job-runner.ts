/**
 * Background work on a SQLite connection between ballot batches, such as an index kept off the
 * commit path (ADR 0021); what the function in BackgroundJobSpec.source (sqlite-write-worker.ts)
 * returns.
 */
export type BackgroundJob = {
  noteBatch: (tag: number) => void
  hasWork: (nowMs: number) => boolean
  step: (nowMs: number) => unknown
  catchUp: (nowMs: number) => unknown
  /** Rows the job has written (counted toward the checkpoint cadence). */
  readonly written: number
}

/** What the runner needs from the thread it runs on. */
export type JobRunnerIo = {
  /** A step's non-null result (a finished chunk's report). */
  onResult: (result: unknown) => void
  /** A step failed; it is tried again after a pause that grows with `failures` in a row. */
  onError: (message: string, failures: number) => void
  /** Rows a step wrote (the write thread counts them toward its checkpoint cadence). */
  onWritten: (rows: number) => void
  /** False once the connection is closed: the runner then stops for good. */
  isOpen: () => boolean
  /**
   * True while a transaction someone else holds is open on the connection (the main thread's
   * connection is shared with Kysely): a step would become part of it. The runner comes back
   * a few milliseconds later.
   */
  isBusy: () => boolean
}

export type JobRunner = {
  /**
   * A ballot batch with this tag was handled: tell the job, then run one step at once (the write
   * thread, whose callers already have their answer).
   */
  afterBatch: (tag: number) => void
  /**
   * The same, but the step waits for a turn of the event loop (the main thread, where the
   * batch's callers are answered only when the caller of this returns).
   */
  noteBatch: (tag: number) => void
  /** Stops stepping (the connection is closing). */
  stop: () => void
}

/**
 * Paces a BackgroundJob (ADR 0021) between ballot batches: one step right after each batch, and
 * one per turn of the event loop while no batch comes, so a step delays a batch by one step at
 * most. The step after a batch runs at once rather than being left to setImmediate: a steady
 * stream of batches can keep a worker's message loop busy for hundreds of messages before the
 * loop reaches its check phase, and the job would fall behind.
 *
 * A failing step (a locked database, a full disk) is tried again after a pause that doubles up
 * to 30 s; trying again in a loop would spin a core.
 *
 * The same function runs on the SQLite write thread, which receives its source as text (as it
 * receives the job's, see sqlite-write-worker.ts), and on the main thread for an in-memory
 * database. So it must not refer to anything outside its own body.
 */
export function createJobRunner(job: BackgroundJob, io: JobRunnerIo): JobRunner {
  let failures = 0
  let pausedUntil = 0
  let pumping = false
  let stopped = false

  const failed = (e: unknown) => {
    failures++
    pausedUntil = Date.now() + Math.min(30_000, 100 * 2 ** Math.min(failures, 9))
    io.onError(String((e as Error | undefined)?.message ?? e), failures)
  }
  const canStep = () => !stopped && io.isOpen() && Date.now() >= pausedUntil

  const runStep = () => {
    if (!canStep() || io.isBusy()) return
    try {
      if (!job.hasWork(Date.now())) return
      const before = job.written
      const result = job.step(Date.now())
      // The report first: the write thread's onWritten may run a checkpoint.
      if (result != null) io.onResult(result)
      io.onWritten(job.written - before)
      // Only a step that went through ends a run of failures (hasWork alone may succeed).
      failures = 0
    } catch (e) {
      // The step's own transaction rolled back; it runs again from where it stood.
      failed(e)
    }
  }
  const pump = () => {
    pumping = false
    if (!canStep()) return
    if (io.isBusy()) {
      setTimeout(schedule, 5).unref()
      return
    }
    runStep()
    schedule()
  }
  const schedule = () => {
    if (pumping || !canStep()) return
    let work = false
    try {
      work = job.hasWork(Date.now())
    } catch (e) {
      failed(e)
    }
    if (!work) return
    pumping = true
    setImmediate(pump)
  }
  // A chunk can also fall due by time alone (the chunk interval), with no batch to wake us.
  const timer = setInterval(schedule, 250)
  timer.unref()

  return {
    afterBatch: (tag) => {
      job.noteBatch(tag)
      runStep()
      schedule()
    },
    noteBatch: (tag) => {
      job.noteBatch(tag)
      schedule()
    },
    stop: () => {
      stopped = true
      clearInterval(timer)
    },
  }
}
