import sharp from 'sharp'
import type { ImageMime } from './detect'

/**
 * Smaller copies of uploaded images for phones (ADR 0032). Workers open campaign covers,
 * candidate photos and station photos on cheap phones over slow networks; a camera photo is
 * several MB where a 640-pixel copy is a few tens of kB.
 *
 * Decisions:
 * - libvips through sharp (prebuilt for each platform from the npm registry, no build step):
 *   it decodes JPEG, PNG and WebP in a streaming way, so a large photo does not become one
 *   big JavaScript buffer, and it runs off the event loop in libuv's thread pool.
 * - The copy keeps the original's format (JPEG stays JPEG…): every browser that showed the
 *   original shows the copy, WeChat's included.
 * - The EXIF orientation is applied (`rotate()`), since the copy carries no metadata, as
 *   sharp writes none unless asked: the stored original keeps its orientation tag only.
 * - Never enlarged: an image narrower than the width asked is answered as it is (null here).
 * - One libvips thread per resize: the server has two cores and the event loop needs one.
 */
sharp.concurrency(1)
// libvips' own operation cache would keep decoded pixels of recent images; the variants are
// cached as encoded bytes by the caller instead.
sharp.cache(false)

export type ResizedImage = { bytes: Buffer; mime: ImageMime; width: number; height: number }

/** JPEG quality for the copies: the usual web compromise; faces and text stay clean at 78. */
const JPEG_QUALITY = 78
const WEBP_QUALITY = 75

/**
 * A copy of `bytes` at most `width` pixels wide (after orientation), or null when the image is
 * already that narrow. The input was checked at upload (type by content, dimension limits);
 * `maxPixels` repeats the decompression-bomb guard for libvips.
 */
export const resizeImage = async (
  bytes: Buffer,
  mime: ImageMime,
  width: number,
  maxPixels: number,
): Promise<ResizedImage | null> => {
  const image = sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error' }).rotate()
  const meta = await image.metadata()
  // Orientations 5–8 swap width and height.
  const upright = meta.orientation !== undefined && meta.orientation >= 5 ? meta.height : meta.width
  if (upright === undefined || upright <= width) return null
  const resized = image.resize({ width, withoutEnlargement: true })
  const out =
    mime === 'image/jpeg'
      ? resized.jpeg({ quality: JPEG_QUALITY, progressive: true })
      : mime === 'image/png'
        ? resized.png({ compressionLevel: 8, adaptiveFiltering: true })
        : resized.webp({ quality: WEBP_QUALITY })
  const { data, info } = await out.toBuffer({ resolveWithObject: true })
  return { bytes: data, mime, width: info.width, height: info.height }
}
