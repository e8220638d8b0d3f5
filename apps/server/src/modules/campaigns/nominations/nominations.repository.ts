import type { Insertable, Selectable, Updateable } from 'kysely'
import { type Db, typed } from '../../../platform/db/create-db'
import { inSubtrees } from '../../../platform/db/subtree'
import type {
  CampaignCandidateTable,
  CampaignNominationConsentSmsColumns,
  CampaignNominationSupportTable,
  CampaignNominationTable,
  CampaignObjectionTable,
  CampaignTables,
} from '../campaigns.tables'
import { contains } from '../../../platform/db/contains'

/** Reads of org and member names/paths are joins for display and subtree scoping only. */
type Tables = CampaignTables & {
  campaign_nomination: CampaignNominationConsentSmsColumns
  org: { id: string; name: string; path: string; depth: number; is_archived: number }
  member: { id: string; name: string }
}
const q = (db: Db) => typed<Tables>(db)

export type NominationRow = Selectable<
  CampaignNominationTable & CampaignNominationConsentSmsColumns
>
export type NominationWithOrg = NominationRow & { employer_org_name: string; employer_path: string }
export type ObjectionRow = Selectable<CampaignObjectionTable>

// ---- campaign tree (for review levels) ----

/** The campaign and all its descendant campaigns, with their orgs' paths. */
export const listCampaignTree = async (db: Db, rootId: string) => {
  const nodes: { id: string; parentId: string | null; orgId: string; orgPath: string }[] = []
  let frontier = [rootId]
  let first = true
  while (frontier.length > 0) {
    const rows = await q(db)
      .selectFrom('campaign as c')
      .innerJoin('org as o', 'o.id', 'c.org_id')
      .select(['c.id', 'c.parent_campaign_id', 'c.org_id', 'o.path'])
      .where(first ? 'c.id' : 'c.parent_campaign_id', 'in', frontier)
      .execute()
    first = false
    nodes.push(
      ...rows.map((r) => ({
        id: r.id,
        parentId: r.parent_campaign_id,
        orgId: r.org_id,
        orgPath: r.path,
      })),
    )
    frontier = rows.map((r) => r.id)
  }
  return nodes
}

export const findOrgNames = async (db: Db, ids: string[]) => {
  if (ids.length === 0) return new Map<string, string>()
  const rows = await q(db).selectFrom('org').select(['id', 'name']).where('id', 'in', ids).execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}

/** Active orgs inside any of the subtrees, optionally matching a name, shallowest first. */
export const listActiveOrgsIn = (
  db: Db,
  paths: string[],
  nameLike: string | undefined,
  limit: number,
) =>
  q(db)
    .selectFrom('org')
    .select(['id', 'name'])
    .where(inSubtrees('path', paths))
    .where('is_archived', '=', 0)
    .$if(!!nameLike, (qb) => qb.where(contains('name', nameLike!)))
    .orderBy('depth')
    .orderBy('path')
    .limit(limit)
    .execute()

// ---- nominations ----

const nominationsWithOrg = (db: Db) =>
  q(db)
    .selectFrom('campaign_nomination as n')
    .innerJoin('org as o', 'o.id', 'n.employer_org_id')
    .selectAll('n')
    .select(['o.name as employer_org_name', 'o.path as employer_path'])

export const findNomination = (
  db: Db,
  campaignId: string,
  id: string,
): Promise<NominationWithOrg | undefined> =>
  nominationsWithOrg(db)
    .where('n.campaign_id', '=', campaignId)
    .where('n.id', '=', id)
    .executeTakeFirst()

export const findNominationById = (db: Db, id: string): Promise<NominationWithOrg | undefined> =>
  nominationsWithOrg(db).where('n.id', '=', id).executeTakeFirst()

export const findNominationsByIds = (db: Db, campaignId: string, ids: string[]) =>
  nominationsWithOrg(db).where('n.campaign_id', '=', campaignId).where('n.id', 'in', ids).execute()

/** A live (not merged, not rejected) nomination of the same person: same mobile or ID number. */
export const findLiveNominationOf = (
  db: Db,
  campaignId: string,
  mobileHash: string,
  idCardHash: string | null,
) =>
  nominationsWithOrg(db)
    .where('n.campaign_id', '=', campaignId)
    .where('n.status', 'in', ['awaiting_consent', 'submitted', 'accepted'])
    .where((eb) =>
      idCardHash
        ? eb.or([
            eb('n.nominee_mobile_hash', '=', mobileHash),
            eb('n.nominee_id_card_hash', '=', idCardHash),
          ])
        : eb('n.nominee_mobile_hash', '=', mobileHash),
    )
    .orderBy('n.created_at')
    .executeTakeFirst()

/**
 * Inserts a first nomination unless a live one of the same person (mobile or ID number) exists:
 * the unique partial indexes decide, so of two concurrent first nominations exactly one is
 * inserted. @returns false when the person already had one (the caller joins it instead).
 */
export const insertNominationIfNew = async (
  db: Db,
  row: Insertable<CampaignNominationTable & CampaignNominationConsentSmsColumns>,
): Promise<boolean> => {
  const r = await q(db)
    .insertInto('campaign_nomination')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst()
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1
}

/**
 * Takes one consent SMS slot of a nomination still awaiting consent, atomically: at most one
 * every `minIntervalMs` and `dailyMax` per UTC day, so concurrent re-sends cannot exceed them.
 * Also stores the hash of the token being sent (it changes when the secret was rotated).
 * @returns false when the nomination is not pending or a limit holds.
 */
export const claimConsentSms = async (
  db: Db,
  id: string,
  o: { now: Date; minIntervalMs: number; dailyMax: number; tokenHash: string },
): Promise<boolean> => {
  const day = o.now.toISOString().slice(0, 10)
  const cutoff = new Date(o.now.getTime() - o.minIntervalMs).toISOString()
  const r = await q(db)
    .updateTable('campaign_nomination')
    .set((eb) => ({
      consent_sms_sent_at: o.now.toISOString(),
      consent_sms_day: day,
      consent_sms_day_count: eb
        .case()
        .when('consent_sms_day', '=', day)
        .then(eb('consent_sms_day_count', '+', 1))
        .else(1)
        .end(),
      consent_token_hash: o.tokenHash,
    }))
    .where('id', '=', id)
    .where('status', '=', 'awaiting_consent')
    .where('consent_token_hash', 'is not', null)
    .where((eb) =>
      eb.or([eb('consent_sms_sent_at', 'is', null), eb('consent_sms_sent_at', '<=', cutoff)]),
    )
    .where((eb) =>
      eb.or([
        eb('consent_sms_day', 'is', null),
        eb('consent_sms_day', '<>', day),
        eb('consent_sms_day_count', '<', o.dailyMax),
      ]),
    )
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

export const updateNomination = async (
  db: Db,
  id: string,
  fields: Updateable<CampaignNominationTable & CampaignNominationConsentSmsColumns>,
) => {
  await q(db).updateTable('campaign_nomination').set(fields).where('id', '=', id).execute()
}

export const insertSupport = async (db: Db, row: Insertable<CampaignNominationSupportTable>) => {
  await q(db).insertInto('campaign_nomination_support').values(row).execute()
}

export const hasSupportFrom = async (
  db: Db,
  nominationId: string,
  by: { memberId: string | null; orgId: string | null },
) =>
  (await q(db)
    .selectFrom('campaign_nomination_support')
    .select('id')
    .where('nomination_id', '=', nominationId)
    .where((eb) =>
      by.orgId
        ? eb('nominating_org_id', '=', by.orgId)
        : eb.and([
            eb('nominator_member_id', '=', by.memberId),
            eb('nominating_org_id', 'is', null),
          ]),
    )
    .executeTakeFirst()) !== undefined

export const incrementSupporters = async (db: Db, id: string, by: number, now: string) => {
  await q(db)
    .updateTable('campaign_nomination')
    .set((eb) => ({ supporter_count: eb('supporter_count', '+', by), updated_at: now }))
    .where('id', '=', id)
    .execute()
}

/** Re-points the support rows of merged nominations at the one they were merged into. */
export const moveSupports = async (db: Db, fromIds: string[], intoId: string) => {
  await q(db)
    .updateTable('campaign_nomination_support')
    .set({ nomination_id: intoId })
    .where('nomination_id', 'in', fromIds)
    .execute()
}

export const listSupports = (db: Db, nominationId: string) =>
  q(db)
    .selectFrom('campaign_nomination_support as s')
    .leftJoin('member as m', 'm.id', 's.nominator_member_id')
    .leftJoin('org as o', 'o.id', 's.nominating_org_id')
    .select([
      's.reason',
      's.recommendation_letter',
      's.created_at',
      's.nominating_org_id',
      'm.name as member_name',
      'o.name as org_name',
    ])
    .where('s.nomination_id', '=', nominationId)
    .orderBy('s.created_at')
    .execute()

/**
 * The orgs that nominated or support each of these nominations (org nominations), in the order
 * they did; a merge may bring the same org twice, named once.
 */
export const listNominatingOrgNames = async (db: Db, nominationIds: string[]) => {
  const byNomination = new Map<string, string[]>()
  if (nominationIds.length === 0) return byNomination
  const rows = await q(db)
    .selectFrom('campaign_nomination_support as s')
    .innerJoin('org as o', 'o.id', 's.nominating_org_id')
    .select(['s.nomination_id', 'o.name'])
    .where('s.nomination_id', 'in', nominationIds)
    .orderBy('s.created_at')
    .orderBy('s.id')
    .execute()
  for (const r of rows) {
    const names = byNomination.get(r.nomination_id) ?? []
    if (!names.includes(r.name)) names.push(r.name)
    byNomination.set(r.nomination_id, names)
  }
  return byNomination
}

/** Nominations the member supported (as a person or for an org), newest first. */
export const listNominationsSupportedBy = (db: Db, campaignId: string, memberId: string) =>
  nominationsWithOrg(db)
    .where('n.campaign_id', '=', campaignId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('campaign_nomination_support as s')
          .select('s.id')
          .whereRef('s.nomination_id', '=', 'n.id')
          .where('s.nominator_member_id', '=', memberId),
      ),
    )
    .orderBy('n.created_at', 'desc')
    .limit(200)
    .execute()

export type NominationFilter = {
  campaignId: string
  /** Subtrees of the employer org the reader may see. */
  paths: string[]
  status?: CampaignNominationTable['status']
  categoryId?: string
  reviewLevelOrgId?: string
  nameLike?: string
  mobileHash?: string
}

const filtered = (db: Db, f: NominationFilter) =>
  q(db)
    .selectFrom('campaign_nomination as n')
    .innerJoin('org as o', 'o.id', 'n.employer_org_id')
    .where('n.campaign_id', '=', f.campaignId)
    .where(inSubtrees('o.path', f.paths))
    .$if(f.status !== undefined, (qb) => qb.where('n.status', '=', f.status!))
    .$if(f.categoryId !== undefined, (qb) => qb.where('n.category_id', '=', f.categoryId!))
    .$if(f.reviewLevelOrgId !== undefined, (qb) =>
      qb.where('n.review_level_org_id', '=', f.reviewLevelOrgId!),
    )
    .$if(f.mobileHash !== undefined, (qb) => qb.where('n.nominee_mobile_hash', '=', f.mobileHash!))
    .$if(f.mobileHash === undefined && !!f.nameLike, (qb) =>
      qb.where((eb) =>
        eb.or([
          contains('n.nominee_name', f.nameLike!),
          contains('n.trade', f.nameLike!),
          contains('o.name', f.nameLike!),
        ]),
      ),
    )

export const listNominations = async (
  db: Db,
  f: NominationFilter,
  limit: number,
  offset: number,
) => {
  const [rows, count] = await Promise.all([
    filtered(db, f)
      .selectAll('n')
      .select(['o.name as employer_org_name', 'o.path as employer_path'])
      .orderBy('n.created_at')
      .orderBy('n.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { rows: rows as NominationWithOrg[], total: Number(count.n) }
}

/** Per category: accepted, accepted front-line, and pending (not yet decided) nominations. */
export const countNominationsByCategory = async (db: Db, campaignId: string) => {
  const rows = await q(db)
    .selectFrom('campaign_nomination')
    .select(['category_id', 'status', 'is_front_line'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('campaign_id', '=', campaignId)
    .where('status', 'in', ['awaiting_consent', 'submitted', 'accepted'])
    .groupBy(['category_id', 'status', 'is_front_line'])
    .execute()
  const counts = new Map<string, { accepted: number; acceptedFrontLine: number; pending: number }>()
  for (const r of rows) {
    const c = counts.get(r.category_id) ?? { accepted: 0, acceptedFrontLine: 0, pending: 0 }
    const n = Number(r.n)
    if (r.status === 'accepted') {
      c.accepted += n
      if (Number(r.is_front_line) === 1) c.acceptedFrontLine += n
    } else c.pending += n
    counts.set(r.category_id, c)
  }
  return counts
}

/** Accepted nominations without a candidate yet, in category order then first come. */
export const listAcceptedWithoutCandidate = (db: Db, campaignId: string) =>
  nominationsWithOrg(db)
    .innerJoin('campaign_category as cat', 'cat.id', 'n.category_id')
    .where('n.campaign_id', '=', campaignId)
    .where('n.status', '=', 'accepted')
    .where('n.consented_at', 'is not', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('campaign_candidate as cc')
            .select('cc.id')
            .whereRef('cc.nomination_id', '=', 'n.id'),
        ),
      ),
    )
    .orderBy('cat.sort')
    .orderBy('n.created_at')
    .orderBy('n.id')
    .execute()

// ---- candidates ----

export type CandidateRowWithCategory = Selectable<CampaignCandidateTable> & {
  category_name: string
}

export const maxCandidateNumber = async (db: Db, campaignId: string) => {
  const r = await q(db)
    .selectFrom('campaign_candidate')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('campaign_id', '=', campaignId)
    .executeTakeFirst()
  return Number(r?.n ?? 0)
}

export const insertCandidates = async (db: Db, rows: Insertable<CampaignCandidateTable>[]) => {
  for (let i = 0; i < rows.length; i += 200)
    await q(db)
      .insertInto('campaign_candidate')
      .values(rows.slice(i, i + 200))
      .execute()
}

export const updateCandidate = async (
  db: Db,
  id: string,
  fields: Updateable<CampaignCandidateTable>,
) => {
  await q(db).updateTable('campaign_candidate').set(fields).where('id', '=', id).execute()
}

const candidatesWithCategory = (db: Db) =>
  q(db)
    .selectFrom('campaign_candidate as c')
    .innerJoin('campaign_category as cat', 'cat.id', 'c.category_id')
    .selectAll('c')
    .select('cat.name as category_name')

export const findCandidate = (
  db: Db,
  campaignId: string,
  id: string,
): Promise<CandidateRowWithCategory | undefined> =>
  candidatesWithCategory(db)
    .where('c.campaign_id', '=', campaignId)
    .where('c.id', '=', id)
    .executeTakeFirst()

export const findCandidatesByIds = (db: Db, campaignId: string, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([] as CandidateRowWithCategory[])
    : candidatesWithCategory(db)
        .where('c.campaign_id', '=', campaignId)
        .where('c.id', 'in', [...ids])
        .orderBy('c.number')
        .execute()

export const listAllCandidates = (db: Db, campaignId: string, status?: 'active' | 'withdrawn') =>
  candidatesWithCategory(db)
    .where('c.campaign_id', '=', campaignId)
    .$if(status !== undefined, (qb) => qb.where('c.status', '=', status!))
    .orderBy('c.number')
    .execute()

export type CandidateFilter = {
  campaignId: string
  status?: 'active' | 'withdrawn'
  categoryId?: string
  nameLike?: string
}

const filteredCandidates = (db: Db, f: CandidateFilter) =>
  q(db)
    .selectFrom('campaign_candidate as c')
    .innerJoin('campaign_category as cat', 'cat.id', 'c.category_id')
    .where('c.campaign_id', '=', f.campaignId)
    .$if(f.status !== undefined, (qb) => qb.where('c.status', '=', f.status!))
    .$if(f.categoryId !== undefined, (qb) => qb.where('c.category_id', '=', f.categoryId!))
    .$if(!!f.nameLike, (qb) =>
      qb.where((eb) => {
        // Up to six digits may also be a ballot number (号). Not any number: "2147483648" or
        // "1e308" compared with the integer column failed on PostgreSQL and answered 500.
        const n = /^\d{1,6}$/.test(f.nameLike!) ? Number(f.nameLike) : 0
        const like = [contains('c.name', f.nameLike!), contains('c.employer_name', f.nameLike!)]
        return eb.or(n > 0 ? [...like, eb('c.number', '=', n)] : like)
      }),
    )

export const listCandidates = async (db: Db, f: CandidateFilter, limit: number, offset: number) => {
  const [rows, count] = await Promise.all([
    filteredCandidates(db, f)
      .selectAll('c')
      .select('cat.name as category_name')
      .orderBy('c.number')
      .limit(limit)
      .offset(offset)
      .execute(),
    filteredCandidates(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

// ---- objections ----

export const insertObjection = async (db: Db, row: Insertable<CampaignObjectionTable>) => {
  await q(db).insertInto('campaign_objection').values(row).execute()
}

const objectionsWithCandidate = (db: Db) =>
  q(db)
    .selectFrom('campaign_objection as ob')
    .innerJoin('campaign_candidate as c', 'c.id', 'ob.candidate_id')
    .selectAll('ob')
    .select('c.name as candidate_name')

export const findObjection = (db: Db, campaignId: string, id: string) =>
  objectionsWithCandidate(db)
    .where('ob.campaign_id', '=', campaignId)
    .where('ob.id', '=', id)
    .executeTakeFirst()

export const listObjections = async (
  db: Db,
  campaignId: string,
  status: ObjectionRow['status'] | undefined,
  limit: number,
  offset: number,
) => {
  const base = () =>
    q(db)
      .selectFrom('campaign_objection as ob')
      .where('ob.campaign_id', '=', campaignId)
      .$if(status !== undefined, (qb) => qb.where('ob.status', '=', status!))
  const [rows, count] = await Promise.all([
    objectionsWithCandidate(db)
      .where('ob.campaign_id', '=', campaignId)
      .$if(status !== undefined, (qb) => qb.where('ob.status', '=', status!))
      .orderBy('ob.created_at')
      .orderBy('ob.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    base()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

/** Resolves an open objection; false when it was no longer open (a concurrent resolve won). */
export const resolveObjection = async (
  db: Db,
  id: string,
  fields: Pick<ObjectionRow, 'status' | 'resolution' | 'resolved_by' | 'resolved_at'>,
) => {
  const r = await q(db)
    .updateTable('campaign_objection')
    .set(fields)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}
