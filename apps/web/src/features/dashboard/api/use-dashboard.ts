import { useQuery } from '@tanstack/react-query'
import {
  dashboardKeys,
  getMemberStats,
  getOrgSummary,
  listChildOrgs,
  listMyHonours,
  listMyJuryAssignments,
} from './dashboard-api'

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

export const useMyJuryAssignments = (memberId: string | null) =>
  useQuery({
    queryKey: dashboardKeys.myJury(memberId ?? ''),
    queryFn: ({ signal }) => listMyJuryAssignments(signal),
    enabled: memberId !== null,
    // Scores are saved on the scoring page, which does not know this key: refetch on every
    // visit so that "已评 n/m" is never behind what the juror just did.
    staleTime: 0,
  })

export const useMyHonours = (memberId: string | null) =>
  useQuery({
    queryKey: dashboardKeys.myHonours(memberId ?? ''),
    queryFn: ({ signal }) => listMyHonours(signal),
    enabled: memberId !== null,
  })
