import type SQLite from 'better-sqlite3'

/**
 * The voter index of the ballot log, kept off the commit path on SQLite (ADR 0021).
 *
 * `campaign_ballot_voter (campaign_id, voter_key, ballot_id)` answers "this voter's ballots"
 * (retries whose key left memory, "my receipts"). As an index on the log itself, every ballot
 * dirtied one random leaf page, written to the WAL at its batch's commit and copied again at the
 * next checkpoint: 2.65 page writes per ballot on the writer thread, most of its time
 * (bench/RESULTS.md). Here the write thread fills the side table behind a watermark (the last
 * indexed rowid of the log) in chunks:
 *
 * - a chunk is every ballot after the watermark, started every CHUNK_EVERY_MS or once
 *   CHUNK_ROWS ballots are waiting, and sorted by key;
 * - it is inserted in small slices, one transaction each, between ballot batches. The slices
 *   walk the key space in order, so each leaf page is written about once per chunk however many
 *   of the chunk's keys land on it, and no slice holds the write lock long enough to show in a
 *   ballot's latency (one 50,000-row transaction would stall the batches behind it);
 * - the last slice moves the watermark in the same transaction. A crash mid-chunk loses nothing:
 *   the next chunk starts from the old watermark and `insert or ignore` skips what was written.
 *
 * Ballots after the watermark (the tail) are answered from the caller's memory
 * (votes.repository keeps each batch's keys until the chunk holding them is done). At start-up
 * `catchUp` indexes everything after the watermark before the first ballot, since that memory is
 * gone after a restart.
 *
 * This function runs in two places: on the SQLite write thread (its source is sent there with
 * `toString()`, see sqlite-write-worker.ts) and on the main thread for an in-memory database.
 * So it must not refer to anything outside its own body.
 */

/** A better-sqlite3 connection, on either thread (a type only: nothing is imported at run time). */
export type IndexerDb = SQLite.Database

export type BallotVoterIndexerOptions = {
  /** Start a chunk once this many ballots wait after the watermark. */
  chunkRows: number
  /** Or once any wait and this long has passed since the last chunk. */
  chunkEveryMs: number
  /** Rows per slice transaction. */
  sliceRows: number
  /**
   * Commit slices without their own fsync (file databases in WAL mode). The next ballot batch's
   * synchronous=FULL commit makes them durable with it; losing them in a crash loses nothing.
   */
  relaxSync: boolean
}

export type BallotVoterIndexer = {
  /** A ballot batch with this tag was handled (committed or failed) on this connection. */
  noteBatch: (tag: number) => void
  /** True when a chunk is in progress or one is due. */
  hasWork: (nowMs: number) => boolean
  /** Writes one slice (starting a chunk if due); returns the batch tag a finished chunk covers. */
  step: (nowMs: number) => { indexedThrough: number } | null
  /** Indexes everything after the watermark now, in one transaction per slice. */
  catchUp: (nowMs: number) => { indexedThrough: number } | null
  /** Rows written into the side table since created (for the checkpoint cadence). */
  readonly written: number
}

export function createBallotVoterIndexer(
  db: IndexerDb,
  o: BallotVoterIndexerOptions,
): BallotVoterIndexer {
  type Row = { r: number; c: string; v: string; id: string }
  const readMark = db.prepare('select last_rowid as r from campaign_ballot_voter_mark where id = 1')
  const lastRowid = db.prepare('select max(rowid) as r from campaign_ballot')
  const readRows = db.prepare(
    `select rowid as r, campaign_id as c, voter_key as v, id from campaign_ballot
     where rowid > ? order by rowid limit ?`,
  )
  const insert = db.prepare(
    'insert or ignore into campaign_ballot_voter (campaign_id, voter_key, ballot_id) values (?, ?, ?)',
  )
  const writeMark = db.prepare('update campaign_ballot_voter_mark set last_rowid = ? where id = 1')

  const maxRowid = () => Number((lastRowid.get() as { r: number | null }).r ?? 0)
  let mark = Number((readMark.get() as { r: number } | undefined)?.r ?? 0)
  // Rowids of a table without an INTEGER PRIMARY KEY may be renumbered by VACUUM: a watermark
  // past the end means that happened, and the whole log is indexed again (idempotent).
  if (mark > maxRowid()) mark = 0
  let job: { rows: Row[]; at: number; upTo: number; through: number | null } | null = null
  let lastTag: number | null = null
  // The first chunk waits like the others: ballots in the first seconds are few.
  let lastChunkAt = Date.now()
  let written = 0

  const slice = db.transaction((rows: Row[], from: number, to: number, finalMark: number) => {
    for (let i = from; i < to; i++) {
      const row = rows[i]!
      insert.run(row.c, row.v, row.id)
    }
    if (finalMark >= 0) writeMark.run(finalMark)
  })

  const startChunk = (nowMs: number) => {
    const limit = o.chunkRows * 4
    const rows = readRows.all(mark, limit) as Row[]
    lastChunkAt = nowMs
    if (rows.length === 0) return false
    // Only a chunk that reached the end of the log covers every batch handled so far.
    const through = rows.length < limit ? lastTag : null
    const upTo = rows[rows.length - 1]!.r
    rows.sort((a, b) =>
      a.c !== b.c
        ? a.c < b.c
          ? -1
          : 1
        : a.v !== b.v
          ? a.v < b.v
            ? -1
            : 1
          : a.id < b.id
            ? -1
            : 1,
    )
    job = { rows, at: 0, upTo, through }
    return true
  }

  const step = (nowMs: number) => {
    if (!job && !(hasWork(nowMs) && startChunk(nowMs))) return null
    const j = job!
    const to = Math.min(j.at + o.sliceRows, j.rows.length)
    const last = to === j.rows.length
    if (o.relaxSync) db.pragma('synchronous = NORMAL')
    try {
      slice(j.rows, j.at, to, last ? j.upTo : -1)
    } finally {
      if (o.relaxSync) db.pragma('synchronous = FULL')
    }
    written += to - j.at
    j.at = to
    if (!last) return null
    mark = j.upTo
    job = null
    return j.through === null ? null : { indexedThrough: j.through }
  }

  const hasWork = (nowMs: number) => {
    if (job) return true
    const waiting = maxRowid() - mark
    return waiting >= o.chunkRows || (waiting > 0 && nowMs - lastChunkAt >= o.chunkEveryMs)
  }

  return {
    noteBatch: (tag) => {
      lastTag = tag
    },
    hasWork,
    step,
    catchUp: (nowMs) => {
      // Finish the chunk in progress, then chunk after chunk until the log's end: every batch
      // handled so far is then indexed.
      while (job || startChunk(nowMs)) while (job) step(nowMs)
      return lastTag === null ? null : { indexedThrough: lastTag }
    },
    get written() {
      return written
    },
  }
}

/** How the server runs the indexer: chunks every 2 s or 20,000 ballots, slices of 500 rows. */
export const BALLOT_VOTER_INDEXER_OPTIONS: Omit<BallotVoterIndexerOptions, 'relaxSync'> = {
  chunkRows: 20_000,
  chunkEveryMs: 2_000,
  sliceRows: 500,
}
