import type pg from 'pg'
import type SQLite from 'better-sqlite3'
import {
  createJobRunner,
  type JobRunner,
  type JobRunnerIo,
} from '../../../platform/db/background-job-runner'
import { type Database, type Db, typed } from '../../../platform/db/create-db'
import {
  createSqliteWriteWorker,
  jobFromSource,
  type WriteOp,
} from '../../../platform/db/sqlite-write-worker'
import type { CampaignBallotTable, CampaignTables } from '../campaigns.tables'
import {
  BALLOT_VOTER_INDEXER_OPTIONS,
  createBallotVoterIndexer,
  type BallotVoterIndexer,
  type BallotVoterIndexerOptions,
} from './ballot-voter-index'

/** Owned by this sub-feature (migration 20261130T0900): one row of running totals per campaign. */
export type CampaignVoteTotalsTable = {
  campaign_id: string
  ballots: number
  votes: number
  invalidated_ballots: number
  invalidated_votes: number
}

/** Owned by this sub-feature (migration 20261129T1945): when an SMS voter's mobile was first verified. */
export type CampaignVoterMobileTable = { mobile_hash: string; first_verified_at: string }

/**
 * Owned by this sub-feature (migration 20261130T0930): the voter index of the ballot log, as a
 * side table filled off the commit path on SQLite (ballot-voter-index.ts, ADR 0021).
 */
export type CampaignBallotVoterTable = { campaign_id: string; voter_key: string; ballot_id: string }

type Tables = CampaignTables & {
  campaign_vote_totals: CampaignVoteTotalsTable
  campaign_ballot_voter: CampaignBallotVoterTable
  campaign_voter_mobile: CampaignVoterMobileTable
  org: { id: string; name: string; path: string }
}
const q = (db: Db) => typed<Tables>(db)

// ---------- reads (Kysely; never on the ballot hot path) ----------

/** Candidates of a campaign (active and withdrawn), in ballot-number order. */
export const findCandidates = (db: Db, campaignId: string) =>
  q(db)
    .selectFrom('campaign_candidate')
    .select(['id', 'name', 'number', 'category_id', 'status'])
    .where('campaign_id', '=', campaignId)
    .orderBy('number')
    .execute()

/** Ballots of a campaign cast from a ballot id on (ids are UUIDv7, so this is a time range). */
/** A page of a campaign's ballots with ids ≥ fromId (or > afterId), in id order. */
export const findBallotsFrom = (
  db: Db,
  campaignId: string,
  from: { fromId: string } | { afterId: string },
  limit: number,
) =>
  q(db)
    .selectFrom('campaign_ballot')
    .select(['id', 'voter_key', 'device_hash', 'client_key', 'candidate_ids', 'cast_at', 'day'])
    .select('status')
    .where('campaign_id', '=', campaignId)
    .where('id', 'fromId' in from ? '>=' : '>', 'fromId' in from ? from.fromId : from.afterId)
    .orderBy('id')
    .limit(limit)
    .execute()

export type BallotLogRow = Awaited<ReturnType<typeof findBallotsFrom>>[number]

/**
 * Calls `fn` with each page of a campaign's ballots from `fromId` on, in id order: a restart
 * on a busy voting day rebuilds from millions of ballots, and one array of them all would
 * need gigabytes for a moment (ADR 0019).
 */
export const forEachBallotPageFrom = async (
  db: Db,
  campaignId: string,
  fromId: string,
  pageSize: number,
  fn: (rows: BallotLogRow[]) => void,
) => {
  let rows = await findBallotsFrom(db, campaignId, { fromId }, pageSize)
  while (rows.length > 0) {
    fn(rows)
    if (rows.length < pageSize) return
    rows = await findBallotsFrom(db, campaignId, { afterId: rows[rows.length - 1]!.id }, pageSize)
  }
}

/** A voter's ballots in the log, found through the voter side table's primary key. */
const indexedBallotsOfVoter = (db: Db, campaignId: string, voterKey: string) =>
  q(db)
    .selectFrom('campaign_ballot_voter as v')
    .innerJoin('campaign_ballot as b', 'b.id', 'v.ballot_id')
    .where('v.campaign_id', '=', campaignId)
    .where('v.voter_key', '=', voterKey)

/** Ballots of a campaign among `ids` (a writer's tail), by the log's primary key. */
const ballotsAmong = (db: Db, campaignId: string, ids: string[]) =>
  q(db).selectFrom('campaign_ballot').where('id', 'in', ids).where('campaign_id', '=', campaignId)

/**
 * The ballot a voter cast with a client key on `fromDay` or later (a retry whose key left the
 * engine's memory): read only when the engine's Bloom filter says the key may have been used.
 * Through the side table's primary key (campaign, voter, ballot id ≥ the first id of
 * `fromDay`), then the log's primary key: a range on the log's id alone let SQLite walk the
 * whole day's ballots (~45 ms at 200,000) instead of the voter's few.
 */
export const ballotByClientKeyQuery = (
  db: Db,
  campaignId: string,
  voterKey: string,
  clientKey: string,
  fromDay: string,
  fromId: string,
) =>
  indexedBallotsOfVoter(db, campaignId, voterKey)
    .select(['b.id', 'b.candidate_ids', 'b.cast_at', 'b.status'])
    .where('v.ballot_id', '>=', fromId)
    .where('b.client_key', '=', clientKey)
    .where('b.day', '>=', fromDay)

/**
 * As ballotByClientKeyQuery, and among `tailIds`: the voter's ballots the side table may not
 * hold yet (BallotBatchWriter.voterTail).
 */
export const findBallotByClientKey = async (
  db: Db,
  campaignId: string,
  voterKey: string,
  clientKey: string,
  fromDay: string,
  fromId: string,
  tailIds: string[],
) => {
  const indexed = await ballotByClientKeyQuery(
    db,
    campaignId,
    voterKey,
    clientKey,
    fromDay,
    fromId,
  ).executeTakeFirst()
  if (indexed || tailIds.length === 0) return indexed
  return ballotsAmong(db, campaignId, tailIds)
    .select(['id', 'candidate_ids', 'cast_at', 'status'])
    .where('client_key', '=', clientKey)
    .where('day', '>=', fromDay)
    .executeTakeFirst()
}

export const findBallot = (db: Db, id: string) =>
  q(db).selectFrom('campaign_ballot').selectAll().where('id', '=', id).executeTakeFirst()

/** A voter's latest ballots, newest first: the side table's, and those of `tailIds`. */
export const findBallotsOfVoter = async (
  db: Db,
  campaignId: string,
  voterKey: string,
  limit: number,
  tailIds: string[],
) => {
  const indexed = await indexedBallotsOfVoter(db, campaignId, voterKey)
    .selectAll('b')
    .orderBy('v.ballot_id', 'desc')
    .limit(limit)
    .execute()
  if (tailIds.length === 0) return indexed
  const tail = await ballotsAmong(db, campaignId, tailIds).selectAll().execute()
  const byId = new Map([...indexed, ...tail].map((b) => [b.id, b]))
  return [...byId.values()].sort((a, b) => (a.id < b.id ? 1 : -1)).slice(0, limit)
}

/**
 * Records that a mobile was verified now, unless it was before, and returns when it was first
 * verified (the earlier row wins, so a replayed verification never makes a voter look new).
 */
export const noteVoterMobile = async (db: Db, mobileHash: string, nowIso: string) => {
  await q(db)
    .insertInto('campaign_voter_mobile')
    .values({ mobile_hash: mobileHash, first_verified_at: nowIso })
    .onConflict((oc) => oc.column('mobile_hash').doNothing())
    .execute()
  const row = await q(db)
    .selectFrom('campaign_voter_mobile')
    .select('first_verified_at')
    .where('mobile_hash', '=', mobileHash)
    .executeTakeFirstOrThrow()
  return row.first_verified_at
}

export const findTallies = (db: Db, campaignId: string) =>
  q(db)
    .selectFrom('campaign_tally')
    .select(['candidate_id', 'votes', 'invalidated_votes'])
    .where('campaign_id', '=', campaignId)
    .execute()

export const findTotals = (db: Db, campaignId: string) =>
  q(db)
    .selectFrom('campaign_vote_totals')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .executeTakeFirst()

/** Valid ballots and votes per voter org (all days); '' is the org of SMS-only voters. */
export const findTurnoutByOrg = (db: Db, campaignId: string) =>
  q(db)
    .selectFrom('campaign_turnout as t')
    .leftJoin('org as o', 'o.id', 't.org_id')
    .select(['t.org_id', 'o.name as org_name', 'o.path as org_path'])
    .select((eb) => [
      eb.fn.sum<number>('t.ballots').as('ballots'),
      eb.fn.sum<number>('t.votes').as('votes'),
    ])
    .where('t.campaign_id', '=', campaignId)
    .groupBy(['t.org_id', 'o.name', 'o.path'])
    .execute()

export const findTurnoutRows = (db: Db, campaignId: string) =>
  q(db)
    .selectFrom('campaign_turnout as t')
    .leftJoin('org as o', 'o.id', 't.org_id')
    .select(['t.org_id', 'o.name as org_name', 't.day', 't.ballots', 't.votes'])
    .where('t.campaign_id', '=', campaignId)
    .orderBy('t.day')
    .orderBy('o.name')
    .execute()

export const findDailyTallies = (db: Db, campaignId: string) =>
  q(db)
    .selectFrom('campaign_tally_daily')
    .select(['candidate_id', 'day', 'votes'])
    .where('campaign_id', '=', campaignId)
    .orderBy('day')
    .execute()

/** The review queue: flagged and invalidated ballots (a partial index holds only these). */
export const findReviewBallots = async (
  db: Db,
  campaignId: string,
  filter: { status?: 'flagged' | 'invalidated'; signal?: string },
  limit: number,
  offset: number,
) => {
  const base = q(db)
    .selectFrom('campaign_ballot as b')
    .where('b.campaign_id', '=', campaignId)
    .where('b.status', '<>', 'counted')
    .$if(filter.status !== undefined, (qb) => qb.where('b.status', '=', filter.status!))
    .$if(filter.signal !== undefined, (qb) =>
      qb.where('b.signals', 'like', `%"${filter.signal!}"%`),
    )
  const [rows, count] = await Promise.all([
    base
      .leftJoin('org as o', 'o.id', 'b.voter_org_id')
      .select([
        'b.id',
        'b.cast_at',
        'b.voter_masked',
        'o.name as org_name',
        'b.signals',
        'b.status',
        'b.invalidation_reason',
      ])
      .orderBy('b.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

export const findBallotsByIds = (db: Db, campaignId: string, ids: string[]) =>
  q(db)
    .selectFrom('campaign_ballot')
    .select(['id', 'status', 'signals', 'candidate_ids', 'day', 'voter_org_id'])
    .where('campaign_id', '=', campaignId)
    .where('id', 'in', ids)
    .execute()

/** One page of the ballot log in id order (keyset paging, so a long export never skips rows). */
export const findBallotLogPage = (db: Db, campaignId: string, afterId: string, limit: number) =>
  q(db)
    .selectFrom('campaign_ballot')
    .select(['id', 'voter_key', 'voter_org_id', 'day', 'candidate_ids', 'status'])
    .where('campaign_id', '=', campaignId)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute()

// ---------- status changes (review; in the caller's transaction) ----------

export const setBallotStatus = (
  trx: Db,
  id: string,
  fields: Pick<
    CampaignBallotTable,
    'status' | 'invalidation_reason' | 'status_changed_at' | 'status_changed_by'
  >,
) => q(trx).updateTable('campaign_ballot').set(fields).where('id', '=', id).execute()

/** Adds deltas to the counters (negative to take away); rows exist since the ballot was counted. */
export const adjustCounters = async (
  trx: Db,
  campaignId: string,
  d: {
    tally: Map<string, { votes: number; invalidated: number }>
    daily: Map<string, number>
    turnout: Map<string, { ballots: number; votes: number }>
    totals: { ballots: number; votes: number; invalidatedBallots: number; invalidatedVotes: number }
  },
) => {
  for (const [candidateId, v] of [...d.tally].sort()) {
    await q(trx)
      .updateTable('campaign_tally')
      .set((eb) => ({
        votes: eb('votes', '+', v.votes),
        invalidated_votes: eb('invalidated_votes', '+', v.invalidated),
      }))
      .where('campaign_id', '=', campaignId)
      .where('candidate_id', '=', candidateId)
      .execute()
  }
  for (const [key, n] of [...d.daily].sort()) {
    const [candidateId, day] = key.split('|') as [string, string]
    await q(trx)
      .updateTable('campaign_tally_daily')
      .set((eb) => ({ votes: eb('votes', '+', n) }))
      .where('campaign_id', '=', campaignId)
      .where('candidate_id', '=', candidateId)
      .where('day', '=', day)
      .execute()
  }
  for (const [key, v] of [...d.turnout].sort()) {
    const [orgId, day] = key.split('|') as [string, string]
    await q(trx)
      .updateTable('campaign_turnout')
      .set((eb) => ({ ballots: eb('ballots', '+', v.ballots), votes: eb('votes', '+', v.votes) }))
      .where('campaign_id', '=', campaignId)
      .where('org_id', '=', orgId)
      .where('day', '=', day)
      .execute()
  }
  await q(trx)
    .updateTable('campaign_vote_totals')
    .set((eb) => ({
      ballots: eb('ballots', '+', d.totals.ballots),
      votes: eb('votes', '+', d.totals.votes),
      invalidated_ballots: eb('invalidated_ballots', '+', d.totals.invalidatedBallots),
      invalidated_votes: eb('invalidated_votes', '+', d.totals.invalidatedVotes),
    }))
    .where('campaign_id', '=', campaignId)
    .execute()
}

// ---------- the group-commit batch writer (hot path: prepared statements / multi-row SQL) ----------

/** One ballot to write, with what its counters need. */
export type BallotWrite = { row: CampaignBallotTable; orgId: string; candidateIds: string[] }

/** Counter deltas of a batch, aggregated so each counter row is written once per batch. */
export type BatchAggregate = {
  tally: Map<string, number>
  daily: Map<string, number>
  turnout: Map<string, { ballots: number; votes: number }>
  totals: Map<string, { ballots: number; votes: number }>
}

export const aggregateBatch = (items: BallotWrite[]): BatchAggregate => {
  const agg: BatchAggregate = {
    tally: new Map(),
    daily: new Map(),
    turnout: new Map(),
    totals: new Map(),
  }
  for (const { row, orgId, candidateIds } of items) {
    const c = row.campaign_id
    const n = candidateIds.length
    for (const cand of candidateIds) {
      const tk = `${c}|${cand}`
      agg.tally.set(tk, (agg.tally.get(tk) ?? 0) + 1)
      const dk = `${c}|${cand}|${row.day}`
      agg.daily.set(dk, (agg.daily.get(dk) ?? 0) + 1)
    }
    const ok = `${c}|${orgId}|${row.day}`
    const t = agg.turnout.get(ok) ?? { ballots: 0, votes: 0 }
    t.ballots += 1
    t.votes += n
    agg.turnout.set(ok, t)
    const tt = agg.totals.get(c) ?? { ballots: 0, votes: 0 }
    tt.ballots += 1
    tt.votes += n
    agg.totals.set(c, tt)
  }
  return agg
}

const BALLOT_COLUMNS = [
  'id',
  'campaign_id',
  'voter_key',
  'voter_masked',
  'voter_org_id',
  'device_hash',
  'ip_hash',
  'client_key',
  'candidate_ids',
  'cast_at',
  'day',
  'signals',
  'status',
  'invalidation_reason',
  'status_changed_at',
  'status_changed_by',
] as const

const ballotValues = (r: CampaignBallotTable) => BALLOT_COLUMNS.map((c) => r[c])

const TALLY_UPSERT = `insert into campaign_tally (campaign_id, candidate_id, votes, invalidated_votes)
  values (?, ?, ?, 0) on conflict (campaign_id, candidate_id)
  do update set votes = campaign_tally.votes + excluded.votes`
const DAILY_UPSERT = `insert into campaign_tally_daily (campaign_id, candidate_id, day, votes)
  values (?, ?, ?, ?) on conflict (campaign_id, candidate_id, day)
  do update set votes = campaign_tally_daily.votes + excluded.votes`
const TURNOUT_UPSERT = `insert into campaign_turnout (campaign_id, org_id, day, ballots, votes)
  values (?, ?, ?, ?, ?) on conflict (campaign_id, org_id, day)
  do update set ballots = campaign_turnout.ballots + excluded.ballots,
                votes = campaign_turnout.votes + excluded.votes`
const TOTALS_UPSERT = `insert into campaign_vote_totals
  (campaign_id, ballots, votes, invalidated_ballots, invalidated_votes)
  values (?, ?, ?, 0, 0) on conflict (campaign_id)
  do update set ballots = campaign_vote_totals.ballots + excluded.ballots,
                votes = campaign_vote_totals.votes + excluded.votes`

/** Writes batches of ballots with their counter upserts in one transaction each. */
export type BallotBatchWriter = {
  write: (items: BallotWrite[]) => void | Promise<void>
  /**
   * Ids of a voter's ballots written by this process that the voter side table may not hold
   * yet (SQLite, ADR 0021); always empty on PostgreSQL, where the batch writes the side table.
   */
  voterTail: (campaignId: string, voterKey: string) => string[]
  /** Indexes every written ballot in the side table now (tests; shutdown does it too). */
  catchUpVoterIndex: () => Promise<void>
  /** Releases what the writer holds (the SQLite write thread); call after the last write. */
  close: () => Promise<void>
}

/**
 * The ballots of each batch handed to the SQLite writer, kept until the side-table chunk that
 * covers the batch is done. A few seconds of ballots as three arrays per batch: the strings are
 * the rows' own, and a look-up (a retry the Bloom filter flags, or "my receipts") scans them.
 */
class VoterTail {
  private batches: { tag: number; campaignIds: string[]; voterKeys: string[]; ids: string[] }[] = []

  add(tag: number, items: BallotWrite[]) {
    const campaignIds = new Array<string>(items.length)
    const voterKeys = new Array<string>(items.length)
    const ids = new Array<string>(items.length)
    for (let i = 0; i < items.length; i++) {
      const row = items[i]!.row
      campaignIds[i] = row.campaign_id
      voterKeys[i] = row.voter_key
      ids[i] = row.id
    }
    this.batches.push({ tag, campaignIds, voterKeys, ids })
  }

  /** Forgets the batches up to `tag`: the side table holds them now. */
  dropThrough(tag: number) {
    let n = 0
    while (n < this.batches.length && this.batches[n]!.tag <= tag) n++
    if (n > 0) this.batches.splice(0, n)
  }

  idsOf(campaignId: string, voterKey: string): string[] {
    const out: string[] = []
    for (const b of this.batches)
      for (let i = 0; i < b.ids.length; i++)
        if (b.voterKeys[i] === voterKey && b.campaignIds[i] === campaignId) out.push(b.ids[i]!)
    return out
  }
}

const BALLOT_INSERT = `insert into campaign_ballot (${BALLOT_COLUMNS.join(', ')}) values (${BALLOT_COLUMNS.map(() => '?').join(', ')})`

/** One batch as statement names and parameters: the ballots, then one upsert per counter row. */
const batchOps = (items: BallotWrite[]): WriteOp[] => {
  const ops: WriteOp[] = items.map((it) => ['insert', ballotValues(it.row)])
  const agg = aggregateBatch(items)
  for (const [k, n] of agg.tally) ops.push(['tally', [...k.split('|'), n]])
  for (const [k, n] of agg.daily) ops.push(['daily', [...k.split('|'), n]])
  for (const [k, v] of agg.turnout) ops.push(['turnout', [...k.split('|'), v.ballots, v.votes]])
  for (const [c, v] of agg.totals) ops.push(['totals', [c, v.ballots, v.votes]])
  return ops
}

const STATEMENTS = {
  insert: BALLOT_INSERT,
  tally: TALLY_UPSERT,
  daily: DAILY_UPSERT,
  turnout: TURNOUT_UPSERT,
  totals: TOTALS_UPSERT,
}

/** How often the SQLite writer fills the voter side table (tests shorten or lengthen it). */
export type VoterIndexCadence = Omit<BallotVoterIndexerOptions, 'relaxSync'>

/** The indexer built from its source text, as the write thread builds it (see jobFromSource). */
const indexerFromSource = (sqlite: SQLite.Database, options: BallotVoterIndexerOptions) =>
  jobFromSource<BallotVoterIndexer>(createBallotVoterIndexer.toString())(sqlite, options)

/** Index failures are retried; the first and every 100th are reported on stderr. */
const reportIndexError = (message: string, failures: number) => {
  if (failures === 1 || failures % 100 === 0)
    process.emitWarning(`ballot voter index: ${message} (${failures} in a row)`, 'UnionHallWarning')
}

/**
 * SQLite: a file database commits batches on a write thread (the main thread keeps serving
 * while the disk flushes), which also fills the voter side table between batches; an in-memory
 * one, which a second connection cannot open, does both on the main thread.
 */
const sqliteWriter = (sqlite: SQLite.Database, cadence: VoterIndexCadence): BallotBatchWriter => {
  const tail = new VoterTail()
  let tag = 0
  const dropIndexed = (result: unknown) => {
    if (result) tail.dropThrough((result as { indexedThrough: number }).indexedThrough)
  }
  // After a crash the side table lags the log, and the memory that answered for the gap is
  // gone: index the gap now, before anything reads the side table. The writer is made when the
  // routes register, after migrations and before any request, so no transaction is open on the
  // shared connection (one would take the catch-up with it if it rolled back).
  if (sqlite.inTransaction) throw new Error('The ballot writer must be made outside a transaction')
  const mainIndexer = indexerFromSource(sqlite, { ...cadence, relaxSync: false })
  mainIndexer.catchUp(Date.now())

  if (!sqlite.memory) {
    const worker = createSqliteWriteWorker(sqlite.name, STATEMENTS, {
      source: createBallotVoterIndexer.toString(),
      options: { ...cadence, relaxSync: true },
      onResult: dropIndexed,
      onError: reportIndexError,
    })
    return {
      write: (items) => {
        tail.add(++tag, items)
        return worker.run(batchOps(items), tag)
      },
      voterTail: (campaignId, voterKey) => tail.idsOf(campaignId, voterKey),
      catchUpVoterIndex: () => worker.catchUpJob(),
      close: () => worker.close(),
    }
  }

  const prepared = new Map(Object.entries(STATEMENTS).map(([k, q]) => [k, sqlite.prepare(q)]))
  const tx = sqlite.transaction((ops: WriteOp[]) => {
    for (const [name, params] of ops) prepared.get(name)!.run(params)
  })
  // The same job and the same runner as on the write thread, both built from their text.
  const runner = jobFromSource<JobRunner>(createJobRunner.toString())(mainIndexer, {
    onResult: dropIndexed,
    onError: reportIndexError,
    onWritten: () => {},
    isOpen: () => sqlite.open,
    // Never inside a transaction Kysely holds open on this shared connection: come back later.
    isBusy: () => sqlite.inTransaction,
  } satisfies JobRunnerIo)
  return {
    write: async (items) => {
      // Kysely shares this connection: never start our transaction inside one of its open ones
      // (it would become a savepoint of a transaction we do not control).
      while (sqlite.inTransaction) await new Promise((r) => setImmediate(r))
      const t = ++tag
      tail.add(t, items)
      try {
        tx(batchOps(items))
      } finally {
        runner.noteBatch(t)
      }
    },
    voterTail: (campaignId, voterKey) => tail.idsOf(campaignId, voterKey),
    catchUpVoterIndex: async () => {
      while (sqlite.inTransaction) await new Promise((r) => setImmediate(r))
      dropIndexed(mainIndexer.catchUp(Date.now()))
    },
    close: async () => runner.stop(),
  }
}

const pgWriter = (pool: pg.Pool): BallotBatchWriter => {
  const ballotArrays = `select * from unnest(${BALLOT_COLUMNS.map((_, i) => `$${i + 1}::text[]`).join(', ')})`
  const write = async (items: BallotWrite[]) => {
    const cols = BALLOT_COLUMNS.map((c) => items.map((it) => it.row[c]))
    const agg = aggregateBatch(items)
    const split = <V>(m: Map<string, V>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1))
    const tally = split(agg.tally)
    const daily = split(agg.daily)
    const turnout = split(agg.turnout)
    const totals = split(agg.totals)
    const client = await pool.connect()
    try {
      await client.query('begin')
      await client.query(
        `insert into campaign_ballot (${BALLOT_COLUMNS.join(', ')}) ${ballotArrays}`,
        cols,
      )
      // The voter side table in the same transaction: PostgreSQL writes no page twice the way
      // SQLite's checkpoint does, so it stays on the commit path here (ADR 0021).
      await client.query(
        `insert into campaign_ballot_voter (campaign_id, voter_key, ballot_id)
         select * from unnest($1::text[], $2::text[], $3::text[])`,
        [
          items.map((it) => it.row.campaign_id),
          items.map((it) => it.row.voter_key),
          items.map((it) => it.row.id),
        ],
      )
      await client.query(
        `insert into campaign_tally (campaign_id, candidate_id, votes, invalidated_votes)
         select c, k, n, 0 from unnest($1::text[], $2::text[], $3::int[]) as t(c, k, n)
         on conflict (campaign_id, candidate_id)
         do update set votes = campaign_tally.votes + excluded.votes`,
        [
          tally.map(([k]) => k.split('|')[0]),
          tally.map(([k]) => k.split('|')[1]),
          tally.map(([, n]) => n),
        ],
      )
      await client.query(
        `insert into campaign_tally_daily (campaign_id, candidate_id, day, votes)
         select * from unnest($1::text[], $2::text[], $3::text[], $4::int[])
         on conflict (campaign_id, candidate_id, day)
         do update set votes = campaign_tally_daily.votes + excluded.votes`,
        [...[0, 1, 2].map((i) => daily.map(([k]) => k.split('|')[i])), daily.map(([, n]) => n)],
      )
      await client.query(
        `insert into campaign_turnout (campaign_id, org_id, day, ballots, votes)
         select * from unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[])
         on conflict (campaign_id, org_id, day)
         do update set ballots = campaign_turnout.ballots + excluded.ballots,
                       votes = campaign_turnout.votes + excluded.votes`,
        [
          ...[0, 1, 2].map((i) => turnout.map(([k]) => k.split('|')[i])),
          turnout.map(([, v]) => v.ballots),
          turnout.map(([, v]) => v.votes),
        ],
      )
      await client.query(
        `insert into campaign_vote_totals (campaign_id, ballots, votes, invalidated_ballots, invalidated_votes)
         select c, b, v, 0, 0 from unnest($1::text[], $2::int[], $3::int[]) as t(c, b, v)
         on conflict (campaign_id)
         do update set ballots = campaign_vote_totals.ballots + excluded.ballots,
                       votes = campaign_vote_totals.votes + excluded.votes`,
        [totals.map(([c]) => c), totals.map(([, v]) => v.ballots), totals.map(([, v]) => v.votes)],
      )
      await client.query('commit')
    } catch (err) {
      await client.query('rollback').catch(() => undefined)
      throw err
    } finally {
      client.release()
    }
  }
  return {
    write,
    voterTail: () => [],
    catchUpVoterIndex: async () => undefined,
    close: async () => undefined,
  }
}

/** The batch writer for the app's database engine. */
export const createBallotBatchWriter = (
  database: Database,
  cadence: VoterIndexCadence = BALLOT_VOTER_INDEXER_OPTIONS,
): BallotBatchWriter => {
  if (database.sqlite) return sqliteWriter(database.sqlite, cadence)
  if (database.pgPool) return pgWriter(database.pgPool)
  throw new Error('No database handle for the ballot writer')
}
