import * as createUpload from './20261129T1352_uploads_create_upload'

export const uploadsMigrations = {
  '20261129T1352_uploads_create_upload': createUpload,
}
