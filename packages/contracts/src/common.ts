import { z } from 'zod'

/**
 * Text ids are UUIDv7 (time-ordered), see docs/adr/0002-ids-and-timestamps.md. They are stored in
 * lower case; an id typed or pasted in capitals is the same id, so it is lowered here (otherwise
 * SQLite's text comparison answered 404 where PostgreSQL's uuid type found the row).
 */
export const IdSchema = z.string().uuid().toLowerCase()

/**
 * A decimal number in a query string. `z.coerce.number()` reads `''` and `' '` as 0 and `0x10` as
 * 16, so `?lat=&lng=` searched around 0°N 0°E; a query number must be written as digits.
 */
const QUERY_DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

/**
 * The documents (OpenAPI) describe a query by its input, which is text here: the text schema
 * carries the number's type, bounds and default from `inner`, as z.coerce.number() showed them.
 */
const documented = (inner: z.ZodNumber, fallback?: number) => {
  const { $schema: _dialect, ...doc } = z.toJSONSchema(inner) as Record<string, unknown>
  return fallback === undefined ? doc : { ...doc, default: fallback }
}
const decimalText = () =>
  z.string().regex(QUERY_DECIMAL, { error: 'Must be a number written in digits' })

/** A query-string number read by `inner` (its bounds and int-ness), e.g. `queryNumber(z.number().int())`. */
export const queryNumber = (inner: z.ZodNumber) =>
  decimalText().meta(documented(inner)).transform(Number).pipe(inner)

/** The same, `fallback` when the query leaves it out. */
export const queryNumberOr = (inner: z.ZodNumber, fallback: number) =>
  decimalText()
    .optional()
    .meta(documented(inner, fallback))
    .transform((text) => (text === undefined ? fallback : Number(text)))
    .pipe(inner)

/** Every list endpoint takes the same paging and search parameters. */
export const PageQuerySchema = z.object({
  page: queryNumberOr(z.number().int().min(1).max(100_000), 1),
  pageSize: queryNumberOr(z.number().int().min(1).max(200), 20),
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

/**
 * The years a date people enter may fall in: campaign phases, shifts, service dates, filters.
 * ISO-8601 allows 0000–9999, and a slip of the keyboard (year 0202 or 9999) produced a campaign
 * whose voting never opens or a roster that never ends; PostgreSQL has no year 0 at all.
 */
export const ENTERED_YEAR_MIN = 2000
export const ENTERED_YEAR_MAX = 2099
/** Whether an ISO date or instant falls in the years people may enter (above). */
export const isEnteredYear = (iso: string) => {
  const year = Number(iso.slice(0, 4))
  return year >= ENTERED_YEAR_MIN && year <= ENTERED_YEAR_MAX
}

/** An instant entered in the API (ISO-8601 UTC), within the years above. */
export const EnteredInstantSchema = z.iso
  .datetime()
  .refine(isEnteredYear, { message: 'DATE_OUT_OF_RANGE' })

/** A calendar day entered in the API (YYYY-MM-DD), within the years above. */
export const EnteredDateSchema = z.iso
  .date()
  .refine(isEnteredYear, { message: 'DATE_OUT_OF_RANGE' })
