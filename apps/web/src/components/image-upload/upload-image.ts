import { IMAGE_MIME_TYPES, MAX_IMAGE_BYTES, type Upload, UploadSchema } from '@unionhall/contracts'
import type { TFunction } from 'i18next'
import { apiRequest } from '../../lib/api-client'
import { ApiError } from '../../lib/api-error'
import { errorMessage } from '../../lib/error-message'

/** The `accept` of a file input for images the server takes. */
export const IMAGE_ACCEPT = IMAGE_MIME_TYPES.join(',')

const isImageMime = (type: string): boolean =>
  (IMAGE_MIME_TYPES as readonly string[]).includes(type)

/**
 * What the browser can tell before sending: size and claimed type. The server checks the bytes
 * anyway; this only spares a slow upload on a phone that is bound to be refused.
 */
export const precheckImage = (file: Blob): ApiError | null => {
  if (file.size > MAX_IMAGE_BYTES)
    return new ApiError('FILE_TOO_LARGE', 413, 'The file is too large', {
      maxBytes: MAX_IMAGE_BYTES,
    })
  if (file.type && !isImageMime(file.type))
    return new ApiError('UPLOAD_TYPE_UNSUPPORTED', 415, 'Only JPEG, PNG or WebP images')
  return null
}

/** Uploads one image (POST /api/v1/uploads, multipart field "file") and returns the stored upload. */
export const uploadImage = async (file: File, signal?: AbortSignal): Promise<Upload> => {
  const refused = precheckImage(file)
  if (refused) throw refused
  const formData = new FormData()
  formData.append('file', file, file.name)
  return apiRequest('/uploads', { method: 'POST', formData, schema: UploadSchema, signal })
}

/** The message for a failed upload; the size limit is spelled out rather than "too large". */
export const uploadErrorMessage = (t: TFunction, error: unknown): string =>
  error instanceof ApiError && error.code === 'FILE_TOO_LARGE'
    ? t('common.imageUpload.tooLarge', { mb: MAX_IMAGE_BYTES / 1024 / 1024 })
    : errorMessage(t, error)
