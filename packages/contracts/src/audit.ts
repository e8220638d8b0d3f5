import { z } from 'zod'
import { IdSchema, PageQuerySchema, TimestampSchema, pageOf } from './common'

export const AuditEntrySchema = z.object({
  id: IdSchema,
  at: TimestampSchema,
  actorId: IdSchema.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  orgId: IdSchema.nullable(),
  orgName: z.string().nullable(),
  summary: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
})
export type AuditEntry = z.infer<typeof AuditEntrySchema>
export const AuditPageSchema = pageOf(AuditEntrySchema)

export const AuditListQuerySchema = PageQuerySchema.extend({
  orgId: IdSchema.optional(),
  action: z.string().max(100).optional(),
  actorId: IdSchema.optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
}).strict()
export type AuditListQuery = z.infer<typeof AuditListQuerySchema>
