import { describe, expect, it } from 'vitest'
import { BallotLimitsSchema, DEFAULT_BALLOT_LIMITS, VotingRulesSchema } from './campaigns'

const rules = {
  eligibility: 'sms',
  votesPerDay: 5,
  maxPerCandidatePerDay: 1,
  maxChoicesPerBallot: 3,
  hours: null,
  sealed: false,
  weights: { publicVote: 0.6, jury: 0.4 },
}

describe('ballot limits in the voting rules', () => {
  it('are optional (the defaults apply) and accept sane values', () => {
    expect(VotingRulesSchema.parse(rules).limits).toBeUndefined()
    expect(BallotLimitsSchema.parse(DEFAULT_BALLOT_LIMITS)).toEqual(DEFAULT_BALLOT_LIMITS)
    expect(
      VotingRulesSchema.parse({
        ...rules,
        limits: { perVoterPerMinute: 5, perDevicePerMinute: 10, perIpPerMinute: 2000 },
      }).limits,
    ).toEqual({ perVoterPerMinute: 5, perDevicePerMinute: 10, perIpPerMinute: 2000 })
  })

  it('refuse a per-IP limit that would lock a factory NAT out, and unknown or missing fields', () => {
    const bad = (limits: unknown) => VotingRulesSchema.safeParse({ ...rules, limits }).success
    expect(bad({ perVoterPerMinute: 5, perDevicePerMinute: 10, perIpPerMinute: 999 })).toBe(false)
    expect(bad({ perVoterPerMinute: 0, perDevicePerMinute: 10, perIpPerMinute: 2000 })).toBe(false)
    expect(bad({ perVoterPerMinute: 5, perDevicePerMinute: 10 })).toBe(false)
    expect(
      bad({ perVoterPerMinute: 5, perDevicePerMinute: 10, perIpPerMinute: 2000, perAccount: 1 }),
    ).toBe(false)
  })
})
