import { useQuery } from '@tanstack/react-query'
import { dashboardKeys, getMemberStats, getOrgSummary, listChildOrgs } from './dashboard-api'

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

export const useMemberStats = (orgId: string | null, enabled = true) =>
  useQuery({
    queryKey: dashboardKeys.memberStats(orgId ?? ''),
    queryFn: ({ signal }) => getMemberStats(orgId!, signal),
    enabled: enabled && orgId !== null,
  })
