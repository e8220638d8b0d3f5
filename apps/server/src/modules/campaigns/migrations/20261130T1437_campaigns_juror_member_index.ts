import type { Kysely } from 'kysely'

type AnyDb = Kysely<any>

/**
 * Every signed-in home page asks for the caller's jury duty (`GET /campaigns/jury/mine`), which
 * looks jurors up by member; the primary key leads with the campaign, so without this index the
 * look-up reads the whole table.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('campaign_juror_member_idx')
    .on('campaign_juror')
    .columns(['member_id', 'campaign_id'])
    .execute()
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('campaign_juror_member_idx').execute()
}
