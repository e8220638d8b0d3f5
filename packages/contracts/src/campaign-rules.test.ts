import { describe, expect, it } from 'vitest'
import { CreateCampaignBodySchema, VotingRulesInputSchema, VotingRulesSchema } from './campaigns'

const rules = {
  eligibility: 'members',
  votesPerDay: 5,
  maxPerCandidatePerDay: 1,
  maxChoicesPerBallot: 3,
  hours: null,
  sealed: false,
  weights: { publicVote: 0.6, jury: 0.4 },
}
const issues = (schema: { safeParse: (v: unknown) => unknown }, value: unknown) => {
  const r = schema.safeParse(value) as {
    error?: { issues: { path: PropertyKey[]; message: string }[] }
  }
  return (r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message])
}

describe('voting rules as staff set them', () => {
  it('accept rules that agree with each other', () => {
    expect(issues(VotingRulesInputSchema, rules)).toEqual([])
    expect(issues(VotingRulesInputSchema, { ...rules, maxChoicesPerBallot: 5 })).toEqual([])
  })

  it('refuse more choices per ballot, or votes per candidate, than votes a day', () => {
    expect(
      issues(VotingRulesInputSchema, {
        ...rules,
        votesPerDay: 3,
        maxChoicesPerBallot: 10,
        maxPerCandidatePerDay: 4,
      }),
    ).toEqual([
      ['maxChoicesPerBallot', 'CAMPAIGN_CHOICES_OVER_DAILY'],
      ['maxPerCandidatePerDay', 'CAMPAIGN_CANDIDATE_OVER_DAILY'],
    ])
  })

  it('still read a campaign stored before the check', () => {
    expect(VotingRulesSchema.safeParse({ ...rules, maxChoicesPerBallot: 10 }).success).toBe(true)
  })
})

describe('categories of a new campaign', () => {
  const body = (names: string[]) => ({
    orgId: '01a2270b-7d6a-7c12-abf4-7ce3e28e9562',
    name: '陇原工匠评选',
    honourTitle: '陇原工匠',
    year: 2026,
    categories: names.map((name) => ({ name, honourCount: 3 })),
    schedule: {},
  })
  const categoryIssues = (names: string[]) =>
    issues(CreateCampaignBodySchema, body(names)).filter(([path]) =>
      String(path).startsWith('categories'),
    )

  it('refuse a name used twice, on the second, whatever the spacing, case or width', () => {
    expect(categoryIssues(['技能类', '创新类'])).toEqual([])
    expect(categoryIssues(['技能类', '创新类', ' 技能类 '])).toEqual([
      ['categories.2.name', 'CAMPAIGN_CATEGORY_DUPLICATE'],
    ])
    expect(categoryIssues(['AB', 'ａｂ'])).toEqual([
      ['categories.1.name', 'CAMPAIGN_CATEGORY_DUPLICATE'],
    ])
  })
})
