import type { CampaignPhase, VotingRules } from '@unionhall/contracts'
import { findMemberById } from '../../../core/members'
import { BloomFilter } from '../../../platform/collections/bloom-filter'
import { createGroupCommitter, type GroupCommitter } from '../../../platform/db/group-commit'
import type { Db } from '../../../platform/db/create-db'
import { fromJson } from '../../../platform/db/columns'
import type { CampaignsDeps } from '../campaigns.deps'
import { campaignErrors } from '../campaigns.errors'
import type { CampaignBallotTable } from '../campaigns.tables'
import { loadCampaign } from '../shared/campaign-state'
import {
  DEFAULT_FRAUD_LIMITS,
  FraudState,
  flagsForReview,
  type BallotFacts,
  type FraudLimits,
} from './fraud'
import { ballotIdFloor, newBallotId, receiptOf } from './receipt'
import type { BallotStatus, RiskSignal } from './votes.types'
import {
  maskMobile,
  shanghaiDay,
  shanghaiDayStartMs,
  shanghaiMinutes,
  shortHash,
  readVoterToken,
  campaignOfToken,
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
 * A voter's choices today as a string of one-character candidate codes, one per vote (so its
 * length is the day's votes, at most 100 by the rules). A string rather than an array: millions
 * of voters a day each hold one, and a short string is one small object with no pointers for the
 * GC to follow, where an array is two objects and its first push reserves 17 slots (ADR 0019).
 */
type VoterDay = string

const votesFor = (v: VoterDay, code: string) => {
  let n = 0
  for (let at = v.indexOf(code); at >= 0; at = v.indexOf(code, at + 1)) n++
  return n
}

/** A ballot waiting for its batch to commit. */
type PendingBallot = {
  ballotId: string
  castAt: string
  candidateIds: string[]
  status: BallotStatus
  /** Settles when the ballot's batch committed (a retry waits for it). */
  done: Promise<void>
}

/** Ballots read per page when the day is rebuilt from the log. */
const LOAD_PAGE_SIZE = 20_000

/** Keys per Bloom filter layer to start with (32 kB); it grows with the day's ballots. */
const SEEN_KEYS_FIRST_CAPACITY = 16_384

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
  /** Candidate id → its one-character code in VoterDay strings (kept across refreshes). */
  codes: Map<string, string>
  /**
   * Client keys (voterKey|clientKey) of ballots not yet committed. Once committed a ballot
   * lives only in the ballot log, and its key in a Bloom filter of the day (and one of
   * yesterday, for retries across midnight): a retry whose key the filter may hold reads the
   * log, and a new key (nearly every ballot) reads nothing. Keeping every key's ballot in a Map
   * made the heap grow with the day and GC pauses with it (ADR 0019).
   */
  pending: Map<string, PendingBallot>
  /** Log reads in flight for keys the filters may hold, shared by concurrent retries. */
  lookups: Map<string, Promise<CastResult | null>>
  seenKeys: BloomFilter
  prevSeenKeys: BloomFilter
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
const VOTER_MEMO_SIZE = 10_000

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

export type VoteEngineOptions = {
  limits?: FraudLimits
  maxBatch?: number
  /** How often the SQLite writer fills the voter side table (tests). */
  voterIndex?: repo.VoterIndexCadence
}

export const createVoteEngine = (deps: CampaignsDeps, options: VoteEngineOptions = {}) => {
  const db: Db = deps.db
  const states = new Map<string, Promise<CampaignVoteState>>()
  /** The states already built, for the ballot path to read without awaiting a promise. */
  const built = new Map<string, CampaignVoteState>()
  const members = new Map<string, MemberInfo>()
  // Devices and voter tokens come back only with their voter's next ballot, so their memos are
  // small: a large one kept every voter's token and claims for minutes, which each young-
  // generation GC copied, and that cost more than the HMACs it saved (ADR 0019). IPs repeat
  // all day (a factory NAT), so theirs stays large.
  const deviceHashOf = memo(VOTER_MEMO_SIZE, (id) => shortHash(deps.secret, 'device', id))
  const ipHashOf = memo(HASH_CACHE_SIZE, (ip) => shortHash(deps.secret, 'ip', ip))
  /** A voter token's claims, checked once per token: a voter casts several ballots with one. */
  const smsVoterOf = memo(VOTER_MEMO_SIZE, (token) =>
    // Time 0: the signature is memoised; campaign and expiry are checked on every ballot.
    readVoterToken(deps.secret, token, campaignOfToken(token), 0),
  )
  const writeBatch = repo.createBallotBatchWriter(deps.database, options.voterIndex)
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
    s.seenKeys = new BloomFilter(SEEN_KEYS_FIRST_CAPACITY)
    s.prevSeenKeys = new BloomFilter(SEEN_KEYS_FIRST_CAPACITY)
    s.fraud.newDay()
    const fromId = ballotIdFloor(dayStart - 86_400_000)
    await repo.forEachBallotPageFrom(db, s.campaignId, fromId, LOAD_PAGE_SIZE, (rows) => {
      for (const r of rows) {
        if (r.day !== s.day) {
          s.prevSeenKeys.add(`${r.voter_key}|${r.client_key}`)
          continue
        }
        s.seenKeys.add(`${r.voter_key}|${r.client_key}`)
        const ids = fromJson<string[]>(r.candidate_ids) ?? []
        s.voters.set(r.voter_key, (s.voters.get(r.voter_key) ?? '') + codesOf(s, ids))
        if (r.device_hash) s.fraud.noteDeviceVoter(r.device_hash, r.voter_key)
      }
    })
  }

  /** The VoterDay codes of candidates; a candidate seen first gets the next code. */
  const codesOf = (s: CampaignVoteState, ids: string[]) => {
    let out = ''
    for (const id of ids) {
      let c = s.codes.get(id)
      if (c === undefined) {
        // Code units outside the surrogate range (0xD800–0xDFFF), so no two codes ever read as
        // one character: 63,488 codes, for a campaign's few hundred candidates at most.
        const n = s.codes.size < 0xd800 ? s.codes.size : s.codes.size + 0x800
        if (n > 0xffff) throw new Error(`campaign ${s.campaignId}: too many candidates`)
        s.codes.set(id, (c = String.fromCharCode(n)))
      }
      out += c
    }
    return out
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
      codes: new Map(),
      pending: new Map(),
      lookups: new Map(),
      seenKeys: new BloomFilter(SEEN_KEYS_FIRST_CAPACITY),
      prevSeenKeys: new BloomFilter(SEEN_KEYS_FIRST_CAPACITY),
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

  /**
   * Moves the state to the voting day of `nowMs`, never back. A request stamped before midnight
   * may run after one stamped after it (it awaited a member read or a log read meanwhile); going
   * back would throw away the new day's counts and, rolling forward again, the old day's keys.
   * Such a late ballot counts toward the current day.
   */
  const rollDay = (s: CampaignVoteState, nowMs: number) => {
    if (nowMs - s.dayStartMs < 86_400_000) return
    const day = shanghaiDay(nowMs)
    s.dayStartMs = shanghaiDayStartMs(nowMs)
    if (day === s.day) return
    s.day = day
    s.prevSeenKeys = s.seenKeys
    s.seenKeys = new BloomFilter(SEEN_KEYS_FIRST_CAPACITY)
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
    const sms = input.voterToken ? smsVoterOf(input.voterToken) : null
    if (!sms || sms.campaignId !== s.campaignId || !(sms.expiresMs > nowMs))
      throw campaignErrors.voterRequired()
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

  /** The original ballot for a retried client key: its choices must match. */
  const replayOf = (
    b: { ballotId: string; castAt: string; candidateIds: string[]; status: BallotStatus },
    candidateIds: string[],
  ): CastResult => {
    if (!sameChoice(b.candidateIds, candidateIds)) throw campaignErrors.keyReused()
    const { ballotId, castAt, status } = b
    return { replay: true, ballotId, castAt, candidateIds: b.candidateIds, status }
  }

  /** A ballot still in its batch: the retry waits for the commit, then gets the original. */
  const replayPending = async (p: PendingBallot, candidateIds: string[]) => {
    const result = replayOf(p, candidateIds)
    await p.done.catch(() => {
      throw campaignErrors.notRecorded()
    })
    return result
  }

  /**
   * Whether this client key was used since yesterday's start: the pending map, else the log
   * when a filter may hold the key. The read is rare (a retry, or a filter's false positive).
   */
  const readEarlierBallot = async (
    s: CampaignVoteState,
    voterKey: string,
    clientKey: string,
  ): Promise<CastResult | null> => {
    const fromMs = s.dayStartMs - 86_400_000
    const row = await repo.findBallotByClientKey(
      db,
      s.campaignId,
      voterKey,
      clientKey,
      shanghaiDay(fromMs),
      ballotIdFloor(fromMs),
      writeBatch.voterTail(s.campaignId, voterKey),
    )
    if (!row) return null
    return {
      replay: true,
      ballotId: row.id,
      castAt: row.cast_at,
      candidateIds: fromJson<string[]>(row.candidate_ids) ?? [],
      status: row.status,
    }
  }

  /**
   * One read per key at a time: concurrent retries of one key share it. Two separate reads
   * could both miss (on PostgreSQL the second may take its snapshot before the first ballot
   * commits) and both count. Sharing it, the first waiter to resume reserves the key
   * synchronously and the others find it in `pending`.
   */
  const earlierBallot = (
    s: CampaignVoteState,
    voterKey: string,
    clientKey: string,
    keyId: string,
  ): Promise<CastResult | null> => {
    let read = s.lookups.get(keyId)
    if (!read) {
      read = readEarlierBallot(s, voterKey, clientKey)
      s.lookups.set(keyId, read)
      const forget = () => s.lookups.delete(keyId)
      read.then(forget, forget)
    }
    return read
  }

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
    const inFlight = s.pending.get(keyId)
    if (inFlight) return replayPending(inFlight, body.candidateIds)
    if (s.seenKeys.mightHave(keyId) || s.prevSeenKeys.mightHave(keyId)) {
      const earlier = await earlierBallot(s, voter.voterKey, body.clientKey, keyId)
      // A concurrent retry with the same key may have been reserved while the read ran.
      const reserved = s.pending.get(keyId)
      if (reserved) return replayPending(reserved, body.candidateIds)
      if (earlier) return replayOf(earlier, body.candidateIds)
      // Else a false positive (or a batch that failed): a new ballot after all.
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

    const voterKey = voter.voterKey
    const v = s.voters.get(voterKey) ?? ''
    if (v.length + ids.length > s.rules.votesPerDay)
      throw campaignErrors.dailyLimit(s.rules.votesPerDay)
    const codes = codesOf(s, ids)
    for (let i = 0; i < ids.length; i++)
      if (votesFor(v, codes[i]!) + 1 > s.rules.maxPerCandidatePerDay)
        throw campaignErrors.candidateLimit(s.rules.maxPerCandidatePerDay, ids[i]!)

    const signals: RiskSignal[] = s.fraud.signals(facts, rates)
    const status: BallotStatus = signals.some(flagsForReview) ? 'flagged' : 'counted'
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
    const voters = s.voters
    voters.set(voterKey, v + codes)
    s.fraud.record(facts)
    const done = writer.enqueue({ row, orgId: voter.orgId, candidateIds: ids })
    const pending = s.pending
    const reservation: PendingBallot = { ballotId, castAt, candidateIds: ids, status, done }
    pending.set(keyId, reservation)
    // Added before the commit: a failed batch leaves a key the filter holds and the log lacks,
    // which a retry reads as a false positive.
    s.seenKeys.add(keyId)
    try {
      await done
    } catch {
      // Not durable: give back what was reserved and let the client retry with the same key.
      // (Other ballots of this voter may have been added meanwhile, so codes are taken out one
      // by one, not by restoring the old string.)
      let left = voters.get(voterKey) ?? ''
      for (let i = 0; i < codes.length; i++) {
        const at = left.lastIndexOf(codes[i]!)
        if (at >= 0) left = left.slice(0, at) + left.slice(at + 1)
      }
      voters.set(voterKey, left)
      throw campaignErrors.notRecorded()
    } finally {
      if (pending.get(keyId) === reservation) pending.delete(keyId)
    }
    return { replay: false, ballotId, castAt, candidateIds: ids, status }
  }

  /** The voter key of a caller (for their own receipts), checking nothing else. */
  const voterKeyFor = async (campaignId: string, input: VoterInput, now: Date) => {
    const s = await stateFor(campaignId, now.getTime())
    return (await resolveVoter(s, input, now.getTime())).voterKey
  }

  return {
    cast,
    stateFor,
    currentState,
    markChanged,
    voterKeyFor,
    /** Ids of a voter's ballots not yet in the voter side table (see BallotBatchWriter). */
    voterTail: (campaignId: string, voterKey: string) => writeBatch.voterTail(campaignId, voterKey),
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
