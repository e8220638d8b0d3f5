import {
  CreateMemberBodySchema,
  IdSchema,
  ImportModeSchema,
  ImportReportSchema,
  MemberListQuerySchema,
  MemberPageSchema,
  MemberPersonalDataSchema,
  MemberSchema,
  MemberStatsSchema,
  UpdateMemberBodySchema,
} from '@unionhall/contracts'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError } from '../../platform/errors/app-error'
import { ctxOf } from '../access'
import * as svc from './members.service'
import { attachment, XLSX_TYPE } from '../../platform/http/attachment'

const MemberParams = z.object({ memberId: IdSchema })
const tags = ['members']

const ImportQuerySchema = z
  .object({
    orgId: IdSchema,
    mode: ImportModeSchema.default('all-or-nothing'),
    dryRun: z.enum(['true', 'false']).default('false'),
  })
  .strict()

export const membersRoutes: FastifyPluginAsyncZod<{
  deps: svc.MembersDeps & svc.MemberGrantsReader
}> = async (app, { deps }) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Members in my subtrees (masked)',
        querystring: MemberListQuerySchema,
        response: { 200: MemberPageSchema },
      },
      config: { access: { permission: 'member:read' } },
    },
    async (req) => svc.listMembers(deps, ctxOf(req), req.query),
  )

  app.get(
    '/stats',
    {
      schema: {
        tags,
        summary: "Members in an org's subtree, split by its child orgs",
        querystring: z.object({ orgId: IdSchema }).strict(),
        response: { 200: MemberStatsSchema },
      },
      config: { access: { permission: 'member:read' } },
    },
    async (req) => svc.getMemberStats(deps, ctxOf(req), req.query.orgId),
  )

  app.get(
    '/export',
    {
      schema: {
        tags,
        summary: 'Export the filtered list as .xlsx (masked)',
        querystring: MemberListQuerySchema.omit({ page: true, pageSize: true }),
      },
      config: { access: { permission: 'member:read' } },
    },
    async (req, reply) => {
      const file = await svc.exportMembers(deps, ctxOf(req), {
        ...req.query,
        page: 1,
        pageSize: 20,
      })
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment('members.xlsx', '会员名单.xlsx'))
        .send(file)
    },
  )

  app.get(
    '/import-template',
    {
      schema: { tags, summary: 'The .xlsx template for bulk import' },
      config: { access: { permission: 'member:manage' } },
    },
    async (_req, reply) =>
      reply
        .type(XLSX_TYPE)
        .header(
          'content-disposition',
          attachment('member-import-template.xlsx', '会员导入模板.xlsx'),
        )
        .send(await svc.importTemplate()),
  )

  app.post(
    '/import',
    {
      schema: {
        tags,
        summary: 'Bulk import from .xlsx or .csv (multipart field "file")',
        consumes: ['multipart/form-data'],
        querystring: ImportQuerySchema,
        response: { 200: ImportReportSchema },
      },
      config: { access: { permission: 'member:manage' } },
    },
    async (req) => {
      if (!req.isMultipart())
        throw new AppError(
          'FILE_MISSING',
          400,
          'Send the file as multipart/form-data in the field "file"',
        )
      const file = await req.file()
      if (!file)
        throw new AppError(
          'FILE_MISSING',
          400,
          'Send the file as multipart/form-data in the field "file"',
        )
      const bytes = await file.toBuffer()
      return svc.importMembers(deps, ctxOf(req), bytes, {
        orgId: req.query.orgId,
        mode: req.query.mode,
        dryRun: req.query.dryRun === 'true',
      })
    },
  )

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Register a member (staff)',
        body: CreateMemberBodySchema,
        response: { 201: MemberSchema },
      },
      config: { access: { permission: 'member:manage' } },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.createMember(deps, ctxOf(req), req.body)),
  )

  app.get(
    '/:memberId',
    {
      schema: { tags, params: MemberParams, response: { 200: MemberSchema } },
      config: { access: { permission: 'member:read' } },
    },
    async (req) => svc.getMember(deps, ctxOf(req), req.params.memberId),
  )

  app.patch(
    '/:memberId',
    {
      schema: {
        tags,
        params: MemberParams,
        body: UpdateMemberBodySchema,
        response: { 200: MemberSchema },
      },
      config: { access: { permission: 'member:manage' } },
    },
    async (req) => svc.updateMember(deps, ctxOf(req), req.params.memberId, req.body),
  )

  app.get(
    '/:memberId/personal-data',
    {
      schema: {
        tags,
        summary: 'Unmasked mobile and ID-card number (every read is audited)',
        params: MemberParams,
        response: { 200: MemberPersonalDataSchema },
      },
      config: { access: { permission: 'member:read-personal' } },
    },
    async (req) => svc.getPersonalData(deps, ctxOf(req), req.params.memberId),
  )
}
