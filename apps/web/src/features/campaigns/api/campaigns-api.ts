import {
  CampaignPageSchema,
  CampaignPhaseSchema,
  CampaignSchema,
  CandidatePageSchema,
  CandidateSchema,
  ContactRevealSchema,
  CreateNominationResultSchema,
  FlaggedBallotSchema,
  IdSchema,
  JuryCandidatesSchema,
  JuryProgressSchema,
  JurorSchema,
  JuryScoreSchema,
  LeaderboardSchema,
  MemberPageSchema,
  NominationDetailSchema,
  NominationSchema,
  NominatingOrgsSchema,
  ObjectionPageSchema,
  ObjectionSchema,
  PublicOrgSchema,
  PutForwardResultSchema,
  QuotaCheckSchema,
  ResendConsentSmsResultSchema,
  StaffNominationPageSchema,
  ResultsSchema,
  StaffCampaignSchema,
  TurnoutSchema,
  pageOf,
  type CampaignPhase,
  type CreateCampaignBody,
  type CreateNominationBody,
  type PutForwardBody,
  type UpdateCampaignBody,
} from '@unionhall/contracts'
import { z } from 'zod'
import { apiDownload, apiRequest, type Query } from '../../../lib/api-client'
import { isApiError } from '../../../lib/api-error'

const base = (id: string) => `/campaigns/${id}`

// ---- set-up ----

export type CampaignListQuery = {
  q?: string
  orgId?: string
  phase?: CampaignPhase
  year?: number
  page: number
  pageSize: number
}

export const listCampaigns = (query: CampaignListQuery, signal?: AbortSignal) =>
  apiRequest('/campaigns', { query, schema: CampaignPageSchema, signal })

export const getCampaign = (id: string, signal?: AbortSignal) =>
  apiRequest(base(id), { schema: StaffCampaignSchema, signal })

export const createCampaign = (body: CreateCampaignBody) =>
  apiRequest('/campaigns', { method: 'POST', body, schema: CampaignSchema })

export const updateCampaign = ({ id, body }: { id: string; body: UpdateCampaignBody }) =>
  apiRequest(base(id), { method: 'PATCH', body, schema: CampaignSchema })

export const advancePhase = ({
  id,
  to,
  juryIncompleteReason,
}: {
  id: string
  to: CampaignPhase
  /** Leaving the jury phase with scores missing: why (audited by the server). */
  juryIncompleteReason?: string
}) =>
  apiRequest(`${base(id)}/phase`, {
    method: 'POST',
    body: { to, juryIncompleteReason },
    schema: CampaignSchema,
  })

export const ChildCampaignSchema = z.object({
  id: IdSchema,
  name: z.string(),
  phase: CampaignPhaseSchema,
  orgId: IdSchema,
  orgName: z.string(),
})
export type ChildCampaign = z.infer<typeof ChildCampaignSchema>

export const listChildCampaigns = (id: string, signal?: AbortSignal) =>
  apiRequest(`${base(id)}/children`, { schema: z.array(ChildCampaignSchema), signal })

// ---- nominations, candidates, objections ----

/** The nominee's full mobile (audited by the server). */
export const revealNomineeContact = (id: string, nominationId: string) =>
  apiRequest(`${base(id)}/nominations/${encodeURIComponent(nominationId)}/contact`, {
    schema: ContactRevealSchema,
  })

/** The objector's full mobile (audited by the server). */
export const revealObjectorContact = (id: string, objectionId: string) =>
  apiRequest(`${base(id)}/objections/${encodeURIComponent(objectionId)}/contact`, {
    schema: ContactRevealSchema,
  })

export const listNominations = (id: string, query: Query, signal?: AbortSignal) =>
  apiRequest(`${base(id)}/nominations`, {
    query,
    schema: StaffNominationPageSchema,
    signal,
  })

/** The orgs in the campaign's subtree I may nominate on behalf of (campaign:manage there). */
export const listNominatingOrgs = (id: string, q: string, signal?: AbortSignal) =>
  apiRequest(`${base(id)}/nominating-orgs`, {
    query: { q },
    schema: NominatingOrgsSchema,
    signal,
  })

/**
 * Nominates on behalf of an org (nominatingOrgId and recommendationLetter set) through the same
 * route workers use; `merged` says the person had been nominated already and this joined it.
 */
export const createOrgNomination = ({ id, body }: { id: string; body: CreateNominationBody }) =>
  apiRequest(`/public/campaigns/${id}/nominations`, {
    method: 'POST',
    body,
    schema: CreateNominationResultSchema,
  })

/** Employers by name (any active org; the server refuses one outside the campaign's subtree). */
export const searchEmployers = (q: string, signal?: AbortSignal) =>
  apiRequest('/public/orgs', { query: { q }, schema: z.array(PublicOrgSchema), signal })

export const getNomination = (id: string, nid: string, signal?: AbortSignal) =>
  apiRequest(`${base(id)}/nominations/${nid}`, { schema: NominationDetailSchema, signal })

export type ReviewDecision = 'accept' | 'reject' | 'forward'
export type ReviewBody = { decision: ReviewDecision; reason: string; note?: string }

/** Texts the consent link to the nominee again (the server limits re-sends per nomination). */
export const resendConsentSms = ({
  id,
  nid,
  locale,
}: {
  id: string
  nid: string
  locale?: 'zh-CN' | 'en'
}) =>
  apiRequest(`${base(id)}/nominations/${nid}/consent-sms`, {
    method: 'POST',
    body: locale ? { locale } : {},
    schema: ResendConsentSmsResultSchema,
  })

export const reviewNomination = ({
  id,
  nid,
  body,
}: {
  id: string
  nid: string
  body: ReviewBody
}) =>
  apiRequest(`${base(id)}/nominations/${nid}/review`, {
    method: 'POST',
    body,
    schema: NominationSchema,
  })

export const mergeNominations = ({
  id,
  intoId,
  fromIds,
}: {
  id: string
  intoId: string
  fromIds: string[]
}) =>
  apiRequest(`${base(id)}/nominations/merge`, {
    method: 'POST',
    body: { intoId, fromIds },
    schema: NominationSchema,
  })

export const getQuotaCheck = (id: string, signal?: AbortSignal) =>
  apiRequest(`${base(id)}/quota-check`, { schema: QuotaCheckSchema, signal })

export const listCandidates = (id: string, query: Query, signal?: AbortSignal) =>
  apiRequest(`${base(id)}/candidates`, { query, schema: CandidatePageSchema, signal })

export type CandidatePatch = {
  story?: string
  photoUrls?: string[]
  videoUrl?: string | null
  status?: 'active' | 'withdrawn'
}

export const updateCandidate = ({
  id,
  cid,
  body,
}: {
  id: string
  cid: string
  body: CandidatePatch
}) =>
  apiRequest(`${base(id)}/candidates/${cid}`, { method: 'PATCH', body, schema: CandidateSchema })

export const exportCandidates = (id: string) =>
  apiDownload(`${base(id)}/candidates/export`, {}, 'candidates.xlsx')

export const listObjections = (id: string, query: Query, signal?: AbortSignal) =>
  apiRequest(`${base(id)}/objections`, { query, schema: ObjectionPageSchema, signal })

export const resolveObjection = ({
  id,
  oid,
  body,
}: {
  id: string
  oid: string
  body: { status: 'upheld' | 'dismissed'; resolution: string }
}) =>
  apiRequest(`${base(id)}/objections/${oid}/resolve`, {
    method: 'POST',
    body,
    schema: ObjectionSchema,
  })

/** The worker-facing profile page and poster of a candidate. */
export const candidatePublicUrl = (id: string, cid: string) => `/c/${id}/candidates/${cid}`
export const candidatePosterUrl = (id: string, cid: string) =>
  `/api/v1/public/campaigns/${id}/candidates/${cid}/poster.svg`

// ---- votes ----

/** The leaderboard, or null while tallies are sealed (403 CAMPAIGN_TALLY_SEALED). */
export const getLeaderboard = async (id: string, signal?: AbortSignal) => {
  try {
    return await apiRequest(`${base(id)}/leaderboard`, { schema: LeaderboardSchema, signal })
  } catch (e) {
    if (isApiError(e) && e.code === 'CAMPAIGN_TALLY_SEALED') return null
    throw e
  }
}

export const getTurnout = (id: string, signal?: AbortSignal) =>
  apiRequest(`${base(id)}/turnout`, { schema: TurnoutSchema, signal })

export const FlaggedPageSchema = pageOf(FlaggedBallotSchema)
export type FlaggedBallot = z.infer<typeof FlaggedBallotSchema>

export const listFlaggedBallots = (id: string, query: Query, signal?: AbortSignal) =>
  apiRequest(`${base(id)}/flagged-ballots`, { query, schema: FlaggedPageSchema, signal })

const ChangedSchema = z.object({ changed: z.number().int() })

export const reviewBallots = ({
  id,
  action,
  ballotIds,
  reason,
}: {
  id: string
  action: 'invalidate' | 'restore' | 'clear'
  ballotIds: string[]
  reason: string
}) =>
  apiRequest(`${base(id)}/ballots/${action}`, {
    method: 'POST',
    body: { ballotIds, reason },
    schema: ChangedSchema,
  })

export const exportVotes = (id: string) =>
  apiDownload(`${base(id)}/votes/export`, {}, `votes-${id}.xlsx`)

export const downloadBallotLog = (id: string) =>
  apiDownload(`${base(id)}/ballot-log`, { format: 'csv' }, `ballot-log-${id}.csv`)

// ---- jury, results ----

export const listJurors = (id: string, signal?: AbortSignal) =>
  apiRequest(`${base(id)}/jurors`, { schema: z.array(JurorSchema), signal })

export const addJuror = ({ id, memberId }: { id: string; memberId: string }) =>
  apiRequest(`${base(id)}/jurors`, { method: 'POST', body: { memberId }, schema: JurorSchema })

export const removeJuror = ({ id, memberId }: { id: string; memberId: string }) =>
  apiRequest(`${base(id)}/jurors/${memberId}`, { method: 'DELETE' })

export const getJuryCandidates = (id: string, signal?: AbortSignal) =>
  apiRequest(`${base(id)}/jury/candidates`, { schema: JuryCandidatesSchema, signal })

export const submitJuryScore = ({
  id,
  cid,
  scores,
  comment,
}: {
  id: string
  cid: string
  scores: Record<string, number>
  comment?: string
}) =>
  apiRequest(`${base(id)}/jury/scores/${cid}`, {
    method: 'PUT',
    body: { scores, comment },
    schema: JuryScoreSchema,
  })

export const getJuryProgress = (id: string, signal?: AbortSignal) =>
  apiRequest(`${base(id)}/jury/progress`, { schema: JuryProgressSchema, signal })

export const getResults = (id: string, signal?: AbortSignal) =>
  apiRequest(`${base(id)}/results`, { schema: ResultsSchema, signal })

export const announceResults = (id: string) =>
  apiRequest(`${base(id)}/announce`, { method: 'POST', schema: ResultsSchema })

export const exportResults = (id: string) =>
  apiDownload(`${base(id)}/results/export`, {}, 'campaign-results.xlsx')

export const putForward = ({ id, body }: { id: string; body: PutForwardBody }) =>
  apiRequest(`${base(id)}/put-forward`, {
    method: 'POST',
    body,
    schema: PutForwardResultSchema,
  })

/** Members to pick as jurors, searched by name or mobile within an org subtree. */
export const searchMembers = (q: string, orgId: string | undefined, signal?: AbortSignal) =>
  apiRequest('/members', {
    query: { q, orgId, pageSize: 20, page: 1 },
    schema: MemberPageSchema,
    signal,
  })
