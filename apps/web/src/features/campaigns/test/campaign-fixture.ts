import type { Campaign } from '@unionhall/contracts'

/** A provincial campaign in publicity, as the console's campaign answer gives it, for web tests. */
const period = (from: string, to: string) => ({
  startsAt: `${from}T00:00:00.000Z`,
  endsAt: `${to}T23:59:59.999Z`,
})

export const testCampaign: Campaign = {
  id: '01a2270b-9000-7000-8000-000000000001',
  orgId: '01a2270b-7d6a-7c12-abf4-7ce3e28e9562',
  orgName: '甘肃省总工会',
  parentCampaignId: null,
  name: '2026 年度陇原工匠评选',
  honourTitle: '陇原工匠',
  year: 2026,
  description: '',
  coverImageUrl: null,
  phase: 'publicity',
  phaseMode: 'auto',
  schedule: {
    nomination: period('2026-03-01', '2026-03-31'),
    review: period('2026-04-01', '2026-04-10'),
    publicity: period('2026-04-11', '2026-04-17'),
    voting: period('2026-04-18', '2026-04-30'),
    jury: period('2026-05-01', '2026-05-07'),
    result_publicity: period('2026-05-08', '2026-05-14'),
  },
  rules: {
    eligibility: 'members',
    votesPerDay: 10,
    maxPerCandidatePerDay: 1,
    maxChoicesPerBallot: 10,
    hours: null,
    sealed: true,
    weights: { publicVote: 0.6, jury: 0.4 },
  },
  rulesLockedAt: null,
  quotas: { minFrontLineShare: 0.5 },
  rubric: [{ key: 'item_1', label: '技能水平', maxScore: 100 }],
  categories: [
    { id: '01a2270b-9000-7000-8000-0000000000c1', name: '制造业', honourCount: 10, sort: 0 },
  ],
  createdAt: '2026-02-01T00:00:00.000Z',
}
