/**
 * Group commit: many requests share one durable transaction. The first item enqueued in an
 * event-loop turn schedules a flush with setImmediate, so every request that arrived in the
 * same turn joins the batch (see ../shared/design/PERFORMANCE.md: one fsync per batch, not per
 * request). A batch is capped at maxBatch items; a full batch is flushed at once. Batches are
 * written one at a time, in order; items that arrive while a batch is being written form the next.
 *
 * Each enqueue() resolves only after its batch committed, and rejects with the write's error
 * when the batch failed, so a caller acknowledges nothing that is not durable.
 */
export type GroupCommitter<T> = {
  enqueue: (item: T) => Promise<void>
  /** Writes everything queued so far (and waits for the batch in progress). */
  flush: () => Promise<void>
  /** Flushes, then refuses new items. */
  close: () => Promise<void>
  /** Items waiting for the next batch. */
  readonly pending: number
}

export type GroupCommitOptions<T> = {
  /** Writes one batch in one transaction; may be synchronous (better-sqlite3) or async (pg). */
  write: (items: T[]) => void | Promise<void>
  maxBatch?: number
}

type Waiter<T> = { item: T; resolve: () => void; reject: (e: unknown) => void }

export class GroupCommitClosedError extends Error {
  constructor() {
    super('The group-commit writer is closed')
  }
}

export const createGroupCommitter = <T>(options: GroupCommitOptions<T>): GroupCommitter<T> => {
  const maxBatch = options.maxBatch ?? 1000
  let queue: Waiter<T>[] = []
  let scheduled = false
  let writing: Promise<void> | null = null
  let closed = false

  const runBatch = async (batch: Waiter<T>[]) => {
    try {
      await options.write(batch.map((w) => w.item))
      for (const w of batch) w.resolve()
    } catch (err) {
      for (const w of batch) w.reject(err)
    }
  }

  /** Writes batches until the queue is empty; only one runs at a time. */
  const drain = (): Promise<void> => {
    if (writing) return writing
    if (queue.length === 0) return Promise.resolve()
    const run = async () => {
      // Yield once so that `writing` is set before the loop can finish.
      await Promise.resolve()
      while (queue.length > 0) {
        const batch = queue.length <= maxBatch ? queue : queue.slice(0, maxBatch)
        queue = queue.length <= maxBatch ? [] : queue.slice(maxBatch)
        await runBatch(batch)
      }
      // Same synchronous step as the empty-queue check: an item enqueued later finds
      // writing === null and schedules its own drain.
      writing = null
    }
    writing = run()
    return writing
  }

  const schedule = () => {
    if (scheduled) return
    scheduled = true
    setImmediate(() => {
      scheduled = false
      void drain()
    })
  }

  return {
    enqueue: (item) =>
      new Promise<void>((resolve, reject) => {
        if (closed) return reject(new GroupCommitClosedError())
        queue.push({ item, resolve, reject })
        if (queue.length >= maxBatch && !writing) void drain()
        else schedule()
      }),
    flush: async () => {
      while (queue.length > 0 || writing) await drain()
    },
    close: async () => {
      closed = true
      while (queue.length > 0 || writing) await drain()
    },
    get pending() {
      return queue.length
    },
  }
}
