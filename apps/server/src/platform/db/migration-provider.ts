import type { Kysely, Migration, MigrationProvider } from 'kysely'
import { Migrator, sql } from 'kysely'
import { isPostgres } from './columns'
import type { Db } from './create-db'

export type MigrationSet = Record<string, Migration>

/**
 * Each module owns a migrations/ folder and exports its set; the app hands them all to one
 * provider, ordered by name (YYYYMMDDTHHmm_<module>_<what>). A static set, rather than a folder
 * scan, keeps migrations inside the bundled server.
 */
export const createMigrationProvider = (...sets: MigrationSet[]): MigrationProvider => ({
  getMigrations: () => {
    const all: MigrationSet = {}
    for (const set of sets) {
      for (const [name, migration] of Object.entries(set)) {
        if (all[name]) throw new Error(`Duplicate migration name ${name}`)
        all[name] = migration
      }
    }
    return Promise.resolve(all)
  },
})

const check = (result: Awaited<ReturnType<Migrator['migrateToLatest']>>) => {
  if (result.error)
    throw result.error instanceof Error ? result.error : new Error(JSON.stringify(result.error))
  return result.results ?? []
}

/**
 * Kysely looks for its migration tables in every schema unless told which one; on a PostgreSQL
 * database where another schema already has them (another app, or another test file), it
 * skipped creating its own and failed. Pin the tables to the connection's current schema.
 */
const migratorFor = async (db: Db, provider: MigrationProvider) => {
  const migrationTableSchema = isPostgres(db)
    ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
    : undefined
  // Modules add migrations independently, so a new migration of one module can sort before one
  // another module already applied; each module's own migrations still run in name order.
  return new Migrator({
    db: db as Kysely<unknown>,
    provider,
    migrationTableSchema,
    allowUnorderedMigrations: true,
  })
}

export const migrateToLatest = async (db: Db, provider: MigrationProvider) =>
  check(await (await migratorFor(db, provider)).migrateToLatest())

/** Migrates all the way down; used by the round-trip test. */
export const migrateDownToZero = async (db: Db, provider: MigrationProvider) => {
  const { NO_MIGRATIONS } = await import('kysely')
  return check(await (await migratorFor(db, provider)).migrateTo(NO_MIGRATIONS))
}
