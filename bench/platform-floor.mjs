// The platform's own latency floor: a bare node:http server (no framework, no database, a
// constant 11-byte JSON answer) driven by the same wrk as every other benchmark, at several
// connection counts. UnionHall's routes cannot have a lower p99 than this on the same machine,
// so a p99 target missed here is missed by the machine, not by the product.
//
//   node bench/platform-floor.mjs [--rounds 3] [--duration 8] [--connections 50,100,200,400]
//                                 [--no-proxy] [--paced 2500,5000,10000]
//
// Paced rows (ADR 0024): 200 connections sending on one fixed schedule at each rate, the way the
// ballot benchmark measures the latency voters see at a given load; the bare server's p99 there
// is the floor for any route's p99 at the same rate.
//
// The server runs in its own process, as the product's server does in the other benchmarks.
//
// It also measures new connections: requests that each open their own connection (wrk with
// `Connection: close`, 20 at a time), once on the idle server and once while 200 keep-alive
// connections keep it busy. Node accepts one connection per event-loop turn (ADR 0022), so a
// busy server answers few of them. When Debian's nginx is installed (and without --no-proxy) the
// same two measurements run through nginx with deploy/nginx/unionhall-proxy.conf, the way
// deploy/nginx/unionhall.conf puts UnionHall in production (ADR 0023).
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { get as httpGet } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  commandLine,
  freePort,
  int,
  machine,
  machineLine,
  median,
  ms,
  now,
  parseFlags,
  ROOT,
  table,
  waitFor200,
  writeSection,
} from './lib.mjs'
import { requireWrk, runWrk, runWrkMeasured } from './wrk.mjs'

const flags = parseFlags()
const ROUNDS = Math.min(5, Math.max(1, Number(flags.rounds ?? 3)))
const DURATION = Number(flags.duration ?? 8)
const CONNECTIONS = String(flags.connections ?? '50,100,200,400')
  .split(',')
  .map(Number)
  .filter((c) => c > 0)
const PACED = String(flags.paced ?? '2500,5000,10000')
  .split(',')
  .map(Number)
  .filter((r) => r > 0)
const PACED_CONNECTIONS = 200
const m = machine()
console.log(machineLine(m))
requireWrk()

const port = await freePort()
// GET /connections answers how many connections the server has accepted so far, so a run can
// tell how many of its connections reached Node itself.
const source = `
  let accepted = 0
  require('node:http')
    .createServer((req, res) => {
      res.setHeader('content-type', 'application/json')
      res.end(req.url === '/connections' ? String(accepted) : '{"ok":true}')
    })
    .on('connection', () => accepted++)
    .listen(${port}, '127.0.0.1', () => console.log('ready'))
`
const child = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'pipe', 'inherit'] })
await new Promise((resolve, reject) => {
  child.stdout.once('data', resolve)
  child.once('exit', (code) => reject(new Error(`bare server exited with code ${code}`)))
})
const url = `http://127.0.0.1:${port}/`
const samples = new Map(CONNECTIONS.map((c) => [c, []]))
const hasNginx = !flags['no-proxy'] && spawnSync('nginx', ['-v']).error === undefined
const NEW_CONNECTIONS = 20
const LOAD_CONNECTIONS = 200

/**
 * nginx in front of the bare server, configured as production is: the upstream block of
 * deploy/nginx/unionhall.conf (only its port changed), its main-context settings, and a
 * location that includes deploy/nginx/unionhall-proxy.conf itself. One worker process, as the
 * server and wrk share the machine's two cores with it. Resolves to null (with a warning) when
 * nginx does not start, so the direct rows are still recorded.
 */
const startNginx = async (upstreamPort) => {
  const site = readFileSync(path.join(ROOT, 'deploy/nginx/unionhall.conf'), 'utf8')
  const upstream = site.match(/^upstream unionhall \{[\s\S]*?^\}/m)?.[0]
  if (!upstream?.includes('server 127.0.0.1:3000;'))
    throw new Error(
      'deploy/nginx/unionhall.conf: no "upstream unionhall" block with 127.0.0.1:3000',
    )
  const dir = mkdtempSync(path.join(tmpdir(), 'uh-nginx-'))
  const listen = await freePort()
  for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(dir, d))
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    `worker_processes 1;
worker_rlimit_nofile 65535;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 16384; multi_accept on; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  ${upstream.replace('server 127.0.0.1:3000;', `server 127.0.0.1:${upstreamPort};`)}
  server {
    listen 127.0.0.1:${listen} backlog=4096;
    location / { include ${path.join(ROOT, 'deploy/nginx/unionhall-proxy.conf')}; }
  }
}
`,
  )
  const proc = spawn(
    'nginx',
    ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
  const exited = new Promise((res) => proc.once('exit', res))
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill('SIGTERM')
      await exited
    }
    rmSync(dir, { recursive: true, force: true })
  }
  const proxied = `http://127.0.0.1:${listen}/`
  try {
    await waitFor200(proxied, performance.now(), 10_000, proc)
  } catch (err) {
    await stop()
    console.warn(`nginx did not start, measuring the direct path only: ${err.message}`)
    return null
  }
  return { url: proxied, stop }
}

// On a connection of its own that is closed after the answer (no agent), so that each count
// opens exactly one connection: fetch would keep one open and reuse it for the next count.
const acceptedSoFar = () =>
  new Promise((resolve, reject) => {
    httpGet(`${url}connections`, { agent: false }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => (body += chunk))
      res.on('end', () => resolve(Number(body)))
    }).on('error', reject)
  })

/**
 * Requests that each open a connection, on an idle server and while LOAD_CONNECTIONS keep-alive
 * connections keep it busy. The new-connection run starts after the load's own hold.
 */
const newConnections = async (target) => {
  const fresh = () =>
    runWrk({
      url: target,
      connections: NEW_CONNECTIONS,
      duration: DURATION,
      headers: { Connection: 'close' },
    })
  const idle = await fresh()
  const load = runWrk({ url: target, connections: LOAD_CONNECTIONS, duration: DURATION + 3 })
  await new Promise((res) => setTimeout(res, 2000))
  const before = await acceptedSoFar()
  const busy = await fresh()
  // Connections Node itself accepted while the new-connection run went on (the second count
  // opens one more, the first was counted in `before`). Straight to Node that is one per request;
  // through nginx, only what the upstream pool grows by.
  const accepted = (await acceptedSoFar()) - before - 1
  const kept = await load
  return { idle, busy, kept, accepted }
}
const connectionRuns = { direct: [], nginx: [] }
const pacedRuns = new Map(PACED.map((rate) => [rate, []]))
try {
  for (const c of CONNECTIONS) await runWrkMeasured(child.pid, { url, connections: c, duration: 2 })
  for (let round = 1; round <= ROUNDS; round++) {
    // Every connection count in each round, so a slow minute of the machine hits all of them.
    for (const c of CONNECTIONS) {
      const r = await runWrkMeasured(child.pid, { url, connections: c, duration: DURATION })
      samples.get(c).push(r)
      console.log(
        `round ${round} c=${String(c).padEnd(4)} ${int(r.rps).padStart(7)} req/s  p50 ${ms(r.p50)} ms  p99 ${ms(r.p99)} ms  server CPU ${int(r.cpuUsPerReq)} µs/req`,
      )
    }
  }
  for (let round = 1; round <= ROUNDS; round++) {
    for (const rate of PACED) {
      const r = await runWrkMeasured(child.pid, {
        url,
        connections: PACED_CONNECTIONS,
        duration: DURATION,
        rate,
      })
      pacedRuns.get(rate).push(r)
      console.log(
        `round ${round} paced ${int(rate).padStart(6)}/s got ${int(r.rps).padStart(6)}/s  p50 ${ms(r.p50)} ms  p99 ${ms(r.p99)} ms  late ${r.late}/${r.sends}  steal ${(100 * r.steal).toFixed(1)} %`,
      )
    }
  }
  const proxy = hasNginx ? await startNginx(port) : null
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [name, target] of [['direct', url], ...(proxy ? [['nginx', proxy.url]] : [])]) {
        const r = await newConnections(target)
        connectionRuns[name].push(r)
        console.log(
          `round ${round} new connections ${name.padEnd(6)} idle ${int(r.idle.rps).padStart(6)}/s p99 ${ms(r.idle.p99)} ms; while busy ${int(r.busy.rps).padStart(6)}/s p50 ${ms(r.busy.p50)} p99 ${ms(r.busy.p99)} ms, Node accepted ${int(r.accepted)} (keep-alive ${int(r.kept.rps)}/s)`,
        )
      }
    }
  } finally {
    await proxy?.stop()
  }
} finally {
  child.kill('SIGKILL')
}

const rows = CONNECTIONS.map((c) => {
  const ss = samples.get(c)
  return [
    String(c),
    int(median(ss.map((s) => s.rps))),
    ms(median(ss.map((s) => s.p50))),
    ms(median(ss.map((s) => s.p99))),
    ss.map((s) => ms(s.p99)).join(', '),
    int(median(ss.map((s) => s.cpuUsPerReq))),
    String(ss.reduce((n, s) => n + s.bad, 0)),
  ]
})
const md = table(
  [
    'connections',
    'req/s (median)',
    'p50 ms',
    'p99 ms (median)',
    'p99 ms per round',
    'server CPU µs/req',
    'non-2xx',
  ],
  rows,
)
const pacedMd = table(
  [
    'offered req/s',
    'answered/s (median)',
    'p50 ms',
    'p99 ms (median)',
    'p99 ms per round',
    'max ms per round',
    'late sends per round',
    'steal per round',
    'non-2xx',
  ],
  [...pacedRuns].map(([rate, runs]) => [
    int(rate),
    int(median(runs.map((r) => r.rps))),
    ms(median(runs.map((r) => r.p50))),
    ms(median(runs.map((r) => r.p99))),
    runs.map((r) => ms(r.p99)).join(', '),
    runs.map((r) => ms(r.max)).join(', '),
    runs.map((r) => `${((100 * r.late) / Math.max(1, r.sends)).toFixed(1)} %`).join(', '),
    runs.map((r) => `${(100 * r.steal).toFixed(1)} %`).join(', '),
    String(runs.reduce((n, r) => n + r.bad, 0)),
  ]),
)
const connectionRows = Object.entries(connectionRuns)
  .filter(([, runs]) => runs.length > 0)
  .map(([name, runs]) => [
    name === 'direct' ? 'straight to Node' : 'through nginx (deploy/nginx)',
    int(median(runs.map((r) => r.idle.rps))),
    ms(median(runs.map((r) => r.idle.p99))),
    int(median(runs.map((r) => r.busy.rps))),
    ms(median(runs.map((r) => r.busy.p50))),
    ms(median(runs.map((r) => r.busy.p99))),
    runs.map((r) => int(r.busy.rps)).join(', '),
    int(median(runs.map((r) => r.accepted))),
    int(median(runs.map((r) => r.kept.rps))),
    String(runs.reduce((n, r) => n + r.idle.bad + r.busy.bad + r.kept.bad, 0)),
  ])
const connectionMd = table(
  [
    'path',
    'new conns idle: req/s',
    'p99 ms',
    'new conns while busy: req/s',
    'p50 ms',
    'p99 ms',
    'req/s per round',
    'connections Node accepted',
    'keep-alive load req/s',
    'non-2xx',
  ],
  connectionRows,
)
console.log(`\n${md}\n\n${pacedMd}\n\n${connectionMd}`)
writeSection(
  'platform-floor',
  `## Platform floor: a bare node:http server under the same wrk

- date: ${now()}
- machine: ${machineLine(m)}
- command: \`${commandLine()}\`
- server: \`node -e\` with \`http.createServer\` answering \`{"ok":true}\` (no framework, no hooks, no database), in its own process; wrk with one thread on the same machine. ${ROUNDS} rounds of ${DURATION} s per connection count, all counts in each round, after a 2 s warm-up each. Medians.

${md}

No UnionHall route can have a lower p99 than this line at the same connection count on the same
machine: where this p99 is above a target, the machine misses the target before the product does.

### Paced: ${PACED_CONNECTIONS} connections at a fixed rate

The same bare server, with ${PACED_CONNECTIONS} connections sending on one schedule of evenly
spaced sends at each rate (ADR 0024), ${ROUNDS} rounds of ${DURATION} s. This is how the ballot
benchmark measures the latency voters see at a given load, and no route's p99 at a rate can be
lower than this line's. A send is late when every connection was still waiting for an answer at
its slot. "Steal" is the share of the machine's CPU time the hypervisor gave to other guests
during the run (/proc/stat).

${pacedMd}

### New connections, idle and under load

Each request opens its own connection (wrk, ${NEW_CONNECTIONS} connections, \`Connection: close\`), first on
the idle server, then while ${LOAD_CONNECTIONS} keep-alive connections keep it busy (started 2 s
earlier). Node accepts one connection per event-loop turn (ADR 0022), so the busy server's
accept rate is its loop's turn rate. Through nginx (when installed), the upstream block, the
main-context limits and the proxy settings are those of \`deploy/nginx/\` (ADR 0023), with one
worker process; nginx, the server and wrk share the two cores, so the keep-alive load runs slower
through nginx than straight to Node. "Connections Node accepted" counts the connections the bare
server accepted during the new-connection run: one per request straight to Node, only the
upstream pool's growth through nginx.

${connectionMd || '(nginx not installed: only the direct path was measured)'}
`,
)
