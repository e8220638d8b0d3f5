import { describe, expect, it } from 'vitest'
import { CHECK_IN_CODE_LENGTH, checkInCode, checkInCodeMatches } from './check-in-code'

const SECRET = 'a-test-secret-of-at-least-32-characters'
const STATION = '01a2270b-7dd3-7662-b520-0268f56c81c1'

describe('station check-in codes', () => {
  it('are 10 unambiguous symbols, fixed per station and generation', () => {
    const code = checkInCode(SECRET, STATION, 0)
    expect(code).toHaveLength(CHECK_IN_CODE_LENGTH)
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]+$/)
    expect(checkInCode(SECRET, STATION, 0)).toBe(code)
    expect(checkInCode(SECRET, STATION, 1)).not.toBe(code)
    expect(checkInCode(SECRET, '01a2270b-7dd3-7662-b520-0268f56c81c2', 0)).not.toBe(code)
    expect(checkInCode(`${SECRET}x`, STATION, 0)).not.toBe(code)
  })

  it('match the current code in either case, and nothing else', () => {
    const code = checkInCode(SECRET, STATION, 3)
    expect(checkInCodeMatches(SECRET, STATION, 3, code)).toBe(true)
    expect(checkInCodeMatches(SECRET, STATION, 3, code.toLowerCase())).toBe(true)
    expect(checkInCodeMatches(SECRET, STATION, 2, code)).toBe(false)
    expect(checkInCodeMatches(SECRET, STATION, 3, `${code} `)).toBe(false)
    expect(checkInCodeMatches(SECRET, STATION, 3, code.slice(1))).toBe(false)
    expect(checkInCodeMatches(SECRET, STATION, 3, '')).toBe(false)
  })

  it('do not read Unicode letters that upper-case to ASCII as the code', () => {
    // Find a generation whose code has an S: 'ſ' (long s) upper-cases to 'S' in full Unicode.
    let generation = 0
    while (!checkInCode(SECRET, STATION, generation).includes('S')) generation++
    const code = checkInCode(SECRET, STATION, generation)
    expect(checkInCodeMatches(SECRET, STATION, generation, code.replace('S', 'ſ'))).toBe(false)
    expect(checkInCodeMatches(SECRET, STATION, generation, code.replace('S', 's'))).toBe(true)
  })
})
