import { AuditListQuerySchema, AuditPageSchema } from '@unionhall/contracts'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Db } from '../../platform/db/create-db'
import { ctxOf } from '../access'
import { exportAudit, listAudit } from './audit.service'
import { attachment, XLSX_TYPE } from '../../platform/http/attachment'

const tags = ['audit']

export const auditRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Audit records in my subtrees, newest first',
        querystring: AuditListQuerySchema,
        response: { 200: AuditPageSchema },
      },
      config: { access: { permission: 'audit:read' } },
    },
    async (req) => listAudit(db, ctxOf(req), req.query),
  )

  app.get(
    '/export',
    {
      schema: {
        tags,
        summary: 'Export the filtered audit log as .xlsx',
        querystring: AuditListQuerySchema.omit({ page: true, pageSize: true }),
      },
      config: { access: { permission: 'audit:read' } },
    },
    async (req, reply) => {
      const file = await exportAudit(db, ctxOf(req), { ...req.query, page: 1, pageSize: 20 })
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment('audit.xlsx', '审计日志.xlsx'))
        .send(file)
    },
  )
}
