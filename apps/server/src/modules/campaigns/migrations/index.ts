import * as createTables from './20261129T1200_campaigns_create_tables'

export const campaignsMigrations = {
  '20261129T1200_campaigns_create_tables': createTables,
}
