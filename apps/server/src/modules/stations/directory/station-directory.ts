import { amenityCodes, type AmenityCode } from '../domain/amenities'
import { cnHolidayCalendar } from '../domain/cn-holidays'
import { createStationIndex, type StationIndex, type StationPoint } from '../domain/nearest'
import { isOpenAt, type HolidayCalendar, type Schedule } from '../domain/schedule'
import { findPlaces, type Place } from './places'
import { parseStationQuery, type UnderstoodQuery } from './text-query'

/**
 * The in-memory directory of active stations behind every public finding path (nearest,
 * map clusters, open-now counts): no SQL per request.
 *
 * Decisions:
 * - Entries are patched one at a time on each write in this process (`put`/`remove`), and
 *   the spatial index is rebuilt from the entries (a counting sort, tens of milliseconds at
 *   200,000 stations) instead of re-reading the table: in the background after a change
 *   (directory.service.ts, ADR 0020), or by the next query that needs it first.
 * - Writes from another process are noticed through `station_directory_version`, which every
 *   write bumps (ADR 0016), checked at most every 10 s; then the whole directory is reloaded.
 * - Schedules are interned by their JSON text: most stations share a handful of timetables,
 *   and the nearest filter looks them up by that key.
 * - Map clusters are a grid over Web Mercator per zoom level, computed once per zoom and
 *   directory version and then cut to the requested box.
 */
export type DirectoryEntry = {
  id: string
  orgPath: string
  name: string
  kind: string
  address: string
  lat: number
  lng: number
  amenities: number
  capacity: number
  alwaysOpen: boolean
  /** The schedule's JSON text, the key into the interned schedules. */
  scheduleId: string
  /** Lower-cased name + address for text matching. */
  haystack: string
  /** Set by the directory: the interned schedule's slot (for the open-now memo). */
  slot?: number
  /** Set by the public service: this station's part of the nearest answer, in UTF-8, rendered once. */
  fragment?: Buffer
  /** Set by the directory: Web Mercator x and y in [0, 1] (clusters need them at every zoom). */
  mercatorX?: number
  mercatorY?: number
}

export type DirectoryHit = { entry: DirectoryEntry; distanceM: number; openNow: boolean }

export type ClusterCell = {
  lat: number
  lng: number
  count: number
  id: string | null
  name: string | null
  expansionZoom: number | null
}

export type StationDirectory = {
  readonly size: number
  readonly version: number
  put(entry: DirectoryEntry, schedule: Schedule): void
  remove(id: string): void
  replaceAll(entries: ReadonlyArray<{ entry: DirectoryEntry; schedule: Schedule }>): void
  get(id: string): DirectoryEntry | undefined
  scheduleOf(entry: DirectoryEntry): Schedule
  isOpen(entry: DirectoryEntry, at: number): boolean
  nearest(opts: {
    lat: number
    lng: number
    k: number
    at: number
    openNow: boolean
    amenityMask: number
    query: UnderstoodQuery
    maxDistanceM?: number
  }): DirectoryHit[]
  clusters(opts: {
    west: number
    south: number
    east: number
    north: number
    zoom: number
    /** Only stations of these subtrees (outermost paths). */
    paths?: readonly string[]
  }): ClusterCell[]
  /**
   * Places whose name or address has every word (lower-cased), most stations first: what the
   * search box finds when a worker types a place instead of a need (places.ts).
   */
  places(words: readonly string[], limit: number): Place[]
  /** Every entry in the subtrees (for roll-ups); paths must be outermost. */
  inSubtrees(paths: readonly string[]): DirectoryEntry[]
  /**
   * Computes the whole-directory clusters of one zoom into the per-zoom cache, unless they are
   * cached already; returns false when they were. Lets the loader pay for the first
   * whole-country view instead of the first visitor.
   */
  warmClusters(zoom: number): boolean
  /**
   * Builds one of the two grids now if a change dropped it (it is otherwise built by the next
   * query that needs it); returns false when it was built already.
   */
  warmIndex(grid: 'fine' | 'coarse'): boolean
  /** Whether the whole-directory clusters of a zoom are cached (read-only, for tests and metrics). */
  clustersCached(zoom: number): boolean
}

/** The zooms of the whole-country view (a phone shows China at 3–4, a desktop at 4–5). */
export const COUNTRY_ZOOMS: readonly number[] = [3, 4, 5]

/**
 * Two grids over the same stations: fine cells keep the work small where stations are dense
 * (a city centre), and a query the fine grid cannot settle within a few rings of cells (a
 * sparse region) goes to the coarse grid, which reaches far with few cells. Both are exact.
 */
export type DirectoryOptions = { cellDeg?: number; coarseCellDeg?: number; fineRings?: number }
export const DEFAULT_FINE_CELL_DEG = 0.025
export const DEFAULT_COARSE_CELL_DEG = 0.25
export const DEFAULT_FINE_RINGS = 4
const NO_WORDS: readonly string[] = []

/** Above this zoom every station is its own marker. */
export const CLUSTER_MAX_ZOOM = 16
/** Grid cell size in screen pixels (Leaflet tiles are 256 px). */
const CLUSTER_CELL_PX = 64

const mercatorY = (lat: number) => {
  const s = Math.sin((Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180)
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)
}

export const createStationDirectory = (
  calendar: HolidayCalendar = cnHolidayCalendar,
  options: DirectoryOptions = {},
): StationDirectory => {
  const fineCell = options.cellDeg ?? DEFAULT_FINE_CELL_DEG
  const coarseCell = options.coarseCellDeg ?? DEFAULT_COARSE_CELL_DEG
  const fineRings = options.fineRings ?? DEFAULT_FINE_RINGS
  const entries = new Map<string, DirectoryEntry>()
  const schedules = new Map<string, Schedule>()
  // Open-now memo per interned schedule: timetables change state only on whole minutes, so
  // one evaluation per schedule per minute answers every station that shares it.
  const slots = new Map<string, number>()
  const slotSchedules: Schedule[] = []
  const memoMinute: number[] = []
  const memoOpen: boolean[] = []
  // Built lazily and separately: most queries are settled by the fine grid, and the coarse one
  // is needed only for sparse places (each takes tens of milliseconds at 200,000 stations).
  let fineIndex: StationIndex<DirectoryEntry> | null = null
  let coarseIndex: StationIndex<DirectoryEntry> | null = null
  let version = 0
  // Place searches scan every entry (about 10 ms at 200,000 stations); the same few place names
  // are asked again and again, so answers are kept until the directory changes.
  const placeCache = new Map<string, Place[]>()
  const PLACE_CACHE_SIZE = 500
  const clusterCache = new Map<number, ClusterCell[]>()

  const changed = () => {
    fineIndex = null
    coarseIndex = null
    version++
    clusterCache.clear()
    placeCache.clear()
  }
  const intern = (entry: DirectoryEntry, schedule: Schedule) => {
    let slot = slots.get(entry.scheduleId)
    if (slot === undefined) {
      slot = slotSchedules.length
      slots.set(entry.scheduleId, slot)
      schedules.set(entry.scheduleId, schedule)
      slotSchedules.push(schedule)
      memoMinute.push(NaN)
      memoOpen.push(false)
    }
    entry.slot = slot
    entry.mercatorX = (entry.lng + 180) / 360
    entry.mercatorY = mercatorY(entry.lat)
  }
  const tagOf = (e: StationPoint) => (e as DirectoryEntry).slot!
  const fineOf = () =>
    (fineIndex ??= createStationIndex([...entries.values()], { cellDeg: fineCell, tagOf }))
  const coarseOf = () =>
    (coarseIndex ??= createStationIndex([...entries.values()], { cellDeg: coarseCell, tagOf }))
  // The instant the current nearest query asks about, read by the one open-now tag filter
  // (queries are synchronous): no closure or options object is made per query.
  let queryAt = 0
  const openAtQueryTime = (slot: number) => isSlotOpen(slot, queryAt)
  const searchOptions: { amenities: number; tagFilter?: (tag: number) => boolean } = {
    amenities: 0,
    tagFilter: undefined,
  }
  const scheduleOf = (e: DirectoryEntry) => schedules.get(e.scheduleId)!
  // No shortcut for alwaysOpen: a 24-hour station can still close on an exception date.
  const isOpen = (e: DirectoryEntry, at: number) => isSlotOpen(e.slot!, at)
  const isSlotOpen = (slot: number, at: number) => {
    const minute = Math.floor(at / 60_000)
    if (memoMinute[slot] === minute) return memoOpen[slot]!
    const open = isOpenAt(slotSchedules[slot]!, minute * 60_000, calendar)
    memoMinute[slot] = minute
    memoOpen[slot] = open
    return open
  }

  const entriesIn = (paths: readonly string[]) => {
    const out: DirectoryEntry[] = []
    for (const e of entries.values()) {
      if (paths.some((p) => e.orgPath.startsWith(p))) out.push(e)
    }
    return out
  }
  const computeClusters = (zoom: number, within: Iterable<DirectoryEntry>): ClusterCell[] => {
    if (zoom > CLUSTER_MAX_ZOOM) {
      return [...within].map((e) => ({
        lat: e.lat,
        lng: e.lng,
        count: 1,
        id: e.id,
        name: e.name,
        expansionZoom: null,
      }))
    }
    const cells = 2 ** zoom * (256 / CLUSTER_CELL_PX)
    type Acc = { n: number; lat: number; lng: number; first: DirectoryEntry }
    const acc = new Map<number, Acc>()
    for (const e of within) {
      const cx = Math.min(cells - 1, Math.floor(e.mercatorX! * cells))
      const cy = Math.min(cells - 1, Math.max(0, Math.floor(e.mercatorY! * cells)))
      const key = cy * cells + cx
      const a = acc.get(key)
      if (a) {
        a.n++
        a.lat += e.lat
        a.lng += e.lng
      } else acc.set(key, { n: 1, lat: e.lat, lng: e.lng, first: e })
    }
    const out: ClusterCell[] = []
    for (const a of acc.values()) {
      out.push(
        a.n === 1
          ? {
              lat: a.lat,
              lng: a.lng,
              count: 1,
              id: a.first.id,
              name: a.first.name,
              expansionZoom: null,
            }
          : {
              lat: a.lat / a.n,
              lng: a.lng / a.n,
              count: a.n,
              id: null,
              name: null,
              expansionZoom: Math.min(CLUSTER_MAX_ZOOM + 1, zoom + 2),
            },
      )
    }
    return out
  }

  return {
    get size() {
      return entries.size
    },
    get version() {
      return version
    },
    put(entry, schedule) {
      intern(entry, schedule)
      entries.set(entry.id, entry)
      changed()
    },
    remove(id) {
      if (entries.delete(id)) changed()
    },
    replaceAll(list) {
      entries.clear()
      schedules.clear()
      slots.clear()
      slotSchedules.length = 0
      memoMinute.length = 0
      memoOpen.length = 0
      for (const { entry, schedule } of list) {
        intern(entry, schedule)
        entries.set(entry.id, entry)
      }
      changed()
    },
    get: (id) => entries.get(id),
    scheduleOf,
    isOpen,
    nearest({ lat, lng, k, at, openNow, amenityMask, query, maxDistanceM }) {
      const words = query.text ? query.text.split(' ') : NO_WORDS
      const required = amenityMask | query.amenityMask
      const needs24h = query.alwaysOpen
      // Open now alone (the usual query) is tested on the timetable slot kept in the index, so
      // candidates are ranked without touching their entry objects; text and 24-hour filters
      // need the entry.
      queryAt = at
      searchOptions.amenities = required
      searchOptions.tagFilter = openNow ? openAtQueryTime : undefined
      const filter =
        needs24h || words.length > 0
          ? (e: DirectoryEntry) =>
              (!needs24h || e.alwaysOpen) && words.every((w) => e.haystack.includes(w))
          : undefined
      let from = fineOf()
      let found = from.search(lat, lng, k, fineRings, filter, searchOptions)
      if (found < 0) {
        from = coarseOf()
        found = from.search(lat, lng, k, Infinity, filter, searchOptions)
      }
      const out: DirectoryHit[] = []
      for (let i = 0; i < found; i++) {
        const distanceM = from.distanceAt(i)
        if (maxDistanceM !== undefined && distanceM > maxDistanceM) break
        const entry = from.stationAt(i)
        out.push({ entry, distanceM, openNow: isOpen(entry, at) })
      }
      return out
    },
    clusters({ west, south, east, north, zoom, paths }) {
      // An org's own map (staff roll-ups) is computed on the fly from its subtree; the public
      // whole-directory view is cached per zoom.
      let all = paths ? computeClusters(zoom, entriesIn(paths)) : clusterCache.get(zoom)
      if (!all) {
        all = computeClusters(zoom, entries.values())
        clusterCache.set(zoom, all)
      }
      const wraps = west > east
      return all.filter(
        (c) =>
          c.lat >= south &&
          c.lat <= north &&
          (wraps ? c.lng >= west || c.lng <= east : c.lng >= west && c.lng <= east),
      )
    },
    places(words, limit) {
      const key = `${limit}\u0000${words.join(' ')}`
      let found = placeCache.get(key)
      if (!found) {
        found = findPlaces(entries.values(), words, limit)
        if (placeCache.size >= PLACE_CACHE_SIZE) placeCache.clear()
        placeCache.set(key, found)
      }
      return found
    },
    inSubtrees: entriesIn,
    warmIndex(grid) {
      if (grid === 'fine' ? fineIndex : coarseIndex) return false
      if (grid === 'fine') fineOf()
      else coarseOf()
      return true
    },
    clustersCached: (zoom) => clusterCache.has(zoom),
    warmClusters(zoom) {
      if (clusterCache.has(zoom)) return false
      clusterCache.set(zoom, computeClusters(zoom, entries.values()))
      return true
    },
  }
}

export const amenityList = (mask: number): AmenityCode[] => amenityCodes(mask)

export { parseStationQuery }
