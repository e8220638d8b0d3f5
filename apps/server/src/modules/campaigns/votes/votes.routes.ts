import { Readable } from 'node:stream'
import {
  BallotReceiptSchema,
  CastBallotBodySchema,
  FlaggedBallotSchema,
  IdSchema,
  InvalidateBallotsBodySchema,
  LeaderboardSchema,
  PageQuerySchema,
  RestoreBallotsBodySchema,
  ClearBallotsBodySchema,
  RiskSignalSchema,
  TurnoutSchema,
  VoterVerifyBodySchema,
  pageOf,
} from '@unionhall/contracts'
import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ctxOf } from '../../../core/access'
import { AppError } from '../../../platform/errors/app-error'
import { sendRenderedJson } from '../../../platform/http/rendered-json'
import type { CampaignsDeps } from '../campaigns.deps'
import { VOTER_COOKIE, VOTER_HEADER } from './voter'
import { votesServiceFor } from './votes.service'
import { VOTE_FLOW_READS_PER_IP } from '../shared/rate-limits'
import { XLSX_TYPE } from '../../../platform/http/attachment'
import { csvText } from './csv-text'

const tags = ['campaign votes']
const Params = z.object({ campaignId: IdSchema })
const ReceiptParams = z.object({ campaignId: IdSchema, code: z.string().min(1).max(40) })
const FlaggedQuerySchema = PageQuerySchema.omit({ q: true })
  .extend({
    signal: RiskSignalSchema.optional(),
    status: z.enum(['flagged', 'invalidated']).optional(),
  })
  .strict()
const ReviewResultSchema = z.object({ changed: z.number().int() })
const ReceiptListSchema = z.object({ items: z.array(BallotReceiptSchema) })
const VoterTokenSchema = z.object({ token: z.string(), expiresAt: z.string() })

/**
 * The clock of the votes routes. Tests move it (voting hours, days, limits); services only ever
 * read ctx.now, which is built from it.
 */
export const votesClock = { now: () => new Date() }
const ctx = (req: FastifyRequest) => ctxOf(req, votesClock.now())

/** Who is voting: the signed-in member (members campaigns) or the SMS voter token. */
const voterOf = (req: FastifyRequest, deviceId?: string) => ({
  memberId: req.auth?.principal.memberId ?? null,
  voterToken:
    (req.headers[VOTER_HEADER] as string | undefined) ?? req.cookies[VOTER_COOKIE] ?? null,
  deviceId: deviceId ?? null,
  ip: req.ip,
})

/** Staff routes, mounted under /api/v1/campaigns. */
export const votesRoutes: FastifyPluginAsyncZod<{ deps: CampaignsDeps }> = async (
  app,
  { deps },
) => {
  const svc = votesServiceFor(deps)
  app.addHook('onClose', async () => svc.close())

  app.get(
    '/:campaignId/leaderboard',
    {
      schema: {
        tags,
        summary: 'Live leaderboard (403 CAMPAIGN_TALLY_SEALED while sealed, admins included)',
        params: Params,
        response: { 200: LeaderboardSchema },
      },
      config: { access: { permission: 'campaign:read' } },
    },
    async (req) => svc.leaderboard(ctx(req), req.params.campaignId),
  )

  app.get(
    '/:campaignId/turnout',
    {
      schema: {
        tags,
        summary: 'Valid ballots per voter org (live, also while sealed)',
        params: Params,
        response: { 200: TurnoutSchema },
      },
      config: { access: { permission: 'campaign:read' } },
    },
    async (req) => svc.turnout(ctx(req), req.params.campaignId),
  )

  app.get(
    '/:campaignId/flagged-ballots',
    {
      schema: {
        tags,
        summary: 'Review queue: flagged and invalidated ballots, newest first',
        params: Params,
        querystring: FlaggedQuerySchema,
        response: { 200: pageOf(FlaggedBallotSchema) },
      },
      config: { access: { permission: 'campaign:fraud-review' } },
    },
    async (req) => svc.listFlagged(ctx(req), req.params.campaignId, req.query),
  )

  app.post(
    '/:campaignId/ballots/invalidate',
    {
      schema: {
        tags,
        summary: 'Invalidate ballots with a reason (counters adjusted, audited, reversible)',
        params: Params,
        body: InvalidateBallotsBodySchema,
        response: { 200: ReviewResultSchema },
      },
      config: { access: { permission: 'campaign:fraud-review' } },
    },
    async (req) => svc.invalidate(ctx(req), req.params.campaignId, req.body),
  )

  app.post(
    '/:campaignId/ballots/restore',
    {
      schema: {
        tags,
        summary: 'Restore invalidated ballots with a reason',
        params: Params,
        body: RestoreBallotsBodySchema,
        response: { 200: ReviewResultSchema },
      },
      config: { access: { permission: 'campaign:fraud-review' } },
    },
    async (req) => svc.restore(ctx(req), req.params.campaignId, req.body),
  )

  app.post(
    '/:campaignId/ballots/clear',
    {
      schema: {
        tags,
        summary:
          'Mark flagged ballots as reviewed and legitimate, with a reason (they leave the queue as counted; audited)',
        params: Params,
        body: ClearBallotsBodySchema,
        response: { 200: ReviewResultSchema },
      },
      config: { access: { permission: 'campaign:fraud-review' } },
    },
    async (req) => svc.clear(ctx(req), req.params.campaignId, req.body),
  )

  app.get(
    '/:campaignId/ballot-log',
    {
      schema: {
        tags,
        summary:
          'Anonymised ballot log (receipt, voter key, org, day, candidates, status) as NDJSON or CSV (with candidate names, for spreadsheets)',
        params: Params,
        querystring: z.object({ format: z.enum(['ndjson', 'csv']).default('ndjson') }).strict(),
      },
      config: { access: { permission: 'campaign:read' } },
    },
    async (req, reply) => {
      const { log, candidateLabel } = await svc.openBallotLog(ctx(req), req.params.campaignId)
      const csv = req.query.format === 'csv'
      async function* lines() {
        // The BOM makes spreadsheet programs read the names as UTF-8.
        if (csv) yield '\uFEFFreceipt,voter_key,org_id,day,candidate_ids,candidates,status\n'
        for await (const e of log)
          yield csv
            ? `${e.receipt},${e.voterKey},${e.orgId},${e.day},${e.candidateIds.join(' ')},${csvText(e.candidateIds.map(candidateLabel).join('、'))},${e.status}\n`
            : `${JSON.stringify(e)}\n`
      }
      return reply
        .type(csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson')
        .header(
          'content-disposition',
          `attachment; filename="ballot-log-${req.params.campaignId}.${csv ? 'csv' : 'ndjson'}"`,
        )
        .send(Readable.from(lines()))
    },
  )

  app.get(
    '/:campaignId/votes/export',
    {
      schema: {
        tags,
        summary: 'Votes by day and ballots by org as .xlsx',
        params: Params,
      },
      config: { access: { permission: 'campaign:read' } },
    },
    async (req, reply) => {
      const file = await svc.exportVotes(ctx(req), req.params.campaignId)
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="votes-${req.params.campaignId}.xlsx"`)
        .send(file)
    },
  )
}

/** Public and member routes for worker pages, mounted under /api/v1/public/campaigns. */
export const publicVotesRoutes: FastifyPluginAsyncZod<{ deps: CampaignsDeps }> = async (
  app,
  { deps },
) => {
  const svc = votesServiceFor(deps)
  app.addHook('onClose', async () => svc.close())

  app.post(
    '/:campaignId/voters/verify',
    {
      schema: {
        tags,
        summary:
          'SMS voters: prove a mobile with a code (POST /api/v1/auth/otp, purpose vote) and get a voter token',
        params: Params,
        body: VoterVerifyBodySchema,
        response: { 200: VoterTokenSchema },
      },
      // Many honest voters share a factory NAT: the per-IP API limit does not apply here; the
      // OTP itself is limited per mobile and by its attempts.
      config: { access: 'public', rateLimit: false },
    },
    async (req, reply) => {
      const r = await svc.verifyVoter(ctx(req), req.params.campaignId, req.body)
      return reply
        .setCookie(VOTER_COOKIE, r.token, {
          path: `/api/v1/public/campaigns/${req.params.campaignId}`,
          httpOnly: true,
          sameSite: 'strict',
          secure: 'auto',
          expires: new Date(r.expiresAt),
        })
        .send(r)
    },
  )

  app.post(
    '/:campaignId/ballots',
    {
      schema: {
        tags,
        summary:
          'Cast a ballot: 201 with a receipt; a retry with the same clientKey answers 200 with the original receipt',
        params: Params,
        body: CastBallotBodySchema,
        response: { 200: BallotReceiptSchema, 201: BallotReceiptSchema },
      },
      // Per-voter, per-device and per-IP limits of the ballot engine replace the API's per-IP limit.
      config: { access: 'public', rateLimit: false },
    },
    async (req, reply) => {
      // The route is public (SMS voters have no session), so the members' CSRF check is here.
      if (req.auth && req.headers['x-csrf-token'] !== req.auth.csrfToken)
        throw new AppError('CSRF_INVALID', 403, 'Missing or wrong x-csrf-token header')
      const r = await svc.castBallot(
        ctx(req),
        req.params.campaignId,
        voterOf(req, req.body.deviceId),
        req.body,
      )
      if (r.replay) reply.header('idempotent-replay', 'true')
      return reply.status(r.replay ? 200 : 201).send(r.receipt)
    },
  )

  app.get(
    '/:campaignId/receipts/:code',
    {
      schema: {
        tags,
        summary: 'Look up a ballot by its receipt code',
        params: ReceiptParams,
        response: { 200: BallotReceiptSchema },
      },
      config: { access: 'public', rateLimit: VOTE_FLOW_READS_PER_IP },
    },
    async (req) =>
      svc.getReceipt(req.params.campaignId, req.params.code, votesClock.now(), voterOf(req)),
  )

  app.get(
    '/:campaignId/my-receipts',
    {
      schema: {
        tags,
        summary: "The caller's own ballots (member session or voter token)",
        params: Params,
        response: { 200: ReceiptListSchema },
      },
      config: { access: 'public', rateLimit: VOTE_FLOW_READS_PER_IP },
    },
    async (req) => ({
      items: await svc.myReceipts(req.params.campaignId, voterOf(req), votesClock.now()),
    }),
  )

  app.get(
    '/:campaignId/leaderboard',
    {
      schema: {
        tags,
        summary: 'Live leaderboard (403 CAMPAIGN_TALLY_SEALED while sealed)',
        params: Params,
        response: { 200: LeaderboardSchema },
      },
      config: { access: 'public', rateLimit: VOTE_FLOW_READS_PER_IP },
    },
    // Not async: a cached board is sent without a promise; a stale or missing one is loaded.
    (req, reply) => {
      const ready = svc.publicLeaderboardReady(req.params.campaignId)
      if (ready) return void sendRenderedJson(reply, ready)
      return svc
        .publicLeaderboard(req.params.campaignId, votesClock.now())
        .then((board) => void sendRenderedJson(reply, board))
    },
  )

  app.get(
    '/:campaignId/turnout',
    {
      schema: {
        tags,
        summary: 'Valid ballots per voter org (live)',
        params: Params,
        response: { 200: TurnoutSchema },
      },
      config: { access: 'public', rateLimit: VOTE_FLOW_READS_PER_IP },
    },
    (req, reply) => {
      const ready = svc.publicTurnoutReady(req.params.campaignId)
      if (ready) return void sendRenderedJson(reply, ready)
      return svc
        .publicTurnout(req.params.campaignId, votesClock.now())
        .then((turnout) => void sendRenderedJson(reply, turnout))
    },
  )
}
