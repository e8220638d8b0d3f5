import { type CheckInResult, type Occupancy, type PublicStation } from '@unionhall/contracts'
import { createHmac } from 'node:crypto'
import { uuidv7 } from 'uuidv7'
import type { Ctx } from '../../core/access'
import { recordAudit } from '../../core/audit'
import { loadOrg } from '../../core/orgs'
import type { Db } from '../../platform/db/create-db'
import { withTransaction } from '../../platform/db/transaction'
import { checkInCodeMatches } from './check-in-code'
import { directoryOf, freshDirectory } from './directory/directory.service'
import type { DirectoryEntry, DirectoryHit, StationDirectory } from './directory/station-directory'
import { parseStationQuery, type UnderstoodQuery } from './directory/text-query'
import { amenityCodes } from './domain/amenities'
import { cnHolidayCalendar } from './domain/cn-holidays'
import { assertLatLng, convertCoords, round7, type CoordSystem } from './domain/coords'
import { nextChange, type Schedule } from './domain/schedule'
import { stationErrors } from './stations.errors'
import { parseAmenityList, isOpenNow } from './stations.service'
import * as repo from './stations.repository'
import type { StationsDeps } from './stations.deps'

/** JSON columns written by this module; typed by the caller's contract. */
const json = <T>(text: string): T => JSON.parse(text) as T

/** A check-in ends by itself after this long (workers rarely check out). */
export const DEFAULT_CHECK_IN_MINUTES = 120
/** An occupancy figure with no check-in or check-out for this long is marked stale. */
export const OCCUPANCY_STALE_MINUTES = 30

// Stored points already have 7 decimals (about 1 cm); rounding again is a no-op for them and
// trims cluster centroids, which are averages, from 15 decimals to 7.
const outPoint = (lat: number, lng: number, to: CoordSystem) => {
  if (to === 'wgs84') return { lat: round7(lat), lng: round7(lng) }
  const p = convertCoords({ lat, lng }, 'wgs84', to)
  return { lat: round7(p.lat), lng: round7(p.lng) }
}

/** Parsed amenity lists by their query text: phones send the same few filter combinations. */
const amenityMasks = new Map<string, number>()
const amenityMaskOf = (csv: string | undefined) => {
  if (!csv) return 0
  let mask = amenityMasks.get(csv)
  if (mask === undefined) {
    mask = parseAmenityList(csv) // throws 400 on an unknown code, so only valid lists are kept
    if (amenityMasks.size > 1000) amenityMasks.clear()
    amenityMasks.set(csv, mask)
  }
  return mask
}

export type NearestQueryInput = {
  lat: number
  lng: number
  coordSystem: CoordSystem
  k: number
  openNow: boolean
  amenities?: string
  q?: string
  maxDistanceM?: number
}

/**
 * The nearest stations as the NearestResult JSON, in UTF-8 bytes. Synchronous when the
 * directory is loaded and current (every request after warm-up), so the hot route answers
 * without a promise; a promise only when the directory must be (re)loaded first.
 */
export const findNearest = (
  db: Db,
  ctx: Ctx,
  query: NearestQueryInput,
): Buffer | Promise<Buffer> => {
  assertLatLng(query.lat, query.lng)
  const directory = freshDirectory(db)
  if (directory) return answerNearest(directory, ctx, query)
  return directoryOf(db).then((d) => answerNearest(d, ctx, query))
}

const answerNearest = (directory: StationDirectory, ctx: Ctx, query: NearestQueryInput) => {
  const origin =
    query.coordSystem === 'wgs84'
      ? { lat: query.lat, lng: query.lng }
      : convertCoords({ lat: query.lat, lng: query.lng }, query.coordSystem, 'wgs84')
  const understood = parseStationQuery(query.q)
  const hits = directory.nearest({
    lat: origin.lat,
    lng: origin.lng,
    k: query.k,
    at: ctx.now.getTime(),
    openNow: query.openNow,
    amenityMask: amenityMaskOf(query.amenities),
    query: understood,
    maxDistanceM: query.maxDistanceM,
  })
  return renderNearest(hits, understood, query.coordSystem)
}

/**
 * The static part of a hit in UTF-8, rendered once per directory entry (entries are replaced
 * when a station changes, so the cache follows): the nearest route is a hot path and
 * re-serialising the same station for every worker's phone was a large share of its cost.
 */
const fragmentOf = (entry: DirectoryEntry, coordSystem: CoordSystem): Buffer => {
  const render = () =>
    Buffer.from(
      JSON.stringify({
        id: entry.id,
        name: entry.name,
        kind: entry.kind,
        address: entry.address,
        ...outPoint(entry.lat, entry.lng, coordSystem),
        amenities: amenityCodes(entry.amenities),
        alwaysOpen: entry.alwaysOpen,
        capacity: entry.capacity,
      }).slice(0, -1),
      'utf8',
    )
  if (coordSystem !== 'wgs84') return render()
  return (entry.fragment ??= render())
}

const ITEMS_OPEN = Buffer.from('{"items":[', 'latin1')
const DISTANCE = Buffer.from(',"distanceM":', 'latin1')
const OPEN_TRUE = Buffer.from(',"openNow":true}', 'latin1')
const OPEN_FALSE = Buffer.from(',"openNow":false}', 'latin1')

/**
 * The closing `],"understood":{…}}` per understood query. A query without text (the usual
 * one: a phone's position and a filter) always gets the same frozen object, so its closing is
 * rendered once for the life of the process.
 */
const closings = new WeakMap<UnderstoodQuery, Buffer>()
const closingOf = (understood: UnderstoodQuery): Buffer => {
  let closing = closings.get(understood)
  if (closing === undefined) {
    const json = JSON.stringify({
      amenities: understood.amenities,
      alwaysOpen: understood.alwaysOpen,
      text: understood.text,
    })
    closing = Buffer.from(`],"understood":${json}}`, 'utf8')
    closings.set(understood, closing)
  }
  return closing
}

/** Decimal digits of a non-negative integer. */
const digitCount = (n: number) => {
  let d = 1
  while (n >= 10) {
    n = Math.floor(n / 10)
    d++
  }
  return d
}

/** Writes a non-negative integer of `digits` digits at `at`; returns the end. */
const writeDigits = (out: Buffer, n: number, digits: number, at: number) => {
  const end = at + digits
  for (let i = end - 1; i >= at; i--) {
    out[i] = 0x30 + (n % 10)
    n = Math.floor(n / 10)
  }
  return end
}

/**
 * The NearestResult JSON (exactly NearestResultSchema; a test parses it strictly), written
 * straight into one buffer from pre-rendered UTF-8 pieces: each station's cached fragment,
 * constant separators and the digits of its distance. Concatenating strings made a rope
 * that was flattened, UTF-8-encoded and measured again on every response; building a string
 * per hit, or stringifying the understood query per response, was still most of this
 * function's cost (ADR 0020).
 */
/** The fragments of the response being rendered; rendering is synchronous, so one array serves. */
const fragmentScratch: Buffer[] = []

const renderNearest = (
  hits: DirectoryHit[],
  understood: UnderstoodQuery,
  coordSystem: CoordSystem,
): Buffer => {
  const closing = closingOf(understood)
  const fragments = fragmentScratch
  let size = ITEMS_OPEN.length + Math.max(0, hits.length - 1) + closing.length
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]!
    const fragment = (fragments[i] = fragmentOf(h.entry, coordSystem))
    size +=
      fragment.length +
      DISTANCE.length +
      digitCount(Math.round(h.distanceM)) +
      (h.openNow ? OPEN_TRUE.length : OPEN_FALSE.length)
  }
  const out = Buffer.allocUnsafe(size)
  out.set(ITEMS_OPEN, 0)
  let at = ITEMS_OPEN.length
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]!
    if (i > 0) out[at++] = 0x2c // ','
    const fragment = fragments[i]!
    out.set(fragment, at)
    at += fragment.length
    out.set(DISTANCE, at)
    at += DISTANCE.length
    const metres = Math.round(h.distanceM) // finite and ≥ 0: a haversine distance
    at = writeDigits(out, metres, digitCount(metres), at)
    const open = h.openNow ? OPEN_TRUE : OPEN_FALSE
    out.set(open, at)
    at += open.length
  }
  out.set(closing, at)
  fragments.length = 0 // drop the references until the next response
  // allocUnsafe memory holds old bytes: a sizing slip must fail loudly, never send them.
  if (at + closing.length !== size)
    throw new Error('nearest answer: sized and written lengths differ')
  return out
}

/** Enough to tell the same street in a few cities apart on a phone screen. */
const PLACES_LIMIT = 5

/** Places to search around, from the directory's addresses and names (directory/places.ts). */
export const findPlaces = async (db: Db, query: { q: string; coordSystem: CoordSystem }) => {
  const understood = parseStationQuery(query.q)
  const directory = await directoryOf(db)
  const words = understood.text ? understood.text.split(' ') : []
  return {
    items: directory
      .places(words, PLACES_LIMIT)
      .map((p) => ({ ...p, ...outPoint(p.lat, p.lng, query.coordSystem) })),
    text: understood.text,
    needs: understood.needs,
  }
}

export const stationClusters = async (
  db: Db,
  query: {
    west: number
    south: number
    east: number
    north: number
    zoom: number
    orgId?: string
    coordSystem: CoordSystem
  },
) => {
  // Stations are public, so an org's map needs no access check; an unknown org is a 404.
  const paths = query.orgId ? [(await loadOrg(db, query.orgId)).path] : undefined
  const directory = await directoryOf(db)
  // The box arrives in the map's system; offsets between systems are < 1 km, far below a
  // cluster cell at the zooms where clusters matter, so the box is used as is.
  const cells = directory.clusters({ ...query, paths })
  return {
    items: cells.map((c) => ({ ...c, ...outPoint(c.lat, c.lng, query.coordSystem) })),
  }
}

const occupancyOf = async (
  db: Db,
  stationId: string,
  capacity: number,
  now: Date,
): Promise<Occupancy> => {
  const nowIso = now.toISOString()
  const [count, updatedAt] = await Promise.all([
    repo.countLiveCheckIns(db, stationId, nowIso),
    repo.lastCheckInActivity(db, stationId),
  ])
  const stale =
    updatedAt !== null && now.getTime() - Date.parse(updatedAt) > OCCUPANCY_STALE_MINUTES * 60_000
  return { count: Math.min(count, capacity), capacity, updatedAt, stale }
}

export const getPublicStation = async (
  db: Db,
  ctx: Ctx,
  stationId: string,
  coordSystem: CoordSystem,
): Promise<PublicStation> => {
  const row = await repo.findStationById(db, stationId)
  if (!row || row.status !== 'active') throw stationErrors.notFound(stationId)
  const schedule = JSON.parse(row.schedule) as Schedule
  const change = nextChange(schedule, ctx.now, cnHolidayCalendar)
  return {
    id: row.id,
    orgName: row.org_name,
    name: row.name,
    kind: row.kind,
    address: row.address,
    ...outPoint(row.lat, row.lng, coordSystem),
    capacity: row.capacity,
    amenities: amenityCodes(row.amenities),
    zones: json(row.zones),
    schedule,
    alwaysOpen: row.always_open === 1,
    openNow: isOpenNow(row, ctx.now),
    nextChange: change ? { at: change.at.toISOString(), open: change.open } : null,
    contactName: row.contact_name,
    contactMobileMasked: row.contact_mobile_masked,
    dutyPhone: row.duty_phone,
    photos: json(row.photos),
    services: json(row.services),
    description: row.description,
    occupancy: await occupancyOf(db, row.id, row.capacity, ctx.now),
  }
}

/** The phone's random id is kept only as an HMAC: a visit is recognised, the device is not. */
const deviceHash = (secret: string, stationId: string, deviceId: string) =>
  createHmac('sha256', secret).update(`checkin:${stationId}:${deviceId}`).digest('base64url')

/**
 * Checks a device in. Only with the code of the station's door poster (ADR 0029): station ids are
 * public, and without it a script could fill any station from anywhere. Idempotent per visit: a
 * second scan while checked in answers the same check-in (created: false). Refused when the
 * station is full, so occupancy never exceeds capacity: the count and the insert share one
 * transaction, serialised per station. Refused outside the station's opening hours too: a scan of
 * the door's QR code at night would count a visit to a shut station in its occupancy and in the
 * check-in roll-ups.
 */
export const checkIn = async (
  deps: StationsDeps,
  ctx: Ctx,
  stationId: string,
  deviceId: string,
  code: string,
): Promise<CheckInResult & { created: boolean }> => {
  const { db } = deps
  const minutes = deps.checkInMinutes ?? DEFAULT_CHECK_IN_MINUTES
  const hash = deviceHash(deps.secret, stationId, deviceId)
  const nowIso = ctx.now.toISOString()
  // Checked before the transaction, so a flood of guessed codes never takes the station's lock.
  const station = await repo.findStationById(db, stationId)
  if (!station) throw stationErrors.notFound(stationId)
  if (!checkInCodeMatches(deps.secret, stationId, station.check_in_code_seq, code))
    throw stationErrors.checkInCodeInvalid()
  const result = await withTransaction(db, async (trx) => {
    await repo.lockStation(trx, stationId)
    const row = await repo.findStationById(trx, stationId)
    if (!row) throw stationErrors.notFound(stationId)
    // A rotation that committed since the check above ends the old code here too.
    if (row.check_in_code_seq !== station.check_in_code_seq)
      throw stationErrors.checkInCodeInvalid()
    if (row.status !== 'active') throw stationErrors.closed(stationId)
    const live = await repo.findLiveCheckIn(trx, stationId, hash, nowIso)
    // A visit that began in opening hours is still answered after closing time (a rescan).
    if (!live && !isOpenNow(row, ctx.now)) throw stationErrors.notOpenNow(stationId)
    if (live)
      return {
        created: false,
        checkedInAt: live.checked_in_at,
        expiresAt: live.expires_at,
        capacity: row.capacity,
      }
    const count = await repo.countLiveCheckIns(trx, stationId, nowIso)
    if (count >= row.capacity) throw stationErrors.full(row.capacity)
    const expiresAt = new Date(ctx.now.getTime() + minutes * 60_000).toISOString()
    const checkInId = uuidv7()
    await repo.insertCheckIn(trx, {
      id: checkInId,
      station_id: stationId,
      device_hash: hash,
      checked_in_at: nowIso,
      expires_at: expiresAt,
      checked_out_at: null,
    })
    // Anonymous, but audited like every change: the record keeps the request's IP and id, which
    // is what tells a burst of forged check-ins from one address apart from a real queue. The
    // device id is not written (the check-in row holds only its per-station hash).
    await recordAudit(trx, ctx, {
      action: 'station.check-in',
      targetType: 'station',
      targetId: stationId,
      orgId: row.org_id,
      summary: { checkInId, expiresAt, live: count + 1, capacity: row.capacity },
    })
    return { created: true, checkedInAt: nowIso, expiresAt, capacity: row.capacity }
  })
  return {
    created: result.created,
    checkedInAt: result.checkedInAt,
    expiresAt: result.expiresAt,
    occupancy: await occupancyOf(db, stationId, result.capacity, ctx.now),
  }
}

export const checkOutDevice = async (
  deps: StationsDeps,
  ctx: Ctx,
  stationId: string,
  deviceId: string,
) => {
  const { db } = deps
  const hash = deviceHash(deps.secret, stationId, deviceId)
  const nowIso = ctx.now.toISOString()
  const capacity = await withTransaction(db, async (trx) => {
    const row = await repo.findStationById(trx, stationId)
    if (!row) throw stationErrors.notFound(stationId)
    const live = await repo.findLiveCheckIn(trx, stationId, hash, nowIso)
    if (!live) throw stationErrors.notCheckedIn()
    await repo.checkOut(trx, live.id, nowIso)
    await recordAudit(trx, ctx, {
      action: 'station.check-out',
      targetType: 'station',
      targetId: stationId,
      orgId: row.org_id,
      summary: { checkInId: live.id },
    })
    return row.capacity
  })
  return { occupancy: await occupancyOf(db, stationId, capacity, ctx.now) }
}
