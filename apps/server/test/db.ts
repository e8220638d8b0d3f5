import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { createDatabase, type Database } from '../src/platform/db/create-db'

/** PostgreSQL when TEST_DATABASE_URL is set, otherwise SQLite in memory. */
export const testDatabaseUrl = (): string | undefined => process.env.TEST_DATABASE_URL || undefined

export type TestDatabase = Database & {
  /** The PostgreSQL schema this test file owns, or null on SQLite. */
  schema: string | null
  /** Closes the connections and, on PostgreSQL, drops the schema. */
  drop: () => Promise<void>
}

const withClient = async <T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/**
 * A fresh, empty database for one test file: an in-memory SQLite database, or a new schema
 * `t_<random>` on the PostgreSQL server named by TEST_DATABASE_URL (search_path set to it).
 */
export const createTestDatabase = async (): Promise<TestDatabase> => {
  const url = testDatabaseUrl()
  if (!url) {
    const database = createDatabase('file::memory:')
    return {
      ...database,
      schema: null,
      drop: () => database.destroy(),
    }
  }
  const schema = `t_${randomBytes(6).toString('hex')}`
  await withClient(url, (c) => c.query(`create schema "${schema}"`))
  const database = createDatabase(url, { poolSize: 4, pgSearchPath: schema })
  return {
    ...database,
    schema,
    drop: async () => {
      await database.destroy()
      await withClient(url, (c) => c.query(`drop schema if exists "${schema}" cascade`))
    },
  }
}

/** The user tables of the current database (SQLite main schema, or the PG search_path schema). */
export const listTables = async (database: Database): Promise<string[]> => {
  if (database.dialect === 'sqlite') {
    const rows = database
      .sqlite!.prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
      )
      .all() as { name: string }[]
    return rows.map((r) => r.name)
  }
  const { rows } = await database.pgPool!.query<{ table_name: string }>(
    `select table_name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
  )
  return rows.map((r) => r.table_name)
}

/** Column names per table, a dialect-neutral snapshot of the schema. */
export const listColumns = async (database: Database): Promise<Record<string, string[]>> => {
  const result: Record<string, string[]> = {}
  for (const table of await listTables(database)) {
    if (database.dialect === 'sqlite') {
      const cols = database.sqlite!.prepare(`pragma table_info("${table}")`).all() as {
        name: string
      }[]
      result[table] = cols.map((c) => c.name).sort()
    } else {
      const { rows } = await database.pgPool!.query<{ column_name: string }>(
        `select column_name from information_schema.columns
          where table_schema = current_schema() and table_name = $1`,
        [table],
      )
      result[table] = rows.map((r) => r.column_name).sort()
    }
  }
  return result
}
