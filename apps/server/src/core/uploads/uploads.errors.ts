import { MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE } from '@unionhall/contracts'
import { AppError } from '../../platform/errors/app-error'

export const uploadErrors = {
  typeUnsupported: () =>
    new AppError(
      'UPLOAD_TYPE_UNSUPPORTED',
      415,
      'Only JPEG, PNG and WebP images can be uploaded (checked by content, not by name)',
    ),
  imageUnreadable: () =>
    new AppError('UPLOAD_IMAGE_UNREADABLE', 400, 'The image header could not be read'),
  dimensionsTooLarge: (width: number, height: number) =>
    new AppError(
      'UPLOAD_DIMENSIONS_TOO_LARGE',
      400,
      `The image is ${width}×${height} pixels; at most ${MAX_IMAGE_SIDE} a side and ${MAX_IMAGE_PIXELS} in all`,
      { width, height, maxSide: MAX_IMAGE_SIDE, maxPixels: MAX_IMAGE_PIXELS },
    ),
  notFound: (id: string) => new AppError('UPLOAD_NOT_FOUND', 404, `Upload ${id} not found`, { id }),
  referenceMissing: (urls: string[]) =>
    new AppError(
      'UPLOAD_REFERENCE_MISSING',
      400,
      'An image refers to an upload that does not exist',
      {
        urls,
      },
    ),
}
