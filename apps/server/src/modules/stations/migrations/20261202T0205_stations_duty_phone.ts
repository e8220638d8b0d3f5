import type { Kysely } from 'kysely'

/**
 * A station's public duty phone (值班电话): a number the org publishes for workers to call (a
 * landline, a 400/800 number or a mobile), stored canonical and in the clear. The person in
 * charge's personal mobile stays apart, encrypted and masked. Null when the station has none.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('station').addColumn('duty_phone', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('station').dropColumn('duty_phone').execute()
}
