import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely'
import type pg from 'pg'

const require = createRequire(import.meta.url)

/** The handle every repository receives. Modules narrow it to their own tables (see typed()). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each repository narrows the handle to its own tables with typed()
export type Db = Kysely<any>

export type Dialect = 'sqlite' | 'postgres'

export type Database = {
  db: Db
  dialect: Dialect
  /** The underlying better-sqlite3 handle, for the few prepared statements on hot paths. */
  sqlite: SQLite.Database | null
  pgPool: pg.Pool | null
  destroy: () => Promise<void>
}

/** Narrows the shared handle to one module's table interfaces. */
export const typed = <T>(db: Db): Kysely<T> => db as Kysely<T>

/**
 * pg is loaded only for a postgres:// URL: the embedded SQLite default then starts without
 * parsing it (cold start matters on cheap servers).
 */
let pgModule: typeof pg | null = null
const loadPg = (): typeof pg => {
  if (pgModule) return pgModule
  pgModule = require('pg') as typeof pg
  // PostgreSQL returns int8/numeric as strings by default; counts here fit in a JS number.
  pgModule.types.setTypeParser(20, (v) => Number(v))
  pgModule.types.setTypeParser(1700, (v) => Number(v))
  return pgModule
}

/**
 * Kysely's SQLite driver prepares every query it runs; preparing costs ~30 µs against ~4 µs to
 * reuse a statement (bench/RESULTS.md). Queries are built from a small set of shapes, so a
 * cache keyed by SQL text removes most of it. Statements run synchronously one at a time, so
 * reuse is safe; streamed queries (iterate) are not used by the app.
 */
const STATEMENT_CACHE_SIZE = 500
const withStatementCache = (sqlite: SQLite.Database): SqliteDatabase => {
  const cache = new Map<string, SQLite.Statement>()
  return {
    close: () => sqlite.close(),
    prepare: (sql: string) => {
      let stmt = cache.get(sql)
      if (stmt && !stmt.busy) return stmt
      stmt = sqlite.prepare(sql)
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!)
      cache.set(sql, stmt)
      return stmt
    },
  }
}

export const openSqlite = (file: string): SQLite.Database => {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const sqlite = new SQLite(file)
  // WAL lets readers run while the writer commits; FULL keeps acknowledged writes on power loss.
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('cache_size = -65536')
  // Refresh the planner's statistics where they are missing or stale, so that e.g. the name
  // index wins over the org path index for a member name search on a large database.
  sqlite.pragma('optimize = 0x10002')
  return sqlite
}

/** Opens the database named by a DATABASE_URL: `file:<path>` for SQLite, `postgres://…` for PostgreSQL. */
export const createDatabase = (
  url: string,
  options: { poolSize?: number; pgSearchPath?: string } = {},
): Database => {
  if (url.startsWith('file:')) {
    const sqlite = openSqlite(url.slice('file:'.length))
    const db: Db = new Kysely({
      dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    })
    return {
      db,
      dialect: 'sqlite',
      sqlite,
      pgPool: null,
      destroy: async () => {
        await db.destroy()
      },
    }
  }
  const pool = new (loadPg().Pool)({
    connectionString: url,
    max: options.poolSize ?? 10,
    // Tests give each file its own schema; production leaves the server's default search_path.
    ...(options.pgSearchPath ? { options: `-c search_path=${options.pgSearchPath}` } : {}),
  })
  const db: Db = new Kysely({ dialect: new PostgresDialect({ pool }) })
  return {
    db,
    dialect: 'postgres',
    sqlite: null,
    pgPool: pool,
    destroy: async () => {
      await db.destroy()
    },
  }
}
