import { MemberStatsSchema, OrgPageSchema, OrgSchema } from '@unionhall/contracts'
import { apiRequest } from '../../../lib/api-client'

export const dashboardKeys = {
  all: ['dashboard'] as const,
  org: (orgId: string) => [...dashboardKeys.all, 'org', orgId] as const,
  children: (orgId: string) => [...dashboardKeys.all, 'children', orgId] as const,
  memberStats: (orgId: string) => [...dashboardKeys.all, 'member-stats', orgId] as const,
}

export const getOrgSummary = (orgId: string, signal?: AbortSignal) =>
  apiRequest(`/orgs/${orgId}`, { schema: OrgSchema, signal })

export const listChildOrgs = (orgId: string, signal?: AbortSignal) =>
  apiRequest('/orgs', { query: { parentId: orgId, pageSize: 50 }, schema: OrgPageSchema, signal })

/** Members in an org's subtree, split by child org, in one request. */
export const getMemberStats = (orgId: string, signal?: AbortSignal) =>
  apiRequest('/members/stats', { query: { orgId }, schema: MemberStatsSchema, signal })
