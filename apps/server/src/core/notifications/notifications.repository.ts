import { type Db, typed } from '../../platform/db/create-db'
import type { NotificationRow, NotificationTable, NotificationTables } from './notifications.tables'

const q = (db: Db) => typed<NotificationTables>(db)

export const insertNotifications = async (db: Db, rows: NotificationTable[]) => {
  // SQLite binds at most 32,766 parameters; 7 columns × 1,000 rows stays well below.
  for (let i = 0; i < rows.length; i += 1_000) {
    await q(db)
      .insertInto('notification')
      .values(rows.slice(i, i + 1_000))
      .execute()
  }
}

export const listNotifications = async (
  db: Db,
  memberId: string,
  unreadOnly: boolean,
  limit: number,
  offset: number,
): Promise<{ rows: NotificationRow[]; total: number }> => {
  const base = q(db)
    .selectFrom('notification')
    .where('member_id', '=', memberId)
    .$if(unreadOnly, (qb) => qb.where('read_at', 'is', null))
  const [rows, count] = await Promise.all([
    // Newest first by when each was sent (the change's time): ids are UUIDv7 from the clock of
    // the insert, which runs behind for a backdated change (the demo seed, a job catching up).
    // The id breaks ties: one change notifies everyone at the same instant.
    base
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

export const countUnread = async (db: Db, memberId: string): Promise<number> =>
  Number(
    (
      await q(db)
        .selectFrom('notification')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('member_id', '=', memberId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  )

export const findNotification = (db: Db, id: string): Promise<NotificationRow | undefined> =>
  q(db).selectFrom('notification').selectAll().where('id', '=', id).executeTakeFirst()

/** Marks one unread notification read; false when it was already read. */
export const markRead = async (db: Db, id: string, at: string): Promise<boolean> => {
  const r = await q(db)
    .updateTable('notification')
    .set({ read_at: at })
    .where('id', '=', id)
    .where('read_at', 'is', null)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) > 0
}

export const markAllRead = async (db: Db, memberId: string, at: string): Promise<number> => {
  const r = await q(db)
    .updateTable('notification')
    .set({ read_at: at })
    .where('member_id', '=', memberId)
    .where('read_at', 'is', null)
    .executeTakeFirst()
  return Number(r.numUpdatedRows)
}

/** Notifications of one kind sent to a member (tests and modules checking what was sent). */
export const findNotificationsOf = (db: Db, memberId: string, kind?: string) =>
  q(db)
    .selectFrom('notification')
    .selectAll()
    .where('member_id', '=', memberId)
    .$if(kind !== undefined, (qb) => qb.where('kind', '=', kind!))
    .orderBy('id')
    .execute()
