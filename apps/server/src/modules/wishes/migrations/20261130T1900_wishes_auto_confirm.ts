import type { Kysely } from 'kysely'

/**
 * A fulfilled wish the worker has not confirmed within WISH_AUTO_CONFIRM_DAYS is confirmed by
 * the expiry job, and the wish says so (1 = confirmed by the job, 0 = by the worker or staff).
 * The index serves the job's minute-by-minute look for fulfilled claims past the wait.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('wish')
    .addColumn('confirmed_automatically', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .createIndex('wish_claim_status_fulfilled_at')
    .on('wish_claim')
    .columns(['status', 'fulfilled_at'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('wish_claim_status_fulfilled_at').execute()
  await db.schema.alterTable('wish').dropColumn('confirmed_automatically').execute()
}
