/** Uploads: images members upload (campaign covers, nomination photos), stored by content hash. Owns table: upload. */
export { requireUploadsExist, type UploadsDeps } from './uploads.service'
export { uploadsRoutes } from './uploads.routes'
export { uploadsMigrations } from './migrations'
