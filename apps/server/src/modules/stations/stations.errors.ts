import { AppError } from '../../platform/errors/app-error'

/** Error codes of the stations module (STATION_*). */
export const stationErrors = {
  notFound: (id: string) =>
    new AppError('STATION_NOT_FOUND', 404, `Station ${id} not found`, { id }),
  closed: (id: string) => new AppError('STATION_CLOSED', 409, 'The station is closed', { id }),
  notClosed: (id: string) =>
    new AppError('STATION_NOT_CLOSED', 409, 'The station is not closed', { id }),
  notOpenNow: (id: string) =>
    new AppError('STATION_NOT_OPEN_NOW', 409, 'The station is outside its opening hours now', {
      id,
    }),
  full: (capacity: number) =>
    new AppError('STATION_FULL', 409, `The station is full (${capacity} people)`, { capacity }),
  checkInCodeInvalid: () =>
    new AppError(
      'STATION_CHECK_IN_CODE_INVALID',
      403,
      "The check-in code is not this station's current one: scan the QR code on its door",
    ),
  notCheckedIn: () =>
    new AppError('STATION_NOT_CHECKED_IN', 404, 'This device is not checked in here'),
  orgNotFound: (id: string) => new AppError('ORG_NOT_FOUND', 404, `Org ${id} not found`, { id }),
  capacityBelowOccupancy: (occupied: number) =>
    new AppError(
      'STATION_CAPACITY_BELOW_OCCUPANCY',
      409,
      `Capacity cannot be lower than the ${occupied} people checked in now`,
      { occupied },
    ),
}
