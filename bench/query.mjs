// In-process query benchmark: the subtree of 甘肃省总工会 and the access-scoped member list as
// its org_admin, on the large dataset. Runs the real app (buildApp + app.inject, and the orgs
// repository for the raw subtree query), so the numbers include routing, validation, access
// and serialisation but no sockets. Needs tsx: node --import tsx bench/query.mjs [--pg]
//
//   --database-url URL   default bench/data/large.db (or postgres://…/bench with --pg)
//   --data-dir DIR       default bench/data/large (holds the DATA_KEY the generator used)
//   --iterations N       measured calls per case (default 300), each case also capped by
//   --seconds S          seconds per case (default 10)
import path from 'node:path'
import {
  DATA_DIR,
  LARGE_DATA_DIR,
  LARGE_PG_URL,
  LARGE_SQLITE_URL,
  ROOT,
  int,
  machine,
  machineLine,
  ms,
  now,
  parseFlags,
  summarize,
  table,
  writeSection,
} from './lib.mjs'

const flags = parseFlags()
const usePg = flags.pg === true || String(flags['database-url'] ?? '').startsWith('postgres')
const databaseUrl = flags['database-url'] ?? (usePg ? LARGE_PG_URL : LARGE_SQLITE_URL)
const dataDir = path.resolve(flags['data-dir'] ?? LARGE_DATA_DIR)
const ITERATIONS = Number(flags.iterations ?? 300)
const SECONDS = Number(flags.seconds ?? 10)
const TARGET_P99_MS = 20

const { loadConfig } = await import('../apps/server/src/config/env.ts')
const { buildApp } = await import('../apps/server/src/app.ts')
const orgsRepo = await import('../apps/server/src/core/orgs/orgs.repository.ts')
const orgsService = await import('../apps/server/src/core/orgs/orgs.service.ts')

const config = loadConfig({
  DATABASE_URL: databaseUrl,
  DATA_DIR: dataDir,
  LOG_LEVEL: 'silent',
  RATE_LIMIT_PER_MINUTE: '100000000',
  SEED_DEMO: 'false',
  NODE_ENV: 'development',
})
const { app, database } = await buildApp(config, { logger: false, webDist: null })
await app.ready()
const db = database.db

const count = async (table) =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )
const [orgCount, memberCount] = await Promise.all([count('org'), count('member')])
const gansu = await db
  .selectFrom('org')
  .select(['id', 'path'])
  .where('name', '=', '甘肃省总工会')
  .where('depth', '=', 1)
  .executeTakeFirst()
if (!gansu)
  throw new Error('甘肃省总工会 not found: generate the dataset first (npm run seed:large)')

const login = await app.inject({
  method: 'POST',
  url: '/api/v1/auth/login',
  payload: { mobile: '13800000001', password: 'Demo@2026' },
})
if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`)
const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ')

const get = (url) => async () => {
  const r = await app.inject({ method: 'GET', url, headers: { cookie } })
  if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 300)}`)
  return r
}

// A mobile number the generator gave to a member (i = 12345 → prefix 137, index 1234).
const someMobile = '13700001234'
const cases = [
  { name: 'GET /api/v1/noop (in-process baseline)', run: get('/api/v1/noop') },
  {
    name: 'GET /api/v1/orgs/:甘肃 (small authenticated GET)',
    run: get(`/api/v1/orgs/${gansu.id}`),
  },
  { name: 'GET /api/v1/auth/session (small authenticated GET)', run: get('/api/v1/auth/session') },
  {
    name: 'subtree: all orgs under 甘肃省总工会 (repository, no limit)',
    run: async () => {
      const rows = await orgsRepo.listSubtree(db, gansu.path, 1_000_000)
      return { rows: rows.length }
    },
  },
  {
    name: 'subtree: all orgs under 甘肃省总工会 (service, in-memory org tree)',
    run: async () => {
      const rows = await orgsService.subtreeRows(db, gansu.path)
      return { rows: rows.length }
    },
  },
  {
    name: 'subtree: count under 甘肃省总工会 (repository)',
    run: () => orgsRepo.countSubtree(db, gansu.path),
  },
  {
    name: 'GET /orgs/:甘肃/subtree (limit 2000, default)',
    run: get(`/api/v1/orgs/${gansu.id}/subtree`),
  },
  {
    name: 'GET /orgs/:甘肃/subtree?limit=10000 (max)',
    run: get(`/api/v1/orgs/${gansu.id}/subtree?limit=10000`),
  },
  { name: 'GET /members page 1 (20)', run: get('/api/v1/members?page=1&pageSize=20') },
  {
    name: 'GET /members page 50 (20, offset 980)',
    run: get('/api/v1/members?page=50&pageSize=20'),
  },
  {
    name: 'GET /members page 500 (20, offset 9,980)',
    run: get('/api/v1/members?page=500&pageSize=20'),
  },
  {
    name: 'GET /members?q=王 (name search, common)',
    run: get(`/api/v1/members?q=${encodeURIComponent('王')}`),
  },
  {
    name: 'GET /members?q=张伟 (name search)',
    run: get(`/api/v1/members?q=${encodeURIComponent('张伟')}`),
  },
  {
    name: 'GET /members?q=欧阳 (name search, no match)',
    run: get(`/api/v1/members?q=${encodeURIComponent('欧阳')}`),
  },
  { name: 'GET /members?q=<mobile> (blind index)', run: get(`/api/v1/members?q=${someMobile}`) },
]

const measure = async (c) => {
  // Warm up (JIT, page cache, prepared statements) and print what the case returns once.
  let sample
  for (let k = 0; k < 5; k++) sample = await c.run()
  const samples = []
  const deadline = performance.now() + SECONDS * 1000
  while (samples.length < ITERATIONS && performance.now() < deadline) {
    const t = performance.now()
    await c.run()
    samples.push(performance.now() - t)
  }
  let info = ''
  if (sample && typeof sample === 'object' && 'body' in sample) {
    const body = JSON.parse(sample.body)
    if (Array.isArray(body.items))
      info = `${body.items.length} items, total ${body.total}${body.totalCapped ? '+' : ''}${body.truncated ? ' (truncated)' : ''}`
  } else if (typeof sample === 'number') info = `${sample}`
  else if (sample?.rows !== undefined) info = `${sample.rows} rows`
  return { ...summarize(samples), info }
}

const m = machine()
console.log(
  `query benchmark on ${database.dialect}: ${int(orgCount)} orgs, ${int(memberCount)} members`,
)
console.log(machineLine(m))
const results = []
for (const c of cases) {
  const r = await measure(c)
  results.push({ name: c.name, ...r })
  console.log(
    `${c.name.padEnd(58)} n=${String(r.n).padStart(4)} p50 ${ms(r.p50).padStart(7)}  p95 ${ms(r.p95).padStart(7)}  p99 ${ms(r.p99).padStart(7)} ms  ${r.info}`,
  )
}
await app.close()

const baseline = results[0]
const rows = results.map((r, k) => [
  r.name,
  r.n,
  ms(r.p50),
  ms(r.p95),
  ms(r.p99),
  ms(r.max),
  k === 0 ? '1.0' : (r.p50 / baseline.p50).toFixed(1),
  k === 0 ? '–' : r.p99 < TARGET_P99_MS ? 'met' : 'MISSED',
  r.info,
])
const md = table(
  [
    'case',
    'n',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    'p50 ÷ no-op p50',
    `p99 < ${TARGET_P99_MS} ms`,
    'result',
  ],
  rows,
)
console.log(`\n${md}`)

const label = database.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'
const dbShown =
  database.dialect === 'sqlite'
    ? path.relative(ROOT, config.sqlitePath)
    : databaseUrl.replace(/:[^:@/]+@/, ':***@')
const cmd = `node --import tsx bench/query.mjs${usePg ? ' --pg' : ''}${flags['database-url'] ? ` --database-url ${flags['database-url']}` : ''}`
writeSection(
  `query-${database.dialect}`,
  `## Subtree and member-list queries, in-process, ${label}

- date: ${now()}
- machine: ${machineLine(m)}
- dataset: ${int(orgCount)} orgs (${int(Number(results.find((r) => r.name.startsWith('subtree: all')).info.split(' ')[0]))} under 甘肃省总工会), ${int(memberCount)} members, ${dbShown} (${path.relative(ROOT, DATA_DIR)} is git-ignored)
- command: \`${cmd}\`
- method: app.inject as the 甘肃省总工会 org_admin (logged in), or the orgs repository directly; 5 warm-up calls, then up to ${ITERATIONS} sequential calls or ${SECONDS} s per case. Target: p99 < ${TARGET_P99_MS} ms on SQLite.

${md}`,
)
