import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getDummyPasswordHash, hashPassword, setPasswordHashCost, verifyPassword } from './password'

// The lowest cost config allows keeps the suite fast; the production default is restored after.
beforeAll(() => setPasswordHashCost(1024))
afterAll(() => setPasswordHashCost(32768))

describe(hashPassword.name, () => {
  it('hashes with scrypt and a random salt, and verifies only the right password', async () => {
    const [a, b] = await Promise.all([hashPassword('Demo@2026'), hashPassword('Demo@2026')])

    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]+$/)
    expect(a).not.toBe(b)
    expect(a).not.toContain('Demo@2026')
    expect(await verifyPassword('Demo@2026', a)).toBe(true)
    expect(await verifyPassword('Demo@2026', b)).toBe(true)
    expect(await verifyPassword('demo@2026', a)).toBe(false)
    expect(await verifyPassword('', a)).toBe(false)
  })

  it('verifies a hash made at another cost, since each hash carries its parameters', async () => {
    const cheap = await hashPassword('Demo@2026')
    setPasswordHashCost(2048)
    const dearer = await hashPassword('Demo@2026')
    setPasswordHashCost(1024)

    expect(dearer.split('$')[1]).toBe('2048')
    expect(await verifyPassword('Demo@2026', cheap)).toBe(true)
    expect(await verifyPassword('Demo@2026', dearer)).toBe(true)
  })

  it('refuses a cost that is not a power of two', () => {
    expect(() => setPasswordHashCost(1000)).toThrow('power of two')
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
