import { createHmac } from 'node:crypto'
import { uuidv7 } from 'uuidv7'
import { describe, expect, it } from 'vitest'
import { FraudState, MinuteCounter, flagsForReview, type BallotFacts } from './fraud'
import { ballotIdFloor, ballotIdOfReceipt, receiptOf } from './receipt'
import {
  shanghaiDay,
  shanghaiDayStartMs,
  signVoterToken,
  readVoterToken,
  campaignOfToken,
  voterKeyOf,
  withinHours,
} from './voter'

describe('receipt codes', () => {
  it('round-trip a ballot id through 26 Crockford base32 characters, forgivingly', () => {
    const id = uuidv7()
    const code = receiptOf(id)
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/)
    expect(ballotIdOfReceipt(code)).toBe(id)
    expect(ballotIdOfReceipt(code.toLowerCase().replace(/(.{5})/g, '$1-'))).toBe(id)
    expect(ballotIdOfReceipt('U'.repeat(26))).toBeNull()
    expect(ballotIdOfReceipt('ZZZZZZZZZZZZZZZZZZZZZZZZZZ')).toBeNull() // more than 128 bits
    expect(ballotIdOfReceipt('123')).toBeNull()
  })

  it('bounds a time range of UUIDv7 ids', () => {
    const ms = Date.now()
    const id = uuidv7()
    expect(ballotIdFloor(ms - 1000) <= id).toBe(true)
    expect(ballotIdFloor(ms + 60_000) > id).toBe(true)
  })
})

describe('voter tokens and Shanghai time', () => {
  it('signs a token for one campaign that expires, carrying the voter key and first-seen time', () => {
    const secret = 's'.repeat(32)
    const tok = signVoterToken(secret, 'c1', '13912345678', 2000, 500)
    expect(readVoterToken(secret, tok, 'c1', 1000)).toEqual({
      campaignId: 'c1',
      mobile: '13912345678',
      voterKey: voterKeyOf(secret, 'c1', { kind: 'sms', mobile: '13912345678' }),
      expiresMs: 2000,
      knownSinceMs: 500,
    })
    expect(readVoterToken(secret, tok, 'c2', 1000)).toBeNull()
    expect(readVoterToken(secret, tok, 'c1', 2000)).toBeNull()
    expect(readVoterToken('t'.repeat(32), tok, 'c1', 1000)).toBeNull()
    // A forged mobile, voter key or first-seen time breaks the signature.
    const parts = tok.split('.')
    const otherSeal = signVoterToken(secret, 'c1', '13912345679', 2000, 500).split('.')[2]!
    for (const [i, value] of [
      [2, otherSeal],
      [4, '0'],
      [5, 'A'.repeat(32)],
    ] as const) {
      const forged = [...parts]
      forged[i] = value
      expect(readVoterToken(secret, forged.join('.'), 'c1', 1000)).toBeNull()
    }
  })

  it('never carries the mobile in clear, and seals it differently each time', () => {
    const secret = 's'.repeat(32)
    const a = signVoterToken(secret, 'c1', '13912345678', 2000)
    const b = signVoterToken(secret, 'c1', '13912345678', 2000)
    for (const tok of [a, b]) {
      expect(tok.startsWith('v3.c1.')).toBe(true)
      expect(tok).not.toContain('13912345678')
      expect(Buffer.from(tok.split('.')[2]!, 'base64url').toString('latin1')).not.toContain(
        '13912345678',
      )
    }
    expect(a.split('.')[2]).not.toBe(b.split('.')[2])
    expect(readVoterToken(secret, a, 'c1', 1000)?.mobile).toBe('13912345678')
    expect(readVoterToken(secret, b, 'c1', 1000)?.mobile).toBe('13912345678')
    // The ballot path unseals with one long-lived block cipher: it keeps no state between
    // tokens, whatever their order.
    const mobiles = ['13800000001', '15912345678', '18600001111']
    const tokens = mobiles.map((m) => signVoterToken(secret, 'c1', m, 2000))
    for (let round = 0; round < 3; round++)
      for (const i of [2, 0, 1])
        expect(readVoterToken(secret, tokens[i]!, 'c1', 1000)?.mobile).toBe(mobiles[i])
  })

  it('still reads v2 tokens (mobile in clear) until they expire', () => {
    const secret = 's'.repeat(32)
    const voterKey = voterKeyOf(secret, 'c1', { kind: 'sms', mobile: '13912345678' })
    const body = `v2.c1.13912345678.2000.500.${voterKey}`
    const sig = createHmac('sha256', secret).update(`votertoken|${body}`).digest('base64url')
    expect(readVoterToken(secret, `${body}.${sig}`, 'c1', 1000)).toEqual({
      campaignId: 'c1',
      mobile: '13912345678',
      voterKey,
      expiresMs: 2000,
      knownSinceMs: 500,
    })
    expect(readVoterToken(secret, `${body}.${sig}`, 'c1', 2000)).toBeNull()
  })

  it('still reads tokens of the previous format until they expire', () => {
    const secret = 's'.repeat(32)
    const body = 'v1.c1.13912345678.2000'
    const sig = createHmac('sha256', secret).update(`votertoken|${body}`).digest('base64url')
    expect(readVoterToken(secret, `${body}.${sig}`, 'c1', 1000)).toEqual({
      campaignId: 'c1',
      mobile: '13912345678',
      voterKey: voterKeyOf(secret, 'c1', { kind: 'sms', mobile: '13912345678' }),
      expiresMs: 2000,
      knownSinceMs: null,
    })
    expect(readVoterToken(secret, `${body}.${sig}x`, 'c1', 1000)).toBeNull()
    expect(campaignOfToken(`${body}.${sig}`)).toBe('c1')
    expect(campaignOfToken('garbage')).toBe('')
    expect(readVoterToken(secret, `${body}.${sig}`, 'c1', 2000)).toBeNull()
  })

  it('uses the Asia/Shanghai day and hours, with windows across midnight', () => {
    const ms = Date.parse('2026-02-10T16:30:00.000Z') // 00:30 on the 11th in Shanghai
    expect(shanghaiDay(ms)).toBe('2026-02-11')
    expect(new Date(shanghaiDayStartMs(ms)).toISOString()).toBe('2026-02-10T16:00:00.000Z')
    expect(withinHours({ start: '08:00', end: '22:00' }, ms)).toBe(false)
    expect(withinHours({ start: '22:00', end: '02:00' }, ms)).toBe(true)
    expect(withinHours(null, ms)).toBe(true)
  })
})

describe('anti-fraud state', () => {
  const facts = (over: Partial<BallotFacts> = {}): BallotFacts => ({
    voterKey: 'v1',
    deviceHash: null,
    ipHash: 'ip1',
    mobileNumber: null,
    accountCreatedMs: null,
    nowMs: 1_000_000,
    minutes: 600,
    ...over,
  })

  it('counts events over the last minute only', () => {
    const c = new MinuteCounter()
    c.hit('a', 0)
    c.hit('a', 30_000)
    expect(c.count('a', 50_000)).toBe(2)
    expect(c.count('a', 64_000)).toBe(1)
    expect(c.count('a', 100_000)).toBe(0)
    // Keys unseen for a minute are gone after at most two sweeps a minute apart.
    c.sweep(200_000)
    expect(c.count('a', 200_000)).toBe(0)
    c.sweep(230_000) // too soon after the last sweep: nothing is dropped
    expect(c.size).toBe(1)
    c.sweep(260_000)
    expect(c.size).toBe(0)
  })

  it('keeps a minute of buckets per key, also for a busy key and a clock that moved back', () => {
    const c = new MinuteCounter()
    for (let t = 0; t < 120_000; t += 100) c.hit('ip', t) // 10 a second for two minutes
    expect(c.count('ip', 119_999)).toBe(600)
    c.hit('v', 50_000)
    c.hit('v', 20_000) // the test clock moved back
    c.hit('v', 50_001)
    expect(c.count('v', 55_000)).toBe(3)
    expect(c.count('v', 85_000)).toBe(2) // the 20 s bucket has left the minute
    c.sweep(90_000)
    expect(c.count('v', 90_000)).toBe(2)
    c.hit('v', 100_000) // seen again: back in the young generation, kept by the next sweep
    c.sweep(150_000)
    expect(c.count('v', 150_000)).toBe(1)
    c.sweep(400_000)
    c.sweep(460_000)
    expect(c.size).toBe(0)
  })

  it('stays fair to 1,000 voters behind one IP and stops one voter flooding', () => {
    const f = new FraudState()
    for (let i = 0; i < 1000; i++) {
      const x = facts({ voterKey: `v${i}` })
      expect(f.limitHit(x)).toBeNull()
      f.record(x)
    }
    for (let i = 0; i < 20; i++) f.record(facts({ voterKey: 'flood' }))
    expect(f.limitHit(facts({ voterKey: 'flood' }))).toBe('voter')
  })

  it('flags sequential mobiles, shared devices, new accounts and night bursts', () => {
    const f = new FraudState()
    for (const m of [13500000001, 13500000002])
      f.record(facts({ voterKey: `m${m}`, mobileNumber: m }))
    expect(f.signals(facts({ voterKey: 'm3', mobileNumber: 13500000003 }))).toContain(
      'sequential_mobiles',
    )
    expect(f.signals(facts({ voterKey: 'm9', mobileNumber: 13900000003 }))).not.toContain(
      'sequential_mobiles',
    )

    for (const v of ['a', 'b', 'c'])
      f.record(facts({ voterKey: v, deviceHash: 'd1', ipHash: 'ip2' }))
    expect(f.signals(facts({ voterKey: 'd', deviceHash: 'd1', ipHash: 'ip3' }))).toEqual([
      'shared_device',
    ])
    expect(f.signals(facts({ voterKey: 'a', deviceHash: 'd1', ipHash: 'ip3' }))).toEqual([])

    expect(f.signals(facts({ voterKey: 'n', ipHash: 'ip4', accountCreatedMs: 999_000 }))).toEqual([
      'new_account',
    ])
    const night = new FraudState()
    for (let i = 0; i < 9; i++)
      night.record(facts({ voterKey: `x${i}`, ipHash: 'ipn', minutes: 150 }))
    expect(night.signals(facts({ voterKey: 'y', ipHash: 'ipn', minutes: 150 }))).toEqual([
      'night_burst',
    ])
    expect(night.signals(facts({ voterKey: 'y', ipHash: 'ipn', minutes: 600 }))).toEqual([])
  })
})

describe('flagsForReview', () => {
  it('puts a ballot in review for every signal but a new account alone', () => {
    expect(flagsForReview('new_account')).toBe(false)
    for (const s of [
      'burst_velocity',
      'shared_device',
      'night_burst',
      'sequential_mobiles',
      'ip_velocity',
    ] as const)
      expect(flagsForReview(s), s).toBe(true)
  })
})
