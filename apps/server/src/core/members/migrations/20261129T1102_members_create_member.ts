import type { Kysely } from 'kysely'
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('member')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mobile_enc', 'text', (c) => c.notNull())
    .addColumn('mobile_hash', 'text', (c) => c.notNull())
    .addColumn('mobile_masked', 'text', (c) => c.notNull())
    .addColumn('id_card_enc', 'text')
    .addColumn('id_card_hash', 'text')
    .addColumn('id_card_masked', 'text')
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('member_mobile_hash_uq')
    .on('member')
    .column('mobile_hash')
    .unique()
    .execute()
  await db.schema
    .createIndex('member_id_card_hash_uq')
    .on('member')
    .column('id_card_hash')
    .unique()
    .execute()
  // Serves the scoped directory: org by org (path order), then by name.
  await db.schema
    .createIndex('member_org_name_idx')
    .on('member')
    .columns(['org_id', 'name', 'id'])
    .execute()
}
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('member').execute()
}
