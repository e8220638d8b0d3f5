import type { CoordSystemValue } from '@unionhall/contracts'

/**
 * Forward conversions only, for two browser-side needs: a GPS fix (WGS-84) has to be shown on
 * a tile layer in GCJ-02 or BD-09, and Amap's walking link wants GCJ-02 ("gaode") or WGS-84.
 * Everything else is converted by the server (pass coordSystem). The GCJ-02 shift is the
 * published obfuscation formula (Krasovsky ellipsoid); outside its China rectangle it is the
 * identity, as on the server.
 */
export type LatLng = { lat: number; lng: number }

const A = 6378245.0
const EE = 0.006693421622965943
const PI = Math.PI
const X_PI = (PI * 3000.0) / 180.0

const inChinaBox = (lat: number, lng: number) =>
  lng > 72.004 && lng < 137.8347 && lat > 0.8293 && lat < 55.8271

const shiftLat = (x: number, y: number) =>
  -100 +
  2 * x +
  3 * y +
  0.2 * y * y +
  0.1 * x * y +
  0.2 * Math.sqrt(Math.abs(x)) +
  ((20 * Math.sin(6 * x * PI) + 20 * Math.sin(2 * x * PI)) * 2) / 3 +
  ((20 * Math.sin(y * PI) + 40 * Math.sin((y / 3) * PI)) * 2) / 3 +
  ((160 * Math.sin((y / 12) * PI) + 320 * Math.sin((y * PI) / 30)) * 2) / 3

const shiftLng = (x: number, y: number) =>
  300 +
  x +
  2 * y +
  0.1 * x * x +
  0.1 * x * y +
  0.1 * Math.sqrt(Math.abs(x)) +
  ((20 * Math.sin(6 * x * PI) + 20 * Math.sin(2 * x * PI)) * 2) / 3 +
  ((20 * Math.sin(x * PI) + 40 * Math.sin((x / 3) * PI)) * 2) / 3 +
  ((150 * Math.sin((x / 12) * PI) + 300 * Math.sin((x / 30) * PI)) * 2) / 3

export const wgs84ToGcj02 = ({ lat, lng }: LatLng): LatLng => {
  if (!inChinaBox(lat, lng)) return { lat, lng }
  const radLat = (lat / 180) * PI
  const s = Math.sin(radLat)
  const magic = 1 - EE * s * s
  const sqrtMagic = Math.sqrt(magic)
  const dLat = (shiftLat(lng - 105, lat - 35) * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * PI)
  const dLng = (shiftLng(lng - 105, lat - 35) * 180) / ((A / sqrtMagic) * Math.cos(radLat) * PI)
  return { lat: lat + dLat, lng: lng + dLng }
}

export const gcj02ToBd09 = ({ lat, lng }: LatLng): LatLng => {
  const z = Math.sqrt(lng * lng + lat * lat) + 0.00002 * Math.sin(lat * X_PI)
  const theta = Math.atan2(lat, lng) + 0.000003 * Math.cos(lng * X_PI)
  return { lat: z * Math.sin(theta) + 0.006, lng: z * Math.cos(theta) + 0.0065 }
}

/** Baidu's closed-form inverse; its error (about 1e-6°, 0.1 m) does not matter for a link. */
export const bd09ToGcj02 = ({ lat, lng }: LatLng): LatLng => {
  const x = lng - 0.0065
  const y = lat - 0.006
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI)
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI)
  return { lat: z * Math.sin(theta), lng: z * Math.cos(theta) }
}

/** A GPS fix (WGS-84) in the tile layer's system. */
export const fromWgs84 = (p: LatLng, to: CoordSystemValue): LatLng =>
  to === 'wgs84' ? p : to === 'gcj02' ? wgs84ToGcj02(p) : gcj02ToBd09(wgs84ToGcj02(p))
