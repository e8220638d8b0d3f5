import {
  HonourListQuerySchema,
  IdSchema,
  JuryCandidatesSchema,
  JuryProgressSchema,
  JuryScoreBodySchema,
  JuryScoreSchema,
  JurorBodySchema,
  JurorSchema,
  MemberHonourSchema,
  MyJuryAssignmentSchema,
  OkSchema,
  PutForwardBodySchema,
  PutForwardResultSchema,
  ResultsSchema,
} from '@unionhall/contracts'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ctxOf } from '../../../core/access'
import type { CampaignsDeps } from '../campaigns.deps'
import * as jury from './jury.service'
import * as svc from './results.service'
import { VOTE_FLOW_READS_PER_IP } from '../shared/rate-limits'
import { attachment, XLSX_TYPE } from '../../../platform/http/attachment'

const tags = ['campaigns']
const Params = z.object({ campaignId: IdSchema })
const JurorParams = Params.extend({ memberId: IdSchema })
const CandidateParams = Params.extend({ candidateId: IdSchema })

/**
 * Staff routes: jury, results, announcement, put-forward, honours; and the jurors' own routes
 * (my assignments, scoring). Mounted under /api/v1/campaigns.
 */
export const resultsRoutes: FastifyPluginAsyncZod<{ deps: CampaignsDeps }> = async (
  app,
  { deps },
) => {
  const { db } = deps

  app.get(
    '/honours',
    {
      schema: {
        tags,
        summary: "A member's campaign honours",
        querystring: HonourListQuerySchema,
        response: { 200: z.array(MemberHonourSchema) },
      },
      config: { access: { permission: 'campaign:read' } },
    },
    async (req) => svc.listMemberHonours(db, ctxOf(req), req.query.memberId),
  )

  // A static path: find-my-way matches it before the '/:campaignId/…' routes, so 'jury' is
  // never read as a campaign id.
  app.get(
    '/jury/mine',
    {
      schema: {
        tags,
        summary: 'Campaigns where I am a juror, with my scoring progress',
        response: { 200: z.array(MyJuryAssignmentSchema) },
      },
      // Jurors are often outside experts without a role: any signed-in member, own list only.
      config: { access: 'member' },
    },
    async (req) => jury.myJuryAssignments(db, ctxOf(req)),
  )

  app.get(
    '/:campaignId/jurors',
    {
      schema: { tags, summary: 'Jurors', params: Params, response: { 200: z.array(JurorSchema) } },
      config: { access: { permission: 'campaign:read' } },
    },
    async (req) => jury.listJurors(db, ctxOf(req), req.params.campaignId),
  )

  app.post(
    '/:campaignId/jurors',
    {
      schema: {
        tags,
        summary: 'Name a member as a juror',
        params: Params,
        body: JurorBodySchema,
        response: { 201: JurorSchema },
      },
      config: { access: { permission: 'campaign:manage' } },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await jury.addJuror(db, ctxOf(req), req.params.campaignId, req.body.memberId)),
  )

  app.delete(
    '/:campaignId/jurors/:memberId',
    {
      schema: {
        tags,
        summary: 'Remove a juror who has not scored yet',
        params: JurorParams,
        response: { 200: OkSchema },
      },
      config: { access: { permission: 'campaign:manage' } },
    },
    async (req) => {
      await jury.removeJuror(db, ctxOf(req), req.params.campaignId, req.params.memberId)
      return { ok: true as const }
    },
  )

  app.get(
    '/:campaignId/jury/candidates',
    {
      schema: {
        tags,
        summary: 'Candidates to score, with my scores (jurors only)',
        params: Params,
        response: { 200: JuryCandidatesSchema },
      },
      config: { access: 'member' },
    },
    async (req) => jury.juryCandidates(db, ctxOf(req), req.params.campaignId),
  )

  app.put(
    '/:campaignId/jury/scores/:candidateId',
    {
      schema: {
        tags,
        summary: 'Score a candidate on the rubric (jurors only, jury phase)',
        params: CandidateParams,
        body: JuryScoreBodySchema,
        response: { 200: JuryScoreSchema },
      },
      config: { access: 'member' },
    },
    async (req) =>
      jury.submitScore(db, ctxOf(req), req.params.campaignId, req.params.candidateId, req.body),
  )

  app.get(
    '/:campaignId/jury/progress',
    {
      schema: {
        tags,
        summary: 'Scores per juror and candidate',
        params: Params,
        response: { 200: JuryProgressSchema },
      },
      config: { access: { permission: 'campaign:read' } },
    },
    async (req) => jury.juryProgress(db, ctxOf(req), req.params.campaignId),
  )

  app.get(
    '/:campaignId/results',
    {
      schema: {
        tags,
        summary: 'Ranking per category from votes and jury scores, winners marked',
        params: Params,
        response: { 200: ResultsSchema },
      },
      config: { access: { permission: 'campaign:read' } },
    },
    async (req) => svc.getResults(db, ctxOf(req), req.params.campaignId),
  )

  app.get(
    '/:campaignId/results/export',
    {
      schema: { tags, summary: 'Candidates with results as .xlsx', params: Params },
      config: { access: { permission: 'campaign:read' } },
    },
    async (req, reply) => {
      const { file, name } = await svc.exportResults(db, ctxOf(req), req.params.campaignId)
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment('campaign-results.xlsx', name))
        .send(file)
    },
  )

  app.post(
    '/:campaignId/announce',
    {
      schema: {
        tags,
        summary: 'Announce the winners and record their honours (idempotent)',
        params: Params,
        response: { 200: ResultsSchema },
      },
      config: { access: { permission: 'campaign:manage' } },
    },
    async (req) => svc.announce(db, ctxOf(req), req.params.campaignId),
  )

  app.post(
    '/:campaignId/put-forward',
    {
      schema: {
        tags,
        summary: "Put a child campaign's winners forward as nominations of this campaign",
        params: Params,
        body: PutForwardBodySchema,
        response: { 200: PutForwardResultSchema },
      },
      config: { access: { permission: 'campaign:manage' } },
    },
    async (req) => svc.putForward(db, ctxOf(req), req.params.campaignId, req.body),
  )
}

/** Worker pages: published results and my honours. Mounted under /api/v1/public/campaigns. */
export const publicResultsRoutes: FastifyPluginAsyncZod<{ deps: CampaignsDeps }> = async (
  app,
  { deps },
) => {
  const { db } = deps

  app.get(
    '/honours/mine',
    {
      schema: {
        tags,
        summary: 'My campaign honours',
        response: { 200: z.array(MemberHonourSchema) },
      },
      config: { access: 'member' },
    },
    async (req) => svc.myHonours(db, ctxOf(req)),
  )

  app.get(
    '/:campaignId/results',
    {
      schema: {
        tags,
        summary: 'Announced results with invalidated ballot counts',
        params: Params,
        response: { 200: ResultsSchema },
      },
      config: { access: 'public', rateLimit: VOTE_FLOW_READS_PER_IP },
    },
    async (req) => svc.getPublicResults(db, req.params.campaignId),
  )
}
