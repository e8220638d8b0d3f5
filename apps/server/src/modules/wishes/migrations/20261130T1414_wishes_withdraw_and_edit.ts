import type { Kysely } from 'kysely'

/**
 * A worker may withdraw a wish (with an optional reason) and a wish may be edited before it is
 * claimed. The new status value 'withdrawn' needs no schema change: wish.status is plain text
 * without a CHECK constraint (the contracts' WishStatusSchema is the one list of values), and
 * the partial index of open wishes (pending_review, published) rightly leaves withdrawn ones
 * out. One ALTER per column: SQLite adds a single column per statement.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('wish').addColumn('withdrawn_reason', 'text').execute()
  await db.schema.alterTable('wish').addColumn('withdrawn_at', 'text').execute()
  await db.schema.alterTable('wish').addColumn('edited_at', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('wish').dropColumn('edited_at').execute()
  await db.schema.alterTable('wish').dropColumn('withdrawn_at').execute()
  await db.schema.alterTable('wish').dropColumn('withdrawn_reason').execute()
}
