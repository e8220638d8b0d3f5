import { AppError } from '../../../platform/errors/app-error'

/**
 * Coordinate systems of Chinese web maps, so a station can be stored once and shown on any
 * tile layer.
 *
 * - WGS-84: GPS and the storage format of `station` (lat/lng in degrees).
 * - GCJ-02 ("Mars coordinates"): required by law for maps published in mainland China; used by
 *   Amap (高德) and Tencent (腾讯). WGS-84 → GCJ-02 is the published obfuscation algorithm
 *   (Krasovsky-ellipsoid constants a = 6378245, ee = 0.00669342162296594323, as in the
 *   widely used open implementations such as eviltransform and coordtransform).
 * - BD-09: Baidu's extra rotation on top of GCJ-02.
 *
 * Decisions:
 * - GCJ-02 → WGS-84 has no closed form. We invert by fixed-point iteration on the forward
 *   function (start at the input, step by the residual) until the residual is below 1e-9°
 *   (far below the required 1e-6° ≈ 0.1 m; it converges in 2–4 steps because the shift is
 *   nearly constant over a few hundred metres). BD-09 → GCJ-02 uses the usual approximate
 *   inverse, refined the same way, so a round trip is exact to well under a centimetre.
 * - "Outside mainland China" is the rectangle the reference implementations use
 *   (lng 72.004–137.8347, lat 0.8293–55.8271); there GCJ-02 equals WGS-84. It is a rectangle,
 *   not the border: points of neighbouring countries inside it are shifted too (real maps do not
 *   shift them). Stations are a mainland-China service, so we accept that. Within about a
 *   kilometre of the rectangle's edge the forward function jumps (shifted inside, identity
 *   outside), so the inverse there may stop after its step limit with a residual up to that
 *   jump; no station lies there (the edges run through sea, desert and Siberia).
 * - BD-09 ⇄ GCJ-02 is applied everywhere (Baidu's own formula has no region test).
 * - Bad input (non-finite numbers, lat outside −90..90, lng outside −180..180) throws
 *   `CoordinateError`, an AppError with code VALIDATION_FAILED and status 400, so a route can
 *   let it through and the client gets a 400 with the offending field paths.
 */

export type LatLng = { lat: number; lng: number }

export type CoordSystem = 'wgs84' | 'gcj02' | 'bd09'

export const COORD_SYSTEMS: readonly CoordSystem[] = ['wgs84', 'gcj02', 'bd09']

export type CoordinateIssue = { path: string; message: string }

/** Invalid coordinates. An AppError (400 VALIDATION_FAILED) whose details list each field. */
export class CoordinateError extends AppError {
  constructor(readonly issues: CoordinateIssue[]) {
    super('VALIDATION_FAILED', 400, issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues)
    this.name = 'CoordinateError'
  }
}

/** The problems with a coordinate pair (empty when valid). `prefix` names the fields. */
export const coordinateIssues = (lat: unknown, lng: unknown, prefix = ''): CoordinateIssue[] => {
  const issues: CoordinateIssue[] = []
  if (typeof lat !== 'number' || !Number.isFinite(lat)) {
    issues.push({ path: `${prefix}lat`, message: 'must be a finite number' })
  } else if (lat < -90 || lat > 90) {
    issues.push({ path: `${prefix}lat`, message: 'must be between -90 and 90' })
  }
  if (typeof lng !== 'number' || !Number.isFinite(lng)) {
    issues.push({ path: `${prefix}lng`, message: 'must be a finite number' })
  } else if (lng < -180 || lng > 180) {
    issues.push({ path: `${prefix}lng`, message: 'must be between -180 and 180' })
  }
  return issues
}

/** Throws CoordinateError unless lat/lng are finite and in range. */
/**
 * Seven decimals of a degree, about 1 cm: the precision every stored point has and every
 * answer uses (cluster centroids, converted points).
 */
export const round7 = (v: number) => Math.round(v * 1e7) / 1e7

export const assertLatLng = (lat: unknown, lng: unknown, prefix = ''): void => {
  const issues = coordinateIssues(lat, lng, prefix)
  if (issues.length > 0) throw new CoordinateError(issues)
}

// ---- GCJ-02 (the published algorithm) ----

const A = 6378245.0
// 0.00669342162296594323 in the reference code; this is the same double.
const EE = 0.006693421622965943
const PI = Math.PI
const X_PI = (PI * 3000.0) / 180.0

/** Whether GCJ-02 applies at this point (the reference rectangle, see the header). */
export const isInChinaBox = (lat: number, lng: number): boolean =>
  lng > 72.004 && lng < 137.8347 && lat > 0.8293 && lat < 55.8271

const transformLat = (x: number, y: number) => {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
  ret += ((20.0 * Math.sin(6.0 * x * PI) + 20.0 * Math.sin(2.0 * x * PI)) * 2.0) / 3.0
  ret += ((20.0 * Math.sin(y * PI) + 40.0 * Math.sin((y / 3.0) * PI)) * 2.0) / 3.0
  ret += ((160.0 * Math.sin((y / 12.0) * PI) + 320 * Math.sin((y * PI) / 30.0)) * 2.0) / 3.0
  return ret
}

const transformLng = (x: number, y: number) => {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
  ret += ((20.0 * Math.sin(6.0 * x * PI) + 20.0 * Math.sin(2.0 * x * PI)) * 2.0) / 3.0
  ret += ((20.0 * Math.sin(x * PI) + 40.0 * Math.sin((x / 3.0) * PI)) * 2.0) / 3.0
  ret += ((150.0 * Math.sin((x / 12.0) * PI) + 300.0 * Math.sin((x / 30.0) * PI)) * 2.0) / 3.0
  return ret
}

/** The forward GCJ-02 shift, without validation (callers validate once). */
const wgsToGcjRaw = (lat: number, lng: number): LatLng => {
  if (!isInChinaBox(lat, lng)) return { lat, lng }
  let dLat = transformLat(lng - 105.0, lat - 35.0)
  let dLng = transformLng(lng - 105.0, lat - 35.0)
  const radLat = (lat / 180.0) * PI
  let magic = Math.sin(radLat)
  magic = 1 - EE * magic * magic
  const sqrtMagic = Math.sqrt(magic)
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * PI)
  dLng = (dLng * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * PI)
  return { lat: lat + dLat, lng: lng + dLng }
}

const gcjToBdRaw = (lat: number, lng: number): LatLng => {
  const z = Math.sqrt(lng * lng + lat * lat) + 0.00002 * Math.sin(lat * X_PI)
  const theta = Math.atan2(lat, lng) + 0.000003 * Math.cos(lng * X_PI)
  return { lat: z * Math.sin(theta) + 0.006, lng: z * Math.cos(theta) + 0.0065 }
}

/** Baidu's closed-form approximate inverse (error of the order of 1e-6°). */
const bdToGcjApprox = (lat: number, lng: number): LatLng => {
  const x = lng - 0.0065
  const y = lat - 0.006
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI)
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI)
  return { lat: z * Math.sin(theta), lng: z * Math.cos(theta) }
}

/** Residual below which an inversion stops: 1e-9° ≈ 0.1 mm. */
const INVERSE_TOLERANCE_DEG = 1e-9
const INVERSE_MAX_STEPS = 30

/**
 * Solves forward(p) = target for p by fixed-point iteration p ← p − (forward(p) − target).
 * It converges because both shifts are nearly constant near a point (derivative ≈ identity).
 */
const invert = (
  forward: (lat: number, lng: number) => LatLng,
  target: LatLng,
  start: LatLng,
): LatLng => {
  let lat = start.lat
  let lng = start.lng
  for (let step = 0; step < INVERSE_MAX_STEPS; step++) {
    const f = forward(lat, lng)
    const eLat = f.lat - target.lat
    const eLng = f.lng - target.lng
    if (Math.abs(eLat) < INVERSE_TOLERANCE_DEG && Math.abs(eLng) < INVERSE_TOLERANCE_DEG) break
    lat -= eLat
    lng -= eLng
  }
  return { lat, lng }
}

// ---- public conversions (validated) ----

export const wgs84ToGcj02 = (lat: number, lng: number): LatLng => {
  assertLatLng(lat, lng)
  return wgsToGcjRaw(lat, lng)
}

export const gcj02ToWgs84 = (lat: number, lng: number): LatLng => {
  assertLatLng(lat, lng)
  if (!isInChinaBox(lat, lng)) return { lat, lng }
  return invert(wgsToGcjRaw, { lat, lng }, { lat, lng })
}

export const gcj02ToBd09 = (lat: number, lng: number): LatLng => {
  assertLatLng(lat, lng)
  return gcjToBdRaw(lat, lng)
}

export const bd09ToGcj02 = (lat: number, lng: number): LatLng => {
  assertLatLng(lat, lng)
  return invert(gcjToBdRaw, { lat, lng }, bdToGcjApprox(lat, lng))
}

export const wgs84ToBd09 = (lat: number, lng: number): LatLng => {
  const gcj = wgs84ToGcj02(lat, lng)
  return gcjToBdRaw(gcj.lat, gcj.lng)
}

export const bd09ToWgs84 = (lat: number, lng: number): LatLng => {
  const gcj = bd09ToGcj02(lat, lng)
  return gcj02ToWgs84(gcj.lat, gcj.lng)
}

/** Converts a point from any supported system to any other (identity when they match). */
export const convertCoords = (point: LatLng, from: CoordSystem, to: CoordSystem): LatLng => {
  assertLatLng(point.lat, point.lng)
  if (from === to) return { lat: point.lat, lng: point.lng }
  const wgs =
    from === 'wgs84'
      ? point
      : from === 'gcj02'
        ? gcj02ToWgs84(point.lat, point.lng)
        : bd09ToWgs84(point.lat, point.lng)
  if (to === 'wgs84') return { lat: wgs.lat, lng: wgs.lng }
  return to === 'gcj02' ? wgs84ToGcj02(wgs.lat, wgs.lng) : wgs84ToBd09(wgs.lat, wgs.lng)
}

/** Storage is WGS-84: what an input point in `from` is stored as. */
export const toStorage = (point: LatLng, from: CoordSystem): LatLng =>
  convertCoords(point, from, 'wgs84')

// ---- distance ----

/** Mean Earth radius (IUGG), metres. */
export const EARTH_RADIUS_M = 6_371_008.8

const RAD = PI / 180

/** Great-circle (haversine) distance in metres between two WGS-84 points. */
export const haversineM = (lat1: number, lng1: number, lat2: number, lng2: number): number => {
  const sLat = Math.sin(((lat2 - lat1) * RAD) / 2)
  const sLng = Math.sin(((lng2 - lng1) * RAD) / 2)
  const h = sLat * sLat + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * sLng * sLng
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}
