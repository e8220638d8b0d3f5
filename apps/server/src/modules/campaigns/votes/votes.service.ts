import type { BallotReceipt, CampaignPhase } from '@unionhall/contracts'
import { requireAt, type Ctx } from '../../../core/access'
import { recordAudit } from '../../../core/audit'
import { findMemberByMobileHash, mobileHashOf } from '../../../core/members'
import { findOrgsByIds } from '../../../core/orgs'
import { fromJson } from '../../../platform/db/columns'
import type { Db } from '../../../platform/db/create-db'
import { withTransaction } from '../../../platform/db/transaction'
import { writeXlsxSheets } from '../../../platform/files/spreadsheet'
import type { CampaignsDeps } from '../campaigns.deps'
import { campaignErrors } from '../campaigns.errors'
import { phaseIndex } from '../shared/campaign-state'
import { onCampaignChanged } from '../setup/setup.service'
import { onCandidatesChanged, setCandidateVoteReader } from '../nominations/candidates.service'
import { ballotIdOfReceipt, receiptOf } from './receipt'
import { ballotLogOf } from './recount'
import { rollUpTurnout, rollupChain, type TurnoutItem } from './turnout'
import {
  createVoteEngine,
  type CampaignVoteState,
  type VoteEngineOptions,
  type VoterInput,
} from './vote-engine'
import { signVoterToken, VOTER_TOKEN_TTL_MS } from './voter'
import * as repo from './votes.repository'
import type { BallotStatus, RiskSignal } from './votes.types'

/** Sealed tallies stay sealed, for everyone, until the campaign has left the voting phase. */
export const isSealed = (rules: { sealed: boolean }, phase: CampaignPhase) =>
  rules.sealed && phaseIndex(phase) <= phaseIndex('voting')

/**
 * Per-candidate totals of a campaign for the results: valid votes (counted and flagged ballots)
 * and votes of invalidated ballots, with ballot totals. Read from the counters, not the log.
 */
export const getTallies = async (db: Db, campaignId: string) => {
  const [rows, totals] = await Promise.all([
    repo.findTallies(db, campaignId),
    repo.findTotals(db, campaignId),
  ])
  return {
    candidates: rows.map((r) => ({
      candidateId: r.candidate_id,
      votes: Number(r.votes),
      invalidatedVotes: Number(r.invalidated_votes),
    })),
    totals: {
      ballots: Number(totals?.ballots ?? 0),
      votes: Number(totals?.votes ?? 0),
      invalidatedBallots: Number(totals?.invalidated_ballots ?? 0),
      invalidatedVotes: Number(totals?.invalidated_votes ?? 0),
    },
  }
}
export type Tallies = Awaited<ReturnType<typeof getTallies>>

const CACHE_MS = 1_000

/** A cache entry: the load's promise, and its value once it has resolved (for the sync read path). */
type Cached<T> = { at: number; value: Promise<T>; ready?: T }

export type LeaderboardDto = {
  sealed: boolean
  updatedAt: string
  totalBallots: number
  invalidatedBallots: number
  items: { candidateId: string; name: string; categoryId: string; number: number; votes: number }[]
}
export type TurnoutDto = { updatedAt: string; totalBallots: number; items: TurnoutItem[] }

export type VotesServiceOptions = VoteEngineOptions

/**
 * The three outcomes of a fraud review: which ballots each applies to, how it moves the
 * counters (-1 takes the ballot's votes out, +1 puts them back, 0 leaves them), the status it
 * leaves (a restored ballot with signals goes back to the queue) and its audit action.
 */
const REVIEW_ACTIONS = {
  invalidate: {
    applies: (s: BallotStatus) => s !== 'invalidated',
    expected: 'counted or flagged',
    sign: -1,
    next: (): BallotStatus => 'invalidated',
    audit: 'campaign.ballots-invalidated',
  },
  restore: {
    applies: (s: BallotStatus) => s === 'invalidated',
    expected: 'invalidated',
    sign: 1,
    next: (hasSignals: boolean): BallotStatus => (hasSignals ? 'flagged' : 'counted'),
    audit: 'campaign.ballots-restored',
  },
  clear: {
    applies: (s: BallotStatus) => s === 'flagged',
    expected: 'flagged',
    sign: 0,
    next: (): BallotStatus => 'counted',
    audit: 'campaign.ballots-cleared',
  },
} as const

/**
 * The votes use cases around one ballot engine per app: casting, voter verification, receipts,
 * live leaderboard and turnout (cached, at most one database read per second per campaign),
 * the fraud review queue, and exports.
 */
export const createVotesService = (deps: CampaignsDeps, options: VotesServiceOptions = {}) => {
  const db = deps.db
  const engine = createVoteEngine(deps, options)
  const boards = new Map<string, Cached<LeaderboardDto>>()
  const turnouts = new Map<string, Cached<TurnoutDto>>()

  const tallies = new Map<string, Cached<Tallies>>()
  onCampaignChanged((id) => {
    engine.markChanged(id)
    boards.delete(id)
  })
  onCandidatesChanged((id) => {
    engine.markChanged(id)
    boards.delete(id)
  })

  const cached = <T>(map: Map<string, Cached<T>>, id: string, load: () => Promise<T>) => {
    const hit = map.get(id)
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.value
    const value = load()
    const entry: Cached<T> = { at: Date.now(), value }
    map.set(id, entry)
    value.then(
      (v) => (entry.ready = v),
      () => map.get(id) === entry && map.delete(id),
    )
    return value
  }

  /**
   * A fresh cached value when it can be answered without waiting, else null. Every phone on a
   * results page polls the leaderboard; answering the common read without a promise chain
   * (state, cache, render) keeps it close to the no-op route's cost (ADR 0013).
   */
  const readyPublic = <T>(map: Map<string, Cached<T>>, campaignId: string, sealable: boolean) => {
    const s = engine.currentState(campaignId)
    if (!s || s.phase === 'draft' || (sealable && isSealed(s.rules, s.phase))) return null
    const hit = map.get(campaignId)
    if (hit?.ready === undefined || Date.now() - hit.at >= CACHE_MS) return null
    return hit.ready
  }

  // Candidate pages show live counts (nominations asks only when tallies are not sealed).
  setCandidateVoteReader(async (campaignId) => {
    const t = await cached(tallies, campaignId, () => getTallies(db, campaignId))
    return new Map(t.candidates.map((c) => [c.candidateId, c.votes]))
  })

  const state = (campaignId: string, now: Date) => engine.stateFor(campaignId, now.getTime())

  const staffState = async (
    ctx: Ctx,
    campaignId: string,
    permission: Parameters<typeof requireAt>[1],
  ) => {
    const s = await state(campaignId, ctx.now)
    requireAt(ctx, permission, s.orgPath)
    return s
  }

  const publicState = async (campaignId: string, now: Date) => {
    const s = await state(campaignId, now)
    if (s.phase === 'draft') throw campaignErrors.notFound(campaignId)
    return s
  }

  const candidateList = (s: CampaignVoteState, ids: string[]) =>
    ids.map((id) => ({ id, name: s.candidates.get(id)?.name ?? '' }))

  const toReceipt = (
    s: CampaignVoteState,
    b: { id: string; castAt: string; candidateIds: string[]; status: BallotStatus },
  ): BallotReceipt => ({
    receiptCode: receiptOf(b.id),
    campaignId: s.campaignId,
    castAt: b.castAt,
    candidates: candidateList(s, b.candidateIds),
    status: b.status,
  })

  /** Casts a ballot. 201 with a receipt; a retry with the same client key gets 200 and the same receipt. */
  const castBallot = async (
    ctx: Ctx,
    campaignId: string,
    voter: VoterInput,
    body: { clientKey: string; candidateIds: string[] },
  ) => {
    const r = await engine.cast(campaignId, voter, body, ctx.now)
    const s = engine.currentState(campaignId) ?? (await state(campaignId, ctx.now))
    return { replay: r.replay, receipt: toReceipt(s, { ...r, id: r.ballotId }) }
  }

  /**
   * An SMS voter proves a mobile with a one-time code (POST /api/v1/auth/otp, purpose 'vote')
   * and gets a signed voter token for this campaign, so no code is needed per ballot.
   * @throws BALLOT_SMS_NOT_ENABLED, BALLOT_VOTING_CLOSED, OTP_INVALID
   */
  const verifyVoter = async (
    ctx: Ctx,
    campaignId: string,
    body: { mobile: string; otpCode: string },
  ) => {
    const s = await publicState(campaignId, ctx.now)
    if (s.rules.eligibility !== 'sms') throw campaignErrors.smsNotEnabled()
    if (s.phase !== 'voting') throw campaignErrors.votingClosed(s.phase)
    const mobileHash = mobileHashOf(deps.crypto, body.mobile)
    const knownSinceMs = await withTransaction(db, async (trx) => {
      await deps.consumeOtp(trx, body.mobile, 'vote', body.otpCode, ctx.now)
      // The new-account signal for voters without an account: since when the platform knows
      // this mobile (its first verification, or the member account holding it if older).
      const firstVerified = await repo.noteVoterMobile(trx, mobileHash, ctx.now.toISOString())
      const member = await findMemberByMobileHash(trx, mobileHash)
      await recordAudit(trx, ctx, {
        action: 'campaign.voter-verified',
        targetType: 'campaign',
        targetId: campaignId,
        orgId: s.orgId,
      })
      const since = Date.parse(firstVerified)
      return member ? Math.min(since, Date.parse(member.created_at)) : since
    })
    const expiresMs = ctx.now.getTime() + VOTER_TOKEN_TTL_MS
    return {
      token: signVoterToken(deps.secret, campaignId, body.mobile, expiresMs, knownSinceMs),
      expiresAt: new Date(expiresMs).toISOString(),
    }
  }

  /** The caller's voter key in this campaign, or null when they are no voter of it. */
  const voterKeyOrNull = (campaignId: string, voter: VoterInput, now: Date) =>
    engine.voterKeyFor(campaignId, voter, now).catch(() => null)

  /**
   * Anyone holding a receipt code can check that ballot: its status, and its candidates unless
   * the tally is sealed and they are not its voter. Staff see every flagged ballot's code in the
   * review queue, and a code names its ballot: looking them all up added up a sealed tally.
   */
  const getReceipt = async (campaignId: string, code: string, now: Date, voter: VoterInput) => {
    const s = await publicState(campaignId, now)
    const id = ballotIdOfReceipt(code)
    const b = id ? await repo.findBallot(db, id) : undefined
    if (!b || b.campaign_id !== campaignId) throw campaignErrors.receiptNotFound()
    const hidden =
      isSealed(s.rules, s.phase) && (await voterKeyOrNull(campaignId, voter, now)) !== b.voter_key
    const receipt = toReceipt(s, {
      id: b.id,
      castAt: b.cast_at,
      candidateIds: hidden ? [] : (fromJson<string[]>(b.candidate_ids) ?? []),
      status: b.status,
    })
    return hidden ? { ...receipt, candidatesHidden: true } : receipt
  }

  /** The caller's own ballots in this campaign, newest first (at most 200). */
  const myReceipts = async (campaignId: string, voter: VoterInput, now: Date) => {
    const s = await publicState(campaignId, now)
    const key = await engine.voterKeyFor(campaignId, voter, now)
    const rows = await repo.findBallotsOfVoter(
      db,
      campaignId,
      key,
      200,
      engine.voterTail(campaignId, key),
    )
    return rows.map((b) =>
      toReceipt(s, {
        id: b.id,
        castAt: b.cast_at,
        candidateIds: fromJson<string[]>(b.candidate_ids) ?? [],
        status: b.status,
      }),
    )
  }

  const loadBoard = async (s: CampaignVoteState): Promise<LeaderboardDto> => {
    const t = await getTallies(db, s.campaignId)
    const votes = new Map(t.candidates.map((c) => [c.candidateId, c.votes]))
    const items = [...s.candidates.values()]
      .filter((c) => c.active)
      .map((c) => ({
        candidateId: c.id,
        name: c.name,
        categoryId: c.categoryId,
        number: c.number,
        votes: votes.get(c.id) ?? 0,
      }))
      .sort((a, b) => b.votes - a.votes || a.number - b.number)
    return {
      sealed: false,
      updatedAt: new Date().toISOString(),
      totalBallots: t.totals.ballots,
      invalidatedBallots: t.totals.invalidatedBallots,
      items,
    }
  }

  /** The live leaderboard (from a cache at most a second old). @throws CAMPAIGN_TALLY_SEALED */
  const leaderboardOf = async (s: CampaignVoteState) => {
    if (isSealed(s.rules, s.phase)) throw campaignErrors.tallySealed()
    return cached(boards, s.campaignId, () => loadBoard(s))
  }

  const loadTurnout = async (s: CampaignVoteState): Promise<TurnoutDto> => {
    const rows = await repo.findTurnoutByOrg(db, s.campaignId)
    const own = rows
      .filter((r) => r.org_id !== '' && r.org_path)
      .map((r) => ({ path: r.org_path!, ballots: Number(r.ballots) }))
    const names = new Map(rows.map((r) => [r.org_id, r.org_name ?? '']))
    // The ancestors between the campaign's org and the voters' orgs are listed too, so a city
    // sees its districts' and enterprises' ballots in its own figure.
    const missing = [
      ...new Set(own.flatMap((r) => rollupChain(s.orgPath, r.path))).values(),
    ].filter((id) => !names.has(id))
    for (const o of await findOrgsByIds(db, missing)) names.set(o.id, o.name)
    return {
      updatedAt: new Date().toISOString(),
      totalBallots: rows.reduce((n, r) => n + Number(r.ballots), 0),
      items: rollUpTurnout(s.orgPath, own, names),
    }
  }

  /** Valid ballots per voter org: live even when tallies are sealed. */
  const turnoutOf = (s: CampaignVoteState) => cached(turnouts, s.campaignId, () => loadTurnout(s))

  const listFlagged = async (
    ctx: Ctx,
    campaignId: string,
    query: {
      page: number
      pageSize: number
      signal?: RiskSignal
      status?: 'flagged' | 'invalidated'
    },
  ) => {
    await staffState(ctx, campaignId, 'campaign:fraud-review')
    const { rows, total } = await repo.findReviewBallots(
      db,
      campaignId,
      { status: query.status, signal: query.signal },
      query.pageSize,
      (query.page - 1) * query.pageSize,
    )
    return {
      items: rows.map((r) => ({
        id: r.id,
        receiptCode: receiptOf(r.id),
        castAt: r.cast_at,
        voterMasked: r.voter_masked,
        orgName: r.org_name ?? null,
        signals: fromJson<RiskSignal[]>(r.signals) ?? [],
        status: r.status,
        invalidationReason: r.invalidation_reason,
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    }
  }

  /**
   * Invalidates ballots (or restores invalidated ones) with a reason: the ballots' status and
   * every counter change in one transaction with the audit record. All or nothing. `clear` is
   * the third outcome of a review: flagged ballots found legitimate leave the queue as counted
   * (their signals stay on the row for the record); they were counted all along, so no counter
   * moves.
   * @throws BALLOT_NOT_FOUND, BALLOT_STATUS_CONFLICT, CAMPAIGN_WRONG_PHASE
   */
  const review = async (
    ctx: Ctx,
    campaignId: string,
    body: { ballotIds: string[]; reason: string },
    action: keyof typeof REVIEW_ACTIONS,
  ) => {
    const how = REVIEW_ACTIONS[action]
    const s = await staffState(ctx, campaignId, 'campaign:fraud-review')
    if (s.phase !== 'voting' && s.phase !== 'jury')
      throw campaignErrors.wrongPhase(s.phase, ['voting', 'jury'])
    // Anything still in the group-commit queue is written first, so the counters are settled.
    await engine.flush()
    const ids = [...new Set(body.ballotIds)]
    const sign = how.sign
    const changes = new Map<string, BallotStatus>()
    await withTransaction(db, async (trx) => {
      const rows = await repo.findBallotsByIds(trx, campaignId, ids)
      if (rows.length !== ids.length) {
        const found = new Set(rows.map((r) => r.id))
        throw campaignErrors.ballotNotFound(ids.filter((id) => !found.has(id)))
      }
      const wrong = rows.filter((r) => !how.applies(r.status))
      if (wrong.length > 0)
        throw campaignErrors.ballotStatusConflict(
          wrong.map((r) => r.id),
          how.expected,
        )
      const tally = new Map<string, { votes: number; invalidated: number }>()
      const daily = new Map<string, number>()
      const turnout = new Map<string, { ballots: number; votes: number }>()
      const totals = { ballots: 0, votes: 0, invalidatedBallots: 0, invalidatedVotes: 0 }
      const at = ctx.now.toISOString()
      for (const r of rows) {
        const cands = fromJson<string[]>(r.candidate_ids) ?? []
        for (const c of cands) {
          const t = tally.get(c) ?? { votes: 0, invalidated: 0 }
          t.votes += sign
          t.invalidated -= sign
          tally.set(c, t)
          daily.set(`${c}|${r.day}`, (daily.get(`${c}|${r.day}`) ?? 0) + sign)
        }
        const ok = `${r.voter_org_id ?? ''}|${r.day}`
        const t = turnout.get(ok) ?? { ballots: 0, votes: 0 }
        t.ballots += sign
        t.votes += sign * cands.length
        turnout.set(ok, t)
        totals.ballots += sign
        totals.votes += sign * cands.length
        totals.invalidatedBallots -= sign
        totals.invalidatedVotes -= sign * cands.length
        const signals = fromJson<string[]>(r.signals) ?? []
        const status = how.next(signals.length > 0)
        changes.set(r.id, status)
        await repo.setBallotStatus(trx, r.id, {
          status,
          invalidation_reason: action === 'invalidate' ? body.reason : null,
          status_changed_at: at,
          status_changed_by: ctx.actor?.memberId ?? null,
        })
      }
      if (sign !== 0) await repo.adjustCounters(trx, campaignId, { tally, daily, turnout, totals })
      await recordAudit(trx, ctx, {
        action: how.audit,
        targetType: 'campaign',
        targetId: campaignId,
        orgId: s.orgId,
        summary: {
          reason: body.reason,
          ballotIds: ids,
          before: Object.fromEntries(rows.map((r) => [r.id, r.status])),
          after: Object.fromEntries(changes),
        },
      })
    })
    boards.delete(campaignId)
    turnouts.delete(campaignId)
    tallies.delete(campaignId)
    return { changed: ids.length }
  }

  /** Refuses per-candidate data while sealed. */
  const assertUnsealed = (s: CampaignVoteState) => {
    if (isSealed(s.rules, s.phase)) throw campaignErrors.tallySealed()
  }

  const openBallotLog = async (ctx: Ctx, campaignId: string) => {
    const s = await staffState(ctx, campaignId, 'campaign:read')
    assertUnsealed(s)
    await engine.flush()
    await withTransaction(db, (trx) =>
      recordAudit(trx, ctx, {
        action: 'campaign.ballot-log-exported',
        targetType: 'campaign',
        targetId: campaignId,
        orgId: s.orgId,
      }),
    )
    // People read the CSV: each ballot's candidates by number and name, beside their ids.
    const candidateLabel = (id: string) => {
      const c = s.candidates.get(id)
      return c ? `${c.number}号${c.name}` : id
    }
    return { log: ballotLogOf(db, s.campaignId, 5000), candidateLabel }
  }

  /** Votes by day (per candidate) and ballots by org and day, as an .xlsx workbook. */
  const exportVotes = async (ctx: Ctx, campaignId: string) => {
    const s = await staffState(ctx, campaignId, 'campaign:read')
    assertUnsealed(s)
    const [daily, turnout] = await Promise.all([
      repo.findDailyTallies(db, campaignId),
      repo.findTurnoutRows(db, campaignId),
    ])
    const file = await writeXlsxSheets([
      {
        name: '按日票数',
        headers: ['日期', '编号', '候选人', '票数'],
        rows: daily.map((r) => {
          const c = s.candidates.get(r.candidate_id)
          return [r.day, c?.number ?? '', c?.name ?? r.candidate_id, Number(r.votes)]
        }),
      },
      {
        name: '按组织参与',
        headers: ['日期', '组织', '有效选票', '票数'],
        rows: turnout.map((r) => [
          r.day,
          r.org_name ?? '（短信验证投票人）',
          Number(r.ballots),
          Number(r.votes),
        ]),
      },
    ])
    await withTransaction(db, (trx) =>
      recordAudit(trx, ctx, {
        action: 'campaign.votes-exported',
        targetType: 'campaign',
        targetId: campaignId,
        orgId: s.orgId,
      }),
    )
    return file
  }

  return {
    engine,
    castBallot,
    verifyVoter,
    getReceipt,
    myReceipts,
    leaderboard: async (ctx: Ctx, campaignId: string) =>
      leaderboardOf(await staffState(ctx, campaignId, 'campaign:read')),
    publicLeaderboard: async (campaignId: string, now: Date) =>
      leaderboardOf(await publicState(campaignId, now)),
    /** The public leaderboard from the cache, or null when it must be loaded (then use the above). */
    publicLeaderboardReady: (campaignId: string) => readyPublic(boards, campaignId, true),
    turnout: async (ctx: Ctx, campaignId: string) =>
      turnoutOf(await staffState(ctx, campaignId, 'campaign:read')),
    publicTurnout: async (campaignId: string, now: Date) =>
      turnoutOf(await publicState(campaignId, now)),
    publicTurnoutReady: (campaignId: string) => readyPublic(turnouts, campaignId, false),
    listFlagged,
    invalidate: (ctx: Ctx, campaignId: string, body: { ballotIds: string[]; reason: string }) =>
      review(ctx, campaignId, body, 'invalidate'),
    restore: (ctx: Ctx, campaignId: string, body: { ballotIds: string[]; reason: string }) =>
      review(ctx, campaignId, body, 'restore'),
    clear: (ctx: Ctx, campaignId: string, body: { ballotIds: string[]; reason: string }) =>
      review(ctx, campaignId, body, 'clear'),
    openBallotLog,
    exportVotes,
    close: () => engine.close(),
  }
}

export type VotesService = ReturnType<typeof createVotesService>

const services = new WeakMap<CampaignsDeps, VotesService>()

/** One service (one engine, one writer) per app: the staff and public route plugins share it. */
export const votesServiceFor = (deps: CampaignsDeps, options?: VotesServiceOptions) => {
  let svc = services.get(deps)
  if (!svc) services.set(deps, (svc = createVotesService(deps, options)))
  return svc
}
