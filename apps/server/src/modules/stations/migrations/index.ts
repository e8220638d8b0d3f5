import * as createTables from './20261129T1700_stations_create_tables'
import * as directoryVersion from './20261129T1800_stations_directory_version'
import * as shifts from './20261129T1740_stations_shifts'
import * as overnightFlag from './20261130T1800_stations_overnight_flag'
import * as checkInCode from './20261201T0900_stations_check_in_code'
import * as dutyPhone from './20261202T0205_stations_duty_phone'

export const stationsMigrations = {
  '20261129T1700_stations_create_tables': createTables,
  '20261129T1800_stations_directory_version': directoryVersion,
  '20261129T1740_stations_shifts': shifts,
  '20261130T1800_stations_overnight_flag': overnightFlag,
  '20261201T0900_stations_check_in_code': checkInCode,
  '20261202T0205_stations_duty_phone': dutyPhone,
}
