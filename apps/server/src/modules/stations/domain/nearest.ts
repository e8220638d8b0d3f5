import { AppError } from '../../../platform/errors/app-error'
import { hasAmenities, isValidAmenityMask } from './amenities'
import { EARTH_RADIUS_M, assertLatLng } from './coords'
import { isOpenAt, type HolidayCalendar, type Schedule } from './schedule'

/**
 * The in-memory spatial index behind "the 5 nearest stations open now with a microwave":
 * up to ~200,000 stations (about 186,100 exist in China), rebuilt from the table when
 * stations change, answering k-nearest queries by great-circle distance with a filter.
 *
 * How it searches: stations sit in a grid of square cells in degrees over the bounding box of
 * the stations (default 0.2°, about 22 km north–south: a dense city's cell holds thousands,
 * which the latitude prune below makes cheap, while a sparse province, or a filter almost
 * nothing passes, then costs few cells). They are stored as one array sorted by cell in
 * row-major order with per-cell offsets (no object per cell), so the cells of one row segment
 * are one contiguous run. A query visits rings of cells around its own cell, outward.
 * After each ring it computes a true lower bound on the distance to any station not yet
 * visited — the distance to the nearest edge of the searched square: along a meridian for the
 * north and south edges, to the meridian great circle for the east and west edges — and
 * stops once it holds k matches and the k-th is no farther than that bound. So the answer is
 * exact, not approximate, whatever the cell size; the cell size only trades memory for speed.
 *
 * Decisions:
 * - Distances are haversine on a sphere of the mean Earth radius (good to ~0.5 % against the
 *   ellipsoid, which is fine for "which is nearer"); input and stored points are WGS-84.
 * - Work per station, cheapest first: the required-amenity mask (one AND on a typed array),
 *   the latitude difference against the current k-th distance, the squared chord between unit
 *   vectors (equal to 4× the haversine term, without trigonometry per station), and only
 *   for a station that would enter the current top k the caller's filter ("open now"
 *   evaluates a schedule and is by far the most expensive test). The filter must therefore be
 *   pure: how often it is called is not part of the contract.
 * - Ties in distance keep the station met first; results are sorted nearest first.
 * - Poles and the antimeridian: the grid does not wrap, but the stop bound measures longitude
 *   the short way round the globe, so a query near ±180° or near a pole is still exact; it
 *   simply visits more (or all) cells before it can stop. Stations are a mainland-China
 *   service, where neither happens.
 * - The grid has at most 4 million cells: stations spread over a larger box get coarser cells.
 * - Queries are validated (CoordinateError / 400 for lat/lng; 400 for k outside 1..1000).
 */

export type StationPoint = {
  id: string
  /** WGS-84 degrees. */
  lat: number
  lng: number
  /** Bitmask over amenities.ts. */
  amenities: number
  /** Which schedule applies (schedules are shared and looked up by the caller). */
  scheduleId: string
}

export type NearestHit<S> = { station: S; distanceM: number }

export type StationFilter<S> = (station: S) => boolean

export type StationIndexOptions = {
  cellDeg?: number
  /**
   * An integer per station kept in a typed array beside the coordinates (the directory stores
   * its timetable slot), so `tagFilter` can test it without touching the station object: on
   * a hot path that is a cache miss saved per candidate.
   */
  tagOf?: (station: StationPoint) => number
}

export type NearestOptions = {
  /**
   * Amenities every result must offer, as a mask. Tested inline on a typed array before any
   * distance or filter work, so prefer it to testing amenities inside `filter`.
   */
  amenities?: number
  /** Tested on the station's tag (see StationIndexOptions.tagOf) before `filter`. */
  tagFilter?: (tag: number) => boolean
}

export const DEFAULT_CELL_DEG = 0.2
export const MAX_K = 1000
const MAX_CELLS = 4_000_000

const RAD = Math.PI / 180
const M_PER_DEG_LAT = EARTH_RADIUS_M * RAD
const distanceOfH = (h: number) => 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))

const unknownAmenities = () =>
  new AppError('VALIDATION_FAILED', 400, 'Unknown amenities requested', [
    { path: 'amenities', message: 'contains an unknown amenity' },
  ])

/** Margin for the stop test against floating-point error in cell assignment (metres). */
const BOUND_EPSILON_M = 0.01

/** Angular distance in degrees from longitude x to the arc [a, b] (a ≤ b), the short way. */
const lngDistanceToArc = (x: number, a: number, b: number): number => {
  const t = (((x - a) % 360) + 360) % 360
  if (t <= b - a) return 0
  const toA = Math.min(t, 360 - t)
  const u = (((x - b) % 360) + 360) % 360
  const toB = Math.min(u, 360 - u)
  return Math.min(toA, toB)
}

export type StationIndex<S extends StationPoint> = {
  readonly size: number
  /** The k nearest stations passing `filter`, nearest first (fewer when fewer pass). */
  nearest(
    lat: number,
    lng: number,
    k: number,
    filter?: StationFilter<S>,
    options?: NearestOptions,
  ): NearestHit<S>[]
  /**
   * The same answer, or null when it is not proven within `maxRings` rings of cells around the
   * query (a sparse area for this cell size): the caller then asks a coarser index. Bounds the
   * work a fine grid spends where stations are few.
   */
  tryNearest(
    lat: number,
    lng: number,
    k: number,
    maxRings: number,
    filter?: StationFilter<S>,
    options?: NearestOptions,
  ): NearestHit<S>[] | null
  /**
   * The allocation-free form of `tryNearest` for a hot path: runs the query and leaves its
   * answer in the index's buffers. Returns the number of hits (read them with `stationAt` and
   * `distanceAt` before the next query on this index), or -1 when not settled within
   * `maxRings`. Not reentrant: `filter` must not query the same index.
   */
  search(
    lat: number,
    lng: number,
    k: number,
    maxRings: number,
    filter?: StationFilter<S>,
    options?: NearestOptions,
  ): number
  /** The i-th hit of the last `search`, nearest first. */
  stationAt(i: number): S
  /** Its distance in metres. */
  distanceAt(i: number): number
}

export const createStationIndex = <S extends StationPoint>(
  input: readonly S[],
  options: StationIndexOptions = {},
): StationIndex<S> => {
  input.forEach((s, i) => assertLatLng(s.lat, s.lng, `stations.${i}.`))
  const n = input.length
  let lat0 = Infinity
  let lng0 = Infinity
  let latMax = -Infinity
  let lngMax = -Infinity
  for (const s of input) {
    lat0 = Math.min(lat0, s.lat)
    latMax = Math.max(latMax, s.lat)
    lng0 = Math.min(lng0, s.lng)
    lngMax = Math.max(lngMax, s.lng)
  }
  let cell = options.cellDeg ?? DEFAULT_CELL_DEG
  if (!(cell > 0) || !Number.isFinite(cell)) throw new RangeError('cellDeg must be positive')
  if (n > 0) {
    const area = (latMax - lat0 + cell) * (lngMax - lng0 + cell)
    if (area / (cell * cell) > MAX_CELLS) cell = Math.sqrt(area / MAX_CELLS) * 1.01
  }
  const rows = n > 0 ? Math.floor((latMax - lat0) / cell) + 1 : 0
  const cols = n > 0 ? Math.floor((lngMax - lng0) / cell) + 1 : 0
  const rowOf = (lat: number) => Math.min(rows - 1, Math.floor((lat - lat0) / cell))
  const colOf = (lng: number) => Math.min(cols - 1, Math.floor((lng - lng0) / cell))

  // Counting sort of the stations by cell: cellStart[c]..cellStart[c + 1] are cell c's.
  const cellStart = new Int32Array(rows * cols + 1)
  const cellOf = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    const s = input[i]!
    const c = rowOf(s.lat) * cols + colOf(s.lng)
    cellOf[i] = c
    cellStart[c + 1]!++
  }
  for (let c = 0; c < rows * cols; c++) cellStart[c + 1]! += cellStart[c]!
  const fill = cellStart.slice(0, rows * cols)
  const stations: S[] = new Array<S>(n)
  // Per station, interleaved [x, y, z, lat] (one cache line holds two stations): x, y, z is
  // the unit vector — the squared chord between two of them is 4h (h the haversine term), so
  // the inner loop ranks stations with three subtractions instead of two sines per station.
  const sGeo = new Float64Array(n * 4)
  const sAmenities = new Int32Array(n)
  const sTag = new Int32Array(n)
  const tagOf = options.tagOf
  for (let i = 0; i < n; i++) {
    const s = input[i]!
    const p = fill[cellOf[i]!]!++
    stations[p] = s
    const cosS = Math.cos(s.lat * RAD)
    sGeo[p * 4] = cosS * Math.cos(s.lng * RAD)
    sGeo[p * 4 + 1] = cosS * Math.sin(s.lng * RAD)
    sGeo[p * 4 + 2] = Math.sin(s.lat * RAD)
    sGeo[p * 4 + 3] = s.lat
    sAmenities[p] = s.amenities
    if (tagOf) sTag[p] = tagOf(s)
  }
  // The current top k of a query, reused by every query (a query runs to completion without
  // yielding, so one buffer per index is safe): no allocation per query.
  const bestPos = new Int32Array(MAX_K)
  /** Haversine terms h (monotonic in distance), ascending; distance = 2R·asin(√h). */
  const bestH = new Float64Array(MAX_K)

  // The query being answered. A query runs to completion without yielding, so one set of
  // state serves every query on this index; keeping it here rather than in closures made per
  // query saves their allocation on the nearest route, the hottest public path.
  let qLat = 0
  let qLng = 0
  let qx = 0
  let qy = 0
  let qz = 0
  let qCosLat = 1
  let qi = 0
  let qj = 0
  let qK = 0
  let qRequired = 0
  let qTagFilter: ((tag: number) => boolean) | undefined
  let qFilter: StationFilter<S> | undefined
  let count = 0
  let kthM = Infinity

  /** Offers the stations at sorted positions [from, to). */
  const visit = (from: number, to: number) => {
    const required = qRequired
    const k = qK
    for (let p = from; p < to; p++) {
      if ((sAmenities[p]! & required) !== required) continue
      // Cheap prune: the latitude difference alone is a lower bound on the distance.
      const g = p * 4
      if (Math.abs(sGeo[g + 3]! - qLat) * M_PER_DEG_LAT >= kthM) continue
      const dx = sGeo[g]! - qx
      const dy = sGeo[g + 1]! - qy
      const dz = sGeo[g + 2]! - qz
      const h = (dx * dx + dy * dy + dz * dz) * 0.25
      const full = count === k
      if (full && h >= bestH[k - 1]!) continue
      if (qTagFilter && !qTagFilter(sTag[p]!)) continue
      if (qFilter && !qFilter(stations[p]!)) continue
      // Insertion into the sorted top k (k is small).
      let at = full ? k - 1 : count
      while (at > 0 && bestH[at - 1]! > h) {
        bestH[at] = bestH[at - 1]!
        bestPos[at] = bestPos[at - 1]!
        at--
      }
      bestH[at] = h
      bestPos[at] = p
      if (!full) count++
      if (count === k) kthM = distanceOfH(bestH[k - 1]!)
    }
  }
  /** Row i, columns jFrom..jTo: one contiguous run of the sorted array (row-major cells). */
  const visitRow = (i: number, jFrom: number, jTo: number) =>
    visit(cellStart[i * cols + jFrom]!, cellStart[i * cols + jTo + 1]!)

  /** Lower bound on the distance to any station outside rings 0..r. */
  const boundAfterRing = (r: number) => {
    let bound = Infinity
    const north = qi + r + 1 // rows ≥ north are unvisited
    if (north <= rows - 1)
      bound = Math.min(bound, EARTH_RADIUS_M * (lat0 + north * cell - qLat) * RAD)
    const south = qi - r // rows < south are unvisited
    if (south >= 1) bound = Math.min(bound, EARTH_RADIUS_M * (qLat - (lat0 + south * cell)) * RAD)
    let dLng = Infinity
    const west = qj - r // columns < west are unvisited
    if (west >= 1) dLng = Math.min(dLng, lngDistanceToArc(qLng, lng0, lng0 + west * cell))
    const east = qj + r + 1 // columns ≥ east are unvisited
    if (east <= cols - 1) {
      dLng = Math.min(dLng, lngDistanceToArc(qLng, lng0 + east * cell, lng0 + cols * cell))
    }
    if (dLng < Infinity) {
      // Distance to the meridian great circle dLng away (via the pole beyond 90°).
      const s = Math.sin(Math.min(dLng, 90) * RAD) * qCosLat
      bound = Math.min(bound, EARTH_RADIUS_M * Math.asin(Math.min(1, s)))
    }
    return bound
  }

  const search = (
    lat: number,
    lng: number,
    k: number,
    maxRings: number,
    filter: StationFilter<S> | undefined,
    options: NearestOptions | undefined,
  ): number => {
    assertLatLng(lat, lng)
    if (!Number.isInteger(k) || k < 1 || k > MAX_K) {
      throw new AppError('VALIDATION_FAILED', 400, `k must be an integer from 1 to ${MAX_K}`, [
        { path: 'k', message: `must be an integer from 1 to ${MAX_K}` },
      ])
    }
    const required = options?.amenities ?? 0
    if (!isValidAmenityMask(required)) throw unknownAmenities()
    count = 0
    if (n === 0) return 0
    qLat = lat
    qLng = lng
    qCosLat = Math.cos(lat * RAD)
    qx = qCosLat * Math.cos(lng * RAD)
    qy = qCosLat * Math.sin(lng * RAD)
    qz = Math.sin(lat * RAD)
    // Unclamped: a query outside the grid starts from a virtual cell and rings reach in.
    qi = Math.floor((lat - lat0) / cell)
    qj = Math.floor((lng - lng0) / cell)
    qK = k
    qRequired = required
    qTagFilter = options?.tagFilter
    qFilter = filter
    kthM = Infinity
    try {
      for (let r = 0; ; r++) {
        const iLo = qi - r
        const iHi = qi + r
        const jLo = qj - r
        const jHi = qj + r
        const jFrom = Math.max(0, jLo)
        const jTo = Math.min(cols - 1, jHi)
        if (jFrom <= jTo) {
          if (iLo >= 0 && iLo < rows) visitRow(iLo, jFrom, jTo)
          if (r > 0 && iHi >= 0 && iHi < rows) visitRow(iHi, jFrom, jTo)
        }
        const iFrom = Math.max(0, iLo + 1)
        const iTo = Math.min(rows - 1, iHi - 1)
        if (r > 0 && iFrom <= iTo) {
          if (jLo >= 0 && jLo < cols) for (let i = iFrom; i <= iTo; i++) visitRow(i, jLo, jLo)
          if (jHi >= 0 && jHi < cols) for (let i = iFrom; i <= iTo; i++) visitRow(i, jHi, jHi)
        }
        const coversGrid = iLo <= 0 && iHi >= rows - 1 && jLo <= 0 && jHi >= cols - 1
        if (coversGrid) break
        if (kthM <= boundAfterRing(r) - BOUND_EPSILON_M) break
        if (r >= maxRings) return -1
      }
    } finally {
      // Do not keep the caller's filters alive between queries.
      qTagFilter = undefined
      qFilter = undefined
    }
    return count
  }

  const hitsOf = (found: number): NearestHit<S>[] | null => {
    if (found < 0) return null
    const hits: NearestHit<S>[] = new Array<NearestHit<S>>(found)
    for (let i = 0; i < found; i++) {
      hits[i] = { station: stations[bestPos[i]!]!, distanceM: distanceOfH(bestH[i]!) }
    }
    return hits
  }

  return {
    size: n,
    nearest: (lat, lng, k, filter, options) =>
      hitsOf(search(lat, lng, k, Infinity, filter, options))!,
    tryNearest: (lat, lng, k, maxRings, filter, options) =>
      hitsOf(search(lat, lng, k, maxRings, filter, options)),
    search,
    stationAt: (i) => stations[bestPos[i]!]!,
    distanceAt: (i) => distanceOfH(bestH[i]!),
  }
}

/**
 * The usual filter: the station offers every amenity in `required` and its schedule is open at
 * `at`. Stations whose schedule is unknown are treated as closed. The amenity test runs first
 * because it is one AND.
 */
export const openWithAmenities = <S extends StationPoint>(opts: {
  at: Date | number
  required?: number
  scheduleOf: (scheduleId: string) => Schedule | undefined
  calendar: HolidayCalendar
}): StationFilter<S> => {
  const required = opts.required ?? 0
  if (!isValidAmenityMask(required)) throw unknownAmenities()
  const at = opts.at instanceof Date ? opts.at.getTime() : opts.at
  return (station) => {
    if (!hasAmenities(station.amenities, required)) return false
    const schedule = opts.scheduleOf(station.scheduleId)
    return schedule !== undefined && isOpenAt(schedule, at, opts.calendar)
  }
}
