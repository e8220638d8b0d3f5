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
  /**
   * When a module last checked this upload before saving a reference to it
   * (requireUploadsExist), or a member got it back for the same bytes; the orphan collector
   * leaves an upload alone for the grace period after this, as after created_at.
   */
  last_referenced_at: string | null
}

export type UploadTables = { upload: UploadTable }
export type UploadRow = Selectable<UploadTable>
