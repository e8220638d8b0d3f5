import { MemberPageSchema, OrgPageSchema, OrgSchema } from '@unionhall/contracts'
import { apiRequest } from '../../../lib/api-client'

export const dashboardKeys = {
  all: ['dashboard'] as const,
  org: (orgId: string) => [...dashboardKeys.all, 'org', orgId] as const,
  children: (orgId: string) => [...dashboardKeys.all, 'children', orgId] as const,
  memberCount: (orgId: string) => [...dashboardKeys.all, 'member-count', orgId] as const,
}

export const getOrgSummary = (orgId: string, signal?: AbortSignal) =>
  apiRequest(`/orgs/${orgId}`, { schema: OrgSchema, signal })

export const listChildOrgs = (orgId: string, signal?: AbortSignal) =>
  apiRequest('/orgs', { query: { parentId: orgId, pageSize: 50 }, schema: OrgPageSchema, signal })

/** Members in an org's subtree: the list total (pageSize 1), "10,000+" when capped. */
export const countMembers = async (orgId: string, signal?: AbortSignal) => {
  const page = await apiRequest('/members', {
    query: { orgId, pageSize: 1 },
    schema: MemberPageSchema.passthrough(),
    signal,
  })
  const capped = (page as { totalCapped?: boolean }).totalCapped === true
  return { total: page.total, capped }
}
