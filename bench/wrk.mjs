// wrk (Debian's `wrk`, a C load generator) as the benchmarks' load generator.
//
// Why not autocannon: on this 2-core machine the load generator shares the cores with the
// server. autocannon is JavaScript and needs about a core of its own to drive a fast route, so
// it, not the server, set the no-op baseline (12,600 POST/s here vs ≈ 28,000/s with wrk in
// ../shared/design/PERFORMANCE.md). A ratio against a baseline that is capped by the client
// understates every route. wrk with one thread leaves the server most of a core, which is what
// PERFORMANCE.md measured its ceilings with. See docs/adr/0012-wrk-load-generator.md.
//
// Requests are described by a Lua `request()` body, so each request can differ (voter token,
// client key, client IP); `done()` prints one JSON line that this module parses.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

export const hasWrk = () => spawnSync('wrk', ['--version']).error === undefined

export const requireWrk = () => {
  if (!hasWrk()) throw new Error('wrk is not installed: apt-get install -y wrk')
}

/** Lua string literal. */
export const luaString = (s) => `"${String(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`

// `late` and `maxLagMs` are globals of each thread's Lua state, set by the paced delay() below
// (0 otherwise); done() runs in wrk's main state and reads them through the thread objects.
const DONE = `
local uhThreads = {}
setup = function(thread) table.insert(uhThreads, thread) end
done = function(summary, latency, requests)
  local e = summary.errors
  local late, maxLag, sends = 0, 0, 0
  for _, t in ipairs(uhThreads) do
    late = late + (t:get("late") or 0)
    sends = sends + (t:get("sends") or 0)
    maxLag = math.max(maxLag, t:get("maxLagMs") or 0)
  end
  io.write(string.format(
    'WRKJSON {"requests":%d,"durationUs":%d,"p50":%f,"p99":%f,"mean":%f,"max":%f,"status":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,"late":%d,"sends":%d,"maxLagMs":%f}\\n',
    summary.requests, summary.duration,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.mean / 1000, latency.max / 1000,
    e.status, e.connect, e.read, e.write, e.timeout, late, sends, maxLag))
end
`

// Each connection's first request is held until every connection is open, and the measured
// window starts after the hold (ADR 0022). Without it, a run's p99 measured the opening of its
// own 200 connections: Node's libuv accepts one connection per event-loop turn, so once the
// first connections keep the loop busy the last ones wait up to 1–2 s to be accepted, and wrk's
// correction for coordinated omission turns each such first request into dozens of samples.
// `delay()` is called before every request; it holds the first request of each of the thread's
// connections (they are all opened before any request is sent) and lets the rest go at once.
// An idle server accepts 200 connections in a few milliseconds, so 300 ms is ample. The hold is
// kept short because wrk's correction spreads over the whole run, hold included: it assumes a
// request interval of the whole run (the hold included) / requests per connection, 3 % too long
// for a 10-s window, and so adds slightly fewer synthetic samples than it would without the hold.
export const HOLD_MS = 300
const holdFirstRequests = (connectionsPerThread) => `
local held = 0
delay = function()
  if held < ${connectionsPerThread} then
    held = held + 1
    return ${HOLD_MS}
  end
  return 0
end
`

/** Sends that leave later than this after their slot count as late (wrk's timers are whole ms). */
export const LATE_MS = 2

// Paced load (ADR 0024): the thread sends at a fixed rate whatever the server does, like real
// voters, instead of each connection sending its next request the moment the last one is
// answered. Slots are spaced evenly at 1000 / rate ms from the end of the hold; each delay()
// call (a connection about to send) takes the next slot and waits for it. A connection is free
// only when its last answer came back, so when the server falls behind, the free connection
// finds its slot already past: that send is late, and how late is the queueing the server
// caused, which a latency measured from the send cannot see (coordinated omission). The run
// reports late sends and the worst lag, and a run with late sends beyond a trace has not
// sustained the rate. LuaJIT's ffi gives the thread a monotonic clock (os.clock is CPU time).
const pacedDelay = (ratePerThread) => `
local uhFfi = require("ffi")
uhFfi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } uh_timespec;
int clock_gettime(int clk_id, uh_timespec *tp);
]]
local uhTs = uhFfi.new("uh_timespec")
local function uhNowMs()
  uhFfi.C.clock_gettime(1, uhTs)
  return tonumber(uhTs.tv_sec) * 1000 + tonumber(uhTs.tv_nsec) / 1e6
end
local uhInterval = 1000 / ${ratePerThread}
local uhStart = nil
local uhSlot = 0
late = 0
sends = 0
maxLagMs = 0
delay = function()
  local now = uhNowMs()
  if uhStart == nil then uhStart = now + ${HOLD_MS} end
  local at = uhStart + uhSlot * uhInterval
  uhSlot = uhSlot + 1
  sends = sends + 1
  local wait = at - now
  if wait >= 0 then return math.floor(wait + 0.5) end
  if -wait > maxLagMs then maxLagMs = -wait end
  if -wait > ${LATE_MS} then late = late + 1 end
  return 0
end
`

/**
 * Runs wrk for `duration` seconds with `connections` keep-alive connections on one thread.
 * `lua` is the script body (globals, `request = function() … end`); when omitted every request
 * is a GET of `url` with `headers`; it must not define `delay`, `setup` or `done`, which this
 * module owns. With `rate` (requests a second for the whole run) the load is paced instead of
 * closed-loop (ADR 0024). Resolves to { rps, p50, p99, mean, max, bad, total, windowS, late,
 * sends, maxLagMs } (windowS: the measured seconds, after the hold; late, sends and maxLagMs
 * only mean something when paced).
 */
export const runWrk = ({
  url,
  connections = 100,
  duration = 10,
  threads = 1,
  headers = {},
  lua,
  rate,
}) =>
  new Promise((resolve, reject) => {
    if (/\b(delay|setup|done)\s*=/.test(lua ?? ''))
      throw new Error('the wrk script must not define delay(), setup() or done()')
    if (!Number.isInteger(duration) || duration < 1)
      throw new Error(`wrk takes whole seconds: duration ${duration}`)
    if (rate !== undefined && !(Number.isFinite(rate) && rate > 0))
      throw new Error(`rate must be a positive number of requests a second: ${rate}`)
    const dir = mkdtempSync(path.join(tmpdir(), 'uh-wrk-'))
    const script = path.join(dir, 'script.lua')
    const headerLines = Object.entries(headers)
      .map(([k, v]) => `wrk.headers[${luaString(k)}] = ${luaString(v)}`)
      .join('\n')
    // wrk gives each thread connections / threads connections, rounded down.
    const hold =
      rate === undefined
        ? holdFirstRequests(Math.floor(connections / threads))
        : pacedDelay(rate / threads)
    writeFileSync(script, `${headerLines}\n${lua ?? ''}\n${hold}\n${DONE}`)
    const child = spawn('wrk', [
      `-t${threads}`,
      `-c${connections}`,
      // Whole seconds only (wrk's -d): one more second covers the hold, and the measured window
      // is what follows the hold.
      `-d${duration + Math.ceil(HOLD_MS / 1000)}s`,
      '--timeout',
      '10s',
      '-s',
      script,
      url,
    ])
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (err += d))
    child.on('error', reject)
    child.on('close', (code) => {
      rmSync(dir, { recursive: true, force: true })
      const line = out.split('\n').find((l) => l.startsWith('WRKJSON '))
      if (code !== 0 || !line) return reject(new Error(`wrk failed (${code}): ${err || out}`))
      const r = JSON.parse(line.slice('WRKJSON '.length))
      resolve({
        rps: r.requests / ((r.durationUs - HOLD_MS * 1000) / 1e6),
        windowS: (r.durationUs - HOLD_MS * 1000) / 1e6,
        p50: r.p50,
        p99: r.p99,
        mean: r.mean,
        max: r.max,
        total: r.requests,
        bad: r.status + r.connect + r.read + r.write + r.timeout,
        late: r.late,
        sends: r.sends,
        maxLagMs: r.maxLagMs,
      })
    })
  })

/**
 * CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. The server's CPU
 * per request is the figure that stays put when other work shares the cores; req/s does not.
 */
export const cpuSeconds = (pid) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // utime and stime are fields 14 and 15 of stat(5); fields[0] here is field 3.
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS
}
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK']).stdout?.toString().trim()) || 100

/** The machine's CPU time counters (the "cpu" line of /proc/stat). */
const machineTicks = () => {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/)
  return fields.map(Number)
}

/**
 * The share of the machine's CPU time the hypervisor gave to others while we wanted it
 * ("steal", field 8 of /proc/stat's cpu line) between two readings of machineTicks. On a
 * virtual machine this is how much of a run's latency tail the host took.
 */
const stealShare = (before, after) => {
  const delta = after.map((v, i) => v - (before[i] ?? 0))
  const total = delta.reduce((a, b) => a + b, 0)
  return total > 0 ? (delta[7] ?? 0) / total : 0
}

/**
 * Runs wrk and adds the server's CPU microseconds per request during the run, and the machine's
 * steal share (see stealShare).
 */
export const runWrkMeasured = async (pid, options) => {
  const before = cpuSeconds(pid)
  const ticks = machineTicks()
  const r = await runWrk(options)
  const cpu = cpuSeconds(pid) - before
  return {
    ...r,
    cpuUsPerReq: (cpu * 1e6) / Math.max(1, r.total),
    cpuShare: cpu / r.windowS,
    steal: stealShare(ticks, machineTicks()),
  }
}
