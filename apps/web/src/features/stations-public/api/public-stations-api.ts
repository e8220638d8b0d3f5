import {
  CheckInResultSchema,
  CheckOutResultSchema,
  ClusterResultSchema,
  CoordSystemSchema,
  NearestResultSchema,
  PlaceResultSchema,
  PublicStationSchema,
  type AmenityCodeValue,
  type CoordSystemValue,
} from '@unionhall/contracts'
import { z } from 'zod'
import { apiRequest } from '../../../lib/api-client'

/** The worker-facing stations API (/api/v1/public/stations): no account needed. */
const base = '/public/stations'
const one = (id: string) => `${base}/${encodeURIComponent(id)}`

export const publicStationKeys = {
  all: ['stations-public'] as const,
  nearest: (q: NearestParams | null) => ['stations-public', 'nearest', q] as const,
  clusters: (q: ClusterParams) => ['stations-public', 'clusters', q] as const,
  places: (q: string, coordSystem: CoordSystemValue) =>
    ['stations-public', 'places', q, coordSystem] as const,
  station: (id: string, coordSystem: CoordSystemValue) =>
    ['stations-public', 'station', id, coordSystem] as const,
}

export type MapConfig = {
  tileUrl: string
  attribution: string
  coordSystem: CoordSystemValue
  subdomains: string | string[]
}

/** Used until the server names a tile layer (and when it names none). */
export const DEFAULT_MAP: MapConfig = {
  tileUrl: 'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution: '&copy; OpenStreetMap contributors',
  coordSystem: 'wgs84',
  subdomains: 'abc',
}

// Lenient on purpose: /config belongs to the platform and may grow; only `map` matters here.
const ConfigSchema = z.object({
  map: z
    .object({
      tileUrl: z.string().min(1),
      attribution: z.string().default(''),
      coordSystem: CoordSystemSchema.default('wgs84'),
      subdomains: z.union([z.string(), z.array(z.string())]).nullish(),
    })
    .nullish(),
})

/** The tile layer of the public config (GET /config/public, `publicConfigQuery`). */
export const mapConfigOf = (data: unknown): MapConfig => {
  const parsed = ConfigSchema.safeParse(data)
  const map = parsed.success ? parsed.data.map : null
  if (!map) return DEFAULT_MAP
  return {
    tileUrl: map.tileUrl,
    attribution: map.attribution,
    coordSystem: map.coordSystem,
    subdomains: map.subdomains ?? DEFAULT_MAP.subdomains,
  }
}

export type NearestParams = {
  lat: number
  lng: number
  coordSystem: CoordSystemValue
  k: number
  openNow: boolean
  amenities: AmenityCodeValue[]
  q: string
}

export const getNearest = (p: NearestParams, signal?: AbortSignal) =>
  apiRequest(`${base}/nearest`, {
    query: {
      // Six decimals are about 0.1 m: enough, and the query key stays short.
      lat: Number(p.lat.toFixed(6)),
      lng: Number(p.lng.toFixed(6)),
      coordSystem: p.coordSystem,
      k: p.k,
      openNow: p.openNow ? 'true' : undefined,
      amenities: p.amenities.length ? p.amenities.join(',') : undefined,
      q: p.q.trim() || undefined,
    },
    schema: NearestResultSchema,
    signal,
  })

/** Places named in the stations' addresses ("坂田", "人民路"), to search around. */
export const getPlaces = (q: string, coordSystem: CoordSystemValue, signal?: AbortSignal) =>
  apiRequest(`${base}/places`, { query: { q, coordSystem }, schema: PlaceResultSchema, signal })

export type ClusterParams = {
  west: number
  south: number
  east: number
  north: number
  zoom: number
  coordSystem: CoordSystemValue
}

export const getClusters = (p: ClusterParams, signal?: AbortSignal) =>
  apiRequest(`${base}/clusters`, {
    query: {
      west: p.west,
      south: p.south,
      east: p.east,
      north: p.north,
      zoom: p.zoom,
      // WGS-84 is the server's default: leave it out so the plain query stays valid.
      coordSystem: p.coordSystem === 'wgs84' ? undefined : p.coordSystem,
    },
    schema: ClusterResultSchema,
    signal,
  })

export const getStation = (id: string, coordSystem: CoordSystemValue, signal?: AbortSignal) =>
  apiRequest(one(id), { query: { coordSystem }, schema: PublicStationSchema, signal })

/** `code` is the door poster's, from the QR link (`?c=`): without it the server refuses. */
export const checkIn = (id: string, deviceId: string, code: string) =>
  apiRequest(`${one(id)}/check-ins`, {
    method: 'POST',
    body: { deviceId, code },
    schema: CheckInResultSchema,
  })

export const checkOut = (id: string, deviceId: string) =>
  apiRequest(`${one(id)}/check-out`, {
    method: 'POST',
    body: { deviceId },
    schema: CheckOutResultSchema,
  })
