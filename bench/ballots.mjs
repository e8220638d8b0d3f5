// Ballot ingest over HTTP vs the no-op POST, and leaderboard reads while ballots stream in.
// The server runs as a child process on a fresh database with one SMS-eligibility campaign in
// voting (10 candidates); each request is a different voter (a pre-signed voter token), a new
// client key and one or two candidates, from one of 5,000 client IPs (X-Forwarded-For, with
// TRUST_PROXY=true for the baseline too). Baselines are measured in the same run, alternated.
//
//   node --import tsx bench/ballots.mjs [--engine sqlite|postgres] [--rounds 3] [--duration 10]
//                                       [--entry auto|dist|tsx] [--ingest-only] [--cpu-prof DIR]
//                                       [--trace-gc FILE] [--semi-space MB] [--paced-share 0.5]
//
// Two kinds of ingest rounds (ADR 0024): closed-loop (each connection sends again the moment it
// is answered: the most the server can take) and paced (the same connections send at a fixed
// rate, --paced-share times the no-op POST's closed-loop rate, like voters who do not wait for
// each other: the latency a voter sees at that load).
//
// Load comes from wrk with Lua request generators (see wrk.mjs for why not autocannon).
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { LATE_MS, luaString, requireWrk, runWrkMeasured } from './wrk.mjs'
import {
  DATA_DIR,
  ROOT,
  freePort,
  serverCommand,
  int,
  machine,
  machineLine,
  median,
  ms,
  now,
  parseFlags,
  table,
  waitFor200,
  writeSection,
} from './lib.mjs'

const flags = parseFlags()
const ENGINE = flags.engine === 'postgres' ? 'postgres' : 'sqlite'
const ROUNDS = Number(flags.rounds ?? 3)
const DURATION = Number(flags.duration ?? 10)
// The reads under load drift with the host from round to round (one earlier run's per-round
// ratios: 1.01, 0.68, 1.38), so they get more rounds than the ingest.
const READ_ROUNDS = Number(flags['read-rounds'] ?? 5)
const CONNECTIONS = 200
const PG_ADMIN = 'postgres://postgres@127.0.0.1:5432/postgres'
const PG_URL = 'postgres://postgres@127.0.0.1:5432/bench_ballots'

const { buildApp } = await import('../apps/server/src/app.ts')
const { loadConfig } = await import('../apps/server/src/config/env.ts')
const { seedDemo } = await import('../apps/server/src/demo/seed-demo.ts')
const { createDatabase } = await import('../apps/server/src/platform/db/create-db.ts')
const { loadGrants } = await import('../apps/server/src/core/roles/index.ts')
const { systemCtx } = await import('../apps/server/src/core/access/index.ts')
const { signVoterToken } = await import('../apps/server/src/modules/campaigns/votes/voter.ts')
const { recount } = await import('../apps/server/src/modules/campaigns/votes/recount.ts')
const { baseRules, makeVotingCampaign } =
  await import('../apps/server/src/modules/campaigns/votes/votes.fixtures.test-helpers.ts')

const dataDir = path.join(DATA_DIR, `ballots-${ENGINE}`)
rmSync(dataDir, { recursive: true, force: true })
mkdirSync(dataDir, { recursive: true })
const secrets = {
  SESSION_SECRET: randomBytes(32).toString('hex'),
  DATA_KEY: randomBytes(32).toString('hex'),
}
writeFileSync(path.join(dataDir, 'secrets.json'), JSON.stringify(secrets))
let databaseUrl = `file:${path.join(dataDir, 'ballots.db')}`
if (ENGINE === 'postgres') {
  const admin = new pg.Client({ connectionString: PG_ADMIN })
  await admin.connect()
  await admin.query('drop database if exists bench_ballots')
  await admin.query('create database bench_ballots')
  await admin.end()
  databaseUrl = PG_URL
}

// ---- prepare: migrate, demo orgs, one campaign in voting ----
const env = {
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  DATABASE_URL: databaseUrl,
  DATA_DIR: dataDir,
  ...secrets,
  SEED_DEMO: 'false',
  RATE_LIMIT_PER_MINUTE: '1000000000',
  TRUST_PROXY: 'true',
  HOST: '127.0.0.1',
  COOKIE_SECURE: 'false',
  WEB_DIST: path.join(DATA_DIR, 'no-web'),
}
const database = createDatabase(databaseUrl)
const built = await buildApp(loadConfig(env, { generateSecrets: false }), {
  database,
  logger: false,
  webDist: null,
})
const seeded = await seedDemo(database.db, built.crypto)
const admin = await database.db
  .selectFrom('role_grant')
  .select('member_id')
  .where('role', '=', 'platform_admin')
  .executeTakeFirstOrThrow()
const ctx = {
  ...systemCtx(),
  actor: {
    memberId: admin.member_id,
    name: 'bench',
    orgId: '',
    grants: await loadGrants(database.db, admin.member_id),
  },
}
const campaign = await makeVotingCampaign(
  database.db,
  ctx,
  seeded.orgIds.get('甘肃省总工会'),
  baseRules({
    eligibility: 'sms',
    votesPerDay: 50,
    maxPerCandidatePerDay: 10,
    maxChoicesPerBallot: 2,
  }),
  { candidates: 10 },
)
await built.app.close()
await database.destroy()

// ---- server ----
requireWrk()
const port = await freePort()
const started = performance.now()
const server = serverCommand(flags.entry ?? 'auto')
// --cpu-prof DIR: write a V8 CPU profile of the server (on SIGTERM) for `node bench/profile-summary.mjs`.
const profileArgs = flags['cpu-prof']
  ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(flags['cpu-prof'])}`]
  : []
// --trace-gc FILE: the server's V8 GC trace (one line per scavenge or mark-compact), for telling
// young-generation cost from old-generation cost; summarise with `node bench/gc-summary.mjs FILE`.
const gcTrace = flags['trace-gc'] ? ['--trace-gc'] : []
const child = spawn(server.cmd, [...profileArgs, ...gcTrace, ...server.args], {
  cwd: ROOT,
  env: {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...env,
    PORT: String(port),
    // --semi-space MB: the server's young-generation size, for GC experiments.
    ...(flags['semi-space']
      ? { NODE_OPTIONS: `--max-semi-space-size=${Number(flags['semi-space'])}` }
      : {}),
  },
  stdio: [
    'ignore',
    flags['trace-gc'] ? openSync(path.resolve(flags['trace-gc']), 'w') : 'ignore',
    'inherit',
  ],
})
const base = `http://127.0.0.1:${port}`
// Never leave the server behind when the benchmark fails.
process.on('exit', () => child.exitCode === null && child.kill('SIGKILL'))
await waitFor200(`${base}/healthz`, started, 60_000, child)

// ---- load: Lua request generators for wrk ----
const VOTERS = 400_000
const expires = Date.now() + 6 * 3600_000
const tokensFile = path.join(dataDir, 'voter-tokens.txt')
writeFileSync(
  tokensFile,
  Array.from({ length: VOTERS }, (_, i) =>
    signVoterToken(
      secrets.SESSION_SECRET,
      campaign.campaignId,
      String(13_000_000_000 + i * 7919),
      expires,
    ),
  ).join('\n') + '\n',
)
// Each wrk run starts its sequence at a new offset, so runs use other voters and client keys.
let runNo = 0
const luaCommon = () => `
local seq = ${++runNo * 1_000_003}
local function ip(i) return string.format("10.0.%d.%d", math.floor(i / 250) % 256, i % 250) end
`
const ballotLua = () => `${luaCommon()}
local tokens = {}
for line in io.lines(${luaString(tokensFile)}) do tokens[#tokens + 1] = line end
local cands = { ${campaign.candidateIds.map(luaString).join(', ')} }
local path = ${luaString(`/api/v1/public/campaigns/${campaign.campaignId}/ballots`)}
request = function()
  seq = seq + 1
  local i = seq
  local a = cands[(i % 10) + 1]
  local b = cands[((i * 7 + 3) % 10) + 1]
  local choice
  if a == b or i % 2 == 1 then choice = '["' .. a .. '"]' else choice = '["' .. a .. '","' .. b .. '"]' end
  local v = i % ${VOTERS}
  local body = '{"clientKey":"b' .. i .. '-${port}","candidateIds":' .. choice .. ',"deviceId":"dev-' .. v .. '-x"}'
  return wrk.format("POST", path, { ["content-type"] = "application/json",
    ["x-voter-token"] = tokens[v + 1], ["x-forwarded-for"] = ip(i % 5000) }, body)
end
`
const noopPostLua = () => `${luaCommon()}
request = function()
  seq = seq + 1
  return wrk.format("POST", "/api/v1/noop", { ["content-type"] = "application/json",
    ["x-forwarded-for"] = ip(seq % 5000) }, '{"value":"b' .. seq .. '-${port}-' .. (seq % 10) .. '"}')
end
`
const getLua = (p) => () => `${luaCommon()}
request = function()
  seq = seq + 1
  return wrk.format("GET", ${luaString(p)}, { ["x-forwarded-for"] = ip(seq % 5000) })
end
`
const run = (lua, connections, duration, rate) =>
  runWrkMeasured(child.pid, { url: base, connections, duration, lua: lua(), rate })
const stat = (res) => res

const m = machine()
console.log(machineLine(m))
await run(noopPostLua, CONNECTIONS, 2)
await run(ballotLua, CONNECTIONS, 2)

const ingest = { noop: [], ballots: [] }
for (let r = 1; r <= ROUNDS; r++) {
  for (const [name, req] of [
    ['noop', noopPostLua],
    ['ballots', ballotLua],
  ]) {
    const s = stat(await run(req, CONNECTIONS, DURATION))
    ingest[name].push(s)
    console.log(
      `round ${r} ${name.padEnd(8)} ${int(s.rps)} req/s p50 ${ms(s.p50)} p99 ${ms(s.p99)} bad ${s.bad} server CPU ${int(s.cpuUsPerReq)} µs/req (${Math.round(s.cpuShare * 100)} % of a core) steal ${(100 * s.steal).toFixed(1)} %`,
    )
  }
}

// Paced: the same 200 connections send at a fixed rate, half the no-op POST's closed-loop rate
// measured above, as real voters do (ADR 0024). The latency target is judged here: in the
// closed loop above, every connection sends again the moment it is answered, so the server is
// always saturated and latency is the queue that 200 connections make (Little's law), for the
// no-op too. Rounds alternate the no-op and ballots at the same rate.
const PACED_SHARE = Number(flags['paced-share'] ?? 0.5)
const pacedRate = Math.round(PACED_SHARE * median(ingest.noop.map((s) => s.rps)))
const paced = { noop: [], ballots: [] }
for (let r = 1; r <= ROUNDS; r++) {
  for (const [name, req] of [
    ['noop', noopPostLua],
    ['ballots', ballotLua],
  ]) {
    const s = await run(req, CONNECTIONS, DURATION, pacedRate)
    paced[name].push(s)
    console.log(
      `paced ${r} ${name.padEnd(8)} offered ${int(pacedRate)}/s got ${int(s.rps)}/s p50 ${ms(s.p50)} p99 ${ms(s.p99)} max ${ms(s.max)} late ${s.late}/${s.sends} (worst ${ms(s.maxLagMs)}) bad ${s.bad} server CPU ${int(s.cpuUsPerReq)} µs/req steal ${(100 * s.steal).toFixed(1)} %`,
    )
  }
}

// What a read costs the server on its own (no ballots), per request: the leaderboard against the
// no-op GET, as server CPU time, which the host's drift moves less than req/s.
const board = getLua(`/api/v1/public/campaigns/${campaign.campaignId}/leaderboard`)
const alone = { noop: [], leaderboard: [] }
for (let r = 1; r <= (flags['ingest-only'] ? 0 : 2); r++) {
  for (const [name, req] of [
    ['noop', getLua('/api/v1/noop')],
    ['leaderboard', board],
  ]) {
    const s = await run(req, 100, Math.min(DURATION, 5))
    alone[name].push(s)
    console.log(
      `alone ${r} GET ${name.padEnd(11)} ${int(s.rps)} req/s p99 ${ms(s.p99)} server CPU ${int(s.cpuUsPerReq)} µs/req`,
    )
  }
}

// Reads while ballots stream in: 100 voters keep voting while 100 readers read.
const reads = { noop: [], leaderboard: [], ballotsDuring: [] }
for (let r = 1; r <= (flags['ingest-only'] ? 0 : READ_ROUNDS); r++) {
  for (const [name, req] of [
    ['noop', getLua('/api/v1/noop')],
    ['leaderboard', board],
  ]) {
    const [readRes, writeRes] = await Promise.all([
      run(req, 100, DURATION),
      run(ballotLua, 100, DURATION),
    ])
    reads[name].push(stat(readRes))
    reads.ballotsDuring.push(stat(writeRes))
    console.log(
      `round ${r} GET ${name.padEnd(11)} ${int(readRes.rps)} req/s p99 ${ms(readRes.p99)} while ballots ${int(writeRes.rps)}/s`,
    )
  }
}

child.kill('SIGTERM')
await new Promise((r) => child.once('exit', r))
const db2 = createDatabase(databaseUrl)
const rc = await recount(db2.db, campaign.campaignId)
await db2.destroy()
console.log(`recount: ${rc.ballots} ballots, ok=${rc.ok}`)

const med = (list, k) => median(list.map((s) => s[k]))
const nRps = med(ingest.noop, 'rps')
const bRps = med(ingest.ballots, 'rps')
const ratio = bRps / nRps
const p99 = med(ingest.ballots, 'p99')
const readRatio = med(reads.leaderboard, 'rps') / med(reads.noop, 'rps')
const aloneCpu = (name) => (alone[name].length ? med(alone[name], 'cpuUsPerReq') : NaN)
const perRound = ingest.ballots.map((s, i) => (s.rps / ingest.noop[i].rps).toFixed(2)).join(', ')
// Paced rounds: "sustained" means the server answered what was offered (within 3 %) and at
// most 1 % of sends left late because every connection was still waiting for an answer.
const sustained = (s) => s.rps >= 0.97 * pacedRate && s.late <= 0.01 * s.sends
const pacedRow = (label, list, target) => [
  label,
  `${int(med(list, 'rps'))} of ${int(pacedRate)}`,
  ms(med(list, 'p50')),
  ms(med(list, 'p99')),
  list.map((s) => ms(s.p99)).join(', '),
  list.map((s) => `${((100 * s.late) / Math.max(1, s.sends)).toFixed(1)} %`).join(', '),
  list.map((s) => int(s.cpuUsPerReq)).join(', '),
  list.map((s) => `${(100 * s.steal).toFixed(1)} %`).join(', '),
  target,
  String(list.reduce((n, s) => n + s.bad, 0)),
]
const pacedP99 = med(paced.ballots, 'p99')
const pacedOk = paced.ballots.every(sustained) && pacedP99 < 50
const pacedMd = table(
  [
    `case (${int(pacedRate)}/s offered = ${PACED_SHARE} × no-op)`,
    'answered/s (median)',
    'p50 ms',
    'p99 ms (median)',
    'p99 ms per round',
    'late sends per round',
    'server CPU µs/req per round',
    'steal per round',
    'target',
    'non-2xx',
  ],
  [
    pacedRow('POST /api/v1/noop, paced', paced.noop, '–'),
    pacedRow(
      'POST …/ballots, paced',
      paced.ballots,
      ENGINE === 'sqlite'
        ? `sustained, p99 < 50 ms: ${pacedOk ? 'met' : 'MISSED'}${paced.ballots.every(sustained) ? '' : ' (not sustained)'}`
        : 'reported',
    ),
  ],
)
console.log(`\n${pacedMd}`)
const readPerRound = reads.leaderboard
  .map((s, i) => (s.rps / reads.noop[i].rps).toFixed(2))
  .join(', ')
const md = table(
  ['case', 'req/s (median)', 'p50 ms', 'p99 ms', 'ratio', 'ratio per round', 'target', 'non-2xx'],
  [
    [
      'POST /api/v1/noop (baseline)',
      int(nRps),
      ms(med(ingest.noop, 'p50')),
      ms(med(ingest.noop, 'p99')),
      '1.00',
      '–',
      '–',
      String(ingest.noop.reduce((n, s) => n + s.bad, 0)),
    ],
    [
      'POST …/ballots (group commit)',
      int(bRps),
      ms(med(ingest.ballots, 'p50')),
      ms(p99),
      ratio.toFixed(2),
      perRound,
      ENGINE === 'sqlite'
        ? `≥ 0.5: ${ratio >= 0.5 ? 'met' : 'MISSED'}; p99 < 50 ms (closed loop): ${p99 < 50 ? 'met' : 'MISSED'}`
        : 'reported',
      String(ingest.ballots.reduce((n, s) => n + s.bad, 0)),
    ],
    [
      'GET /api/v1/noop alone (no ballots)',
      int(med(alone.noop, 'rps')),
      ms(med(alone.noop, 'p50')),
      ms(med(alone.noop, 'p99')),
      '1.00',
      '–',
      `server CPU ${int(aloneCpu('noop'))} µs/req`,
      String(alone.noop.reduce((n, s) => n + s.bad, 0)),
    ],
    [
      'GET …/leaderboard alone (no ballots)',
      int(med(alone.leaderboard, 'rps')),
      ms(med(alone.leaderboard, 'p50')),
      ms(med(alone.leaderboard, 'p99')),
      (med(alone.leaderboard, 'rps') / med(alone.noop, 'rps')).toFixed(2),
      alone.leaderboard.map((s, i) => (s.rps / alone.noop[i].rps).toFixed(2)).join(', '),
      `server CPU ${int(aloneCpu('leaderboard'))} µs/req (${(aloneCpu('leaderboard') / aloneCpu('noop')).toFixed(2)} × the no-op's)`,
      String(alone.leaderboard.reduce((n, s) => n + s.bad, 0)),
    ],
    [
      'GET /api/v1/noop while 100 voters vote',
      int(med(reads.noop, 'rps')),
      ms(med(reads.noop, 'p50')),
      ms(med(reads.noop, 'p99')),
      '1.00',
      '–',
      '–',
      String(reads.noop.reduce((n, s) => n + s.bad, 0)),
    ],
    [
      'GET …/leaderboard while 100 voters vote',
      int(med(reads.leaderboard, 'rps')),
      ms(med(reads.leaderboard, 'p50')),
      ms(med(reads.leaderboard, 'p99')),
      readRatio.toFixed(2),
      readPerRound,
      `≥ 0.8: ${readRatio >= 0.8 ? 'met' : 'MISSED'}`,
      String(reads.leaderboard.reduce((n, s) => n + s.bad, 0)),
    ],
  ],
)
console.log(`\n${md}`)
// Partial or profiled runs are for investigation; only full runs replace the recorded results.
if (!flags['ingest-only'] && !flags['cpu-prof'] && !flags['trace-gc'])
  writeSection(
    `ballots-${ENGINE}`,
    `## Ballot ingest and leaderboard reads over HTTP, ${ENGINE === 'sqlite' ? 'SQLite (WAL, synchronous=FULL)' : 'PostgreSQL 15'}

- date: ${now()}
- machine: ${machineLine(m)}; wrk (one thread) runs on the same machine as the server (they share the 2 cores)
- server: \`${server.label}\`, NODE_ENV=production, TRUST_PROXY=true, API rate limit raised out of the way (ballots have their own per-voter/device/IP limits, which stay on)
- dataset: fresh database, demo orgs, one SMS-eligibility campaign in voting with 10 candidates
- command: \`node --import tsx bench/ballots.mjs${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(' ')}` : ''}\`
- method: ${CONNECTIONS} connections, each request a different voter (${int(VOTERS)} pre-signed voter tokens), a new client key, 1–2 candidates, one of 5,000 client IPs; ${ROUNDS} rounds of ${DURATION} s alternating no-op POST and ballots after a 2 s warm-up each, closed loop (each connection sends again once answered); then ${ROUNDS} rounds of the same, paced at ${PACED_SHARE} × the no-op's closed-loop median (ADR 0024); then 2 rounds of ${Math.min(DURATION, 5)} s of GET no-op vs GET leaderboard (100 connections) with no ballots, for the server CPU each read costs; then ${READ_ROUNDS} rounds of GET no-op vs GET leaderboard (100 connections) each while 100 voters keep voting (the target's case). Medians of the rounds.
- after the run: recount of ${int(rc.ballots)} logged ballots ${rc.ok ? 'equals every counter' : `DIFFERS: ${rc.diffs.slice(0, 3).join('; ')}`}

${md}

Paced (ADR 0024): ${CONNECTIONS} connections share one schedule of evenly spaced sends; a send is late when every connection was still waiting for an answer at its slot (more than ${LATE_MS} ms late), and "sustained" means at least 97 % of the offered rate answered with at most 1 % of sends late. Latency is from each request's send.

${pacedMd}`,
  )
process.exit(0)
