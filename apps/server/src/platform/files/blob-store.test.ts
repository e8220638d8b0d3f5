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
})
