import {
  ClaimIdParamsSchema,
  ClaimWishBodySchema,
  ConfirmWishBodySchema,
  CreateWishBodySchema,
  FulfilClaimBodySchema,
  MyClaimListQuerySchema,
  MyClaimPageSchema,
  MyClaimSchema,
  MyWishListQuerySchema,
  MyWishPageSchema,
  MyWishSchema,
  PostWishBodySchema,
  PublicWishListQuerySchema,
  PublicWishPageSchema,
  PublicWishSchema,
  RejectWishBodySchema,
  ReleaseClaimBodySchema,
  ReopenWishBodySchema,
  UpdateWishBodySchema,
  WishDetailSchema,
  WishExportQuerySchema,
  WishIdParamsSchema,
  WishListQuerySchema,
  WishPageSchema,
  WishReportQuerySchema,
  WishReportSchema,
  WishWorkerContactSchema,
  WithdrawWishBodySchema,
} from '@unionhall/contracts'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ctxOf } from '../../core/access'
import * as claims from './claims.service'
import * as edits from './edits.service'
import * as listExport from './list-export.service'
import { myPartnersRoutes, partnersRoutes } from './partners/partners.routes'
import * as reports from './reports.service'
import type { WishesDeps } from './wishes.deps'
import * as svc from './wishes.service'
import { attachment, XLSX_TYPE } from '../../platform/http/attachment'

const tags = ['wishes']
const read = { permission: 'wish:read' } as const
const manage = { permission: 'wish:manage' } as const

/** Staff console, and claiming a wish from the wall. Mounted at /api/v1/wishes. */
export const wishesRoutes: FastifyPluginAsyncZod<{ deps: WishesDeps }> = async (app, { deps }) => {
  const { db } = deps
  // Partner companies, and the members who claim for them, live in their sub-feature.
  await app.register(partnersRoutes, { deps, prefix: '/partners' })

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Wishes in my subtrees (q matches the title)',
        querystring: WishListQuerySchema,
        response: { 200: WishPageSchema },
      },
      config: { access: read },
    },
    async (req) => svc.listWishes(db, ctxOf(req), req.query),
  )

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Enter a wish for a worker (published at once unless publish is false)',
        body: CreateWishBodySchema,
        response: { 201: WishDetailSchema },
      },
      config: { access: manage },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.createWishForWorker(deps, ctxOf(req), req.body)),
  )

  app.get(
    '/export.xlsx',
    {
      schema: {
        tags,
        summary:
          'The wish list as .xlsx: every wish the list filters select (at most 10,000), masked',
        querystring: WishExportQuerySchema,
      },
      config: { access: read },
    },
    async (req, reply) =>
      reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment('wishes-list.xlsx', '微心愿列表.xlsx'))
        .send(await listExport.exportWishList(db, ctxOf(req), req.query)),
  )

  app.get(
    '/reports',
    {
      schema: {
        tags,
        summary: 'Wishes by status, category, station and org; times to claim and fulfil',
        querystring: WishReportQuerySchema,
        response: { 200: WishReportSchema },
      },
      config: { access: read },
    },
    async (req) => reports.getWishReport(db, ctxOf(req), req.query),
  )

  app.get(
    '/reports.xlsx',
    {
      schema: {
        tags,
        summary: 'The wish report as an .xlsx workbook',
        querystring: WishReportQuerySchema,
      },
      config: { access: read },
    },
    async (req, reply) => {
      const { bytes } = await reports.exportWishReport(db, ctxOf(req), req.query)
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachment('wishes.xlsx', '微心愿统计.xlsx'))
        .send(bytes)
    },
  )

  app.get(
    '/:wishId',
    {
      schema: { tags, params: WishIdParamsSchema, response: { 200: WishDetailSchema } },
      config: { access: read },
    },
    async (req) => svc.getWish(db, ctxOf(req), req.params.wishId),
  )

  app.patch(
    '/:wishId',
    {
      schema: {
        tags,
        summary: "Correct a wish's public fields before it is claimed (it stays where it is)",
        params: WishIdParamsSchema,
        body: UpdateWishBodySchema,
        response: { 200: WishDetailSchema },
      },
      config: { access: manage },
    },
    async (req) => edits.updateWishAsStaff(deps, ctxOf(req), req.params.wishId, req.body),
  )

  app.get(
    '/:wishId/worker-contact',
    {
      schema: {
        tags,
        summary: "The worker's name and mobile in full (an audited read)",
        params: WishIdParamsSchema,
        response: { 200: WishWorkerContactSchema },
      },
      config: { access: manage },
    },
    async (req) => svc.getWorkerContact(deps, ctxOf(req), req.params.wishId),
  )

  app.post(
    '/:wishId/publish',
    {
      schema: {
        tags,
        summary: 'Verify a wish and put it on the wall',
        params: WishIdParamsSchema,
        response: { 200: WishDetailSchema },
      },
      config: { access: manage },
    },
    async (req) => svc.reviewWish(deps, ctxOf(req), req.params.wishId, { publish: true }),
  )

  app.post(
    '/:wishId/reject',
    {
      schema: {
        tags,
        summary: 'Turn a wish down, with a reason for the worker',
        params: WishIdParamsSchema,
        body: RejectWishBodySchema,
        response: { 200: WishDetailSchema },
      },
      config: { access: manage },
    },
    async (req) =>
      svc.reviewWish(deps, ctxOf(req), req.params.wishId, {
        publish: false,
        reason: req.body.reason,
      }),
  )

  app.post(
    '/:wishId/reopen',
    {
      schema: {
        tags,
        summary: 'Reopen a claimed or fulfilled wish (ends the live claim)',
        params: WishIdParamsSchema,
        body: ReopenWishBodySchema,
        response: { 200: WishDetailSchema },
      },
      config: { access: manage },
    },
    async (req) => claims.reopenWishAsStaff(deps, ctxOf(req), req.params.wishId, req.body.reason),
  )

  app.post(
    '/:wishId/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm receipt for a walk-in worker without an account',
        params: WishIdParamsSchema,
        body: ConfirmWishBodySchema,
        response: { 200: WishDetailSchema },
      },
      config: { access: manage },
    },
    async (req) => claims.confirmWishAsStaff(deps, ctxOf(req), req.params.wishId, req.body.thanks),
  )

  app.post(
    '/:wishId/claims',
    {
      schema: {
        tags,
        summary: 'Claim a wish on the wall (one live claim per wish; 409 when taken)',
        params: WishIdParamsSchema,
        body: ClaimWishBodySchema,
        response: { 201: MyClaimSchema },
      },
      config: { access: 'member' },
    },
    async (req, reply) =>
      reply.status(201).send(await claims.claimWish(deps, ctxOf(req), req.params.wishId, req.body)),
  )
}

/** A worker's own wishes and a claimant's own claims. Mounted at /api/v1/my. */
export const myWishesRoutes: FastifyPluginAsyncZod<{ deps: WishesDeps }> = async (
  app,
  { deps },
) => {
  const { db } = deps
  await app.register(myPartnersRoutes, { deps, prefix: '/wish-partners' })

  app.post(
    '/wishes',
    {
      schema: {
        tags,
        summary: 'Post my wish (staff review it before it reaches the wall)',
        body: PostWishBodySchema,
        response: { 201: MyWishSchema },
      },
      config: { access: 'member' },
    },
    async (req, reply) => reply.status(201).send(await svc.postWish(deps, ctxOf(req), req.body)),
  )

  app.get(
    '/wishes',
    {
      schema: {
        tags,
        summary: 'My wishes, newest first',
        querystring: MyWishListQuerySchema,
        response: { 200: MyWishPageSchema },
      },
      config: { access: 'member' },
    },
    async (req) => svc.listMyWishes(db, ctxOf(req), req.query),
  )

  app.get(
    '/wishes/:wishId',
    {
      schema: { tags, params: WishIdParamsSchema, response: { 200: MyWishSchema } },
      config: { access: 'member' },
    },
    async (req) => svc.getMyWish(db, ctxOf(req), req.params.wishId),
  )

  app.patch(
    '/wishes/:wishId',
    {
      schema: {
        tags,
        summary: 'Edit my wish before it is claimed (a published one goes back to review)',
        params: WishIdParamsSchema,
        body: UpdateWishBodySchema,
        response: { 200: MyWishSchema },
      },
      config: { access: 'member' },
    },
    async (req) => edits.updateMyWish(deps, ctxOf(req), req.params.wishId, req.body),
  )

  app.post(
    '/wishes/:wishId/withdraw',
    {
      schema: {
        tags,
        summary: 'Take my wish back before it is claimed (leaves the wall; staff still see it)',
        params: WishIdParamsSchema,
        body: WithdrawWishBodySchema,
        response: { 200: MyWishSchema },
      },
      config: { access: 'member' },
    },
    async (req) => edits.withdrawMyWish(deps, ctxOf(req), req.params.wishId, req.body.reason),
  )

  app.post(
    '/wishes/:wishId/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm I received it, and leave thanks',
        params: WishIdParamsSchema,
        body: ConfirmWishBodySchema,
        response: { 200: MyWishSchema },
      },
      config: { access: 'member' },
    },
    async (req) => claims.confirmMyWish(deps, ctxOf(req), req.params.wishId, req.body.thanks),
  )

  app.post(
    '/wishes/:wishId/reopen',
    {
      schema: {
        tags,
        summary: 'Reopen my claimed or fulfilled wish, with a reason',
        params: WishIdParamsSchema,
        body: ReopenWishBodySchema,
        response: { 200: MyWishSchema },
      },
      config: { access: 'member' },
    },
    async (req) => claims.reopenMyWish(deps, ctxOf(req), req.params.wishId, req.body.reason),
  )

  app.get(
    '/claims',
    {
      schema: {
        tags,
        summary: 'My claims, newest first',
        querystring: MyClaimListQuerySchema,
        response: { 200: MyClaimPageSchema },
      },
      config: { access: 'member' },
    },
    async (req) => claims.listMyClaims(db, ctxOf(req), req.query),
  )

  app.post(
    '/claims/:claimId/fulfil',
    {
      schema: {
        tags,
        summary: 'Mark my claim fulfilled, with photos of the delivery',
        params: ClaimIdParamsSchema,
        body: FulfilClaimBodySchema,
        response: { 200: MyClaimSchema },
      },
      config: { access: 'member' },
    },
    async (req) => claims.fulfilClaim(deps, ctxOf(req), req.params.claimId, req.body),
  )

  app.post(
    '/claims/:claimId/release',
    {
      schema: {
        tags,
        summary: 'Give my claim back; the wish returns to the wall',
        params: ClaimIdParamsSchema,
        body: ReleaseClaimBodySchema,
        response: { 200: MyClaimSchema },
      },
      config: { access: 'member' },
    },
    async (req) => claims.releaseClaim(deps, ctxOf(req), req.params.claimId, req.body.reason),
  )
}

/** The wish wall, without an account. Mounted at /api/v1/public/wishes. */
export const publicWishesRoutes: FastifyPluginAsyncZod<{ deps: WishesDeps }> = async (
  app,
  { deps },
) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'The wall of an org (its subtree) or of a station: published wishes, masked',
        querystring: PublicWishListQuerySchema,
        response: { 200: PublicWishPageSchema },
      },
      config: { access: 'public' },
    },
    async (req) => svc.listWall(deps.db, req.query),
  )

  app.get(
    '/:wishId',
    {
      schema: { tags, params: WishIdParamsSchema, response: { 200: PublicWishSchema } },
      config: { access: 'public' },
    },
    async (req) => svc.getPublicWish(deps.db, req.params.wishId),
  )
}
