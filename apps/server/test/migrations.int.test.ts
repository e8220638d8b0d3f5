import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrationProvider } from '../src/app'
import { migrateDownToZero, migrateToLatest } from '../src/platform/db/migration-provider'
import { createTestDatabase, listColumns, listTables, type TestDatabase } from './db'

/**
 * Up, down to zero and up again on the current dialect (SQLite in memory, or a fresh
 * PostgreSQL schema when TEST_DATABASE_URL is set). The schema after the second climb must
 * equal the first: a down migration that forgets a table or column shows up here.
 */

const KYSELY_TABLES = ['kysely_migration', 'kysely_migration_lock']
const CORE_TABLES = ['audit_log', 'auth_otp', 'auth_session', 'member', 'org', 'role_grant']

let database: TestDatabase

beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(() => database.drop())

describe('migrations', () => {
  let firstSchema: Record<string, string[]>
  let names: string[]

  it('names every migration <date>T<time>_<module>_<what>, in order', async () => {
    names = Object.keys(await migrationProvider.getMigrations())

    expect(names.length).toBeGreaterThanOrEqual(5)
    for (const name of names) expect(name).toMatch(/^\d{8}T\d{4}_[a-z]+_[a-z0-9_]+$/)
  })

  it('migrates an empty database up to the latest version', async () => {
    expect(await listTables(database)).toEqual([])

    const results = await migrateToLatest(database.db, migrationProvider)

    expect(results.map((r) => [r.migrationName, r.status])).toEqual(
      names.sort().map((n) => [n, 'Success']),
    )
    const tables = await listTables(database)
    expect(tables).toEqual(expect.arrayContaining([...CORE_TABLES, ...KYSELY_TABLES]))
    firstSchema = await listColumns(database)
    expect(firstSchema.member).toEqual(
      expect.arrayContaining(['id', 'name', 'mobile_enc', 'mobile_hash', 'org_id', 'status']),
    )
    expect(firstSchema.org).toEqual(expect.arrayContaining(['id', 'parent_id', 'path', 'depth']))
  })

  it('is a no-op when already at the latest version', async () => {
    expect(await migrateToLatest(database.db, migrationProvider)).toEqual([])
  })

  it('migrates all the way down, leaving only Kysely’s bookkeeping tables', async () => {
    const results = await migrateDownToZero(database.db, migrationProvider)

    expect(results.every((r) => r.status === 'Success' && r.direction === 'Down')).toBe(true)
    expect(results).toHaveLength(names.length)
    expect(await listTables(database)).toEqual(KYSELY_TABLES)
  })

  it('migrates up again to the same schema', async () => {
    const results = await migrateToLatest(database.db, migrationProvider)

    expect(results).toHaveLength(names.length)
    expect(await listColumns(database)).toEqual(firstSchema)
  })
})
