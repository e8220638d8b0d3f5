import type { Generated, Selectable } from 'kysely'
import type { CampaignPhase, NominationStatus } from '@unionhall/contracts'

export type CampaignTable = {
  id: string
  org_id: string
  /** A sub-campaign run by a sub-org inherits the parent's rules; its winners may go forward. */
  parent_campaign_id: string | null
  name: string
  honour_title: string
  year: number
  description: string
  cover_image_url: string | null
  phase: CampaignPhase
  /** auto: phases advance on their dates (a scheduler ticks); manual: staff advance them. */
  phase_mode: 'auto' | 'manual'
  /** JSON CampaignSchedule. */
  schedule: string
  /** JSON VotingRules; frozen once rules_locked_at is set (when voting opens). */
  rules: string
  rules_locked_at: string | null
  /** JSON StructuralQuotas. */
  quotas: string
  /** JSON RubricItem[] for jury scoring. */
  rubric: string
  announced_at: string | null
  created_at: string
  updated_at: string
}

export type CampaignCategoryTable = {
  id: string
  campaign_id: string
  name: string
  /** How many honours this category awards. */
  honour_count: number
  sort: number
}

export type CampaignNominationTable = {
  id: string
  campaign_id: string
  category_id: string
  nominee_name: string
  nominee_mobile_enc: string
  /** Blind index: nominations of the same person merge on it. */
  nominee_mobile_hash: string
  nominee_mobile_masked: string
  nominee_id_card_enc: string | null
  nominee_id_card_hash: string | null
  /** Set when the nominee is a registered member (found by mobile). */
  nominee_member_id: string | null
  employer_org_id: string
  trade: string
  years: number
  is_front_line: number
  achievements: string
  /** JSON string[]. */
  photo_urls: string
  video_url: string | null
  status: NominationStatus
  /** SHA-256 of the consent link token; nothing about the nominee is published before consent. */
  consent_token_hash: string | null
  consented_at: string | null
  merged_into_id: string | null
  supporter_count: number
  /** Level-by-level review: the org whose staff review it next (starts at the employer's level). */
  review_level_org_id: string | null
  review_reason: string | null
  review_note: string | null
  reviewed_by: string | null
  reviewed_at: string | null
  created_at: string
  updated_at: string
}

/**
 * Consent SMS bookkeeping of campaign_nomination (migration 20261129T1352), kept apart so that
 * code inserting nominations without an SMS (fixtures, put-forward) needs not name it; the
 * database defaults apply there.
 */
export type CampaignNominationConsentSmsColumns = {
  /** When the consent link was last texted to the nominee (handed to the SMS provider). */
  consent_sms_sent_at: Generated<string | null>
  /** UTC date (YYYY-MM-DD) that consent_sms_day_count counts: SMS that day, for the re-send limit. */
  consent_sms_day: Generated<string | null>
  consent_sms_day_count: Generated<number>
}

export type CampaignNominationSupportTable = {
  id: string
  nomination_id: string
  nominator_member_id: string | null
  nominating_org_id: string | null
  reason: string
  recommendation_letter: string | null
  created_at: string
}

export type CampaignCandidateTable = {
  id: string
  campaign_id: string
  category_id: string
  nomination_id: string
  member_id: string | null
  /** Ballot number shown to voters, per campaign. */
  number: number
  name: string
  employer_name: string
  trade: string
  is_front_line: number
  story: string
  achievements: string
  photo_urls: string
  video_url: string | null
  status: 'active' | 'withdrawn'
  created_at: string
}

export type CampaignObjectionTable = {
  id: string
  campaign_id: string
  candidate_id: string
  contact_name: string
  contact_mobile_enc: string
  contact_mobile_masked: string
  reason: string
  status: 'open' | 'upheld' | 'dismissed'
  resolution: string | null
  resolved_by: string | null
  created_at: string
  resolved_at: string | null
}

export type CampaignBallotTable = {
  /** UUIDv7; the receipt code is its base32 form, so receipts need no extra index. */
  id: string
  campaign_id: string
  /** HMAC of the voter identity ('m:<memberId>' or 's:<mobile>'): anonymised but stable. */
  voter_key: string
  voter_masked: string
  voter_org_id: string | null
  device_hash: string | null
  ip_hash: string | null
  client_key: string
  /** JSON string[] of candidate ids (one vote each). */
  candidate_ids: string
  cast_at: string
  /** Voting day in Asia/Shanghai, YYYY-MM-DD: the unit of per-day limits. */
  day: string
  /** JSON RiskSignal[]; non-empty means flagged for review. */
  signals: string
  status: 'counted' | 'flagged' | 'invalidated'
  invalidation_reason: string | null
  status_changed_at: string | null
  status_changed_by: string | null
}

export type CampaignTallyTable = {
  campaign_id: string
  candidate_id: string
  votes: number
  invalidated_votes: number
}
export type CampaignTallyDailyTable = {
  campaign_id: string
  candidate_id: string
  day: string
  votes: number
}
export type CampaignTurnoutTable = {
  campaign_id: string
  org_id: string
  day: string
  ballots: number
  votes: number
}
export type CampaignJurorTable = { campaign_id: string; member_id: string; created_at: string }
export type CampaignJuryScoreTable = {
  campaign_id: string
  candidate_id: string
  juror_member_id: string
  /** JSON Record<rubricKey, score>. */
  scores: string
  total: number
  comment: string | null
  submitted_at: string
}
export type CampaignHonourTable = {
  id: string
  campaign_id: string
  candidate_id: string
  member_id: string | null
  title: string
  year: number
  category_name: string
  awarded_at: string
}

export type CampaignTables = {
  campaign: CampaignTable
  campaign_category: CampaignCategoryTable
  campaign_nomination: CampaignNominationTable
  campaign_nomination_support: CampaignNominationSupportTable
  campaign_candidate: CampaignCandidateTable
  campaign_objection: CampaignObjectionTable
  campaign_ballot: CampaignBallotTable
  campaign_tally: CampaignTallyTable
  campaign_tally_daily: CampaignTallyDailyTable
  campaign_turnout: CampaignTurnoutTable
  campaign_juror: CampaignJurorTable
  campaign_jury_score: CampaignJuryScoreTable
  campaign_honour: CampaignHonourTable
}

export type CampaignRow = Selectable<CampaignTable>
export type CandidateRow = Selectable<CampaignCandidateTable>
export type BallotRow = Selectable<CampaignBallotTable>
