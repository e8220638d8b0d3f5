import type { Kysely } from 'kysely'
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('auth_session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('member.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute()
  await db.schema
    .createIndex('auth_session_member_idx')
    .on('auth_session')
    .column('member_id')
    .execute()
  await db.schema
    .createTable('auth_otp')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mobile_hash', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('auth_otp_lookup_idx')
    .on('auth_otp')
    .columns(['mobile_hash', 'purpose', 'created_at'])
    .execute()
}
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('auth_otp').execute()
  await db.schema.dropTable('auth_session').execute()
}
