import { z } from 'zod'
import { IdSchema, PageQuerySchema, TimestampSchema, pageOf } from './common'

export const ROLES = [
  'platform_admin',
  'org_admin',
  'staff',
  'counsellor',
  'volunteer',
  'member',
] as const
export const RoleSchema = z.enum(ROLES)
export type Role = z.infer<typeof RoleSchema>

/** Permissions are `<noun>:<verb>`; roles hold them for the subtree of the org they are granted at. */
export const PERMISSIONS = [
  'org:read',
  'org:manage',
  'member:read',
  'member:manage',
  'member:read-personal',
  'role:manage',
  'audit:read',
  'campaign:read',
  'campaign:manage',
  'campaign:review',
  'campaign:fraud-review',
  'station:read',
  'station:manage',
  'wish:read',
  'wish:manage',
] as const
export const PermissionSchema = z.enum(PERMISSIONS)
export type Permission = z.infer<typeof PermissionSchema>

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  platform_admin: PERMISSIONS,
  org_admin: PERMISSIONS,
  staff: [
    'org:read',
    'member:read',
    'member:manage',
    'campaign:read',
    'campaign:manage',
    'campaign:review',
    'campaign:fraud-review',
    'station:read',
    'station:manage',
    'wish:read',
    'wish:manage',
  ],
  counsellor: ['org:read'],
  // Volunteers see the stations they serve and the wishes there; claiming needs only an account.
  volunteer: ['org:read', 'station:read', 'wish:read'],
  member: [],
}

export const RoleGrantSchema = z.object({
  id: IdSchema,
  memberId: IdSchema,
  memberName: z.string(),
  orgId: IdSchema,
  orgName: z.string(),
  role: RoleSchema,
  createdAt: TimestampSchema,
})
export type RoleGrant = z.infer<typeof RoleGrantSchema>
export const RoleGrantPageSchema = pageOf(RoleGrantSchema)

export const RoleGrantListQuerySchema = PageQuerySchema.extend({
  orgId: IdSchema.optional(),
  memberId: IdSchema.optional(),
}).strict()

export const CreateRoleGrantBodySchema = z
  .object({ memberId: IdSchema, orgId: IdSchema, role: RoleSchema })
  .strict()
export type CreateRoleGrantBody = z.infer<typeof CreateRoleGrantBodySchema>
