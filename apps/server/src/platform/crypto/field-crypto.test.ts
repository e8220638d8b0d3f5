import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createFieldCrypto, maskIdCard, maskMobile } from './field-crypto'

const key = () => randomBytes(32).toString('hex')

describe(createFieldCrypto.name, () => {
  it('round-trips text, including Chinese', () => {
    const sut = createFieldCrypto(key())

    const sealed = sut.encrypt('13800000000 张三')

    expect(sealed).not.toContain('13800000000')
    expect(sealed.startsWith('v1.')).toBe(true)
    expect(sut.decrypt(sealed)).toBe('13800000000 张三')
  })

  it('uses a fresh IV each time, so equal plaintexts differ', () => {
    const sut = createFieldCrypto(key())

    expect(sut.encrypt('13800000000')).not.toBe(sut.encrypt('13800000000'))
  })

  it('detects a tampered ciphertext or tag', () => {
    const sut = createFieldCrypto(key())
    const [v, iv, body, tag] = sut.encrypt('13800000000').split('.') as [
      string,
      string,
      string,
      string,
    ]
    const flip = (s: string) => {
      const b = Buffer.from(s, 'base64url')
      b[0] = b[0]! ^ 1
      return b.toString('base64url')
    }

    expect(() => sut.decrypt([v, iv, flip(body), tag].join('.'))).toThrow()
    expect(() => sut.decrypt([v, iv, body, flip(tag)].join('.'))).toThrow()
    expect(() => sut.decrypt([v, flip(iv), body, tag].join('.'))).toThrow()
  })

  it('refuses an unknown format and a ciphertext sealed under another key', () => {
    const sut = createFieldCrypto(key())
    const other = createFieldCrypto(key())

    expect(() => sut.decrypt('v2.a.b.c')).toThrow('Unknown ciphertext format')
    expect(() => sut.decrypt('not-sealed')).toThrow('Unknown ciphertext format')
    expect(() => sut.decrypt(other.encrypt('13800000000'))).toThrow()
  })

  it('gives a blind index that is stable per key and differs across keys and inputs', () => {
    const k = key()
    const a = createFieldCrypto(k)
    const b = createFieldCrypto(k)
    const c = createFieldCrypto(key())

    expect(a.blindIndex('mobile:13800000000')).toBe(b.blindIndex('mobile:13800000000'))
    expect(a.blindIndex('mobile:13800000000')).not.toBe(c.blindIndex('mobile:13800000000'))
    expect(a.blindIndex('mobile:13800000000')).not.toBe(a.blindIndex('mobile:13800000001'))
    expect(a.blindIndex('mobile:13800000000')).not.toContain('13800000000')
  })

  it('refuses a key that is not 32 bytes', () => {
    expect(() => createFieldCrypto('abcd')).toThrow('32 bytes')
  })
})

describe('masks', () => {
  it('masks a mobile number to its first 3 and last 4 digits', () => {
    expect(maskMobile('13812341234')).toBe('138****1234')
    expect(maskMobile('123')).toBe('****')
  })

  it('masks an ID-card number to its first 3 and last 4 characters', () => {
    expect(maskIdCard('11010519491231002X')).toBe('110***********002X')
    expect(maskIdCard('11010519491231002X')).toHaveLength(18)
    expect(maskIdCard('1234')).toBe('****')
  })
})
