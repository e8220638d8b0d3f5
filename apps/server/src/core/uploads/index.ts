/**
 * Uploads: images members upload (campaign covers, nomination and candidate photos, station
 * photos, wish delivery photos), stored by content hash; unreferenced ones are collected.
 * Owns table: upload.
 */
export { uploadIdOf } from '@unionhall/contracts'
export { requireUploadsExist, type UploadsDeps } from './uploads.service'
export {
  collectOrphanUploads,
  registerUploadReferences,
  type CollectResult,
  type UploadReferenceLister,
} from './collector.service'
export { uploadsRoutes } from './uploads.routes'
export { uploadsMigrations } from './migrations'
