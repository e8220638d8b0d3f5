import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { createVariantCache } from './variants'

const jpeg = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#2a6' } })
    .jpeg()
    .toBuffer()

/** A read the test releases by hand, to hold resizes in flight. */
const gate = (bytes: Buffer) => {
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  let calls = 0
  return {
    read: async () => {
      calls++
      await opened
      return bytes
    },
    open,
    calls: () => calls,
  }
}

describe('resized copies of uploads', () => {
  it('makes one copy for concurrent requests of the same image and width', async () => {
    const cache = createVariantCache()
    const g = gate(await jpeg(800, 600))

    const both = Promise.all([
      cache.get('a', 'image/jpeg', 320, g.read),
      cache.get('a', 'image/jpeg', 320, g.read),
    ])
    g.open()
    const [x, y] = await both

    expect(g.calls()).toBe(1)
    expect(x).toBe(y)
    expect(x.kind === 'variant' && [x.image.width, x.image.height]).toEqual([320, 240])
  })

  it('answers busy instead of queueing without bound, and serves again once a slot frees', async () => {
    const cache = createVariantCache({ concurrency: 1, maxQueued: 1 })
    const g = gate(await jpeg(700, 100))

    const running = cache.get('a', 'image/jpeg', 320, g.read)
    const queued = cache.get('b', 'image/jpeg', 320, g.read)
    const refused = await cache.get('c', 'image/jpeg', 320, g.read)
    expect(refused.kind).toBe('busy')
    g.open()

    expect((await running).kind).toBe('variant')
    expect((await queued).kind).toBe('variant')
    expect((await cache.get('c', 'image/jpeg', 320, g.read)).kind).toBe('variant')
    expect(cache.stats()).toMatchObject({ running: 0, waiting: 0 })
  })

  it('forgets the least recently used copies past its byte budget', async () => {
    const bytes = await jpeg(900, 900)
    const one = await createVariantCache().get('x', 'image/jpeg', 640, async () => bytes)
    const size = one.kind === 'variant' ? one.image.bytes.length : 0
    expect(size).toBeGreaterThan(0)
    const cache = createVariantCache({ maxBytes: size * 2 + 10 })
    const read = async () => bytes

    await cache.get('a', 'image/jpeg', 640, read)
    await cache.get('b', 'image/jpeg', 640, read)
    await cache.get('a', 'image/jpeg', 640, read) // a is now the most recently used
    await cache.get('c', 'image/jpeg', 640, read)
    await new Promise((resolve) => setImmediate(resolve))

    expect(cache.stats()).toMatchObject({ entries: 2 })
    let reads = 0
    await cache.get('a', 'image/jpeg', 640, async () => (reads++, bytes))
    expect(reads).toBe(0)
    await cache.get('b', 'image/jpeg', 640, async () => (reads++, bytes))
    expect(reads).toBe(1)
  })

  it('answers the original when the bytes cannot be decoded, and reports why', async () => {
    const errors: unknown[] = []
    const cache = createVariantCache({ onError: (e) => errors.push(e) })
    const broken = Buffer.concat([(await jpeg(900, 900)).subarray(0, 300)])

    const answer = await cache.get('z', 'image/jpeg', 320, async () => broken)

    expect(answer.kind).toBe('original')
    expect(errors).toHaveLength(1)
  })
})
