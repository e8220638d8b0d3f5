import { useQueries, useQuery } from '@tanstack/react-query'
import { countMembers, dashboardKeys, getOrgSummary, listChildOrgs } from './dashboard-api'

export const useOrgSummary = (orgId: string | null) =>
  useQuery({
    queryKey: dashboardKeys.org(orgId ?? ''),
    queryFn: ({ signal }) => getOrgSummary(orgId!, signal),
    enabled: orgId !== null,
  })

export const useChildOrgs = (orgId: string | null) =>
  useQuery({
    queryKey: dashboardKeys.children(orgId ?? ''),
    queryFn: ({ signal }) => listChildOrgs(orgId!, signal),
    enabled: orgId !== null,
  })

export const useMemberCount = (orgId: string | null, enabled = true) =>
  useQuery({
    queryKey: dashboardKeys.memberCount(orgId ?? ''),
    queryFn: ({ signal }) => countMembers(orgId!, signal),
    enabled: enabled && orgId !== null,
  })

export const useMemberCounts = (orgIds: string[], enabled: boolean) =>
  useQueries({
    queries: orgIds.map((id) => ({
      queryKey: dashboardKeys.memberCount(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => countMembers(id, signal),
      enabled,
    })),
  })
