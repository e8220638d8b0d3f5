import type { Kysely } from 'kysely'

/**
 * Stations and their QR check-ins. The nearest-station search never reads these tables per
 * request: it answers from an in-memory index rebuilt from `station` when stations change.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('station')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('closed_reason', 'text')
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('schedule', 'text', (c) => c.notNull())
    .addColumn('always_open', 'integer', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('amenities', 'integer', (c) => c.notNull())
    .addColumn('zones', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_mobile_enc', 'text', (c) => c.notNull())
    .addColumn('contact_mobile_masked', 'text', (c) => c.notNull())
    .addColumn('photos', 'text', (c) => c.notNull())
    .addColumn('services', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('station_org_idx').on('station').columns(['org_id', 'name']).execute()

  await db.schema
    .createTable('station_check_in')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('station_id', 'text', (c) => c.notNull().references('station.id'))
    /** HMAC of the phone's random device id: a visit is recognised, the device is not. */
    .addColumn('device_hash', 'text', (c) => c.notNull())
    .addColumn('checked_in_at', 'text', (c) => c.notNull())
    /** Automatic check-out time; a manual check-out sets checked_out_at earlier. */
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('checked_out_at', 'text')
    .execute()
  await db.schema
    .createIndex('station_check_in_live_idx')
    .on('station_check_in')
    .columns(['station_id', 'expires_at'])
    .execute()
  await db.schema
    .createIndex('station_check_in_device_idx')
    .on('station_check_in')
    .columns(['station_id', 'device_hash', 'expires_at'])
    .execute()
  await db.schema
    .createIndex('station_check_in_time_idx')
    .on('station_check_in')
    .columns(['checked_in_at'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('station_check_in').execute()
  await db.schema.dropTable('station').execute()
}
