import type { Kysely } from 'kysely'

/**
 * 政治面貌, kept by staff (ADR 0033). Plain text, not encrypted: a six-value code that lists
 * filter on, where a blind index would show the same groups as the value itself. Every member
 * starts 'unknown' (未填写); nobody's own word sets it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('member')
    .addColumn('political_status', 'text', (c) => c.notNull().defaultTo('unknown'))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('member').dropColumn('political_status').execute()
}
