import { AppError } from '../../../platform/errors/app-error'

/** Error codes of station imports and exports (STATION_IMPORT_*, STATION_HSDS_*). */
export const openDataErrors = {
  headerInvalid: (missing: string[]) =>
    new AppError(
      'STATION_IMPORT_HEADER_INVALID',
      400,
      `The first row must name the columns ${missing.join(', ')} (download the template)`,
      { missing },
    ),
  tooLarge: (rows: number, max: number) =>
    new AppError(
      'STATION_IMPORT_TOO_LARGE',
      400,
      `At most ${max} stations per file (this one has ${rows})`,
      {
        rows,
        max,
      },
    ),
  openDataTooLarge: (stations: number, max: number) =>
    new AppError(
      'STATION_OPEN_DATA_TOO_LARGE',
      400,
      `The public download holds at most ${max} stations (this choice has ${stations}); choose an org with orgId`,
      { stations, max },
    ),
  openDataBusy: () =>
    new AppError(
      'STATION_OPEN_DATA_BUSY',
      429,
      'Public downloads are being built for other orgs; try again in a minute',
    ),
  /**
   * Details: each problem as an import row error (location row or 0, JSON path, code, params,
   * Chinese sentence, and the place with the record's name as its column), so the console
   * lists them like a refused sheet's rows.
   */
  hsdsInvalid: (problems: Array<{ row: number; path: string; code: string; message: string }>) =>
    new AppError('STATION_HSDS_INVALID', 400, 'The file is not a valid HSDS 3 dataset', problems),
  hsdsFileUnsupported: () =>
    new AppError(
      'STATION_HSDS_FILE_UNSUPPORTED',
      415,
      'Upload an HSDS dataset as a UTF-8 .json file',
    ),
}
