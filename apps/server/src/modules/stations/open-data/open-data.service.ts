import type ExcelJS from 'exceljs'
import type { Permission } from '@unionhall/contracts'
import { type Ctx, requireAt, scopePaths } from '../../../core/access'
import { recordScopeAudit } from '../../../core/audit'
import { loadOrg } from '../../../core/orgs'
import type { FieldCrypto } from '../../../platform/crypto/field-crypto'
import type { Db } from '../../../platform/db/create-db'
import { withTransaction } from '../../../platform/db/transaction'
import { AppError, commonErrors } from '../../../platform/errors/app-error'
import { detectSpreadsheet } from '../../../platform/files/detect'
import { parseCsv, writeXlsxSheets } from '../../../platform/files/spreadsheet'
import * as stationsRepo from '../stations.repository'
import {
  importStations,
  listStationsForExport,
  type StationImportRowError,
} from '../stations.service'
import {
  asDataset,
  type HsdsProblem,
  type HsdsRow,
  hsdsItemPath,
  hsdsPlaceOf,
  stationsFromHsds,
} from './hsds'
import { validateHsdsDataset } from './hsds-validator'
import { openDataErrors } from './open-data.errors'
import { buildStationsFile } from './public-file'
import { type ImportProblem, importProblem } from './import-problems'
import * as repo from './open-data.repository'
import {
  columnOfPath,
  type HeaderMap,
  isBlankRow,
  mapHeader,
  readSheetRow,
  SHEET_HEADERS,
  stationSheetRow,
  TEMPLATE_EXAMPLE,
  templateNotes,
} from './station-sheet'
import { maskedMobileOf } from './station-text'

type Deps = { db: Db; crypto: FieldCrypto }

/** Stations per import file: one transaction, and an answer that lists every row's problems. */
export const IMPORT_MAX_ROWS = 5_000

export type StationImportResult = {
  created: number
  updated: number
  errors: StationImportRowError[]
}

// ---- spreadsheet reading (line numbers kept, so errors name the line staff see) ----

const loadExcel = async () => (await import('exceljs')).default

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString()
  if (typeof value !== 'object') return String(value)
  if ('richText' in value) return value.richText.map((r) => r.text).join('')
  if ('text' in value && typeof value.text === 'string') return value.text
  if ('result' in value) {
    const r = value.result
    return typeof r === 'string' || typeof r === 'number' || typeof r === 'boolean' ? String(r) : ''
  }
  return ''
}

type Line = { line: number; cells: string[] }

/**
 * The first sheet's rows with their line numbers. The kind is decided by the bytes, never the
 * file name: an .xlsx, or UTF-8 CSV (whose blank lines are not counted).
 */
const readLines = async (bytes: Buffer): Promise<Line[]> => {
  const kind = detectSpreadsheet(bytes)
  if (kind === 'csv') {
    return parseCsv(bytes.toString('utf8')).map((cells, i) => ({
      line: i + 1,
      cells: cells.map((c) => c.trim()),
    }))
  }
  if (kind !== 'xlsx') {
    throw new AppError(
      'FILE_TYPE_UNSUPPORTED',
      415,
      'Upload an .xlsx workbook or a UTF-8 .csv file',
    )
  }
  const workbook = new (await loadExcel()).Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    throw new AppError('FILE_UNREADABLE', 400, 'The spreadsheet could not be read')
  }
  const lines: Line[] = []
  workbook.worksheets[0]?.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = []
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value).trim())
    lines.push({ line, cells })
  })
  return lines
}

// ---- shared import steps ----

const requireImporter = (ctx: Ctx) => {
  const paths = scopePaths(ctx, 'station:manage')
  if (paths.length === 0) throw commonErrors.forbidden()
  return paths
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Resolves org references (an id, or an exact name) within the importer's subtrees. Names
 * shared by several orgs are ambiguous: the row must give the id.
 */
const resolveOrgs = async (
  db: Db,
  paths: string[],
  refs: Array<{ id?: string; name?: string }>,
) => {
  const ids = refs.map((r) => r.id).filter((id): id is string => !!id && UUID.test(id))
  const names = refs.map((r) => r.name).filter((n): n is string => !!n)
  const [byId, byName] = await Promise.all([
    repo.findOrgsByIdsIn(db, paths, ids),
    repo.findOrgsByNames(db, paths, names),
  ])
  const idMap = new Map(byId.map((o) => [o.id, o.id]))
  const nameMap = new Map<string, string[]>()
  for (const o of byName) nameMap.set(o.name, [...(nameMap.get(o.name) ?? []), o.id])
  return (ref: { id?: string; name?: string }): { orgId: string } | { problem: ImportProblem } => {
    if (ref.id && idMap.has(ref.id)) return { orgId: ref.id }
    const named = ref.name ? (nameMap.get(ref.name) ?? []) : []
    if (named.length === 1) return { orgId: named[0]! }
    if (named.length > 1) {
      return { problem: importProblem('orgId', 'ORG_AMBIGUOUS', { value: ref.name! }) }
    }
    const label = ref.name ?? ref.id
    return {
      problem: label
        ? importProblem('orgId', 'ORG_NOT_FOUND', { value: label })
        : importProblem('orgId', 'REQUIRED'),
    }
  }
}

/**
 * Joins the problems found while reading rows with those importStations found. A field that
 * could not be read was passed on as null (so importStations refuses the whole import); its
 * generic complaint is dropped in favour of the reader's own message.
 */
const mergeErrors = (
  own: StationImportRowError[],
  result: StationImportResult,
): StationImportResult => {
  if (own.length === 0) return result
  // Covered both ways: a field's complaint under the reader's (schedule.weekly.1 under
  // schedule), and the generic "required" of a whole field the reader refused for a part of it
  // (schedule, null because its dated exceptions at schedule.exceptions.0 could not be read).
  const covered = (e: StationImportRowError) =>
    own.some(
      (o) =>
        o.row === e.row &&
        (e.path === o.path || e.path.startsWith(`${o.path}.`) || o.path.startsWith(`${e.path}.`)),
    )
  const errors = [...own, ...result.errors.filter((e) => !covered(e))].sort(
    (a, b) => a.row - b.row || a.path.localeCompare(b.path),
  )
  return { created: result.created, updated: result.updated, errors }
}

const rowErrors = (row: number, problems: ImportProblem[]): StationImportRowError[] =>
  problems.map((p) => ({ row, ...p }))

/** The HSDS field of a location that each station field is read from (stationsFromHsds). */
const HSDS_FIELD: Record<string, string> = {
  orgId: 'organization_id',
  name: 'name',
  kind: 'attributes',
  address: 'addresses',
  lat: 'latitude',
  lng: 'longitude',
  capacity: 'attributes',
  amenities: 'attributes',
  zones: 'attributes',
  contactName: 'contacts[0].name',
  contactMobile: 'contacts[0].phones',
  dutyPhone: 'phones',
  photos: 'attributes',
  services: 'service_at_locations',
  description: 'description',
}

/**
 * Names where in the file each problem of an HSDS import is, as its column: the location's
 * JSON path and field with the location's name ("locations[2].latitude（城关区爱心驿站）"), since
 * the file's author knows the file, not our body paths. A schedule problem points to where the
 * schedule was read from (our exact attribute, or the weekly schedules).
 */
const withHsdsPlaces = (
  doc: unknown,
  rows: readonly HsdsRow[],
  errors: ReadonlyArray<StationImportRowError & { at?: string }>,
): StationImportRowError[] =>
  errors.map(({ at, ...e }) => {
    const read = rows[e.row - 1]
    const head = e.path.split('.')[0] ?? ''
    const field = at ?? (head === 'schedule' ? read?.scheduleAt : HSDS_FIELD[head])
    return { ...e, column: hsdsPlaceOf(doc, hsdsItemPath('locations', e.row - 1, field)).column }
  })

/** The schema's problems of an HSDS file, each with the location (row) and place it is in. */
const hsdsSchemaErrors = (doc: unknown, problems: readonly HsdsProblem[]) =>
  problems.map(({ at: _at, ...p }): StationImportRowError => ({
    ...hsdsPlaceOf(doc, p.path),
    ...p,
  }))

/**
 * An HSDS location with no full mobile: none at all (an export without includeContacts leaves
 * the phones out) or a masked one. Either may only keep the stored mobile of a station the row
 * updates (importStations checks it), so such an export imports back.
 */
const hsdsStoredMobile = (
  mobile: unknown,
): { storedMobile: { masked: string | null } } | Record<string, never> => {
  const text = typeof mobile === 'string' ? mobile.trim() : ''
  if (text === '') return { storedMobile: { masked: null } }
  const masked = maskedMobileOf(text)
  return masked ? { storedMobile: { masked } } : {}
}

/**
 * Names each spreadsheet problem's column by the file's header ("纬度*"), and lists them in
 * row, then column order: the clerk reads the sheet, not the body's paths.
 */
const withColumns = (result: StationImportResult, header: HeaderMap): StationImportResult => {
  const placed = result.errors.map((e, i) => {
    const column = columnOfPath(e.path, header)
    return { e: column ? { ...e, column: column.label } : e, order: column?.order ?? 99, i }
  })
  placed.sort((a, b) => a.e.row - b.e.row || a.order - b.order || a.i - b.i)
  return { ...result, errors: placed.map((p) => p.e) }
}

// ---- .xlsx ----

/** The template: the columns with an example row, and a notes sheet on how each is read. */
export const importTemplate = () =>
  writeXlsxSheets([
    { name: '驿站', headers: SHEET_HEADERS, rows: [TEMPLATE_EXAMPLE] },
    { name: '填写说明', headers: ['列', '说明'], rows: templateNotes() },
  ])

/**
 * Imports stations from an .xlsx (or UTF-8 .csv) laid out like the template. All or nothing:
 * any problem in any row imports nothing and lists every row's problems (row = line number).
 */
export const importSpreadsheet = async (
  deps: Deps,
  ctx: Ctx,
  bytes: Buffer,
): Promise<StationImportResult> => {
  const paths = requireImporter(ctx)
  const lines = await readLines(bytes)
  const [header, ...rest] = lines
  const map = mapHeader(header?.cells ?? [])
  if (!header || map.missing.length > 0) {
    throw openDataErrors.headerInvalid(
      header ? map.missing : SHEET_HEADERS.filter((h) => h.endsWith('*')),
    )
  }
  const data = rest.filter((l) => !isBlankRow(l.cells))
  if (data.length > IMPORT_MAX_ROWS) throw openDataErrors.tooLarge(data.length, IMPORT_MAX_ROWS)
  const read = data.map((l) => ({ line: l.line, ...readSheetRow(l.cells, map) }))
  const resolve = await resolveOrgs(
    deps.db,
    paths,
    read.map((r) => ({ id: r.orgRef, name: r.orgRef })),
  )
  const own: StationImportRowError[] = []
  const rows = read.map((r) => {
    own.push(...rowErrors(r.line, r.problems))
    const org = resolve(r.orgRef ? { id: r.orgRef, name: r.orgRef } : {})
    if ('problem' in org) own.push({ row: r.line, ...org.problem })
    return {
      row: r.line,
      body: { orgId: 'orgId' in org ? org.orgId : null, ...r.fields },
      ...(r.maskedMobile ? { storedMobile: { masked: r.maskedMobile } } : {}),
    }
  })
  return withColumns(mergeErrors(own, await importStations(deps, ctx, rows, 'xlsx')), map)
}

/** The stations of an org's subtree (or of all mine) as .xlsx, mobiles masked. Audited. */
export const exportSpreadsheet = async (deps: Deps, ctx: Ctx, orgId: string | undefined) => {
  const stations = await listStationsForExport(deps.db, ctx, orgId)
  const file = await writeXlsxSheets([
    { name: '驿站', headers: SHEET_HEADERS, rows: stations.map(stationSheetRow) },
  ])
  await auditExport(deps.db, ctx, orgId, { format: 'xlsx', count: stations.length })
  return file
}

/** The export's audit record(s): for one org, or for each subtree root the export covered. */
const auditExport = (
  db: Db,
  ctx: Ctx,
  orgId: string | undefined,
  summary: Record<string, unknown>,
  permission: Permission = 'station:read',
) =>
  withTransaction(db, (trx) =>
    recordScopeAudit(trx, ctx, { action: 'station.export', summary }, { orgId, permission }),
  )

// ---- GeoJSON ----

/** The subtrees a staff export covers: the caller's, or one org's within them. */
const exportPaths = async (
  db: Db,
  ctx: Ctx,
  orgId: string | undefined,
  permission: Permission = 'station:read',
) => {
  if (!orgId) {
    const paths = scopePaths(ctx, permission)
    if (paths.length === 0) throw commonErrors.forbidden()
    return paths
  }
  const org = await loadOrg(db, orgId)
  requireAt(ctx, permission, org.path)
  return [org.path]
}

/**
 * Public fields of the active stations as a GeoJSON FeatureCollection, as UTF-8 bytes built in
 * slices (public-file.ts). Audited.
 */
export const exportGeoJson = async (
  deps: Deps,
  ctx: Ctx,
  orgId: string | undefined,
): Promise<Buffer> => {
  const paths = await exportPaths(deps.db, ctx, orgId)
  const { bytes, count } = await buildStationsFile(deps.db, 'geojson', paths, ctx.now)
  await auditExport(deps.db, ctx, orgId, { format: 'geojson', count })
  return bytes
}

// ---- HSDS ----

/**
 * The active stations as an HSDS 3.2 dataset, as UTF-8 JSON bytes built in slices
 * (public-file.ts). With includeContacts the contact mobiles are decrypted into it: a read of
 * personal data, recorded in the export's audit entry.
 */
export const exportHsds = async (
  deps: Deps,
  ctx: Ctx,
  options: { orgId?: string; includeContacts: boolean },
): Promise<Buffer> => {
  // The contacts' full mobiles are for those who manage the stations (as GET …/contact is);
  // readers such as volunteers see them masked on the station pages only.
  const permission: Permission = options.includeContacts ? 'station:manage' : 'station:read'
  const paths = await exportPaths(deps.db, ctx, options.orgId, permission)
  const { bytes, count } = await buildStationsFile(deps.db, 'hsds', paths, ctx.now, {
    contactMobileOf: options.includeContacts
      ? (row) => deps.crypto.decrypt(row.contact_mobile_enc)
      : undefined,
  })
  await auditExport(
    deps.db,
    ctx,
    options.orgId,
    { format: 'hsds', count, includeContacts: options.includeContacts },
    permission,
  )
  return bytes
}

// ---- public open data ----

/**
 * Most stations one anonymous download may hold: a city's, not a province's or the country's.
 * An HSDS file of 5,000 stations is about 33 MB and takes 1–2.4 s of CPU to build on the
 * process that also serves ballots (bench/RESULTS.md); it is built in slices (public-file.ts).
 */
export const PUBLIC_OPEN_DATA_MAX_STATIONS = 5_000
/**
 * Main-thread time public builds may take in any minute. Slices keep each pause short, but
 * anonymous requests for one org after another could still keep the thread busy building;
 * past this budget a new build is refused (429) until the minute has passed. One city's HSDS
 * file fits in it.
 */
export const PUBLIC_OPEN_DATA_BUILD_MS_PER_MINUTE = 6_000
/** A public file is built at most once a minute per org and format, whoever asks. */
const PUBLIC_OPEN_DATA_TTL_MS = 60_000
/** Built files kept in memory, at most. */
const PUBLIC_OPEN_DATA_CACHE_BYTES = 64 * 1024 * 1024
/** New builds per minute across all orgs: asking for one org after another cannot keep the process busy. */
const PUBLIC_OPEN_DATA_BUILDS_PER_MINUTE = 20

type PublicFile = { at: number; bytes: Promise<Buffer>; size: number }
const publicFiles = new Map<string, PublicFile>()
let buildingKey: string | null = null
const buildStarts: number[] = []
/** Milliseconds of main-thread time spent building, per slice, with when ([atMs, ms]). */
const buildSlices: [number, number][] = []
const buildMsInLastMinute = (nowMs: number) => {
  while (buildSlices.length > 0 && nowMs - buildSlices[0]![0] >= 60_000) buildSlices.shift()
  return buildSlices.reduce((sum, [, ms]) => sum + ms, 0)
}

const fresh = (f: PublicFile, nowMs: number) =>
  nowMs - f.at >= 0 && nowMs - f.at < PUBLIC_OPEN_DATA_TTL_MS

/** Drops expired files, then the oldest until the rest fit the byte budget. */
const sweepPublicFiles = (nowMs: number) => {
  let total = 0
  for (const [key, f] of publicFiles) {
    if (!fresh(f, nowMs) && key !== buildingKey) publicFiles.delete(key)
    else total += f.size
  }
  for (const [key, f] of publicFiles) {
    if (total <= PUBLIC_OPEN_DATA_CACHE_BYTES) break
    if (key === buildingKey) continue
    publicFiles.delete(key)
    total -= f.size
  }
  const recent = buildStarts.filter((t) => nowMs - t >= 0 && nowMs - t < 60_000)
  buildStarts.splice(0, buildStarts.length, ...recent)
}

/**
 * The active stations of an org's subtree as open data anyone may download (ADR 0028): GeoJSON,
 * or HSDS with no person in charge and no mobile (so no personal data is read and nothing is
 * audited). Built from the database and cached for a minute as bytes. One file is built at a
 * time, in slices between which other requests run, at most PUBLIC_OPEN_DATA_BUILDS_PER_MINUTE
 * a minute and while the minute's build time is under PUBLIC_OPEN_DATA_BUILD_MS_PER_MINUTE
 * (else 429 STATION_OPEN_DATA_BUSY); an org over PUBLIC_OPEN_DATA_MAX_STATIONS is refused
 * after counting, before building.
 * @throws ORG_NOT_FOUND, STATION_OPEN_DATA_TOO_LARGE, STATION_OPEN_DATA_BUSY
 */
export const publicOpenData = async (
  db: Db,
  format: 'geojson' | 'hsds',
  orgId: string,
  now: Date,
  {
    maxStations = PUBLIC_OPEN_DATA_MAX_STATIONS,
    buildMsPerMinute = PUBLIC_OPEN_DATA_BUILD_MS_PER_MINUTE,
  }: { maxStations?: number; buildMsPerMinute?: number } = {},
): Promise<Buffer> => {
  const nowMs = now.getTime()
  const key = `${format}|${orgId}|${maxStations}`
  sweepPublicFiles(nowMs)
  const hit = publicFiles.get(key)
  if (hit && fresh(hit, nowMs)) return hit.bytes
  if (
    buildingKey !== null ||
    buildStarts.length >= PUBLIC_OPEN_DATA_BUILDS_PER_MINUTE ||
    buildMsInLastMinute(Date.now()) >= buildMsPerMinute
  )
    throw openDataErrors.openDataBusy()
  const build = async () => {
    const paths = [(await loadOrg(db, orgId)).path]
    const count = await stationsRepo.countActiveStations(db, paths)
    if (count > maxStations) throw openDataErrors.openDataTooLarge(count, maxStations)
    // The budget is kept on the real clock: `now` is the request's instant (tests move it).
    const file = await buildStationsFile(db, format, paths, now, {
      withoutContacts: true,
      spent: (ms) => buildSlices.push([Date.now(), ms]),
    })
    return file.bytes
  }
  buildingKey = key
  buildStarts.push(nowMs)
  const entry: PublicFile = { at: nowMs, bytes: build(), size: 0 }
  publicFiles.set(key, entry)
  entry.bytes.then(
    (bytes) => {
      entry.size = bytes.length
    },
    // A refusal or a failure is not kept: the next request asks again.
    () => publicFiles.get(key) === entry && publicFiles.delete(key),
  )
  try {
    return await entry.bytes
  } finally {
    if (buildingKey === key) buildingKey = null
  }
}

/** Reads an uploaded .json file: UTF-8 text that parses as JSON, else 415. */
export const parseJsonFile = (bytes: Buffer): unknown => {
  const text = bytes.toString('utf8')
  if (bytes.length === 0 || text.includes('\uFFFD')) throw openDataErrors.hsdsFileUnsupported()
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch {
    throw openDataErrors.hsdsFileUnsupported()
  }
}

/**
 * Imports the locations of an HSDS dataset as stations, after checking it against the HSDS
 * schemas (400 STATION_HSDS_INVALID with every problem). Stations go to `orgId`, or else to the
 * org each location's organization names (by id, then exact name) within the importer's orgs.
 * All or nothing, like the spreadsheet import; row = position in `locations` (from 1).
 */
export const importHsds = async (
  deps: Deps,
  ctx: Ctx,
  doc: unknown,
  orgId: string | undefined,
): Promise<StationImportResult> => {
  const paths = requireImporter(ctx)
  if (orgId) requireAt(ctx, 'station:manage', (await loadOrg(deps.db, orgId)).path)
  const problems = validateHsdsDataset(doc)
  if (problems.length > 0) throw openDataErrors.hsdsInvalid(hsdsSchemaErrors(doc, problems))
  const dataset = asDataset(doc)
  if (dataset.locations.length > IMPORT_MAX_ROWS) {
    throw openDataErrors.tooLarge(dataset.locations.length, IMPORT_MAX_ROWS)
  }
  const read = stationsFromHsds(dataset)
  const resolve = orgId
    ? () => ({ orgId })
    : await resolveOrgs(
        deps.db,
        paths,
        read.map((r) => r.org),
      )
  const own: Array<StationImportRowError & { at?: string }> = []
  const rows = read.map((r) => {
    own.push(...r.problems.map((p) => ({ row: r.row, ...p })))
    const org = resolve(r.org)
    if ('problem' in org) own.push({ row: r.row, ...org.problem })
    return {
      row: r.row,
      body: { orgId: 'orgId' in org ? org.orgId : null, ...r.fields },
      ...hsdsStoredMobile(r.fields.contactMobile),
    }
  })
  const result = mergeErrors(own, await importStations(deps, ctx, rows, 'hsds'))
  return { ...result, errors: withHsdsPlaces(doc, read, result.errors) }
}
