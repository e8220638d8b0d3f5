import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openSqlite } from './create-db'
import { createSqliteWriteWorker, SqliteWriteError } from './sqlite-write-worker'

const STATEMENTS = {
  insert: 'insert into item (id, label) values (?, ?)',
  bump: `insert into counter (name, n) values (?, ?)
         on conflict (name) do update set n = counter.n + excluded.n`,
}

describe('SQLite write worker', () => {
  let dir: string
  let file: string

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'uh-write-worker-'))
    file = path.join(dir, 'db.sqlite')
    const db = openSqlite(file)
    db.exec('create table item (id text primary key, label text not null)')
    db.exec('create table counter (name text primary key, n integer not null)')
    db.close()
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('commits each batch in one transaction, visible to the main connection when run() resolves', async () => {
    const worker = createSqliteWriteWorker(file, STATEMENTS)
    const main = openSqlite(file)
    try {
      await worker.run([
        ['insert', ['a', 'first']],
        ['insert', ['b', 'second']],
        ['bump', ['items', 2]],
      ])
      expect(main.prepare('select count(*) as n from item').get()).toEqual({ n: 2 })
      // Batches posted without waiting keep their order and all commit.
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          worker.run([
            ['insert', [`x${i}`, 'more']],
            ['bump', ['items', 1]],
          ]),
        ),
      )
      expect(main.prepare('select n from counter where name = ?').get('items')).toEqual({ n: 52 })
    } finally {
      await worker.close()
      main.close()
    }
  })

  it('rejects a failing batch and applies none of it', async () => {
    const worker = createSqliteWriteWorker(file, STATEMENTS)
    const main = openSqlite(file)
    try {
      await worker.run([['insert', ['dup', 'one']]])
      const failed = worker.run([
        ['bump', ['items', 1]],
        ['insert', ['new', 'two']],
        ['insert', ['dup', 'again']], // primary-key conflict: the whole batch rolls back
      ])
      await expect(failed).rejects.toBeInstanceOf(SqliteWriteError)
      await expect(failed).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' })
      expect(main.prepare('select count(*) as n from item').get()).toEqual({ n: 1 })
      expect(main.prepare('select count(*) as n from counter').get()).toEqual({ n: 0 })
      // The worker is still usable after a failed batch, including a batch posted behind it
      // before it failed: each batch is its own transaction.
      const failing = worker.run([['insert', ['dup', 'third']]])
      const behind = worker.run([['insert', ['after', 'ok']]])
      await expect(failing).rejects.toBeInstanceOf(SqliteWriteError)
      await behind
      expect(main.prepare('select count(*) as n from item').get()).toEqual({ n: 2 })
    } finally {
      await worker.close()
      main.close()
    }
  })

  it('checkpoints the WAL itself, so it stays bounded under a steady stream of batches', async () => {
    const worker = createSqliteWriteWorker(file, STATEMENTS)
    const main = openSqlite(file)
    try {
      // 40 batches of 500 rows of 1 kB: about 20 MB through the WAL, with no checkpoint by
      // any other connection (the main one only reads).
      const label = 'x'.repeat(1000)
      for (let b = 0; b < 40; b++)
        await worker.run(
          Array.from({ length: 500 }, (_, i) => ['insert', [`w${b}-${i}`, label]] as const),
        )
      expect(main.prepare('select count(*) as n from item').get()).toEqual({ n: 20_000 })
      // Without checkpoints the WAL would hold every page written (> 20 MB).
      expect(statSync(`${file}-wal`).size).toBeLessThan(8 * 1024 * 1024)
      // The rows are in the database file proper, not only in the WAL.
      const [row] = main.pragma('wal_checkpoint(PASSIVE)') as { log: number }[]
      expect(row!.log).toBeLessThan(2000)
    } finally {
      await worker.close()
      main.close()
    }
  })

  it('close() lets the batches already posted commit, then refuses new ones', async () => {
    const worker = createSqliteWriteWorker(file, STATEMENTS)
    const posted = Array.from({ length: 20 }, (_, i) => worker.run([['insert', [`c${i}`, 'x']]]))
    await worker.close()
    await Promise.all(posted)
    await expect(worker.run([['insert', ['late', 'x']]])).rejects.toThrow(/closed/)
    const main = openSqlite(file)
    expect(main.prepare('select count(*) as n from item').get()).toEqual({ n: 20 })
    main.close()
  })
})
