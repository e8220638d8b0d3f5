import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createBlobStore, sha256Of } from './blob-store'

const roots: string[] = []
const newStore = () => {
  const root = mkdtempSync(path.join(tmpdir(), 'uh-blobs-'))
  roots.push(root)
  return { root, store: createBlobStore(root) }
}
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true })
})

describe(createBlobStore.name, () => {
  it('stores bytes under their SHA-256 and reads them back', async () => {
    const { root, store } = newStore()
    const bytes = Buffer.from('hello blobs')

    const put = await store.put(bytes)

    expect(put).toEqual({ sha256: sha256Of(bytes), existed: false })
    expect(await store.read(put.sha256)).toEqual(bytes)
    expect(readdirSync(path.join(root, put.sha256.slice(0, 2)))).toEqual([put.sha256])
  })

  it('stores the same bytes once', async () => {
    const { root, store } = newStore()
    const bytes = Buffer.from('same bytes')

    await store.put(bytes)
    const again = await store.put(bytes)

    expect(again.existed).toBe(true)
    expect(readdirSync(path.join(root, again.sha256.slice(0, 2)))).toHaveLength(1)
  })

  it('answers null for a missing blob and refuses anything but a hex digest', async () => {
    const { store } = newStore()

    expect(await store.read('0'.repeat(64))).toBeNull()
    await expect(store.read('../../etc/passwd')).rejects.toThrow('SHA-256')
  })

  it('removes a blob no row needs, and says so; a missing blob is no error', async () => {
    const { root, store } = newStore()
    const { sha256 } = await store.put(Buffer.from('unused'))

    expect(await store.remove(sha256, async () => false)).toBe(true)

    expect(readdirSync(path.join(root, sha256.slice(0, 2)))).toEqual([])
    expect(await store.read(sha256)).toBeNull()
    expect(await store.remove(sha256, async () => false)).toBe(false)
  })

  it('puts the file back when a row names it again by the time it is set aside', async () => {
    const { root, store } = newStore()
    const bytes = Buffer.from('needed again')
    const { sha256 } = await store.put(bytes)
    let seenWhileAside: Buffer | null = null

    const removed = await store.remove(sha256, async () => {
      // A row that exists still reads its bytes while the file is aside.
      seenWhileAside = await store.read(sha256)
      return true
    })

    expect(removed).toBe(false)
    expect(seenWhileAside).toEqual(bytes)
    expect(readdirSync(path.join(root, sha256.slice(0, 2)))).toEqual([sha256])
  })

  it('finishes a removal a stopped run left aside', async () => {
    const { root, store } = newStore()
    const { sha256 } = await store.put(Buffer.from('left aside'))
    await expect(
      store.remove(sha256, async () => {
        throw new Error('stopped')
      }),
    ).rejects.toThrow('stopped')
    expect(readdirSync(path.join(root, sha256.slice(0, 2)))).toEqual([`${sha256}.removing`])

    expect(await store.remove(sha256, async () => false)).toBe(true)

    expect(readdirSync(path.join(root, sha256.slice(0, 2)))).toEqual([])
  })
})
