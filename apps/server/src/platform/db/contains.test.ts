import { describe, expect, it } from 'vitest'
import { escapeLike } from './contains'

describe('escapeLike', () => {
  it("escapes LIKE's wildcards and the escape character, and nothing else", () => {
    expect(escapeLike('100%_好\\x')).toBe('100\\%\\_好\\\\x')
    expect(escapeLike('能热饭 24小时')).toBe('能热饭 24小时')
  })
})
