import { sql, type RawBuilder, type SqlBool } from 'kysely'

/** LIKE's wildcards and its escape character, escaped with a backslash. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * `column` contains `text` as typed: a search box's "%" or "_" is a character, not a wildcard
 * ("%" alone matched every row). LIKE … ESCAPE '\' reads the same on SQLite and PostgreSQL;
 * case rules stay each engine's own (SQLite ignores ASCII case, PostgreSQL does not).
 */
export const contains = (column: string, text: string): RawBuilder<SqlBool> =>
  sql<SqlBool>`${sql.ref(column)} like ${`%${escapeLike(text)}%`} escape '\\'`
