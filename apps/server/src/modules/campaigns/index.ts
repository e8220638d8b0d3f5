/**
 * Recognition campaigns (评选): set-up and phases, open nomination, review, candidates and
 * publicity, voting with group-committed ballots and anti-fraud, jury, results and honours.
 * Owns tables: campaign, campaign_category, campaign_nomination, campaign_nomination_support,
 * campaign_candidate, campaign_objection, campaign_ballot, campaign_tally, campaign_tally_daily,
 * campaign_turnout, campaign_vote_totals, campaign_voter_mobile, campaign_juror,
 * campaign_jury_score, campaign_honour.
 */
export { campaignsRoutes, publicCampaignsRoutes } from './campaigns.routes'
export { campaignsMigrations } from './migrations'
export { advanceDuePhases, createCampaign, advancePhase } from './setup/setup.service'
// Candidates for the ballot engine and results; set a vote reader to show live counts.
export {
  getCandidatesByIds,
  listActiveCandidates,
  onCandidatesChanged,
  setCandidateVoteReader,
  type CandidateRecord,
  type CandidateVoteReader,
} from './nominations/candidates.service'
export type { CampaignsDeps } from './campaigns.deps'
/** The uploads campaign rows refer to, for the orphan upload collector (app.ts registers it). */
export { listCampaignUploadIds } from './shared/campaigns.repository'
export { addJuror, submitScore } from './results/jury.service'
export { announce, putForward } from './results/results.service'
// Until the nominations and ballot services land, demo data and tests load candidates and ballots here.
export { loadBallots, loadCandidates } from './results/fixtures.service'
