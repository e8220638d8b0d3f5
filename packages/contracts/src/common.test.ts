import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { IdSchema, PageQuerySchema, queryNumber } from './common'

describe('queryNumber', () => {
  const lat = queryNumber(z.number().min(-90).max(90))

  it('reads decimal numbers written in digits', () => {
    for (const [text, value] of [
      ['0', 0],
      ['22.5431', 22.5431],
      ['-33.9', -33.9],
      ['+1', 1],
      ['.5', 0.5],
      ['5.', 5],
      ['1e1', 10],
    ] as const)
      expect(lat.parse(text)).toBe(value)
  })

  it('refuses what z.coerce.number() would read as a number', () => {
    for (const text of ['', ' ', ' 1', '1 ', '0x10', '0b1', 'Infinity', 'NaN', '1,5', '--1', '.'])
      expect(lat.safeParse(text).success, JSON.stringify(text)).toBe(false)
  })

  it('applies the inner bounds and int-ness', () => {
    expect(lat.safeParse('91').success).toBe(false)
    const page = PageQuerySchema.safeParse({ page: '1.5' })
    expect(page.success).toBe(false)
    expect(PageQuerySchema.parse({})).toMatchObject({ page: 1, pageSize: 20 })
    expect(PageQuerySchema.parse({ page: '3', pageSize: '50' })).toMatchObject({
      page: 3,
      pageSize: 50,
    })
  })
})

describe('query numbers in the API documents', () => {
  it('are described by their number type, bounds and default, not as bare text', () => {
    const doc = z.toJSONSchema(PageQuerySchema, { io: 'input' }) as {
      properties: Record<string, Record<string, unknown>>
    }
    expect(doc.properties.page).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 100_000,
      default: 1,
    })
    expect(doc.properties.pageSize).toMatchObject({ type: 'integer', maximum: 200, default: 20 })
    expect(z.toJSONSchema(queryNumber(z.number().min(-90).max(90)), { io: 'input' })).toMatchObject(
      { type: 'number', minimum: -90, maximum: 90 },
    )
  })
})

describe('IdSchema', () => {
  it('reads an id pasted in capitals as the stored lower-case id', () => {
    expect(IdSchema.parse('0193A1B2-C3D4-7E5F-8A6B-7C8D9E0F1A2B')).toBe(
      '0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b',
    )
  })

  it('still refuses what is not a UUID', () => {
    for (const text of ['', '0193a1b2', '0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2', 'not-an-id'])
      expect(IdSchema.safeParse(text).success, text).toBe(false)
  })
})
