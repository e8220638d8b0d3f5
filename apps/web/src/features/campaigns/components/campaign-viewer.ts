import type { Campaign, CampaignViewer, Permission } from '@unionhall/contracts'

/** A campaign as the console pages hold it: with the caller's access when the server said it. */
export type ViewedCampaign = Campaign & { viewer?: CampaignViewer }

/**
 * Whether the caller holds a permission over this campaign's org. The session's `can` says
 * "somewhere"; a sub-org's staff hold campaign:manage at their org, not over a campaign run
 * above them, so the campaign's own `viewer` decides when it is there.
 */
export const campaignCan =
  (campaign: ViewedCampaign, can: (p: Permission) => boolean) => (p: Permission) =>
    campaign.viewer ? campaign.viewer.permissions.includes(p) : can(p)

/** Whether the caller reviews nominations in this campaign (in all of it or their subtree). */
export const reviewsNominations = (campaign: ViewedCampaign, can: (p: Permission) => boolean) =>
  campaign.viewer ? campaign.viewer.reviewsNominations : can('campaign:review')
