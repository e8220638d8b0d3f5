import { sql, type Kysely } from 'kysely'
const isPostgres = (db: Kysely<any>) =>
  db.getExecutor().adapter.constructor.name.toLowerCase().includes('postgres')
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db)
  await db.schema
    .createTable('org')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parent_id', 'text', (c) => c.references('org.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // Byte-wise ordering for subtree range scans (see platform/db/subtree.ts).
    .addColumn('path', 'text', (c) => (pg ? c.notNull().modifyEnd(sql`collate "C"`) : c.notNull()))
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('is_archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('org_path_uq').on('org').column('path').unique().execute()
  await db.schema
    .createIndex('org_parent_name_idx')
    .on('org')
    .columns(['parent_id', 'name'])
    .execute()
}
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('org').execute()
}
