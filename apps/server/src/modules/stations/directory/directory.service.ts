import type { Db } from '../../../platform/db/create-db'
import { amenityMask as maskOf } from '../domain/amenities'
import { coordinateIssues } from '../domain/coords'
import type { Schedule } from '../domain/schedule'
import * as repo from '../stations.repository'
import type { DirectoryRow } from '../stations.repository'
import {
  COUNTRY_ZOOMS,
  createStationDirectory,
  type DirectoryEntry,
  type StationDirectory,
} from './station-directory'

/**
 * One directory per database handle (tests build many apps in one process), loaded on first
 * use and checked against the table's fingerprint at most every RECHECK_MS for writes made by
 * another process. Writes in this process patch it at once (`directoryPut`/`directoryRemove`).
 */
const RECHECK_MS = 10_000

/** Start loading in the background (at start-up), so the first worker does not wait for it. */
export const warmDirectory = (db: Db) => directoryOf(db).then(() => undefined)

/** Sends what the directory leaves out or fails to warm to `report` (null: nowhere). */
export const reportDirectoryTo = (db: Db, report: DirectoryReport | null) => {
  stateOf(db).report = report
}

/** Cancels a pending warm-up (the app is closing). */
export const stopDirectoryWarmUp = (db: Db) => {
  const s = states.get(db)
  if (s?.warmTimer) {
    clearTimeout(s.warmTimer)
    s.warmTimer = null
  }
}

/** After a change written in this process, wait this long for more before warming again. */
export const WARM_AFTER_CHANGE_MS = 1000
/** …but warm at the latest this long after the first change of a steady stream of them. */
const WARM_MAX_WAIT_MS = 5000

/**
 * The service validates every point it stores; a row written around it (raw SQL, another
 * tool) with an impossible point is kept out of the directory rather than failing every search
 * (the index refuses such points), whether it arrives by a load or by a reopen or edit here.
 */
const findable = (row: DirectoryRow) => coordinateIssues(row.lat, row.lng).length === 0

/**
 * After a load or a change: build the two grids and the whole-country clusters in the
 * background, one piece per event-loop turn, so that neither the first worker asking for the
 * nearest station nor the first visitor of the national map pays for them (the first zoom-3
 * clustering took 54 ms on a loaded machine, over the 50 ms target; bench/RESULTS.md). A piece
 * takes 5–60 ms at 200,000 stations; requests in between are served as they come.
 *
 * After a load it starts at once. After a change it waits WARM_AFTER_CHANGE_MS for the next
 * one (at most WARM_MAX_WAIT_MS in all): staff entering stations one after another would
 * otherwise rebuild the index after each.
 * A change while warming runs it again afterwards. A piece that throws ends this warm-up and
 * is not retried here: the next request that needs it meets the same error on its own path,
 * as it did before warming existed, instead of an uncaught exception ending the process.
 */
const requestWarm = (s: State, delayMs: number) => {
  if (s.warming) {
    s.warmAgain = true
    return
  }
  const now = Date.now()
  if (s.warmTimer) clearTimeout(s.warmTimer)
  else s.warmWantedSince = now
  const wait = Math.max(0, Math.min(delayMs, s.warmWantedSince + WARM_MAX_WAIT_MS - now))
  s.warmTimer = setTimeout(() => {
    s.warmTimer = null
    runWarm(s)
  }, wait)
  // A pending warm-up must not keep a finished process (or a test run) alive.
  s.warmTimer.unref()
}

const runWarm = (s: State) => {
  s.warming = true
  s.warmAgain = false
  const steps: Array<[string, () => unknown]> = [
    ['fine index', () => s.directory.warmIndex('fine')],
    ['coarse index', () => s.directory.warmIndex('coarse')],
    ...COUNTRY_ZOOMS.map((zoom): [string, () => unknown] => [
      `clusters at zoom ${zoom}`,
      () => s.directory.warmClusters(zoom),
    ]),
  ]
  const next = (i: number) => {
    let failed = false
    if (i < steps.length) {
      try {
        steps[i]![1]()
      } catch (err) {
        failed = true
        s.report?.warmFailed(steps[i]![0], err)
      }
    }
    if (i + 1 < steps.length && !failed) {
      setImmediate(() => next(i + 1))
      return
    }
    s.warming = false
    if (s.warmAgain && !failed) requestWarm(s, WARM_AFTER_CHANGE_MS)
  }
  next(0)
}

/** Where the directory tells the operator what it left out or could not warm (the app's log). */
export type DirectoryReport = {
  /** Active stations kept out of the directory for an impossible point. */
  skipped: (ids: string[]) => void
  /** A warm-up piece threw; the request that needs it meets the same error on its own path. */
  warmFailed: (piece: string, err: unknown) => void
}

type State = {
  report: DirectoryReport | null
  directory: StationDirectory
  fingerprint: string | null
  checkedAt: number
  loading: Promise<void> | null
  warming: boolean
  warmAgain: boolean
  warmTimer: ReturnType<typeof setTimeout> | null
  /** When the pending warm-up was first asked for (bounds the debounce). */
  warmWantedSince: number
}
const states = new WeakMap<object, State>()

export const entryOf = (
  row: DirectoryRow,
  parse: (json: string) => Schedule = (json) => JSON.parse(json) as Schedule,
): { entry: DirectoryEntry; schedule: Schedule } => ({
  entry: {
    id: row.id,
    orgPath: row.org_path,
    name: row.name,
    kind: row.kind,
    address: row.address,
    lat: row.lat,
    lng: row.lng,
    amenities: row.amenities,
    capacity: row.capacity,
    alwaysOpen: row.always_open === 1,
    scheduleId: row.schedule,
    haystack: `${row.name} ${row.address}`.toLowerCase(),
  },
  schedule: parse(row.schedule),
})

const stateOf = (db: Db): State => {
  let s = states.get(db)
  if (!s) {
    s = {
      report: null,
      directory: createStationDirectory(),
      fingerprint: null,
      checkedAt: 0,
      loading: null,
      warming: false,
      warmAgain: false,
      warmTimer: null,
      warmWantedSince: 0,
    }
    states.set(db, s)
  }
  return s
}

const reload = async (db: Db, s: State) => {
  const fingerprint = await repo.stationsFingerprint(db)
  if (fingerprint !== s.fingerprint) {
    const rows = await repo.listActiveStationsForDirectory(db)
    // Stations share a few timetables: parse each distinct JSON text once.
    const parsed = new Map<string, Schedule>()
    const parse = (json: string) => {
      let v = parsed.get(json)
      if (!v) parsed.set(json, (v = JSON.parse(json) as Schedule))
      return v
    }
    const unfindable = rows.filter((r) => !findable(r))
    if (unfindable.length > 0) s.report?.skipped(unfindable.map((r) => r.id))
    s.directory.replaceAll(rows.filter(findable).map((r) => entryOf(r, parse)))
    s.fingerprint = fingerprint
    requestWarm(s, 0)
  }
  s.checkedAt = Date.now()
}

/** The directory when it is loaded and fresh, without a promise (the hot path); else null. */
export const freshDirectory = (db: Db): StationDirectory | null => {
  const s = states.get(db)
  return s && s.fingerprint !== null && Date.now() - s.checkedAt < RECHECK_MS ? s.directory : null
}

/** The directory, loaded and fresh within RECHECK_MS. Never call inside a transaction. */
export const directoryOf = async (db: Db): Promise<StationDirectory> => {
  const s = stateOf(db)
  if (s.fingerprint !== null && Date.now() - s.checkedAt < RECHECK_MS) return s.directory
  if (!s.loading) {
    s.loading = reload(db, s).finally(() => {
      s.loading = null
    })
  }
  await s.loading
  return s.directory
}

/**
 * After a committed write in this process: patch the entry and refresh the fingerprint so
 * the next check does not reload the whole table for our own change.
 */
export const directoryApply = async (db: Db, row: DirectoryRow | undefined, id: string) => {
  const s = stateOf(db)
  // A load in flight may have read the table before this write committed: apply after it.
  if (s.loading) await s.loading.catch(() => undefined)
  if (s.fingerprint === null) return // not loaded yet: the first use loads everything
  if (row && row.status === 'active' && findable(row)) {
    const { entry, schedule } = entryOf(row)
    s.directory.put(entry, schedule)
  } else {
    if (row && row.status === 'active') s.report?.skipped([id])
    s.directory.remove(id)
  }
  requestWarm(s, WARM_AFTER_CHANGE_MS)
  s.fingerprint = await repo.stationsFingerprint(db)
}

/** After bulk writes (imports): reload on next use. */
export const directoryInvalidate = (db: Db) => {
  const s = stateOf(db)
  s.fingerprint = null
}

export { maskOf }
