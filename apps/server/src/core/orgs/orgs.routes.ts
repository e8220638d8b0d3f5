import {
  BreadcrumbSchema,
  CreateOrgBodySchema,
  IdSchema,
  MoveOrgBodySchema,
  OrgListQuerySchema,
  OrgPageSchema,
  OrgSchema,
  PublicOrgSchema,
  SubtreeQuerySchema,
  SubtreeSchema,
  UpdateOrgBodySchema,
} from '@unionhall/contracts'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../platform/db/create-db'
import { ctxOf } from '../access'
import * as svc from './orgs.service'

const OrgParams = z.object({ orgId: IdSchema })
const tags = ['orgs']

export const orgsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'List child orgs, search a subtree, or list my top orgs',
        querystring: OrgListQuerySchema,
        response: { 200: OrgPageSchema },
      },
      config: { access: { permission: 'org:read' } },
    },
    async (req) => svc.listOrgs(db, ctxOf(req), req.query),
  )

  app.get(
    '/:orgId',
    {
      schema: { tags, params: OrgParams, response: { 200: OrgSchema } },
      config: { access: { permission: 'org:read' } },
    },
    async (req) => svc.getOrg(db, ctxOf(req), req.params.orgId),
  )

  app.get(
    '/:orgId/breadcrumbs',
    {
      schema: { tags, params: OrgParams, response: { 200: BreadcrumbSchema } },
      config: { access: { permission: 'org:read' } },
    },
    async (req) => svc.getBreadcrumbs(db, ctxOf(req), req.params.orgId),
  )

  app.get(
    '/:orgId/subtree',
    {
      schema: {
        tags,
        params: OrgParams,
        querystring: SubtreeQuerySchema,
        response: { 200: SubtreeSchema },
      },
      config: { access: { permission: 'org:read' } },
    },
    async (req) => svc.getSubtree(db, ctxOf(req), req.params.orgId, req.query.limit),
  )

  app.post(
    '/',
    {
      schema: { tags, body: CreateOrgBodySchema, response: { 201: OrgSchema } },
      config: { access: { permission: 'org:manage' } },
    },
    async (req, reply) => reply.status(201).send(await svc.createOrg(db, ctxOf(req), req.body)),
  )

  app.patch(
    '/:orgId',
    {
      schema: { tags, params: OrgParams, body: UpdateOrgBodySchema, response: { 200: OrgSchema } },
      config: { access: { permission: 'org:manage' } },
    },
    async (req) => svc.updateOrg(db, ctxOf(req), req.params.orgId, req.body),
  )

  app.post(
    '/:orgId/move',
    {
      schema: { tags, params: OrgParams, body: MoveOrgBodySchema, response: { 200: OrgSchema } },
      config: { access: { permission: 'org:manage' } },
    },
    async (req) => svc.moveOrg(db, ctxOf(req), req.params.orgId, req.body),
  )

  app.post(
    '/:orgId/archive',
    {
      schema: { tags, params: OrgParams, response: { 200: OrgSchema } },
      config: { access: { permission: 'org:manage' } },
    },
    async (req) => svc.archiveOrg(db, ctxOf(req), req.params.orgId),
  )
}

/** Public: employer search for self-registration (names only). */
export const publicOrgsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Search active orgs by name (for self-registration)',
        querystring: z.object({ q: z.string().trim().min(1).max(50) }).strict(),
        response: { 200: z.array(PublicOrgSchema) },
      },
      config: { access: 'public' },
    },
    async (req) => svc.searchOrgsPublic(db, req.query.q),
  )
}
