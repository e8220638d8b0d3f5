import * as createUpload from './20261129T1352_uploads_create_upload'
import * as lastReferenced from './20261130T2000_uploads_last_referenced'

export const uploadsMigrations = {
  '20261129T1352_uploads_create_upload': createUpload,
  '20261130T2000_uploads_last_referenced': lastReferenced,
}
