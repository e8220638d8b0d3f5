import {
  type CreateRoleGrantBody,
  MemberPageSchema,
  RoleGrantPageSchema,
  RoleGrantSchema,
} from '@unionhall/contracts'
import { apiRequest } from '../../../lib/api-client'
import type { RoleGrantListQuery } from './role-grant-keys'

export const listRoleGrants = (query: RoleGrantListQuery, signal?: AbortSignal) =>
  apiRequest('/role-grants', { query, schema: RoleGrantPageSchema, signal })

export const createRoleGrant = (body: CreateRoleGrantBody) =>
  apiRequest('/role-grants', { method: 'POST', body, schema: RoleGrantSchema })

export const revokeRoleGrant = (id: string) =>
  apiRequest(`/role-grants/${id}`, { method: 'DELETE' })

/** Members to pick for a grant: name substring or exact mobile, within an org subtree. */
export const searchMembers = (orgId: string | null, q: string, signal?: AbortSignal) =>
  apiRequest('/members', {
    query: { orgId: orgId ?? undefined, q: q || undefined, pageSize: 20 },
    schema: MemberPageSchema.passthrough(),
    signal,
  })
