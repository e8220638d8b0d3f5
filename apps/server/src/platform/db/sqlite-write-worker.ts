import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import {
  createJobRunner,
  type BackgroundJob,
  type JobRunner,
  type JobRunnerIo,
} from './background-job-runner'

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
  /**
   * Runs the ops in one transaction; resolves after COMMIT, rejects (nothing applied) on error.
   * The tag (increasing) is handed to the background job once the batch was handled.
   */
  run: (ops: WriteOp[], tag?: number) => Promise<void>
  /** Runs the background job's catchUp now (after the batches posted before); for tests. */
  catchUpJob: () => Promise<void>
  /** Waits for the batches in flight, then closes the worker's connection and the thread. */
  close: () => Promise<void>
}

/**
 * Background work on the write thread's connection between batches, such as an index kept off
 * the commit path (ADR 0021). `source` is the text of a self-contained function
 * `(db, options) => BackgroundJob`: the worker is one string, so the job arrives as one too.
 */
export type BackgroundJobSpec = {
  source: string
  options: unknown
  /** Receives, on the main thread, each non-null result of step() or catchUp(). */
  onResult: (result: unknown) => void
  /** A step failed (it is retried after a pause that grows with `failures` in a row). */
  onError: (message: string, failures: number) => void
}

/**
 * The job function from its source text, as the worker builds it. The main thread builds it
 * too (for its own catch-up, or as the whole job on an in-memory database), so a source that
 * cannot stand alone fails at start-up, not on the write thread under load.
 * esbuild with keepNames (tsx runs the server from source that way) wraps named functions in the
 * text with its helper __name(fn, name); the bundle does not. A no-op __name makes both run.
 */
export const jobFromSource = <J>(source: string): ((db: unknown, options: unknown) => J) => {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the job travels as text, see above
  const build = new Function('__name', `return (${source})`) as (
    name: (fn: unknown) => unknown,
  ) => (db: unknown, options: unknown) => J
  return build((fn) => fn)
}

/** What the function in BackgroundJobSpec.source returns (defined beside its runner). */
export type { BackgroundJob } from './background-job-runner'

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
// SQLite's auto-checkpoint ran inside the COMMIT of every ~1000th WAL page, 15-50 ms in which
// the batch's callers waited; it set the ballots' p99 (bench/RESULTS.md). Here it runs once the
// callers have their answer, while the main thread is busy sending them and reading the next
// requests, after about checkpointEveryOps statements (a statement dirties about one page).
// PASSIVE, as auto-checkpoints are; the WAL restarts once it has all been copied, so it stays
// bounded.
const noteWrites = (n) => {
  writtenSinceCheckpoint += n
  if (writtenSinceCheckpoint < workerData.checkpointEveryOps) return
  writtenSinceCheckpoint = 0
  try {
    db.pragma('wal_checkpoint(PASSIVE)')
  } catch {
    // A failed checkpoint loses nothing (the WAL keeps the pages); the next one retries.
  }
}
// Built as jobFromSource builds them (see there for __name); the main thread built the job
// first. The runner paces the job between batches (background-job-runner.ts).
const fromSource = (source) => new Function('__name', 'return (' + source + ')')((fn) => fn)
const job = workerData.job ? fromSource(workerData.job.source)(db, workerData.job.options) : null
const postJobResult = (r) => r != null && parentPort.postMessage({ type: 'job', result: r })
const runner = job
  ? fromSource(workerData.runnerSource)(job, {
      onResult: postJobResult,
      onError: (message, failures) =>
        parentPort.postMessage({ type: 'job-error', error: message, failures }),
      onWritten: noteWrites,
      isOpen: () => db.open,
      // This connection is the thread's own: between messages no transaction is open on it.
      isBusy: () => false,
    })
  : null
parentPort.on('message', (m) => {
  if (m.type === 'close') {
    if (runner) runner.stop()
    try {
      if (job) postJobResult(job.catchUp(Date.now()))
    } catch {}
    db.close()
    parentPort.postMessage({ type: 'closed' })
    return
  }
  if (m.type === 'catch-up') {
    try {
      postJobResult(job.catchUp(Date.now()))
      parentPort.postMessage({ type: 'done', id: m.id })
    } catch (e) {
      parentPort.postMessage({ type: 'done', id: m.id, error: String((e && e.message) || e) })
    }
    return
  }
  try {
    tx(m.ops)
    parentPort.postMessage({ type: 'done', id: m.id })
    noteWrites(m.ops.length)
  } catch (e) {
    parentPort.postMessage({ type: 'done', id: m.id, error: String((e && e.message) || e), code: e && e.code })
  }
  if (runner && m.tag != null) runner.afterBatch(m.tag)
})
parentPort.postMessage({ type: 'ready' })
`

/** Builds the runner from its text and exercises it on a job that never has work. */
const probeRunner = (source: string) => {
  const idle: BackgroundJob = {
    noteBatch: () => {},
    hasWork: () => false,
    step: () => null,
    catchUp: () => null,
    written: 0,
  }
  const io: JobRunnerIo = {
    onResult: () => {},
    onError: () => {},
    onWritten: () => {},
    isOpen: () => true,
    isBusy: () => false,
  }
  const runner = jobFromSource<JobRunner>(source)(idle, io)
  runner.afterBatch(0)
  runner.noteBatch(0)
  runner.stop()
}

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
  job?: BackgroundJobSpec,
): SqliteWriteWorker => {
  const sqliteModule = createRequire(import.meta.url).resolve('better-sqlite3')
  const runnerSource = createJobRunner.toString()
  // The runner only runs on the write thread here: run its text once now, on an idle job, so a
  // text that cannot stand alone fails at start-up rather than every ballot batch later.
  if (job) probeRunner(runnerSource)
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
      workerData: {
        file,
        statements,
        sqliteModule,
        checkpointEveryOps: CHECKPOINT_EVERY_OPS,
        job: job ? { source: job.source, options: job.options } : null,
        runnerSource: job ? runnerSource : null,
      },
    })
    w.on(
      'message',
      (m: {
        type: string
        id?: number
        error?: string
        code?: string
        result?: unknown
        failures?: number
      }) => {
        if (m.type === 'job') return job?.onResult(m.result)
        if (m.type === 'job-error') return job?.onError(m.error ?? '', m.failures ?? 1)
        if (m.type !== 'done' || m.id === undefined) return
        const p = pending.get(m.id)
        pending.delete(m.id)
        if (!p) return
        if (m.error === undefined) p.resolve()
        else p.reject(new SqliteWriteError(m.error, m.code))
      },
    )
    // A crashed worker fails its batches (nothing of them is acknowledged); the next batch
    // starts a new one.
    w.on('error', (e) => failAll(e instanceof Error ? e : new Error(String(e))))
    w.on('exit', () => {
      if (worker === w) worker = null
      failAll(new Error('The SQLite write worker exited'))
    })
    return w
  }

  const post = (message: Record<string, unknown>) =>
    new Promise<void>((resolve, reject) => {
      if (closing) return reject(new Error('The SQLite write worker is closed'))
      worker ??= start()
      const id = ++seq
      pending.set(id, { resolve, reject })
      worker.postMessage({ ...message, id })
    })

  return {
    run: (ops, tag) => post({ type: 'batch', ops, tag }),
    catchUpJob: () => (job ? post({ type: 'catch-up' }) : Promise.resolve()),
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
