import { isResponseSerializationError } from 'fastify-type-provider-zod'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createResponseSerializerCompiler } from './response-serializer'

const Org = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  childCount: z.number().int(),
  note: z.string().optional(),
  kind: z.enum(['city_federation', 'enterprise_union']),
  tags: z.array(z.object({ code: z.string(), weight: z.number() })),
  meta: z.record(z.string(), z.number()),
  score: z.number().nullable(),
  open: z.boolean().nullable(),
  lead: z.object({ name: z.string() }).nullable(),
})

const compile = (schema: z.ZodType, checkResponses: boolean) =>
  createResponseSerializerCompiler({ checkResponses })({
    schema,
    method: 'GET',
    url: '/test',
    httpStatus: '200',
  })

const sample = {
  id: 'o1',
  name: '兰州市总工会 "quoted" \\ and \u2028',
  parentId: null,
  childCount: 17,
  kind: 'city_federation',
  tags: [{ code: 'a', weight: 0.5 }],
  meta: { members: 328 },
  score: null,
  open: true,
  lead: { name: '王建国' },
  secret: 'never sent',
}

describe('response serializer', () => {
  it('writes what zod would: declared properties only, nulls, records, escaping', () => {
    for (const check of [true, false]) {
      const out = compile(Org, check)(sample)
      expect(JSON.parse(out)).toEqual(z.encode(Org, sample as z.output<typeof Org>))
      expect(out).not.toContain('never sent')
    }
    const withNote = { ...sample, parentId: 'p', note: '备注', score: 9.5, open: null, lead: null }
    expect(JSON.parse(compile(Org, false)(withNote))).toEqual(z.encode(Org, withNote as never))
  })

  it('checks responses against the schema when asked (development, tests)', () => {
    const bad = { ...sample, childCount: 'many' }
    let error: unknown
    try {
      compile(Org, true)(bad)
    } catch (e) {
      error = e
    }
    expect(isResponseSerializationError(error)).toBe(true)
  })

  it('falls back to zod encode for schemas JSON Schema cannot express', () => {
    // A codec whose output side is a Date: encoding turns it back into the ISO string.
    const IsoDate = z.codec(z.iso.datetime(), z.date(), {
      decode: (s) => new Date(s),
      encode: (d) => d.toISOString(),
    })
    const out = compile(z.object({ at: IsoDate }), false)({ at: new Date(86_400_000) })
    expect(JSON.parse(out)).toEqual({ at: '1970-01-02T00:00:00.000Z' })
  })
})
