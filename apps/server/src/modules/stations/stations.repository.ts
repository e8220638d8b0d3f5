import { uploadIdOf } from '../../core/uploads'
import { type Db, typed } from '../../platform/db/create-db'
import { isPostgres } from '../../platform/db/columns'
import { inSubtrees } from '../../platform/db/subtree'
import type { StationCheckInTable, StationTable, StationsTables } from './stations.tables'
import { contains } from '../../platform/db/contains'

type Tables = StationsTables & { org: { id: string; name: string; path: string } }
const q = (db: Db) => typed<Tables>(db)

export type StationWithOrg = StationTable & { org_name: string; org_path: string }

const withOrg = (db: Db) =>
  q(db)
    .selectFrom('station as s')
    .innerJoin('org as o', 'o.id', 's.org_id')
    .selectAll('s')
    .select(['o.name as org_name', 'o.path as org_path'])

export const findStationById = (db: Db, id: string): Promise<StationWithOrg | undefined> =>
  withOrg(db).where('s.id', '=', id).executeTakeFirst()

/** Id, name and org of stations, for modules that refer to a station (wishes, rosters). */
export const findStationRefs = (db: Db, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : q(db)
        .selectFrom('station as s')
        .innerJoin('org as o', 'o.id', 's.org_id')
        .select([
          's.id',
          's.name',
          's.status',
          's.org_id',
          'o.name as org_name',
          'o.path as org_path',
        ])
        .where('s.id', 'in', [...ids])
        .execute()

export const insertStation = async (db: Db, row: StationTable) => {
  await q(db).insertInto('station').values(row).execute()
  await bumpDirectoryVersion(db)
}

export const insertStations = async (db: Db, rows: StationTable[]) => {
  // SQLite binds at most 32,766 parameters per statement; 22 columns × 500 rows stays below.
  for (let i = 0; i < rows.length; i += 500) {
    await q(db)
      .insertInto('station')
      .values(rows.slice(i, i + 500))
      .execute()
  }
}

/**
 * Active stations of these orgs with one of these names: the candidates an import row may
 * match (same org, name and address) and update instead of creating a duplicate.
 */
export const findActiveStationsNamed = async (
  db: Db,
  orgIds: readonly string[],
  names: readonly string[],
) => {
  const out: Array<{
    id: string
    org_id: string
    name: string
    address: string
    contact_mobile_enc: string
    contact_mobile_masked: string
  }> = []
  if (orgIds.length === 0) return out
  // Chunked: SQLite binds at most 32,766 parameters per statement.
  for (let i = 0; i < names.length; i += 1000) {
    out.push(
      ...(await q(db)
        .selectFrom('station')
        // The contact: an import row may keep the stored mobile of the station it updates.
        .select(['id', 'org_id', 'name', 'address', 'contact_mobile_enc', 'contact_mobile_masked'])
        .where('org_id', 'in', [...orgIds])
        .where('name', 'in', names.slice(i, i + 1000))
        .where('status', '=', 'active')
        .execute()),
    )
  }
  return out
}

/** Updates one station's fields without bumping the directory version (the caller bumps once). */
export const updateStationRow = (
  db: Db,
  id: string,
  fields: Partial<Omit<StationTable, 'id' | 'created_at'>>,
) => q(db).updateTable('station').set(fields).where('id', '=', id).execute()

/** Starts the station's next check-in code generation (check-in-code.ts); answers it. */
export const nextCheckInCodeSeq = async (db: Db, id: string) => {
  await q(db)
    .updateTable('station')
    .set((eb) => ({ check_in_code_seq: eb('check_in_code_seq', '+', 1) }))
    .where('id', '=', id)
    .execute()
  const row = await q(db)
    .selectFrom('station')
    .select('check_in_code_seq')
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  return Number(row.check_in_code_seq)
}

export const updateStationFields = async (
  db: Db,
  id: string,
  fields: Partial<Omit<StationTable, 'id' | 'created_at'>>,
) => {
  await q(db).updateTable('station').set(fields).where('id', '=', id).execute()
  await bumpDirectoryVersion(db)
}

export type StationListFilter = {
  paths: string[]
  orgPath?: string
  kind?: string
  status?: string
  amenityMask?: number
  text?: string
}

const filtered = (db: Db, f: StationListFilter) =>
  q(db)
    .selectFrom('station as s')
    .innerJoin('org as o', 'o.id', 's.org_id')
    .where(inSubtrees('o.path', f.paths))
    .$if(f.orgPath !== undefined, (qb) => qb.where(inSubtrees('o.path', [f.orgPath!])))
    .$if(f.kind !== undefined, (qb) => qb.where('s.kind', '=', f.kind as StationTable['kind']))
    .$if(f.status !== undefined, (qb) =>
      qb.where('s.status', '=', f.status as StationTable['status']),
    )
    .$if(!!f.amenityMask, (qb) =>
      qb.where((eb) => eb(eb('s.amenities', '&', f.amenityMask!), '=', f.amenityMask!)),
    )
    .$if(!!f.text, (qb) =>
      qb.where((eb) => eb.or([contains('s.name', f.text!), contains('s.address', f.text!)])),
    )

export const listStations = async (db: Db, f: StationListFilter, limit: number, offset: number) => {
  const [rows, count] = await Promise.all([
    filtered(db, f)
      .selectAll('s')
      .select(['o.name as org_name', 'o.path as org_path'])
      .orderBy('o.path')
      .orderBy('s.name')
      .orderBy('s.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { rows: rows as StationWithOrg[], total: Number(count.n) }
}

/**
 * The list narrowed to stations with check-ins since an instant, each with its count: one
 * grouped query over the check-ins joined to the filtered stations, busiest first. Closed
 * stations keep their check-ins, as in the roll-up (`checkInsByOrgHour`).
 */
export const listStationsWithCheckIns = async (
  db: Db,
  f: StationListFilter,
  sinceIso: string,
  limit: number,
  offset: number,
) => {
  const checkedIn = () =>
    filtered(db, f)
      .innerJoin('station_check_in as c', 'c.station_id', 's.id')
      .where('c.checked_in_at', '>=', sinceIso)
  const [rows, count] = await Promise.all([
    checkedIn()
      .selectAll('s')
      .select((eb) => [
        'o.name as org_name',
        'o.path as org_path',
        eb.fn.countAll<number | string>().as('check_ins'),
      ])
      // Both ids are primary keys: PostgreSQL accepts the other columns as dependent on them.
      .groupBy(['s.id', 'o.id'])
      .orderBy('check_ins', 'desc')
      .orderBy('o.path')
      .orderBy('s.name')
      .orderBy('s.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    checkedIn()
      .select((eb) => eb.fn.count<number | string>('s.id').distinct().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return {
    rows: rows.map(({ check_ins, ...row }) => ({
      row,
      checkIns: Number(check_ins),
    })),
    total: Number(count.n),
  }
}

/** Stations with their org by id (a page of at most a few hundred ids), in no particular order. */
export const findStationsByIds = (db: Db, ids: readonly string[]): Promise<StationWithOrg[]> =>
  ids.length === 0
    ? Promise.resolve([])
    : withOrg(db)
        .where('s.id', 'in', [...ids])
        .execute()

/** Every station of the subtrees, for exports (HSDS, GeoJSON, .xlsx). */
export const listAllStations = (db: Db, paths: string[], includeClosed: boolean) =>
  withOrg(db)
    .where(inSubtrees('o.path', paths))
    .$if(!includeClosed, (qb) => qb.where('s.status', '=', 'active'))
    .orderBy('o.path')
    .orderBy('s.name')
    .execute() as Promise<StationWithOrg[]>

/**
 * The ids of the subtrees' active stations in export order (org path, name, id): a public file
 * is built from them a page at a time (open-data/public-file.ts).
 */
export const listActiveStationIds = async (db: Db, paths: string[]): Promise<string[]> =>
  (
    await q(db)
      .selectFrom('station as s')
      .innerJoin('org as o', 'o.id', 's.org_id')
      .where(inSubtrees('o.path', paths))
      .where('s.status', '=', 'active')
      .select('s.id')
      .orderBy('o.path')
      .orderBy('s.name')
      .orderBy('s.id')
      .execute()
  ).map((r) => r.id)

/** How many active stations the subtrees hold (to refuse an oversized public download first). */
export const countActiveStations = async (db: Db, paths: string[]) =>
  Number(
    (
      await q(db)
        .selectFrom('station as s')
        .innerJoin('org as o', 'o.id', 's.org_id')
        .where(inSubtrees('o.path', paths))
        .where('s.status', '=', 'active')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

/** Every active station with the columns the in-memory directory holds (a cold load reads them all). */
export const listActiveStationsForDirectory = (db: Db) =>
  q(db)
    .selectFrom('station as s')
    .innerJoin('org as o', 'o.id', 's.org_id')
    .select([
      's.id',
      's.status',
      's.name',
      's.kind',
      's.address',
      's.lat',
      's.lng',
      's.amenities',
      's.capacity',
      's.always_open',
      's.schedule',
      'o.path as org_path',
    ])
    .where('s.status', '=', 'active')
    .execute()

export type DirectoryRow = Awaited<ReturnType<typeof listActiveStationsForDirectory>>[number]

/** The directory version: bumped in the transaction of every station write. */
export const stationsFingerprint = async (db: Db) => {
  const r = await q(db)
    .selectFrom('station_directory_version')
    .select('version')
    .where('id', '=', 1)
    .executeTakeFirst()
  return String(r?.version ?? 0)
}

/** Call inside the transaction of every write to `station`. */
export const bumpDirectoryVersion = (db: Db) =>
  q(db)
    .updateTable('station_directory_version')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', 1)
    .execute()

// ---- check-ins ----

export const countLiveCheckIns = async (db: Db, stationId: string, nowIso: string) => {
  const r = await q(db)
    .selectFrom('station_check_in')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('station_id', '=', stationId)
    .where('expires_at', '>', nowIso)
    .where('checked_out_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/** When occupancy last changed: the latest check-in or check-out. */
export const lastCheckInActivity = async (db: Db, stationId: string) => {
  const r = await q(db)
    .selectFrom('station_check_in')
    .select((eb) => [
      eb.fn.max('checked_in_at').as('lastIn'),
      eb.fn.max('checked_out_at').as('lastOut'),
    ])
    .where('station_id', '=', stationId)
    .executeTakeFirstOrThrow()
  const a = r.lastIn ?? null
  const b = r.lastOut ?? null
  return a && b ? (a > b ? a : b) : (a ?? b)
}

export const findLiveCheckIn = (db: Db, stationId: string, deviceHash: string, nowIso: string) =>
  q(db)
    .selectFrom('station_check_in')
    .selectAll()
    .where('station_id', '=', stationId)
    .where('device_hash', '=', deviceHash)
    .where('expires_at', '>', nowIso)
    .where('checked_out_at', 'is', null)
    .executeTakeFirst()

export const insertCheckIn = (db: Db, row: StationCheckInTable) =>
  q(db).insertInto('station_check_in').values(row).execute()

export const checkOut = (db: Db, id: string, atIso: string) =>
  q(db)
    .updateTable('station_check_in')
    .set({ checked_out_at: atIso })
    .where('id', '=', id)
    .execute()

/**
 * Serialises check-ins at one station on PostgreSQL (row lock on the station) so that two
 * phones cannot both take the last place; SQLite transactions already run one at a time.
 */
export const lockStation = async (db: Db, id: string) => {
  if (!isPostgres(db)) return
  await q(db).selectFrom('station').select('id').where('id', '=', id).forUpdate().execute()
}

/**
 * Check-ins since an instant, counted per host org and UTC hour (substr of the ISO text works
 * on both engines); the caller buckets hours into Asia/Shanghai days and org subtrees.
 */
export const checkInsByOrgHour = async (db: Db, paths: string[], sinceIso: string) => {
  const rows = await q(db)
    .selectFrom('station_check_in as c')
    .innerJoin('station as s', 's.id', 'c.station_id')
    .innerJoin('org as o', 'o.id', 's.org_id')
    .select((eb) => [
      'o.path as org_path',
      eb.fn<string>('substr', ['c.checked_in_at', eb.val(1), eb.val(13)]).as('hour'),
      eb.fn.countAll<number>().as('n'),
    ])
    .where(inSubtrees('o.path', paths))
    .where('c.checked_in_at', '>=', sinceIso)
    .groupBy(['o.path', 'hour'])
    .execute()
  return rows.map((r) => ({ orgPath: r.org_path, hour: r.hour, n: Number(r.n) }))
}

/**
 * Every upload station rows refer to: station photos, of closed stations too (the orphan upload
 * collector keeps these; app.ts registers it). A new column holding image URLs must be added here.
 */
export const listStationUploadIds = async (db: Db): Promise<string[]> => {
  const rows = await q(db)
    .selectFrom('station')
    .select('photos')
    .where('photos', '<>', '[]')
    .execute()
  return rows
    .flatMap((r) => JSON.parse(r.photos) as string[])
    .map(uploadIdOf)
    .filter((id): id is string => id !== null)
}
