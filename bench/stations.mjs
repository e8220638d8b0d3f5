// Nearest-station benchmark (issue 4): over 200,000 generated stations (see
// apps/server/scripts/station-generator.ts), "the 5 nearest stations open now with an amenity".
//
//   1. in process: the product's StationDirectory answering 10,000 random (place, instant,
//      amenity) queries; p50/p99 per query (target p99 < 5 ms);
//   2. oracle: the same 10,000 queries answered by brute force (every station, nearest first,
//      the first 5 that pass) must give the same stations in the same order;
//   3. map clusters for the whole-country view (zooms 3–5), cold and cached (target < 50 ms);
//   4. over HTTP: GET /api/v1/public/stations/nearest (random points, openNow, an amenity) with
//      wrk against the same server's GET /api/v1/noop, alternated, in the same run (target ≥ 0.7),
//      plus the whole-country clusters request timed over HTTP.
//
//   node --import tsx bench/stations.mjs [--count 200000] [--queries 10000] [--rounds 3] [--duration 10]
//        [--skip-http] [--skip-oracle] [--database-url file:bench/data/stations.db] [--cpu-prof DIR]
//
// --cpu-prof DIR writes a V8 CPU profile of the server when it stops (read it with
// `node bench/profile-summary.mjs`); the figures of such a run are not recorded.
//
// The HTTP part needs the station database: npx tsx apps/server/scripts/generate-stations.ts
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import {
  DATA_DIR,
  ROOT,
  commandLine,
  int,
  machine,
  machineLine,
  median,
  ms,
  now,
  parseFlags,
  percentile,
  startServer,
  table,
  writeSection,
} from './lib.mjs'
import { luaString, requireWrk, runWrkMeasured } from './wrk.mjs'

const { generateStations, generateQueryPoints, generateInstants } =
  await import('../apps/server/scripts/station-generator.ts')
const { createStationDirectory } =
  await import('../apps/server/src/modules/stations/directory/station-directory.ts')
const { parseStationQuery } =
  await import('../apps/server/src/modules/stations/directory/text-query.ts')
const { isOpenAt } = await import('../apps/server/src/modules/stations/domain/schedule.ts')
const { cnHolidayCalendar } =
  await import('../apps/server/src/modules/stations/domain/cn-holidays.ts')
const { haversineM } = await import('../apps/server/src/modules/stations/domain/coords.ts')
const { AMENITIES } = await import('../apps/server/src/modules/stations/domain/amenities.ts')

const flags = parseFlags()
const COUNT = Number(flags.count ?? 200_000)
const QUERIES = Number(flags.queries ?? 10_000)
const ROUNDS = Math.min(5, Math.max(1, Number(flags.rounds ?? 3)))
const DURATION = Number(flags.duration ?? 10)
const CONNECTIONS = Number(flags.connections ?? 100)
const K = 5
const databaseUrl = flags['database-url'] ?? `file:${path.join(DATA_DIR, 'stations.db')}`
const m = machine()
console.log(machineLine(m))

// ---------- 1. in process ----------
let t0 = performance.now()
const { stations, schedules } = generateStations(COUNT)
const genMs = performance.now() - t0
const CELL = flags.cell ? Number(flags.cell) : undefined // fine grid cell size (default 0.025°)
const directory = createStationDirectory(undefined, { cellDeg: CELL })
t0 = performance.now()
directory.replaceAll(
  stations.map((s) => ({
    entry: {
      id: s.id,
      orgPath: '/x/',
      name: s.name,
      kind: 'union_love_station',
      address: '',
      lat: s.lat,
      lng: s.lng,
      amenities: s.amenities,
      capacity: s.capacity,
      alwaysOpen: !!schedules[s.scheduleIndex].alwaysOpen,
      scheduleId: String(s.scheduleIndex),
      haystack: s.name,
    },
    schedule: schedules[s.scheduleIndex],
  })),
)
const emptyQuery = parseStationQuery(undefined)
// The first query builds the spatial index (what a server does after a change).
const buildStart = performance.now()
directory.nearest({
  lat: 36,
  lng: 103,
  k: K,
  at: Date.now(),
  openNow: true,
  amenityMask: 0,
  query: emptyQuery,
})
const indexBuildMs = performance.now() - buildStart
const loadMs = buildStart - t0
console.log(
  `generated ${int(COUNT)} stations in ${ms(genMs)} ms; directory load ${ms(loadMs)} ms, index build + first query ${ms(indexBuildMs)} ms`,
)

const points = generateQueryPoints(QUERIES)
const instants = generateInstants(QUERIES)
// One amenity per query, cycling through all of them (some are common, some rare).
const amenityOf = (i) => 1 << AMENITIES[i % AMENITIES.length].bit
const answers = []
const times = []
for (let round = 0; round < 2; round++) {
  for (let i = 0; i < QUERIES; i++) {
    const p = points[i]
    const start = performance.now()
    const hits = directory.nearest({
      lat: p.lat,
      lng: p.lng,
      k: K,
      at: instants[i],
      openNow: true,
      amenityMask: amenityOf(i),
      query: emptyQuery,
    })
    const took = performance.now() - start
    // Round 0 warms the JIT; round 1 is measured.
    if (round === 1) {
      times.push(took)
      answers.push(hits.map((h) => h.entry.id))
    }
  }
}
times.sort((a, b) => a - b)
const inProc = {
  p50: percentile(times, 50),
  p99: percentile(times, 99),
  max: times[times.length - 1],
  mean: times.reduce((a, b) => a + b, 0) / times.length,
}
console.log(
  `in-process nearest: p50 ${ms(inProc.p50)} ms  p99 ${ms(inProc.p99)} ms  max ${ms(inProc.max)} ms`,
)

// ---------- 2. oracle ----------
t0 = performance.now()
const SKIP_ORACLE = !!flags['skip-oracle']
const n = stations.length
const dist = new Float64Array(n)
const order = new Int32Array(n)
let mismatches = 0
const mismatchExamples = []
for (let i = 0; i < (SKIP_ORACLE ? 0 : QUERIES); i++) {
  const p = points[i]
  const need = amenityOf(i)
  let c = 0
  for (let j = 0; j < n; j++) {
    const s = stations[j]
    if ((s.amenities & need) !== need) continue
    dist[j] = haversineM(p.lat, p.lng, s.lat, s.lng)
    order[c++] = j
  }
  // Nearest first, then the first K that are open: the definition, with no index at all. The
  // M nearest are kept in a sorted buffer (cheap); only when fewer than K of them are open is
  // the whole candidate list sorted.
  const M = 64
  const top = []
  for (let x = 0; x < c; x++) {
    const j = order[x]
    const d = dist[j]
    if (top.length === M && d >= dist[top[M - 1]]) continue
    let at = top.length === M ? M - 1 : top.length
    while (at > 0 && dist[top[at - 1]] > d) {
      top[at] = top[at - 1]
      at--
    }
    top[at] = j
  }
  const openIn = (list) => {
    const out = []
    for (const j of list) {
      if (isOpenAt(schedules[stations[j].scheduleIndex], instants[i], cnHolidayCalendar)) {
        out.push(stations[j].id)
        if (out.length === K) break
      }
    }
    return out
  }
  let expected = openIn(top)
  if (expected.length < K && c > top.length) {
    expected = openIn(Array.from(order.subarray(0, c)).sort((a, b) => dist[a] - dist[b]))
  }
  if (expected.join() !== answers[i].join()) {
    mismatches++
    if (mismatchExamples.length < 3) mismatchExamples.push({ i, expected, got: answers[i] })
  }
}
const oracleMs = performance.now() - t0
console.log(`oracle: ${QUERIES - mismatches}/${QUERIES} agree (${ms(oracleMs / 1000)} s)`)
if (mismatches > 0) console.log(JSON.stringify(mismatchExamples))

// ---------- 3. clusters ----------
const CHINA = { west: 73, south: 17, east: 136, north: 54 }
const clusterRows = []
for (const zoom of [3, 4, 5]) {
  directory.put(directory.get('s0'), schedules[stations[0].scheduleIndex]) // a change clears the cache
  // What the server's loader does after a load or a change, in the background (one zoom per
  // event-loop turn): visitors are then served from the per-zoom cache.
  let s = performance.now()
  directory.warmClusters(zoom)
  const compute = performance.now() - s
  const cells = directory.clusters({ ...CHINA, zoom })
  const served = []
  for (let r = 0; r < 50; r++) {
    s = performance.now()
    directory.clusters({ ...CHINA, zoom })
    served.push(performance.now() - s)
  }
  served.sort((a, b) => a - b)
  clusterRows.push([
    zoom,
    cells.length,
    ms(compute),
    ms(percentile(served, 50)),
    ms(percentile(served, 99)),
  ])
}
const CLUSTER_HEADERS = [
  'zoom',
  'clusters',
  'computed ms (background warm-up)',
  'served p50 ms',
  'served p99 ms',
]
console.log(table(CLUSTER_HEADERS, clusterRows))

// ---------- 4. HTTP ----------
let httpMd = '_HTTP part skipped (--skip-http)._'
if (!flags['skip-http']) {
  requireWrk()
  const dbFile = databaseUrl.replace(/^file:/, '')
  if (!existsSync(dbFile)) {
    throw new Error(
      `${dbFile} missing: npx tsx apps/server/scripts/generate-stations.ts --database-url ${databaseUrl}`,
    )
  }
  const dataDir = path.join(DATA_DIR, 'stations')
  mkdirSync(dataDir, { recursive: true })
  // The keys generate-stations.ts sealed the dataset with.
  writeFileSync(
    path.join(dataDir, 'secrets.json'),
    JSON.stringify({ SESSION_SECRET: 's'.repeat(64), DATA_KEY: 'd'.repeat(64) }),
  )
  const nodeArgs = flags['cpu-prof']
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(flags['cpu-prof'])}`]
    : []
  const server = await startServer({ entry: flags.entry ?? 'auto', databaseUrl, dataDir, nodeArgs })
  console.log(`server: ${server.label} on ${server.base} (ready in ${ms(server.readyMs)} ms)`)
  try {
    const amenity = 'microwave'
    const q = (p) =>
      `/api/v1/public/stations/nearest?lat=${p.lat.toFixed(5)}&lng=${p.lng.toFixed(5)}&k=${K}&openNow=true&amenities=${amenity}`
    let s = performance.now()
    const first = await fetch(`${server.base}${q(points[0])}`)
    if (first.status !== 200) throw new Error(`nearest: ${first.status} ${await first.text()}`)
    const body = await first.json()
    const coldFirstMs = performance.now() - s
    if (body.items.length !== K) throw new Error(`nearest answered ${body.items.length} items`)
    const clusterUrl = `${server.base}/api/v1/public/stations/clusters?west=73&south=17&east=136&north=54&zoom=4`
    s = performance.now()
    const cr = await fetch(clusterUrl)
    const clusterCold = performance.now() - s
    const clusterCount = (await cr.json()).items.length
    const clusterTimes = []
    for (let i = 0; i < 100; i++) {
      s = performance.now()
      const r = await fetch(clusterUrl)
      await r.arrayBuffer()
      clusterTimes.push(performance.now() - s)
    }
    clusterTimes.sort((a, b) => a - b)

    const paths = points.slice(0, 2000).map(q)
    const cycle = (list) => `
local paths = { ${list.map(luaString).join(',\n')} }
local i = 0
request = function()
  i = i + 1
  if i > #paths then i = 1 end
  return wrk.format("GET", paths[i])
end`
    // Two baselines: the plain no-op (as every other benchmark), and the no-op driven by the
    // same Lua generator with the same query strings (ignored by the route), which isolates
    // the route's own cost from the client's mechanics (wrk with a Lua generator alone moves
    // the server's CPU per request by several µs).
    const cases = [
      { name: 'GET /api/v1/noop (baseline)', url: `${server.base}/api/v1/noop` },
      {
        name: 'GET /api/v1/noop?<same query> (Lua)',
        url: server.base,
        lua: cycle(paths.map((x) => x.replace('/api/v1/public/stations/nearest', '/api/v1/noop'))),
      },
      { name: 'GET nearest (k=5, open now, amenity)', url: server.base, lua: cycle(paths) },
    ]
    const run = (c, duration) =>
      runWrkMeasured(server.child.pid, {
        url: c.url,
        connections: CONNECTIONS,
        duration,
        lua: c.lua,
      })
    for (const c of cases) await run(c, 2)
    const samples = new Map(cases.map((c) => [c.name, []]))
    for (let round = 1; round <= ROUNDS; round++) {
      for (const c of cases) {
        const r = await run(c, DURATION)
        samples.get(c.name).push(r)
        console.log(
          `round ${round} ${c.name.padEnd(40)} ${int(r.rps).padStart(7)} req/s  p50 ${ms(r.p50)} ms  p99 ${ms(r.p99)} ms  server CPU ${int(r.cpuUsPerReq)} µs/req${r.bad ? `  ${r.bad} non-2xx/errors!` : ''}`,
        )
      }
    }
    const base = samples.get(cases[0].name)
    const baseRps = median(base.map((r) => r.rps))
    const rows = cases.map((c, k) => {
      const ss = samples.get(c.name)
      const rps = median(ss.map((r) => r.rps))
      return [
        c.name,
        int(rps),
        ms(median(ss.map((r) => r.p50))),
        ms(median(ss.map((r) => r.p99))),
        int(median(ss.map((r) => r.cpuUsPerReq))),
        (rps / baseRps).toFixed(2),
        k === 0 ? '–' : ss.map((r, i) => (r.rps / base[i].rps).toFixed(2)).join(', '),
        k === 2 ? (rps / median(samples.get(cases[1].name).map((r) => r.rps))).toFixed(2) : '–',
        k === 2 ? (rps / baseRps >= 0.7 ? 'met' : 'MISSED') : '–',
        ss.reduce((a, r) => a + r.bad, 0),
      ]
    })
    const md = table(
      [
        'route',
        'req/s (median)',
        'p50 ms',
        'p99 ms',
        'server CPU µs/req',
        'ratio to no-op',
        'per round',
        'ratio to the Lua no-op',
        '≥ 0.7 (plain no-op)',
        'non-2xx',
      ],
      rows,
    )
    console.log(`\n${md}`)
    httpMd = `Server \`${server.label}\` on \`${path.relative(ROOT, dbFile)}\` (${int(COUNT)} generated stations + the demo), NODE_ENV=production. ${CONNECTIONS} connections, ${DURATION} s per measurement, ${ROUNDS} rounds alternated after a 2 s warm-up each; 2,000 distinct query points cycled; medians.

${md}

- first nearest request after start (the server loads the directory and builds the index in the background once it is ready; this request waits for whatever is not done yet): ${ms(coldFirstMs)} ms
- whole-country clusters over HTTP (zoom 4, ${clusterCount} clusters): first ${ms(clusterCold)} ms, then p50 ${ms(percentile(clusterTimes, 50))} ms, p99 ${ms(percentile(clusterTimes, 99))} ms (100 sequential requests)`
  } finally {
    await server.stop()
  }
}

const inProcMd = table(
  ['queries', 'p50 ms', 'p99 ms', 'max ms', 'mean ms', 'p99 < 5 ms', 'oracle agrees'],
  [
    [
      int(QUERIES),
      ms(inProc.p50),
      ms(inProc.p99),
      ms(inProc.max),
      ms(inProc.mean),
      inProc.p99 < 5 ? 'met' : 'MISSED',
      `${int(QUERIES - mismatches)} / ${int(QUERIES)}`,
    ],
  ],
)
if (flags['cpu-prof']) {
  console.log(`profiling run: bench/RESULTS.md not updated; profile in ${flags['cpu-prof']}`)
  process.exit(0)
}
writeSection(
  'stations',
  `## Nearest open station over ${int(COUNT)} stations

- date: ${now()}
- machine: ${machineLine(m)}
- command: \`${commandLine()}\`
- data: ${int(COUNT)} generated stations (apps/server/scripts/station-generator.ts): 90 % around 40 cities, 10 % anywhere in China; each with one of 500 random valid timetables (a third 24-hour; midnight spans, 24:00 ends, holiday hours, 调休 rules, exceptions on holiday dates) and random amenities (35 % each).
- queries: ${int(QUERIES)} random (place, instant, amenity): places near cities or anywhere, instants in 2025–2026 with a third on holidays or make-up workdays, one amenity required; "the ${K} nearest open now with it".

### In process (the StationDirectory the server uses)

Directory load ${ms(loadMs)} ms; index build + first query ${ms(indexBuildMs)} ms.

${inProcMd}

Oracle: brute force over every station (nearest first by haversine, then the first ${K} open ones), ${ms(oracleMs / 1000)} s for all queries; ${mismatches === 0 ? 'every answer identical (same stations, same order)' : `${mismatches} disagreements!`}.

### Map clusters, whole country (in process)

The server computes zooms 3–5 in the background after the directory loads or changes (one zoom
per event-loop turn, ADR 0020); the first column is that work, the others what a visitor waits.

${table(CLUSTER_HEADERS, clusterRows)}

### Over HTTP vs the no-op GET (wrk)

${httpMd}`,
)
if (mismatches > 0) process.exitCode = 1
