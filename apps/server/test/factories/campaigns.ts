import type {
  Campaign,
  CampaignPhase,
  CreateCampaignBody,
  CreateNominationBody,
} from '@unionhall/contracts'
import { CAMPAIGN_PHASES } from '@unionhall/contracts'
import type { Ctx } from '../../src/core/access'
import { typed } from '../../src/platform/db/create-db'
import type { CampaignTables } from '../../src/modules/campaigns/campaigns.tables'
import {
  advancePhase,
  createCampaign,
  loadBallots,
  loadCandidates,
} from '../../src/modules/campaigns'
import type { TestApp } from '../build-test-app'
import { freshMobile } from './members'

/** Six back-to-back periods from 2020-03-01, one per dated phase. */
export const testSchedule = () => {
  const day = (d: number) => new Date(Date.UTC(2020, 2, 1 + d)).toISOString()
  const phases = ['nomination', 'review', 'publicity', 'voting', 'jury', 'result_publicity']
  return Object.fromEntries(
    phases.map((p, i) => [p, { startsAt: day(i * 10), endsAt: day(i * 10 + 9) }]),
  ) as CreateCampaignBody['schedule']
}

export const TEST_RUBRIC = [
  { key: 'skill', label: '技能水平', maxScore: 60 },
  { key: 'innovation', label: '创新成果', maxScore: 40 },
]

/** A campaign through the set-up service, manual phases, sealed tallies, weights 0.4/0.6. */
export const makeCampaign = async (
  t: TestApp,
  ctx: Ctx,
  input: { orgId: string; parentCampaignId?: string } & Partial<CreateCampaignBody>,
): Promise<Campaign> =>
  createCampaign(t.database.db, ctx, {
    name: '测试工匠评选',
    honourTitle: '测试工匠',
    year: 2020,
    description: '',
    categories: [
      { name: '技能工匠', honourCount: 2 },
      { name: '创新工匠', honourCount: 1 },
    ],
    schedule: testSchedule(),
    ...(input.parentCampaignId
      ? {}
      : {
          rules: {
            eligibility: 'members',
            votesPerDay: 1,
            maxPerCandidatePerDay: 1,
            // No more choices than a day's votes (VotingRulesInputSchema).
            maxChoicesPerBallot: 1,
            hours: null,
            sealed: true,
            weights: { publicVote: 0.4, jury: 0.6 },
          },
          quotas: { minFrontLineShare: 0.5 },
          rubric: TEST_RUBRIC,
        }),
    phaseMode: 'manual',
    ...input,
  })

/** Advances a campaign phase by phase (running the phase hooks) until it reaches `to`. */
/**
 * Steps a campaign on to `to`. Leaving the jury phase with scores missing needs a reason, as it
 * does for staff (CAMPAIGN_JURY_INCOMPLETE); tests that do not score every candidate pass one.
 */
export const advanceTo = async (
  t: TestApp,
  ctx: Ctx,
  campaign: Campaign,
  to: CampaignPhase,
  juryIncompleteReason?: string,
) => {
  let { phase } = await typed<CampaignTables>(t.database.db)
    .selectFrom('campaign')
    .select('phase')
    .where('id', '=', campaign.id)
    .executeTakeFirstOrThrow()
  while (CAMPAIGN_PHASES.indexOf(phase) < CAMPAIGN_PHASES.indexOf(to)) {
    const next = CAMPAIGN_PHASES[CAMPAIGN_PHASES.indexOf(phase) + 1]!
    phase = (await advancePhase(t.database.db, ctx, campaign.id, next, juryIncompleteReason)).phase
  }
  return phase
}

export type TestCandidate = {
  category: string
  name: string
  isFrontLine?: boolean
  memberId?: string
  nominatedAt?: string
}

/** Accepted nominations with candidates, inserted as the nominations service would. */
export const addCandidates = async (
  t: TestApp,
  campaign: Campaign,
  employerOrgId: string,
  specs: TestCandidate[],
) =>
  loadCandidates(
    t.database.db,
    t.crypto,
    campaign.id,
    specs.map((s) => ({
      categoryId: campaign.categories.find((c) => c.name === s.category)!.id,
      name: s.name,
      mobile: freshMobile(),
      employerOrgId,
      employerName: '测试单位',
      trade: '钳工',
      isFrontLine: s.isFrontLine ?? true,
      memberId: s.memberId ?? null,
      nominatedAt: s.nominatedAt,
    })),
  )

/**
 * Ballots giving each candidate the listed number of counted votes (one candidate per ballot),
 * plus `invalidated` invalidated ballots for the first candidate. Replaces earlier aggregates.
 */
export const addVotes = async (
  t: TestApp,
  campaignId: string,
  votes: Record<string, number>,
  invalidated = 0,
) => {
  const ballots = Object.entries(votes).flatMap(([candidateId, n]) =>
    Array.from({ length: n }, (_, i) => ({
      candidateIds: [candidateId],
      voterKey: `k${candidateId.slice(-6)}${i}`,
      voterOrgId: null,
      castAt: '2020-04-01T02:00:00.000Z',
      day: '2020-04-01',
    })),
  )
  const first = Object.keys(votes)[0]!
  for (let i = 0; i < invalidated; i++)
    ballots.push({
      candidateIds: [first],
      voterKey: `bad${i}`,
      voterOrgId: null,
      castAt: '2020-04-01T03:00:00.000Z',
      day: '2020-04-01',
      status: 'invalidated',
    } as (typeof ballots)[number])
  return loadBallots(t.database.db, campaignId, ballots)
}

/** A valid nomination of a 兰州 welder in the campaign's first category; `over` replaces any field. */
export const nominationBody = (
  t: TestApp,
  c: Campaign,
  over: Partial<CreateNominationBody> = {},
): CreateNominationBody => ({
  categoryId: c.categories[0]!.id,
  nomineeName: '张建国',
  nomineeMobile: freshMobile(),
  employerOrgId: t.orgId('兰州市总工会'),
  trade: '焊工',
  years: 18,
  isFrontLine: true,
  achievements: '攻克高铁转向架焊接难题，获全国技术能手称号。',
  photoUrls: [],
  reason: '技术过硬，爱岗敬业。',
  ...over,
})
