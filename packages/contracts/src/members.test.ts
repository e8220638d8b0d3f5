import { describe, expect, it } from 'vitest'
import {
  IdCardNumberSchema,
  MOBILE_PATTERN,
  MobileSchema,
  isValidIdCardNumber,
  normaliseMobileInput,
} from './members'

describe(isValidIdCardNumber.name, () => {
  it.each([
    '11010519491231002X', // the example in GB 11643-1999
    '11010519491231002x', // lower-case check character
    '440304199001011233',
    '620102198802290047', // 29 February of a leap year
    '110101200002290018', // 2000 is a leap year
  ])('accepts %s', (id) => {
    expect(isValidIdCardNumber(id)).toBe(true)
  })

  it.each([
    ['110105194912310021', 'wrong check character'],
    ['440304199001011234', 'wrong check character'],
    ['110101190002290011', '1900 is not a leap year'],
    ['110101198902290013', '1989 is not a leap year'],
    ['110101199013010012', 'month 13'],
    ['110101199002300014', '30 February'],
    ['11010118991231001X', 'born before 1900'],
    ['11010519491231002', '17 characters'],
    ['11010519491231002XX', '19 characters'],
    ['1101051949123100AX', 'a letter in the body'],
    ['', 'empty'],
  ])('refuses %s (%s)', (id) => {
    expect(isValidIdCardNumber(id)).toBe(false)
  })
})

describe('IdCardNumberSchema', () => {
  it('trims and upper-cases before checking', () => {
    expect(IdCardNumberSchema.parse(' 11010519491231002x ')).toBe('11010519491231002X')
  })

  it('reports MEMBER_ID_CARD_INVALID for a bad checksum', () => {
    const result = IdCardNumberSchema.safeParse('110105194912310021')

    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe('MEMBER_ID_CARD_INVALID')
  })
})

describe('MobileSchema', () => {
  it.each(['13800000000', '19912345678', ' 15012345678 '])('accepts %s', (mobile) => {
    expect(MobileSchema.parse(mobile)).toBe(mobile.trim())
  })

  it.each([
    '12800000000', // second digit 2
    '1380000000', // 10 digits
    '138000000000', // 12 digits
    '1380000000a',
    '+8613800000000',
    '138-0000-0000',
    '',
  ])('refuses %s with MEMBER_MOBILE_INVALID', (mobile) => {
    const result = MobileSchema.safeParse(mobile)

    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe('MEMBER_MOBILE_INVALID')
  })
})

describe(normaliseMobileInput.name, () => {
  it('makes typed and pasted numbers plain', () => {
    for (const typed of [
      '13620760099',
      ' 136 2076 0099 ',
      '136-2076-0099',
      '(136)2076-0099',
      '+8613620760099',
      '+86 136 2076 0099',
      '008613620760099',
      '8613620760099',
      '１３６２０７６００９９',
      '＋86 １３６－２０７６－００９９',
      '\u202d136 2076 0099\u202c',
      '\u200b13620760099\ufeff',
    ])
      expect(normaliseMobileInput(typed), typed).toBe('13620760099')
  })

  it('leaves what is not a mobile for the pattern to refuse', () => {
    expect(normaliseMobileInput('861234')).toBe('861234')
    expect(normaliseMobileInput('abc')).toBe('abc')
    expect(MOBILE_PATTERN.test(normaliseMobileInput('1362076'))).toBe(false)
  })
})
