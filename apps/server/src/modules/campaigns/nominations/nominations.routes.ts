import { publicOriginOf } from '../../../platform/http/public-origin'
import {
  CandidateListQuerySchema,
  CandidatePageSchema,
  CandidateProfileSchema,
  CandidateSchema,
  ConsentDecisionBodySchema,
  ConsentPreviewSchema,
  ConsentTokenSchema,
  ContactRevealSchema,
  CreateNominationBodySchema,
  CreateNominationResultSchema,
  IdSchema,
  MergeNominationsBodySchema,
  NominationDetailSchema,
  NominationListQuerySchema,
  MyNominationSchema,
  NominationEligibilitySchema,
  NominationSchema,
  ObjectionBodySchema,
  ObjectionListQuerySchema,
  ObjectionPageSchema,
  ObjectionSchema,
  QuotaCheckSchema,
  ResendConsentSmsBodySchema,
  ResendConsentSmsResultSchema,
  ResolveObjectionBodySchema,
  ReviewNominationBodySchema,
  StaffCandidateListQuerySchema,
  UpdateCandidateBodySchema,
  NominatingOrgsQuerySchema,
  NominatingOrgsSchema,
  StaffNominationPageSchema,
} from '@unionhall/contracts'
import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ctxOf } from '../../../core/access'
import type { CampaignsDeps } from '../campaigns.deps'
import * as candidates from './candidates.service'
import type { ConsentSmsLocale } from './consent-sms'
import * as svc from './nominations.service'
import * as objections from './objections.service'
import { OBJECTIONS_PER_IP, VOTE_FLOW_READS_PER_IP } from '../shared/rate-limits'
import { attachment, XLSX_TYPE } from '../../../platform/http/attachment'

const tags = ['campaigns']
const CampaignParams = z.object({ campaignId: IdSchema })
const NominationParams = CampaignParams.extend({ nominationId: IdSchema })
const CandidateParams = CampaignParams.extend({ candidateId: IdSchema })
const ObjectionParams = CampaignParams.extend({ objectionId: IdSchema })
const TokenParams = z.object({ token: ConsentTokenSchema })
const review = { access: { permission: 'campaign:review' } } as const

/**
 * Where consent SMS links point: this site's public origin (the same origin the candidate
 * posters' share links use), and the warning log for a failed send.
 */
const sendOptions = (
  req: FastifyRequest,
  locale?: ConsentSmsLocale,
): { origin: string; locale?: ConsentSmsLocale; log: (msg: string) => void } => ({
  origin: publicOriginOf(req),
  locale,
  log: (msg) => req.log.warn(msg),
})
const manage = { access: { permission: 'campaign:manage' } } as const

/** Staff routes: review, merges, quotas, candidates, objections. Mounted under /api/v1/campaigns. */
export const nominationsRoutes: FastifyPluginAsyncZod<{ deps: CampaignsDeps }> = async (
  app,
  { deps },
) => {
  const db = deps.db

  app.get(
    '/:campaignId/nominations',
    {
      schema: {
        tags,
        summary: 'Nominations whose employer is in my review subtrees (paged, searchable)',
        params: CampaignParams,
        querystring: NominationListQuerySchema,
        response: { 200: StaffNominationPageSchema },
      },
      config: review,
    },
    async (req) => svc.listNominations(deps, ctxOf(req), req.params.campaignId, req.query),
  )

  app.get(
    '/:campaignId/nominating-orgs',
    {
      schema: {
        tags,
        summary:
          'Orgs I may nominate on behalf of (campaign:manage inside the campaign subtree), by name',
        params: CampaignParams,
        querystring: NominatingOrgsQuerySchema,
        response: { 200: NominatingOrgsSchema },
      },
      config: manage,
    },
    async (req) => svc.listNominatingOrgs(deps, ctxOf(req), req.params.campaignId, req.query),
  )

  app.get(
    '/:campaignId/nominations/:nominationId',
    {
      schema: {
        tags,
        summary:
          'One nomination with supporters, review levels and (while pending) its consent link',
        params: NominationParams,
        response: { 200: NominationDetailSchema },
      },
      config: review,
    },
    async (req) =>
      svc.getNomination(deps, ctxOf(req), req.params.campaignId, req.params.nominationId),
  )

  app.get(
    '/:campaignId/nominations/:nominationId/contact',
    {
      schema: {
        tags,
        summary: "The nominee's full mobile (an audited read of personal data)",
        params: NominationParams,
        response: { 200: ContactRevealSchema },
      },
      config: review,
    },
    async (req) =>
      svc.revealNomineeContact(deps, ctxOf(req), req.params.campaignId, req.params.nominationId),
  )

  app.post(
    '/:campaignId/nominations/:nominationId/consent-sms',
    {
      schema: {
        tags,
        summary:
          'Text the consent link to the nominee again (at most once a minute and 5 times a day)',
        params: NominationParams,
        body: ResendConsentSmsBodySchema,
        response: { 200: ResendConsentSmsResultSchema },
      },
      config: review,
    },
    async (req) =>
      svc.resendConsentSms(
        deps,
        ctxOf(req),
        req.params.campaignId,
        req.params.nominationId,
        sendOptions(req, req.body.locale),
      ),
  )

  app.post(
    '/:campaignId/nominations/:nominationId/review',
    {
      schema: {
        tags,
        summary:
          'Decide at the current review level: forward (lower level), accept (top) or reject',
        params: NominationParams,
        body: ReviewNominationBodySchema,
        response: { 200: NominationSchema },
      },
      config: review,
    },
    async (req) =>
      svc.reviewNomination(
        deps,
        ctxOf(req),
        req.params.campaignId,
        req.params.nominationId,
        req.body,
      ),
  )

  app.post(
    '/:campaignId/nominations/merge',
    {
      schema: {
        tags,
        summary: 'Merge duplicate nominations of one person; supporters add up',
        params: CampaignParams,
        body: MergeNominationsBodySchema,
        response: { 200: NominationSchema },
      },
      config: review,
    },
    async (req) => svc.mergeNominations(deps, ctxOf(req), req.params.campaignId, req.body),
  )

  app.get(
    '/:campaignId/quota-check',
    {
      schema: {
        tags,
        summary: 'Accepted nominations against honour counts and structural quotas, explained',
        params: CampaignParams,
        response: { 200: QuotaCheckSchema },
      },
      config: review,
    },
    async (req) => svc.quotaCheck(deps, ctxOf(req), req.params.campaignId),
  )

  app.get(
    '/:campaignId/candidates',
    {
      schema: {
        tags,
        summary: 'Candidates, withdrawn ones included',
        params: CampaignParams,
        querystring: StaffCandidateListQuerySchema,
        response: { 200: CandidatePageSchema },
      },
      config: review,
    },
    async (req) => candidates.listStaffCandidates(db, ctxOf(req), req.params.campaignId, req.query),
  )

  app.get(
    '/:campaignId/candidates/export',
    {
      schema: { tags, summary: 'The candidate list as .xlsx', params: CampaignParams },
      config: review,
    },
    async (req, reply) => {
      const file = await candidates.exportCandidates(db, ctxOf(req), req.params.campaignId)
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment('candidates.xlsx', '候选人名单.xlsx'))
        .send(file)
    },
  )

  app.patch(
    '/:campaignId/candidates/:candidateId',
    {
      schema: {
        tags,
        summary:
          "Edit a candidate's profile, or withdraw/restore them (publicity, voting, result publicity)",
        params: CandidateParams,
        body: UpdateCandidateBodySchema,
        response: { 200: CandidateSchema },
      },
      config: manage,
    },
    async (req) =>
      candidates.updateCandidate(
        db,
        ctxOf(req),
        req.params.campaignId,
        req.params.candidateId,
        req.body,
      ),
  )

  app.get(
    '/:campaignId/objections',
    {
      schema: {
        tags,
        summary: 'Objections filed during publicity',
        params: CampaignParams,
        querystring: ObjectionListQuerySchema,
        response: { 200: ObjectionPageSchema },
      },
      config: review,
    },
    async (req) => objections.listObjections(db, ctxOf(req), req.params.campaignId, req.query),
  )

  app.get(
    '/:campaignId/objections/:objectionId/contact',
    {
      schema: {
        tags,
        summary: "The objector's full mobile (an audited read of personal data)",
        params: ObjectionParams,
        response: { 200: ContactRevealSchema },
      },
      config: review,
    },
    async (req) =>
      objections.revealObjectorContact(
        deps,
        ctxOf(req),
        req.params.campaignId,
        req.params.objectionId,
      ),
  )

  app.post(
    '/:campaignId/objections/:objectionId/resolve',
    {
      schema: {
        tags,
        summary: 'Record how an objection was resolved',
        params: ObjectionParams,
        body: ResolveObjectionBodySchema,
        response: { 200: ObjectionSchema },
      },
      config: review,
    },
    async (req) =>
      objections.resolveObjection(
        db,
        ctxOf(req),
        req.params.campaignId,
        req.params.objectionId,
        req.body,
      ),
  )
}

/** Member and public routes for worker pages. Mounted under /api/v1/public/campaigns. */
export const publicNominationsRoutes: FastifyPluginAsyncZod<{ deps: CampaignsDeps }> = async (
  app,
  { deps },
) => {
  const db = deps.db

  app.post(
    '/:campaignId/nominations',
    {
      schema: {
        tags,
        summary: 'Nominate (海选); the same person nominated again joins the existing nomination',
        params: CampaignParams,
        body: CreateNominationBodySchema,
        response: { 200: CreateNominationResultSchema, 201: CreateNominationResultSchema },
      },
      config: { access: 'member' },
    },
    async (req, reply) => {
      const r = await svc.createNomination(
        deps,
        ctxOf(req),
        req.params.campaignId,
        req.body,
        sendOptions(req),
      )
      // The nominee's mobile never reaches the log: the id and the masked copy say enough.
      if (r.consentUrl)
        req.log.info(
          { nominationId: r.nomination.id, to: r.nomination.nomineeMobileMasked },
          'nomination consent SMS sent',
        )
      return reply.status(r.merged ? 200 : 201).send({ ...r.nomination, merged: r.merged })
    },
  )

  app.get(
    '/:campaignId/nominations/mine',
    {
      schema: {
        tags,
        summary: 'Nominations I made or supported',
        params: CampaignParams,
        response: { 200: z.array(MyNominationSchema) },
      },
      config: { access: 'member' },
    },
    async (req) => svc.listMyNominations(deps, ctxOf(req), req.params.campaignId),
  )

  app.get(
    '/:campaignId/nomination-eligibility',
    {
      schema: {
        tags,
        summary: 'Whether I may nominate here (members of an org in the campaign subtree only)',
        params: CampaignParams,
        response: { 200: NominationEligibilitySchema },
      },
      config: { access: 'member' },
    },
    async (req) => svc.getNominationEligibility(deps, ctxOf(req), req.params.campaignId),
  )

  app.get(
    '/nominations/consent/:token',
    {
      schema: {
        tags,
        summary: 'What will be published about the nominee, for them to check',
        params: TokenParams,
        response: { 200: ConsentPreviewSchema },
      },
      config: { access: 'public' },
    },
    async (req) => svc.getConsentPreview(deps, req.params.token),
  )

  app.post(
    '/nominations/consent/:token',
    {
      schema: {
        tags,
        summary: 'The nominee consents to (or declines) the nomination',
        params: TokenParams,
        body: ConsentDecisionBodySchema,
        response: { 200: ConsentPreviewSchema },
      },
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req) => svc.decideConsent(deps, ctxOf(req), req.params.token, req.body.decision),
  )

  app.get(
    '/:campaignId/candidates',
    {
      schema: {
        tags,
        summary: 'Published candidates (from publicity on); votes null while sealed',
        params: CampaignParams,
        querystring: CandidateListQuerySchema,
        response: { 200: CandidatePageSchema },
      },
      config: { access: 'public', rateLimit: VOTE_FLOW_READS_PER_IP },
    },
    async (req) => candidates.listPublicCandidates(db, req.params.campaignId, req.query),
  )

  app.get(
    '/:campaignId/candidates/:candidateId',
    {
      schema: {
        tags,
        summary: "A candidate's public profile",
        params: CandidateParams,
        response: { 200: CandidateProfileSchema },
      },
      config: { access: 'public', rateLimit: VOTE_FLOW_READS_PER_IP },
    },
    async (req) => candidates.getPublicCandidate(db, req.params.campaignId, req.params.candidateId),
  )

  app.get(
    '/:campaignId/candidates/:candidateId/poster.svg',
    {
      schema: {
        tags,
        summary: 'A printable poster with a QR code of the share link',
        params: CandidateParams,
      },
      config: { access: 'public', rateLimit: VOTE_FLOW_READS_PER_IP },
    },
    async (req, reply) => {
      const origin = publicOriginOf(req)
      const svg = await candidates.candidatePoster(
        db,
        req.params.campaignId,
        req.params.candidateId,
        origin,
      )
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(svg)
    },
  )

  app.post(
    '/:campaignId/objections',
    {
      schema: {
        tags,
        summary: 'File an objection to a candidate (publicity, result publicity)',
        params: CampaignParams,
        body: ObjectionBodySchema,
        response: { 201: ObjectionSchema },
      },
      config: { access: 'public', rateLimit: OBJECTIONS_PER_IP },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await objections.fileObjection(deps, ctxOf(req), req.params.campaignId, req.body)),
  )
}
