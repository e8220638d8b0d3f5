import { DEFAULT_BALLOT_LIMITS, type BallotLimits } from '@unionhall/contracts'
import type { RiskSignal } from './votes.types'

/**
 * Anti-fraud (刷票) in process memory: sliding-window counters per voter, device and IP, and
 * the risk signals computed for each ballot at ingest. Nothing here touches the database.
 *
 * Hard limits (429) stop floods; signals only flag a ballot for human review, because the
 * same pattern (many ballots from one IP) is also 1,000 honest workers behind a factory NAT.
 */
/**
 * Ballots per minute per voter (a person votes a few times a day at most), per device (a family
 * may share a phone) and per IP (generous, so a factory NAT of 1,000+ voters is never locked out).
 * Each campaign sets them in its voting rules; these are the defaults.
 */
export type FraudLimits = BallotLimits

/**
 * Whether a signal puts a ballot in the review queue on its own. A new account does not: on the
 * day an SMS campaign opens nearly every voter is new to the platform, so every ballot was
 * flagged, burying the signals that mean something and telling honest voters their vote was
 * under review (ADR 0018 addendum). It is still recorded on the ballot, and a ballot flagged for
 * another reason shows it beside that reason.
 */
export const flagsForReview = (signal: RiskSignal) => signal !== 'new_account'

export const DEFAULT_FRAUD_LIMITS: FraudLimits = DEFAULT_BALLOT_LIMITS

/** Thresholds of the signals (a ballot that reaches one is flagged, still counted until review). */
export const SIGNAL_THRESHOLDS = {
  /** Ballots by one voter in a minute, or by one device. */
  voterBurst: 5,
  deviceBurst: 15,
  /** Distinct voters seen on one device today. */
  votersPerDevice: 4,
  /** Account younger than this. */
  newAccountMs: 24 * 3600_000,
  /** Night hours (Asia/Shanghai, minutes) and the per-IP ballots per minute that make a night burst. */
  nightEndMinutes: 5 * 60,
  nightIpPerMinute: 10,
  /** Mobiles seen from one IP that are numerically close (±5) to this voter's. */
  sequentialNeighbours: 2,
  sequentialDistance: 5,
  recentMobilesPerIp: 64,
  /** Ballots per minute from one IP above which every ballot from it gets a look. */
  ipVelocity: 600,
}

const BUCKET_MS = 5_000
const BUCKETS = 12 // 60 s

/**
 * Event counts per key over the last minute, in 5-second buckets. Each key holds a flat array
 * of [bucket, count] pairs for the buckets it was seen in, oldest first: most keys (a voter, a
 * phone) see one or two events a minute, so this is a few numbers per key instead of two typed
 * arrays (which cost about 300 bytes each and showed in GC time under ballot load).
 *
 * Keys live in two generations. A sweep (at most once a minute) drops the older generation
 * whole: its keys were last seen over a minute ago. Walking and deleting half a million keys
 * instead held the event loop for tens of milliseconds once a minute, in the ballots' p99.
 */
export class MinuteCounter {
  private young = new Map<string, number[]>()
  private old = new Map<string, number[]>()
  private sweptAt = 0

  count(key: string, nowMs: number): number {
    const e = this.young.get(key) ?? this.old.get(key)
    if (!e) return 0
    const oldest = Math.floor(nowMs / BUCKET_MS) - BUCKETS + 1
    let n = 0
    for (let i = 0; i < e.length; i += 2) if (e[i]! >= oldest) n += e[i + 1]!
    return n
  }

  hit(key: string, nowMs: number) {
    const b = Math.floor(nowMs / BUCKET_MS)
    let e = this.young.get(key)
    if (!e) {
      e = this.old.get(key)
      if (!e) {
        // Most keys are seen once: an array literal of exactly one pair (a push onto [] would
        // reserve 17 slots, and there is one such array per voter and device of the minute).
        this.young.set(key, [b, 1])
        return
      }
      this.old.delete(key)
      this.young.set(key, e)
    }
    let i = e.length - 2
    // Usually the last pair; a clock that moved back finds an earlier one, or adds a pair.
    while (i >= 0 && e[i] !== b) i -= 2
    if (i >= 0) e[i + 1]! += 1
    else e.push(b, 1)
    const oldest = b - BUCKETS + 1
    if (e[0]! < oldest || e.length > 2 * BUCKETS) {
      const kept = []
      for (let j = 0; j < e.length; j += 2) if (e[j]! >= oldest) kept.push(e[j]!, e[j + 1]!)
      this.young.set(key, kept)
    }
  }

  /**
   * Drops the keys not seen since the previous sweep, if that was a minute or more ago (so
   * every dropped key's events are out of the window); otherwise does nothing.
   */
  sweep(nowMs: number) {
    if (nowMs - this.sweptAt < BUCKETS * BUCKET_MS) return
    this.sweptAt = nowMs
    this.old = this.young
    this.young = new Map()
  }

  get size() {
    return this.young.size + this.old.size
  }
}

/** What the signals need to know about one ballot. */
export type BallotFacts = {
  voterKey: string
  deviceHash: string | null
  ipHash: string | null
  /** The voter's mobile as a number (SMS voters), for the sequential-numbers signal. */
  mobileNumber: number | null
  /** When the voter's account was created (members), for the new-account signal. */
  accountCreatedMs: number | null
  nowMs: number
  /** Minutes since midnight, Asia/Shanghai. */
  minutes: number
}

export type RateLimitHit = 'voter' | 'device' | 'ip'

/** Ballots in the last minute by this voter, device and IP (before this ballot). */
export type BallotRates = { voter: number; device: number; ip: number }

/** Per-campaign anti-fraud state: counters, devices seen today, recent mobiles per IP. */
export class FraudState {
  readonly voters = new MinuteCounter()
  readonly devices = new MinuteCounter()
  readonly ips = new MinuteCounter()
  /**
   * Voter keys seen per device today (reset with the voting day): the one voter key while a
   * device has had one voter, which is nearly every device, and a Set from the second on.
   */
  private votersByDevice = new Map<string, string | Set<string>>()
  private readonly mobilesByIp = new Map<string, number[]>()
  private lastSweep = 0

  /** Replaced when the campaign's rules change (they are fixed once voting opens). */
  constructor(public limits: FraudLimits = DEFAULT_FRAUD_LIMITS) {}

  /** Counted once per ballot and shared by limitHit and signals (the ballot path is hot). */
  rates(f: BallotFacts): BallotRates {
    return {
      voter: this.voters.count(f.voterKey, f.nowMs),
      device: f.deviceHash ? this.devices.count(f.deviceHash, f.nowMs) : 0,
      ip: f.ipHash ? this.ips.count(f.ipHash, f.nowMs) : 0,
    }
  }

  /** The first hard limit this ballot would cross, or null. */
  limitHit(f: BallotFacts, r: BallotRates = this.rates(f)): RateLimitHit | null {
    if (r.voter >= this.limits.perVoterPerMinute) return 'voter'
    if (f.deviceHash && r.device >= this.limits.perDevicePerMinute) return 'device'
    if (f.ipHash && r.ip >= this.limits.perIpPerMinute) return 'ip'
    return null
  }

  /** The risk signals of a ballot about to be accepted (counts before this ballot). */
  signals(f: BallotFacts, r: BallotRates = this.rates(f)): RiskSignal[] {
    const s = SIGNAL_THRESHOLDS
    const out: RiskSignal[] = []
    const voterRate = r.voter + 1
    const deviceRate = f.deviceHash ? r.device + 1 : 0
    const ipRate = f.ipHash ? r.ip + 1 : 0
    if (voterRate >= s.voterBurst || deviceRate >= s.deviceBurst) out.push('burst_velocity')
    if (f.deviceHash) {
      const seen = this.votersByDevice.get(f.deviceHash)
      let n = 1
      if (typeof seen === 'string') n = seen === f.voterKey ? 1 : 2
      else if (seen) n = seen.size + (seen.has(f.voterKey) ? 0 : 1)
      if (n >= s.votersPerDevice) out.push('shared_device')
    }
    if (f.accountCreatedMs !== null && f.nowMs - f.accountCreatedMs < s.newAccountMs)
      out.push('new_account')
    if (
      f.minutes < s.nightEndMinutes &&
      (ipRate >= s.nightIpPerMinute || voterRate >= s.voterBurst)
    )
      out.push('night_burst')
    if (f.mobileNumber !== null && f.ipHash) {
      const recent = this.mobilesByIp.get(f.ipHash) ?? []
      let near = 0
      for (const m of recent)
        if (m !== f.mobileNumber && Math.abs(m - f.mobileNumber) <= s.sequentialDistance) near++
      if (near >= s.sequentialNeighbours) out.push('sequential_mobiles')
    }
    if (ipRate >= s.ipVelocity) out.push('ip_velocity')
    return out
  }

  /** Counts an accepted ballot. */
  record(f: BallotFacts) {
    this.voters.hit(f.voterKey, f.nowMs)
    if (f.deviceHash) {
      this.devices.hit(f.deviceHash, f.nowMs)
      this.noteDeviceVoter(f.deviceHash, f.voterKey)
    }
    if (f.ipHash) {
      this.ips.hit(f.ipHash, f.nowMs)
      if (f.mobileNumber !== null) {
        let recent = this.mobilesByIp.get(f.ipHash)
        if (!recent) this.mobilesByIp.set(f.ipHash, (recent = []))
        if (!recent.includes(f.mobileNumber)) {
          recent.push(f.mobileNumber)
          if (recent.length > SIGNAL_THRESHOLDS.recentMobilesPerIp) recent.shift()
        }
      }
    }
    if (f.nowMs - this.lastSweep > 60_000) {
      this.lastSweep = f.nowMs
      this.voters.sweep(f.nowMs)
      this.devices.sweep(f.nowMs)
      this.ips.sweep(f.nowMs)
      if (this.mobilesByIp.size > 100_000) this.mobilesByIp.clear()
    }
  }

  /** Notes that a voter voted on a device today (also when the day is rebuilt from the log). */
  noteDeviceVoter(deviceHash: string, voterKey: string) {
    const seen = this.votersByDevice.get(deviceHash)
    if (seen === undefined) this.votersByDevice.set(deviceHash, voterKey)
    else if (typeof seen === 'string') {
      if (seen !== voterKey) this.votersByDevice.set(deviceHash, new Set([seen, voterKey]))
    } else seen.add(voterKey)
  }

  newDay() {
    this.votersByDevice = new Map()
  }
}
