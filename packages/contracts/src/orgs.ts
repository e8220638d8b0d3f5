import { z } from 'zod'
import { IdSchema, queryNumberOr, PageQuerySchema, TimestampSchema, pageOf } from './common'

export const ORG_KINDS = [
  'national_federation',
  'provincial_federation',
  'city_federation',
  'district_federation',
  'county_federation',
  'industry_union',
  'enterprise_union',
  'other',
] as const
export const OrgKindSchema = z.enum(ORG_KINDS)
export type OrgKind = z.infer<typeof OrgKindSchema>

export const OrgNameSchema = z.string().trim().min(2).max(100)

export const OrgSchema = z.object({
  id: IdSchema,
  parentId: IdSchema.nullable(),
  name: z.string(),
  kind: OrgKindSchema,
  depth: z.number().int(),
  childCount: z.number().int(),
  isArchived: z.boolean(),
  createdAt: TimestampSchema,
})
export type Org = z.infer<typeof OrgSchema>

export const OrgPageSchema = pageOf(OrgSchema)

export const OrgListQuerySchema = PageQuerySchema.extend({
  parentId: IdSchema.optional(),
  /** Search the whole subtree under this org (by Chinese name when q is given). */
  within: IdSchema.optional(),
  includeArchived: z.enum(['true', 'false']).optional(),
}).strict()
export type OrgListQuery = z.infer<typeof OrgListQuerySchema>

export const CreateOrgBodySchema = z
  .object({ parentId: IdSchema, name: OrgNameSchema, kind: OrgKindSchema })
  .strict()
export type CreateOrgBody = z.infer<typeof CreateOrgBodySchema>

export const UpdateOrgBodySchema = z
  .object({ name: OrgNameSchema.optional(), kind: OrgKindSchema.optional() })
  .strict()
export type UpdateOrgBody = z.infer<typeof UpdateOrgBodySchema>

export const MoveOrgBodySchema = z.object({ newParentId: IdSchema }).strict()
export type MoveOrgBody = z.infer<typeof MoveOrgBodySchema>

export const BreadcrumbSchema = z.array(z.object({ id: IdSchema, name: z.string() }))

export const OrgTreeNodeSchema = z.object({
  id: IdSchema,
  parentId: IdSchema.nullable(),
  name: z.string(),
  kind: OrgKindSchema,
  depth: z.number().int(),
  isArchived: z.boolean(),
})
export const SubtreeSchema = z.object({
  items: z.array(OrgTreeNodeSchema),
  total: z.number().int(),
  truncated: z.boolean(),
})
export const SubtreeQuerySchema = z
  .object({ limit: queryNumberOr(z.number().int().min(1).max(10_000), 2000) })
  .strict()

/** What the public employer search returns (names only, for self-registration). */
export const PublicOrgSchema = z.object({
  id: IdSchema,
  name: z.string(),
  kind: OrgKindSchema,
  parentName: z.string().nullable(),
})
export type PublicOrg = z.infer<typeof PublicOrgSchema>
