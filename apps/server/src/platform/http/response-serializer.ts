import fastJson from 'fast-json-stringify'
import type { FastifySerializerCompiler } from 'fastify'
import { ResponseSerializationError } from 'fastify-type-provider-zod'
import { z } from 'zod'

/**
 * Response serialisation from the routes' zod schemas.
 *
 * fastify-type-provider-zod's serializer runs a full zod encode of every response and then
 * JSON.stringify. Under load that was the largest cost an authenticated GET had over the no-op
 * route (9 % of the server's samples for GET /orgs/:id, bench/RESULTS.md). Here each response
 * schema is converted once to JSON Schema and compiled with fast-json-stringify, Fastify's own
 * serializer: it writes only the declared properties (as zod's strip does), in schema order.
 *
 * Checking responses against their schema is kept where it finds bugs — development and tests
 * (`checkResponses`) — and left out in production, where the route's own types already shape the
 * data. A schema JSON Schema cannot express falls back to zod encode + JSON.stringify.
 * Compilation is lazy (on a route's first response), so cold start does not pay for every route.
 */
type Stringify = (data: unknown) => string
type JsonSchema = { [key: string]: unknown }

const PRIMITIVES = new Set(['string', 'number', 'integer', 'boolean'])

/**
 * zod writes `x.nullable()` as `anyOf: [x, { type: 'null' }]`; fast-json-stringify serialises an
 * anyOf by validating the value against each branch with ajv, on every response. A nullable
 * primitive is the same as a type list, which it serialises with a typeof check.
 */
const simplifyNullables = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(simplifyNullables)
  if (!node || typeof node !== 'object') return node
  const out: JsonSchema = {}
  for (const [k, v] of Object.entries(node)) out[k] = simplifyNullables(v)
  const anyOf = out.anyOf as JsonSchema[] | undefined
  if (Array.isArray(anyOf) && anyOf.length === 2) {
    const nullIndex = anyOf.findIndex((b) => b.type === 'null' && Object.keys(b).length === 1)
    const other = anyOf[1 - nullIndex]
    if (nullIndex >= 0 && other && typeof other.type === 'string' && PRIMITIVES.has(other.type)) {
      delete out.anyOf
      return { ...out, ...other, type: [other.type, 'null'] }
    }
  }
  return out
}

const compileStringify = (schema: z.ZodType): Stringify => {
  try {
    const json = z.toJSONSchema(schema, {
      io: 'output',
      target: 'draft-7',
      unrepresentable: 'throw',
    }) as Record<string, unknown>
    delete json.$schema
    return fastJson(simplifyNullables(json) as JsonSchema) as Stringify
  } catch {
    return (data) => JSON.stringify(z.encode(schema, data))
  }
}

const resolveSchema = (maybe: unknown): z.ZodType => {
  if (maybe instanceof z.ZodType) return maybe
  const properties = (maybe as { properties?: unknown } | null)?.properties
  if (properties instanceof z.ZodType) return properties
  throw new Error(`Response schema is not a zod schema: ${JSON.stringify(maybe)}`)
}

export const createResponseSerializerCompiler =
  (options: { checkResponses: boolean }): FastifySerializerCompiler<unknown> =>
  ({ schema: maybeSchema, method, url }) => {
    const schema = resolveSchema(maybeSchema)
    let stringify: Stringify | null = null
    return (data: unknown) => {
      if (options.checkResponses) {
        const checked = z.safeEncode(schema, data)
        if (!checked.success)
          throw new ResponseSerializationError(method, url, { cause: checked.error })
      }
      stringify ??= compileStringify(schema)
      return stringify(data)
    }
  }
