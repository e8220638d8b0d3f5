import { z } from 'zod'

/** Text ids are UUIDv7 (time-ordered), see docs/adr/0002-ids-and-timestamps.md. */
export const IdSchema = z.string().uuid()

/**
 * A decimal number in a query string. `z.coerce.number()` reads `''` and `' '` as 0 and `0x10` as
 * 16, so `?lat=&lng=` searched around 0°N 0°E; a query number must be written as digits.
 */
const QUERY_DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

/** A query-string number read by `inner` (its bounds and int-ness), e.g. `queryNumber(z.number().int())`. */
export const queryNumber = <T extends z.ZodType<number, number>>(inner: T) =>
  z
    .string()
    .regex(QUERY_DECIMAL, { error: 'Must be a number written in digits' })
    .transform(Number)
    .pipe(inner)

/** Every list endpoint takes the same paging and search parameters. */
export const PageQuerySchema = z.object({
  page: queryNumber(z.number().int().min(1).max(100_000)).default(1),
  pageSize: queryNumber(z.number().int().min(1).max(200)).default(20),
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
