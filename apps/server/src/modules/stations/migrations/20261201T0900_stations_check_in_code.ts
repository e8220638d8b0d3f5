import type { Kysely } from 'kysely'

/**
 * The door poster's check-in code (ADR 0029). A check-in must bring the code printed in the
 * station's QR link; the code is derived from the server secret, the station id and this
 * generation, so nothing secret is stored and staff "rotate" a leaked code by bumping the
 * generation (every poster printed before then stops checking in).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('station')
    .addColumn('check_in_code_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('station').dropColumn('check_in_code_seq').execute()
}
