import {
  AddWishPartnerMemberBodySchema,
  CreateWishPartnerBodySchema,
  MyWishPartnersQuerySchema,
  MyWishPartnersSchema,
  UpdateWishPartnerBodySchema,
  WishPartnerExportQuerySchema,
  WishPartnerIdParamsSchema,
  WishPartnerListQuerySchema,
  WishPartnerMemberParamsSchema,
  WishPartnerPageSchema,
  WishPartnerSchema,
} from '@unionhall/contracts'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ctxOf } from '../../../core/access'
import type { WishesDeps } from '../wishes.deps'
import { loadWish } from '../wishes.service'
import * as svc from './partners.service'
import { attachment, XLSX_TYPE } from '../../../platform/http/attachment'

const tags = ['wishes']
const read = { permission: 'wish:read' } as const
const manage = { permission: 'wish:manage' } as const

/** Staff console: partner companies (ADR 0030). Mounted at /api/v1/wishes/partners. */
export const partnersRoutes: FastifyPluginAsyncZod<{ deps: WishesDeps }> = async (
  app,
  { deps },
) => {
  const { db } = deps

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Partner companies in my subtrees (q matches part of the name)',
        querystring: WishPartnerListQuerySchema,
        response: { 200: WishPartnerPageSchema },
      },
      config: { access: read },
    },
    async (req) => svc.listPartners(db, ctxOf(req), req.query),
  )

  app.get(
    '/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The partner list as .xlsx: every partner the filters select, claimants masked',
        querystring: WishPartnerExportQuerySchema,
      },
      config: { access: read },
    },
    async (req, reply) =>
      reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment('wish-partners.xlsx', '爱心企业.xlsx'))
        .send(await svc.exportPartners(db, ctxOf(req), req.query)),
  )

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Register a partner company that claims wishes within the org',
        body: CreateWishPartnerBodySchema,
        response: { 201: WishPartnerSchema },
      },
      config: { access: manage },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.createPartner(deps, ctxOf(req), req.body)),
  )

  app.get(
    '/:partnerId',
    {
      schema: { tags, params: WishPartnerIdParamsSchema, response: { 200: WishPartnerSchema } },
      config: { access: read },
    },
    async (req) => svc.getPartner(db, ctxOf(req), req.params.partnerId),
  )

  app.patch(
    '/:partnerId',
    {
      schema: {
        tags,
        summary: 'Rename, archive or reactivate a partner',
        params: WishPartnerIdParamsSchema,
        body: UpdateWishPartnerBodySchema,
        response: { 200: WishPartnerSchema },
      },
      config: { access: manage },
    },
    async (req) => svc.updatePartner(deps, ctxOf(req), req.params.partnerId, req.body),
  )

  app.post(
    '/:partnerId/members',
    {
      schema: {
        tags,
        summary: 'List a member (by their mobile) as claiming for the partner',
        params: WishPartnerIdParamsSchema,
        body: AddWishPartnerMemberBodySchema,
        response: { 200: WishPartnerSchema },
      },
      config: { access: manage },
    },
    async (req) => svc.addPartnerMember(deps, ctxOf(req), req.params.partnerId, req.body.mobile),
  )

  app.delete(
    '/:partnerId/members/:memberId',
    {
      schema: {
        tags,
        summary: 'Stop a member claiming for the partner (their claims stay)',
        params: WishPartnerMemberParamsSchema,
        response: { 200: WishPartnerSchema },
      },
      config: { access: manage },
    },
    async (req) =>
      svc.removePartnerMember(deps, ctxOf(req), req.params.partnerId, req.params.memberId),
  )
}

/** The partners I claim for, for the claim form. Mounted at /api/v1/my/wish-partners. */
export const myPartnersRoutes: FastifyPluginAsyncZod<{ deps: WishesDeps }> = async (
  app,
  { deps },
) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'The partner companies I claim for (with wishId: those that may claim it)',
        querystring: MyWishPartnersQuerySchema,
        response: { 200: MyWishPartnersSchema },
      },
      config: { access: 'member' },
    },
    async (req) => {
      const { wishId } = req.query
      const wishOrgPath = wishId ? (await loadWish(deps.db, wishId)).org_path : null
      return svc.listMyPartners(deps.db, ctxOf(req), wishOrgPath)
    },
  )
}
