/**
 * Every route declares who may call it in `config.access`; the server refuses to start when
 * a route has none (see assertAccessDeclared).
 */
export type AccessRule = 'public' | 'member' | { permission: string }

/** What the platform knows about a signed-in caller; core/auth extends it with grants. */
export type Principal = { memberId: string }

export type Authenticated = {
  principal: Principal
  csrfToken: string
  sessionId: string
  /** ISO time the session ends. */
  expiresAt: string
}

/** Implemented by core/auth and handed to the HTTP platform by app.ts. */
export type Authenticator = {
  cookieName: string
  /** Cookies that go with the session's and are cleared with it when it has expired. */
  companionCookies?: readonly string[]
  /** Synchronous when the session is cached (the common case), a promise when it must be read. */
  authenticate: (
    token: string,
  ) => Authenticated | 'expired' | null | Promise<Authenticated | 'expired' | null>
  permits: (principal: Principal, permission: string) => boolean
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule
  }
  interface FastifyRequest {
    auth: Authenticated | null
  }
}

/** Routes mounted by platform plugins (API docs UI, static web files) are public by design. */
export const PLATFORM_PUBLIC_PREFIXES = ['/api/docs', '/assets/']

export const isAccessRule = (value: unknown): value is AccessRule =>
  value === 'public' ||
  value === 'member' ||
  (typeof value === 'object' &&
    value !== null &&
    typeof (value as { permission?: unknown }).permission === 'string')
