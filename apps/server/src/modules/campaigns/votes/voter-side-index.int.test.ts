import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { migrationProvider } from '../../../app'
import { createDatabase, type Database } from '../../../platform/db/create-db'
import { migrateToLatest } from '../../../platform/db/migration-provider'
import { createTestDatabase, type TestDatabase } from '../../../../test/db'
import type { CampaignBallotTable } from '../campaigns.tables'
import { newBallotId } from './receipt'
import {
  createBallotBatchWriter,
  findBallotByClientKey,
  findBallotsOfVoter,
  type BallotWrite,
  type VoterIndexCadence,
} from './votes.repository'

/**
 * Every acknowledged ballot is found, at every moment, through the voter side table plus the
 * writer's tail (ADR 0021): right after its batch, while chunks are being written between
 * batches, and after the tail was dropped. The cadence is shrunk so that chunks start every few
 * batches and span several of them. Runs on the engine of the suite (in-memory SQLite: the
 * main-thread indexer; PostgreSQL: the side table in the batch transaction) and on a SQLite
 * file database, whose write thread runs the indexer from its source text.
 */
const FAST: VoterIndexCadence = {
  chunkRows: 50,
  chunkEveryMs: 5,
  sliceRows: 7,
  readRows: 11,
  stepBudgetMs: 0,
}
/** The write thread is quick to slice: larger chunks, so that one spans many batches. */
const SPANNING: VoterIndexCadence = {
  chunkRows: 400,
  chunkEveryMs: 30,
  sliceRows: 5,
  readRows: 9,
  stepBudgetMs: 0,
}
const CAMPAIGN = 'campaign-side-index'

let seed = 7
const rnd = (n: number) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff
  return seed % n
}

const ballotOf = (voter: string, clientKey: string): BallotWrite => {
  const row: CampaignBallotTable = {
    id: newBallotId(),
    campaign_id: CAMPAIGN,
    voter_key: voter,
    voter_masked: '138****0000',
    voter_org_id: null,
    device_hash: null,
    ip_hash: 'ip',
    client_key: clientKey,
    candidate_ids: '["cand-1"]',
    cast_at: new Date().toISOString(),
    day: '2026-11-30',
    signals: '[]',
    status: 'counted',
    invalidation_reason: null,
    status_changed_at: null,
    status_changed_by: null,
  }
  return { row, orgId: '', candidateIds: ['cand-1'] }
}

type Acked = { voter: string; clientKey: string; id: string }

const expectFound = async (
  database: Database,
  writer: ReturnType<typeof createBallotBatchWriter>,
  a: Acked,
) => {
  const tail = writer.voterTail(CAMPAIGN, a.voter)
  const byKey = await findBallotByClientKey(
    database.db,
    CAMPAIGN,
    a.voter,
    a.clientKey,
    '2000-01-01',
    '',
    tail,
  )
  expect(byKey?.id, `${a.clientKey} by client key`).toBe(a.id)
  const mine = await findBallotsOfVoter(database.db, CAMPAIGN, a.voter, 1000, tail)
  expect(
    mine.map((b) => b.id),
    `${a.clientKey} in my receipts`,
  ).toContain(a.id)
}

/** Ids of every acknowledged ballot the side table and the tail together do not hold. */
const unreachable = async (
  database: Database,
  writer: ReturnType<typeof createBallotBatchWriter>,
  acked: Acked[],
) => {
  const rows = (await database.db
    .selectFrom('campaign_ballot_voter' as never)
    .select('ballot_id' as never)
    .where('campaign_id' as never, '=', CAMPAIGN as never)
    .execute()) as { ballot_id: string }[]
  const reachable = new Set(rows.map((r) => r.ballot_id))
  for (const v of new Set(acked.map((a) => a.voter)))
    for (const id of writer.voterTail(CAMPAIGN, v)) reachable.add(id)
  return acked.filter((a) => !reachable.has(a.id)).map((a) => a.id)
}

/** ~3,000 ballots from 300 voters in batches of 1–30, some batches posted together. */
const stress = async (database: Database, cadence: VoterIndexCadence) => {
  const writer = createBallotBatchWriter(database, cadence)
  const acked: Acked[] = []
  let n = 0
  try {
    for (let round = 0; round < 120; round++) {
      const concurrent = 1 + rnd(3)
      const batches = Array.from({ length: concurrent }, () =>
        Array.from({ length: 1 + rnd(30) }, () => ballotOf(`voter-${rnd(300)}`, `key-${n++}`)),
      )
      await Promise.all(batches.map(async (b) => writer.write(b)))
      const fresh = batches.flat().map((b) => ({
        voter: b.row.voter_key,
        clientKey: b.row.client_key,
        id: b.row.id,
      }))
      acked.push(...fresh)
      for (const a of [...fresh, ...Array.from({ length: 5 }, () => acked[rnd(acked.length)]!)])
        await expectFound(database, writer, a)
      expect(await unreachable(database, writer, acked)).toEqual([])
      // Let the indexer run a while with no batch arriving: a chunk that began before the last
      // batches may end now, and must not drop those batches from the tail.
      await new Promise((r) => setTimeout(r, rnd(4)))
      expect(await unreachable(database, writer, acked)).toEqual([])
    }
    await writer.catchUpVoterIndex()
    // Everything is in the side table now, and the tail was dropped.
    const voters = [...new Set(acked.map((a) => a.voter))]
    expect(voters.map((v) => writer.voterTail(CAMPAIGN, v)).flat()).toEqual([])
    const indexed = await database.db
      .selectFrom('campaign_ballot_voter' as never)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(indexed.n)).toBe(acked.length)
    for (const a of acked.filter((_, i) => i % 17 === 0)) await expectFound(database, writer, a)
  } finally {
    await writer.close()
  }
  return acked.length
}

let database: TestDatabase | null = null
let dir: string | null = null
let fileDb: Database | null = null
afterAll(async () => {
  await database?.drop()
  await fileDb?.destroy()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('voter side table and tail', () => {
  it("finds every acknowledged ballot at every moment, on the suite's engine", async () => {
    database = await createTestDatabase()
    await migrateToLatest(database.db, migrationProvider)
    expect(await stress(database, FAST)).toBeGreaterThan(1000)
  })

  it('finds every acknowledged ballot at every moment, through the SQLite write thread', async () => {
    // A SQLite file whatever the suite's engine: the write thread exists only there.
    dir = mkdtempSync(path.join(tmpdir(), 'uh-side-index-'))
    fileDb = createDatabase(`file:${path.join(dir, 'ballots.db')}`)
    await migrateToLatest(fileDb.db, migrationProvider)
    expect(await stress(fileDb, SPANNING)).toBeGreaterThan(1000)
  })
})
