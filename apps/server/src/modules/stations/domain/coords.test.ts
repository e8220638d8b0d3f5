import { describe, expect, it } from 'vitest'
import {
  CoordinateError,
  assertLatLng,
  bd09ToGcj02,
  bd09ToWgs84,
  convertCoords,
  coordinateIssues,
  gcj02ToBd09,
  gcj02ToWgs84,
  haversineM,
  isInChinaBox,
  toStorage,
  wgs84ToBd09,
  wgs84ToGcj02,
} from './coords'
import { mulberry32 } from './stations.fixtures.test-helpers'

// Reference values computed with an independent Python transcription of the published
// algorithm (a = 6378245, ee = 0.00669342162296594323). The first pair also equals the
// example printed in wandergis/coordtransform's test/app.js, a widely used implementation.
describe('reference points', () => {
  it('matches the coordtransform example (116.404, 39.915)', () => {
    const gcj = wgs84ToGcj02(39.915, 116.404)
    expect(gcj.lng).toBeCloseTo(116.41024449916938, 10)
    expect(gcj.lat).toBeCloseTo(39.91640428150164, 10)
    const bd = gcj02ToBd09(39.915, 116.404)
    expect(bd.lng).toBeCloseTo(116.41036949371029, 10)
    expect(bd.lat).toBeCloseTo(39.92133699351021, 10)
  })

  it('天安门 (WGS-84 39.908722, 116.397499)', () => {
    const gcj = wgs84ToGcj02(39.908722, 116.397499)
    expect(gcj.lat).toBeCloseTo(39.9101255, 7)
    expect(gcj.lng).toBeCloseTo(116.403742575, 7)
    const bd = wgs84ToBd09(39.908722, 116.397499)
    expect(bd.lat).toBeCloseTo(39.916464747, 7)
    expect(bd.lng).toBeCloseTo(116.410115569, 7)
  })

  it('深圳龙岗 (WGS-84 22.7209, 114.2467)', () => {
    const gcj = wgs84ToGcj02(22.7209, 114.2467)
    expect(gcj.lat).toBeCloseTo(22.718066484, 7)
    expect(gcj.lng).toBeCloseTo(114.251536328, 7)
    const bd = wgs84ToBd09(22.7209, 114.2467)
    expect(bd.lat).toBeCloseTo(22.724352145, 7)
    expect(bd.lng).toBeCloseTo(114.257998125, 7)
  })

  it('inverts the reference points back to WGS-84 within 1e-6°', () => {
    const w = gcj02ToWgs84(39.9101255, 116.403742575)
    expect(Math.abs(w.lat - 39.908722)).toBeLessThan(1e-6)
    expect(Math.abs(w.lng - 116.397499)).toBeLessThan(1e-6)
    const w2 = bd09ToWgs84(22.724352145, 114.257998125)
    expect(Math.abs(w2.lat - 22.7209)).toBeLessThan(1e-6)
    expect(Math.abs(w2.lng - 114.2467)).toBeLessThan(1e-6)
  })

  it('the GCJ-02 shift in China is hundreds of metres (the conversion is not a no-op)', () => {
    const gcj = wgs84ToGcj02(22.7209, 114.2467)
    const d = haversineM(22.7209, 114.2467, gcj.lat, gcj.lng)
    expect(d).toBeGreaterThan(100)
    expect(d).toBeLessThan(1000)
  })
})

describe('round trips over random points in China', () => {
  const rnd = mulberry32(20261129)
  // Mainland-ish box (south of Hainan to Heilongjiang, Xinjiang to the coast).
  const points = Array.from({ length: 5000 }, () => ({
    lat: 18 + rnd() * 35,
    lng: 74 + rnd() * 60,
  }))

  it('WGS-84 → GCJ-02 → WGS-84 stays within 0.5 m (and within 1e-6°)', () => {
    let worst = 0
    for (const p of points) {
      const g = wgs84ToGcj02(p.lat, p.lng)
      const back = gcj02ToWgs84(g.lat, g.lng)
      worst = Math.max(worst, haversineM(p.lat, p.lng, back.lat, back.lng))
      expect(Math.abs(back.lat - p.lat)).toBeLessThan(1e-6)
      expect(Math.abs(back.lng - p.lng)).toBeLessThan(1e-6)
    }
    expect(worst).toBeLessThan(0.5)
  })

  it('WGS-84 → BD-09 → WGS-84 and GCJ-02 → BD-09 → GCJ-02 stay within 0.5 m', () => {
    let worst = 0
    for (const p of points) {
      const b = wgs84ToBd09(p.lat, p.lng)
      const back = bd09ToWgs84(b.lat, b.lng)
      worst = Math.max(worst, haversineM(p.lat, p.lng, back.lat, back.lng))
      const b2 = gcj02ToBd09(p.lat, p.lng)
      const back2 = bd09ToGcj02(b2.lat, b2.lng)
      worst = Math.max(worst, haversineM(p.lat, p.lng, back2.lat, back2.lng))
    }
    expect(worst).toBeLessThan(0.5)
  })

  it('convertCoords agrees with the direct functions for every pair of systems', () => {
    const systems = ['wgs84', 'gcj02', 'bd09'] as const
    for (const p of points.slice(0, 200)) {
      for (const from of systems) {
        for (const to of systems) {
          const there = convertCoords(p, from, to)
          const back = convertCoords(there, to, from)
          expect(haversineM(p.lat, p.lng, back.lat, back.lng)).toBeLessThan(0.5)
        }
      }
      expect(toStorage(wgs84ToGcj02(p.lat, p.lng), 'gcj02').lat).toBeCloseTo(p.lat, 6)
      expect(convertCoords(p, 'wgs84', 'bd09')).toEqual(wgs84ToBd09(p.lat, p.lng))
    }
  })
})

describe('outside mainland China', () => {
  it('GCJ-02 equals WGS-84 (London, Sydney, New York, the poles, the antimeridian)', () => {
    const outside = [
      { lat: 51.5007, lng: -0.1246 },
      { lat: -33.8568, lng: 151.2153 },
      { lat: 40.6892, lng: -74.0445 },
      { lat: 90, lng: 0 },
      { lat: -90, lng: 180 },
      { lat: 0, lng: -180 },
      { lat: 60, lng: 100 }, // north of the box
      { lat: 30, lng: 70 }, // west of the box
    ]
    for (const p of outside) {
      expect(isInChinaBox(p.lat, p.lng)).toBe(false)
      expect(wgs84ToGcj02(p.lat, p.lng)).toEqual(p)
      expect(gcj02ToWgs84(p.lat, p.lng)).toEqual(p)
      expect(convertCoords(p, 'gcj02', 'wgs84')).toEqual(p)
    }
  })
})

describe('bad input', () => {
  it('rejects non-finite numbers and out-of-range values with a typed 400 error', () => {
    const bad: Array<[number, number, string]> = [
      [Number.NaN, 116, 'lat'],
      [39, Number.POSITIVE_INFINITY, 'lng'],
      [90.0001, 116, 'lat'],
      [-91, 116, 'lat'],
      [39, 180.5, 'lng'],
      [39, -181, 'lng'],
    ]
    for (const [lat, lng, field] of bad) {
      for (const fn of [wgs84ToGcj02, gcj02ToWgs84, gcj02ToBd09, bd09ToGcj02, bd09ToWgs84]) {
        let caught: unknown
        try {
          fn(lat, lng)
        } catch (e) {
          caught = e
        }
        expect(caught).toBeInstanceOf(CoordinateError)
        const err = caught as CoordinateError
        expect(err.code).toBe('VALIDATION_FAILED')
        expect(err.statusCode).toBe(400)
        expect(err.issues.map((i) => i.path)).toEqual([field])
      }
    }
  })

  it('reports every bad field, with a prefix, and rejects non-numbers', () => {
    expect(coordinateIssues('39', null, 'body.')).toEqual([
      { path: 'body.lat', message: 'must be a finite number' },
      { path: 'body.lng', message: 'must be a finite number' },
    ])
    expect(() => convertCoords({ lat: 100, lng: 200 }, 'wgs84', 'wgs84')).toThrow(CoordinateError)
    expect(() => assertLatLng(90, -180)).not.toThrow()
    expect(coordinateIssues(-90, 180)).toEqual([])
  })
})

describe('haversine', () => {
  it('gives known distances', () => {
    // One degree of latitude on the mean sphere.
    expect(haversineM(0, 0, 1, 0)).toBeCloseTo(111_195.08, 1)
    // Beijing Tiananmen to Shenzhen Longgang, about 1,950 km.
    const d = haversineM(39.908722, 116.397499, 22.7209, 114.2467)
    expect(d).toBeGreaterThan(1_900_000)
    expect(d).toBeLessThan(1_950_000)
    // Across the antimeridian the short way round.
    expect(haversineM(0, 179.9, 0, -179.9)).toBeCloseTo(haversineM(0, 0, 0, 0.2), 6)
  })
})
