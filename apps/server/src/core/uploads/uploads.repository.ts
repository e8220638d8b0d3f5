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

export const findExistingUploadIds = async (db: Db, ids: string[]): Promise<string[]> =>
  ids.length === 0
    ? []
    : (await q(db).selectFrom('upload').select('id').where('id', 'in', ids).execute()).map(
        (r) => r.id,
      )

export const insertUpload = async (db: Db, row: UploadTable) => {
  await q(db).insertInto('upload').values(row).execute()
}
