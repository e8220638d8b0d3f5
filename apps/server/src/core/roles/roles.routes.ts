import {
  CreateRoleGrantBodySchema,
  IdSchema,
  OkSchema,
  RoleGrantListQuerySchema,
  RoleGrantPageSchema,
  RoleGrantSchema,
} from '@unionhall/contracts'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../platform/db/create-db'
import { ctxOf } from '../access'
import * as svc from './roles.service'

const tags = ['roles']

export const rolesRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Role grants in my subtrees',
        querystring: RoleGrantListQuerySchema,
        response: { 200: RoleGrantPageSchema },
      },
      config: { access: { permission: 'role:manage' } },
    },
    async (req) => svc.listRoleGrants(db, ctxOf(req), req.query),
  )

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Grant a role to a member at an org (holds for its subtree)',
        body: CreateRoleGrantBodySchema,
        response: { 201: RoleGrantSchema },
      },
      config: { access: { permission: 'role:manage' } },
    },
    async (req, reply) => reply.status(201).send(await svc.grantRole(db, ctxOf(req), req.body)),
  )

  app.delete(
    '/:grantId',
    {
      schema: { tags, params: z.object({ grantId: IdSchema }), response: { 200: OkSchema } },
      config: { access: { permission: 'role:manage' } },
    },
    async (req) => {
      await svc.revokeRole(db, ctxOf(req), req.params.grantId)
      return { ok: true as const }
    },
  )
}
