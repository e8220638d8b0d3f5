// The public open-data build (ADR 0028): how long it takes and how long it holds the event loop.
//
//   node --import tsx bench/open-data.mjs [--database-url file:bench/data/stations.db] [--org ID]
//                                         [--runs 2]
//
// Builds the GeoJSON and HSDS files of one org's subtree through the service, with the station
// cap raised to the org's size (the route caps public files at 5,000 stations; a larger org
// shows the cost more clearly), and measures wall time, CPU time and the event loop's delay
// (monitorEventLoopDelay, 5 ms resolution) while a build runs. Not a throughput benchmark: it
// shows whether a build lets other requests run. Data: bench/data/stations.db from
// apps/server/scripts/generate-stations.ts (see bench/README.md).
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { createDatabase } from '../apps/server/src/platform/db/create-db'
import { publicOpenData } from '../apps/server/src/modules/stations/open-data/open-data.service'
import {
  DATA_DIR,
  commandLine,
  int,
  machine,
  machineLine,
  ms,
  now,
  parseFlags,
  table,
  writeSection,
} from './lib.mjs'

const flags = parseFlags()
const url = flags['database-url'] ?? `file:${path.join(DATA_DIR, 'stations.db')}`
const runs = Number(flags.runs ?? 2)
const database = createDatabase(url)
const db = database.db

// The org with the most active stations of its own, unless one is named.
const orgId =
  flags.org ??
  (
    await db
      .selectFrom('station')
      .where('status', '=', 'active')
      .select(['org_id', db.fn.countAll().as('n')])
      .groupBy('org_id')
      .orderBy('n', 'desc')
      .executeTakeFirstOrThrow()
  ).org_id
const org = await db
  .selectFrom('org')
  .where('id', '=', orgId)
  .select(['name', 'path'])
  .executeTakeFirstOrThrow()
const stations = Number(
  (
    await db
      .selectFrom('station as s')
      .innerJoin('org as o', 'o.id', 's.org_id')
      .where('s.status', '=', 'active')
      .where('o.path', 'like', `${org.path}%`)
      .select(db.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
  ).n,
)

const m = machine()
console.log(machineLine(m))
const delay = monitorEventLoopDelay({ resolution: 5 })
delay.enable()
const pause = () => new Promise((resolve) => setTimeout(resolve, 50))
const rows = []
for (let run = 1; run <= runs; run++) {
  for (const format of ['geojson', 'hsds']) {
    await pause()
    delay.reset()
    const started = performance.now()
    const cpu = process.cpuUsage()
    // A new instant per build: the service caches a file for a minute of its clock.
    const at = new Date(Date.now() + run * 3_600_000)
    const bytes = await publicOpenData(db, format, orgId, at, {
      maxStations: stations,
      buildMsPerMinute: Infinity,
    })
    const used = process.cpuUsage(cpu)
    const wall = performance.now() - started
    await pause()
    const row = {
      format,
      run,
      mb: bytes.length / 1e6,
      wall,
      cpu: (used.user + used.system) / 1000,
      max: delay.max / 1e6,
      p99: delay.percentile(99) / 1e6,
    }
    rows.push(row)
    console.log(
      `${format.padEnd(7)} run ${run}: ${row.mb.toFixed(1)} MB, ${int(wall)} ms wall, ${int(row.cpu)} ms CPU, event-loop delay max ${ms(row.max)} ms, p99 ${ms(row.p99)} ms`,
    )
  }
}
await database.destroy()

writeSection(
  'open-data',
  [
    '## Public open-data build (GeoJSON, HSDS) and the event loop',
    '',
    `- date: ${now()}`,
    `- machine: ${machineLine(m)}`,
    `- data: ${org.name}'s subtree, ${int(stations)} active stations (${url.replace(/^file:.*\//, 'bench/data/')}); the route caps a public file at 5,000, the service is called with the cap raised`,
    `- command: \`${commandLine()}\``,
    "- method: `publicOpenData` in process, a new instant per build (no cache), the build-time budget lifted; `monitorEventLoopDelay` (5 ms resolution) reset before each build. A build in slices lets other requests run: the event loop's longest delay is the longest slice or pause, not the build.",
    '',
    table(
      ['format', 'run', 'MB', 'wall ms', 'CPU ms', 'loop delay max ms', 'loop delay p99 ms'],
      rows.map((r) => [
        r.format,
        r.run,
        r.mb.toFixed(1),
        int(r.wall),
        int(r.cpu),
        ms(r.max),
        ms(r.p99),
      ]),
    ),
  ].join('\n'),
)
