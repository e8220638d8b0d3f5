import { describe, expect, it } from 'vitest'
import { computeSecurityHeaders } from './security-headers'

describe(computeSecurityHeaders.name, () => {
  it("returns helmet's headers with our content security policy", () => {
    const sut = computeSecurityHeaders()

    expect(sut['content-security-policy']).toContain("default-src 'self'")
    expect(sut['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'")
    expect(sut['content-security-policy']).toContain("script-src 'self'")
    expect(sut['x-frame-options']).toBe('SAMEORIGIN')
    expect(sut['x-content-type-options']).toBe('nosniff')
    expect(sut['strict-transport-security']).toMatch(/max-age=\d+/)
  })
})
