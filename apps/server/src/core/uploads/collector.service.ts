import type { Db } from '../../platform/db/create-db'
import { withTransaction } from '../../platform/db/transaction'
import { systemCtx } from '../access'
import { recordAudit } from '../audit'
import * as repo from './uploads.repository'
import type { UploadsDeps } from './uploads.service'

/**
 * Lists the ids of every upload one module's rows refer to (as `uploadIdOf` gives them: an
 * image URL that is not one of our upload paths is no upload). It must cover every column of
 * the module that can hold an upload path: an upload it leaves out is deleted as an orphan.
 */
export type UploadReferenceLister = (db: Db) => Promise<Iterable<string>>

const listers = new Map<string, UploadReferenceLister>()

/**
 * Registers the uploads a module refers to, under the module's name (registering a name again
 * replaces it). core cannot read the business modules' tables, so each module that stores
 * upload paths tells the collector which uploads it keeps; app.ts registers them.
 */
export const registerUploadReferences = (name: string, list: UploadReferenceLister) => {
  listers.set(name, list)
}

/** The names registered so far (tests check that every module storing uploads is one). */
export const uploadReferenceNames = () => [...listers.keys()].sort()

/** Every upload id some module refers to: the union of the registered listers. */
export const listReferencedUploadIds = async (db: Db): Promise<Set<string>> => {
  const ids = new Set<string>()
  for (const list of listers.values()) for (const id of await list(db)) ids.add(id)
  return ids
}

const HOUR_MS = 3_600_000
const BATCH = 500

export type CollectResult = { examined: number; deleted: number; blobsRemoved: number }

/**
 * Deletes uploads nothing refers to (docs/adr/0027-orphan-upload-collection.md): a photo picked
 * in a form that was abandoned, or replaced by another. app.ts runs it every 6 hours; tests
 * call it by hand.
 *
 * An upload is a candidate when it was created more than `graceHours` ago and not referenced
 * since (`last_referenced_at`, set by requireUploadsExist before every save and by a repeat
 * upload of the same bytes). Candidates no registered lister names are deleted in batches: per
 * batch, the rows and one `upload.deleted` audit record in one transaction, the delete checking
 * the candidate condition again (a save that checked an upload since keeps it). Files go after
 * the commit, each only when no row names its hash any more; a crash in between leaves an
 * unreferenced file, never a row without its file. A file already missing is no error.
 * Idempotent, and safe with several app processes running it (each runs its own copy).
 */
export const collectOrphanUploads = async (
  deps: UploadsDeps,
  now: Date,
  { graceHours = 24, batchSize = BATCH }: { graceHours?: number; batchSize?: number } = {},
): Promise<CollectResult> => {
  // With no lister registered (a script that did not build the app) every old upload would
  // look orphaned.
  if (listers.size === 0)
    throw new Error('No upload reference listers are registered; refusing to delete uploads')
  const ctx = systemCtx(now)
  const cutoff = new Date(now.getTime() - graceHours * HOUR_MS).toISOString()
  // Read once, before the batches: a reference saved after this read was checked by
  // requireUploadsExist, whose mark the delete's condition sees.
  const referenced = await listReferencedUploadIds(deps.db)
  const result: CollectResult = { examined: 0, deleted: 0, blobsRemoved: 0 }

  let after: { created_at: string; id: string } | null = null
  for (;;) {
    const batch = await repo.findCollectableUploads(deps.db, cutoff, after, batchSize)
    if (batch.length === 0) break
    result.examined += batch.length
    after = batch[batch.length - 1]!
    const orphanIds = batch.filter((u) => !referenced.has(u.id)).map((u) => u.id)
    if (orphanIds.length > 0) {
      const deleted = await withTransaction(deps.db, async (trx) => {
        const rows = await repo.deleteCollectableUploads(trx, orphanIds, cutoff)
        if (rows.length > 0)
          await recordAudit(trx, ctx, {
            action: 'upload.deleted',
            targetType: 'upload',
            targetId: null,
            orgId: null,
            summary: {
              count: rows.length,
              ids: rows.map((r) => r.id).sort(),
              graceHours,
            },
          })
        return rows
      })
      result.deleted += deleted.length
      for (const sha256 of new Set(deleted.map((r) => r.sha256))) {
        // Two members' uploads of the same bytes share one file: it goes with the last row.
        if (await deps.blobs.remove(sha256, () => repo.isShaInUse(deps.db, sha256)))
          result.blobsRemoved++
      }
    }
    if (batch.length < batchSize) break
  }
  return result
}
