import { z } from 'zod'
import { CampaignPhaseSchema } from './campaigns'
import { IdSchema, TimestampSchema } from './common'

/** Jury, put-forward and honours shapes of the campaigns results sub-feature (see campaigns.ts). */

export const JurorSchema = z.object({
  campaignId: IdSchema,
  memberId: IdSchema,
  name: z.string(),
  orgName: z.string(),
  /** How many candidates this juror has scored. */
  scoredCount: z.number().int(),
  createdAt: TimestampSchema,
})
export type Juror = z.infer<typeof JurorSchema>

/**
 * A campaign where the signed-in member is a juror, as their home page lists it. The counts
 * cover active candidates only: a withdrawn candidate is no longer anyone's to score.
 */
export const MyJuryAssignmentSchema = z.object({
  campaignId: IdSchema,
  name: z.string(),
  year: z.number().int(),
  honourTitle: z.string(),
  /** The org running the campaign. */
  orgName: z.string(),
  phase: CampaignPhaseSchema,
  /** The current phase's scheduled end; null for draft and announced, which have none. */
  phaseEndsAt: TimestampSchema.nullable(),
  candidateCount: z.number().int(),
  /** Active candidates this juror has scored. */
  scoredCount: z.number().int(),
  /** Scores are accepted now (the jury phase). */
  scoringOpen: z.boolean(),
})
export type MyJuryAssignment = z.infer<typeof MyJuryAssignmentSchema>

/** A candidate as a juror sees it: the material and the juror's own score, never the votes. */
export const JuryCandidateSchema = z.object({
  id: IdSchema,
  categoryId: IdSchema,
  categoryName: z.string(),
  number: z.number().int(),
  name: z.string(),
  employerName: z.string(),
  trade: z.string(),
  isFrontLine: z.boolean(),
  story: z.string(),
  achievements: z.string(),
  photoUrls: z.array(z.string()),
  videoUrl: z.string().nullable(),
  myScores: z.record(z.string(), z.number()).nullable(),
  myTotal: z.number().nullable(),
  myComment: z.string().nullable(),
})
export const JuryCandidatesSchema = z.object({
  campaignId: IdSchema,
  phase: z.string(),
  rubric: z.array(z.object({ key: z.string(), label: z.string(), maxScore: z.number().int() })),
  items: z.array(JuryCandidateSchema),
})

export const JuryScoreSchema = z.object({
  campaignId: IdSchema,
  candidateId: IdSchema,
  jurorMemberId: IdSchema,
  scores: z.record(z.string(), z.number()),
  total: z.number(),
  comment: z.string().nullable(),
  submittedAt: TimestampSchema,
})

export const JuryProgressSchema = z.object({
  campaignId: IdSchema,
  candidateCount: z.number().int(),
  jurors: z.array(z.object({ memberId: IdSchema, name: z.string(), scored: z.number().int() })),
  candidates: z.array(
    z.object({
      candidateId: IdSchema,
      name: z.string(),
      number: z.number().int(),
      scoreCount: z.number().int(),
      averageTotal: z.number().nullable(),
    }),
  ),
  scores: z.array(
    z.object({
      candidateId: IdSchema,
      jurorMemberId: IdSchema,
      total: z.number(),
      submittedAt: TimestampSchema,
    }),
  ),
})

export const PutForwardBodySchema = z
  .object({ childCampaignId: IdSchema, candidateIds: z.array(IdSchema).min(1).max(200) })
  .strict()
export type PutForwardBody = z.infer<typeof PutForwardBodySchema>

export const PutForwardResultSchema = z.object({
  created: z.array(z.object({ candidateId: IdSchema, nominationId: IdSchema })),
  /** Already nominated in the parent campaign (same person): nothing new was created. */
  skipped: z.array(z.object({ candidateId: IdSchema, nominationId: IdSchema })),
})

export const HonourListQuerySchema = z.object({ memberId: IdSchema }).strict()

export const MemberHonourSchema = z.object({
  id: IdSchema,
  memberId: IdSchema.nullable(),
  title: z.string(),
  year: z.number().int(),
  campaignId: IdSchema,
  campaignName: z.string(),
  orgName: z.string(),
  categoryName: z.string(),
  awardedAt: TimestampSchema,
})
export type MemberHonour = z.infer<typeof MemberHonourSchema>
