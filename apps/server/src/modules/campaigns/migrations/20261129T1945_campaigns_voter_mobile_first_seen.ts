import type { Kysely } from 'kysely'

/**
 * When each SMS voter's mobile was first verified on this platform (by its blind index, never
 * the number): the "new account" risk signal for voters who have no member account. A mobile
 * first proven an hour ago and voting is what a bought SIM card looks like (刷票).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('campaign_voter_mobile')
    .addColumn('mobile_hash', 'text', (c) => c.primaryKey())
    .addColumn('first_verified_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('campaign_voter_mobile').execute()
}
