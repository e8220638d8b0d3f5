import {
  BallotReceiptSchema,
  CampaignSchema,
  CandidatePageSchema,
  CandidateProfileSchema,
  ConsentPreviewSchema,
  CreateNominationResultSchema,
  LeaderboardSchema,
  MyNominationSchema,
  NominationEligibilitySchema,
  ObjectionSchema,
  PublicOrgSchema,
  ResultsSchema,
  type CastBallotBody,
  type CreateNominationBody,
} from '@unionhall/contracts'
import { z } from 'zod'
import { apiRequest } from '../../../lib/api-client'

/** The worker-facing campaign API (/api/v1/public/campaigns). */
const base = (campaignId: string) => `/public/campaigns/${encodeURIComponent(campaignId)}`

export const CANDIDATE_PAGE_SIZE = 20

export const publicCampaignKeys = {
  all: ['campaigns-public'] as const,
  campaign: (id: string) => ['campaigns-public', id] as const,
  candidates: (id: string, categoryId: string, q: string) =>
    ['campaigns-public', id, 'candidates', categoryId, q] as const,
  candidate: (id: string, cid: string) => ['campaigns-public', id, 'candidate', cid] as const,
  myNominations: (id: string) => ['campaigns-public', id, 'nominations', 'mine'] as const,
  nominationEligibility: (id: string, memberId: string) =>
    ['campaigns-public', id, 'nomination-eligibility', memberId] as const,
  myReceipts: (id: string) => ['campaigns-public', id, 'receipts', 'mine'] as const,
  receipt: (id: string, code: string) => ['campaigns-public', id, 'receipt', code] as const,
  leaderboard: (id: string) => ['campaigns-public', id, 'leaderboard'] as const,
  results: (id: string) => ['campaigns-public', id, 'results'] as const,
  consent: (token: string) => ['campaigns-public', 'consent', token] as const,
  orgs: (q: string) => ['campaigns-public', 'orgs', q] as const,
}

export const getCampaign = (id: string, signal?: AbortSignal) =>
  apiRequest(base(id), { schema: CampaignSchema, signal })

export const listCandidates = (
  id: string,
  query: { categoryId?: string; q?: string; page: number },
  signal?: AbortSignal,
) =>
  apiRequest(`${base(id)}/candidates`, {
    query: { ...query, pageSize: CANDIDATE_PAGE_SIZE },
    schema: CandidatePageSchema,
    signal,
  })

export const getCandidate = (id: string, cid: string, signal?: AbortSignal) =>
  apiRequest(`${base(id)}/candidates/${encodeURIComponent(cid)}`, {
    schema: CandidateProfileSchema,
    signal,
  })

export const posterUrl = (id: string, cid: string) =>
  `/api/v1${base(id)}/candidates/${encodeURIComponent(cid)}/poster.svg`

export const createNomination = (id: string, body: CreateNominationBody) =>
  apiRequest(`${base(id)}/nominations`, {
    method: 'POST',
    body,
    schema: CreateNominationResultSchema,
  })

export const listMyNominations = (id: string, signal?: AbortSignal) =>
  apiRequest(`${base(id)}/nominations/mine`, { schema: z.array(MyNominationSchema), signal })

export const getNominationEligibility = (id: string, signal?: AbortSignal) =>
  apiRequest(`${base(id)}/nomination-eligibility`, { schema: NominationEligibilitySchema, signal })

export const getConsent = (token: string, signal?: AbortSignal) =>
  apiRequest(`/public/campaigns/nominations/consent/${encodeURIComponent(token)}`, {
    schema: ConsentPreviewSchema,
    signal,
  })

export const decideConsent = (token: string, decision: 'consent' | 'decline') =>
  apiRequest(`/public/campaigns/nominations/consent/${encodeURIComponent(token)}`, {
    method: 'POST',
    body: { decision },
    schema: ConsentPreviewSchema,
  })

export const fileObjection = (
  id: string,
  body: { candidateId: string; contactName: string; contactMobile: string; reason: string },
) => apiRequest(`${base(id)}/objections`, { method: 'POST', body, schema: ObjectionSchema })

export const requestVoteOtp = (mobile: string) =>
  apiRequest('/auth/otp', { method: 'POST', body: { mobile, purpose: 'vote' } })

const VoterTokenSchema = z.object({ token: z.string(), expiresAt: z.string() })

export const verifyVoter = (id: string, body: { mobile: string; otpCode: string }) =>
  apiRequest(`${base(id)}/voters/verify`, { method: 'POST', body, schema: VoterTokenSchema })

export const castBallot = (id: string, body: CastBallotBody) =>
  apiRequest(`${base(id)}/ballots`, { method: 'POST', body, schema: BallotReceiptSchema })

export const listMyReceipts = (id: string, signal?: AbortSignal) =>
  apiRequest(`${base(id)}/my-receipts`, {
    schema: z.object({ items: z.array(BallotReceiptSchema) }),
    signal,
  })

export const getReceipt = (id: string, code: string, signal?: AbortSignal) =>
  apiRequest(`${base(id)}/receipts/${encodeURIComponent(code)}`, {
    schema: BallotReceiptSchema,
    signal,
  })

export const getLeaderboard = (id: string, signal?: AbortSignal) =>
  apiRequest(`${base(id)}/leaderboard`, { schema: LeaderboardSchema, signal })

export const getResults = (id: string, signal?: AbortSignal) =>
  apiRequest(`${base(id)}/results`, { schema: ResultsSchema, signal })

export const searchOrgs = (q: string, signal?: AbortSignal) =>
  apiRequest('/public/orgs', { query: { q }, schema: z.array(PublicOrgSchema), signal })
