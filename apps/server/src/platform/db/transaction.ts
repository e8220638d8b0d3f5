import type { Db } from './create-db'

/** Runs fn in one transaction; every write of a use case and its audit record share it. */
export const withTransaction = <T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> =>
  db.transaction().execute(fn)
