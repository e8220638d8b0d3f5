import type { Kysely } from 'kysely'

/** The duty roster: shifts of staff and party-member volunteers, and feed URL nonces. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('station_shift')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('station_id', 'text', (c) => c.notNull().references('station.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('member.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  // A station's roster over a window, and a person's shifts (overlap check, feed).
  await db.schema
    .createIndex('station_shift_station_idx')
    .on('station_shift')
    .columns(['station_id', 'starts_at'])
    .execute()
  await db.schema
    .createIndex('station_shift_member_idx')
    .on('station_shift')
    .columns(['member_id', 'starts_at'])
    .execute()

  await db.schema
    .createTable('station_shift_feed')
    .addColumn('member_id', 'text', (c) => c.primaryKey().references('member.id'))
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('rotated_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('station_shift_feed').execute()
  await db.schema.dropTable('station_shift').execute()
}
