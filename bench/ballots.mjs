// Ballot ingest over HTTP vs the no-op POST, and leaderboard reads while ballots stream in.
// The server runs as a child process on a fresh database with one SMS-eligibility campaign in
// voting (10 candidates); each request is a different voter (a pre-signed voter token), a new
// client key and one or two candidates, from one of 5,000 client IPs (X-Forwarded-For, with
// TRUST_PROXY=true for the baseline too). Baselines are measured in the same run, alternated.
//
//   node --import tsx bench/ballots.mjs [--engine sqlite|postgres] [--rounds 3] [--duration 10]
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import autocannon from 'autocannon'
import pg from 'pg'
import {
  DATA_DIR,
  ROOT,
  freePort,
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
const port = await freePort()
const started = performance.now()
const child = spawn(
  process.execPath,
  ['--import', 'tsx', path.join(ROOT, 'apps/server/src/main.ts')],
  {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  },
)
const base = `http://127.0.0.1:${port}`
await waitFor200(`${base}/healthz`, started, 60_000, child)

// ---- load ----
const VOTERS = 400_000
const expires = Date.now() + 6 * 3600_000
const tokens = Array.from({ length: VOTERS }, (_, i) =>
  signVoterToken(
    secrets.SESSION_SECRET,
    campaign.campaignId,
    String(13_000_000_000 + i * 7919),
    expires,
  ),
)
let seq = 0
const ipOf = (i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i % 250}`
const ballotRequest = {
  method: 'POST',
  path: `/api/v1/public/campaigns/${campaign.campaignId}/ballots`,
  setupRequest: (req) => {
    const i = seq++
    const a = campaign.candidateIds[i % 10]
    const b = campaign.candidateIds[(i * 7 + 3) % 10]
    return {
      ...req,
      headers: {
        'content-type': 'application/json',
        'x-voter-token': tokens[i % VOTERS],
        'x-forwarded-for': ipOf(i % 5000),
      },
      body: JSON.stringify({
        clientKey: `b${i.toString(36)}-${port}`,
        candidateIds: a === b || i % 2 ? [a] : [a, b],
        deviceId: `dev-${(i % VOTERS).toString(36)}-x`,
      }),
    }
  },
}
const noopPost = {
  method: 'POST',
  path: '/api/v1/noop',
  setupRequest: (req) => {
    const i = seq++
    return {
      ...req,
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ipOf(i % 5000) },
      body: JSON.stringify({ value: `b${i.toString(36)}-${port}-${i % 10}` }),
    }
  },
}
const getOf = (p) => ({
  method: 'GET',
  path: p,
  setupRequest: (req) => {
    const i = seq++
    return { ...req, headers: { 'x-forwarded-for': ipOf(i % 5000) } }
  },
})

const run = (request, connections, duration) =>
  new Promise((resolve, reject) => {
    autocannon({ url: base, connections, duration, requests: [request] }, (err, res) =>
      err ? reject(err) : resolve(res),
    )
  })
const stat = (res) => ({
  rps: res.requests.average,
  p50: res.latency.p50,
  p99: res.latency.p99,
  bad: res.non2xx + res.errors + res.timeouts,
  total: res.requests.total,
})

const m = machine()
console.log(machineLine(m))
await run(noopPost, CONNECTIONS, 2)
await run(ballotRequest, CONNECTIONS, 2)

const ingest = { noop: [], ballots: [] }
for (let r = 1; r <= ROUNDS; r++) {
  for (const [name, req] of [
    ['noop', noopPost],
    ['ballots', ballotRequest],
  ]) {
    const s = stat(await run(req, CONNECTIONS, DURATION))
    ingest[name].push(s)
    console.log(
      `round ${r} ${name.padEnd(8)} ${int(s.rps)} req/s p50 ${ms(s.p50)} p99 ${ms(s.p99)} bad ${s.bad}`,
    )
  }
}

// Reads while ballots stream in: 100 voters keep voting while 100 readers read.
const reads = { noop: [], leaderboard: [], ballotsDuring: [] }
const board = getOf(`/api/v1/public/campaigns/${campaign.campaignId}/leaderboard`)
for (let r = 1; r <= ROUNDS; r++) {
  for (const [name, req] of [
    ['noop', getOf('/api/v1/noop')],
    ['leaderboard', board],
  ]) {
    const [readRes, writeRes] = await Promise.all([
      run(req, 100, DURATION),
      run(ballotRequest, 100, DURATION),
    ])
    reads[name].push(stat(readRes))
    reads.ballotsDuring.push(stat(writeRes))
    console.log(
      `round ${r} GET ${name.padEnd(11)} ${int(readRes.requests.average)} req/s p99 ${ms(readRes.latency.p99)} while ballots ${int(writeRes.requests.average)}/s`,
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
const perRound = ingest.ballots.map((s, i) => (s.rps / ingest.noop[i].rps).toFixed(2)).join(', ')
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
        ? `≥ 0.5 and p99 < 50 ms: ${ratio >= 0.5 && p99 < 50 ? 'met' : 'MISSED'}`
        : 'reported',
      String(ingest.ballots.reduce((n, s) => n + s.bad, 0)),
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
writeSection(
  `ballots-${ENGINE}`,
  `## Ballot ingest and leaderboard reads over HTTP, ${ENGINE === 'sqlite' ? 'SQLite (WAL, synchronous=FULL)' : 'PostgreSQL 15'}

- date: ${now()}
- machine: ${machineLine(m)}; autocannon runs on the same machine as the server (they share the 2 cores)
- server: \`node --import tsx apps/server/src/main.ts\`, NODE_ENV=production, TRUST_PROXY=true, API rate limit raised out of the way (ballots have their own per-voter/device/IP limits, which stay on)
- dataset: fresh database, demo orgs, one SMS-eligibility campaign in voting with 10 candidates
- command: \`node --import tsx bench/ballots.mjs${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(' ')}` : ''}\`
- method: ${CONNECTIONS} connections, each request a different voter (${int(VOTERS)} pre-signed voter tokens), a new client key, 1–2 candidates, one of 5,000 client IPs; ${ROUNDS} rounds of ${DURATION} s alternating no-op POST and ballots after a 2 s warm-up each; then ${ROUNDS} rounds of GET no-op vs GET leaderboard (100 connections) each while 100 voters keep voting. Medians of the rounds.
- after the run: recount of ${int(rc.ballots)} logged ballots ${rc.ok ? 'equals every counter' : `DIFFERS: ${rc.diffs.slice(0, 3).join('; ')}`}

${md}`,
)
process.exit(0)
