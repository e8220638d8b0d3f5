import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import type SQLite from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openSqlite } from '../../../platform/db/create-db'
import { createSqliteWriteWorker } from '../../../platform/db/sqlite-write-worker'
import { createBallotVoterIndexer, type BallotVoterIndexerOptions } from './ballot-voter-index'

/** The columns the indexer reads, and its two tables as migration 20261130T0930 makes them. */
const SCHEMA = `
  create table campaign_ballot (id text primary key, campaign_id text not null, voter_key text not null);
  create table campaign_ballot_voter (campaign_id text not null, voter_key text not null,
    ballot_id text not null, primary key (campaign_id, voter_key, ballot_id)) without rowid;
  create table campaign_ballot_voter_mark (id integer primary key, last_rowid integer not null);
  insert into campaign_ballot_voter_mark values (1, 0);
`
/** Inserts into the side table fail while fail_next.n > 0 (a full disk, on demand). */
const FAILING_SLICES = `
  create table fail_next (n integer not null);
  insert into fail_next values (0);
  create trigger side_fails before insert on campaign_ballot_voter
    when (select n from fail_next) > 0
  begin
    select raise(abort, 'disk full');
  end;
`
const OPTIONS: BallotVoterIndexerOptions = {
  chunkRows: 10,
  chunkEveryMs: 60_000,
  sliceRows: 3,
  readRows: 4,
  stepBudgetMs: 0, // one piece or slice per step, so that the tests can count them
  relaxSync: true,
}

let dir: string
let file: string
let db: SQLite.Database
let seq = 0

const addBallots = (n: number, campaign = 'c1') => {
  const insert = db.prepare('insert into campaign_ballot values (?, ?, ?)')
  const ids: string[] = []
  for (let i = 0; i < n; i++) {
    const id = `b${String(seq++).padStart(6, '0')}`
    // Voters in no particular order, a few with several ballots.
    insert.run(id, campaign, `v${(seq * 7919) % 13}`)
    ids.push(id)
  }
  return ids
}
const sideRows = () =>
  db
    .prepare('select campaign_id, voter_key, ballot_id from campaign_ballot_voter order by 3')
    .all() as { campaign_id: string; voter_key: string; ballot_id: string }[]
const mark = () =>
  (db.prepare('select last_rowid as r from campaign_ballot_voter_mark').get() as { r: number }).r

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'uh-voter-index-'))
  file = path.join(dir, 'db.sqlite')
  db = openSqlite(file)
  db.exec(SCHEMA)
  seq = 0
})
afterEach(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('ballot voter indexer', () => {
  it('waits for a chunk of ballots, writes it in slices and moves the watermark with the last', () => {
    const ix = createBallotVoterIndexer(db, OPTIONS)
    const now = Date.now()
    addBallots(9)
    ix.noteBatch(1)
    expect(ix.hasWork(now)).toBe(false) // 9 < chunkRows, and the chunk interval has not passed
    expect(ix.hasWork(now + 60_000)).toBe(true) // ...until it has
    addBallots(1)
    ix.noteBatch(2)
    expect(ix.hasWork(now)).toBe(true)
    // 10 rows read 4 at a time: three steps that only read (the third reaches the end of the log).
    expect([ix.step(now), ix.step(now), ix.step(now)]).toEqual([null, null, null])
    expect(sideRows()).toHaveLength(0)
    // Then written in slices of 3: four steps, the watermark only with the last one.
    expect([ix.step(now), ix.step(now), ix.step(now)]).toEqual([null, null, null])
    expect(sideRows()).toHaveLength(9)
    expect(mark()).toBe(0)
    expect(ix.step(now)).toEqual({ indexedThrough: 2 })
    expect(sideRows()).toHaveLength(10)
    expect(mark()).toBe(10)
    expect(ix.hasWork(now)).toBe(false)
    expect(ix.written).toBe(10)
    // Every ballot under its own voter and campaign.
    const log = db
      .prepare('select campaign_id, voter_key, id as ballot_id from campaign_ballot order by id')
      .all()
    expect(sideRows()).toEqual(log)
  })

  it('starts again from the watermark after a crash mid-chunk, without duplicates', () => {
    const ix = createBallotVoterIndexer(db, OPTIONS)
    addBallots(12)
    ix.noteBatch(1)
    // Four reads (4, 4, 4, then none: the end), one slice of the chunk, then the process "dies".
    for (let i = 0; i < 5; i++) ix.step(Date.now())
    expect(sideRows()).toHaveLength(3)
    expect(mark()).toBe(0)
    const restarted = createBallotVoterIndexer(db, OPTIONS)
    // Nothing was handled by this process yet: no batch tag to report.
    expect(restarted.catchUp(Date.now())).toBeNull()
    expect(sideRows()).toHaveLength(12)
    expect(mark()).toBe(12)
    addBallots(2)
    restarted.noteBatch(7)
    expect(restarted.catchUp(Date.now())).toEqual({ indexedThrough: 7 })
    expect(sideRows()).toHaveLength(14)
  })

  it('bounds the work of a step, and writes a chunk read in pieces in key order', () => {
    // Records the order in which the side table receives its rows.
    db.exec(`
      create table received (seq integer primary key, c text, v text, id text);
      create trigger side_received after insert on campaign_ballot_voter begin
        insert into received (c, v, id) values (new.campaign_id, new.voter_key, new.ballot_id);
      end;`)
    const ix = createBallotVoterIndexer(db, OPTIONS)
    addBallots(7, 'c2')
    addBallots(6, 'c1')
    ix.noteBatch(1)
    const now = Date.now()
    let report: unknown = null
    let steps = 0
    let before = 0
    while (report === null && steps < 50) {
      report = ix.step(now)
      steps++
      const count = sideRows().length
      expect(count - before).toBeLessThanOrEqual(OPTIONS.sliceRows)
      before = count
    }
    // 13 rows: four reads (4, 4, 4, 1) and five slices (3, 3, 3, 3, 1).
    expect(report).toEqual({ indexedThrough: 1 })
    expect(steps).toBe(9)
    const received = db.prepare('select c, v, id from received order by seq').all() as {
      c: string
      v: string
      id: string
    }[]
    // Field by field, as the side table's primary key orders them (NUL sorts before any letter).
    const key = (r: { c: string; v: string; id: string }) => `${r.c}\0${r.v}\0${r.id}`
    expect(received.map(key)).toEqual(received.map(key).sort())
    expect(received).toHaveLength(13)
  })

  it('cuts a chunk at its size limit while stepping, and only a chunk that reached the end reports', () => {
    // Pieces of 7 do not divide the limit (4 × chunkRows = 40): the last piece must be cut short.
    const ix = createBallotVoterIndexer(db, { ...OPTIONS, readRows: 7 })
    addBallots(45)
    ix.noteBatch(1)
    const now = Date.now()
    const results: unknown[] = []
    for (let i = 0; i < 100 && mark() === 0; i++) results.push(ix.step(now))
    // The first chunk stopped at 40 rows: it does not cover batch 1, whose rows go on to 45.
    expect(mark()).toBe(40)
    expect(results.every((r) => r === null)).toBe(true)
    // The 5 left are fewer than a chunk's worth: they wait for the chunk interval.
    expect(ix.hasWork(now)).toBe(false)
    let report: unknown = null
    for (let i = 0; i < 100 && report === null; i++) report = ix.step(now + 60_000)
    expect(report).toEqual({ indexedThrough: 1 })
    expect(mark()).toBe(45)
    expect(sideRows()).toHaveLength(45)
  })

  it('works through pieces and slices for its time budget in one step', () => {
    const ix = createBallotVoterIndexer(db, { ...OPTIONS, stepBudgetMs: 60_000 })
    addBallots(13)
    ix.noteBatch(2)
    // 4 reads and 5 slices, all in the first step: it stops when the chunk is done.
    expect(ix.step(Date.now())).toEqual({ indexedThrough: 2 })
    expect(sideRows()).toHaveLength(13)
    expect(ix.step(Date.now())).toBeNull()
  })

  it('refuses sizes that would never finish a chunk', () => {
    expect(() => createBallotVoterIndexer(db, { ...OPTIONS, readRows: 0 })).toThrow(RangeError)
    expect(() => createBallotVoterIndexer(db, { ...OPTIONS, sliceRows: 0.5 })).toThrow(RangeError)
  })

  it('writes a failed slice again at the next step, losing no row', () => {
    db.exec(FAILING_SLICES)
    const ix = createBallotVoterIndexer(db, OPTIONS)
    addBallots(10)
    ix.noteBatch(3)
    const now = Date.now()
    for (let i = 0; i < 4; i++) ix.step(now) // reads: 4, 4, 2 (the end); then one slice
    expect(sideRows()).toHaveLength(3)
    db.exec('update fail_next set n = 1')
    expect(() => ix.step(now)).toThrow(/disk full/)
    expect(sideRows()).toHaveLength(3)
    db.exec('update fail_next set n = 0')
    const reports = [ix.step(now), ix.step(now), ix.step(now)]
    expect(reports).toEqual([null, null, { indexedThrough: 3 }])
    expect(sideRows().map((r) => r.ballot_id)).toEqual(
      (db.prepare('select id from campaign_ballot order by id').all() as { id: string }[]).map(
        (r) => r.id,
      ),
    )
    expect(mark()).toBe(10)
  })

  it('keeps its promise under random batches, failed batches and slices, catch-ups and restarts', () => {
    // Every report covers only batches whose rows are all in the side table; in the end every
    // committed row is indexed and the watermark is at the log's end. Random sizes, including
    // pieces and slices of one row and budgets of zero and of the whole chunk.
    let seed = 1
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed / 0x7fffffff)
    const problems: string[] = []
    // In memory: 100 trials of 200 operations on a file with synchronous=FULL take seconds.
    const mem = new Database(':memory:')
    mem.exec(SCHEMA)
    mem.exec(FAILING_SLICES)
    const insert = mem.prepare('insert into campaign_ballot values (?, ?, ?)')
    const has = mem.prepare('select 1 from campaign_ballot_voter where ballot_id = ?')
    const count = () =>
      (mem.prepare('select count(*) as n from campaign_ballot_voter').get() as { n: number }).n
    const lastRowid = () =>
      (mem.prepare('select max(rowid) as r from campaign_ballot').get() as { r: number | null }).r
    const memMark = () =>
      (mem.prepare('select last_rowid as r from campaign_ballot_voter_mark').get() as { r: number })
        .r
    for (let trial = 0; trial < 100; trial++) {
      seed = trial + 1
      mem.exec(
        'delete from campaign_ballot; delete from campaign_ballot_voter; update campaign_ballot_voter_mark set last_rowid = 0',
      )
      const options: BallotVoterIndexerOptions = {
        chunkRows: 1 + Math.floor(rnd() * 12),
        chunkEveryMs: 0,
        sliceRows: 1 + Math.floor(rnd() * 5),
        readRows: 1 + Math.floor(rnd() * 6),
        stepBudgetMs: rnd() < 0.5 ? 0 : 60_000,
        relaxSync: false,
      }
      let ix = createBallotVoterIndexer(mem, options)
      const committed: { tag: number; id: string }[] = []
      let tag = 0
      let n = 0
      const check = (r: { indexedThrough: number } | null, where: string) => {
        if (!r) return
        for (const c of committed)
          if (c.tag <= r.indexedThrough && !has.get(c.id))
            problems.push(`trial ${trial} ${where}: reported ${r.indexedThrough}, ${c.id} missing`)
      }
      for (let op = 0; op < 200; op++) {
        const x = rnd()
        if (x < 0.3) {
          // A batch of 0–7 ballots; one in ten fails and rolls back.
          tag++
          const rows = Math.floor(rnd() * 8)
          const fails = rnd() < 0.1
          const ids: string[] = []
          try {
            mem.transaction(() => {
              for (let i = 0; i < rows; i++) {
                const id = `b${String(n++).padStart(6, '0')}`
                insert.run(id, `c${Math.floor(rnd() * 3)}`, `v${Math.floor(rnd() * 9)}`)
                ids.push(id)
              }
              if (fails) throw new Error('batch failed')
            })()
            for (const id of ids) committed.push({ tag, id })
          } catch {
            // nothing of it was committed
          }
          ix.noteBatch(tag)
        } else if (x < 0.33) {
          mem.exec('update fail_next set n = 1')
          try {
            check(ix.step(0), 'failing step')
          } catch {
            // the slice failed and rolled back
          }
          mem.exec('update fail_next set n = 0')
        } else if (x < 0.35) {
          check(ix.catchUp(0), 'catch-up')
          if (count() !== committed.length) problems.push(`trial ${trial}: catch-up left rows out`)
        } else if (x < 0.36) {
          // A restart: the tags of the old process mean nothing to the new one.
          ix = createBallotVoterIndexer(mem, options)
          for (const c of committed) c.tag = -1
          ix.catchUp(0)
        } else if (ix.hasWork(0)) {
          check(ix.step(0), 'step')
        }
      }
      check(ix.catchUp(0), 'final catch-up')
      if (count() !== committed.length) problems.push(`trial ${trial}: final count`)
      if (memMark() !== (lastRowid() ?? 0))
        problems.push(`trial ${trial}: watermark ${memMark()}, log ends at ${lastRowid()}`)
    }
    mem.close()
    expect(problems.slice(0, 5)).toEqual([])
  }, 30_000)

  it('indexes the whole log again when the watermark is past its end (rowids renumbered)', () => {
    addBallots(5)
    db.prepare('update campaign_ballot_voter_mark set last_rowid = 99').run()
    createBallotVoterIndexer(db, OPTIONS).catchUp(Date.now())
    expect(sideRows()).toHaveLength(5)
    expect(mark()).toBe(5)
  })

  it('catches up chunk after chunk when more than one chunk waits', () => {
    addBallots(95) // chunks read at most 4 × chunkRows = 40 rows
    createBallotVoterIndexer(db, OPTIONS).catchUp(Date.now())
    expect(sideRows()).toHaveLength(95)
    expect(mark()).toBe(95)
  })

  it('on the write thread, reports a chunk as covering only the batches handled before it began', async () => {
    // Each report lets the caller forget those batches' ballots: every one of them must be in
    // the side table when the report arrives, including while later batches keep coming.
    const posted: { tag: number; id: string }[] = []
    const violations: string[] = []
    let reports = 0
    const has = db.prepare('select 1 from campaign_ballot_voter where ballot_id = ?')
    const worker = createSqliteWriteWorker(
      file,
      { ballot: 'insert into campaign_ballot values (?, ?, ?)' },
      {
        source: createBallotVoterIndexer.toString(),
        options: {
          chunkRows: 10,
          chunkEveryMs: 60_000,
          sliceRows: 2,
          // More than a batch adds (3), as the server's 1,000 is at least its largest batch:
          // otherwise reading could chase the end of the log while batches keep coming.
          readRows: 4,
          stepBudgetMs: 0,
          relaxSync: true,
        },
        onResult: (r) => {
          reports++
          const through = (r as { indexedThrough: number }).indexedThrough
          for (const p of posted) if (p.tag <= through && !has.get(p.id)) violations.push(p.id)
        },
        onError: (message) => violations.push(message),
      },
    )
    try {
      for (let tag = 1; tag <= 60; tag++) {
        const rows = [0, 1, 2].map((i) => [`t${tag}-${i}`, 'c1', `v${(tag * 5 + i) % 11}`])
        for (const r of rows) posted.push({ tag, id: r[0]! })
        const done = worker.run(
          rows.map((r) => ['ballot', r]),
          tag,
        )
        // The first half one at a time, so that chunks reach the end of the log and report
        // whatever the machine's speed; the second mostly without waiting, so that batches
        // queue up while a chunk is being sliced.
        if (tag <= 30 || tag % 5 === 0) await done
      }
      await worker.catchUpJob()
      expect(violations).toEqual([])
      // At least one report came mid-stream, besides the catch-up's own.
      expect(reports).toBeGreaterThanOrEqual(2)
      expect(sideRows()).toHaveLength(180)
    } finally {
      await worker.close()
    }
  })

  it('runs on the SQLite write thread from its own source text, between batches', async () => {
    const results: unknown[] = []
    const worker = createSqliteWriteWorker(
      file,
      { ballot: 'insert into campaign_ballot values (?, ?, ?)' },
      {
        source: createBallotVoterIndexer.toString(),
        options: { ...OPTIONS, chunkRows: 20 },
        onResult: (r) => results.push(r),
        onError: (message) => results.push({ error: message }),
      },
    )
    try {
      for (let tag = 1; tag <= 10; tag++)
        await worker.run(
          [0, 1, 2].map((i) => ['ballot', [`w${tag}-${i}`, 'c1', `v${(tag * 3 + i) % 7}`]]),
          tag,
        )
      // 30 ballots ≥ chunkRows: the thread indexes them on its own, between batches.
      for (let i = 0; i < 100 && results.length === 0; i++)
        await new Promise((r) => setTimeout(r, 20))
      expect(results[0]).toMatchObject({ indexedThrough: expect.any(Number) })
      await worker.run([['ballot', ['w11-0', 'c1', 'v0']]], 11)
      await worker.catchUpJob()
      expect(results[results.length - 1]).toEqual({ indexedThrough: 11 })
      expect(sideRows()).toHaveLength(31)
    } finally {
      await worker.close()
    }
  })
})
