import type { CampaignPhase, VotingRules } from '@unionhall/contracts'
import { findMemberById } from '../../../core/members'
import { createGroupCommitter, type GroupCommitter } from '../../../platform/db/group-commit'
import type { Db } from '../../../platform/db/create-db'
import { fromJson } from '../../../platform/db/columns'
import type { CampaignsDeps } from '../campaigns.deps'
import { campaignErrors } from '../campaigns.errors'
import type { CampaignBallotTable } from '../campaigns.tables'
import { loadCampaign } from '../shared/campaign-state'
import { DEFAULT_FRAUD_LIMITS, FraudState, type BallotFacts, type FraudLimits } from './fraud'
import { ballotIdFloor, newBallotId, receiptOf } from './receipt'
import type { BallotStatus, RiskSignal } from './votes.types'
import {
  maskMobile,
  shanghaiDay,
  shanghaiDayStartMs,
  shanghaiMinutes,
  shortHash,
  readVoterToken,
  voterKeyOf,
  withinHours,
  type VoterIdentity,
} from './voter'
import * as repo from './votes.repository'

/**
 * The ballot engine: per-campaign validation state in process memory (rules, candidates,
 * voting window, each voter's counts and client keys for today), so accepting a ballot reads
 * no SQL, and a group-commit writer that makes ballots durable in batches. State is rebuilt
 * from the database on first use and refreshed when the campaign changes.
 */

export type CandidateInfo = { id: string; name: string; number: number; categoryId: string }

/**
 * A voter's choices today, one entry per vote (so its length is the day's votes). A plain array
 * rather than a Map per voter: millions of voters a day each hold a few entries, and the heap
 * they make is what every major GC walks.
 */
type VoterDay = string[]

const votesFor = (v: VoterDay, candidateId: string) => {
  let n = 0
  for (const id of v) if (id === candidateId) n++
  return n
}

type KeyEntry = {
  ballotId: string
  castAt: string
  candidateIds: string[]
  status: BallotStatus
  /** Settles when the ballot's batch committed (a retry waits for it). */
  done: Promise<void>
}

export type CampaignVoteState = {
  campaignId: string
  orgId: string
  orgPath: string
  phase: CampaignPhase
  phaseMode: 'auto' | 'manual'
  votingStartsMs: number
  votingEndsMs: number
  rules: VotingRules
  /** Every candidate (for names on receipts); active ones may be voted for. */
  candidates: Map<string, CandidateInfo & { active: boolean }>
  loadedAt: number
  stale: boolean
  refreshing: Promise<void> | null
  day: string
  /** The voting day's bounds [dayStartMs, dayStartMs + 24 h), to roll over without date maths per ballot. */
  dayStartMs: number
  voters: Map<string, VoterDay>
  /** voterKey|clientKey → the ballot, for today and yesterday (retries across midnight). */
  keys: Map<string, KeyEntry>
  prevKeys: Map<string, KeyEntry>
  fraud: FraudState
  /** Set once the voters' counts of the day were rebuilt (only casting needs them). */
  dayLoaded: Promise<void> | null
  /** True once dayLoaded has settled successfully (the ballot path then skips the await). */
  dayReady: boolean
}

/** Who is voting, as the route saw it. */
export type VoterInput = {
  /** The signed-in member (members eligibility), or null. */
  memberId: string | null
  /** The SMS voter token (cookie or header), or null. */
  voterToken: string | null
  deviceId: string | null
  ip: string
}

export type CastResult = {
  replay: boolean
  ballotId: string
  castAt: string
  candidateIds: string[]
  status: BallotStatus
}

/** A voter as the engine checked them: their key, masked mobile, org and facts for the signals. */
type Voter = {
  voterKey: string
  masked: string
  /** The member's org ('' for SMS voters, who have none). */
  orgId: string
  mobileNumber: number | null
  accountCreatedMs: number | null
}

type MemberInfo = {
  orgId: string
  orgPath: string
  active: boolean
  createdMs: number
  masked: string
  at: number
}

const MEMBER_CACHE_MS = 60_000
const STATE_TTL_MS = 5_000
const HASH_CACHE_SIZE = 100_000

/**
 * A memo for keyed hashes on the ballot path. HMACs were the largest share of the ballot's own
 * CPU (bench/RESULTS.md); the same IPs (a factory NAT), devices and voter tokens come back all
 * day. Two generations bound it: when the young map is full it becomes the old one and the
 * older is dropped; a hit in the old generation is promoted. (Evicting the oldest entry of one
 * Map by its iterator was O(deleted entries) per miss, and showed in the profile.)
 */
const memo = <V>(size: number, compute: (key: string) => V) => {
  let young = new Map<string, V>()
  let old = new Map<string, V>()
  return (key: string): V => {
    let v = young.get(key)
    if (v !== undefined) return v
    v = old.get(key)
    if (v === undefined) v = compute(key)
    if (young.size >= size) {
      old = young
      young = new Map()
    }
    young.set(key, v)
    return v
  }
}

export type VoteEngineOptions = { limits?: FraudLimits; maxBatch?: number }

export const createVoteEngine = (deps: CampaignsDeps, options: VoteEngineOptions = {}) => {
  const db: Db = deps.db
  const states = new Map<string, Promise<CampaignVoteState>>()
  /** The states already built, for the ballot path to read without awaiting a promise. */
  const built = new Map<string, CampaignVoteState>()
  const members = new Map<string, MemberInfo>()
  const deviceHashOf = memo(HASH_CACHE_SIZE, (id) => shortHash(deps.secret, 'device', id))
  const ipHashOf = memo(HASH_CACHE_SIZE, (ip) => shortHash(deps.secret, 'ip', ip))
  /** A voter token's claims, checked once per token: a voter casts several ballots with one. */
  const smsVoterOf = memo(HASH_CACHE_SIZE, (key) => {
    const at = key.indexOf(' ')
    // Time 0: the signature and campaign are memoised; the expiry is checked on every ballot.
    return readVoterToken(deps.secret, key.slice(at + 1), key.slice(0, at), 0)
  })
  const writeBatch = repo.createBallotBatchWriter(deps.database)
  const writer: GroupCommitter<repo.BallotWrite> = createGroupCommitter({
    write: writeBatch.write,
    maxBatch: options.maxBatch ?? 1000,
  })

  const loadMeta = async (campaignId: string) => {
    const c = await loadCampaign(db, campaignId)
    const cands = await repo.findCandidates(db, campaignId)
    return {
      orgId: c.row.org_id,
      orgPath: c.orgPath,
      phase: c.row.phase,
      phaseMode: c.row.phase_mode,
      votingStartsMs: Date.parse(c.dto.schedule.voting.startsAt),
      votingEndsMs: Date.parse(c.dto.schedule.voting.endsAt),
      rules: c.dto.rules,
      candidates: new Map(
        cands.map((r) => [
          r.id,
          {
            id: r.id,
            name: r.name,
            number: r.number,
            categoryId: r.category_id,
            active: r.status === 'active',
          },
        ]),
      ),
    }
  }

  /** Rebuilds the voters' counts and client keys of the current day from that day's ballots. */
  const loadDay = async (s: CampaignVoteState, nowMs: number) => {
    const dayStart = shanghaiDayStartMs(nowMs)
    s.day = shanghaiDay(nowMs)
    s.dayStartMs = dayStart
    s.voters = new Map()
    s.prevKeys = new Map()
    s.keys = new Map()
    s.fraud.newDay()
    const rows = await repo.findBallotsFrom(db, s.campaignId, ballotIdFloor(dayStart - 86_400_000))
    for (const r of rows) {
      const ids = fromJson<string[]>(r.candidate_ids) ?? []
      const entry: KeyEntry = {
        ballotId: r.id,
        castAt: r.cast_at,
        candidateIds: ids,
        status: r.status,
        done: Promise.resolve(),
      }
      if (r.day !== s.day) {
        s.prevKeys.set(`${r.voter_key}|${r.client_key}`, entry)
        continue
      }
      s.keys.set(`${r.voter_key}|${r.client_key}`, entry)
      voterDay(s, r.voter_key).push(...ids)
      if (r.device_hash) s.fraud.noteDeviceVoter(r.device_hash, r.voter_key)
    }
  }

  const voterDay = (s: CampaignVoteState, voterKey: string) => {
    let v = s.voters.get(voterKey)
    if (!v) s.voters.set(voterKey, (v = []))
    return v
  }

  const buildState = async (campaignId: string, nowMs: number): Promise<CampaignVoteState> => {
    const meta = await loadMeta(campaignId)
    const s: CampaignVoteState = {
      campaignId,
      ...meta,
      loadedAt: Date.now(),
      stale: false,
      refreshing: null,
      day: '',
      dayStartMs: 0,
      voters: new Map(),
      keys: new Map(),
      prevKeys: new Map(),
      // Test hooks may override the campaign's limits.
      fraud: new FraudState(options.limits ?? meta.rules.limits ?? DEFAULT_FRAUD_LIMITS),
      dayLoaded: null,
      dayReady: false,
    }
    void nowMs
    return s
  }

  /** Reloads rules, phase and candidates; the voters' counts stay (they are the truth in memory). */
  const refresh = (s: CampaignVoteState) => {
    s.refreshing ??= (async () => {
      try {
        Object.assign(s, await loadMeta(s.campaignId), { loadedAt: Date.now(), stale: false })
        if (!options.limits) s.fraud.limits = s.rules.limits ?? DEFAULT_FRAUD_LIMITS
      } finally {
        s.refreshing = null
      }
    })()
    return s.refreshing
  }

  /** The campaign's state; built on first use, refreshed after a change or every few seconds. */
  const stateFor = async (campaignId: string, nowMs: number): Promise<CampaignVoteState> => {
    let p = states.get(campaignId)
    if (!p) {
      p = buildState(campaignId, nowMs)
      states.set(campaignId, p)
      p.then(
        (s) => built.set(campaignId, s),
        () => states.delete(campaignId),
      )
    }
    const s = await p
    // A change (phase, rules, candidates) must be seen before the next ballot; the periodic
    // reload only catches changes made without notice (e.g. another process) and runs behind.
    if (s.stale) await refresh(s)
    else if (Date.now() - s.loadedAt > STATE_TTL_MS) void refresh(s).catch(() => undefined)
    return s
  }

  /** The built state when it needs no reload now (the common case of a ballot), else null. */
  const currentState = (campaignId: string): CampaignVoteState | null => {
    const s = built.get(campaignId)
    if (!s || s.stale) return null
    if (Date.now() - s.loadedAt > STATE_TTL_MS) void refresh(s).catch(() => undefined)
    return s
  }

  const markChanged = (campaignId: string) => {
    const s = built.get(campaignId)
    if (s) s.stale = true
    void states
      .get(campaignId)
      ?.then((s) => {
        s.stale = true
      })
      .catch(() => undefined)
  }

  const rollDay = (s: CampaignVoteState, nowMs: number) => {
    if (nowMs >= s.dayStartMs && nowMs - s.dayStartMs < 86_400_000) return
    const day = shanghaiDay(nowMs)
    s.dayStartMs = shanghaiDayStartMs(nowMs)
    if (day === s.day) return
    s.day = day
    s.prevKeys = s.keys
    s.keys = new Map()
    s.voters = new Map()
    s.fraud.newDay()
  }

  const memberInfo = async (memberId: string): Promise<MemberInfo | null> => {
    const cached = members.get(memberId)
    if (cached && Date.now() - cached.at < MEMBER_CACHE_MS) return cached
    const m = await findMemberById(db, memberId)
    if (!m) return null
    const info: MemberInfo = {
      orgId: m.org_id,
      orgPath: m.org_path,
      active: m.status === 'active',
      createdMs: Date.parse(m.created_at),
      masked: m.mobile_masked,
      at: Date.now(),
    }
    if (members.size > 500_000) members.clear()
    members.set(memberId, info)
    return info
  }

  /** A signed-in member of the campaign's subtree (members eligibility). */
  const memberVoter = async (s: CampaignVoteState, input: VoterInput): Promise<Voter> => {
    if (!input.memberId) throw campaignErrors.voterRequired()
    const m = await memberInfo(input.memberId)
    if (!m || !m.active || !m.orgPath.startsWith(s.orgPath)) throw campaignErrors.voterNotEligible()
    const identity: VoterIdentity = { kind: 'member', memberId: input.memberId }
    return {
      voterKey: voterKeyOf(deps.secret, s.campaignId, identity),
      masked: m.masked,
      orgId: m.orgId,
      mobileNumber: null,
      accountCreatedMs: m.createdMs,
    }
  }

  /** An SMS voter, from the signed token alone: synchronous, the ballot path's common case. */
  const smsVoter = (s: CampaignVoteState, input: VoterInput, nowMs: number): Voter => {
    const sms = input.voterToken ? smsVoterOf(`${s.campaignId} ${input.voterToken}`) : null
    if (!sms || !(sms.expiresMs > nowMs)) throw campaignErrors.voterRequired()
    return {
      voterKey: sms.voterKey,
      masked: maskMobile(sms.mobile),
      orgId: '',
      mobileNumber: Number(sms.mobile),
      // When the platform first knew the mobile, signed into the token at verification.
      accountCreatedMs: sms.knownSinceMs,
    }
  }

  /**
   * Resolves and checks the voter: who they are, their key, org, and facts for the signals. A
   * promise only for members (their account may need a read); SMS voters resolve at once.
   */
  const resolveVoter = (
    s: CampaignVoteState,
    input: VoterInput,
    nowMs: number,
  ): Voter | Promise<Voter> =>
    s.rules.eligibility === 'members' ? memberVoter(s, input) : smsVoter(s, input, nowMs)

  const sameChoice = (a: string[], b: string[]) =>
    a.length === b.length && [...a].sort().join() === [...b].sort().join()

  /**
   * Validates a ballot against the in-memory state, reserves it (counts, client key), queues it
   * for the next batch and resolves once the batch committed. A retry with the same client key
   * gets the original ballot back (replay) and counts nothing.
   */
  const cast = async (
    campaignId: string,
    input: VoterInput,
    body: { clientKey: string; candidateIds: string[] },
    now: Date,
  ): Promise<CastResult> => {
    const nowMs = now.getTime()
    // Awaits only when something must be loaded: each await is a promise and a microtask
    // turn on the hottest path.
    const s = currentState(campaignId) ?? (await stateFor(campaignId, nowMs))
    if (s.phase === 'draft') throw campaignErrors.notFound(campaignId)
    // Leaderboards and receipts never need the voters' counts; the first ballot loads them.
    if (!s.dayReady) {
      if (!s.dayLoaded) {
        s.dayLoaded = loadDay(s, nowMs)
        s.dayLoaded.then(
          () => (s.dayReady = true),
          () => (s.dayLoaded = null),
        )
      }
      await s.dayLoaded
    }
    const resolved = resolveVoter(s, input, nowMs)
    const voter = resolved instanceof Promise ? await resolved : resolved
    rollDay(s, nowMs)

    const keyId = `${voter.voterKey}|${body.clientKey}`
    const existing = s.keys.get(keyId) ?? s.prevKeys.get(keyId)
    if (existing) {
      if (!sameChoice(existing.candidateIds, body.candidateIds)) throw campaignErrors.keyReused()
      await existing.done.catch(() => {
        throw campaignErrors.notRecorded()
      })
      return { replay: true, ...existing }
    }

    const open =
      s.phase === 'voting' &&
      (s.phaseMode === 'manual' || (nowMs >= s.votingStartsMs && nowMs < s.votingEndsMs))
    if (!open) throw campaignErrors.votingClosed(s.phase)
    if (!withinHours(s.rules.hours, nowMs)) throw campaignErrors.outsideHours(s.rules.hours!)

    const ids = body.candidateIds
    if (new Set(ids).size !== ids.length) throw campaignErrors.duplicateChoice()
    if (ids.length > s.rules.maxChoicesPerBallot)
      throw campaignErrors.tooManyChoices(s.rules.maxChoicesPerBallot)
    const unknown = ids.filter((id) => !s.candidates.get(id)?.active)
    if (unknown.length > 0) throw campaignErrors.notACandidate(unknown)

    const deviceHash = input.deviceId ? deviceHashOf(input.deviceId) : null
    const ipHash = ipHashOf(input.ip)
    const facts: BallotFacts = {
      voterKey: voter.voterKey,
      deviceHash,
      ipHash,
      mobileNumber: voter.mobileNumber,
      accountCreatedMs: voter.accountCreatedMs,
      nowMs,
      minutes: shanghaiMinutes(nowMs),
    }
    const rates = s.fraud.rates(facts)
    const hit = s.fraud.limitHit(facts, rates)
    if (hit) throw campaignErrors.rateLimited(hit)

    const v = voterDay(s, voter.voterKey)
    if (v.length + ids.length > s.rules.votesPerDay)
      throw campaignErrors.dailyLimit(s.rules.votesPerDay)
    for (const id of ids)
      if (votesFor(v, id) + 1 > s.rules.maxPerCandidatePerDay)
        throw campaignErrors.candidateLimit(s.rules.maxPerCandidatePerDay, id)

    const signals: RiskSignal[] = s.fraud.signals(facts, rates)
    const status: BallotStatus = signals.length > 0 ? 'flagged' : 'counted'
    const ballotId = newBallotId()
    const castAt = now.toISOString()
    const row: CampaignBallotTable = {
      id: ballotId,
      campaign_id: campaignId,
      voter_key: voter.voterKey,
      voter_masked: voter.masked,
      voter_org_id: voter.orgId || null,
      device_hash: deviceHash,
      ip_hash: ipHash,
      client_key: body.clientKey,
      candidate_ids: JSON.stringify(ids),
      cast_at: castAt,
      day: s.day,
      signals: JSON.stringify(signals),
      status,
      invalidation_reason: null,
      status_changed_at: null,
      status_changed_by: null,
    }

    // Reserve in memory before the write, so concurrent ballots of this voter see the counts.
    v.push(...ids)
    s.fraud.record(facts)
    const done = writer.enqueue({ row, orgId: voter.orgId, candidateIds: ids })
    const entry: KeyEntry = { ballotId, castAt, candidateIds: ids, status, done }
    const keys = s.keys
    keys.set(keyId, entry)
    try {
      await done
    } catch {
      // Not durable: give back what was reserved and let the client retry with the same key.
      for (const id of ids) {
        const at = v.lastIndexOf(id)
        if (at >= 0) v.splice(at, 1)
      }
      keys.delete(keyId)
      throw campaignErrors.notRecorded()
    }
    return { replay: false, ballotId, castAt, candidateIds: ids, status }
  }

  /** The voter key of a caller (for their own receipts), checking nothing else. */
  const voterKeyFor = async (campaignId: string, input: VoterInput, now: Date) => {
    const s = await stateFor(campaignId, now.getTime())
    return (await resolveVoter(s, input, now.getTime())).voterKey
  }

  /** Keeps a ballot's status in the idempotency map in step with a review decision. */
  const noteStatus = (campaignId: string, changes: Map<string, BallotStatus>) => {
    void states
      .get(campaignId)
      ?.then((s) => {
        for (const m of [s.keys, s.prevKeys])
          for (const e of m.values()) {
            const st = changes.get(e.ballotId)
            if (st) e.status = st
          }
      })
      .catch(() => undefined)
  }

  return {
    cast,
    stateFor,
    currentState,
    markChanged,
    voterKeyFor,
    noteStatus,
    flush: () => writer.flush(),
    close: async () => {
      await writer.close()
      await writeBatch.close()
    },
    receiptOf,
    get pending() {
      return writer.pending
    },
  }
}

export type VoteEngine = ReturnType<typeof createVoteEngine>
