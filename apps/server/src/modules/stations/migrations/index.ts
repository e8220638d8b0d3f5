import * as createTables from './20261129T1700_stations_create_tables'

export const stationsMigrations = {
  '20261129T1700_stations_create_tables': createTables,
}
