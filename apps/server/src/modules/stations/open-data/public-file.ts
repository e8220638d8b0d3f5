import type { Station } from '@unionhall/contracts'
import type { Db } from '../../../platform/db/create-db'
import * as stationsRepo from '../stations.repository'
import type { StationWithOrg } from '../stations.repository'
import { toStation } from '../stations.service'
import { stationsToGeoJson } from './geojson'
import { stationsToHsds } from './hsds'

/**
 * The stations' open-data files (ADR 0028), built a few stations at a time: the public
 * downloads and the staff GeoJSON and HSDS exports.
 *
 * Why: anyone may ask for them, and the process that builds them also takes ballots and
 * answers the nearest-station page. Built in one piece, an HSDS file of 5,000 stations held the
 * main thread for 1–2.4 s (bench/RESULTS.md), and every request waited that long; a staff
 * export grows with the staff member's subtree (16,033 stations: 7.8 s). Here the stations
 * are read a page of ids at a time and rendered SLICE at a time, with a turn of the event loop
 * between slices, so no step holds the thread for more than a few milliseconds.
 * The bytes are the same as JSON.stringify of the whole GeoJSON collection or HSDS dataset (a
 * test holds the writer to that).
 */

export type OpenDataFormat = 'geojson' | 'hsds'

/** Stations read from the database per query. */
const READ_PAGE = 100
/** Stations rendered per slice of the main thread (about 0.2–0.5 ms each in HSDS). */
const SLICE = 10

const turn = () => new Promise<void>((resolve) => setImmediate(resolve))

/** HSDS only: what the file says about each station's person in charge. */
export type ContactOptions = {
  /** Public files: no contacts at all. */
  withoutContacts?: boolean
  /** Staff files on request: the decrypted mobiles by station id (an audited read). */
  contactMobiles?: ReadonlyMap<string, string>
}

/** The document for a set of stations, as the one-piece builders make it. */
const documentOf = (
  format: OpenDataFormat,
  stations: readonly Station[],
  contacts: ContactOptions,
): object =>
  format === 'geojson' ? stationsToGeoJson(stations) : stationsToHsds(stations, contacts)

export type OpenDataWriter = {
  /** Renders the next stations (in file order) into the file's lists. */
  add: (stations: readonly Station[], contactMobiles?: ReadonlyMap<string, string>) => void
  /** The whole file as UTF-8 bytes. */
  finish: () => Buffer
}

/**
 * Collects the file's lists as rendered JSON pieces. Every array of the document is a list
 * whose items follow each other across slices; organizations are listed once each, where
 * first met, as the one-piece builder does. Anything else in the document (the format's
 * version, its type) is the same for every slice and is written from an empty document.
 */
export const createOpenDataWriter = (
  format: OpenDataFormat,
  { withoutContacts = false }: { withoutContacts?: boolean } = {},
): OpenDataWriter => {
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
    add: (stations, contactMobiles) => {
      if (stations.length === 0) return
      const doc = documentOf(format, stations, { withoutContacts, contactMobiles })
      for (const [key, value] of Object.entries(doc)) {
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
      for (const [key, value] of Object.entries(documentOf(format, [], { withoutContacts }))) {
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

export type BuildOptions = {
  /** HSDS: leave out the contacts (public files). */
  withoutContacts?: boolean
  /** HSDS: the decrypted mobile of a station's person in charge, when the file carries them. */
  contactMobileOf?: (row: StationWithOrg) => string
  /** Receives the milliseconds of each synchronous slice (see publicOpenData's budget). */
  spent?: (ms: number) => void
}

/**
 * Builds the file of the active stations of the subtrees `paths`, yielding to other requests
 * between slices. Resolves to the bytes and the number of stations in them.
 *
 * Stations are read a page at a time, not in one transaction: one that changes during the
 * build appears as it was when its page was read, and one closed or moved out of the subtrees
 * meanwhile is left out.
 */
export const buildStationsFile = async (
  db: Db,
  format: OpenDataFormat,
  paths: readonly string[],
  now: Date,
  { withoutContacts = false, contactMobileOf, spent = () => {} }: BuildOptions = {},
): Promise<{ bytes: Buffer; count: number }> => {
  const inScope = (orgPath: string) => paths.some((p) => orgPath.startsWith(p))
  const ids = await stationsRepo.listActiveStationIds(db, [...paths])
  const writer = createOpenDataWriter(format, { withoutContacts })
  let count = 0
  for (let from = 0; from < ids.length; from += READ_PAGE) {
    const page = ids.slice(from, from + READ_PAGE)
    await turn()
    const rows = new Map((await stationsRepo.findStationsByIds(db, page)).map((r) => [r.id, r]))
    const ordered = page
      .map((id) => rows.get(id))
      .filter((r): r is StationWithOrg => !!r && r.status === 'active' && inScope(r.org_path))
    for (let at = 0; at < ordered.length; at += SLICE) {
      await turn()
      const started = performance.now()
      const slice = ordered.slice(at, at + SLICE)
      writer.add(
        slice.map((r) => toStation(r, now)),
        contactMobileOf ? new Map(slice.map((r) => [r.id, contactMobileOf(r)])) : undefined,
      )
      count += slice.length
      spent(performance.now() - started)
    }
  }
  await turn()
  const started = performance.now()
  const bytes = writer.finish()
  spent(performance.now() - started)
  return { bytes, count }
}
