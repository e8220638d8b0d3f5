import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely'

/**
 * The portable column vocabulary. Migrations describe columns with these helpers so one file
 * runs on SQLite and PostgreSQL; dialect branches live only here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed as Kysely<any>
type AnyDb = Kysely<any>

export const isPostgres = (db: AnyDb): boolean =>
  db.getExecutor().adapter.constructor.name.toLowerCase().includes('postgres')

/**
 * Materialised org paths are compared byte-wise for subtree range scans. PostgreSQL's default
 * collation would order '/' and '-' by locale rules, so the column is declared COLLATE "C".
 */
export const pathColumn = (db: AnyDb) => (col: ColumnDefinitionBuilder) =>
  isPostgres(db) ? col.modifyEnd(sql`collate "C"`).notNull() : col.notNull()

export const idColumn = (col: ColumnDefinitionBuilder) => col.primaryKey().notNull()

/** Adds created_at/updated_at as ISO-8601 UTC text. */
export const withTimestamps = <T extends string, C extends string>(
  table: CreateTableBuilder<T, C>,
): CreateTableBuilder<T, C | 'created_at' | 'updated_at'> =>
  table
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())

/** Booleans are integers 0/1 on both engines so that queries compare them the same way. */
export const boolColumn = (defaultValue: boolean) => (col: ColumnDefinitionBuilder) =>
  col.notNull().defaultTo(defaultValue ? 1 : 0)

/** JSON is stored as text on both engines; use toJson/fromJson at the repository boundary. */
export const JSON_TYPE = 'text' as const
export const toJson = (value: unknown): string => JSON.stringify(value ?? null)
export const fromJson = <T = unknown>(value: string | null): T | null =>
  value === null ? null : (JSON.parse(value) as T)
export const toBool = (value: number | boolean): boolean => value === true || value === 1
export const fromBool = (value: boolean): number => (value ? 1 : 0)
