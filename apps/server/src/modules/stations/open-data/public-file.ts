import type { Station } from '@unionhall/contracts'
import type { Db } from '../../../platform/db/create-db'
import * as stationsRepo from '../stations.repository'
import { toStation } from '../stations.service'
import { stationsToGeoJson } from './geojson'
import { stationsToHsds } from './hsds'

/**
 * The public open-data files (ADR 0028), built a few stations at a time.
 *
 * Why: anyone may ask for them, and the process that builds them also takes ballots and
 * answers the nearest-station page. Built in one piece, an HSDS file of 5,000 stations held the
 * main thread for 1–2.4 s (bench/RESULTS.md), and every request waited that long. Here the
 * stations are read a page of ids at a time and rendered SLICE at a time, with a turn of the
 * event loop between slices, so no step holds the thread for more than a few milliseconds.
 * The bytes are the same as JSON.stringify of the whole GeoJSON collection or HSDS dataset (a
 * test holds the writer to that).
 */

export type OpenDataFormat = 'geojson' | 'hsds'

/** Stations read from the database per query. */
const READ_PAGE = 100
/** Stations rendered per slice of the main thread (about 0.2–0.5 ms each in HSDS). */
const SLICE = 10

const turn = () => new Promise<void>((resolve) => setImmediate(resolve))

/** The document for a set of stations, as the one-piece exports build it. */
const documentOf = (format: OpenDataFormat, stations: readonly Station[]): object =>
  format === 'geojson'
    ? stationsToGeoJson(stations)
    : stationsToHsds(stations, { withoutContacts: true })

export type OpenDataWriter = {
  /** Renders the next stations (in file order) into the file's lists. */
  add: (stations: readonly Station[]) => void
  /** The whole file as UTF-8 bytes. */
  finish: () => Buffer
}

/**
 * Collects the file's lists as rendered JSON pieces. Every array of the document is a list
 * whose items follow each other across slices; organizations are listed once each, where
 * first met, as the one-piece builder does. Anything else in the document (the format's
 * version, its type) is the same for every slice and is written from an empty document.
 */
export const createOpenDataWriter = (format: OpenDataFormat): OpenDataWriter => {
  const pieces = new Map<string, Buffer[]>()
  const counts = new Map<string, number>()
  const orgIds = new Set<string>()
  const append = (list: string, items: readonly unknown[]) => {
    if (items.length === 0) return
    const before = counts.get(list) ?? 0
    const text = items.map((item) => JSON.stringify(item)).join(',')
    let bucket = pieces.get(list)
    if (!bucket) pieces.set(list, (bucket = []))
    bucket.push(Buffer.from(before > 0 ? `,${text}` : text))
    counts.set(list, before + items.length)
  }
  return {
    add: (stations) => {
      if (stations.length === 0) return
      for (const [key, value] of Object.entries(documentOf(format, stations))) {
        if (!Array.isArray(value)) continue
        if (key !== 'organizations') {
          append(key, value)
          continue
        }
        const unseen = value.filter((o: { id: string }) => !orgIds.has(o.id))
        for (const o of unseen) orgIds.add((o as { id: string }).id)
        append(key, unseen)
      }
    },
    finish: () => {
      const out: Buffer[] = []
      let first = true
      for (const [key, value] of Object.entries(documentOf(format, []))) {
        // JSON.stringify leaves out keys whose value it cannot write.
        if (value === undefined || typeof value === 'function' || typeof value === 'symbol')
          continue
        out.push(Buffer.from(`${first ? '{' : ','}${JSON.stringify(key)}:`))
        first = false
        if (Array.isArray(value))
          out.push(Buffer.from('['), ...(pieces.get(key) ?? []), Buffer.from(']'))
        else out.push(Buffer.from(JSON.stringify(value)))
      }
      out.push(Buffer.from(first ? '{}' : '}'))
      return Buffer.concat(out)
    },
  }
}

/**
 * Builds the public file of the active stations of an org's subtrees, yielding to other
 * requests between slices. `spent` receives the milliseconds of each synchronous slice, so
 * the caller can bound how much of the main thread anonymous downloads take.
 *
 * Stations are read a page at a time, not in one transaction: one that changes during the
 * build appears as it was when its page was read, and one closed or moved out of the subtree
 * meanwhile is left out.
 */
export const buildPublicFile = async (
  db: Db,
  format: OpenDataFormat,
  paths: readonly string[],
  now: Date,
  spent: (ms: number) => void = () => {},
): Promise<Buffer> => {
  const inScope = (orgPath: string) => paths.some((p) => orgPath.startsWith(p))
  const ids = await stationsRepo.listActiveStationIds(db, [...paths])
  const writer = createOpenDataWriter(format)
  for (let from = 0; from < ids.length; from += READ_PAGE) {
    const page = ids.slice(from, from + READ_PAGE)
    await turn()
    const rows = new Map((await stationsRepo.findStationsByIds(db, page)).map((r) => [r.id, r]))
    const ordered = page
      .map((id) => rows.get(id))
      .filter((r) => r !== undefined && r.status === 'active' && inScope(r.org_path))
    for (let at = 0; at < ordered.length; at += SLICE) {
      await turn()
      const started = performance.now()
      writer.add(ordered.slice(at, at + SLICE).map((r) => toStation(r!, now)))
      spent(performance.now() - started)
    }
  }
  await turn()
  const started = performance.now()
  const bytes = writer.finish()
  spent(performance.now() - started)
  return bytes
}
