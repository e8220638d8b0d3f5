import { sql } from 'kysely'
import { isPostgres } from '../../../platform/db/columns'
import { type Db, typed } from '../../../platform/db/create-db'
import type { StationTable } from '../stations.tables'
import type { RosterTables, StationShiftFeedTable, StationShiftTable } from './roster.tables'

type Tables = RosterTables & {
  station: StationTable
  member: { id: string; name: string; org_id: string; status: string }
  org: { id: string; path: string }
}
const q = (db: Db) => typed<Tables>(db)

export type ShiftWithMember = StationShiftTable & { member_name: string }

const withMember = (db: Db) =>
  q(db)
    .selectFrom('station_shift as s')
    .innerJoin('member as m', 'm.id', 's.member_id')
    .selectAll('s')
    .select('m.name as member_name')

export const findShift = (db: Db, id: string): Promise<ShiftWithMember | undefined> =>
  withMember(db).where('s.id', '=', id).executeTakeFirst()

/** Shifts of a station that overlap [fromIso, toIso) (ISO UTC text sorts as time). */
export const listStationShifts = (
  db: Db,
  stationId: string,
  fromIso: string,
  toIso: string,
): Promise<ShiftWithMember[]> =>
  withMember(db)
    .where('s.station_id', '=', stationId)
    .where('s.starts_at', '<', toIso)
    .where('s.ends_at', '>', fromIso)
    .orderBy('s.starts_at')
    .orderBy('s.id')
    .execute()

/** The first shift of a person, at any station, overlapping [startIso, endIso). */
export const findOverlappingShift = (
  db: Db,
  memberId: string,
  startIso: string,
  endIso: string,
  exceptId: string | null,
) =>
  q(db)
    .selectFrom('station_shift')
    .select(['id', 'station_id', 'starts_at', 'ends_at'])
    .where('member_id', '=', memberId)
    .where('starts_at', '<', endIso)
    .where('ends_at', '>', startIso)
    .$if(exceptId !== null, (qb) => qb.where('id', '<>', exceptId!))
    .orderBy('starts_at')
    .executeTakeFirst()

/**
 * Serialises roster writes for one person on PostgreSQL, so two requests cannot both pass the
 * overlap check (SQLite transactions already run one at a time). Released at commit.
 */
export const lockMemberShifts = async (db: Db, memberId: string) => {
  if (!isPostgres(db)) return
  await sql`select pg_advisory_xact_lock(hashtext(${`station_shift:${memberId}`}))`.execute(db)
}

export const insertShift = (db: Db, row: StationShiftTable) =>
  q(db).insertInto('station_shift').values(row).execute()

export const updateShift = (
  db: Db,
  id: string,
  fields: Partial<Omit<StationShiftTable, 'id' | 'station_id' | 'created_at' | 'created_by'>>,
) => q(db).updateTable('station_shift').set(fields).where('id', '=', id).execute()

export const deleteShift = (db: Db, id: string) =>
  q(db).deleteFrom('station_shift').where('id', '=', id).execute()

/** A person's shifts overlapping a window, with the station's name and place (feeds, "my shifts"). */
export const listMemberShifts = (db: Db, memberId: string, fromIso: string, toIso: string) =>
  q(db)
    .selectFrom('station_shift as s')
    .innerJoin('member as m', 'm.id', 's.member_id')
    .innerJoin('station as st', 'st.id', 's.station_id')
    .innerJoin('org as o', 'o.id', 'st.org_id')
    .selectAll('s')
    .select([
      'm.name as member_name',
      'o.path as station_org_path',
      'st.name as station_name',
      'st.address as station_address',
      'st.lat as station_lat',
      'st.lng as station_lng',
    ])
    .where('s.member_id', '=', memberId)
    .where('s.starts_at', '<', toIso)
    .where('s.ends_at', '>', fromIso)
    .orderBy('s.starts_at')
    .execute()

export const findFeed = (db: Db, memberId: string): Promise<StationShiftFeedTable | undefined> =>
  q(db)
    .selectFrom('station_shift_feed')
    .selectAll()
    .where('member_id', '=', memberId)
    .executeTakeFirst()

export const saveFeed = async (db: Db, row: StationShiftFeedTable) => {
  await q(db)
    .insertInto('station_shift_feed')
    .values(row)
    .onConflict((oc) =>
      oc.column('member_id').doUpdateSet({ nonce: row.nonce, rotated_at: row.rotated_at }),
    )
    .execute()
}
