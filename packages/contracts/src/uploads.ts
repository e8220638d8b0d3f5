import { z } from 'zod'
import { IdSchema, TimestampSchema } from './common'

/**
 * Image uploads (campaign covers, nomination photos). The server checks the bytes, never the
 * file name or the Content-Type the client claims, and serves an upload back at UPLOAD_URL_PREFIX + id.
 */
export const IMAGE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export const ImageMimeSchema = z.enum(IMAGE_MIME_TYPES)
export type ImageMime = z.infer<typeof ImageMimeSchema>

/** Largest image accepted, in bytes (5 MB). */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024
/** Largest side and area accepted, read from the image header (a decompression-bomb guard). */
export const MAX_IMAGE_SIDE = 12_000
export const MAX_IMAGE_PIXELS = 50_000_000

export const UPLOAD_URL_PREFIX = '/api/v1/uploads/'

/**
 * Widths an upload can be served at (`?w=`), for phones on slow networks: a 5 MB camera photo
 * shown 360 CSS pixels wide needs a few tens of kB. A fixed list bounds the variants a server
 * computes and caches, so nobody can make it resize one image to every width.
 */
export const IMAGE_WIDTHS = [320, 640, 960, 1280] as const
export type ImageWidth = (typeof IMAGE_WIDTHS)[number]

export const UploadSchema = z.object({
  id: IdSchema,
  /** Where the image is served: /api/v1/uploads/<id>. */
  url: z.string(),
  mime: ImageMimeSchema,
  bytes: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  createdAt: TimestampSchema,
})
export type Upload = z.infer<typeof UploadSchema>

const UPLOAD_PATH =
  /^\/api\/v1\/uploads\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** True for the path of one of our own uploads, /api/v1/uploads/<uuid>. */
export const isUploadPath = (value: string) => UPLOAD_PATH.test(value)

/** The upload id in an upload path, or null for any other URL. */
export const uploadIdOf = (value: string): string | null =>
  isUploadPath(value) ? value.slice(UPLOAD_URL_PREFIX.length).toLowerCase() : null

const HttpsUrlSchema = z.url({ protocol: /^https$/ })
const isHttpsUrl = (value: string) => HttpsUrlSchema.safeParse(value).success

/**
 * A link to a page elsewhere (a candidate's video on a video site): an absolute http(s) URL.
 * Other schemes (javascript:, data:, file:) are refused: the link is stored and rendered as an
 * <a href> on public pages.
 */
export const WebLinkSchema = z
  .url({ protocol: /^https?$/ })
  .trim()
  .max(500)

/** True for a link WebLinkSchema accepts (pages check stored links again before rendering them). */
export const isWebLink = (value: string) => WebLinkSchema.safeParse(value).success

/**
 * An image reference: one of our uploads (/api/v1/uploads/<id>) or an absolute https URL.
 * Other schemes (http, data:, javascript:) are refused, so a stored link is always safe to render.
 */
export const ImageUrlSchema = z
  .string()
  .trim()
  .max(500)
  .refine((v) => isUploadPath(v) || isHttpsUrl(v), {
    message: 'must be an https:// URL or an upload path /api/v1/uploads/<id>',
  })
