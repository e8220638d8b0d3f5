import { createHash, randomUUID } from 'node:crypto'
import { constants } from 'node:fs'
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

const SHA256_HEX = /^[0-9a-f]{64}$/

const isMissing = (e: unknown) => (e as NodeJS.ErrnoException).code === 'ENOENT'

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
  /**
   * Deletes a blob unless `stillNeeded` (asked after the file is set aside) says a row names it
   * again; then the file is put back. Returns whether a file was deleted (false when it was
   * missing or still needed). See `remove` below for why it is set aside first.
   */
  remove: (sha256: string, stillNeeded: () => Promise<boolean>) => Promise<boolean>
}

export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

export const createBlobStore = (root: string): BlobStore => {
  const fileOf = (sha256: string) => {
    if (!SHA256_HEX.test(sha256)) throw new Error('not a SHA-256 hex digest')
    return path.join(root, sha256.slice(0, 2), sha256)
  }
  const asideOf = (file: string) => `${file}.removing`
  const readIfThere = async (file: string) => {
    try {
      return await readFile(file)
    } catch (e) {
      if (isMissing(e)) return null
      throw e
    }
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
      const file = fileOf(sha256)
      // A file set aside by remove() is still the bytes of a row that exists, until it is gone.
      return (await readIfThere(file)) ?? (await readIfThere(asideOf(file)))
    },
    // The file is renamed aside before the last look at the rows, not deleted after it: an
    // upload of the same bytes stores its row after put() found the file present, so a check
    // then an unlink could delete the file under a row committed in between. Set aside, a row
    // committed before the look gets its file back; one committed after it finds the file gone
    // when createUpload checks again after its commit, and writes it anew.
    remove: async (sha256, stillNeeded) => {
      const file = fileOf(sha256)
      const aside = asideOf(file)
      try {
        await rename(file, aside)
      } catch (e) {
        if (!isMissing(e)) throw e
        // Missing, or left aside by a run that stopped half-way: finish that one.
        if (!(await exists(aside))) return false
      }
      if (await stillNeeded()) {
        try {
          await rename(aside, file)
        } catch (e) {
          if (!isMissing(e)) throw e
        }
        return false
      }
      await rm(aside, { force: true })
      return true
    },
  }
}
