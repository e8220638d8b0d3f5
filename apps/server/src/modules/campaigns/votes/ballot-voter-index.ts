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
 *   CHUNK_ROWS ballots are waiting. It is read in pieces of READ_ROWS, each piece sorted by key as
 *   it is read, a few pieces per step at most (a step has a time budget): reading and sorting a whole 2-second chunk at once (12,000
 *   rows) held the write thread for 30-60 ms, and every ballot batch queued behind it waited that
 *   long, which set the ballots' p99 (bench/RESULTS.md);
 * - once the read reaches the end of the log, the sorted pieces are merged as they are written:
 *   each slice takes the next SLICE_ROWS rows in key order and inserts them in one transaction,
 *   between ballot batches. The slices walk the key space in order, so each leaf page is written
 *   about once per chunk however many of the chunk's keys land on it, and no slice holds the write
 *   lock long enough to show in a ballot's latency (one 50,000-row transaction would stall the
 *   batches behind it);
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
  /** Rows of the log read (and sorted) per piece while a chunk is gathered. */
  readRows: number
  /**
   * A step reads pieces and writes slices until this many milliseconds have passed (at least
   * one piece or slice). 0: exactly one per step (tests count them).
   */
  stepBudgetMs: number
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
  /**
   * Bounded work on one chunk (starting one if due): reads its next pieces or writes its next
   * slices for about stepBudgetMs; returns the batch tag a finished chunk covers.
   */
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
  for (const k of ['chunkRows', 'sliceRows', 'readRows'] as const) {
    // A zero would never finish a chunk (and catchUp would loop forever).
    if (!(Number.isInteger(o[k]) && o[k] > 0))
      throw new RangeError(`${k} must be a positive integer`)
  }
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
  /**
   * The chunk in progress: while `reading`, sorted pieces of the log after `after`; then merged
   * into slices, `heads[i]` being the next unwritten row of `runs[i]`.
   */
  type Chunk = {
    runs: Row[][]
    heads: number[]
    rows: number
    after: number
    reading: boolean
    through: number | null
  }
  let job: Chunk | null = null
  let lastTag: number | null = null
  // The first chunk waits like the others: ballots in the first seconds are few.
  let lastChunkAt = Date.now()
  let written = 0
  const limit = o.chunkRows * 4

  const byKey = (a: Row, b: Row) =>
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
          : a.id > b.id
            ? 1
            : 0

  const slice = db.transaction((rows: Row[], finalMark: number) => {
    for (const row of rows) insert.run(row.c, row.v, row.id)
    if (finalMark >= 0) writeMark.run(finalMark)
  })

  /**
   * Reads the next piece of the chunk (at most `want` rows) and sorts it; ends the reading at the
   * end of the log or at the chunk's size limit.
   */
  const readPiece = (j: Chunk, want: number) => {
    const n = Math.min(want, limit - j.rows)
    const piece = readRows.all(j.after, n) as Row[]
    if (piece.length > 0) {
      j.after = piece[piece.length - 1]!.r // read in rowid order
      piece.sort(byKey)
      j.runs.push(piece)
      j.heads.push(0)
      j.rows += piece.length
    }
    if (piece.length < n) {
      // The end of the log: every batch handled so far on this connection is in the chunk.
      j.reading = false
      j.through = lastTag
    } else if (j.rows >= limit) {
      // A chunk cut at its size limit does not reach the end, so it covers no batch for sure.
      j.reading = false
      j.through = null
    }
  }

  /** The next `n` rows of the chunk in key order (a merge of its sorted pieces). */
  const takeRows = (j: Chunk, n: number) => {
    const out: Row[] = []
    while (out.length < n) {
      let best = -1
      for (let i = 0; i < j.runs.length; i++) {
        const head = j.heads[i]!
        if (head >= j.runs[i]!.length) continue
        if (best < 0 || byKey(j.runs[i]![head]!, j.runs[best]![j.heads[best]!]!) < 0) best = i
      }
      if (best < 0) break
      out.push(j.runs[best]![j.heads[best]!++]!)
    }
    return out
  }

  const writeSlice = (j: Chunk) => {
    const before = j.heads.slice()
    const rows = takeRows(j, o.sliceRows)
    const last = j.runs.every((run, i) => j.heads[i]! >= run.length)
    if (o.relaxSync) db.pragma('synchronous = NORMAL')
    try {
      slice(rows, last ? j.after : -1)
    } catch (e) {
      // The slice's transaction rolled back: the next step writes the same rows again.
      j.heads = before
      throw e
    } finally {
      if (o.relaxSync) db.pragma('synchronous = FULL')
    }
    written += rows.length
    if (!last) return null
    mark = j.after
    job = null
    return j.through === null ? null : { indexedThrough: j.through }
  }

  const newChunk = (nowMs: number): Chunk => {
    lastChunkAt = nowMs
    return { runs: [], heads: [], rows: 0, after: mark, reading: true, through: null }
  }

  /** One piece of work on the chunk in progress (see `step`). */
  const advance = (j: Chunk, want: number) => {
    if (j.reading) {
      readPiece(j, want)
      if (!j.reading && j.rows === 0) job = null // nothing was waiting after all
      return null
    }
    return writeSlice(j)
  }

  const step = (nowMs: number) => {
    if (!job) {
      if (!hasWork(nowMs)) return null
      job = newChunk(nowMs)
    }
    // A budget rather than one piece: after each ballot batch the thread runs one step, and with
    // batches back to back that may be all the time the index gets. Reading and writing a row
    // then cost about as much as one slice did before the chunk was read in pieces, so the index
    // keeps up with the same load; a stall stays one budget plus one piece or slice.
    const until = performance.now() + o.stepBudgetMs
    for (;;) {
      const result = advance(job, o.readRows)
      if (result !== null || !job) return result // the chunk is done, with or without a report
      if (performance.now() >= until) return null
    }
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
      // handled so far is then indexed. Nothing waits on the thread here, so a chunk is read in
      // one piece.
      for (;;) {
        if (!job) {
          if (maxRowid() <= mark) break
          job = newChunk(nowMs)
        }
        while (job) advance(job, limit)
      }
      return lastTag === null ? null : { indexedThrough: lastTag }
    },
    get written() {
      return written
    },
  }
}

/**
 * How the server runs the indexer: chunks every 2 s or 20,000 ballots, read in pieces of 1,000
 * rows (2-4 ms each on the bench machines), written in slices of 500, about 4 ms of work a step.
 */
export const BALLOT_VOTER_INDEXER_OPTIONS: Omit<BallotVoterIndexerOptions, 'relaxSync'> = {
  chunkRows: 20_000,
  chunkEveryMs: 2_000,
  sliceRows: 500,
  readRows: 1_000,
  stepBudgetMs: 4,
}
