import { sql, type Kysely } from 'kysely'

type AnyDb = Kysely<any>

const isPostgres = (db: AnyDb) =>
  db.getExecutor().adapter.constructor.name.toLowerCase().includes('postgres')

/**
 * The voter index leaves the ballot log for a side table (ADR 0021): on SQLite the write thread
 * fills it behind a watermark, in sorted chunks, instead of one random index leaf per ballot at
 * commit; on PostgreSQL the batch writes it in the batch's own transaction. Named after
 * 20261130T0900, which created the index this one replaces.
 */
export async function up(db: AnyDb): Promise<void> {
  const pg = isPostgres(db)
  await db.schema
    .createTable('campaign_ballot_voter')
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('voter_key', 'text', (c) => c.notNull())
    .addColumn('ballot_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_ballot_voter_pk', ['campaign_id', 'voter_key', 'ballot_id'])
    // The key is the whole row: no rowid table beside it on SQLite.
    .$call((t) => (pg ? t : t.modifyEnd(sql`without rowid`)))
    .execute()
  // The last rowid of campaign_ballot already in the side table (SQLite only reads it).
  await db.schema
    .createTable('campaign_ballot_voter_mark')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('last_rowid', 'integer', (c) => c.notNull())
    .execute()
  // In key order, so a large log fills the new B-tree by appending instead of at random.
  await sql`insert into campaign_ballot_voter (campaign_id, voter_key, ballot_id)
    select campaign_id, voter_key, id from campaign_ballot order by 1, 2, 3`.execute(db)
  if (pg)
    await sql`insert into campaign_ballot_voter_mark (id, last_rowid) values (1, 0)`.execute(db)
  else
    await sql`insert into campaign_ballot_voter_mark (id, last_rowid)
      select 1, coalesce(max(rowid), 0) from campaign_ballot`.execute(db)
  await db.schema.dropIndex('campaign_ballot_voter_idx').execute()
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('campaign_ballot_voter_idx')
    .on('campaign_ballot')
    .columns(['campaign_id', 'voter_key'])
    .execute()
  await db.schema.dropTable('campaign_ballot_voter_mark').execute()
  await db.schema.dropTable('campaign_ballot_voter').execute()
}
