import { z } from 'zod'
import {
  EnteredInstantSchema,
  IdSchema,
  queryNumber,
  PageQuerySchema,
  TimestampSchema,
  pageOf,
} from './common'
import { PermissionSchema } from './access'
import { IdCardNumberSchema, MobileSchema, NameSchema } from './members'
import { ImageUrlSchema, WebLinkSchema } from './uploads'

/**
 * Recognition campaigns (评选): set-up → nomination (海选) → review (资格审核) → publicity (公示)
 * → voting (投票) → jury review (专家评审) → result publicity → announced.
 */
export const CAMPAIGN_PHASES = [
  'draft',
  'nomination',
  'review',
  'publicity',
  'voting',
  'jury',
  'result_publicity',
  'announced',
] as const
export const CampaignPhaseSchema = z.enum(CAMPAIGN_PHASES)
export type CampaignPhase = z.infer<typeof CampaignPhaseSchema>

/** The dated phases, in order; draft precedes them and announced follows them. */
export const SCHEDULED_PHASES = [
  'nomination',
  'review',
  'publicity',
  'voting',
  'jury',
  'result_publicity',
] as const
export type ScheduledPhase = (typeof SCHEDULED_PHASES)[number]

/**
 * Instants are compared as instants: as strings, "…00.900Z" sorts before "…00Z" ('.' < 'Z'), so
 * a period ending before it starts passed when the two were written with different precision.
 */
const instant = (iso: string) => Date.parse(iso)

const PeriodSchema = z
  .object({ startsAt: EnteredInstantSchema, endsAt: EnteredInstantSchema })
  .strict()
  .refine((p) => instant(p.startsAt) < instant(p.endsAt), { message: 'CAMPAIGN_PERIOD_INVALID' })

/** One period per dated phase; periods follow each other without overlapping. */
export const CampaignScheduleSchema = z
  .object({
    nomination: PeriodSchema,
    review: PeriodSchema,
    publicity: PeriodSchema,
    voting: PeriodSchema,
    jury: PeriodSchema,
    result_publicity: PeriodSchema,
  })
  .strict()
  .superRefine((s, ctx) => {
    for (let i = 1; i < SCHEDULED_PHASES.length; i++) {
      const prev = s[SCHEDULED_PHASES[i - 1]!]
      const cur = s[SCHEDULED_PHASES[i]!]
      if (instant(cur.startsAt) < instant(prev.endsAt)) {
        ctx.addIssue({
          code: 'custom',
          path: [SCHEDULED_PHASES[i]!, 'startsAt'],
          message: 'CAMPAIGN_SCHEDULE_OVERLAP',
        })
      }
    }
  })
export type CampaignSchedule = z.infer<typeof CampaignScheduleSchema>

/**
 * The schedule with every instant written as toISOString() writes it (milliseconds, Z), as it
 * is stored: stored instants are compared as strings with `now.toISOString()`, which is only
 * right when both are written the same way.
 */
export const canonicalSchedule = (s: CampaignSchedule): CampaignSchedule =>
  Object.fromEntries(
    Object.entries(s).map(([phase, p]) => [
      phase,
      {
        startsAt: new Date(p.startsAt).toISOString(),
        endsAt: new Date(p.endsAt).toISOString(),
      },
    ]),
  ) as CampaignSchedule

export const VOTER_ELIGIBILITY = ['members', 'sms'] as const
const ClockSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/)

/** Voting rules are fixed when voting opens; a later change is refused. */
/**
 * Hard anti-fraud limits per minute, fixed with the other rules when voting opens. The per-IP
 * limit has a floor: 1,000 honest workers behind one factory NAT must still be able to vote.
 */
export const DEFAULT_BALLOT_LIMITS = {
  perVoterPerMinute: 20,
  perDevicePerMinute: 60,
  perIpPerMinute: 6000,
} as const
export const BallotLimitsSchema = z
  .object({
    perVoterPerMinute: z.number().int().min(1).max(600),
    perDevicePerMinute: z.number().int().min(1).max(6000),
    perIpPerMinute: z.number().int().min(1000).max(1_000_000),
  })
  .strict()
export type BallotLimits = z.infer<typeof BallotLimitsSchema>

export const VotingRulesSchema = z
  .object({
    /** members: verified members of the campaign's org subtree; sms: any mobile verified by code. */
    eligibility: z.enum(VOTER_ELIGIBILITY),
    votesPerDay: z.number().int().min(1).max(100),
    maxPerCandidatePerDay: z.number().int().min(1).max(100),
    maxChoicesPerBallot: z.number().int().min(1).max(100),
    /** Daily voting hours in Asia/Shanghai time; null means around the clock. */
    hours: z.object({ start: ClockSchema, end: ClockSchema }).strict().nullable(),
    /** Sealed tallies: nobody sees per-candidate totals until voting closes. */
    sealed: z.boolean(),
    /** Weights of the public vote and the jury score in the final ranking; published before voting. */
    weights: z
      .object({ publicVote: z.number().min(0).max(1), jury: z.number().min(0).max(1) })
      .strict()
      .refine((w) => Math.abs(w.publicVote + w.jury - 1) < 1e-9, {
        message: 'CAMPAIGN_WEIGHTS_SUM',
      }),
    /** Rate limits per voter, device and IP; absent means DEFAULT_BALLOT_LIMITS. */
    limits: BallotLimitsSchema.optional(),
  })
  .strict()
export type VotingRules = z.infer<typeof VotingRulesSchema>

/**
 * Voting rules as staff set them: besides each field's range, no rule may contradict another.
 * A ballot may not hold more choices than a voter's votes for the day (every ballot of that
 * size would be refused), nor may one candidate take more of a day's votes than there are.
 * (VotingRulesSchema itself stays as stored, so a campaign saved before these checks still reads.)
 */
export const VotingRulesInputSchema = VotingRulesSchema.superRefine((r, ctx) => {
  if (r.maxChoicesPerBallot > r.votesPerDay)
    ctx.addIssue({
      code: 'custom',
      path: ['maxChoicesPerBallot'],
      message: 'CAMPAIGN_CHOICES_OVER_DAILY',
    })
  if (r.maxPerCandidatePerDay > r.votesPerDay)
    ctx.addIssue({
      code: 'custom',
      path: ['maxPerCandidatePerDay'],
      message: 'CAMPAIGN_CANDIDATE_OVER_DAILY',
    })
})

export const RubricItemSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,30}$/),
    label: z.string().min(1).max(50),
    maxScore: z.number().int().min(1).max(100),
  })
  .strict()
export type RubricItem = z.infer<typeof RubricItemSchema>

/** A jury rubric: 1–10 items; keys name the scores jurors give, so they must be unique. */
export const RubricSchema = z
  .array(RubricItemSchema)
  .min(1)
  .max(10)
  .superRefine((items, ctx) => {
    const seen = new Set<string>()
    items.forEach((item, i) => {
      if (seen.has(item.key))
        ctx.addIssue({ code: 'custom', path: [i, 'key'], message: 'CAMPAIGN_RUBRIC_KEY_DUPLICATE' })
      seen.add(item.key)
    })
  })

export const CategoryInputSchema = z
  .object({
    name: z.string().trim().min(1).max(50),
    honourCount: z.number().int().min(1).max(1000),
  })
  .strict()

/** How two category names compare: 「技能类」 and 「技能类 」 or ＡＢ and ab are the same name. */
export const categoryNameKey = (name: string) => name.normalize('NFKC').trim().toLowerCase()

/**
 * A campaign's categories: names are unique, since a child campaign's winners are put forward
 * to the parent's category of the same name and voters tell categories apart by name.
 */
export const CategoriesInputSchema = z
  .array(CategoryInputSchema)
  .min(1)
  .max(20)
  .superRefine((cats, ctx) => {
    const seen = new Set<string>()
    cats.forEach((c, i) => {
      const key = categoryNameKey(c.name)
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: [i, 'name'], message: 'CAMPAIGN_CATEGORY_DUPLICATE' })
      seen.add(key)
    })
  })

/** Structural quotas the review validator checks, e.g. at least half front-line workers. */
export const StructuralQuotasSchema = z
  .object({
    minFrontLineShare: z.number().min(0).max(1).default(0),
    /** At most this many accepted candidates per honour in a category (差额 ratio); unset: no cap. */
    maxCandidatesPerHonour: z.number().min(1).max(100).optional(),
  })
  .strict()

export const CreateCampaignBodySchema = z
  .object({
    orgId: IdSchema,
    parentCampaignId: IdSchema.optional(),
    name: z.string().trim().min(2).max(100),
    honourTitle: z.string().trim().min(2).max(50),
    year: z.number().int().min(2000).max(2100),
    description: z.string().max(5000).default(''),
    /** An upload path (/api/v1/uploads/<id>) or an https URL. */
    coverImageUrl: ImageUrlSchema.optional(),
    categories: CategoriesInputSchema,
    schedule: CampaignScheduleSchema,
    /** Required for a top-level campaign; a child campaign inherits rules, quotas and rubric. */
    rules: VotingRulesInputSchema.optional(),
    quotas: StructuralQuotasSchema.optional(),
    rubric: RubricSchema.optional(),
    /** auto: phases advance on their dates; manual: only staff advance them. */
    phaseMode: z.enum(['auto', 'manual']).default('auto'),
  })
  .strict()
export type CreateCampaignBody = z.infer<typeof CreateCampaignBodySchema>

export const UpdateCampaignBodySchema = CreateCampaignBodySchema.omit({
  orgId: true,
  parentCampaignId: true,
  categories: true,
})
  .partial()
  .extend({
    // Without the create defaults: a PATCH that leaves them out must not reset them.
    description: z.string().max(5000).optional(),
    phaseMode: z.enum(['auto', 'manual']).optional(),
    // null removes the cover image.
    coverImageUrl: ImageUrlSchema.nullable().optional(),
  })
  .strict()
export type UpdateCampaignBody = z.infer<typeof UpdateCampaignBodySchema>

export const CategorySchema = z.object({
  id: IdSchema,
  name: z.string(),
  honourCount: z.number().int(),
  sort: z.number().int(),
})
export type Category = z.infer<typeof CategorySchema>

export const CampaignSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  orgName: z.string(),
  parentCampaignId: IdSchema.nullable(),
  name: z.string(),
  honourTitle: z.string(),
  year: z.number().int(),
  description: z.string(),
  coverImageUrl: z.string().nullable(),
  phase: CampaignPhaseSchema,
  phaseMode: z.enum(['auto', 'manual']),
  schedule: CampaignScheduleSchema,
  rules: VotingRulesSchema,
  rulesLockedAt: TimestampSchema.nullable(),
  quotas: StructuralQuotasSchema,
  rubric: z.array(RubricItemSchema),
  categories: z.array(CategorySchema),
  createdAt: TimestampSchema,
})
export type Campaign = z.infer<typeof CampaignSchema>

/**
 * What the caller may do with one campaign in the console. `permissions` are the campaign
 * permissions held over the campaign's org. `reviewsNominations`: campaign:review somewhere in
 * its org subtree (the nominations of that part). `reviewOnly`: no campaign:read over its org;
 * they see it because they review their own subtree's nominations (a campaign run above them),
 * so the console shows its details and those nominations only.
 */
export const CampaignViewerSchema = z.object({
  permissions: z.array(PermissionSchema),
  reviewsNominations: z.boolean(),
  reviewOnly: z.boolean(),
})
export type CampaignViewer = z.infer<typeof CampaignViewerSchema>
/** A campaign as the console reads it: with what the caller may do with it. */
export const StaffCampaignSchema = CampaignSchema.extend({ viewer: CampaignViewerSchema })
export type StaffCampaign = z.infer<typeof StaffCampaignSchema>

export const CampaignPageSchema = pageOf(
  CampaignSchema.omit({ schedule: true, rules: true, rubric: true, quotas: true }).extend({
    /** Shown because the caller reviews their own subtree's nominations in it (see CampaignViewer). */
    reviewOnly: z.boolean(),
  }),
)

export const CampaignListQuerySchema = PageQuerySchema.extend({
  orgId: IdSchema.optional(),
  phase: CampaignPhaseSchema.optional(),
  year: queryNumber(z.number().int()).optional(),
}).strict()

/** The shortest reason accepted for leaving the jury phase with scores missing. */
export const JURY_INCOMPLETE_REASON_MIN = 4
export const AdvancePhaseBodySchema = z
  .object({
    to: CampaignPhaseSchema,
    /**
     * Leaving the jury phase with scores missing (a juror fell ill, say): why the results may
     * go on without them. Missing scores count 0 in the ranking, so this is audited; without it
     * the step is refused with CAMPAIGN_JURY_INCOMPLETE. Ignored for every other step.
     */
    juryIncompleteReason: z.string().trim().min(JURY_INCOMPLETE_REASON_MIN).max(500).optional(),
  })
  .strict()

// ---- nominations ----

export const NOMINATION_STATUSES = [
  'awaiting_consent',
  'submitted',
  'accepted',
  'rejected',
  'merged',
] as const
export const NominationStatusSchema = z.enum(NOMINATION_STATUSES)
export type NominationStatus = z.infer<typeof NominationStatusSchema>

export const REVIEW_REASON_CODES = [
  'meets_criteria',
  'incomplete_materials',
  'not_eligible',
  'duplicate',
  'insufficient_achievements',
  'disciplinary_record',
  'other',
  /** Set by the system when the nominee declines through the consent link. */
  'nominee_declined',
] as const
export const ReviewReasonSchema = z.enum(REVIEW_REASON_CODES)
export type ReviewReason = z.infer<typeof ReviewReasonSchema>

/**
 * A candidate's video: an https link only. The pages are served over https; an http video page
 * opens as "not secure" (or not at all in WeChat) and cannot be embedded there (mixed content).
 * The refusal names a code the pages translate (errors.CAMPAIGN_VIDEO_NOT_HTTPS).
 */
export const VideoLinkSchema = WebLinkSchema.refine((v) => /^https:\/\//i.test(v), {
  message: 'CAMPAIGN_VIDEO_NOT_HTTPS',
})

export const CreateNominationBodySchema = z
  .object({
    categoryId: IdSchema,
    nomineeName: NameSchema,
    nomineeMobile: MobileSchema,
    nomineeIdCardNumber: IdCardNumberSchema.optional(),
    employerOrgId: IdSchema,
    trade: z.string().trim().min(1).max(50),
    years: z.number().int().min(0).max(60),
    isFrontLine: z.boolean(),
    achievements: z.string().trim().min(10).max(5000),
    /** Upload paths (/api/v1/uploads/<id>) or https URLs. */
    photoUrls: z.array(ImageUrlSchema).max(9).default([]),
    videoUrl: VideoLinkSchema.optional(),
    reason: z.string().trim().min(5).max(2000),
    /** Set when an org, not a person, nominates: the org and its recommendation letter. */
    nominatingOrgId: IdSchema.optional(),
    recommendationLetter: z.string().max(10_000).optional(),
  })
  .strict()
export type CreateNominationBody = z.infer<typeof CreateNominationBodySchema>

export const NominationSchema = z.object({
  id: IdSchema,
  campaignId: IdSchema,
  categoryId: IdSchema,
  nomineeName: z.string(),
  nomineeMobileMasked: z.string(),
  employerOrgId: IdSchema,
  employerOrgName: z.string(),
  trade: z.string(),
  years: z.number().int(),
  isFrontLine: z.boolean(),
  achievements: z.string(),
  photoUrls: z.array(z.string()),
  videoUrl: z.string().nullable(),
  status: NominationStatusSchema,
  supporterCount: z.number().int(),
  mergedIntoId: IdSchema.nullable(),
  reviewLevelOrgId: IdSchema.nullable(),
  reviewReason: ReviewReasonSchema.nullable(),
  reviewNote: z.string().nullable(),
  consentedAt: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
})
export type Nomination = z.infer<typeof NominationSchema>
export const NominationPageSchema = pageOf(NominationSchema)
/** A row of the staff list: a nomination and the orgs that nominated or support it (none: people only). */
export const StaffNominationSchema = NominationSchema.extend({
  nominatingOrgNames: z.array(z.string()),
})
export type StaffNomination = z.infer<typeof StaffNominationSchema>
export const StaffNominationPageSchema = pageOf(StaffNominationSchema)

export const NominatingOrgsQuerySchema = z
  .object({ q: z.string().trim().max(50).optional() })
  .strict()
/** The orgs in a campaign's subtree the caller may nominate on behalf of (campaign:manage there). */
export const NominatingOrgsSchema = z.object({
  /** False when the caller's own org is outside the campaign's subtree: they cannot nominate. */
  nominatorInScope: z.boolean(),
  items: z.array(z.object({ id: IdSchema, name: z.string() })),
})
export type NominatingOrgs = z.infer<typeof NominatingOrgsSchema>

export const REVIEW_DECISIONS = ['accept', 'reject', 'forward'] as const
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number]

/**
 * The reason codes a reviewer may give with each decision: a rejection says why, an acceptance
 * (or a lower level forwarding upward) says it meets the criteria. `other` fits all three, with
 * the note explaining; `nominee_declined` is set by the system only (the consent link).
 */
export const REVIEW_REASONS_BY_DECISION: Record<ReviewDecision, readonly ReviewReason[]> = {
  accept: ['meets_criteria', 'other'],
  forward: ['meets_criteria', 'other'],
  reject: REVIEW_REASON_CODES.filter((r) => r !== 'meets_criteria' && r !== 'nominee_declined'),
}

export const ReviewNominationBodySchema = z
  .object({
    decision: z.enum(REVIEW_DECISIONS),
    reason: ReviewReasonSchema,
    note: z.string().max(1000).optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (!REVIEW_REASONS_BY_DECISION[b.decision].includes(b.reason))
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: `${b.reason} is not a reason for the decision ${b.decision}`,
      })
  })

export const MergeNominationsBodySchema = z
  .object({ intoId: IdSchema, fromIds: z.array(IdSchema).min(1).max(50) })
  .strict()

/**
 * Why the system decided something (a quota problem, a tie-break, a quota swap): a stable code
 * and its parameters, which clients render in their language (web: campaigns.explain.<code>),
 * and the zh-CN sentence as `message` for consumers that only show text.
 */
export const ExplanationSchema = z.object({
  code: z.string(),
  /** A list (e.g. candidates' names) is an array: each language joins it its own way. */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null(), z.array(z.string())])),
  message: z.string(),
})
export type Explanation = z.infer<typeof ExplanationSchema>

export const QuotaCheckSchema = z.object({
  ok: z.boolean(),
  problems: z.array(ExplanationSchema.extend({ categoryId: IdSchema.nullable() })),
  categories: z.array(
    z.object({
      categoryId: IdSchema,
      name: z.string(),
      honourCount: z.number().int(),
      accepted: z.number().int(),
      /** Of the accepted, front-line workers (the share applies to each category's winners). */
      acceptedFrontLine: z.number().int(),
      /** Consented or awaiting consent, not yet decided at the top level. */
      pending: z.number().int(),
    }),
  ),
  frontLine: z.object({
    accepted: z.number().int(),
    frontLine: z.number().int(),
    share: z.number(),
    required: z.number(),
  }),
})
export type QuotaCheck = z.infer<typeof QuotaCheckSchema>

/** An audited read of personal data: the full mobile behind a masked one (nominee or objector). */
export const ContactRevealSchema = z.object({ name: z.string(), mobile: z.string() })
export type ContactReveal = z.infer<typeof ContactRevealSchema>

/**
 * A nomination as its nominators and supporters see it (the POST answer, "my nominations"):
 * without the reviewers' note, the level reviewing it or what staff merged it into, which are
 * the reviewers' own working. The reason code of a decision stays: it tells them why.
 */
export const MyNominationSchema = NominationSchema.omit({
  reviewLevelOrgId: true,
  reviewNote: true,
  mergedIntoId: true,
})
export type MyNomination = z.infer<typeof MyNominationSchema>

/**
 * Whether the signed-in member may nominate in a campaign: only members of an org in the
 * campaign's org subtree may (else NOMINATION_NOMINATOR_OUT_OF_SCOPE). The worker pages ask
 * before offering the long form; the phase is told by the campaign itself.
 */
export const NominationEligibilitySchema = z.object({ eligibleToNominate: z.boolean() })
export type NominationEligibility = z.infer<typeof NominationEligibilitySchema>

/** POST /nominations answers 201 with merged false, or 200 with merged true when it joined an existing nomination. */
export const CreateNominationResultSchema = MyNominationSchema.extend({ merged: z.boolean() })

export const NominationListQuerySchema = PageQuerySchema.extend({
  status: NominationStatusSchema.optional(),
  categoryId: IdSchema.optional(),
  reviewLevelOrgId: IdSchema.optional(),
}).strict()

/** The consent link texted to the nominee: when, to which (masked) mobile, and the re-send limits. */
export const ConsentSmsStateSchema = z.object({
  sentAt: TimestampSchema.nullable(),
  sentTo: z.string().nullable(),
  /** Messages sent today (UTC), the first one included. */
  sentToday: z.number().int(),
  dailyMax: z.number().int(),
  /** When staff may re-send next; null when they may now. */
  nextAllowedAt: TimestampSchema.nullable(),
})
export const ResendConsentSmsBodySchema = z
  .object({ locale: z.enum(['zh-CN', 'en']).default('zh-CN') })
  .strict()
export const ResendConsentSmsResultSchema = z.object({
  nominationId: IdSchema,
  consentSms: ConsentSmsStateSchema,
})

/** The staff view of one nomination: supporters, review levels and (while pending) the consent link. */
export const NominationDetailSchema = NominationSchema.extend({
  categoryName: z.string(),
  reviewLevelOrgName: z.string().nullable(),
  /** The orgs that review it, from the first level up to the campaign's org. */
  reviewLevels: z.array(z.object({ orgId: IdSchema, orgName: z.string() })),
  /** Relative link the nominee opens to consent; null once they decided. */
  consentUrl: z.string().nullable(),
  consentSms: ConsentSmsStateSchema,
  supporters: z.array(
    z.object({
      nominatorName: z.string().nullable(),
      nominatingOrgName: z.string().nullable(),
      reason: z.string(),
      recommendationLetter: z.string().nullable(),
      createdAt: TimestampSchema,
    }),
  ),
})

export const ConsentTokenSchema = z.string().regex(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/)
export const ConsentDecisionBodySchema = z
  .object({ decision: z.enum(['consent', 'decline']) })
  .strict()
/** What the nominee sees before consenting: exactly what will be published about them. */
export const ConsentPreviewSchema = z.object({
  campaignName: z.string(),
  honourTitle: z.string(),
  categoryName: z.string(),
  nomineeName: z.string(),
  employerName: z.string(),
  trade: z.string(),
  years: z.number().int(),
  isFrontLine: z.boolean(),
  achievements: z.string(),
  photoUrls: z.array(z.string()),
  videoUrl: z.string().nullable(),
  state: z.enum(['awaiting_consent', 'consented', 'declined']),
})

// ---- candidates, objections ----

export const CandidateSchema = z.object({
  id: IdSchema,
  campaignId: IdSchema,
  categoryId: IdSchema,
  number: z.number().int(),
  name: z.string(),
  employerName: z.string(),
  trade: z.string(),
  isFrontLine: z.boolean(),
  story: z.string(),
  achievements: z.string(),
  photoUrls: z.array(z.string()),
  videoUrl: z.string().nullable(),
  status: z.enum(['active', 'withdrawn']),
  /** Null while tallies are sealed. */
  votes: z.number().int().nullable(),
})
export type Candidate = z.infer<typeof CandidateSchema>
export const CandidatePageSchema = pageOf(CandidateSchema)

export const CandidateListQuerySchema = PageQuerySchema.extend({
  categoryId: IdSchema.optional(),
}).strict()
export const StaffCandidateListQuerySchema = CandidateListQuerySchema.extend({
  status: z.enum(['active', 'withdrawn']).optional(),
}).strict()

/** A candidate's public page: the profile, and the links to share it and print its poster. */
export const CandidateProfileSchema = CandidateSchema.extend({
  categoryName: z.string(),
  campaignName: z.string(),
  honourTitle: z.string(),
  /** Relative share link /c/<campaignId>/candidates/<candidateId>. */
  shareUrl: z.string(),
  posterUrl: z.string(),
})
export type CandidateProfile = z.infer<typeof CandidateProfileSchema>

export const UpdateCandidateBodySchema = z
  .object({
    story: z.string().trim().max(10_000).optional(),
    photoUrls: z.array(ImageUrlSchema).max(9).optional(),
    videoUrl: VideoLinkSchema.nullable().optional(),
    status: z.enum(['active', 'withdrawn']).optional(),
  })
  .strict()

export const ObjectionBodySchema = z
  .object({
    candidateId: IdSchema,
    contactName: NameSchema,
    contactMobile: MobileSchema,
    reason: z.string().trim().min(10).max(2000),
  })
  .strict()

export const ObjectionSchema = z.object({
  id: IdSchema,
  campaignId: IdSchema,
  candidateId: IdSchema,
  candidateName: z.string(),
  contactName: z.string(),
  contactMobileMasked: z.string(),
  reason: z.string(),
  status: z.enum(['open', 'upheld', 'dismissed']),
  resolution: z.string().nullable(),
  createdAt: TimestampSchema,
  resolvedAt: TimestampSchema.nullable(),
})
export const ObjectionPageSchema = pageOf(ObjectionSchema)
export const ObjectionListQuerySchema = PageQuerySchema.extend({
  status: z.enum(['open', 'upheld', 'dismissed']).optional(),
}).strict()
export const ResolveObjectionBodySchema = z
  .object({
    status: z.enum(['upheld', 'dismissed']),
    resolution: z.string().trim().min(2).max(2000),
  })
  .strict()

// ---- ballots ----

export const CastBallotBodySchema = z
  .object({
    /** Chosen by the client once per ballot; a retried request with the same key never counts twice. */
    clientKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
    candidateIds: z.array(IdSchema).min(1).max(100),
    /** A stable per-device id from the worker page (local storage), for anti-fraud signals. */
    deviceId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,64}$/)
      .optional(),
  })
  .strict()
export type CastBallotBody = z.infer<typeof CastBallotBodySchema>

export const BallotReceiptSchema = z.object({
  receiptCode: z.string(),
  campaignId: IdSchema,
  castAt: TimestampSchema,
  candidates: z.array(z.object({ id: IdSchema, name: z.string() })),
  status: z.enum(['counted', 'flagged', 'invalidated']),
  /**
   * True when the candidates are left out: while a sealed tally is sealed only the ballot's own
   * voter sees them (codes collected from the review queue or from voters added up to a tally).
   */
  candidatesHidden: z.boolean().optional(),
})
export type BallotReceipt = z.infer<typeof BallotReceiptSchema>

export const VoterVerifyBodySchema = z
  .object({ mobile: MobileSchema, otpCode: z.string().regex(/^\d{6}$/) })
  .strict()

export const LeaderboardSchema = z.object({
  sealed: z.boolean(),
  updatedAt: TimestampSchema,
  totalBallots: z.number().int(),
  invalidatedBallots: z.number().int(),
  items: z.array(
    z.object({
      candidateId: IdSchema,
      name: z.string(),
      categoryId: IdSchema,
      number: z.number().int(),
      votes: z.number().int(),
    }),
  ),
})

/**
 * Valid ballots by the voters' orgs, rolled up the campaign's org tree: `ballots` were cast by
 * members of that org itself, `subtreeBallots` by members of it and every org below it. Items are
 * in tree order (pre-order, the campaign's org first) with their depth below the campaign's org.
 */
export const TurnoutSchema = z.object({
  updatedAt: TimestampSchema,
  totalBallots: z.number().int(),
  items: z.array(
    z.object({
      orgId: IdSchema,
      orgName: z.string(),
      parentId: IdSchema.nullable(),
      depth: z.number().int(),
      ballots: z.number().int(),
      subtreeBallots: z.number().int(),
    }),
  ),
})
export type Turnout = z.infer<typeof TurnoutSchema>

// ---- fraud review, jury, results ----

export const RISK_SIGNALS = [
  'burst_velocity',
  'shared_device',
  'new_account',
  'night_burst',
  'sequential_mobiles',
  'ip_velocity',
] as const
export const RiskSignalSchema = z.enum(RISK_SIGNALS)

export const FlaggedBallotSchema = z.object({
  id: IdSchema,
  receiptCode: z.string(),
  castAt: TimestampSchema,
  voterMasked: z.string(),
  orgName: z.string().nullable(),
  signals: z.array(RiskSignalSchema),
  status: z.enum(['counted', 'flagged', 'invalidated']),
  invalidationReason: z.string().nullable(),
})
export const InvalidateBallotsBodySchema = z
  .object({
    ballotIds: z.array(IdSchema).min(1).max(1000),
    reason: z.string().trim().min(2).max(500),
  })
  .strict()
export const RestoreBallotsBodySchema = z
  .object({
    ballotIds: z.array(IdSchema).min(1).max(1000),
    reason: z.string().trim().min(2).max(500),
  })
  .strict()
/** Flagged ballots reviewed and found legitimate: they leave the queue as counted. */
export const ClearBallotsBodySchema = RestoreBallotsBodySchema

export const JurorBodySchema = z.object({ memberId: IdSchema }).strict()
export const JuryScoreBodySchema = z
  .object({
    scores: z.record(z.string(), z.number().min(0).max(100)),
    comment: z.string().max(2000).optional(),
  })
  .strict()

export const RESULT_STANDINGS = ['provisional', 'proposed', 'winner'] as const
export const ResultStandingSchema = z.enum(RESULT_STANDINGS)
export type ResultStanding = z.infer<typeof ResultStandingSchema>

export const ResultRowSchema = z.object({
  candidateId: IdSchema,
  name: z.string(),
  number: z.number().int(),
  employerName: z.string(),
  isFrontLine: z.boolean(),
  votes: z.number().int(),
  invalidatedVotes: z.number().int(),
  /** Votes normalised to the category's top vote count (0..1), the vote input of finalScore. */
  voteShare: z.number(),
  juryScore: z.number().nullable(),
  finalScore: z.number(),
  rank: z.number().int(),
  /**
   * In the honour places by the current ranking (the recorded honours once announced). Not a
   * result on its own before the announcement: show `standing` to people.
   */
  isWinner: z.boolean(),
  /**
   * What may be said of a candidate in the places, decided here so every page says the same:
   * 'winner' (当选) only once announced; 'proposed' (拟当选) during result publicity;
   * 'provisional' (暂列) during jury scoring; null outside the places and while voting runs
   * (the jury has not scored yet, so the places say nothing).
   */
  standing: ResultStandingSchema.nullable(),
  /** The zh-CN sentences of tieBreakDetails joined with '；', or null (kept for text-only consumers). */
  tieBreak: z.string().nullable(),
  /** How a tie on the final score was broken and any front-line quota swap, in order. */
  tieBreakDetails: z.array(ExplanationSchema),
})
export const ResultsSchema = z.object({
  campaignId: IdSchema,
  weights: z.object({ publicVote: z.number(), jury: z.number() }),
  invalidatedBallots: z.number().int(),
  announcedAt: TimestampSchema.nullable(),
  categories: z.array(
    z.object({
      categoryId: IdSchema,
      name: z.string(),
      honourCount: z.number().int(),
      rows: z.array(ResultRowSchema),
      /** E.g. a front-line quota that could not be met for lack of front-line candidates (zh-CN). */
      notes: z.array(z.string()),
      /** The same notes as code + params, to render in the reader's language. */
      noteDetails: z.array(ExplanationSchema),
    }),
  ),
})

export const HonourSchema = z.object({
  id: IdSchema,
  memberId: IdSchema.nullable(),
  title: z.string(),
  year: z.number().int(),
  campaignId: IdSchema,
  categoryName: z.string(),
  awardedAt: TimestampSchema,
})
