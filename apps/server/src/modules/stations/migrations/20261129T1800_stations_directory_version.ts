import type { Kysely } from 'kysely'

/**
 * One row counting writes to the station table. Every process keeps the station directory in
 * memory; reading this row (instead of count(*) and max(updated_at) over 200,000 stations,
 * a full scan that stalled the event loop every recheck) tells it whether another process
 * changed a station.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('station_directory_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute()
  await db.insertInto('station_directory_version').values({ id: 1, version: 0 }).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('station_directory_version').execute()
}
