import {
  type Campaign,
  CampaignScheduleSchema,
  type CreateCampaignBody,
  DEFAULT_BALLOT_LIMITS,
  SCHEDULED_PHASES,
  type ScheduledPhase,
} from '@unionhall/contracts'
import dayjs, { type Dayjs } from 'dayjs'
import type { z } from 'zod'

export type DateRange = [Dayjs | null, Dayjs | null] | null | undefined

/** The wizard's form values: the create body, with dates as pickers and shares as percents. */
export type WizardValues = {
  name?: string
  honourTitle?: string
  year?: number
  description?: string
  coverImageUrl?: string | null
  orgId?: string
  parentCampaignId?: string
  phaseMode?: 'auto' | 'manual'
  categories?: { name?: string; honourCount?: number }[]
  schedule?: Partial<Record<ScheduledPhase, DateRange>>
  rules?: {
    eligibility?: 'members' | 'sms'
    votesPerDay?: number
    maxPerCandidatePerDay?: number
    maxChoicesPerBallot?: number
    roundTheClock?: boolean
    hours?: [Dayjs | null, Dayjs | null] | null
    sealed?: boolean
    publicVotePct?: number
    juryPct?: number
    limits?: { perVoterPerMinute?: number; perDevicePerMinute?: number; perIpPerMinute?: number }
  }
  quotas?: { minFrontLinePct?: number; maxCandidatesPerHonour?: number | null }
  /** `key` is the saved item's (the edit page); a new item has none until the body is built. */
  rubric?: { key?: string; label?: string; maxScore?: number }[]
}

export type ScheduleProblem = 'required' | 'CAMPAIGN_PERIOD_INVALID' | 'CAMPAIGN_SCHEDULE_OVERLAP'

/** A period's start is the first moment of its first day, its end the last moment of its last day. */
const periodOf = (range: DateRange) => {
  const [start, end] = range ?? [null, null]
  if (!start || !end) return null
  return {
    startsAt: start.startOf('day').toISOString(),
    endsAt: end.endOf('day').toISOString(),
  }
}

/**
 * The schedule from one date range per phase, with the problem of each phase: missing,
 * ending before it starts, or starting before the previous phase ends (the contract's rules).
 */
export const buildSchedule = (
  ranges: Partial<Record<ScheduledPhase, DateRange>> | undefined,
): {
  schedule: CreateCampaignBody['schedule'] | null
  problems: Partial<Record<ScheduledPhase, ScheduleProblem>>
} => {
  const problems: Partial<Record<ScheduledPhase, ScheduleProblem>> = {}
  const periods: Partial<Record<ScheduledPhase, { startsAt: string; endsAt: string }>> = {}
  let prevEnd: string | null = null
  for (const phase of SCHEDULED_PHASES) {
    const period = periodOf(ranges?.[phase])
    if (!period) {
      problems[phase] = 'required'
      continue
    }
    if (period.startsAt >= period.endsAt) problems[phase] = 'CAMPAIGN_PERIOD_INVALID'
    else if (prevEnd !== null && period.startsAt < prevEnd) {
      problems[phase] = 'CAMPAIGN_SCHEDULE_OVERLAP'
    }
    periods[phase] = period
    prevEnd = period.endsAt
  }
  if (Object.keys(problems).length > 0) return { schedule: null, problems }
  const parsed = CampaignScheduleSchema.safeParse(periods)
  return parsed.success ? { schedule: parsed.data, problems } : { schedule: null, problems }
}

/**
 * Shares (the weights, the front-line share) are edited as percents: a share's bounds (0..1)
 * are said in percents too ("不能大于 100", not "不能大于 1").
 */
export const percentIssue = (issue: z.core.$ZodIssue): z.core.$ZodIssue => {
  const path = issue.path.map(String).join('.')
  if (!/(^|\.)(weights\.(publicVote|jury)|quotas\.minFrontLineShare)$/.test(path)) return issue
  if (issue.code === 'too_big') return { ...issue, maximum: Number(issue.maximum) * 100 }
  if (issue.code === 'too_small') return { ...issue, minimum: Number(issue.minimum) * 100 }
  return issue
}

/** The percent field of a weights issue: its own weight's, or the jury's for their sum. */
export const weightField = (key: string | number | undefined) =>
  key === 'publicVote' ? 'publicVotePct' : 'juryPct'

/** Public vote and jury weights as percents: they must add up to 100. */
export const checkWeights = (publicVotePct: number | undefined, juryPct: number | undefined) => {
  const pv = publicVotePct ?? 0
  const jury = juryPct ?? 0
  const sum = Math.round((pv + jury) * 100) / 100
  return { ok: sum === 100, sum, publicVote: pv / 100, jury: jury / 100 }
}

const clock = (d: Dayjs | null | undefined) => (d ? d.format('HH:mm') : '')

/** True when the limits are unset or every one given equals the default. */
const sameLimits = (a: Record<string, number | undefined> | undefined, b: Record<string, number>) =>
  !a || Object.keys(b).every((k) => a[k] === undefined || a[k] === b[k])

/** The rubric item keys: stable, contract-shaped (item_1, item_2, …). */
export const rubricKey = (index: number) => `item_${index + 1}`

/**
 * The rubric items of a body: saved items keep their key (the name of the scores jurors give);
 * each new item takes the first item_N no other item uses, so keys stay unique after removals.
 */
export const rubricItemsOf = (items: NonNullable<WizardValues['rubric']>) => {
  const used = new Set(items.map((item) => item.key).filter(Boolean))
  let n = 0
  return items.map((item) => {
    let key = item.key
    if (!key) {
      while (used.has(rubricKey(n))) n++
      key = rubricKey(n)
      used.add(key)
    }
    return { key, label: item.label, maxScore: item.maxScore }
  })
}

/** Turns the wizard values into the create body (the contract schema validates it after). */
export const toCreateBody = (v: WizardValues, inherited: boolean): Record<string, unknown> => {
  const { schedule } = buildSchedule(v.schedule)
  const r = v.rules ?? {}
  const weights = checkWeights(r.publicVotePct, r.juryPct)
  const body: Record<string, unknown> = {
    orgId: v.orgId,
    parentCampaignId: v.parentCampaignId || undefined,
    name: v.name,
    honourTitle: v.honourTitle,
    year: v.year,
    description: v.description ?? '',
    coverImageUrl: v.coverImageUrl || undefined,
    categories: (v.categories ?? []).map((c) => ({ name: c.name, honourCount: c.honourCount })),
    schedule,
    phaseMode: v.phaseMode ?? 'auto',
  }
  if (inherited) return body
  body.rules = {
    eligibility: r.eligibility,
    votesPerDay: r.votesPerDay,
    maxPerCandidatePerDay: r.maxPerCandidatePerDay,
    maxChoicesPerBallot: r.maxChoicesPerBallot,
    hours:
      r.roundTheClock || !r.hours?.[0] || !r.hours?.[1]
        ? null
        : { start: clock(r.hours[0]), end: clock(r.hours[1]) },
    sealed: r.sealed ?? false,
    weights: { publicVote: weights.publicVote, jury: weights.jury },
    // Sent only when they differ from the defaults, so older campaigns are not rewritten.
    limits: sameLimits(r.limits, DEFAULT_BALLOT_LIMITS) ? undefined : r.limits,
  }
  const q = v.quotas ?? {}
  body.quotas = {
    minFrontLineShare: (q.minFrontLinePct ?? 0) / 100,
    ...(q.maxCandidatesPerHonour ? { maxCandidatesPerHonour: q.maxCandidatesPerHonour } : {}),
  }
  body.rubric = rubricItemsOf(v.rubric ?? [])
  return body
}

const pct = (x: number) => Math.round(x * 10000) / 100

/** Initial wizard values: fresh defaults, or a child campaign's copy of its parent. */
export const initialValues = (
  orgId: string | undefined,
  parent: Campaign | null,
  rubricLabels: string[] = [],
): WizardValues => {
  const rules = parent?.rules
  const range = (phase: ScheduledPhase): DateRange =>
    parent ? [dayjs(parent.schedule[phase].startsAt), dayjs(parent.schedule[phase].endsAt)] : null
  return {
    orgId,
    parentCampaignId: parent?.id,
    name: parent ? '' : undefined,
    honourTitle: parent?.honourTitle,
    year: parent?.year ?? dayjs().year(),
    description: '',
    phaseMode: 'auto',
    categories: parent
      ? parent.categories.map((c) => ({ name: c.name, honourCount: c.honourCount }))
      : [{ name: '', honourCount: 10 }],
    schedule: Object.fromEntries(SCHEDULED_PHASES.map((p) => [p, range(p)])),
    rules: {
      eligibility: rules?.eligibility ?? 'members',
      votesPerDay: rules?.votesPerDay ?? 10,
      maxPerCandidatePerDay: rules?.maxPerCandidatePerDay ?? 1,
      maxChoicesPerBallot: rules?.maxChoicesPerBallot ?? 10,
      roundTheClock: rules ? rules.hours === null : false,
      hours: rules?.hours
        ? [dayjs(`2000-01-01T${rules.hours.start}`), dayjs(`2000-01-01T${rules.hours.end}`)]
        : [dayjs('2000-01-01T08:00'), dayjs('2000-01-01T22:00')],
      sealed: rules?.sealed ?? false,
      publicVotePct: rules ? pct(rules.weights.publicVote) : 60,
      juryPct: rules ? pct(rules.weights.jury) : 40,
      limits: { ...(rules?.limits ?? DEFAULT_BALLOT_LIMITS) },
    },
    quotas: {
      minFrontLinePct: parent ? pct(parent.quotas.minFrontLineShare) : 50,
      maxCandidatesPerHonour: parent?.quotas.maxCandidatesPerHonour ?? null,
    },
    rubric: parent
      ? parent.rubric.map((r) => ({ label: r.label, maxScore: r.maxScore }))
      : [40, 30, 30].map((maxScore, i) => ({ label: rubricLabels[i] ?? '', maxScore })),
  }
}
