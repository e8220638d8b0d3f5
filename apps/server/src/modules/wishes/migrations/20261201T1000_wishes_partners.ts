import type { Kysely } from 'kysely'

/**
 * Partner companies (ADR 0030): staff register the companies that claim wishes under their org
 * and the members who act for each. A claim as a partner company names a registered partner
 * (`wish_claim.partner_id`); claims made before this have none and keep the name they gave.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('wish_partner')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  // One partner of a name per org: the name is what workers are told claimed their wish.
  await db.schema
    .createIndex('wish_partner_org_name_uq')
    .on('wish_partner')
    .columns(['org_id', 'name'])
    .unique()
    .execute()
  await db.schema
    .createTable('wish_partner_member')
    .addColumn('partner_id', 'text', (c) => c.notNull().references('wish_partner.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('member.id'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('wish_partner_member_pk', ['partner_id', 'member_id'])
    .execute()
  // "Which partners do I act for?" on every claim form.
  await db.schema
    .createIndex('wish_partner_member_member_idx')
    .on('wish_partner_member')
    .column('member_id')
    .execute()
  await db.schema
    .alterTable('wish_claim')
    .addColumn('partner_id', 'text', (c) => c.references('wish_partner.id'))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('wish_claim').dropColumn('partner_id').execute()
  await db.schema.dropTable('wish_partner_member').execute()
  await db.schema.dropTable('wish_partner').execute()
}
