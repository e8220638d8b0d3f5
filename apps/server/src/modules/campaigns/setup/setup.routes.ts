import {
  AdvancePhaseBodySchema,
  CampaignListQuerySchema,
  CampaignPageSchema,
  CampaignPhaseSchema,
  CampaignSchema,
  StaffCampaignSchema,
  CreateCampaignBodySchema,
  IdSchema,
  UpdateCampaignBodySchema,
} from '@unionhall/contracts'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../../platform/db/create-db'
import { ctxOf } from '../../../core/access'
import * as svc from './setup.service'
import { VOTE_FLOW_READS_PER_IP } from '../shared/rate-limits'

const tags = ['campaigns']
const Params = z.object({ campaignId: IdSchema })

/** Staff console: campaign set-up and phases. Mounted at /api/v1/campaigns. */
export const setupRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Campaigns in my subtrees',
        querystring: CampaignListQuerySchema,
        response: { 200: CampaignPageSchema },
      },
      config: { access: { permission: 'campaign:read' } },
    },
    async (req) => svc.listCampaigns(db, ctxOf(req), req.query),
  )

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Create a campaign (or a child campaign) in draft',
        body: CreateCampaignBodySchema,
        response: { 201: CampaignSchema },
      },
      config: { access: { permission: 'campaign:manage' } },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.createCampaign(db, ctxOf(req), req.body)),
  )

  app.get(
    '/:campaignId',
    {
      schema: {
        tags,
        summary:
          'A campaign and what I may do with it (also for sub-org staff who review their own nominees in it)',
        params: Params,
        response: { 200: StaffCampaignSchema },
      },
      config: { access: { permission: 'campaign:read' } },
    },
    async (req) => svc.getCampaign(db, ctxOf(req), req.params.campaignId),
  )

  app.patch(
    '/:campaignId',
    {
      schema: {
        tags,
        summary: 'Edit a campaign; rules are frozen once voting opens',
        params: Params,
        body: UpdateCampaignBodySchema,
        response: { 200: CampaignSchema },
      },
      config: { access: { permission: 'campaign:manage' } },
    },
    async (req) => svc.updateCampaign(db, ctxOf(req), req.params.campaignId, req.body),
  )

  app.post(
    '/:campaignId/phase',
    {
      schema: {
        tags,
        summary:
          'Advance to the next phase by hand (leaving the jury phase with scores missing needs a reason)',
        params: Params,
        body: AdvancePhaseBodySchema,
        response: { 200: CampaignSchema },
      },
      config: { access: { permission: 'campaign:manage' } },
    },
    async (req) =>
      svc.advancePhase(
        db,
        ctxOf(req),
        req.params.campaignId,
        req.body.to,
        req.body.juryIncompleteReason,
      ),
  )

  app.get(
    '/:campaignId/children',
    {
      schema: {
        tags,
        summary: 'Child campaigns run by sub-orgs',
        params: Params,
        response: {
          200: z.array(
            z.object({
              id: IdSchema,
              name: z.string(),
              phase: CampaignPhaseSchema,
              orgId: IdSchema,
              orgName: z.string(),
            }),
          ),
        },
      },
      config: { access: { permission: 'campaign:read' } },
    },
    async (req) => svc.listChildCampaigns(db, ctxOf(req), req.params.campaignId),
  )
}

/** Worker pages: the public face of a campaign. Mounted at /api/v1/public/campaigns. */
export const publicSetupRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/:campaignId',
    {
      schema: {
        tags,
        summary: 'A published campaign (not in draft)',
        params: Params,
        response: { 200: CampaignSchema },
      },
      config: { access: 'public', rateLimit: VOTE_FLOW_READS_PER_IP },
    },
    async (req) => svc.getPublicCampaign(db, req.params.campaignId),
  )
}
