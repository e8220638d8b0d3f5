import { describe, expect, it } from 'vitest'
import { asClause } from './clause'

describe('asClause', () => {
  it('drops the full stops a reason ends with, and nothing else', () => {
    expect(asClause('没有收到。')).toBe('没有收到')
    expect(asClause('没有收到。。 ')).toBe('没有收到')
    expect(asClause('Not received.')).toBe('Not received')
    expect(asClause('尺码不对．')).toBe('尺码不对')
    expect(asClause('没有收到')).toBe('没有收到')
    expect(asClause('怎么还没到？')).toBe('怎么还没到？')
    expect(asClause('第一句。第二句')).toBe('第一句。第二句')
    expect(asClause('')).toBe('')
  })
})
