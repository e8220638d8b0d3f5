import { describe, expect, it } from 'vitest'
import { createGroupCommitter, GroupCommitClosedError } from './group-commit'

const tick = () => new Promise((r) => setImmediate(r))

describe('createGroupCommitter', () => {
  it('writes everything enqueued in one event-loop turn as one batch', async () => {
    const batches: number[][] = []
    const gc = createGroupCommitter<number>({ write: (items) => void batches.push(items) })

    await Promise.all([1, 2, 3].map((n) => gc.enqueue(n)))
    await gc.enqueue(4)

    expect(batches).toEqual([[1, 2, 3], [4]])
  })

  it('caps a batch at maxBatch and keeps going after a full batch (no stale writer)', async () => {
    const batches: number[][] = []
    const gc = createGroupCommitter<number>({
      write: (items) => void batches.push(items),
      maxBatch: 3,
    })

    await Promise.all([1, 2, 3, 4, 5, 6, 7].map((n) => gc.enqueue(n)))
    await tick()
    await tick()
    // A full batch flushed at once must not leave the writer stuck for later items.
    await gc.enqueue(8)

    expect(batches.flat()).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(Math.max(...batches.map((b) => b.length))).toBe(3)
  })

  it('resolves a request only after its batch was written, and rejects the whole batch on failure', async () => {
    let release!: () => void
    const written: number[] = []
    let fail = true
    const gc = createGroupCommitter<number>({
      write: async (items) => {
        await new Promise<void>((r) => (release = r))
        if (fail) throw new Error('disk full')
        written.push(...items)
      },
    })
    let settled = false
    const a = gc.enqueue(1).finally(() => (settled = true))
    const b = gc.enqueue(2)
    await tick()
    expect(settled).toBe(false)
    release()
    await expect(a).rejects.toThrow('disk full')
    await expect(b).rejects.toThrow('disk full')

    fail = false
    const c = gc.enqueue(3)
    await tick()
    // Items arriving while a batch is being written form the next batch.
    const d = gc.enqueue(4)
    release()
    await c
    await tick()
    release()
    await d
    expect(written).toEqual([3, 4])
  })

  it('flushes on close and refuses later items', async () => {
    const written: number[] = []
    const gc = createGroupCommitter<number>({ write: (items) => void written.push(...items) })
    const p = gc.enqueue(1)
    await gc.close()
    await p
    expect(written).toEqual([1])
    await expect(gc.enqueue(2)).rejects.toBeInstanceOf(GroupCommitClosedError)
  })
})
