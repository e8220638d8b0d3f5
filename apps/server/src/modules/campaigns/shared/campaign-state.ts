import {
  CAMPAIGN_PHASES,
  CampaignScheduleSchema,
  RubricItemSchema,
  StructuralQuotasSchema,
  VotingRulesSchema,
  type Campaign,
  type CampaignPhase,
  type Category,
} from '@unionhall/contracts'
import { z } from 'zod'
import { fromJson, toBool } from '../../../platform/db/columns'
import type { Db } from '../../../platform/db/create-db'
import { requireAt, scopePaths, type Ctx } from '../../../core/access'
import { loadOrg } from '../../../core/orgs'
import type { Permission } from '@unionhall/contracts'
import { campaignErrors } from '../campaigns.errors'
import { findCampaignById, findCategories } from './campaigns.repository'
import type { CampaignRow } from '../campaigns.tables'

/** A campaign row with its JSON columns parsed and its org's path, as every use case needs it. */
export type LoadedCampaign = {
  row: CampaignRow
  orgPath: string
  orgName: string
  dto: Campaign
}

const RubricSchema = z.array(RubricItemSchema)

export const toCampaignDto = (
  row: CampaignRow,
  orgName: string,
  categories: Category[],
): Campaign => ({
  id: row.id,
  orgId: row.org_id,
  orgName,
  parentCampaignId: row.parent_campaign_id,
  name: row.name,
  honourTitle: row.honour_title,
  year: row.year,
  description: row.description,
  coverImageUrl: row.cover_image_url,
  phase: row.phase,
  phaseMode: row.phase_mode,
  schedule: CampaignScheduleSchema.parse(fromJson(row.schedule)),
  rules: VotingRulesSchema.parse(fromJson(row.rules)),
  rulesLockedAt: row.rules_locked_at,
  quotas: StructuralQuotasSchema.parse(fromJson(row.quotas)),
  rubric: RubricSchema.parse(fromJson(row.rubric)),
  categories,
  createdAt: row.created_at,
})

/** Loads a campaign or throws CAMPAIGN_NOT_FOUND. No access check: callers decide. */
export const loadCampaign = async (db: Db, campaignId: string): Promise<LoadedCampaign> => {
  const row = await findCampaignById(db, campaignId)
  if (!row) throw campaignErrors.notFound(campaignId)
  const [org, categories] = await Promise.all([
    loadOrg(db, row.org_id),
    findCategories(db, campaignId),
  ])
  const cats = categories.map((c) => ({
    id: c.id,
    name: c.name,
    honourCount: c.honour_count,
    sort: c.sort,
  }))
  return { row, orgPath: org.path, orgName: org.name, dto: toCampaignDto(row, org.name, cats) }
}

/** Loads a campaign and checks the actor holds the permission over the campaign's org. */
export const loadCampaignFor = async (
  db: Db,
  ctx: Ctx,
  campaignId: string,
  permission: Permission,
) => {
  const c = await loadCampaign(db, campaignId)
  requireAt(ctx, permission, c.orgPath)
  return c
}

/**
 * The subtrees within this campaign where the actor holds a permission: their grants inside the
 * campaign's org subtree (a grant above it counts as the whole subtree). Empty when none
 * overlaps the campaign. Nominations are reviewed within these (a sub-org's staff review their
 * own nominees first).
 */
export const campaignSubtrees = (
  ctx: Ctx,
  c: Pick<LoadedCampaign, 'orgPath'>,
  permission: 'campaign:review' | 'campaign:manage',
): string[] =>
  scopePaths(ctx, permission)
    .map((p) => (c.orgPath.startsWith(p) ? c.orgPath : p))
    .filter((p) => p.startsWith(c.orgPath))

export const assertPhase = (campaign: LoadedCampaign, ...phases: CampaignPhase[]) => {
  if (!phases.includes(campaign.row.phase))
    throw campaignErrors.wrongPhase(campaign.row.phase, phases)
}

export const phaseIndex = (phase: CampaignPhase) => CAMPAIGN_PHASES.indexOf(phase)

/** True when the campaign's voter-visible content may be shown (from publicity on). */
export const isPublished = (phase: CampaignPhase) => phaseIndex(phase) >= phaseIndex('publicity')

export { toBool }
