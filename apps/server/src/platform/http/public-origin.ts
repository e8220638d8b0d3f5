import type { FastifyRequest } from 'fastify'

declare module 'fastify' {
  interface FastifyInstance {
    /** PUBLIC_ORIGIN, or null to use the origin each request reached. */
    publicOrigin: string | null
  }
}

/**
 * The origin for links that leave the site: consent SMS, calendar feeds, QR posters. The
 * configured PUBLIC_ORIGIN when set. Otherwise the origin the request reached, which is right
 * for development and a single host; behind a proxy it trusts the Host header, so a forged one
 * could point a link sent by SMS at another site. Production sets PUBLIC_ORIGIN.
 */
export const publicOriginOf = (req: FastifyRequest): string =>
  req.server.publicOrigin ?? `${req.protocol}://${req.host}`
