import { type Db, typed } from '../../../platform/db/create-db'
import type {
  CampaignHonourTable,
  CampaignJuryScoreTable,
  CampaignNominationSupportTable,
  CampaignNominationTable,
  CampaignTables,
} from '../campaigns.tables'

/**
 * Reads of member and org names (and the member's org path for scoping) are the sanctioned
 * joins on core tables; campaign_* tables belong to this module.
 */
type Tables = CampaignTables & {
  org: { id: string; name: string; path: string }
  member: { id: string; name: string; org_id: string; status: string }
  campaign_vote_totals: {
    campaign_id: string
    ballots: number
    votes: number
    invalidated_ballots: number
    invalidated_votes: number
  }
  campaign_ballot_voter: { campaign_id: string; voter_key: string; ballot_id: string }
}
const q = (db: Db) => typed<Tables>(db)

// ---- jurors ----

export const findJuror = (db: Db, campaignId: string, memberId: string) =>
  q(db)
    .selectFrom('campaign_juror')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('member_id', '=', memberId)
    .executeTakeFirst()

export const insertJuror = (db: Db, campaignId: string, memberId: string, at: string) =>
  q(db)
    .insertInto('campaign_juror')
    .values({ campaign_id: campaignId, member_id: memberId, created_at: at })
    .execute()

export const deleteJuror = (db: Db, campaignId: string, memberId: string) =>
  q(db)
    .deleteFrom('campaign_juror')
    .where('campaign_id', '=', campaignId)
    .where('member_id', '=', memberId)
    .execute()

export const listJurors = (db: Db, campaignId: string) =>
  q(db)
    .selectFrom('campaign_juror as j')
    .innerJoin('member as m', 'm.id', 'j.member_id')
    .innerJoin('org as o', 'o.id', 'm.org_id')
    .select(['j.campaign_id', 'j.member_id', 'j.created_at', 'm.name', 'o.name as org_name'])
    .select((eb) =>
      eb
        .selectFrom('campaign_jury_score as s')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('s.campaign_id', '=', 'j.campaign_id')
        .whereRef('s.juror_member_id', '=', 'j.member_id')
        .as('scored'),
    )
    .where('j.campaign_id', '=', campaignId)
    .orderBy('j.created_at')
    .orderBy('j.member_id')
    .execute()

/**
 * The campaigns where a member is a juror, with their org's name, the active candidates and
 * how many of those the member has scored (a withdrawn candidate's score no longer counts).
 * One query, whatever the number of campaigns: every signed-in home page asks for it.
 */
export const listJuryAssignmentsOfMember = (db: Db, memberId: string) =>
  q(db)
    .selectFrom('campaign_juror as j')
    .innerJoin('campaign as c', 'c.id', 'j.campaign_id')
    .innerJoin('org as o', 'o.id', 'c.org_id')
    .select([
      'c.id',
      'c.name',
      'c.year',
      'c.honour_title',
      'c.phase',
      'c.schedule',
      'o.name as org_name',
    ])
    .select((eb) => [
      eb
        .selectFrom('campaign_candidate as cc')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('cc.campaign_id', '=', 'j.campaign_id')
        .where('cc.status', '=', 'active')
        .as('candidate_count'),
      eb
        .selectFrom('campaign_jury_score as s')
        .innerJoin('campaign_candidate as sc', 'sc.id', 's.candidate_id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('s.campaign_id', '=', 'j.campaign_id')
        .whereRef('s.juror_member_id', '=', 'j.member_id')
        .where('sc.status', '=', 'active')
        .as('scored_count'),
    ])
    .where('j.member_id', '=', memberId)
    .orderBy('c.year', 'desc')
    .orderBy('j.created_at', 'desc')
    .orderBy('c.id')
    .execute()

export const countScoresOfJuror = async (db: Db, campaignId: string, memberId: string) =>
  Number(
    (
      await q(db)
        .selectFrom('campaign_jury_score')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('campaign_id', '=', campaignId)
        .where('juror_member_id', '=', memberId)
        .executeTakeFirstOrThrow()
    ).n,
  )

// ---- candidates, scores, tallies ----

/** Active candidates of a campaign with their category name and nomination time. */
export const listActiveCandidates = (db: Db, campaignId: string) =>
  q(db)
    .selectFrom('campaign_candidate as c')
    .innerJoin('campaign_category as k', 'k.id', 'c.category_id')
    .innerJoin('campaign_nomination as n', 'n.id', 'c.nomination_id')
    .selectAll('c')
    .select(['k.name as category_name', 'n.created_at as nominated_at'])
    .where('c.campaign_id', '=', campaignId)
    .where('c.status', '=', 'active')
    .orderBy('k.sort')
    .orderBy('c.number')
    .execute()

export const findCandidate = (db: Db, campaignId: string, candidateId: string) =>
  q(db)
    .selectFrom('campaign_candidate')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('id', '=', candidateId)
    .executeTakeFirst()

export const findCandidatesByIds = (db: Db, campaignId: string, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : q(db)
        .selectFrom('campaign_candidate as c')
        .innerJoin('campaign_category as k', 'k.id', 'c.category_id')
        .selectAll('c')
        .select('k.name as category_name')
        .where('c.campaign_id', '=', campaignId)
        .where('c.id', 'in', ids)
        .execute()

export const listScores = (db: Db, campaignId: string) =>
  q(db)
    .selectFrom('campaign_jury_score')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .orderBy('submitted_at')
    .execute()

export const listScoresOfJuror = (db: Db, campaignId: string, memberId: string) =>
  q(db)
    .selectFrom('campaign_jury_score')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('juror_member_id', '=', memberId)
    .execute()

export const findScore = (db: Db, campaignId: string, candidateId: string, jurorId: string) =>
  q(db)
    .selectFrom('campaign_jury_score')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('candidate_id', '=', candidateId)
    .where('juror_member_id', '=', jurorId)
    .executeTakeFirst()

/** Inserts or replaces a juror's score of one candidate. */
export const upsertScore = async (db: Db, row: CampaignJuryScoreTable) => {
  await q(db)
    .insertInto('campaign_jury_score')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['campaign_id', 'candidate_id', 'juror_member_id']).doUpdateSet({
        scores: row.scores,
        total: row.total,
        comment: row.comment,
        submitted_at: row.submitted_at,
      }),
    )
    .execute()
}

/**
 * Per-candidate tallies. The ballot engine keeps campaign_tally current; until its
 * getTallies() is exported this sub-feature reads the table directly (same module).
 */
export const listTallies = (db: Db, campaignId: string) =>
  q(db)
    .selectFrom('campaign_tally')
    .select(['candidate_id', 'votes', 'invalidated_votes'])
    .where('campaign_id', '=', campaignId)
    .execute()

export const countOpenObjections = async (db: Db, campaignId: string) =>
  Number(
    (
      await q(db)
        .selectFrom('campaign_objection')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('campaign_id', '=', campaignId)
        .where('status', '=', 'open')
        .executeTakeFirstOrThrow()
    ).n,
  )

export const countInvalidatedBallots = async (db: Db, campaignId: string) =>
  Number(
    (
      await q(db)
        .selectFrom('campaign_ballot')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('campaign_id', '=', campaignId)
        .where('status', '=', 'invalidated')
        .executeTakeFirstOrThrow()
    ).n,
  )

// ---- honours ----

export const listHonoursOfCampaign = (db: Db, campaignId: string) =>
  q(db)
    .selectFrom('campaign_honour')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .orderBy('awarded_at')
    .orderBy('id')
    .execute()

export const insertHonours = async (db: Db, rows: CampaignHonourTable[]) => {
  if (rows.length > 0) await q(db).insertInto('campaign_honour').values(rows).execute()
}

export const listHonoursOfMember = (db: Db, memberId: string) =>
  q(db)
    .selectFrom('campaign_honour as h')
    .innerJoin('campaign as c', 'c.id', 'h.campaign_id')
    .innerJoin('org as o', 'o.id', 'c.org_id')
    .selectAll('h')
    .select(['c.name as campaign_name', 'o.name as org_name'])
    .where('h.member_id', '=', memberId)
    .orderBy('h.year', 'desc')
    .orderBy('h.awarded_at', 'desc')
    .execute()

// ---- put forward ----

export const findNomination = (db: Db, id: string) =>
  q(db).selectFrom('campaign_nomination').selectAll().where('id', '=', id).executeTakeFirst()

/** A live (not rejected or merged) nomination of the same person in a campaign, if any. */
export const findLiveNominationByMobileHash = (db: Db, campaignId: string, mobileHash: string) =>
  q(db)
    .selectFrom('campaign_nomination')
    .select('id')
    .where('campaign_id', '=', campaignId)
    .where('nominee_mobile_hash', '=', mobileHash)
    .where('status', 'not in', ['rejected', 'merged'])
    .executeTakeFirst()

export const insertNominationWithSupport = async (
  db: Db,
  nomination: CampaignNominationTable,
  support: CampaignNominationSupportTable,
) => {
  await q(db).insertInto('campaign_nomination').values(nomination).execute()
  await q(db).insertInto('campaign_nomination_support').values(support).execute()
}

// ---- fixtures: demo data and tests, until the nominations and ballot services land ----

export const insertNominationRows = async (
  db: Db,
  nominations: CampaignNominationTable[],
  candidates: CampaignTables['campaign_candidate'][],
) => {
  for (const n of nominations) await q(db).insertInto('campaign_nomination').values(n).execute()
  for (const c of candidates) await q(db).insertInto('campaign_candidate').values(c).execute()
}

export const maxCandidateNumber = async (db: Db, campaignId: string) =>
  Number(
    (
      await q(db)
        .selectFrom('campaign_candidate')
        .select((eb) => eb.fn.max('number').as('n'))
        .where('campaign_id', '=', campaignId)
        .executeTakeFirst()
    )?.n ?? 0,
  )

/** Writes ballots straight into the log, with their voter side-table rows (ADR 0021). */
export const insertBallotRows = async (db: Db, rows: CampaignTables['campaign_ballot'][]) => {
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200)
    await q(db).insertInto('campaign_ballot').values(chunk).execute()
    await q(db)
      .insertInto('campaign_ballot_voter')
      .values(
        chunk.map((r) => ({ campaign_id: r.campaign_id, voter_key: r.voter_key, ballot_id: r.id })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute()
  }
}

/** Replaces a campaign's aggregates (tally, daily tally, turnout) with freshly computed ones. */
export const replaceAggregates = async (
  db: Db,
  campaignId: string,
  tallies: CampaignTables['campaign_tally'][],
  daily: CampaignTables['campaign_tally_daily'][],
  turnout: CampaignTables['campaign_turnout'][],
  totals: Omit<Tables['campaign_vote_totals'], 'campaign_id'>,
) => {
  await q(db).deleteFrom('campaign_vote_totals').where('campaign_id', '=', campaignId).execute()
  await q(db)
    .insertInto('campaign_vote_totals')
    .values({ campaign_id: campaignId, ...totals })
    .execute()
  await q(db).deleteFrom('campaign_tally').where('campaign_id', '=', campaignId).execute()
  await q(db).deleteFrom('campaign_tally_daily').where('campaign_id', '=', campaignId).execute()
  await q(db).deleteFrom('campaign_turnout').where('campaign_id', '=', campaignId).execute()
  if (tallies.length) await q(db).insertInto('campaign_tally').values(tallies).execute()
  for (let i = 0; i < daily.length; i += 200)
    await q(db)
      .insertInto('campaign_tally_daily')
      .values(daily.slice(i, i + 200))
      .execute()
  if (turnout.length) await q(db).insertInto('campaign_turnout').values(turnout).execute()
}
