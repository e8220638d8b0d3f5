import {
  MAX_IMAGE_PIXELS,
  MAX_IMAGE_SIDE,
  UPLOAD_URL_PREFIX,
  uploadIdOf,
  type Upload,
} from '@unionhall/contracts'
import { uuidv7 } from 'uuidv7'
import type { Db } from '../../platform/db/create-db'
import { withTransaction } from '../../platform/db/transaction'
import type { BlobStore } from '../../platform/files/blob-store'
import { detectImage, isWholeImage } from '../../platform/files/detect'
import { stripImageMetadata } from '../../platform/files/image-metadata'
import { requireActor, type Ctx } from '../access'
import { recordAudit } from '../audit'
import { uploadErrors } from './uploads.errors'
import type { VariantCache } from './variants'
import * as repo from './uploads.repository'
import type { UploadRow } from './uploads.tables'

export type UploadsDeps = { db: Db; blobs: BlobStore }

const toUpload = (r: UploadRow): Upload => ({
  id: r.id,
  url: `${UPLOAD_URL_PREFIX}${r.id}`,
  mime: r.mime,
  bytes: r.bytes,
  width: r.width,
  height: r.height,
  createdAt: r.created_at,
})

/**
 * Stores an image a signed-in member uploads. The type comes from the bytes (JPEG, PNG, WebP);
 * the size in pixels from the header, so a small file that would decode to a huge bitmap is
 * refused before any browser tries. The same member uploading the same bytes again gets the
 * earlier upload back (created: false) and nothing new is written. Metadata (EXIF with GPS
 * position, XMP, text chunks) is removed before storing; the EXIF orientation is kept.
 * @throws AUTH_REQUIRED, UPLOAD_TYPE_UNSUPPORTED, UPLOAD_IMAGE_UNREADABLE, UPLOAD_DIMENSIONS_TOO_LARGE
 */
export const createUpload = async (
  deps: UploadsDeps,
  ctx: Ctx,
  received: Buffer,
): Promise<{ upload: Upload; created: boolean }> => {
  const actor = requireActor(ctx)
  const image = detectImage(received)
  if (!image) throw uploadErrors.typeUnsupported()
  const { width, height } = image
  if (width === null || height === null || width === 0 || height === 0)
    throw uploadErrors.imageUnreadable()
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS)
    throw uploadErrors.dimensionsTooLarge(width, height)
  // Checked by the whole content, not the first bytes: a header followed by anything else
  // (a page of HTML, nothing) is not an image.
  if (!isWholeImage(received, image)) throw uploadErrors.imageUnreadable()
  // What is stored and served has no EXIF, XMP or text metadata: a phone photo carries where
  // it was taken (a worker's home, for a fulfilled wish).
  const bytes = stripImageMetadata(received, image.mime)

  // The file is written before the row: a failed transaction leaves at most an unreferenced
  // blob (harmless, and reused by the next upload of the same bytes), never a row without a file.
  const { sha256 } = await deps.blobs.put(bytes)
  const nowIso = ctx.now.toISOString()
  const earlier = await repo.findUploadBySha(deps.db, sha256, actor.memberId)
  // The earlier upload may be old and unreferenced, a candidate for the orphan collector: the
  // member is about to use it, so it counts as referenced now. Collected in between, it is
  // not returned, and a new upload is stored below.
  if (earlier && (await repo.touchUploads(deps.db, [earlier.id], nowIso)).length === 1) {
    await deps.blobs.put(bytes) // see below
    return { upload: toUpload(earlier), created: false }
  }

  const row: UploadRow = {
    id: uuidv7(),
    sha256,
    mime: image.mime,
    bytes: bytes.length,
    width,
    height,
    uploaded_by_member_id: actor.memberId,
    org_id: actor.orgId,
    created_at: nowIso,
    last_referenced_at: null,
  }
  await withTransaction(deps.db, async (trx) => {
    await repo.insertUpload(trx, row)
    await recordAudit(trx, ctx, {
      action: 'upload.created',
      targetType: 'upload',
      targetId: row.id,
      orgId: row.org_id,
      summary: { after: { sha256, mime: row.mime, bytes: row.bytes, width, height } },
    })
  })
  // The orphan collector removes a file once no row names its hash. If it removed this one
  // after the put above found it present (the same bytes uploaded earlier, then collected)
  // and before this row committed, the file is written again; the collector's own second look
  // (blob-store remove) covers the other order.
  await deps.blobs.put(bytes)
  return { upload: toUpload(row), created: true }
}

/**
 * An upload's bytes and type, for serving. Uploads are campaign covers and candidate photos
 * shown on public pages, so reading needs no session (docs/adr/0010-image-uploads.md).
 * @throws UPLOAD_NOT_FOUND
 */
export const readUpload = async (deps: UploadsDeps, id: string) => {
  const row = await repo.findUploadById(deps.db, id)
  if (!row) throw uploadErrors.notFound(id)
  const bytes = await deps.blobs.read(row.sha256)
  if (!bytes) throw uploadErrors.notFound(id)
  return { mime: row.mime, sha256: row.sha256, bytes }
}

/**
 * An upload at most `width` pixels wide, for phones (ADR 0032): the resized copy, or the
 * original when it is no wider or the resizer is saturated (`busy`: the caller must not let it
 * be cached for good under the width's URL).
 * @throws UPLOAD_NOT_FOUND
 */
export const readUploadAtWidth = async (
  deps: UploadsDeps,
  variants: VariantCache,
  id: string,
  width: number,
) => {
  const row = await repo.findUploadById(deps.db, id)
  if (!row) throw uploadErrors.notFound(id)
  const answer = await variants.get(row.sha256, row.mime, width, () => deps.blobs.read(row.sha256))
  if (answer.kind === 'variant')
    return {
      mime: answer.image.mime,
      etag: `${row.sha256}-w${width}`,
      bytes: answer.image.bytes,
      busy: false,
    }
  const bytes = await deps.blobs.read(row.sha256)
  if (!bytes) throw uploadErrors.notFound(id)
  return { mime: row.mime, etag: row.sha256, bytes, busy: answer.kind === 'busy' }
}

/**
 * Checks that every upload path among the image URLs names a stored upload; https URLs pass
 * as they are. Modules call it before saving image references, with the transaction that saves
 * them where they have one. It also marks the uploads referenced at `ctx.now` (the caller's
 * time; now when no context is given): the orphan collector leaves an upload alone for its
 * grace period after that, so it never deletes one between this check and the save.
 * @throws UPLOAD_REFERENCE_MISSING
 */
export const requireUploadsExist = async (
  db: Db,
  urls: readonly string[],
  ctx?: Pick<Ctx, 'now'>,
) => {
  const ids = [...new Set(urls.map(uploadIdOf).filter((id): id is string => id !== null))]
  if (ids.length === 0) return
  const at = (ctx?.now ?? new Date()).toISOString()
  const found = new Set(await repo.touchUploads(db, ids, at))
  const missing = urls.filter((u) => {
    const id = uploadIdOf(u)
    return id !== null && !found.has(id)
  })
  if (missing.length > 0) throw uploadErrors.referenceMissing(missing)
}
