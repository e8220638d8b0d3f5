import type { BallotReceipt, Campaign } from '@unionhall/contracts'
import type { TFunction } from 'i18next'
import { isApiError } from '../../../lib/api-error'
import { errorMessage } from '../../../lib/error-message'
import { votingClosedText } from './phase'
import { beijingDay, clock, formatWhen } from './time'

/** Votes already used today (Beijing day): each chosen candidate on a ballot is one vote. */
export const votesUsedToday = (receipts: BallotReceipt[], now: Date): number => {
  const today = beijingDay(now)
  return receipts
    .filter((r) => beijingDay(r.castAt) === today)
    .reduce((n, r) => n + r.candidates.length, 0)
}

/** Votes each candidate already had from me today (Beijing day), by candidate id. */
export const votesTodayByCandidate = (receipts: BallotReceipt[], now: Date) => {
  const today = beijingDay(now)
  const votes = new Map<string, number>()
  for (const r of receipts)
    if (beijingDay(r.castAt) === today)
      for (const c of r.candidates) votes.set(c.id, (votes.get(c.id) ?? 0) + 1)
  return votes
}

/** What my receipts still allow today: the two daily limits the server checks on a ballot. */
export type TodayAllowance = {
  /** Votes left today (votes per voter per day minus those used). */
  leftToday: number
  /** Whether this candidate already has today's most votes from me. */
  candidateFull: (candidateId: string) => boolean
}

export const todayAllowance = (
  receipts: BallotReceipt[],
  rules: Pick<Campaign['rules'], 'votesPerDay' | 'maxPerCandidatePerDay'>,
  now: Date,
): TodayAllowance => {
  const byCandidate = votesTodayByCandidate(receipts, now)
  return {
    leftToday: Math.max(0, rules.votesPerDay - votesUsedToday(receipts, now)),
    candidateFull: (id) => (byCandidate.get(id) ?? 0) >= rules.maxPerCandidatePerDay,
  }
}

/**
 * The short note shown instead of a vote button for a candidate the server would refuse today;
 * null while I can still vote for them, or when my receipts are not known (not signed in yet).
 */
export const voteBlockedNote = (
  t: TFunction,
  allowance: TodayAllowance | null,
  candidateId: string,
): string | null => {
  if (!allowance) return null
  if (allowance.leftToday === 0) return t('campaignsPublic.limits.noVotesLeft')
  if (allowance.candidateFull(candidateId)) return t('campaignsPublic.limits.votedToday')
  return null
}

/**
 * Why the signed-in voter cannot vote in this campaign at all, from the refusal of their receipts
 * (403 BALLOT_VOTER_NOT_ELIGIBLE for a member outside the campaign's unions); null when there is
 * none, or when the receipts failed for a reason a retry may fix (a network fault).
 */
export const voterRefusal = (
  t: TFunction,
  receiptsError: unknown,
  campaign: Campaign,
  now: Date,
): string | null =>
  isApiError(receiptsError) && receiptsError.status >= 400 && receiptsError.status < 500
    ? ballotErrorText(t, receiptsError, { campaign, now, leftToday: null })
    : null

/** When the worker can vote again after today's votes are used up, in words. */
const nextDayText = (t: TFunction, c: Campaign, now: Date): string => {
  const start = c.rules.hours?.start ?? '00:00'
  const [h, m] = start.split(':')
  const nextOpen =
    Date.parse(`${beijingDay(now)}T00:00:00+08:00`) +
    24 * 3600_000 +
    (Number(h) * 60 + Number(m)) * 60_000
  if (c.phaseMode === 'auto' && nextOpen >= Date.parse(c.schedule.voting.endsAt))
    return t('campaignsPublic.limits.votingEnds', {
      when: formatWhen(t, c.schedule.voting.endsAt, now),
    })
  return t('campaignsPublic.limits.tomorrow', {
    start: c.rules.hours ? clock(c.rules.hours.start) : '0:00',
  })
}

/** "您今天的 3 票已经投完，明天 8:00 后可以再投" */
export const dailyLimitText = (t: TFunction, c: Campaign, now: Date) =>
  t('campaignsPublic.limits.dailyUsed', {
    count: c.rules.votesPerDay,
    next: nextDayText(t, c, now),
  })

type Context = {
  campaign: Campaign
  now: Date
  /** Votes left today, when known from my receipts. */
  leftToday: number | null
  candidateName?: (id: string) => string | undefined
}

/** A failed ballot in plain words: limits, hours and closed voting say what to do next. */
export const ballotErrorText = (t: TFunction, error: unknown, ctx: Context): string => {
  const { campaign: c, now } = ctx
  if (!isApiError(error)) return errorMessage(t, error)
  const details = (error.details ?? {}) as { candidateId?: string }
  switch (error.code) {
    case 'BALLOT_DAILY_LIMIT':
      return ctx.leftToday !== null && ctx.leftToday > 0
        ? t('campaignsPublic.limits.fewerLeft', { count: ctx.leftToday })
        : dailyLimitText(t, c, now)
    case 'BALLOT_CANDIDATE_LIMIT': {
      const name = details.candidateId ? ctx.candidateName?.(details.candidateId) : undefined
      return t(
        name ? 'campaignsPublic.limits.perCandidateNamed' : 'campaignsPublic.limits.perCandidate',
        {
          count: c.rules.maxPerCandidatePerDay,
          name,
        },
      )
    }
    case 'BALLOT_TOO_MANY_CHOICES':
      return t('campaignsPublic.limits.tooMany', { count: c.rules.maxChoicesPerBallot })
    case 'BALLOT_OUTSIDE_HOURS':
    case 'BALLOT_VOTING_CLOSED':
    case 'CAMPAIGN_WRONG_PHASE': {
      const text = votingClosedText(t, c, now)
      return text ?? t('campaignsPublic.vote.closed')
    }
    case 'BALLOT_RATE_LIMITED':
      return t('campaignsPublic.limits.rateLimited')
    case 'BALLOT_VOTER_REQUIRED':
      return c.rules.eligibility === 'sms'
        ? t('campaignsPublic.vote.verifyFirst')
        : t('campaignsPublic.vote.signInFirst')
    case 'BALLOT_VOTER_NOT_ELIGIBLE':
      return t('campaignsPublic.vote.notEligible', { org: c.orgName })
    case 'BALLOT_SMS_NOT_ENABLED':
      return t('campaignsPublic.vote.signInFirst')
    case 'BALLOT_NOT_A_CANDIDATE':
      return t('campaignsPublic.vote.candidateGone')
    case 'BALLOT_NOT_RECORDED':
    case 'NETWORK_ERROR':
      return t('campaignsPublic.vote.notRecorded')
    default:
      return errorMessage(t, error)
  }
}
