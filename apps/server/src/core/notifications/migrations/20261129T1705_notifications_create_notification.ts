import { sql, type Kysely, type SqlBool } from 'kysely'
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('member.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute()
  // A member's page, newest first; ids are UUIDv7, so id order is creation order.
  await db.schema
    .createIndex('notification_member_idx')
    .on('notification')
    .columns(['member_id', 'id'])
    .execute()
  // The unread badge is read on every page load: count only the unread rows.
  await db.schema
    .createIndex('notification_unread_idx')
    .on('notification')
    .column('member_id')
    .where(sql<SqlBool>`read_at is null`)
    .execute()
}
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification').execute()
}
