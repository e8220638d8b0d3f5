import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { sql } from 'kysely'
import { z } from 'zod'
import type { Db } from '../db/create-db'
import type { Metrics } from '../metrics/metrics'

/**
 * Health, metrics and the no-op routes. The no-op routes are the baseline every benchmark
 * divides by: same server, same plugins and hooks, no work.
 */
export const platformRoutes: FastifyPluginAsyncZod<{
  db: Db
  metrics: Metrics
  publicConfig: Record<string, unknown>
}> = async (app, { db, metrics, publicConfig }) => {
  app.get(
    '/healthz',
    {
      schema: { hide: true },
      config: { access: 'public', rateLimit: false },
    },
    async (_req, reply) => {
      try {
        await sql`select 1`.execute(db)
        return { status: 'ok', db: 'ok' }
      } catch {
        return reply.status(503).send({ status: 'unavailable', db: 'unreachable' })
      }
    },
  )

  app.get(
    '/metrics',
    {
      schema: { hide: true },
      config: { access: 'public', rateLimit: false },
    },
    async (_req, reply) =>
      reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  )

  app.get(
    '/api/v1/noop',
    {
      schema: {
        tags: ['platform'],
        summary: 'Benchmark baseline: does nothing',
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
      config: { access: 'public' },
    },
    async () => ({ ok: true as const }),
  )

  app.post(
    '/api/v1/noop',
    {
      schema: {
        tags: ['platform'],
        summary: 'Benchmark baseline: validates a body and does nothing',
        body: z.object({ value: z.string().max(100) }).strict(),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
      config: { access: 'public' },
    },
    async () => ({ ok: true as const }),
  )

  app.get(
    '/api/v1/config/public',
    {
      schema: { tags: ['platform'], summary: 'Settings the web app may know' },
      config: { access: 'public' },
    },
    async () => publicConfig,
  )
}
