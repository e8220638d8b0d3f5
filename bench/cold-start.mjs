// Cold start: time from spawning the server process to its first 200 on /healthz, on the existing
// 1,000,000-member SQLite database. One untimed start first applies any pending migrations.
//
//   node bench/cold-start.mjs [--runs 5] [--entry auto|dist|tsx] [--database-url URL] [--data-dir DIR]
import path from 'node:path'
import {
  LARGE_DATA_DIR,
  LARGE_SQLITE_URL,
  ROOT,
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

const flags = parseFlags()
const RUNS = Math.min(20, Math.max(1, Number(flags.runs ?? 5)))
const databaseUrl = flags['database-url'] ?? LARGE_SQLITE_URL
const dataDir = path.resolve(flags['data-dir'] ?? LARGE_DATA_DIR)
const TARGET_MS = 3000
const entries = flags.entry ? [flags.entry] : ['auto']

const m = machine()
console.log(machineLine(m))
const rows = []
const details = []
for (const entry of entries) {
  // Untimed: applies migrations added since the dataset was generated, warms the OS page cache.
  const first = await startServer({ entry, databaseUrl, dataDir })
  await first.stop()
  const times = []
  for (let k = 0; k < RUNS; k++) {
    const s = await startServer({ entry, databaseUrl, dataDir })
    times.push(s.readyMs)
    await s.stop()
    console.log(`${s.label}: run ${k + 1} ready in ${ms(s.readyMs)} ms`)
  }
  const med = median(times)
  rows.push([
    first.label,
    ms(med),
    ms(Math.min(...times)),
    ms(Math.max(...times)),
    med < TARGET_MS ? 'met' : 'MISSED',
  ])
  details.push(`${first.label}: ${times.map((t) => ms(t)).join(', ')} ms`)
}
const md = table(['entry', 'median ms', 'min ms', 'max ms', `< ${TARGET_MS} ms`], rows)
console.log(`\n${md}`)
const dbShown = databaseUrl.startsWith('file:')
  ? path.relative(ROOT, databaseUrl.slice(5))
  : 'postgres'
writeSection(
  'cold-start',
  `## Cold start on the 1,000,000-member SQLite database

- date: ${now()}
- machine: ${machineLine(m)}
- dataset: ${dbShown}
- command: \`node bench/cold-start.mjs${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(' ')}` : ''}\`
- method: spawn → first 200 from GET /healthz (polled every 5 ms), ${RUNS} runs after one untimed start (pending migrations, OS page cache warm), median. Target: < ${TARGET_MS} ms.

${md}

Runs: ${details.join('; ')}`,
)
