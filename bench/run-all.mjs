// npm run bench: the set of benchmarks that is reasonable on a 2-core machine, one after another,
// each writing its own section of bench/RESULTS.md. Generates the large datasets first if missing
// (SQLite: bench/data/large.db; PostgreSQL: database "bench" on 127.0.0.1:5432, if reachable).
//
//   npm run bench [-- --skip-pg] [-- --only query,http,cold,ballots,stations,floor] [-- --quick]
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import {
  BENCH_DIR,
  LARGE_DATA_DIR,
  LARGE_PG_URL,
  LARGE_SQLITE_URL,
  ROOT,
  parseFlags,
} from './lib.mjs'

const flags = parseFlags()
const only = flags.only ? new Set(String(flags.only).split(',')) : null
const wants = (name) => !only || only.has(name)
const quick = flags.quick === true
const ORGS = 100_000
const MEMBERS = 1_000_000

const step = (title, cmd, args, options = {}) => {
  console.log(`\n=== ${title}\n$ ${[cmd, ...args].join(' ')}`)
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...options })
  if (r.status !== 0) {
    console.error(`!! ${title} failed (exit ${r.status ?? r.signal})`)
    return false
  }
  return true
}

const sqliteRows = (file) => {
  if (!existsSync(file)) return { orgs: 0, members: 0 }
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true })
    const one = (sql) => db.prepare(sql).pluck().get()
    const r = { orgs: one('select count(*) from org'), members: one('select count(*) from member') }
    db.close()
    return r
  } catch {
    return { orgs: 0, members: 0 }
  }
}

const pgRows = async () => {
  const admin = new pg.Client({ connectionString: LARGE_PG_URL.replace(/\/bench$/, '/postgres') })
  try {
    await admin.connect()
  } catch {
    return null // PostgreSQL not reachable: skip its benchmarks
  }
  const exists = await admin.query("select 1 from pg_database where datname = 'bench'")
  if (exists.rowCount === 0) await admin.query('create database bench')
  await admin.end()
  const client = new pg.Client({ connectionString: LARGE_PG_URL })
  await client.connect()
  try {
    const one = async (sql) => Number((await client.query(sql)).rows[0].n)
    return {
      orgs: await one('select count(*) n from org'),
      members: await one('select count(*) n from member'),
    }
  } catch {
    return { orgs: 0, members: 0 }
  } finally {
    await client.end()
  }
}

const seed = (url) =>
  step('generate the large dataset', 'npm', [
    'run',
    'seed:large',
    '--',
    '--orgs',
    String(ORGS),
    '--members',
    String(MEMBERS),
    '--database-url',
    url,
    '--data-dir',
    path.relative(ROOT, LARGE_DATA_DIR),
    '--fresh',
  ])

// 1. Data.
const sqliteFile = LARGE_SQLITE_URL.slice('file:'.length)
const have = sqliteRows(sqliteFile)
if (have.orgs < ORGS || have.members < MEMBERS) seed(LARGE_SQLITE_URL)
else
  console.log(
    `SQLite dataset present: ${have.orgs} orgs, ${have.members} members (${path.relative(ROOT, sqliteFile)})`,
  )

let pgReady = false
if (!flags['skip-pg'] && wants('query')) {
  const rows = await pgRows()
  if (rows === null)
    console.log('PostgreSQL not reachable on 127.0.0.1:5432: skipping its benchmark')
  else if (rows.orgs < ORGS || rows.members < MEMBERS) pgReady = seed(LARGE_PG_URL)
  else {
    pgReady = true
    console.log(
      `PostgreSQL dataset present: ${rows.orgs} orgs, ${rows.members} members (${LARGE_PG_URL})`,
    )
  }
}

// 2. A fresh server bundle for the out-of-process benchmarks (falls back to tsx when it fails).
if (wants('stations') && !existsSync(path.join(BENCH_DIR, 'data', 'stations.db')))
  step('generate 200,000 stations', 'npx', [
    'tsx',
    path.join(ROOT, 'apps/server/scripts/generate-stations.ts'),
    '--database-url',
    `file:${path.join(BENCH_DIR, 'data', 'stations.db')}`,
  ])
if (wants('http') || wants('cold') || wants('stations'))
  step('build the server', 'npm', ['run', 'build', '-w', '@unionhall/server'])

// 3. The benchmarks.
const q = quick ? ['--iterations', '50', '--seconds', '3'] : []
if (wants('query')) {
  step('query benchmark, SQLite', process.execPath, [
    '--import',
    'tsx',
    path.join(BENCH_DIR, 'query.mjs'),
    ...q,
  ])
  if (pgReady)
    step('query benchmark, PostgreSQL', process.execPath, [
      '--import',
      'tsx',
      path.join(BENCH_DIR, 'query.mjs'),
      '--pg',
      ...q,
    ])
}
if (wants('http'))
  step('HTTP benchmark', process.execPath, [
    path.join(BENCH_DIR, 'http.mjs'),
    ...(quick ? ['--duration', '3', '--rounds', '1'] : []),
  ])
if (wants('cold'))
  step('cold start', process.execPath, [
    path.join(BENCH_DIR, 'cold-start.mjs'),
    ...(quick ? ['--runs', '2'] : []),
  ])

for (const engine of flags['skip-pg'] ? ['sqlite'] : ['sqlite', 'postgres'])
  if (wants('ballots'))
    step(`ballot ingest (${engine})`, process.execPath, [
      '--import',
      'tsx',
      path.join(BENCH_DIR, 'ballots.mjs'),
      '--engine',
      engine,
      ...(quick ? ['--duration', '3', '--rounds', '1'] : []),
    ])
if (wants('stations'))
  step('nearest station', process.execPath, [
    '--import',
    'tsx',
    path.join(BENCH_DIR, 'stations.mjs'),
    ...(quick ? ['--queries', '1000', '--duration', '3', '--rounds', '1'] : []),
  ])
if (wants('floor'))
  step('platform floor (bare node:http)', process.execPath, [
    path.join(BENCH_DIR, 'platform-floor.mjs'),
    ...(quick ? ['--duration', '3', '--rounds', '1'] : []),
  ])
console.log(`\nDone. Results: ${path.relative(ROOT, path.join(BENCH_DIR, 'RESULTS.md'))}`)
