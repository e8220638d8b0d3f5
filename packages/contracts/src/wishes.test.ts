import { describe, expect, it } from 'vitest'
import { UpdateWishBodySchema, isWishEditable } from './wishes'

describe('UpdateWishBodySchema', () => {
  it('leaves a missing key out, so the stored value stays (no defaults fill in)', () => {
    expect(UpdateWishBodySchema.parse({ title: ' 需要一双雨靴 ' })).toEqual({
      title: '需要一双雨靴',
    })
    expect(UpdateWishBodySchema.parse({ deadline: '2026-12-20' })).not.toHaveProperty('description')
  })

  it('takes stationId null to remove the station', () => {
    expect(UpdateWishBodySchema.parse({ stationId: null })).toEqual({ stationId: null })
  })

  it('refuses an empty patch, unknown keys and posting-time violations', () => {
    for (const bad of [
      {},
      { title: '' },
      { title: 'x'.repeat(61) },
      { description: 'x'.repeat(501) },
      { category: 'money' },
      { deadline: '2026/12/01' },
      { stationId: 'nope' },
      { status: 'published' },
    ])
      expect(UpdateWishBodySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false)
  })
})

describe(isWishEditable.name, () => {
  it('is true only before anyone claimed the wish and before it ended', () => {
    expect(isWishEditable('pending_review')).toBe(true)
    expect(isWishEditable('published')).toBe(true)
    for (const s of [
      'claimed',
      'fulfilled',
      'confirmed',
      'rejected',
      'expired',
      'withdrawn',
    ] as const)
      expect(isWishEditable(s)).toBe(false)
  })
})
