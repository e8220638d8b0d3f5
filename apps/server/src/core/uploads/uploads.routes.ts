import { IdSchema, IMAGE_WIDTHS, MAX_IMAGE_BYTES, UploadSchema } from '@unionhall/contracts'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError } from '../../platform/errors/app-error'
import { ctxOf } from '../access'
import * as svc from './uploads.service'
import { createVariantCache } from './variants'

const tags = ['uploads']
const WidthQuery = z
  .object({
    w: z
      .enum(IMAGE_WIDTHS.map(String) as [string, ...string[]], {
        error: `w must be one of ${IMAGE_WIDTHS.join(', ')}`,
      })
      .optional()
      .describe('Serve a copy at most this many pixels wide (never enlarged)'),
  })
  .strict()

/** An upload never changes (a new image is a new id), so it and its copies may be cached for good. */
const FOREVER = 'public, max-age=31536000, immutable'

const fileMissing = () =>
  new AppError('FILE_MISSING', 400, 'Send the image as multipart/form-data in the field "file"')

/** Image uploads. Mounted at /api/v1/uploads. */
export const uploadsRoutes: FastifyPluginAsyncZod<{
  deps: svc.UploadsDeps
  /** The platform's multipart limit; images are capped at the smaller of it and MAX_IMAGE_BYTES. */
  uploadLimit: number
}> = async (app, { deps, uploadLimit }) => {
  const fileSize = Math.min(MAX_IMAGE_BYTES, uploadLimit)
  const variants = createVariantCache({
    onError: (err) =>
      app.log.warn({ err }, 'an upload could not be resized; the original is served'),
  })

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Upload a JPEG, PNG or WebP image (multipart field "file", at most 5 MB)',
        consumes: ['multipart/form-data'],
        response: { 200: UploadSchema, 201: UploadSchema },
      },
      config: { access: 'member', rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw fileMissing()
      let bytes: Buffer
      try {
        // The per-request limit makes an oversize file fail with 413 FILE_TOO_LARGE while streaming.
        const file = await req.file({ limits: { fileSize, files: 1 } })
        if (!file) throw fileMissing()
        bytes = await file.toBuffer()
      } catch (e) {
        // Multipart's own limit errors carry a code the error handler maps; a body cut short
        // ("Unexpected end of form") carries none and is the client's mistake, not a 500.
        if (e instanceof AppError || (e as { code?: string }).code?.startsWith('FST_')) throw e
        throw new AppError('FILE_UNREADABLE', 400, 'The multipart body could not be read')
      }
      const { upload, created } = await svc.createUpload(deps, ctxOf(req), bytes)
      return reply.status(created ? 201 : 200).send(upload)
    },
  )

  app.get(
    '/:uploadId',
    {
      schema: {
        tags,
        summary:
          'An uploaded image, with its stored type (public: covers and photos are published); ' +
          '?w= serves a copy at most that wide for phones',
        params: z.object({ uploadId: IdSchema }),
        querystring: WidthQuery,
      },
      config: { access: 'public' },
    },
    async (req, reply) => {
      const file =
        req.query.w === undefined
          ? await svc.readUpload(deps, req.params.uploadId).then((f) => ({
              mime: f.mime,
              etag: f.sha256,
              bytes: f.bytes,
              busy: false,
            }))
          : await svc.readUploadAtWidth(deps, variants, req.params.uploadId, Number(req.query.w))
      const etag = `"${file.etag}"`
      reply
        .header('x-content-type-options', 'nosniff')
        // The original sent in place of a copy while the resizer is saturated is cached briefly,
        // so the copy replaces it once made.
        .header('cache-control', file.busy ? 'public, max-age=60' : FOREVER)
        .header('etag', etag)
        .header('content-disposition', 'inline')
      if (req.headers['if-none-match'] === etag) return reply.status(304).send()
      return reply.type(file.mime).send(file.bytes)
    },
  )
}
