// HTTP benchmark: authenticated GETs of small resources against the same server's GET /api/v1/noop,
// measured in the same run with wrk (see wrk.mjs), alternating baseline and targets. The server runs as
// its own process on the large SQLite dataset (apps/server/dist/main.js if built, else tsx).
//
//   node bench/http.mjs [--connections 100] [--duration 10] [--rounds 2] [--entry auto|dist|tsx]
//                       [--database-url URL] [--data-dir DIR]
import path from 'node:path'
import {
  LARGE_DATA_DIR,
  LARGE_SQLITE_URL,
  ROOT,
  int,
  machine,
  machineLine,
  median,
  ms,
  now,
  parseFlags,
  startServer,
  table,
  writeSection,
} from './lib.mjs'
import { requireWrk, runWrkMeasured } from './wrk.mjs'

const flags = parseFlags()
const CONNECTIONS = Number(flags.connections ?? 100)
const DURATION = Number(flags.duration ?? 10)
const ROUNDS = Math.min(5, Math.max(1, Number(flags.rounds ?? 2)))
const databaseUrl = flags['database-url'] ?? LARGE_SQLITE_URL
const dataDir = path.resolve(flags['data-dir'] ?? LARGE_DATA_DIR)
const TARGET_RATIO = 0.8

requireWrk()
const m = machine()
const server = await startServer({ entry: flags.entry ?? 'auto', databaseUrl, dataDir })
console.log(`server: ${server.label} on ${server.base} (ready in ${ms(server.readyMs)} ms)`)
console.log(machineLine(m))

try {
  const login = await fetch(`${server.base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mobile: '13800000001', password: 'Demo@2026' }),
  })
  if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`)
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  const session = await login.json()
  const gansuId = session.grants.find((g) => g.orgName === '甘肃省总工会')?.orgId
  if (!gansuId) throw new Error('the 甘肃省总工会 org_admin has no grant there: wrong dataset?')

  const cases = [
    { name: 'GET /api/v1/noop (baseline)', path: '/api/v1/noop', auth: false },
    { name: 'GET /api/v1/orgs/:甘肃 (authenticated)', path: `/api/v1/orgs/${gansuId}`, auth: true },
    { name: 'GET /api/v1/auth/session (authenticated)', path: '/api/v1/auth/session', auth: true },
  ]
  for (const c of cases) {
    const r = await fetch(`${server.base}${c.path}`, { headers: c.auth ? { cookie } : {} })
    if (r.status !== 200) throw new Error(`${c.path}: ${r.status} ${await r.text()}`)
    c.bytes = (await r.arrayBuffer()).byteLength
  }

  const run = (c, duration) =>
    runWrkMeasured(server.child.pid, {
      url: `${server.base}${c.path}`,
      connections: CONNECTIONS,
      duration,
      headers: c.auth ? { cookie } : {},
    })

  // Warm-up: JIT, session cache, SQLite page cache.
  for (const c of cases) await run(c, 2)

  const samples = new Map(cases.map((c) => [c.name, []]))
  for (let round = 1; round <= ROUNDS; round++) {
    for (const c of cases) {
      const s = await run(c, DURATION)
      samples.get(c.name).push(s)
      console.log(
        `round ${round} ${c.name.padEnd(44)} ${int(s.rps).padStart(7)} req/s  p50 ${ms(s.p50)} ms  p99 ${ms(s.p99)} ms  server CPU ${int(s.cpuUsPerReq)} µs/req (${Math.round(s.cpuShare * 100)} % of a core)${s.bad ? `  ${s.bad} non-2xx/errors!` : ''}`,
      )
    }
  }

  const base = samples.get(cases[0].name)
  const baseRps = median(base.map((s) => s.rps))
  const rows = cases.map((c, k) => {
    const ss = samples.get(c.name)
    const rps = median(ss.map((s) => s.rps))
    const perRound = ss.map((s, r) => (s.rps / base[r].rps).toFixed(2)).join(', ')
    const ratio = rps / baseRps
    return [
      c.name,
      int(rps),
      ms(median(ss.map((s) => s.p50))),
      ms(median(ss.map((s) => s.p99))),
      c.bytes,
      int(median(ss.map((s) => s.cpuUsPerReq))),
      ratio.toFixed(2),
      k === 0 ? '–' : perRound,
      k === 0 ? '–' : ratio >= TARGET_RATIO ? 'met' : 'MISSED',
      ss.reduce((a, s) => a + s.bad, 0),
    ]
  })
  const md = table(
    [
      'route',
      'req/s (median)',
      'p50 ms',
      'p99 ms',
      'body bytes',
      'server CPU µs/req',
      'ratio to no-op',
      'ratio per round',
      `≥ ${TARGET_RATIO}`,
      'non-2xx',
    ],
    rows,
  )
  console.log(`\n${md}`)
  const dbShown = databaseUrl.startsWith('file:')
    ? path.relative(ROOT, databaseUrl.slice(5))
    : databaseUrl.replace(/:[^:@/]+@/, ':***@')
  writeSection(
    'http',
    `## Authenticated GET over HTTP vs the no-op route (wrk)

- date: ${now()}
- machine: ${machineLine(m)}; wrk (one thread) runs on the same machine as the server (they share the cores)
- dataset: ${dbShown} (the large dataset, see generate-large.ts)
- server: \`${server.label}\`, NODE_ENV=production, LOG_LEVEL=warn, rate limit raised out of the way
- command: \`node bench/http.mjs${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(' ')}` : ''}\`
- method: ${CONNECTIONS} connections, ${DURATION} s per measurement, ${ROUNDS} rounds of [no-op, targets…] alternated after a 2 s warm-up each; medians of the rounds. Server CPU per request from /proc (user + system, all threads). Target: ratio ≥ ${TARGET_RATIO}.

${md}`,
  )
} finally {
  await server.stop()
}
