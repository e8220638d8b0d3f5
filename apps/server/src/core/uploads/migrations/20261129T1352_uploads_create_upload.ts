import type { Kysely } from 'kysely'
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('upload')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The file lives at <DATA_DIR>/uploads/<sha256[0..2]>/<sha256>, shared by equal uploads.
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('uploaded_by_member_id', 'text', (c) => c.references('member.id'))
    .addColumn('org_id', 'text', (c) => c.references('org.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('upload_sha256_member_idx')
    .on('upload')
    .columns(['sha256', 'uploaded_by_member_id'])
    .execute()
}
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('upload').execute()
}
