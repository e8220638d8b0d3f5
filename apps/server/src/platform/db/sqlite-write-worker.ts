import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/**
 * A second SQLite connection on a worker thread that runs batches of prepared statements, each
 * batch in one durable transaction (synchronous=FULL).
 *
 * Why: better-sqlite3 is synchronous, so a group commit on the main thread blocks the event loop
 * for the whole commit, fsync included. Measured under ballot load, the main thread spent about a
 * quarter of its time inside the batch transaction (bench/RESULTS.md). On the worker, the main
 * thread keeps parsing and validating the next requests while the disk flushes, and each caller
 * is still answered only after its batch committed. See docs/adr/0011-ballot-writer-thread.md.
 *
 * Only for file databases: an in-memory database cannot be shared with a second connection, so
 * callers fall back to writing on the main thread there (tests). WAL lets the main connection
 * read while the worker writes; other writers wait on busy_timeout as with any two connections.
 *
 * The worker's code is a string (`eval`), so it needs no separate file in the server bundle and
 * no TypeScript loader in tests; it loads the same better-sqlite3 the server resolved.
 */
export type WriteOp = [statement: string, params: unknown[]]

export type SqliteWriteWorker = {
  /** Runs the ops in one transaction; resolves after COMMIT, rejects (nothing applied) on error. */
  run: (ops: WriteOp[]) => Promise<void>
  /** Waits for the batches in flight, then closes the worker's connection and the thread. */
  close: () => Promise<void>
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.sqliteModule)
const db = new Database(workerData.file)
db.pragma('journal_mode = WAL')
db.pragma('synchronous = FULL')
db.pragma('foreign_keys = ON')
db.pragma('busy_timeout = 5000')
// Checkpoints run after a batch is acknowledged, not inside its COMMIT (see below).
db.pragma('wal_autocheckpoint = 0')
let writtenSinceCheckpoint = 0
const statements = new Map(
  Object.entries(workerData.statements).map(([name, sql]) => [name, db.prepare(sql)]),
)
const tx = db.transaction((ops) => {
  for (const [name, params] of ops) statements.get(name).run(params)
})
parentPort.on('message', (m) => {
  if (m.type === 'close') {
    db.close()
    parentPort.postMessage({ type: 'closed' })
    return
  }
  try {
    tx(m.ops)
    parentPort.postMessage({ type: 'done', id: m.id })
    // SQLite's auto-checkpoint ran inside the COMMIT of every ~1000th WAL page, 15-50 ms in
    // which the batch's callers waited; it set the ballots' p99 (bench/RESULTS.md). Here it
    // runs once the callers have their answer, while the main thread is busy sending them and
    // reading the next requests. A ballot dirties about one page (its voter-index leaf), so
    // checkpointEveryOps (1000) statements is about SQLite's own 1000-page interval. PASSIVE, as
    // auto-checkpoints are; the WAL restarts once it has all been copied, so it stays bounded.
    writtenSinceCheckpoint += m.ops.length
    if (writtenSinceCheckpoint >= workerData.checkpointEveryOps) {
      writtenSinceCheckpoint = 0
      try {
        db.pragma('wal_checkpoint(PASSIVE)')
      } catch {
        // A failed checkpoint loses nothing (the WAL keeps the pages); the next one retries.
      }
    }
  } catch (e) {
    parentPort.postMessage({ type: 'done', id: m.id, error: String((e && e.message) || e), code: e && e.code })
  }
})
parentPort.postMessage({ type: 'ready' })
`

/** Statements written between two WAL checkpoints of the writer (see the worker source). */
const CHECKPOINT_EVERY_OPS = 1000

type Pending = { resolve: () => void; reject: (e: Error) => void }

export class SqliteWriteError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message)
  }
}

export const createSqliteWriteWorker = (
  file: string,
  statements: Record<string, string>,
): SqliteWriteWorker => {
  const sqliteModule = createRequire(import.meta.url).resolve('better-sqlite3')
  let worker: Worker | null = null
  let seq = 0
  const pending = new Map<number, Pending>()
  let closing: Promise<void> | null = null

  const failAll = (err: Error) => {
    for (const p of pending.values()) p.reject(err)
    pending.clear()
  }

  const start = () => {
    const w = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, statements, sqliteModule, checkpointEveryOps: CHECKPOINT_EVERY_OPS },
    })
    w.on('message', (m: { type: string; id?: number; error?: string; code?: string }) => {
      if (m.type !== 'done' || m.id === undefined) return
      const p = pending.get(m.id)
      pending.delete(m.id)
      if (!p) return
      if (m.error === undefined) p.resolve()
      else p.reject(new SqliteWriteError(m.error, m.code))
    })
    // A crashed worker fails its batches (nothing of them is acknowledged); the next batch
    // starts a new one.
    w.on('error', (e) => failAll(e instanceof Error ? e : new Error(String(e))))
    w.on('exit', () => {
      if (worker === w) worker = null
      failAll(new Error('The SQLite write worker exited'))
    })
    return w
  }

  return {
    run: (ops) =>
      new Promise<void>((resolve, reject) => {
        if (closing) return reject(new Error('The SQLite write worker is closed'))
        worker ??= start()
        const id = ++seq
        pending.set(id, { resolve, reject })
        worker.postMessage({ type: 'batch', id, ops })
      }),
    close: () => {
      closing ??= (async () => {
        const w = worker
        if (!w) return
        // Messages are handled in order: 'close' runs after every batch already posted.
        const closed = new Promise<void>((resolve) => {
          w.on('message', (m: { type: string }) => m.type === 'closed' && resolve())
          w.once('exit', () => resolve())
        })
        w.postMessage({ type: 'close' })
        await closed
        await w.terminate()
        worker = null
      })()
      return closing
    },
  }
}
