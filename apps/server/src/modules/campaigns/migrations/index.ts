import * as createTables from './20261129T1200_campaigns_create_tables'
import * as voteTotals from './20261130T0900_campaigns_vote_totals'
import * as ballotVoterSideIndex from './20261130T0930_campaigns_ballot_voter_side_index'
import * as voterMobileFirstSeen from './20261129T1945_campaigns_voter_mobile_first_seen'
import * as jurorMemberIndex from './20261130T1437_campaigns_juror_member_index'
import * as nominationDedupeConsentSms from './20261129T1352_campaigns_nomination_dedupe_consent_sms'

export const campaignsMigrations = {
  '20261129T1200_campaigns_create_tables': createTables,
  '20261130T0900_campaigns_vote_totals': voteTotals,
  '20261130T0930_campaigns_ballot_voter_side_index': ballotVoterSideIndex,
  '20261129T1352_campaigns_nomination_dedupe_consent_sms': nominationDedupeConsentSms,
  '20261129T1945_campaigns_voter_mobile_first_seen': voterMobileFirstSeen,
  '20261130T1437_campaigns_juror_member_index': jurorMemberIndex,
}
