import { unstorableTextAt } from '../../platform/text/unstorable-text'
import {
  type CreateStationBody,
  CreateStationBodySchema,
  StationScheduleSchema,
  type Station,
  type StationCheckInCode,
  type StationListItem,
  type StationMetric,
  type UpdateStationBody,
} from '@unionhall/contracts'
import { uuidv7 } from 'uuidv7'
import { z } from 'zod'
import { type Ctx, requireAt, scopePaths } from '../../core/access'
import { recordAudit } from '../../core/audit'
import { loadOrg } from '../../core/orgs'
import { requireUploadsExist } from '../../core/uploads'
import { maskMobile, type FieldCrypto } from '../../platform/crypto/field-crypto'
import type { Db } from '../../platform/db/create-db'
import { withTransaction } from '../../platform/db/transaction'
import { commonErrors } from '../../platform/errors/app-error'
import { checkInCode } from './check-in-code'
import { directoryApply, directoryInvalidate, directoryOf } from './directory/directory.service'
import { amenityCodes, amenityMask, isAmenityCode } from './domain/amenities'
import { cnHolidayCalendar } from './domain/cn-holidays'
import { assertLatLng, round7, toStorage } from './domain/coords'
import { isOpenAt, validateSchedule, type Schedule } from './domain/schedule'
import {
  type ImportProblem,
  importProblem,
  problemOfIssue,
  scheduleImportProblems,
} from './open-data/import-problems'
import {
  checkInWindowStart,
  countsToward,
  type DirectoryMetric,
  isDirectoryMetric,
} from './stats.service'
import { stationErrors } from './stations.errors'
import * as repo from './stations.repository'
import type { StationListFilter, StationWithOrg } from './stations.repository'
import type { StationTable } from './stations.tables'

/** JSON columns written by this module; typed by the caller's contract. */
const json = <T>(text: string): T => JSON.parse(text) as T

type Deps = { db: Db; crypto: FieldCrypto }

/** Rounds WGS-84 degrees to 7 decimals (~1 cm): conversions leave float noise beyond that. */

export const parseAmenityList = (csv: string | undefined, path = 'amenities'): number => {
  if (!csv) return 0
  const codes = csv
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean)
  const unknown = codes.filter((c) => !isAmenityCode(c))
  if (unknown.length > 0) {
    throw commonErrors.validation(`Unknown amenities: ${unknown.join(', ')}`, [
      { path, message: `unknown amenity ${unknown.join(', ')}` },
    ])
  }
  return amenityMask(codes)
}

const scheduleOfRow = (row: StationTable) => JSON.parse(row.schedule) as Schedule

export const isOpenNow = (row: StationTable, at: Date) =>
  row.status === 'active' && isOpenAt(scheduleOfRow(row), at, cnHolidayCalendar)

export const toStation = (row: StationWithOrg, now: Date): Station => ({
  id: row.id,
  orgId: row.org_id,
  orgName: row.org_name,
  name: row.name,
  kind: row.kind,
  status: row.status,
  closedReason: row.closed_reason,
  address: row.address,
  lat: row.lat,
  lng: row.lng,
  schedule: scheduleOfRow(row),
  capacity: row.capacity,
  amenities: amenityCodes(row.amenities),
  zones: json(row.zones),
  contactName: row.contact_name,
  contactMobileMasked: row.contact_mobile_masked,
  dutyPhone: row.duty_phone,
  photos: json(row.photos),
  services: json(row.services),
  description: row.description,
  openNow: isOpenNow(row, now),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})

const toListItem = (row: StationWithOrg, now: Date, checkIns?: number): StationListItem => ({
  id: row.id,
  orgId: row.org_id,
  orgName: row.org_name,
  name: row.name,
  kind: row.kind,
  status: row.status,
  address: row.address,
  lat: row.lat,
  lng: row.lng,
  capacity: row.capacity,
  amenities: amenityCodes(row.amenities),
  contactName: row.contact_name,
  contactMobileMasked: row.contact_mobile_masked,
  openNow: isOpenNow(row, now),
  updatedAt: row.updated_at,
  alwaysOpen: row.always_open === 1,
  ...(checkIns === undefined ? {} : { checkIns }),
})

/** Loads a station and checks the permission over its host org's subtree. */
export const loadStationFor = async (
  db: Db,
  ctx: Ctx,
  stationId: string,
  permission: 'station:read' | 'station:manage',
) => {
  const row = await repo.findStationById(db, stationId)
  if (!row) throw stationErrors.notFound(stationId)
  requireAt(ctx, permission, row.org_path)
  return row
}

/** Validates what zod cannot (coordinate ranges with paths, schedule rules) and builds a row. */
type RowInput = Required<Omit<CreateStationBody, 'orgId' | 'dutyPhone'>> &
  Pick<CreateStationBody, 'dutyPhone'>

const rowFields = (crypto: FieldCrypto, b: RowInput) => {
  assertLatLng(b.lat, b.lng)
  const schedule = b.schedule as Schedule
  const problems = validateSchedule(schedule)
  if (problems.length > 0) {
    // Paths relative to the body, so a form marks the right field (schedule.weekly.2.end).
    throw commonErrors.validation(
      'The opening schedule is invalid',
      problems.map((p) => ({ path: `schedule.${p.path}`, code: p.code, message: p.message })),
    )
  }
  const p = toStorage({ lat: b.lat, lng: b.lng }, b.coordSystem)
  return {
    name: b.name,
    kind: b.kind,
    address: b.address,
    lat: round7(p.lat),
    lng: round7(p.lng),
    schedule: JSON.stringify(schedule),
    always_open: schedule.alwaysOpen ? 1 : 0,
    capacity: b.capacity,
    amenities: amenityMask(b.amenities),
    zones: JSON.stringify(b.zones),
    contact_name: b.contactName,
    contact_mobile_enc: crypto.encrypt(b.contactMobile),
    contact_mobile_masked: maskMobile(b.contactMobile),
    // Canonical already (DutyPhoneSchema); published as is, so not encrypted.
    duty_phone: b.dutyPhone ?? null,
    photos: JSON.stringify(b.photos),
    services: JSON.stringify(b.services),
    description: b.description,
  }
}

const afterWrite = async (db: Db, id: string) => {
  await directoryApply(db, await repo.findStationById(db, id), id)
}

export const createStation = async (
  deps: Deps,
  ctx: Ctx,
  input: CreateStationBody,
): Promise<Station> => {
  const { db, crypto } = deps
  const body = CreateStationBodySchema.parse(input)
  const org = await loadOrg(db, body.orgId)
  requireAt(ctx, 'station:manage', org.path)
  const fields = rowFields(crypto, body)
  const now = ctx.now.toISOString()
  const id = uuidv7()
  await withTransaction(db, async (trx) => {
    if (body.photos.length > 0) await requireUploadsExist(trx, body.photos, ctx)
    await repo.insertStation(trx, {
      id,
      org_id: org.id,
      status: 'active',
      closed_reason: null,
      check_in_code_seq: 0,
      ...fields,
      created_at: now,
      updated_at: now,
    })
    await recordAudit(trx, ctx, {
      action: 'station.create',
      targetType: 'station',
      targetId: id,
      orgId: org.id,
      summary: { name: body.name, kind: body.kind },
    })
  })
  await afterWrite(db, id)
  return toStation((await repo.findStationById(db, id))!, ctx.now)
}

/**
 * A station's row as it is inside the write transaction, locked on PostgreSQL (SQLite runs one
 * write transaction at a time): two staff saving the same station at once each build on the
 * other's write instead of writing back a stale copy, and two "close" clicks close it once. The
 * fuzz review lost one of two concurrent PATCHes in 9 of 10 trials before this.
 */
const lockedStation = async (trx: Db, ctx: Ctx, stationId: string) => {
  await repo.lockStation(trx, stationId)
  return loadStationFor(trx, ctx, stationId, 'station:manage')
}

type StationRow = Awaited<ReturnType<typeof loadStationFor>>

/** The row's fields after a patch: what the patch names, the rest as the row has it. */
const patchedFields = (crypto: Deps['crypto'], current: StationRow, patch: UpdateStationBody) => {
  const merged = {
    name: patch.name ?? current.name,
    kind: patch.kind ?? current.kind,
    address: patch.address ?? current.address,
    lat: patch.lat ?? current.lat,
    lng: patch.lng ?? current.lng,
    coordSystem: patch.lat !== undefined ? (patch.coordSystem ?? 'wgs84') : 'wgs84',
    schedule: patch.schedule ?? json(current.schedule),
    capacity: patch.capacity ?? current.capacity,
    amenities: patch.amenities ?? amenityCodes(current.amenities),
    zones: patch.zones ?? json(current.zones),
    contactName: patch.contactName ?? current.contact_name,
    contactMobile: patch.contactMobile ?? crypto.decrypt(current.contact_mobile_enc),
    // null clears it: only a missing key keeps the stored number.
    dutyPhone: patch.dutyPhone !== undefined ? patch.dutyPhone : current.duty_phone,
    photos: patch.photos ?? json(current.photos),
    services: patch.services ?? json(current.services),
    description: patch.description ?? current.description,
  } as RowInput
  const fields = rowFields(crypto, merged)
  // Keep the old ciphertext when the mobile did not change (no needless re-encryption).
  if (patch.contactMobile === undefined) fields.contact_mobile_enc = current.contact_mobile_enc
  return fields
}

export const updateStation = async (
  deps: Deps,
  ctx: Ctx,
  stationId: string,
  patch: UpdateStationBody,
): Promise<Station> => {
  const { db, crypto } = deps
  // Checked before the transaction too, so a refused or malformed edit never takes the lock.
  const seen = await loadStationFor(db, ctx, stationId, 'station:manage')
  if (seen.status === 'closed') throw stationErrors.closed(stationId)
  patchedFields(crypto, seen, patch)
  const changed = Object.keys(patch).filter((k) => k !== 'coordSystem')
  await withTransaction(db, async (trx) => {
    const current = await lockedStation(trx, ctx, stationId)
    if (current.status === 'closed') throw stationErrors.closed(stationId)
    const fields = patchedFields(crypto, current, patch)
    if (patch.photos && patch.photos.length > 0) await requireUploadsExist(trx, patch.photos, ctx)
    if (patch.capacity !== undefined && patch.capacity < current.capacity) {
      const occupied = await repo.countLiveCheckIns(trx, stationId, ctx.now.toISOString())
      if (patch.capacity < occupied) throw stationErrors.capacityBelowOccupancy(occupied)
    }
    await repo.updateStationFields(trx, stationId, { ...fields, updated_at: ctx.now.toISOString() })
    await recordAudit(trx, ctx, {
      action: 'station.update',
      targetType: 'station',
      targetId: stationId,
      orgId: current.org_id,
      summary: { fields: changed },
    })
  })
  await afterWrite(db, stationId)
  return toStation((await repo.findStationById(db, stationId))!, ctx.now)
}

export const closeStation = async (db: Db, ctx: Ctx, stationId: string, reason: string) => {
  const seen = await loadStationFor(db, ctx, stationId, 'station:manage')
  if (seen.status === 'closed') throw stationErrors.closed(stationId)
  await withTransaction(db, async (trx) => {
    const current = await lockedStation(trx, ctx, stationId)
    if (current.status === 'closed') throw stationErrors.closed(stationId)
    await repo.updateStationFields(trx, stationId, {
      status: 'closed',
      closed_reason: reason,
      updated_at: ctx.now.toISOString(),
    })
    await recordAudit(trx, ctx, {
      action: 'station.close',
      targetType: 'station',
      targetId: stationId,
      orgId: current.org_id,
      summary: { reason },
    })
  })
  await afterWrite(db, stationId)
  return toStation((await repo.findStationById(db, stationId))!, ctx.now)
}

export const reopenStation = async (db: Db, ctx: Ctx, stationId: string) => {
  const seen = await loadStationFor(db, ctx, stationId, 'station:manage')
  if (seen.status !== 'closed') throw stationErrors.notClosed(stationId)
  await withTransaction(db, async (trx) => {
    const current = await lockedStation(trx, ctx, stationId)
    if (current.status !== 'closed') throw stationErrors.notClosed(stationId)
    await repo.updateStationFields(trx, stationId, {
      status: 'active',
      closed_reason: null,
      updated_at: ctx.now.toISOString(),
    })
    await recordAudit(trx, ctx, {
      action: 'station.reopen',
      targetType: 'station',
      targetId: stationId,
      orgId: current.org_id,
    })
  })
  await afterWrite(db, stationId)
  return toStation((await repo.findStationById(db, stationId))!, ctx.now)
}

export const getStation = async (db: Db, ctx: Ctx, stationId: string) =>
  toStation(await loadStationFor(db, ctx, stationId, 'station:read'), ctx.now)

/** The unmasked contact of the person in charge: a read of personal data, audited. */
export const revealStationContact = async (deps: Deps, ctx: Ctx, stationId: string) => {
  // The person in charge's number is personal data: the staff who run the station may read
  // it (audited); volunteers, who may read the station, see the masked copy only.
  const row = await loadStationFor(deps.db, ctx, stationId, 'station:manage')
  const contactMobile = deps.crypto.decrypt(row.contact_mobile_enc)
  await recordAudit(deps.db, ctx, {
    action: 'station.contact.read',
    targetType: 'station',
    targetId: stationId,
    orgId: row.org_id,
  })
  return { contactName: row.contact_name, contactMobile }
}

/**
 * The code for the station's door poster (ADR 0029): for the staff who run the station, as the
 * contact is. Not audited as a read: it is no personal data, and it is printed on the door.
 */
export const stationCheckInCode = async (
  deps: Deps & { secret: string },
  ctx: Ctx,
  stationId: string,
): Promise<StationCheckInCode> => {
  const row = await loadStationFor(deps.db, ctx, stationId, 'station:manage')
  const generation = Number(row.check_in_code_seq)
  return { code: checkInCode(deps.secret, stationId, generation), generation: generation + 1 }
}

/**
 * A new check-in code for the station, when the old one has leaked (a photo of the poster shared
 * online): every poster printed before stops checking in, and the door needs the new one. Phones
 * checked in already stay so until their visit ends.
 */
export const rotateStationCheckInCode = async (
  deps: Deps & { secret: string },
  ctx: Ctx,
  stationId: string,
): Promise<StationCheckInCode> => {
  const row = await loadStationFor(deps.db, ctx, stationId, 'station:manage')
  const generation = await withTransaction(deps.db, async (trx) => {
    const seq = await repo.nextCheckInCodeSeq(trx, stationId)
    await recordAudit(trx, ctx, {
      action: 'station.check-in-code.rotate',
      targetType: 'station',
      targetId: stationId,
      orgId: row.org_id,
      summary: { generation: seq + 1 },
    })
    return seq
  })
  return { code: checkInCode(deps.secret, stationId, generation), generation: generation + 1 }
}

export const listStations = async (
  db: Db,
  ctx: Ctx,
  query: {
    page: number
    pageSize: number
    q?: string
    orgId?: string
    kind?: StationTable['kind']
    status?: StationTable['status']
    amenities?: string
    metric?: StationMetric
  },
) => {
  const paths = scopePaths(ctx, 'station:read')
  let orgPath: string | undefined
  if (query.orgId) {
    orgPath = (await loadOrg(db, query.orgId)).path
    requireAt(ctx, 'station:read', orgPath)
  }
  const filter: StationListFilter = {
    paths,
    orgPath,
    kind: query.kind,
    status: query.status,
    amenityMask: parseAmenityList(query.amenities),
    text: query.q,
  }
  const limit = query.pageSize
  const offset = (query.page - 1) * query.pageSize
  const page = { page: query.page, pageSize: query.pageSize }
  const { metric } = query
  if (metric === undefined) {
    const { rows, total } = await repo.listStations(db, filter, limit, offset)
    return { items: rows.map((r) => toListItem(r, ctx.now)), total, ...page }
  }
  if (isDirectoryMetric(metric)) {
    const { rows, total } = await listFromDirectory(db, ctx, filter, metric, limit, offset)
    return { items: rows.map((r) => toListItem(r, ctx.now)), total, ...page }
  }
  const since = new Date(checkInWindowStart(metric, ctx.now.getTime())).toISOString()
  const { rows, total } = await repo.listStationsWithCheckIns(db, filter, since, limit, offset)
  return {
    items: rows.map((r) => toListItem(r.row, ctx.now, r.checkIns)),
    total,
    ...page,
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The list narrowed to the stations behind the open-now or 24-hour roll-up. Which stations
 * those are comes from the in-memory directory, as stationStats counts them (so the map of a
 * count shows exactly that many stations); the table has no open-now column to filter on, and
 * tens of thousands of ids cannot be bound into one statement. The other filters are applied
 * to the directory's copy of the same fields; then only the page's rows are read.
 */
const listFromDirectory = async (
  db: Db,
  ctx: Ctx,
  f: StationListFilter,
  metric: DirectoryMetric,
  limit: number,
  offset: number,
) => {
  // The directory holds active stations only.
  if (f.status === 'closed') return { rows: [], total: 0 }
  const directory = await directoryOf(db)
  const now = ctx.now.getTime()
  const mask = f.amenityMask ?? 0
  // SQLite's LIKE, which the unfiltered list uses, ignores ASCII case: so does this.
  const text = f.text?.toLowerCase()
  const hits = directory
    .inSubtrees(f.orgPath !== undefined ? [f.orgPath] : f.paths)
    .filter(
      (e) =>
        countsToward(directory, e, metric, now) &&
        (f.kind === undefined || e.kind === f.kind) &&
        (e.amenities & mask) === mask &&
        (!text || e.name.toLowerCase().includes(text) || e.address.toLowerCase().includes(text)),
    )
  // The unfiltered list's order (org path, name, id), so pages do not overlap.
  hits.sort((a, b) => cmp(a.orgPath, b.orgPath) || cmp(a.name, b.name) || cmp(a.id, b.id))
  const ids = hits.slice(offset, offset + limit).map((e) => e.id)
  const byId = new Map((await repo.findStationsByIds(db, ids)).map((r) => [r.id, r]))
  return {
    rows: ids.map((id) => byId.get(id)).filter((r): r is StationWithOrg => r !== undefined),
    total: hits.length,
  }
}

/** Every station of an org's subtree (or of all my subtrees), for exports. */
export const listStationsForExport = async (
  db: Db,
  ctx: Ctx,
  orgId: string | undefined,
  includeClosed = false,
) => {
  let paths = scopePaths(ctx, 'station:read')
  if (orgId) {
    const org = await loadOrg(db, orgId)
    requireAt(ctx, 'station:read', org.path)
    paths = [org.path]
  }
  const rows = await repo.listAllStations(db, paths, includeClosed)
  return rows.map((r) => toStation(r, ctx.now))
}

/**
 * A problem of one import row: its row number as the caller counts them (a spreadsheet line, a
 * position in an HSDS file), the body path, a stable code with params that the web words in the
 * reader's language, and the Chinese sentence (open-data/import-problems.ts). The spreadsheet
 * import adds the column, named by the file's header.
 */
export type StationImportRowError = ImportProblem & { row: number; column?: string }

/** A row to import. */
export type StationImportRow = {
  row: number
  body: unknown
  /**
   * The row carries no full mobile, only "keep the stored one": the masked number our .xlsx
   * export writes (`masked`), or none at all (`masked: null`, an HSDS file exported without
   * contacts). Its body's contactMobile is then ignored. Such a row may only update a station,
   * and only one whose stored mobile has that mask; it keeps the stored mobile.
   */
  storedMobile?: { masked: string | null }
}

const rowError = (row: number, p: ImportProblem): StationImportRowError => ({ row, ...p })

/** What makes an import row the same station as an existing one: its org, name and address. */
const importKey = (s: { org_id: string; name: string; address: string }) =>
  `${s.org_id}\u0000${s.name}\u0000${s.address}`

/**
 * The fields an import row carries (the template's columns; HSDS maps to the same). Zones,
 * photos and services are kept when a row updates a station: staff add them in the console,
 * and a sheet that lacks them must not wipe them. So is the duty phone when the row has no
 * such column (a sheet from the template before it existed); an empty cell clears it.
 */
const sheetColumnsOf = (p: StationTable, withDutyPhone: boolean): Partial<StationTable> => ({
  kind: p.kind,
  lat: p.lat,
  lng: p.lng,
  schedule: p.schedule,
  always_open: p.always_open,
  capacity: p.capacity,
  amenities: p.amenities,
  contact_name: p.contact_name,
  contact_mobile_enc: p.contact_mobile_enc,
  contact_mobile_masked: p.contact_mobile_masked,
  description: p.description,
  ...(withDutyPhone ? { duty_phone: p.duty_phone } : {}),
  updated_at: p.updated_at,
})

/** The body schema of a row that keeps the stored mobile (its mobile cell is not read). */
const BodyKeepingMobileSchema = CreateStationBodySchema.omit({ contactMobile: true })
const withoutMobile = (body: unknown) => {
  if (typeof body !== 'object' || body === null) return body
  const { contactMobile: _ignored, ...rest } = body as Record<string, unknown>
  return rest
}

type Existing = Awaited<ReturnType<typeof repo.findActiveStationsNamed>>[number]

/** What names the station a row is (its org, name and address), read apart from the rest. */
const RowIdentitySchema = z.object({
  orgId: CreateStationBodySchema.shape.orgId,
  name: CreateStationBodySchema.shape.name,
  address: CreateStationBodySchema.shape.address,
})

const fieldOf = (body: unknown, key: string): unknown =>
  typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined

/**
 * A row whose station is known (its org is found and mine): whether another row names it too,
 * and whether a masked mobile matches the stored one, are checked on it. `station` is the row
 * to write, present only when the row has no problem of its own.
 */
type ImportCandidate = {
  row: number
  orgId: string
  name: string
  key: string
  keep?: { masked: string | null }
  station?: StationTable
}

/**
 * A row's problems without repeats: a bad time in a cell the sheet reader copied to every
 * weekday (or an HSDS file repeats per day) is one problem, not seven.
 */
const distinctProblems = (problems: readonly ImportProblem[]) => {
  const seen = new Set<string>()
  return problems.filter((p) => {
    const key = `${p.path}\u0000${p.code}\u0000${p.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * Rows that keep the stored mobile, checked against the stations they update: the mobile of
 * each is copied into the row, and a row that matches no station, or a station whose mobile
 * has another mask, is a problem (its masked number says nothing of the mobile to store).
 */
const keepStoredMobiles = (
  candidates: readonly ImportCandidate[],
  existing: readonly Existing[],
): StationImportRowError[] => {
  const byKey = new Map(existing.map((e) => [importKey(e), e]))
  const errors: StationImportRowError[] = []
  for (const { row, key, keep, station } of candidates) {
    if (!keep) continue
    const current = byKey.get(key)
    if (!current) {
      errors.push(
        rowError(
          row,
          importProblem(
            'contactMobile',
            keep.masked === null ? 'MOBILE_MISSING_NEW' : 'MOBILE_MASKED',
          ),
        ),
      )
    } else if (keep.masked !== null && keep.masked !== current.contact_mobile_masked) {
      errors.push(
        rowError(
          row,
          importProblem('contactMobile', 'MOBILE_MASKED_MISMATCH', {
            stored: current.contact_mobile_masked,
          }),
        ),
      )
    } else if (station) {
      station.contact_mobile_enc = current.contact_mobile_enc
      station.contact_mobile_masked = current.contact_mobile_masked
    }
  }
  return errors
}

/** Thrown inside the import's transaction to roll it back with row problems found there. */
class ImportRefused extends Error {
  constructor(readonly errors: StationImportRowError[]) {
    super('import refused')
  }
}

/**
 * Creates many stations in one transaction, all or nothing: rows are validated first and any
 * error refuses the whole import with every row's problems (row numbers as the caller counts
 * them, e.g. spreadsheet lines). Used by the .xlsx and HSDS imports.
 */
export const importStations = async (
  deps: Deps,
  ctx: Ctx,
  rows: ReadonlyArray<StationImportRow>,
  source: string,
) => {
  const { db, crypto } = deps
  const errors: StationImportRowError[] = []
  const candidates: ImportCandidate[] = []
  /** Rows (by the id prepared for them) that carry no duty phone at all: an update keeps it. */
  const withoutDutyPhone = new Set<string>()
  /** The first row of each (org, name, address). */
  const firstRowOf = new Map<string, number>()
  const orgs = new Map<string, { id: string; path: string } | null>()
  const orgOf = async (orgId: string) => {
    if (!orgs.has(orgId)) {
      let org: { id: string; path: string } | null = null
      try {
        const o = await loadOrg(db, orgId)
        requireAt(ctx, 'station:manage', o.path)
        org = { id: o.id, path: o.path }
      } catch {
        org = null
      }
      orgs.set(orgId, org)
    }
    return orgs.get(orgId)!
  }
  const now = ctx.now.toISOString()
  // Every check runs on every row, so one upload lists all of a file's problems: a clerk who
  // fixed the hours must not learn of a masked mobile only on the next try.
  for (const { row, body, storedMobile } of rows) {
    const problems: ImportProblem[] = []
    // A spreadsheet cell or an HSDS field can carry what a request cannot (a NUL from a broken
    // export): the row is refused and named.
    const invalidAt = unstorableTextAt(body)
    if (invalidAt !== null) problems.push(importProblem(invalidAt, 'TEXT_UNSTORABLE'))
    const parsed = storedMobile
      ? BodyKeepingMobileSchema.safeParse(withoutMobile(body))
      : CreateStationBodySchema.safeParse(body)
    if (!parsed.success) problems.push(...parsed.error.issues.map((i) => problemOfIssue(i, body)))
    // The schedule's own rules (overlaps, 24:00), also when another field of the row is wrong.
    const schedule = parsed.success
      ? (parsed.data.schedule as Schedule)
      : (StationScheduleSchema.safeParse(fieldOf(body, 'schedule')).data as Schedule | undefined)
    if (schedule) problems.push(...scheduleImportProblems(schedule, validateSchedule(schedule)))
    // Which station the row is, also when other fields are wrong: for the org, a second row of
    // the same station and a masked mobile that must match the stored one.
    const identity = RowIdentitySchema.safeParse(body)
    let candidate: ImportCandidate | undefined
    if (identity.success && unstorableTextAt(identity.data) === null) {
      const { orgId, name, address } = identity.data
      const org = await orgOf(orgId)
      if (!org) problems.push(importProblem('orgId', 'ORG_NOT_FOUND', { value: orgId }))
      else {
        const key = importKey({ org_id: org.id, name, address })
        const first = firstRowOf.get(key)
        if (first !== undefined)
          problems.push(importProblem('name', 'DUPLICATE_ROW', { row: first }))
        else firstRowOf.set(key, row)
        candidate = {
          row,
          orgId: org.id,
          name,
          key,
          ...(storedMobile ? { keep: storedMobile } : {}),
        }
        candidates.push(candidate)
      }
    }
    if (problems.length === 0 && parsed.success && candidate) {
      try {
        // Replaced by the stored mobile (keepStoredMobiles), or the row is refused.
        const b = { contactMobile: '', ...parsed.data }
        candidate.station = {
          id: uuidv7(),
          org_id: candidate.orgId,
          status: 'active',
          closed_reason: null,
          check_in_code_seq: 0,
          ...rowFields(crypto, b),
          created_at: now,
          updated_at: now,
        }
        if (parsed.data.dutyPhone === undefined) withoutDutyPhone.add(candidate.station.id)
      } catch (e) {
        const details = (e as { details?: unknown }).details
        const list = Array.isArray(details)
          ? details
          : [{ path: '', message: String((e as Error).message) }]
        for (const d of list as Array<{ path?: string; message?: string }>)
          problems.push(importProblem(d.path ?? '', 'INVALID', { detail: d.message ?? '' }))
      }
    }
    errors.push(...distinctProblems(problems).map((p) => rowError(row, p)))
  }
  const stationsNamed = (q: Db) =>
    repo.findActiveStationsNamed(
      q,
      [...new Set(candidates.map((c) => c.orgId))],
      [...new Set(candidates.map((c) => c.name))],
    )
  // Reported with the other rows' problems, so one upload lists them all; checked again in the
  // transaction, which is what counts.
  if (candidates.some((c) => c.keep))
    errors.push(...keepStoredMobiles(candidates, await stationsNamed(db)))
  const prepared = candidates.flatMap((c) => (c.station ? [c.station] : []))
  if (errors.length > 0) return { created: 0, updated: 0, errors: sortRowErrors(errors) }
  if (prepared.length === 0) {
    throw commonErrors.validation('The import has no stations', [
      { path: 'file', message: 'no rows' },
    ])
  }
  let result: { created: number; updated: number }
  try {
    result = await withTransaction(db, async (trx) => {
      const photos = [...new Set(prepared.flatMap((p) => JSON.parse(p.photos) as string[]))]
      if (photos.length > 0) await requireUploadsExist(trx, photos, ctx)
      // A row naming an active station of its org by name and address updates it, so importing
      // a corrected sheet again fixes the stations instead of doubling them. Read inside the
      // transaction: two imports at once must not both create the same station.
      const existing = await stationsNamed(trx)
      const refused = keepStoredMobiles(candidates, existing)
      if (refused.length > 0) throw new ImportRefused(refused)
      const idOf = new Map(existing.map((e) => [importKey(e), e.id]))
      const fresh: StationTable[] = []
      const byOrg = new Map<string, { created: number; updated: number; stationIds: string[] }>()
      for (const p of prepared) {
        const tally = byOrg.get(p.org_id) ?? { created: 0, updated: 0, stationIds: [] }
        byOrg.set(p.org_id, tally)
        const id = idOf.get(importKey(p))
        if (id === undefined) {
          fresh.push(p)
          tally.created++
          continue
        }
        await repo.updateStationRow(trx, id, sheetColumnsOf(p, !withoutDutyPhone.has(p.id)))
        tally.updated++
        tally.stationIds.push(id)
      }
      await repo.insertStations(trx, fresh)
      await repo.bumpDirectoryVersion(trx)
      for (const [orgId, tally] of byOrg) {
        await recordAudit(trx, ctx, {
          action: 'station.import',
          targetType: 'org',
          targetId: orgId,
          orgId,
          summary: {
            source,
            created: tally.created,
            updated: tally.updated,
            updatedStationIds: tally.stationIds,
          },
        })
      }
      return { created: fresh.length, updated: prepared.length - fresh.length }
    })
  } catch (e) {
    if (e instanceof ImportRefused) return { created: 0, updated: 0, errors: e.errors }
    throw e
  }
  directoryInvalidate(db)
  return { ...result, errors: [] }
}

/** Row problems in row order, a row's in the order they were found. */
const sortRowErrors = (errors: StationImportRowError[]) =>
  errors
    .map((e, i) => [e, i] as const)
    .sort((a, b) => a[0].row - b[0].row || a[1] - b[1])
    .map(([e]) => e)

export { directoryOf }
