import type { Selectable } from 'kysely'
import type { ImageMime } from '@unionhall/contracts'

export type UploadTable = {
  id: string
  /** SHA-256 of the bytes (hex); names the file in the blob store. */
  sha256: string
  mime: ImageMime
  bytes: number
  width: number | null
  height: number | null
  uploaded_by_member_id: string | null
  org_id: string | null
  created_at: string
}

export type UploadTables = { upload: UploadTable }
export type UploadRow = Selectable<UploadTable>
