import { fromJson } from '../../../platform/db/columns'
import type { Db } from '../../../platform/db/create-db'
import { receiptOf } from './receipt'
import * as repo from './votes.repository'
import type { BallotStatus } from './votes.types'

/**
 * Recount: every counter of a campaign recomputed from its ballot log, compared with the
 * counters the group-commit writer maintained. Equal counters are the proof that no
 * acknowledged ballot was lost or counted twice. Used by `npm run campaign:recount` and tests.
 */
export type LogEntry = {
  receipt: string
  orgId: string
  day: string
  candidateIds: string[]
  status: BallotStatus
}

export type Counters = {
  tally: Map<string, { votes: number; invalidated: number }>
  daily: Map<string, number>
  turnout: Map<string, { ballots: number; votes: number }>
  totals: { ballots: number; votes: number; invalidatedBallots: number; invalidatedVotes: number }
}

export const emptyCounters = (): Counters => ({
  tally: new Map(),
  daily: new Map(),
  turnout: new Map(),
  totals: { ballots: 0, votes: 0, invalidatedBallots: 0, invalidatedVotes: 0 },
})

/** Adds one logged ballot to counters (flagged ballots count until invalidated). */
export const addToCounters = (c: Counters, e: Omit<LogEntry, 'receipt'>) => {
  const valid = e.status !== 'invalidated'
  for (const id of e.candidateIds) {
    const t = c.tally.get(id) ?? { votes: 0, invalidated: 0 }
    if (valid) t.votes++
    else t.invalidated++
    c.tally.set(id, t)
    if (valid) c.daily.set(`${id}|${e.day}`, (c.daily.get(`${id}|${e.day}`) ?? 0) + 1)
  }
  if (valid) {
    const k = `${e.orgId}|${e.day}`
    const t = c.turnout.get(k) ?? { ballots: 0, votes: 0 }
    t.ballots++
    t.votes += e.candidateIds.length
    c.turnout.set(k, t)
    c.totals.ballots++
    c.totals.votes += e.candidateIds.length
  } else {
    c.totals.invalidatedBallots++
    c.totals.invalidatedVotes += e.candidateIds.length
  }
}

/** The counters as stored (campaign_tally, campaign_tally_daily, campaign_turnout, totals). */
export const storedCounters = async (db: Db, campaignId: string): Promise<Counters> => {
  const [tally, daily, turnout, totals] = await Promise.all([
    repo.findTallies(db, campaignId),
    repo.findDailyTallies(db, campaignId),
    repo.findTurnoutRows(db, campaignId),
    repo.findTotals(db, campaignId),
  ])
  const c = emptyCounters()
  for (const r of tally)
    c.tally.set(r.candidate_id, {
      votes: Number(r.votes),
      invalidated: Number(r.invalidated_votes),
    })
  for (const r of daily) c.daily.set(`${r.candidate_id}|${r.day}`, Number(r.votes))
  for (const r of turnout)
    c.turnout.set(`${r.org_id}|${r.day}`, { ballots: Number(r.ballots), votes: Number(r.votes) })
  if (totals)
    c.totals = {
      ballots: Number(totals.ballots),
      votes: Number(totals.votes),
      invalidatedBallots: Number(totals.invalidated_ballots),
      invalidatedVotes: Number(totals.invalidated_votes),
    }
  return c
}

/** Differences between two sets of counters ("what: expected vs stored"); zero rows are ignored. */
export const diffCounters = (expected: Counters, stored: Counters): string[] => {
  const out: string[] = []
  const cmp = <V>(
    name: string,
    a: Map<string, V>,
    b: Map<string, V>,
    isZero: (v: V) => boolean,
  ) => {
    for (const k of new Set([...a.keys(), ...b.keys()])) {
      const x = a.get(k)
      const y = b.get(k)
      const xs = x === undefined || isZero(x) ? null : JSON.stringify(x)
      const ys = y === undefined || isZero(y) ? null : JSON.stringify(y)
      if (xs !== ys) out.push(`${name} ${k}: log ${xs ?? '0'} vs counters ${ys ?? '0'}`)
    }
  }
  cmp('tally', expected.tally, stored.tally, (v) => v.votes === 0 && v.invalidated === 0)
  cmp('daily', expected.daily, stored.daily, (v) => v === 0)
  cmp('turnout', expected.turnout, stored.turnout, (v) => v.ballots === 0 && v.votes === 0)
  if (JSON.stringify(expected.totals) !== JSON.stringify(stored.totals))
    out.push(
      `totals: log ${JSON.stringify(expected.totals)} vs counters ${JSON.stringify(stored.totals)}`,
    )
  return out
}

/** Streams the campaign's ballot log from the database (keyset pages in id order). */
export async function* ballotLogOf(db: Db, campaignId: string, pageSize = 10_000) {
  let after = ''
  for (;;) {
    const rows = await repo.findBallotLogPage(db, campaignId, after, pageSize)
    if (rows.length === 0) return
    for (const r of rows)
      yield {
        receipt: receiptOf(r.id),
        voterKey: r.voter_key,
        orgId: r.voter_org_id ?? '',
        day: r.day,
        candidateIds: fromJson<string[]>(r.candidate_ids) ?? [],
        status: r.status,
      }
    after = rows[rows.length - 1]!.id
  }
}

/** Recounts from a log (the database's, or an exported NDJSON file) and compares with the counters. */
export const recount = async (
  db: Db,
  campaignId: string,
  log: AsyncIterable<Omit<LogEntry, 'receipt'>> = ballotLogOf(db, campaignId),
) => {
  const expected = emptyCounters()
  let ballots = 0
  for await (const e of log) {
    addToCounters(expected, e)
    ballots++
  }
  const stored = await storedCounters(db, campaignId)
  const diffs = diffCounters(expected, stored)
  return { ok: diffs.length === 0, ballots, diffs, expected, stored }
}
