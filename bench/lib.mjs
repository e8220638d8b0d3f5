// Shared helpers for the benchmarks: percentiles, machine description, tables and RESULTS.md.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url))
export const ROOT = path.resolve(BENCH_DIR, '..')
export const DATA_DIR = path.join(BENCH_DIR, 'data')
export const RESULTS = path.join(BENCH_DIR, 'RESULTS.md')

/** The large dataset every benchmark uses unless told otherwise (see generate-large.ts). */
export const LARGE_SQLITE_URL = `file:${path.join(DATA_DIR, 'large.db')}`
export const LARGE_DATA_DIR = path.join(DATA_DIR, 'large')
export const LARGE_PG_URL = 'postgres://postgres@127.0.0.1:5432/bench'

/** --name value / --flag arguments into an object (values stay strings). */
export const parseFlags = (argv = process.argv.slice(2)) => {
  const out = {}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (!a.startsWith('--')) continue
    const [k, inline] = a.slice(2).split('=', 2)
    if (inline !== undefined) out[k] = inline
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) out[k] = argv[++i]
    else out[k] = true
  }
  return out
}

export const percentile = (sorted, p) => {
  if (sorted.length === 0) return NaN
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[idx]
}

/** p50/p95/p99/max/mean of a list of millisecond samples. */
export const summarize = (samples) => {
  const s = [...samples].sort((a, b) => a - b)
  const mean = s.reduce((a, b) => a + b, 0) / Math.max(1, s.length)
  return {
    n: s.length,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s[s.length - 1] ?? NaN,
    mean,
  }
}

export const median = (values) => {
  const s = [...values].sort((a, b) => a - b)
  if (s.length === 0) return NaN
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

export const ms = (v) => (Number.isFinite(v) ? (v < 10 ? v.toFixed(2) : v.toFixed(1)) : '–')
export const int = (v) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '–')

/** A Markdown table (also readable on a terminal). */
export const table = (headers, rows) => {
  const cells = [headers, ...rows].map((r) => r.map((c) => String(c)))
  const width = headers.map((_h, i) => Math.max(...cells.map((r) => [...r[i]].length)))
  const line = (r) =>
    `| ${r.map((c, i) => c.padEnd(width[i] - ([...c].length - c.length))).join(' | ')} |`
  const sep = `|${width.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`
  return [line(cells[0]), sep, ...cells.slice(1).map(line)].join('\n')
}

const sh = (cmd, args) => {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    return null
  }
}

/** nproc, CPU model, memory, Node and load average: what a reader needs to compare runs. */
export const machine = () => {
  const cpus = os.cpus()
  return {
    nproc: sh('nproc', []) ?? String(cpus.length),
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    memGiB: (os.totalmem() / 2 ** 30).toFixed(0),
    node: process.version,
    load: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  }
}

export const machineLine = (m = machine()) =>
  `nproc ${m.nproc} (${m.cpu}), ${m.memGiB} GiB, Node ${m.node}, load average at start ${m.load}`

export const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z')

/**
 * Replaces (or appends) the section between <!-- bench:<id> --> markers in bench/RESULTS.md, so
 * a re-run updates its own numbers and leaves the other benchmarks' sections alone.
 */
export const writeSection = (id, markdown) => {
  const start = `<!-- bench:${id}:start -->`
  const end = `<!-- bench:${id}:end -->`
  const header =
    '# Benchmark results\n\nWritten by the scripts in bench/ (see bench/README.md); each section is replaced when its benchmark runs again.\n'
  let text = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : header
  const block = `${start}\n${markdown.trim()}\n${end}`
  const a = text.indexOf(start)
  const b = text.indexOf(end)
  if (a >= 0 && b > a) text = text.slice(0, a) + block + text.slice(b + end.length)
  else text = `${text.trimEnd()}\n\n${block}\n`
  writeFileSync(RESULTS, text.endsWith('\n') ? text : `${text}\n`)
  console.log(`\nresults written to ${path.relative(ROOT, RESULTS)} (section ${id})`)
}

export const commandLine = () =>
  ['node', ...process.execArgv, ...process.argv.slice(1)]
    .map((a) =>
      path.relative(ROOT, a).startsWith('..') || !a.startsWith('/') ? a : path.relative(ROOT, a),
    )
    .join(' ')

// ---------- a server in its own process ----------

import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'

export const SERVER_DIST = path.join(ROOT, 'apps/server/dist/main.js')

/** A free TCP port on 127.0.0.1. */
export const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })

/** The command that runs the server: the built bundle when present, else tsx on the sources. */
export const serverCommand = (entry = 'auto') => {
  const useDist = entry === 'dist' || (entry === 'auto' && existsSync(SERVER_DIST))
  if (useDist) {
    if (!existsSync(SERVER_DIST))
      throw new Error('apps/server/dist/main.js missing: npm run build -w @unionhall/server')
    return { cmd: process.execPath, args: [SERVER_DIST], label: 'node apps/server/dist/main.js' }
  }
  return {
    cmd: process.execPath,
    args: ['--import', 'tsx', path.join(ROOT, 'apps/server/src/main.ts')],
    label: 'node --import tsx apps/server/src/main.ts',
  }
}

/** Environment for a benchmark server on the large dataset: no rate limit, quiet logs, no seeding. */
export const serverEnv = ({ port, databaseUrl = LARGE_SQLITE_URL, dataDir = LARGE_DATA_DIR }) => {
  const secretsFile = path.join(dataDir, 'secrets.json')
  // The DATA_KEY the dataset was sealed with; a fresh directory gets throw-away secrets.
  const secrets = existsSync(secretsFile)
    ? JSON.parse(readFileSync(secretsFile, 'utf8'))
    : { SESSION_SECRET: randomBytes(32).toString('hex'), DATA_KEY: randomBytes(32).toString('hex') }
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    SESSION_SECRET: secrets.SESSION_SECRET,
    DATA_KEY: secrets.DATA_KEY,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '1000000000',
    SEED_DEMO: 'false',
    COOKIE_SECURE: 'false',
    WEB_DIST: path.join(DATA_DIR, 'no-web'),
  }
}

/** Polls url until it answers 200 or the deadline passes; returns ms since `since`. */
export const waitFor200 = async (url, since, timeoutMs = 60_000, child = null) => {
  const deadline = since + timeoutMs
  while (performance.now() < deadline) {
    if (child && child.exitCode !== null)
      throw new Error(`server exited with code ${child.exitCode}`)
    try {
      const r = await fetch(url)
      if (r.status === 200) {
        await r.arrayBuffer()
        return performance.now() - since
      }
    } catch {
      // not listening yet
    }
    await new Promise((res) => setTimeout(res, 5))
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`)
}

/** Spawns the server; resolves once /healthz answers. stop() sends SIGTERM and waits for exit. */
export const startServer = async ({ entry = 'auto', databaseUrl, dataDir, nodeArgs = [] } = {}) => {
  const port = await freePort()
  const { cmd, args, label } = serverCommand(entry)
  const started = performance.now()
  const child = spawn(cmd, [...nodeArgs, ...args], {
    cwd: ROOT,
    env: serverEnv({ port, databaseUrl, dataDir }),
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (d) => {
    stderr = (stderr + d.toString()).slice(-4000)
  })
  const base = `http://127.0.0.1:${port}`
  let readyMs
  try {
    readyMs = await waitFor200(`${base}/healthz`, started, 60_000, child)
  } catch (e) {
    child.kill('SIGKILL')
    throw new Error(`${e.message}\n${stderr}`)
  }
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve()
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      child.once('exit', () => {
        clearTimeout(timer)
        resolve()
      })
      child.kill('SIGTERM')
    })
  return { base, port, readyMs, stop, label, child, stderr: () => stderr }
}
