import * as createTables from './20261129T1200_campaigns_create_tables'
import * as voteTotals from './20261130T0900_campaigns_vote_totals'

export const campaignsMigrations = {
  '20261129T1200_campaigns_create_tables': createTables,
  '20261130T0900_campaigns_vote_totals': voteTotals,
}
