/**
 * Recounts a campaign from its ballot log and checks receipts.
 *
 *   npm run campaign:recount -- --campaign <id> [--database-url URL] [--log ballot-log.ndjson] [--receipt CODE ...]
 *
 * Every counter (per-candidate tally and invalidated votes, votes per candidate per day,
 * turnout per org and day, campaign totals) is recomputed from the log — the database's
 * campaign_ballot rows, or an exported NDJSON ballot log (GET /api/v1/campaigns/:id/ballot-log)
 * — and compared with the stored counters. Each --receipt is looked up in the same log.
 * Exit code 0 when everything matches, 1 otherwise.
 */
import { createReadStream } from 'node:fs'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { loadConfig } from '../src/config/env'
import { createDatabase } from '../src/platform/db/create-db'
import { ballotIdOfReceipt, receiptOf } from '../src/modules/campaigns/votes/receipt'
import { ballotLogOf, recount, type LogEntry } from '../src/modules/campaigns/votes/recount'

const { values: args } = parseArgs({
  options: {
    campaign: { type: 'string' },
    'database-url': { type: 'string' },
    log: { type: 'string' },
    receipt: { type: 'string', multiple: true, default: [] },
  },
  strict: true,
})
if (!args.campaign) {
  console.error(
    'usage: npm run campaign:recount -- --campaign <id> [--database-url URL] [--log file.ndjson] [--receipt CODE ...]',
  )
  process.exit(2)
}
const campaignId = args.campaign
const baseDir = process.env.INIT_CWD ?? process.cwd()
const config = loadConfig(
  args['database-url'] ? { ...process.env, DATABASE_URL: args['database-url'] } : process.env,
)
const url = config.DATABASE_URL.startsWith('file:')
  ? `file:${path.resolve(baseDir, config.DATABASE_URL.slice('file:'.length))}`
  : config.DATABASE_URL
const database = createDatabase(url)

async function* fileLog(file: string): AsyncGenerator<LogEntry> {
  const rl = createInterface({ input: createReadStream(path.resolve(baseDir, file)) })
  for await (const line of rl) if (line.trim()) yield JSON.parse(line) as LogEntry
}

const receipts = new Set(
  args.receipt.map((c) => ballotIdOfReceipt(c) && receiptOf(ballotIdOfReceipt(c)!)),
)
const found = new Map<string, LogEntry>()
const source = args.log ? fileLog(args.log) : ballotLogOf(database.db, campaignId)
async function* watched() {
  for await (const e of source) {
    if (receipts.has(e.receipt)) found.set(e.receipt, e)
    yield e
  }
}

const started = Date.now()
const result = await recount(database.db, campaignId, watched())
const ms = Date.now() - started
console.log(
  JSON.stringify(
    {
      campaignId,
      source: args.log ?? 'database',
      ballots: result.ballots,
      totals: result.expected.totals,
      ok: result.ok,
      differences: result.diffs.slice(0, 50),
      receipts: args.receipt.map((code) => {
        const canonical = ballotIdOfReceipt(code) ? receiptOf(ballotIdOfReceipt(code)!) : null
        const e = canonical ? found.get(canonical) : undefined
        return e
          ? { code, found: true, status: e.status, candidateIds: e.candidateIds, day: e.day }
          : { code, found: false }
      }),
      ms,
    },
    null,
    2,
  ),
)
await database.destroy()
const receiptsOk = args.receipt.every((c) => {
  const canonical = ballotIdOfReceipt(c) ? receiptOf(ballotIdOfReceipt(c)!) : null
  return canonical !== null && found.has(canonical)
})
process.exit(result.ok && receiptsOk ? 0 : 1)
