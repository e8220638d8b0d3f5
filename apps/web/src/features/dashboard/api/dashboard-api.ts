import {
  MemberHonourSchema,
  MemberStatsSchema,
  MyJuryAssignmentSchema,
  OrgPageSchema,
  OrgSchema,
} from '@unionhall/contracts'
import { z } from 'zod'
import { apiRequest } from '../../../lib/api-client'

export const dashboardKeys = {
  all: ['dashboard'] as const,
  org: (orgId: string) => [...dashboardKeys.all, 'org', orgId] as const,
  children: (orgId: string) => [...dashboardKeys.all, 'children', orgId] as const,
  memberStats: (orgId: string) => [...dashboardKeys.all, 'member-stats', orgId] as const,
  myJury: (memberId: string) => [...dashboardKeys.all, 'my-jury', memberId] as const,
  myHonours: (memberId: string) => [...dashboardKeys.all, 'my-honours', memberId] as const,
}

export const getOrgSummary = (orgId: string, signal?: AbortSignal) =>
  apiRequest(`/orgs/${orgId}`, { schema: OrgSchema, signal })

export const listChildOrgs = (orgId: string, signal?: AbortSignal) =>
  apiRequest('/orgs', { query: { parentId: orgId, pageSize: 50 }, schema: OrgPageSchema, signal })

/** Members in an org's subtree, split by child org, in one request. */
export const getMemberStats = (orgId: string, signal?: AbortSignal) =>
  apiRequest('/members/stats', { query: { orgId }, schema: MemberStatsSchema, signal })

/** Campaigns where I am a juror, with my scoring progress (any signed-in member). */
export const listMyJuryAssignments = (signal?: AbortSignal) =>
  apiRequest('/campaigns/jury/mine', { schema: z.array(MyJuryAssignmentSchema), signal })

/** Honours I was awarded by announced campaigns (e.g. 陇原工匠 2020). */
export const listMyHonours = (signal?: AbortSignal) =>
  apiRequest('/public/campaigns/honours/mine', { schema: z.array(MemberHonourSchema), signal })
