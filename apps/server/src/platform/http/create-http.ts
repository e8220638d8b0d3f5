import { randomUUID } from 'node:crypto'
import cookie from '@fastify/cookie'
import multipart from '@fastify/multipart'
import rateLimit from '@fastify/rate-limit'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify'
import {
  jsonSchemaTransform,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import { AppError } from '../errors/app-error'
import type { Metrics } from '../metrics/metrics'
import { PLATFORM_PUBLIC_PREFIXES, isAccessRule, type Authenticator } from './access'
import { createResponseSerializerCompiler } from './response-serializer'
import { withUnstorableTextGuard } from './unstorable-text'
import { computeSecurityHeaders } from './security-headers'
import { installErrorHandler, sendError, sendFrameworkError } from './error-handler'
import { requestLogSerializer } from './log-redaction'

export type HttpOptions = {
  logLevel: string
  bodyLimit: number
  uploadLimit: number
  rateLimitPerMinute: number
  /** true, false, or the trusted proxies' addresses/CIDR ranges, comma-separated. */
  trustProxy: boolean | string
  /** The site's public origin for links sent out of band (see public-origin.ts). */
  publicOrigin?: string | null
  authenticator: Authenticator
  metrics: Metrics
  /** Check every response against its zod schema before sending (development and tests). */
  checkResponses: boolean
  logger?: FastifyServerOptions['logger']
}

export type App = FastifyInstance

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Builds the Fastify instance with every platform concern in place: validation, errors,
 * security headers, rate limits, OpenAPI, authentication, CSRF and access declarations.
 * Modules register their routes on the returned instance.
 */
export const createHttp = async (options: HttpOptions) => {
  const app = Fastify({
    logger: options.logger ?? {
      level: options.logLevel,
      redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'],
      // Mobiles in search queries and tokens in feed and consent links stay out of the log.
      serializers: { req: requestLogSerializer },
    },
    bodyLimit: options.bodyLimit,
    trustProxy: options.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // Keep in-flight requests alive through graceful shutdown; new ones get 503.
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    ajv: { customOptions: { removeAdditional: false } },
    // Requests Node's HTTP parser rejects (bad characters in the URL, broken headers) never
    // reach the router; answer them in the same envelope as every other error.
    clientErrorHandler: (err: NodeJS.ErrnoException, socket) => {
      if (!socket.writable) return
      const body = JSON.stringify({
        error: { code: 'BAD_REQUEST', message: 'The request could not be parsed' },
      })
      const status =
        err.code === 'HPE_HEADER_OVERFLOW'
          ? '431 Request Header Fields Too Large'
          : '400 Bad Request'
      socket.end(
        `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      )
    },
    // Bad percent-encoding and over-long path params answer in the { error } shape too.
    frameworkErrors: (error, request, reply) => {
      void sendFrameworkError(error, request, reply)
    },
  }).withTypeProvider<ZodTypeProvider>()

  app.setValidatorCompiler(withUnstorableTextGuard(validatorCompiler))
  app.setSerializerCompiler(
    createResponseSerializerCompiler({ checkResponses: options.checkResponses }),
  )
  installErrorHandler(app)

  // A route without an access declaration is a security bug; refuse to start rather than serve it.
  app.addHook('onRoute', (route) => {
    if (PLATFORM_PUBLIC_PREFIXES.some((p) => route.url.startsWith(p))) return
    if (route.url === '*' || route.url === '/*') return
    if (!isAccessRule(route.config?.access)) {
      throw new Error(
        `Route ${String(route.method)} ${route.url} has no access declaration (config.access)`,
      )
    }
  })

  // Security headers (helmet). @fastify/helmet rebuilds helmet's middleware, CSP parsing
  // included, on every request (6 % of CPU on the ballot path); the headers never change, so
  // they are computed once here and set as a block.
  const securityHeaders = computeSecurityHeaders()
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(securityHeaders)
    done()
  })
  await app.register(cookie)
  await app.register(multipart, { limits: { fileSize: options.uploadLimit, files: 1, fields: 10 } })
  await app.register(rateLimit, {
    max: options.rateLimitPerMinute,
    timeWindow: '1 minute',
    keyGenerator: (req) => req.ip,
    errorResponseBuilder: (_req, ctx) =>
      new AppError(
        'RATE_LIMITED',
        429,
        `Too many requests, retry in ${Math.ceil(ctx.ttl / 1000)} s`,
      ),
  })
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'UnionHall API',
        version: '0.1.0',
        description: 'Service platform for trade-union federations',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: options.authenticator.cookieName },
        },
      },
    },
    transform: jsonSchemaTransform,
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs' })

  app.decorateRequest('auth', null)
  app.decorate('publicOrigin', options.publicOrigin ?? null)

  // Authentication, CSRF and the coarse access gate. Services then check the org subtree.
  // A callback hook with a synchronous path: the session is almost always cached, and an async
  // hook would cost every request a promise and a microtask turn.
  type AuthResult = Awaited<ReturnType<Authenticator['authenticate']>>
  /** Applies the session to the request; true when it answered (an error) and the chain stops. */
  const gate = (request: FastifyRequest, reply: FastifyReply, result: AuthResult): boolean => {
    const rule = request.routeOptions.config?.access
    if (result === 'expired') {
      reply.clearCookie(options.authenticator.cookieName, { path: '/' })
      for (const name of options.authenticator.companionCookies ?? [])
        reply.clearCookie(name, { path: '/' })
      if (rule && rule !== 'public') {
        void sendError(request, reply, 401, 'AUTH_SESSION_EXPIRED', 'Session expired')
        return true
      }
    } else if (result) {
      request.auth = result
    }
    if (!rule || rule === 'public') return false
    if (!request.auth) {
      void sendError(request, reply, 401, 'AUTH_REQUIRED', 'Please sign in')
      return true
    }
    // Double-submit check: a cross-site form can send the cookie but cannot read the token.
    if (
      !SAFE_METHODS.has(request.method) &&
      request.headers['x-csrf-token'] !== request.auth.csrfToken
    ) {
      void sendError(request, reply, 403, 'CSRF_INVALID', 'Missing or wrong x-csrf-token header')
      return true
    }
    if (
      typeof rule === 'object' &&
      !options.authenticator.permits(request.auth.principal, rule.permission)
    ) {
      void sendError(
        request,
        reply,
        403,
        'ACCESS_DENIED',
        'You do not have access to this resource',
      )
      return true
    }
    return false
  }
  app.addHook('onRequest', (request, reply, done) => {
    const token = request.cookies[options.authenticator.cookieName]
    const result = token ? options.authenticator.authenticate(token) : null
    if (result instanceof Promise) {
      result.then(
        (r) => {
          if (!gate(request, reply, r)) done()
        },
        (err: Error) => done(err),
      )
    } else if (!gate(request, reply, result)) done()
  })

  // Graceful shutdown: once close() begins, answers to requests still in flight end their
  // keep-alive connection, so the server stops as soon as they are done instead of waiting
  // for idle sockets to time out.
  let isClosing = false
  app.addHook('preClose', (done) => {
    isClosing = true
    done()
  })
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (isClosing) reply.header('connection', 'close')
    done(null, payload)
  })

  app.addHook('onResponse', (request, reply, done) => {
    options.metrics.httpDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
      },
      reply.elapsedTime / 1000,
    )
    done()
  })

  return app
}

export type TypedApp = Awaited<ReturnType<typeof createHttp>>
