/**
 * Times what the results pages read on an existing large campaign database (one made by
 * generate-ballots.ts): per-candidate totals, turnout per org (rolled up the org tree) and the
 * leaderboard, through the votes service, 3 calls each (the first is cold: statements are
 * prepared and caches empty; later ones read through the 1 s caches where the service has them).
 *
 *   npx tsx apps/server/scripts/measure-ballot-reads.ts --database-url file:bench/data/ballots-scale.db
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import { buildApp } from '../src/app'
import { loadConfig } from '../src/config/env'
import { createDatabase } from '../src/platform/db/create-db'
import { createVotesService, getTallies } from '../src/modules/campaigns/votes/votes.service'

const { values: args } = parseArgs({
  options: { 'database-url': { type: 'string', default: 'file:bench/data/ballots-scale.db' } },
  strict: true,
})
const baseDir = process.env.INIT_CWD ?? process.cwd()
const file = path.resolve(baseDir, args['database-url'].replace(/^file:/, ''))
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
const { rows } = await sql<{
  campaign_id: string
  ballots: number
}>`select campaign_id, ballots from campaign_vote_totals order by ballots desc limit 1`.execute(
  database.db,
)
const top = rows[0]
if (!top) throw new Error(`no campaign with ballots in ${file}`)
const svc = createVotesService({
  db: database.db,
  database,
  crypto: built.crypto,
  secret: env.SESSION_SECRET,
  sms: built.sms,
  consumeOtp: () => Promise.resolve(),
})
const times = async (fn: () => Promise<unknown>) => {
  const out: number[] = []
  for (let i = 0; i < 3; i++) {
    const s = performance.now()
    await fn()
    out.push(Math.round((performance.now() - s) * 10) / 10)
  }
  return out
}
const result = {
  campaignId: top.campaign_id,
  ballots: Number(top.ballots),
  perCandidateTotalsMs: await times(() => getTallies(database.db, top.campaign_id)),
  turnoutPerOrgMs: await times(() => svc.publicTurnout(top.campaign_id, new Date())),
  turnoutOrgs: (await svc.publicTurnout(top.campaign_id, new Date())).items.length,
  leaderboardMs: await times(() => svc.publicLeaderboard(top.campaign_id, new Date())),
}
await svc.close()
await built.app.close()
await database.destroy()
console.log(JSON.stringify(result, null, 2))
