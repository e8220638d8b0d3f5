import {
  ClusterResultSchema,
  type CreateStationBody,
  HolidayCalendarReachSchema,
  StationCheckInCodeSchema,
  StationContactSchema,
  StationImportResultSchema,
  StationPageSchema,
  StationSchema,
  StationStatsSchema,
  type UpdateStationBody,
} from '@unionhall/contracts'
import { z } from 'zod'
import { apiDownload, apiRequest } from '../../../lib/api-client'
import { isApiError } from '../../../lib/api-error'

const base = (id: string) => `/stations/${id}`

export type StationListQuery = {
  page: number
  pageSize: number
  q?: string
  orgId?: string
  kind?: string
  status?: string
  /** Comma-separated amenity codes every station must offer. */
  amenities?: string
}

export const listStations = (query: StationListQuery, signal?: AbortSignal) =>
  apiRequest('/stations', { query, schema: StationPageSchema, signal })

export const getStation = (id: string, signal?: AbortSignal) =>
  apiRequest(base(id), { schema: StationSchema, signal })

export const createStation = (body: CreateStationBody) =>
  apiRequest('/stations', { method: 'POST', body, schema: StationSchema })

export const updateStation = ({ id, body }: { id: string; body: UpdateStationBody }) =>
  apiRequest(base(id), { method: 'PATCH', body, schema: StationSchema })

export const closeStation = ({ id, reason }: { id: string; reason: string }) =>
  apiRequest(`${base(id)}/close`, { method: 'POST', body: { reason }, schema: StationSchema })

export const reopenStation = (id: string) =>
  apiRequest(`${base(id)}/reopen`, { method: 'POST', schema: StationSchema })

/** The unmasked contact: an audited read, so only on an explicit click. */
export const getStationContact = (id: string) =>
  apiRequest(`${base(id)}/contact`, { schema: StationContactSchema })

/** The code in the door poster's QR link (station:manage). */
export const getStationCheckInCode = (id: string, signal?: AbortSignal) =>
  apiRequest(`${base(id)}/check-in-code`, { schema: StationCheckInCodeSchema, signal })

/** A new code: every poster printed before stops checking phones in. */
export const rotateStationCheckInCode = (id: string) =>
  apiRequest(`${base(id)}/check-in-code/rotate`, {
    method: 'POST',
    schema: StationCheckInCodeSchema,
  })

/** Where the national holiday calendar ends (for the schedule editor's note). */
export const getHolidayCalendarReach = (signal?: AbortSignal) =>
  apiRequest('/stations/holiday-calendar', { schema: HolidayCalendarReachSchema, signal })

export const getStationStats = (orgId: string | undefined, signal?: AbortSignal) =>
  apiRequest('/stations/stats', { query: { orgId }, schema: StationStatsSchema, signal })

export type ClusterBox = {
  west: number
  south: number
  east: number
  north: number
  zoom: number
  coordSystem?: string
  /** Only this org's subtree (the overview map of one org). */
  orgId?: string
}

export const getStationClusters = (box: ClusterBox, signal?: AbortSignal) =>
  apiRequest('/public/stations/clusters', { query: box, schema: ClusterResultSchema, signal })

/** The map part of the public config (tile layer and the coordinate system it draws in). */
export const MapConfigSchema = z.object({
  tileUrl: z.string(),
  attribution: z.string(),
  coordSystem: z.enum(['wgs84', 'gcj02', 'bd09']),
  subdomains: z.union([z.string(), z.array(z.string())]).optional(),
})
export type MapConfig = z.infer<typeof MapConfigSchema>

const PublicConfigMapSchema = z.object({ map: MapConfigSchema.optional() }).passthrough()

/** The map part of GET /config/public (`publicConfigQuery`); null when it names no tile layer. */
export const mapConfigOf = (config: unknown): MapConfig | null => {
  const parsed = PublicConfigMapSchema.safeParse(config)
  return parsed.success ? (parsed.data.map ?? null) : null
}

// ---- files ----

export type ExportFormat = 'xlsx' | 'hsds' | 'geojson'

const EXPORTS: Record<ExportFormat, { path: string; name: string }> = {
  xlsx: { path: '/stations/export.xlsx', name: 'stations.xlsx' },
  hsds: { path: '/stations/export/hsds', name: 'stations-hsds.json' },
  geojson: { path: '/stations/export/geojson', name: 'stations.geojson' },
}

export const exportStations = (format: ExportFormat, orgId: string | undefined) =>
  apiDownload(EXPORTS[format].path, { orgId }, EXPORTS[format].name)

export const downloadStationImportTemplate = () =>
  apiDownload('/stations/import-template.xlsx', {}, 'station-import-template.xlsx')

export type StationImportResult = z.infer<typeof StationImportResultSchema>

/** Whether an upload is an HSDS dataset (.json) rather than a sheet (.xlsx, .csv). */
export const isHsdsFile = (file: File) => /\.json$/i.test(file.name)

/**
 * Uploads an .xlsx of stations, or an HSDS .json dataset. The import is all or nothing: a
 * refused file comes back either as a result with row errors or as a 4xx whose details carry
 * the same result (or a row list: an HSDS file that breaks the schema).
 */
export const importStations = async (file: File): Promise<StationImportResult> => {
  const formData = new FormData()
  formData.append('file', file)
  try {
    return await apiRequest(isHsdsFile(file) ? '/stations/import/hsds' : '/stations/import', {
      method: 'POST',
      formData,
      schema: StationImportResultSchema,
    })
  } catch (e) {
    if (isApiError(e)) {
      const asResult = StationImportResultSchema.safeParse(e.details)
      if (asResult.success) return asResult.data
      const asRows = StationImportResultSchema.shape.errors.safeParse(e.details)
      if (asRows.success && asRows.data.length > 0)
        return { created: 0, updated: 0, errors: asRows.data }
    }
    throw e
  }
}
