import { maskIdCard, maskMobile } from '../crypto/field-crypto'

/**
 * Request URLs as they are written to the log. A URL can carry personal data or a secret: staff
 * search members by mobile (`?q=13800000001`), and calendar feeds and consent links hold their
 * bearer token in the path. The log keeps the request's shape and drops what it must not keep:
 * - mobiles and ID-card numbers are masked as in the lists;
 * - opaque runs of 32 or more URL-safe characters (signatures, tokens) become `[redacted]`,
 *   except UUIDs, which name records and are what an operator follows in the log.
 */
const MOBILE = /(?<![0-9])1[3-9][0-9]{9}(?![0-9])/g
const ID_CARD = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])/g
const OPAQUE = /[A-Za-z0-9_-]{32,}/g
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/
/** Cheap first look: most URLs hold neither a long digit run nor a long opaque run. */
const SUSPECT = /[0-9]{11}|[A-Za-z0-9_-]{32}/

export const redactUrl = (url: string): string => {
  if (!SUSPECT.test(url)) return url
  return url
    .replace(ID_CARD, (m) => maskIdCard(m))
    .replace(MOBILE, (m) => maskMobile(m))
    .replace(OPAQUE, (m) => (UUID.test(m) ? m : '[redacted]'))
}

type LoggedRequest = {
  method: string
  url: string
  host?: string
  ip?: string
  socket?: { remotePort?: number }
}

/** Fastify's request log fields, with the URL redacted (see above). */
export const requestLogSerializer = (req: LoggedRequest) => ({
  method: req.method,
  url: redactUrl(req.url),
  host: req.host,
  remoteAddress: req.ip,
  remotePort: req.socket?.remotePort,
})
