import { describe, expect, it } from 'vitest'
import { feedTokenFor, isCurrentNonce, verifyFeedToken } from './feed-token'

const SECRET = 'x'.repeat(32)
const MEMBER = '01938000-0000-7000-8000-000000000001'

describe('feed tokens', () => {
  it('verifies its own tokens and names the member and nonce', () => {
    const token = feedTokenFor(SECRET, MEMBER, 'n1')
    expect(token.startsWith(`${MEMBER}.n1.`)).toBe(true)
    expect(verifyFeedToken(SECRET, token)).toEqual({ memberId: MEMBER, nonce: 'n1' })
  })

  it('refuses a token under another secret, for another member or nonce, or malformed', () => {
    const token = feedTokenFor(SECRET, MEMBER, 'n1')
    const mac = token.split('.')[2]!
    expect(verifyFeedToken('y'.repeat(32), token)).toBeNull()
    expect(verifyFeedToken(SECRET, `${MEMBER.replace(/1$/, '2')}.n1.${mac}`)).toBeNull()
    expect(verifyFeedToken(SECRET, `${MEMBER}.n2.${mac}`)).toBeNull()
    expect(verifyFeedToken(SECRET, `${MEMBER}.n1.${mac.slice(0, -1)}`)).toBeNull()
    expect(verifyFeedToken(SECRET, `${MEMBER}.n1`)).toBeNull()
    expect(verifyFeedToken(SECRET, `${token}.extra`)).toBeNull()
    expect(verifyFeedToken(SECRET, '')).toBeNull()
  })

  it('compares nonces exactly', () => {
    expect(isCurrentNonce('abc', 'abc')).toBe(true)
    expect(isCurrentNonce('abc', 'abd')).toBe(false)
    expect(isCurrentNonce('abc', 'abcd')).toBe(false)
  })
})
