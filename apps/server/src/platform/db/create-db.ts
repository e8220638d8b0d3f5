import { mkdirSync } from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import pg from 'pg'

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

// PostgreSQL returns int8/numeric as strings by default; counts here fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v))
pg.types.setTypeParser(1700, (v) => Number(v))

export const openSqlite = (file: string): SQLite.Database => {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const sqlite = new SQLite(file)
  // WAL lets readers run while the writer commits; FULL keeps acknowledged writes on power loss.
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('cache_size = -65536')
  return sqlite
}

/** Opens the database named by a DATABASE_URL: `file:<path>` for SQLite, `postgres://…` for PostgreSQL. */
export const createDatabase = (
  url: string,
  options: { poolSize?: number; pgSearchPath?: string } = {},
): Database => {
  if (url.startsWith('file:')) {
    const sqlite = openSqlite(url.slice('file:'.length))
    const db: Db = new Kysely({ dialect: new SqliteDialect({ database: sqlite }) })
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
  const pool = new pg.Pool({
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
