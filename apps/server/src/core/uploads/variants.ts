import { MAX_IMAGE_PIXELS } from '@unionhall/contracts'
import type { ImageMime } from '../../platform/files/detect'
import { resizeImage, type ResizedImage } from '../../platform/files/image-resize'

/**
 * The resized copies of uploads (ADR 0032), computed on first request and kept in memory as
 * encoded bytes. An upload never changes (a new image is a new id), so a copy is valid for the
 * life of the process, and browsers, nginx and WeChat's cache keep it too (immutable): the
 * server resizes each (image, width) about once per start.
 *
 * Why memory and not the blob store: a copy can always be made again from the original, and the
 * orphan collector would have to learn about derived files. 32 MB holds a few thousand phone-sized
 * copies, enough for every cover and candidate photo of a busy campaign.
 */
export type VariantAnswer =
  | { kind: 'variant'; image: ResizedImage }
  /** The original is no wider than asked (or could not be decoded): send it as it is. */
  | { kind: 'original' }
  /** Too many resizes queued: send the original now, and do not let it be cached for good. */
  | { kind: 'busy' }

type Entry = { bytes: number; answer: Promise<VariantAnswer> }

export type VariantCacheOptions = {
  maxBytes?: number
  /** Resizes running at once (each uses one libvips thread). */
  concurrency?: number
  /** Requests waiting for a resize slot beyond which the original is answered instead. */
  maxQueued?: number
  onError?: (err: unknown) => void
}

export const createVariantCache = (options: VariantCacheOptions = {}) => {
  const maxBytes = options.maxBytes ?? 32 * 1024 * 1024
  const concurrency = options.concurrency ?? 2
  const maxQueued = options.maxQueued ?? 64
  // Map order is insertion order; a hit is moved to the end, so the first key is the least
  // recently used.
  const entries = new Map<string, Entry>()
  let total = 0
  let running = 0
  const waiting: Array<() => void> = []

  const evict = () => {
    for (const [key, e] of entries) {
      if (total <= maxBytes) break
      entries.delete(key)
      total -= e.bytes
    }
  }

  const slot = async () => {
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve))
    running++
  }
  const release = () => {
    running--
    waiting.shift()?.()
  }

  const compute = async (
    read: () => Promise<Buffer | null>,
    mime: ImageMime,
    width: number,
  ): Promise<VariantAnswer> => {
    await slot()
    try {
      const original = await read()
      if (!original) return { kind: 'original' }
      const image = await resizeImage(original, mime, width, MAX_IMAGE_PIXELS)
      return image ? { kind: 'variant', image } : { kind: 'original' }
    } catch (err) {
      // Accepted at upload (type and size checked by content) but libvips cannot decode it:
      // the original is still what the uploader sent, so it is served rather than an error.
      options.onError?.(err)
      return { kind: 'original' }
    } finally {
      release()
    }
  }

  return {
    /**
     * The copy of the upload with content hash `sha256` at `width`, made once and shared by
     * concurrent requests. `read` loads the original's bytes.
     */
    get(
      sha256: string,
      mime: ImageMime,
      width: number,
      read: () => Promise<Buffer | null>,
    ): Promise<VariantAnswer> {
      const key = `${sha256}:${width}`
      const hit = entries.get(key)
      if (hit) {
        entries.delete(key)
        entries.set(key, hit)
        return hit.answer
      }
      if (running >= concurrency && waiting.length >= maxQueued)
        return Promise.resolve({ kind: 'busy' })
      const entry: Entry = { bytes: 0, answer: compute(read, mime, width) }
      entries.set(key, entry)
      void entry.answer.then((answer) => {
        if (entries.get(key) !== entry) return
        // An 'original' answer costs a few bytes to remember and saves decoding the image again.
        entry.bytes = answer.kind === 'variant' ? answer.image.bytes.length : 64
        total += entry.bytes
        evict()
      })
      return entry.answer
    },
    /** For tests and metrics. */
    stats: () => ({ entries: entries.size, bytes: total, running, waiting: waiting.length }),
  }
}

export type VariantCache = ReturnType<typeof createVariantCache>
