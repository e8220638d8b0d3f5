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
