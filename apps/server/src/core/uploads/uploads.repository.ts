import { type Db, typed } from '../../platform/db/create-db'
import type { UploadRow, UploadTable, UploadTables } from './uploads.tables'

const q = (db: Db) => typed<UploadTables>(db)

export const findUploadById = (db: Db, id: string): Promise<UploadRow | undefined> =>
  q(db).selectFrom('upload').selectAll().where('id', '=', id).executeTakeFirst()

/** The member's earlier upload of the same bytes, if any (a repeat upload reuses it). */
export const findUploadBySha = (
  db: Db,
  sha256: string,
  memberId: string,
): Promise<UploadRow | undefined> =>
  q(db)
    .selectFrom('upload')
    .selectAll()
    .where('sha256', '=', sha256)
    .where('uploaded_by_member_id', '=', memberId)
    .orderBy('created_at')
    .executeTakeFirst()

/**
 * Sets last_referenced_at on the uploads that exist among ids and returns their ids. One
 * UPDATE … RETURNING, not a SELECT then an UPDATE: an upload the collector deleted in between
 * is not returned (so the caller refuses the reference), and on PostgreSQL the row lock it takes
 * makes a concurrent collector's conditional DELETE see the new time and keep the row.
 */
export const touchUploads = async (db: Db, ids: string[], at: string): Promise<string[]> =>
  ids.length === 0
    ? []
    : (
        await q(db)
          .updateTable('upload')
          .set({ last_referenced_at: at })
          .where('id', 'in', ids)
          .returning('id')
          .execute()
      ).map((r) => r.id)

export type CollectableUpload = Pick<UploadRow, 'id' | 'sha256' | 'created_at'>

/**
 * Up to `limit` uploads created before `cutoff` and not referenced since, oldest first, after
 * the (created_at, id) of the previous batch (keyset paging on upload_created_at_idx).
 */
export const findCollectableUploads = (
  db: Db,
  cutoff: string,
  after: { created_at: string; id: string } | null,
  limit: number,
): Promise<CollectableUpload[]> =>
  q(db)
    .selectFrom('upload')
    .select(['id', 'sha256', 'created_at'])
    .where('created_at', '<', cutoff)
    .where((eb) =>
      eb.or([eb('last_referenced_at', 'is', null), eb('last_referenced_at', '<', cutoff)]),
    )
    .$if(after !== null, (qb) =>
      qb.where((eb) =>
        eb(eb.refTuple('created_at', 'id'), '>', eb.tuple(after!.created_at, after!.id)),
      ),
    )
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute()

/**
 * Deletes those of ids that are still collectable (created and last referenced before
 * `cutoff`) and returns what it deleted. The condition is checked again here, in the delete:
 * a module that checked one of them since the batch was read (requireUploadsExist sets
 * last_referenced_at) has a save under way, and that upload stays.
 */
export const deleteCollectableUploads = async (
  db: Db,
  ids: string[],
  cutoff: string,
): Promise<Pick<UploadRow, 'id' | 'sha256'>[]> =>
  ids.length === 0
    ? []
    : q(db)
        .deleteFrom('upload')
        .where('id', 'in', ids)
        .where('created_at', '<', cutoff)
        .where((eb) =>
          eb.or([eb('last_referenced_at', 'is', null), eb('last_referenced_at', '<', cutoff)]),
        )
        .returning(['id', 'sha256'])
        .execute()

/** Whether any upload row still names these bytes (equal uploads by two members share a file). */
export const isShaInUse = async (db: Db, sha256: string): Promise<boolean> =>
  (await q(db)
    .selectFrom('upload')
    .select('id')
    .where('sha256', '=', sha256)
    .limit(1)
    .executeTakeFirst()) !== undefined

export const insertUpload = async (db: Db, row: UploadTable) => {
  await q(db).insertInto('upload').values(row).execute()
}
