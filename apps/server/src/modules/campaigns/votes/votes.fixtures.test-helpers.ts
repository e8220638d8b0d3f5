import type { VotingRules } from '@unionhall/contracts'
import { uuidv7 } from 'uuidv7'
import type { LightMyRequestResponse } from 'fastify'
import { typed } from '../../../platform/db/create-db'
import { advancePhase, createCampaign } from '../setup/setup.service'
import type { CampaignTables } from '../campaigns.tables'
import type { Ctx } from '../../../core/access'
import type { Db } from '../../../platform/db/create-db'

/** Test fixtures for the votes sub-feature (imported by its tests only). */
export const baseRules = (over: Partial<VotingRules> = {}): VotingRules => ({
  eligibility: 'members',
  votesPerDay: 5,
  maxPerCandidatePerDay: 2,
  maxChoicesPerBallot: 3,
  hours: null,
  sealed: false,
  weights: { publicVote: 0.5, jury: 0.5 },
  ...over,
})

const schedule = {
  nomination: { startsAt: '2026-01-01T00:00:00.000Z', endsAt: '2026-01-10T00:00:00.000Z' },
  review: { startsAt: '2026-01-10T00:00:00.000Z', endsAt: '2026-01-20T00:00:00.000Z' },
  publicity: { startsAt: '2026-01-20T00:00:00.000Z', endsAt: '2026-02-01T00:00:00.000Z' },
  voting: { startsAt: '2026-02-01T00:00:00.000Z', endsAt: '2026-03-01T00:00:00.000Z' },
  jury: { startsAt: '2026-03-01T00:00:00.000Z', endsAt: '2026-03-10T00:00:00.000Z' },
  result_publicity: { startsAt: '2026-03-10T00:00:00.000Z', endsAt: '2026-03-20T00:00:00.000Z' },
}

/**
 * A campaign of orgId in manual phase mode with `candidates` active candidates (and one
 * withdrawn), advanced to `phase` (voting by default).
 */
export const makeVotingCampaign = async (
  db: Db,
  ctx: Ctx,
  orgId: string,
  rules: VotingRules,
  options: { candidates?: number; phase?: 'publicity' | 'voting' } = {},
) => {
  const c = await createCampaign(db, ctx, {
    orgId,
    name: `投票测试评选 ${uuidv7().slice(-6)}`,
    honourTitle: '最美职工',
    year: 2026,
    description: '',
    categories: [{ name: '一线职工', honourCount: 2 }],
    schedule,
    rules,
    rubric: [{ key: 'impact', label: '影响', maxScore: 10 }],
    phaseMode: 'manual',
  })
  for (const to of ['nomination', 'review', 'publicity'] as const)
    await advancePhase(db, ctx, c.id, to)
  const n = options.candidates ?? 4
  const ids: string[] = []
  const rows = Array.from({ length: n + 1 }, (_, i) => {
    const id = uuidv7()
    if (i < n) ids.push(id)
    return {
      id,
      campaign_id: c.id,
      category_id: c.categories[0]!.id,
      nomination_id: uuidv7(),
      member_id: null,
      number: i + 1,
      name: `候选人${i + 1}`,
      employer_name: '测试单位',
      trade: '焊工',
      is_front_line: 1,
      story: '',
      achievements: '事迹',
      photo_urls: '[]',
      video_url: null,
      status: i < n ? ('active' as const) : ('withdrawn' as const),
      created_at: new Date().toISOString(),
    }
  })
  const now = new Date().toISOString()
  await typed<CampaignTables>(db)
    .insertInto('campaign_nomination')
    .values(
      rows.map((r) => ({
        id: r.nomination_id,
        campaign_id: c.id,
        category_id: r.category_id,
        nominee_name: r.name,
        nominee_mobile_enc: 'x',
        nominee_mobile_hash: `h-${r.nomination_id}`,
        nominee_mobile_masked: '139****0000',
        nominee_id_card_enc: null,
        nominee_id_card_hash: null,
        nominee_member_id: null,
        employer_org_id: orgId,
        trade: r.trade,
        years: 10,
        is_front_line: 1,
        achievements: r.achievements,
        photo_urls: '[]',
        video_url: null,
        status: 'accepted' as const,
        consent_token_hash: null,
        consented_at: now,
        merged_into_id: null,
        supporter_count: 1,
        review_level_org_id: null,
        review_reason: null,
        review_note: null,
        reviewed_by: null,
        reviewed_at: null,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute()
  await typed<CampaignTables>(db).insertInto('campaign_candidate').values(rows).execute()
  if ((options.phase ?? 'voting') === 'voting') await advancePhase(db, ctx, c.id, 'voting')
  return { campaignId: c.id, candidateIds: ids, withdrawnId: rows[n]!.id }
}

export const counts = async (db: Db, campaignId: string) => {
  const q = typed<CampaignTables>(db)
  const ballots = await q
    .selectFrom('campaign_ballot')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('campaign_id', '=', campaignId)
    .executeTakeFirstOrThrow()
  const tally = await q
    .selectFrom('campaign_tally')
    .select((eb) => eb.fn.sum<number>('votes').as('n'))
    .where('campaign_id', '=', campaignId)
    .executeTakeFirstOrThrow()
  return { ballots: Number(ballots.n), votes: Number(tally.n ?? 0) }
}

export const jsonOf = <T>(res: LightMyRequestResponse) => res.json<T>()
