import { describe, expect, it } from 'vitest'
import { getDummyPasswordHash, hashPassword, verifyPassword } from './password'

describe(hashPassword.name, () => {
  it('hashes with scrypt and a random salt, and verifies only the right password', async () => {
    const [a, b] = await Promise.all([hashPassword('Demo@2026'), hashPassword('Demo@2026')])

    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/)
    expect(a).not.toBe(b)
    expect(a).not.toContain('Demo@2026')
    expect(await verifyPassword('Demo@2026', a)).toBe(true)
    expect(await verifyPassword('Demo@2026', b)).toBe(true)
    expect(await verifyPassword('demo@2026', a)).toBe(false)
    expect(await verifyPassword('', a)).toBe(false)
  })

  it('refuses a stored value that is not an scrypt hash', async () => {
    expect(await verifyPassword('x', 'bcrypt$2b$10$abc')).toBe(false)
    expect(await verifyPassword('x', '')).toBe(false)
  })

  it('keeps one dummy hash for unknown accounts, which no ordinary password matches', async () => {
    const dummy = await getDummyPasswordHash()

    expect(await getDummyPasswordHash()).toBe(dummy)
    expect(await verifyPassword('Demo@2026', dummy)).toBe(false)
  })
})
