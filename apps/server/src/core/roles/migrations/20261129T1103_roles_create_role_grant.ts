import type { Kysely } from 'kysely'
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('role_grant')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('member.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('granted_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('role_grant_uq')
    .on('role_grant')
    .columns(['member_id', 'org_id', 'role'])
    .unique()
    .execute()
  await db.schema.createIndex('role_grant_org_idx').on('role_grant').column('org_id').execute()
}
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('role_grant').execute()
}
