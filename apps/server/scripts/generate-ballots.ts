/**
 * Generates a large voting campaign on SQLite for the scale benchmark: V voters, B ballots
 * over D days, spread over the demo orgs, written straight into campaign_ballot with prepared
 * statements in big transactions (the ballot indexes are dropped during the load and rebuilt
 * after, as a bulk import would), with the counters computed alongside. Then it times what the
 * results need: per-candidate totals and turnout per org from the counters, and a full recount
 * from the log.
 *
 *   npx tsx apps/server/scripts/generate-ballots.ts --database-url file:bench/data/ballots-scale.db --voters 3000000 --ballots 30000000
 *
 * Flags: --voters (3000000) --ballots (3000000) --days (10) --candidates (50) --skip-recount
 */
import { rmSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import { uuidv7 } from 'uuidv7'
import { buildApp } from '../src/app'
import { loadConfig } from '../src/config/env'
import { systemCtx } from '../src/core/access'
import { loadGrants } from '../src/core/roles'
import { seedDemo } from '../src/demo/seed-demo'
import { createDatabase } from '../src/platform/db/create-db'
import { aggregateBatch, type BallotWrite } from '../src/modules/campaigns/votes/votes.repository'
import { recount } from '../src/modules/campaigns/votes/recount'
import { createVotesService, getTallies } from '../src/modules/campaigns/votes/votes.service'
import {
  baseRules,
  makeVotingCampaign,
} from '../src/modules/campaigns/votes/votes.fixtures.test-helpers'

const { values: args } = parseArgs({
  options: {
    'database-url': { type: 'string', default: 'file:bench/data/ballots-scale.db' },
    voters: { type: 'string', default: '3000000' },
    ballots: { type: 'string', default: '3000000' },
    days: { type: 'string', default: '10' },
    candidates: { type: 'string', default: '50' },
    'skip-recount': { type: 'boolean', default: false },
  },
  strict: true,
})
const baseDir = process.env.INIT_CWD ?? process.cwd()
const file = path.resolve(baseDir, args['database-url'].replace(/^file:/, ''))
for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true })
const VOTERS = Number(args.voters)
const BALLOTS = Number(args.ballots)
const DAYS = Number(args.days)
const CANDIDATES = Number(args.candidates)

const env = {
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  DATABASE_URL: `file:${file}`,
  SESSION_SECRET: 's'.repeat(64),
  DATA_KEY: 'd'.repeat(64),
  SEED_DEMO: 'false',
}
const database = createDatabase(env.DATABASE_URL)
const built = await buildApp(loadConfig(env, { generateSecrets: false }), {
  database,
  logger: false,
  webDist: null,
})
const seeded = await seedDemo(database.db, built.crypto)
const { rows: admins } = await sql<{
  member_id: string
}>`select member_id from role_grant where role = 'platform_admin' limit 1`.execute(database.db)
const admin = admins[0]!
const ctx = {
  ...systemCtx(),
  actor: {
    memberId: admin.member_id,
    name: 'generator',
    orgId: '',
    grants: await loadGrants(database.db, admin.member_id),
  },
}
const c = await makeVotingCampaign(
  database.db,
  ctx,
  seeded.orgIds.get('中华全国总工会')!,
  baseRules({ votesPerDay: 10, maxPerCandidatePerDay: 3, maxChoicesPerBallot: 3 }),
  { candidates: CANDIDATES },
)
const orgIds = [...seeded.orgIds.values()]
const sqlite = database.sqlite!
sqlite.pragma('synchronous = OFF') // a bulk load; the server keeps FULL
sqlite.exec('drop index campaign_ballot_campaign_idx')
sqlite.exec('drop index campaign_ballot_review_idx')

const insert = sqlite.prepare(
  `insert into campaign_ballot (id, campaign_id, voter_key, voter_masked, voter_org_id, device_hash,
   ip_hash, client_key, candidate_ids, cast_at, day, signals, status, invalidation_reason,
   status_changed_at, status_changed_by) values (?,?,?,?,?,?,?,?,?,?,?,?,?,null,null,null)`,
)
let seed = 42
const rnd = (n: number) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff
  return seed % n
}
const t0 = Date.now()
const dayStart = Date.parse('2026-02-01T00:00:00.000Z')
const totals = new Map<string, number>()
const agg = {
  tally: new Map<string, number>(),
  daily: new Map<string, number>(),
  turnout: new Map<string, { ballots: number; votes: number }>(),
}
const merge = (items: BallotWrite[]) => {
  const a = aggregateBatch(items)
  for (const [k, n] of a.tally) agg.tally.set(k, (agg.tally.get(k) ?? 0) + n)
  for (const [k, n] of a.daily) agg.daily.set(k, (agg.daily.get(k) ?? 0) + n)
  for (const [k, v] of a.turnout) {
    const t = agg.turnout.get(k) ?? { ballots: 0, votes: 0 }
    t.ballots += v.ballots
    t.votes += v.votes
    agg.turnout.set(k, t)
  }
  for (const [k, v] of a.totals) totals.set(k, (totals.get(k) ?? 0) + v.votes)
}
const CHUNK = 50_000
for (let done = 0; done < BALLOTS; done += CHUNK) {
  const items: BallotWrite[] = []
  sqlite.transaction(() => {
    for (let i = done; i < Math.min(BALLOTS, done + CHUNK); i++) {
      const voter = rnd(VOTERS)
      const day = Math.floor((i / BALLOTS) * DAYS)
      const ms =
        dayStart +
        day * 86_400_000 +
        Math.floor(((i % (BALLOTS / DAYS)) / (BALLOTS / DAYS)) * 86_000_000)
      const n = 1 + rnd(3)
      const cands = new Set<string>()
      while (cands.size < n) cands.add(c.candidateIds[rnd(CANDIDATES)]!)
      const ids = [...cands]
      const orgId = orgIds[voter % orgIds.length]!
      const dayStr = new Date(ms + 8 * 3600_000).toISOString().slice(0, 10)
      const row = {
        id: uuidv7(),
        campaign_id: c.campaignId,
        voter_key: `v${voter.toString(36).padStart(8, '0')}${'x'.repeat(23)}`,
        voter_masked: '139****0000',
        voter_org_id: orgId,
        device_hash: null,
        ip_hash: null,
        client_key: `g${i.toString(36)}`,
        candidate_ids: JSON.stringify(ids),
        cast_at: new Date(ms).toISOString(),
        day: dayStr,
        signals: '[]',
        status: 'counted' as const,
        invalidation_reason: null,
        status_changed_at: null,
        status_changed_by: null,
      }
      insert.run(
        row.id,
        row.campaign_id,
        row.voter_key,
        row.voter_masked,
        row.voter_org_id,
        null,
        null,
        row.client_key,
        row.candidate_ids,
        row.cast_at,
        row.day,
        '[]',
        'counted',
      )
      items.push({ row, orgId, candidateIds: ids })
    }
  })()
  merge(items)
  if ((done / CHUNK) % 20 === 0)
    console.log(
      `${(done + CHUNK).toLocaleString()} ballots, ${Math.round((done + CHUNK) / ((Date.now() - t0) / 1000)).toLocaleString()} rows/s`,
    )
}
const loadMs = Date.now() - t0
sqlite.transaction(() => {
  const tally = sqlite.prepare('insert into campaign_tally values (?, ?, ?, 0)')
  for (const [k, n] of agg.tally) tally.run(...k.split('|'), n)
  const daily = sqlite.prepare('insert into campaign_tally_daily values (?, ?, ?, ?)')
  for (const [k, n] of agg.daily) daily.run(...k.split('|'), n)
  const turnout = sqlite.prepare('insert into campaign_turnout values (?, ?, ?, ?, ?)')
  for (const [k, v] of agg.turnout) turnout.run(...k.split('|'), v.ballots, v.votes)
  sqlite
    .prepare('insert into campaign_vote_totals values (?, ?, ?, 0, 0)')
    .run(c.campaignId, BALLOTS, totals.get(c.campaignId) ?? 0)
})()
const t1 = Date.now()
sqlite.exec('create index campaign_ballot_campaign_idx on campaign_ballot (campaign_id, id)')
// The voter side table (ADR 0021) in one sorted pass, and its watermark at the log's end.
// Everything after the old watermark (the demo campaigns' ballots may be in it already).
sqlite.exec(`insert or ignore into campaign_ballot_voter (campaign_id, voter_key, ballot_id)
  select campaign_id, voter_key, id from campaign_ballot
  where rowid > (select last_rowid from campaign_ballot_voter_mark where id = 1)
  order by 1, 2, 3`)
sqlite.exec(
  'update campaign_ballot_voter_mark set last_rowid = (select max(rowid) from campaign_ballot)',
)
sqlite.exec(
  "create index campaign_ballot_review_idx on campaign_ballot (campaign_id, id) where status <> 'counted'",
)
const indexMs = Date.now() - t1
sqlite.pragma('synchronous = FULL')

// ---- what the results and the live pages read ----
const time = async <T>(fn: () => Promise<T>) => {
  const s = performance.now()
  const v = await fn()
  return { ms: performance.now() - s, v }
}
const tallies = await time(() => getTallies(database.db, c.campaignId))
const svc = createVotesService({
  db: database.db,
  database,
  crypto: built.crypto,
  secret: env.SESSION_SECRET,
  sms: built.sms,
  consumeOtp: () => Promise.resolve(),
})
const turnout = await time(() => svc.publicTurnout(c.campaignId, new Date()))
const board = await time(() => svc.publicLeaderboard(c.campaignId, new Date()))
const rc = args['skip-recount'] ? null : await time(() => recount(database.db, c.campaignId))
await svc.close()
console.log(
  JSON.stringify(
    {
      campaignId: c.campaignId,
      voters: VOTERS,
      ballots: BALLOTS,
      votes: tallies.v.totals.votes,
      loadSeconds: loadMs / 1000,
      loadRowsPerSecond: Math.round(BALLOTS / (loadMs / 1000)),
      indexSeconds: indexMs / 1000,
      perCandidateTotalsMs: Math.round(tallies.ms * 10) / 10,
      turnoutPerOrgMs: Math.round(turnout.ms * 10) / 10,
      turnoutOrgs: turnout.v.items.length,
      leaderboardMs: Math.round(board.ms * 10) / 10,
      recountSeconds: rc ? rc.ms / 1000 : null,
      recountOk: rc ? rc.v.ok : null,
    },
    null,
    2,
  ),
)
await built.app.close()
await database.destroy()
