import { IMAGE_WIDTHS, isUploadPath, type ImageWidth } from '@unionhall/contracts'

/**
 * A stored link as an href only when it is an absolute http(s) URL, else null. The server
 * refuses other schemes (WebLinkSchema in the contracts); pages check again because a link
 * stored before that rule, or by another version, must never become a `javascript:` href.
 * A regular expression, not the contracts' zod schema, so the light worker pages stay small.
 */
export const webLinkOrNull = (value: string | null | undefined): string | null => {
  const link = value?.trim() ?? ''
  return /^https?:\/\/[^\s/?#]+/i.test(link) ? link : null
}

/**
 * A stored image link (a cover, a photo) as an <img> src: one of our uploads
 * (/api/v1/uploads/<id>) or an https URL, as ImageUrlSchema accepts; else null.
 */
export const imageSrcOrNull = (value: string | null | undefined): string | null => {
  const link = value?.trim() ?? ''
  return /^\/api\/v1\/uploads\/[0-9a-f-]{36}$/i.test(link) || /^https:\/\/[^\s/?#]+/i.test(link)
    ? link
    : null
}

/**
 * An image's src at about `width` pixels: our uploads are served resized for phones (`?w=`,
 * ADR 0032), other https images as they are. Use the width the image is shown at on a 2×
 * screen, rounded up to a served width.
 */
export const sizedImageSrc = (src: string, width: ImageWidth): string =>
  isUploadPath(src) ? `${src}?w=${width}` : src

/**
 * The srcset for one of our uploads (every served width), so the browser picks by the screen's
 * width and density; undefined for other images, which have one size.
 */
export const imageSrcSet = (src: string): string | undefined =>
  isUploadPath(src) ? IMAGE_WIDTHS.map((w) => `${src}?w=${w} ${w}w`).join(', ') : undefined

/** `sizes` for an image as wide as a worker page's column (full width on a phone). */
export const PAGE_WIDE_IMAGE = '(min-width: 40em) 40em, 100vw'
