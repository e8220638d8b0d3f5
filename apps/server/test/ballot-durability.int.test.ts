import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { buildApp } from '../src/app'
import { loadConfig } from '../src/config/env'
import { loadGrants } from '../src/core/roles'
import { systemCtx } from '../src/core/access'
import { seedDemo } from '../src/demo/seed-demo'
import { createDatabase } from '../src/platform/db/create-db'
import { recount } from '../src/modules/campaigns/votes/recount'
import { campaignOfToken, signVoterToken } from '../src/modules/campaigns/votes/voter'
import { ballotIdOfReceipt } from '../src/modules/campaigns/votes/receipt'
import {
  baseRules,
  makeVotingCampaign,
} from '../src/modules/campaigns/votes/votes.fixtures.test-helpers'

/**
 * A ballot acknowledged with a 2xx is never lost: the server (a real child process on a SQLite
 * file with synchronous=FULL, or on a fresh PostgreSQL database when TEST_DATABASE_URL is set)
 * is killed with SIGKILL while 64 clients stream ballots; after a restart every acknowledged
 * receipt is in the log and a recount equals the counters.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'uh-durability-'))
const dbFile = path.join(dir, 'ballots.db')
const pgAdminUrl = process.env.TEST_DATABASE_URL || undefined
const pgDatabase = `uh_durability_${process.pid}_${Date.now()}`
/** The same server and credentials as TEST_DATABASE_URL, another (fresh) database. */
const pgUrl = pgAdminUrl
  ? (() => {
      const u = new URL(pgAdminUrl)
      u.pathname = `/${pgDatabase}`
      return u.toString()
    })()
  : undefined
const adminQuery = async (sql: string) => {
  const client = new pg.Client({ connectionString: pgAdminUrl })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}
const SECRET = 'd'.repeat(64)
const env = {
  NODE_ENV: 'production',
  LOG_LEVEL: 'silent',
  DATABASE_URL: pgUrl ?? `file:${dbFile}`,
  DATA_DIR: dir,
  SESSION_SECRET: SECRET,
  DATA_KEY: 'e'.repeat(64),
  SEED_DEMO: 'false',
  RATE_LIMIT_PER_MINUTE: '1000000',
  HOST: '127.0.0.1',
}
const serverEntry = path.resolve(__dirname, '../src/main.ts')
const repoRoot = path.resolve(__dirname, '../../..')

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })

const start = async (port: number) => {
  // Node itself with tsx's loader, not the tsx CLI: the CLI runs the server as its own child,
  // so SIGKILL would kill the wrapper and leave the server running (and writing).
  const child = spawn(process.execPath, ['--import', 'tsx', serverEntry], {
    cwd: repoRoot,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: 'ignore',
  })
  for (let i = 0; i < 200; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`)
      if (r.ok) return child
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  child.kill('SIGKILL')
  throw new Error('server did not start')
}

const castAt = (port: number, token: string, body: string) =>
  fetch(`http://127.0.0.1:${port}/api/v1/public/campaigns/${campaignOfToken(token)}/ballots`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-voter-token': token },
    body,
  })

let child: ChildProcess | null = null
afterAll(async () => {
  child?.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
  if (pgAdminUrl) await adminQuery(`drop database if exists "${pgDatabase}" with (force)`)
})

describe('ballot durability', () => {
  it('keeps every acknowledged ballot through a SIGKILL and a restart', async () => {
    if (pgAdminUrl) await adminQuery(`create database "${pgDatabase}"`)
    // Prepare the database in-process: migrate, demo data, one SMS campaign in voting.
    const config = loadConfig(env, { generateSecrets: false })
    const database = createDatabase(env.DATABASE_URL)
    const built = await buildApp(config, { database, logger: false, webDist: null })
    const seeded = await seedDemo(database.db, built.crypto)
    const adminId = await database.db
      .selectFrom('role_grant')
      .select('member_id')
      .where('role', '=', 'platform_admin')
      .executeTakeFirstOrThrow()
    const ctx = {
      ...systemCtx(),
      actor: {
        memberId: adminId.member_id,
        name: 'admin',
        orgId: '',
        grants: await loadGrants(database.db, adminId.member_id),
      },
    }
    const c = await makeVotingCampaign(
      database.db,
      ctx,
      seeded.orgIds.get('甘肃省总工会')!,
      baseRules({ eligibility: 'sms', votesPerDay: 100, maxPerCandidatePerDay: 100 }),
    )
    await built.app.close()
    await database.destroy()

    const port = await freePort()
    child = await start(port)
    const acked: string[] = []
    /** What was sent for each acknowledged ballot, to retry some after the restart. */
    const sent = new Map<string, { token: string; body: string }>()
    let stop = false
    let seq = 0
    const client = async (n: number) => {
      while (!stop) {
        const i = seq++
        const token = signVoterToken(
          SECRET,
          c.campaignId,
          `1${String(3e9 + i * 37).slice(0, 10)}`,
          Date.now() + 3600_000,
        )
        const body = JSON.stringify({
          clientKey: `dur-${n}-${i}-key`,
          candidateIds: [c.candidateIds[i % 4], c.candidateIds[(i + 1) % 4]],
        })
        try {
          const r = await castAt(port, token, body)
          if (r.status === 201) {
            const code = ((await r.json()) as { receiptCode: string }).receiptCode
            acked.push(code)
            sent.set(code, { token, body })
          } else await r.arrayBuffer()
        } catch {
          return // the server is gone
        }
      }
    }
    const clients = Array.from({ length: 64 }, (_, n) => client(n))
    await new Promise((r) => setTimeout(r, 1500))
    child.kill('SIGKILL')
    await new Promise((r) => child!.once('exit', r))
    stop = true
    await Promise.all(clients)
    expect(acked.length).toBeGreaterThan(100)
    // The server itself is gone (no wrapper process survived it holding the port).
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow()

    // Restart on the same file: the receipts answer, and the log recounts to the counters.
    child = await start(port)
    const db2 = createDatabase(env.DATABASE_URL)
    try {
      const ids = new Set(
        (
          await db2.db
            .selectFrom('campaign_ballot')
            .select('id')
            .where('campaign_id', '=', c.campaignId)
            .execute()
        ).map((r: { id: string }) => r.id),
      )
      const missing = acked.filter((code) => !ids.has(ballotIdOfReceipt(code)!))
      expect(missing).toEqual([])
      const sample = acked[acked.length - 1]!
      const r = await fetch(
        `http://127.0.0.1:${port}/api/v1/public/campaigns/${c.campaignId}/receipts/${sample}`,
      )
      expect(r.status).toBe(200)
      // The voter side table lagged the log when the server died (it is filled every few
      // seconds, ADR 0021); the restarted server indexes the gap before its first read.
      for (const code of acked.slice(-3)) {
        const mine = await fetch(
          `http://127.0.0.1:${port}/api/v1/public/campaigns/${c.campaignId}/my-receipts`,
          { headers: { 'x-voter-token': sent.get(code)!.token } },
        )
        expect(mine.status).toBe(200)
        const items = ((await mine.json()) as { items: { receiptCode: string }[] }).items
        expect(items.map((x) => x.receiptCode)).toEqual([code])
      }
      // A client retrying after the restart gets its original receipt, and nothing counts twice:
      // the restarted engine knows the day's keys only from the log (ADR 0019).
      for (const code of acked.slice(-5)) {
        const { token, body } = sent.get(code)!
        const again = await castAt(port, token, body)
        expect(again.status).toBe(200)
        expect(again.headers.get('idempotent-replay')).toBe('true')
        expect(((await again.json()) as { receiptCode: string }).receiptCode).toBe(code)
      }
      const result = await recount(db2.db, c.campaignId)
      expect(result.diffs).toEqual([])
      expect(result.ballots).toBeGreaterThanOrEqual(acked.length)
      expect(result.ballots).toBe(ids.size)
    } finally {
      await db2.destroy()
      child.kill('SIGKILL')
    }
  }, 60_000)
})
