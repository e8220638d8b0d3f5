import { describe, expect, it } from 'vitest'
import { outermostPaths, subtreeRange } from './subtree'

describe(subtreeRange.name, () => {
  it('covers the path and its descendants and nothing beside them', () => {
    const [lo, hi] = subtreeRange('/a/b/')
    const inside = (p: string) => p >= lo && p < hi

    expect([lo, hi]).toEqual(['/a/b/', '/a/b0'])
    expect(inside('/a/b/')).toBe(true)
    expect(inside('/a/b/c/')).toBe(true)
    expect(inside('/a/b/c/d/')).toBe(true)
    expect(inside('/a/')).toBe(false)
    expect(inside('/a/bc/')).toBe(false)
    expect(inside('/a/b-1/')).toBe(false)
    expect(inside('/a/c/')).toBe(false)
  })

  it('works for uuid paths, which contain "-"', () => {
    const id = '0190d0a1-7c3b-7c3b-8c3b-0190d0a17c3b'
    const [lo, hi] = subtreeRange(`/${id}/`)

    expect(`/${id}/x/` >= lo && `/${id}/x/` < hi).toBe(true)
    expect(`/${id}-2/` >= lo && `/${id}-2/` < hi).toBe(false)
  })
})

describe(outermostPaths.name, () => {
  it('drops paths inside another path and duplicates', () => {
    expect(outermostPaths(['/a/b/', '/a/', '/c/d/', '/a/b/e/', '/c/d/'])).toEqual(['/a/', '/c/d/'])
  })

  it('keeps siblings whose ids share a prefix', () => {
    expect(outermostPaths(['/a/b/', '/a/bc/'])).toEqual(['/a/b/', '/a/bc/'])
  })

  it('returns an empty list for no paths', () => {
    expect(outermostPaths([])).toEqual([])
  })
})
