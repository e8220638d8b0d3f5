/**
 * Outdoor-worker stations (户外劳动者服务站点): directory, nearest-open search from an in-memory
 * index, map clusters, QR check-in occupancy, roll-ups, imports and open-data exports.
 * Owns tables: station, station_check_in, station_shift, station_shift_feed.
 */
export { stationsRoutes, publicStationsRoutes } from './stations.routes'
/** My shifts and my calendar feed URL (/api/v1/my/shifts), the feeds (/api/v1/public/shift-feeds). */
export { myShiftsRoutes, publicShiftFeedRoutes } from './roster/roster.routes'
export { createShift } from './roster/roster.service'
export { stationsMigrations } from './migrations'
export type { StationsDeps } from './stations.deps'
export { createStation, importStations } from './stations.service'
export { checkIn } from './public.service'
/** The door poster's check-in code (the demo's seeded visits scan it too). */
export { checkInCode } from './check-in-code'
/** The national public-holiday calendar: years added at start-up, and the operators' warning. */
export { addCnHolidayYears, holidayCalendarWarning } from './domain/cn-holidays'
export { readHolidayFile } from './domain/holiday-file'
/** Id, name, status and org of stations, for modules that refer to one (wishes). */
export { findStationRefs } from './stations.repository'
/** The uploads station rows refer to, for the orphan upload collector (app.ts registers it). */
export { listStationUploadIds } from './stations.repository'
