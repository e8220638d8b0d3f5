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
