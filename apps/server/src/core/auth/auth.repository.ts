import { type Db, typed } from '../../platform/db/create-db'
import type { AuthOtpTable, AuthSessionTable, AuthTables } from './auth.tables'

const q = (db: Db) => typed<AuthTables>(db)

export const insertSession = async (db: Db, row: AuthSessionTable) => {
  await q(db).insertInto('auth_session').values(row).execute()
}
export const findSession = (db: Db, id: string) =>
  q(db)
    .selectFrom('auth_session')
    .select(['id', 'member_id', 'csrf_token', 'expires_at'])
    .where('id', '=', id)
    .executeTakeFirst()
export const deleteSession = async (db: Db, id: string) => {
  await q(db).deleteFrom('auth_session').where('id', '=', id).execute()
}
export const deleteOtherSessions = async (db: Db, memberId: string, keepId: string) => {
  const rows = await q(db)
    .deleteFrom('auth_session')
    .where('member_id', '=', memberId)
    .where('id', '!=', keepId)
    .returning('id')
    .execute()
  return rows.map((r) => r.id)
}
export const deleteExpiredSessions = async (db: Db, nowIso: string) => {
  await q(db).deleteFrom('auth_session').where('expires_at', '<', nowIso).execute()
}

export const insertOtp = async (db: Db, row: AuthOtpTable) => {
  await q(db).insertInto('auth_otp').values(row).execute()
}
export const findLatestOtp = (db: Db, mobileHash: string, purpose: string) =>
  q(db)
    .selectFrom('auth_otp')
    .selectAll()
    .where('mobile_hash', '=', mobileHash)
    .where('purpose', '=', purpose)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst()
export const bumpOtpAttempts = async (db: Db, id: string) => {
  await q(db)
    .updateTable('auth_otp')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .execute()
}
/** Spends a code; false when another request spent it first (its update waited on ours). */
export const markOtpUsed = async (db: Db, id: string, nowIso: string) => {
  const res = await q(db)
    .updateTable('auth_otp')
    .set({ used_at: nowIso })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return res.numUpdatedRows > 0n
}
