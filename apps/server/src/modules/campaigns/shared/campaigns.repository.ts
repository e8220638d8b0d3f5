import { uploadIdOf } from '../../../core/uploads'
import { fromJson, isPostgres } from '../../../platform/db/columns'
import { type Db, typed } from '../../../platform/db/create-db'
import { inSubtrees } from '../../../platform/db/subtree'
import type { CampaignCategoryTable, CampaignTable, CampaignTables } from '../campaigns.tables'
import { contains } from '../../../platform/db/contains'

type Tables = CampaignTables & { org: { id: string; name: string; path: string } }
const q = (db: Db) => typed<Tables>(db)

export const findCampaignById = (db: Db, id: string) =>
  q(db).selectFrom('campaign').selectAll().where('id', '=', id).executeTakeFirst()

export const findCategories = (db: Db, campaignId: string) =>
  q(db)
    .selectFrom('campaign_category')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .orderBy('sort')
    .execute()

export const insertCampaign = async (
  db: Db,
  row: CampaignTable,
  categories: CampaignCategoryTable[],
) => {
  await q(db).insertInto('campaign').values(row).execute()
  if (categories.length > 0)
    await q(db).insertInto('campaign_category').values(categories).execute()
}

export const updateCampaignFields = async (
  db: Db,
  id: string,
  fields: Partial<Omit<CampaignTable, 'id' | 'org_id' | 'created_at'>>,
) => {
  await q(db).updateTable('campaign').set(fields).where('id', '=', id).execute()
}

/** How many jury scores a campaign has (any juror, any candidate). */
export const countJuryScores = async (db: Db, campaignId: string) =>
  Number(
    (
      await q(db)
        .selectFrom('campaign_jury_score')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('campaign_id', '=', campaignId)
        .executeTakeFirstOrThrow()
    ).n,
  )

/**
 * The campaign's rubric column, read inside a transaction with a row lock on PostgreSQL, so a
 * jury score and a rubric edit cannot pass each other (SQLite transactions already run one at a
 * time).
 */
export const lockCampaignRubric = async (db: Db, id: string) => {
  const query = q(db).selectFrom('campaign').select('rubric').where('id', '=', id)
  const row = await (isPostgres(db) ? query.forUpdate() : query).executeTakeFirst()
  return row?.rubric ?? null
}

export type CampaignListFilter = {
  paths: string[]
  orgPath?: string
  /** Org paths (exact) whose campaigns past draft are listed too: the actor reviews in them. */
  reviewedAbove?: string[]
  phase?: string
  year?: number
  nameLike?: string
}

const filtered = (db: Db, f: CampaignListFilter) =>
  q(db)
    .selectFrom('campaign as c')
    .innerJoin('org as o', 'o.id', 'c.org_id')
    .where((eb) => {
      const own = f.orgPath
        ? eb.and([inSubtrees('o.path', f.paths)(eb), inSubtrees('o.path', [f.orgPath])(eb)])
        : inSubtrees('o.path', f.paths)(eb)
      if (!f.reviewedAbove?.length) return own
      return eb.or([
        own,
        eb.and([eb('o.path', 'in', f.reviewedAbove), eb('c.phase', '!=', 'draft')]),
      ])
    })
    .$if(f.phase !== undefined, (qb) => qb.where('c.phase', '=', f.phase as CampaignTable['phase']))
    .$if(f.year !== undefined, (qb) => qb.where('c.year', '=', f.year!))
    .$if(!!f.nameLike, (qb) =>
      qb.where((eb) =>
        eb.or([contains('c.name', f.nameLike!), contains('c.honour_title', f.nameLike!)]),
      ),
    )

export const listCampaigns = async (
  db: Db,
  f: CampaignListFilter,
  limit: number,
  offset: number,
) => {
  const [rows, count] = await Promise.all([
    filtered(db, f)
      .selectAll('c')
      .select(['o.name as org_name', 'o.path as org_path'])
      .orderBy('c.year', 'desc')
      .orderBy('c.created_at', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

/** Campaigns whose phase may be due to change (auto mode, not yet announced). */
export const listAutoCampaignsInProgress = (db: Db) =>
  q(db)
    .selectFrom('campaign')
    .select(['id', 'phase', 'schedule'])
    .where('phase_mode', '=', 'auto')
    .where('phase', 'not in', ['draft', 'announced'])
    .execute()

export const listChildCampaigns = (db: Db, parentId: string) =>
  q(db)
    .selectFrom('campaign as c')
    .innerJoin('org as o', 'o.id', 'c.org_id')
    .select(['c.id', 'c.name', 'c.phase', 'c.org_id', 'o.name as org_name'])
    .where('c.parent_campaign_id', '=', parentId)
    .orderBy('o.path')
    .execute()

/**
 * Every upload campaign rows refer to: covers, nomination photos and candidate photos (the
 * orphan upload collector keeps these; app.ts registers it). A new column holding image URLs
 * must be added here.
 */
export const listCampaignUploadIds = async (db: Db): Promise<string[]> => {
  const covers = await q(db)
    .selectFrom('campaign')
    .select('cover_image_url')
    .where('cover_image_url', 'is not', null)
    .execute()
  const nominations = await q(db)
    .selectFrom('campaign_nomination')
    .select('photo_urls')
    .where('photo_urls', '<>', '[]')
    .execute()
  const candidates = await q(db)
    .selectFrom('campaign_candidate')
    .select('photo_urls')
    .where('photo_urls', '<>', '[]')
    .execute()
  const urls = [
    ...covers.map((r) => r.cover_image_url!),
    ...[...nominations, ...candidates].flatMap((r) => fromJson<string[]>(r.photo_urls) ?? []),
  ]
  return urls.map(uploadIdOf).filter((id): id is string => id !== null)
}
