import { sql, type Kysely, type SqlBool } from 'kysely'

/**
 * Nominations of one person can no longer race into two: a live nomination (awaiting
 * consent, submitted or accepted) is unique per campaign on the mobile blind index and on the
 * ID-number blind index, so a concurrent first nomination conflicts and joins the winner.
 *
 * Duplicates that the race already created are merged first, exactly as staff would merge
 * them: in each group of live nominations sharing a mobile or an ID number, the one furthest
 * in review (accepted, then submitted, then awaiting consent; the earliest among equals)
 * keeps its id; the others become status merged, their supporters move to it and add up, and
 * their consent links stop working. Without this the unique indexes could not be created.
 *
 * Also the consent SMS bookkeeping: when the last one was sent and how many today (UTC), the
 * per-nomination limit of re-sends.
 */

const LIVE = ['awaiting_consent', 'submitted', 'accepted']
const RANK: Record<string, number> = { accepted: 0, submitted: 1, awaiting_consent: 2 }

type Live = {
  id: string
  campaign_id: string
  nominee_mobile_hash: string
  nominee_id_card_hash: string | null
  status: string
  supporter_count: number | string
  created_at: string
}

/** Groups of live nominations of one person (sharing a mobile or ID blind index, transitively). */
const duplicateGroups = (rows: Live[]): Live[][] => {
  const parent = new Map(rows.map((r) => [r.id, r.id]))
  const find = (id: string): string => {
    let root = id
    while (parent.get(root) !== root) root = parent.get(root)!
    parent.set(id, root)
    return root
  }
  const firstByKey = new Map<string, string>()
  for (const r of rows) {
    const keys = [`m:${r.campaign_id}:${r.nominee_mobile_hash}`]
    if (r.nominee_id_card_hash) keys.push(`i:${r.campaign_id}:${r.nominee_id_card_hash}`)
    for (const key of keys) {
      const first = firstByKey.get(key)
      if (first === undefined) firstByKey.set(key, r.id)
      else parent.set(find(r.id), find(first))
    }
  }
  const groups = new Map<string, Live[]>()
  for (const r of rows) {
    const root = find(r.id)
    groups.set(root, [...(groups.get(root) ?? []), r])
  }
  return [...groups.values()].filter((g) => g.length > 1)
}

const mergeExistingDuplicates = async (db: Kysely<any>) => {
  const rows = (await db
    .selectFrom('campaign_nomination')
    .select([
      'id',
      'campaign_id',
      'nominee_mobile_hash',
      'nominee_id_card_hash',
      'status',
      'supporter_count',
      'created_at',
    ])
    .where('status', 'in', LIVE)
    .execute()) as Live[]
  const now = new Date().toISOString()
  for (const group of duplicateGroups(rows)) {
    group.sort(
      (a, b) =>
        RANK[a.status]! - RANK[b.status]! ||
        (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0) ||
        (a.id < b.id ? -1 : 1),
    )
    const [keep, ...rest] = group as [Live, ...Live[]]
    const fromIds = rest.map((r) => r.id)
    const added = rest.reduce((sum, r) => sum + Number(r.supporter_count), 0)
    await db
      .updateTable('campaign_nomination')
      .set({ status: 'merged', merged_into_id: keep.id, consent_token_hash: null, updated_at: now })
      .where('id', 'in', fromIds)
      .execute()
    await db
      .updateTable('campaign_nomination_support')
      .set({ nomination_id: keep.id })
      .where('nomination_id', 'in', fromIds)
      .execute()
    await db
      .updateTable('campaign_nomination')
      .set({ supporter_count: sql`supporter_count + ${added}`, updated_at: now })
      .where('id', '=', keep.id)
      .execute()
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('campaign_nomination')
    .addColumn('consent_sms_sent_at', 'text')
    .execute()
  await db.schema.alterTable('campaign_nomination').addColumn('consent_sms_day', 'text').execute()
  await db.schema
    .alterTable('campaign_nomination')
    .addColumn('consent_sms_day_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()

  await mergeExistingDuplicates(db)
  await db.schema
    .createIndex('campaign_nomination_live_mobile_uq')
    .on('campaign_nomination')
    .columns(['campaign_id', 'nominee_mobile_hash'])
    .unique()
    .where(sql<SqlBool>`status in ('awaiting_consent', 'submitted', 'accepted')`)
    .execute()
  await db.schema
    .createIndex('campaign_nomination_live_id_card_uq')
    .on('campaign_nomination')
    .columns(['campaign_id', 'nominee_id_card_hash'])
    .unique()
    .where(
      sql<SqlBool>`status in ('awaiting_consent', 'submitted', 'accepted') and nominee_id_card_hash is not null`,
    )
    .execute()
}

/** Drops the indexes and columns; merged duplicates stay merged (their supporters moved). */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('campaign_nomination_live_id_card_uq').execute()
  await db.schema.dropIndex('campaign_nomination_live_mobile_uq').execute()
  await db.schema.alterTable('campaign_nomination').dropColumn('consent_sms_day_count').execute()
  await db.schema.alterTable('campaign_nomination').dropColumn('consent_sms_day').execute()
  await db.schema.alterTable('campaign_nomination').dropColumn('consent_sms_sent_at').execute()
}
