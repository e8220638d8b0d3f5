import { z } from 'zod'

/** Text ids are UUIDv7 (time-ordered), see docs/adr/0002-ids-and-timestamps.md. */
export const IdSchema = z.string().uuid()

/** Every list endpoint takes the same paging and search parameters. */
export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  /** Search text; each list documents what it matches (member lists: the start of a name). */
  q: z.string().trim().max(100).optional(),
})
export type PageQuery = z.infer<typeof PageQuerySchema>

export const pageOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number }

export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
})
export type ErrorBody = z.infer<typeof ErrorBodySchema>

export const OkSchema = z.object({ ok: z.literal(true) })

/** ISO-8601 UTC timestamps are how every time crosses the API. */
export const TimestampSchema = z.string()
