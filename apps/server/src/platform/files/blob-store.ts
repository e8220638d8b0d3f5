import { createHash, randomUUID } from 'node:crypto'
import { constants } from 'node:fs'
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

const SHA256_HEX = /^[0-9a-f]{64}$/

/**
 * Content-addressed files on disk: a blob is stored once under its SHA-256
 * (`<root>/ab/abcdef…`), so uploading the same bytes again costs no space. Paths are built
 * only from a hash this store computed or checked, never from a client's name, so no
 * request can reach outside the root.
 */
export type BlobStore = {
  /** Stores the bytes (unless already there) and returns their SHA-256 in hex. */
  put: (bytes: Buffer) => Promise<{ sha256: string; existed: boolean }>
  /** The bytes of a stored blob, or null when the file is missing. */
  read: (sha256: string) => Promise<Buffer | null>
}

export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

export const createBlobStore = (root: string): BlobStore => {
  const fileOf = (sha256: string) => {
    if (!SHA256_HEX.test(sha256)) throw new Error('not a SHA-256 hex digest')
    return path.join(root, sha256.slice(0, 2), sha256)
  }
  const exists = async (file: string) => {
    try {
      await access(file, constants.F_OK)
      return true
    } catch {
      return false
    }
  }
  return {
    put: async (bytes) => {
      const sha256 = sha256Of(bytes)
      const file = fileOf(sha256)
      if (await exists(file)) return { sha256, existed: true }
      await mkdir(path.dirname(file), { recursive: true })
      // Write then rename: a reader never sees half a file, and two concurrent writers of the
      // same bytes both end with the same complete file.
      const tmp = `${file}.${randomUUID()}.tmp`
      try {
        await writeFile(tmp, bytes, { mode: 0o640 })
        await rename(tmp, file)
      } catch (e) {
        await rm(tmp, { force: true })
        throw e
      }
      return { sha256, existed: false }
    },
    read: async (sha256) => {
      try {
        return await readFile(fileOf(sha256))
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw e
      }
    },
  }
}
