import type { Kysely } from 'kysely'

/**
 * Orphan-upload collection (docs/adr/0027-orphan-upload-collection.md): when a module last
 * checked an upload before saving a reference to it (requireUploadsExist sets it), so the
 * collector never deletes an upload a save is about to name. Null for uploads never referenced
 * since this migration; the collector then goes by created_at alone. The index serves the
 * collector's walk over uploads older than the grace period, oldest first.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('upload').addColumn('last_referenced_at', 'text').execute()
  await db.schema
    .createIndex('upload_created_at_idx')
    .on('upload')
    .columns(['created_at', 'id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('upload_created_at_idx').execute()
  await db.schema.alterTable('upload').dropColumn('last_referenced_at').execute()
}
