import { sql, type Kysely } from 'kysely'
const isPostgres = (db: Kysely<any>) =>
  db.getExecutor().adapter.constructor.name.toLowerCase().includes('postgres')

/**
 * Name search is a prefix range on member.name. PostgreSQL compares the range byte-wise only
 * under COLLATE "C", so the index is declared with it there.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`create index member_name_idx on member (name collate "C", org_id)`.execute(db)
  } else {
    await db.schema
      .createIndex('member_name_idx')
      .on('member')
      .columns(['name', 'org_id'])
      .execute()
  }
}
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('member_name_idx').execute()
}
