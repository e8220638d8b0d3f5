import { sql, type Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
const isPostgres = (db: Kysely<any>) =>
  db.getExecutor().adapter.constructor.name.toLowerCase().includes('postgres')

/**
 * Name search is a prefix range on member.name. PostgreSQL compares the range byte-wise only
 * under COLLATE "C", so the index is declared with it there.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
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

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('member_name_idx').execute()
}
