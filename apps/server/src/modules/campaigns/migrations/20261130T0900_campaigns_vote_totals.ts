import { sql, type Kysely } from 'kysely'

/**
 * Ballot engine additions: one totals row per campaign (ballots and votes, valid and
 * invalidated) updated once per group-commit batch; the index behind a voter's own receipts;
 * and a partial index holding only flagged and invalidated ballots, the review queue.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('campaign_vote_totals')
    .addColumn('campaign_id', 'text', (c) => c.primaryKey())
    .addColumn('ballots', 'integer', (c) => c.notNull())
    .addColumn('votes', 'integer', (c) => c.notNull())
    .addColumn('invalidated_ballots', 'integer', (c) => c.notNull())
    .addColumn('invalidated_votes', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('campaign_ballot_voter_idx')
    .on('campaign_ballot')
    .columns(['campaign_id', 'voter_key'])
    .execute()
  await db.schema
    .createIndex('campaign_ballot_review_idx')
    .on('campaign_ballot')
    .columns(['campaign_id', 'id'])
    .where(sql.ref('status'), '<>', 'counted')
    .execute()
}
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('campaign_ballot_review_idx').execute()
  await db.schema.dropIndex('campaign_ballot_voter_idx').execute()
  await db.schema.dropTable('campaign_vote_totals').execute()
}
