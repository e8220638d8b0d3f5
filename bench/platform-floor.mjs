// The platform's own latency floor: a bare node:http server (no framework, no database, a
// constant 11-byte JSON answer) driven by the same wrk as every other benchmark, at several
// connection counts. UnionHall's routes cannot have a lower p99 than this on the same machine,
// so a p99 target missed here is missed by the machine, not by the product.
//
//   node bench/platform-floor.mjs [--rounds 3] [--duration 8] [--connections 50,100,200,400]
//
// The server runs in its own process, as the product's server does in the other benchmarks.
import { spawn } from 'node:child_process'
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
  table,
  writeSection,
} from './lib.mjs'
import { requireWrk, runWrkMeasured } from './wrk.mjs'

const flags = parseFlags()
const ROUNDS = Math.min(5, Math.max(1, Number(flags.rounds ?? 3)))
const DURATION = Number(flags.duration ?? 8)
const CONNECTIONS = String(flags.connections ?? '50,100,200,400')
  .split(',')
  .map(Number)
  .filter((c) => c > 0)
const m = machine()
console.log(machineLine(m))
requireWrk()

const port = await freePort()
const source = `
  require('node:http')
    .createServer((req, res) => {
      res.setHeader('content-type', 'application/json')
      res.end('{"ok":true}')
    })
    .listen(${port}, '127.0.0.1', () => console.log('ready'))
`
const child = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'pipe', 'inherit'] })
await new Promise((resolve, reject) => {
  child.stdout.once('data', resolve)
  child.once('exit', (code) => reject(new Error(`bare server exited with code ${code}`)))
})
const url = `http://127.0.0.1:${port}/`
const samples = new Map(CONNECTIONS.map((c) => [c, []]))
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
console.log(`\n${md}`)
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
`,
)
