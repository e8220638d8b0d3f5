import { describe, expect, it } from 'vitest'
import { ALL_AMENITIES_MASK, AMENITIES, amenityMask, hasAmenities } from './amenities'
import { CN_HOLIDAY_YEARS, cnHolidayCalendar } from './cn-holidays'
import { CoordinateError, haversineM } from './coords'
import {
  createStationIndex,
  openWithAmenities,
  type NearestHit,
  type StationFilter,
  type StationPoint,
} from './nearest'
import { isOpenAt, type Schedule } from './schedule'
import { mulberry32, randomSchedule } from './stations.fixtures.test-helpers'

const RAD = Math.PI / 180

/**
 * The brute-force oracle: every station, ranked by the squared chord between unit vectors
 * (monotonic in great-circle distance, and sharing no code with the index's haversine), with
 * the predicate applied to each candidate that would enter the top k.
 */
const makeOracle = <S extends StationPoint>(stations: readonly S[]) => {
  const n = stations.length
  const x = new Float64Array(n)
  const y = new Float64Array(n)
  const z = new Float64Array(n)
  stations.forEach((s, i) => {
    x[i] = Math.cos(s.lat * RAD) * Math.cos(s.lng * RAD)
    y[i] = Math.cos(s.lat * RAD) * Math.sin(s.lng * RAD)
    z[i] = Math.sin(s.lat * RAD)
  })
  const amenities = Int32Array.from(stations, (s) => s.amenities)
  return (lat: number, lng: number, k: number, filter?: StationFilter<S>, required = 0): S[] => {
    const qx = Math.cos(lat * RAD) * Math.cos(lng * RAD)
    const qy = Math.cos(lat * RAD) * Math.sin(lng * RAD)
    const qz = Math.sin(lat * RAD)
    const top: Array<{ c: number; i: number }> = []
    for (let i = 0; i < n; i++) {
      if ((amenities[i]! & required) !== required) continue
      const dx = x[i]! - qx
      const dy = y[i]! - qy
      const dz = z[i]! - qz
      const c = dx * dx + dy * dy + dz * dz
      if (top.length === k && c >= top[k - 1]!.c) continue
      if (filter && !filter(stations[i]!)) continue
      let at = top.length
      top.push({ c, i })
      while (at > 0 && top[at - 1]!.c > c) {
        top[at] = top[at - 1]!
        at--
      }
      top[at] = { c, i }
      if (top.length > k) top.pop()
    }
    return top.map((t) => stations[t.i]!)
  }
}

type TestStation = StationPoint & { n: number }

const CITIES = [
  { lat: 22.72, lng: 114.25 }, // Shenzhen Longgang
  { lat: 39.91, lng: 116.4 }, // Beijing
  { lat: 31.23, lng: 121.47 }, // Shanghai
  { lat: 36.06, lng: 103.83 }, // Lanzhou
  { lat: 30.57, lng: 104.07 }, // Chengdu
  { lat: 43.82, lng: 87.62 }, // Urumqi
  { lat: 45.8, lng: 126.53 }, // Harbin
  { lat: 20.04, lng: 110.35 }, // Haikou
]

/** 90 % of stations around cities (dense), 10 % anywhere in the China box (sparse). */
const randomStations = (rnd: () => number, count: number, scheduleIds: number) =>
  Array.from({ length: count }, (_, n): TestStation => {
    const city = CITIES[Math.floor(rnd() * CITIES.length)]!
    const near = rnd() < 0.9
    const spread = rnd() < 0.5 ? 0.15 : 1.5
    return {
      n,
      id: `s${n}`,
      lat: near ? city.lat + (rnd() - 0.5) * spread : 18 + rnd() * 35,
      lng: near ? city.lng + (rnd() - 0.5) * spread : 74 + rnd() * 60,
      amenities: Math.floor(rnd() * (ALL_AMENITIES_MASK + 1)),
      scheduleId: `h${Math.floor(rnd() * scheduleIds)}`,
    }
  })

const idsOf = (hits: Array<NearestHit<TestStation>>) => hits.map((h) => h.station.id)

describe('nearest against a brute-force oracle', () => {
  it('agrees on 10,000 random (place, time, amenities) queries over 20,000 stations, k = 5', () => {
    const rnd = mulberry32(186_100)
    // Exception dates cover holiday blocks and make-up days of both years.
    const exceptionDates = CN_HOLIDAY_YEARS.flatMap((y) => [
      ...y.workdays,
      ...y.holidays.map((h) => h.from),
    ])
    const schedules = new Map<string, Schedule>()
    for (let i = 0; i < 400; i++) schedules.set(`h${i}`, randomSchedule(rnd, exceptionDates))
    const stations = randomStations(rnd, 20_000, 400)
    const t0 = performance.now()
    const index = createStationIndex(stations)
    const buildMs = performance.now() - t0
    const oracle = makeOracle(stations)
    // Query times: half inside holiday blocks or on make-up days, half anywhere in 2025–2026.
    const specialDays = CN_HOLIDAY_YEARS.flatMap((y) => [
      ...y.workdays,
      ...y.holidays.flatMap((h) => [h.from, h.to]),
    ])
    const start2025 = Date.parse('2025-01-01T00:00:00+08:00')
    const cpu0 = process.cpuUsage()
    let indexMs = 0
    let short = 0
    let empty = 0
    let filtered = 0
    for (let q = 0; q < 10_000; q++) {
      const city = CITIES[Math.floor(rnd() * CITIES.length)]!
      const roll = rnd()
      const lat = roll < 0.6 ? city.lat + (rnd() - 0.5) * 0.5 : roll < 0.97 ? 18 + rnd() * 35 : -10
      const lng = roll < 0.6 ? city.lng + (rnd() - 0.5) * 0.5 : roll < 0.97 ? 74 + rnd() * 60 : 60
      const at =
        rnd() < 0.5
          ? Date.parse(`${specialDays[Math.floor(rnd() * specialDays.length)]}T00:00:00+08:00`) +
            Math.floor(rnd() * 86_400_000)
          : start2025 + Math.floor(rnd() * 730 * 86_400_000)
      let required = 0
      const wanted = Math.floor(rnd() * 4)
      for (let b = 0; b < wanted; b++)
        required |= 1 << AMENITIES[Math.floor(rnd() * AMENITIES.length)]!.bit
      // Every 50th query asks for every amenity: almost nothing matches (fewer than k).
      if (q % 50 === 0) required = ALL_AMENITIES_MASK
      // Half the queries pass the amenities as the index option (the fast path), half test
      // them inside the filter; both must give the oracle's answer.
      const inline = q % 2 === 0
      const filter = openWithAmenities<TestStation>({
        at,
        required: inline ? 0 : required,
        scheduleOf: (id) => schedules.get(id),
        calendar: cnHolidayCalendar,
      })
      const t = performance.now()
      const hits = index.nearest(lat, lng, 5, filter, inline ? { amenities: required } : {})
      indexMs += performance.now() - t
      const expected = oracle(
        lat,
        lng,
        5,
        (s) => isOpenAt(schedules.get(s.scheduleId)!, at, cnHolidayCalendar),
        required,
      )
      if (idsOf(hits).join() !== expected.map((s) => s.id).join()) {
        throw new Error(
          `query ${q} (${lat}, ${lng}) at ${new Date(at).toISOString()} amenities ${required}: ` +
            `index ${idsOf(hits).join()} oracle ${expected.map((s) => s.id).join()}`,
        )
      }
      for (const h of hits) {
        expect(h.distanceM).toBeCloseTo(haversineM(lat, lng, h.station.lat, h.station.lng), 6)
      }
      if (hits.length < 5) short++
      if (hits.length === 0) empty++
      if (required !== 0) filtered++
    }
    const cpu = process.cpuUsage(cpu0)
    console.log(
      `nearest: whole test ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU; ` +
        `built 20,000 stations in ${buildMs.toFixed(1)} ms; 10,000 filtered k=5 queries ` +
        `in ${indexMs.toFixed(0)} ms (${((indexMs / 10_000) * 1000).toFixed(0)} µs each); ` +
        `${short} with fewer than 5, ${empty} empty`,
    )
    // The generator produced the edge cases it is meant to.
    expect(short).toBeGreaterThanOrEqual(100)
    expect(empty).toBeGreaterThan(0)
    expect(filtered).toBeGreaterThan(5000)
    // Generous: the machine running the tests may be shared; on a quiet one this takes seconds.
  }, 60_000)
})

describe('nearest: edge cases', () => {
  const station = (id: string, lat: number, lng: number, amenities = 0): TestStation => ({
    n: 0,
    id,
    lat,
    lng,
    amenities,
    scheduleId: 'x',
  })

  it('tryNearest gives the exact answer when it settles within maxRings, else null', () => {
    const rnd = mulberry32(99)
    const stations = randomStations(rnd, 20_000, 1)
    const fine = createStationIndex(stations, { cellDeg: 0.02 })
    const oracle = makeOracle(stations)
    let settled = 0
    let gaveUp = 0
    for (let q = 0; q < 300; q++) {
      const city = CITIES[q % CITIES.length]!
      // Half near a city (dense), half far out (sparse: the fine grid gives up).
      const spread = q % 2 === 0 ? 0.2 : 20
      const lat = Math.max(-80, Math.min(80, city.lat + (rnd() - 0.5) * spread))
      const lng = city.lng + (rnd() - 0.5) * spread
      const hits = fine.tryNearest(lat, lng, 5, 2)
      if (hits === null) {
        gaveUp++
        continue
      }
      settled++
      expect(idsOf(hits)).toEqual(oracle(lat, lng, 5, () => true).map((s) => s.id))
    }
    expect(settled).toBeGreaterThan(50)
    expect(gaveUp).toBeGreaterThan(50)
  })

  it('an empty index answers nothing', () => {
    expect(createStationIndex<TestStation>([]).nearest(22.7, 114.2, 5)).toEqual([])
  })

  it('returns fewer than k when fewer match, and nothing when none match', () => {
    const microwave = amenityMask(['microwave'])
    const stations = [
      station('a', 22.7, 114.2, microwave),
      station('b', 22.8, 114.3),
      station('c', 30, 120, microwave),
      station('d', 45, 125),
    ]
    const index = createStationIndex(stations)
    const withMicrowave = (s: TestStation) => hasAmenities(s.amenities, microwave)
    expect(idsOf(index.nearest(22.7, 114.2, 5, withMicrowave))).toEqual(['a', 'c'])
    expect(idsOf(index.nearest(22.7, 114.2, 5))).toEqual(['a', 'b', 'c', 'd'])
    expect(index.nearest(22.7, 114.2, 5, () => false)).toEqual([])
    expect(idsOf(index.nearest(44, 125, 1))).toEqual(['d'])
  })

  it('search() leaves the answer nearest() gives in its buffers, and a query after a failed or unsettled one starts clean', () => {
    const rnd = mulberry32(11)
    const microwave = amenityMask(['microwave'])
    const stations = Array.from({ length: 3000 }, (_, i) =>
      station(`s${i}`, 22 + rnd() * 2, 113 + rnd() * 2, rnd() < 0.4 ? microwave : 0),
    )
    const index = createStationIndex(stations, { cellDeg: 0.05 })
    for (let q = 0; q < 200; q++) {
      const lat = 22 + rnd() * 2
      const lng = 113 + rnd() * 2
      const options = q % 2 === 0 ? { amenities: microwave } : {}
      const expected = index.nearest(lat, lng, 5, undefined, options)
      const found = index.search(lat, lng, 5, Infinity, undefined, options)
      expect(found).toBe(expected.length)
      for (let i = 0; i < found; i++) {
        expect(index.stationAt(i)).toBe(expected[i]!.station)
        expect(index.distanceAt(i)).toBe(expected[i]!.distanceM)
      }
    }
    // (The answers themselves are checked against the brute-force oracle above: nearest() is
    // search() plus reading these buffers.) The query state is shared by every query on the
    // index: a filter that throws half-way must not leave its k or partial top k to the next.
    const boom = () => {
      throw new Error('filter failed')
    }
    expect(() => index.nearest(23, 114, 50, boom)).toThrow('filter failed')
    expect(idsOf(index.nearest(23, 114, 3))).toEqual(
      idsOf(createStationIndex(stations, { cellDeg: 0.05 }).nearest(23, 114, 3)),
    )
    // A query not settled within its rings says so, and the next one starts clean.
    expect(index.search(23, 114, 5, 0, () => false)).toBe(-1)
    expect(index.search(23, 114, 2, Infinity)).toBe(2)
    expect([index.stationAt(0).id, index.stationAt(1).id]).toEqual(
      idsOf(createStationIndex(stations, { cellDeg: 0.05 }).nearest(23, 114, 2)),
    )
  })

  it('finds the right station across the antimeridian and near the poles', () => {
    const stations = [
      station('east', 0, 179.95),
      station('west', 0, -179.95),
      station('far', 0, 170),
      station('pole', 89.9, 10),
      station('pole-opposite', 89.9, -170),
    ]
    const index = createStationIndex(stations, { cellDeg: 1 })
    const oracle = makeOracle(stations)
    for (const [lat, lng] of [
      [0, 179.99],
      [0, -179.99],
      [3, 179.9999],
      [89.95, -170],
      [89.99, 5],
      [-89.9, 175],
      [45, -179.5],
    ] as const) {
      for (const k of [1, 2, 5]) {
        expect(idsOf(index.nearest(lat, lng, k))).toEqual(oracle(lat, lng, k).map((s) => s.id))
      }
    }
    expect(idsOf(index.nearest(0, 179.99, 2))).toEqual(['east', 'west'])
    expect(idsOf(index.nearest(0, -179.99, 1))).toEqual(['west'])
    expect(idsOf(index.nearest(89.95, -170, 1))).toEqual(['pole-opposite'])
  })

  it('validates its input', () => {
    const index = createStationIndex([station('a', 22.7, 114.2)])
    expect(() => index.nearest(Number.NaN, 114, 5)).toThrow(CoordinateError)
    expect(() => index.nearest(22, 181, 5)).toThrow(CoordinateError)
    for (const k of [0, -1, 1.5, 1001]) {
      expect(() => index.nearest(22, 114, k)).toThrow(/k must be an integer/)
    }
    expect(() => createStationIndex([station('bad', 95, 0)])).toThrow(CoordinateError)
    expect(() =>
      openWithAmenities({
        at: 0,
        required: 1 << 30,
        scheduleOf: () => undefined,
        calendar: cnHolidayCalendar,
      }),
    ).toThrow(/Unknown amenities/)
  })

  it('treats a station with an unknown schedule as closed', () => {
    const index = createStationIndex([station('a', 22.7, 114.2), station('b', 22.71, 114.2)])
    const always: Schedule = { alwaysOpen: true, weekly: [] }
    const filter = openWithAmenities<TestStation>({
      at: Date.now(),
      scheduleOf: (id) => (id === 'x' ? undefined : always),
      calendar: cnHolidayCalendar,
    })
    expect(index.nearest(22.7, 114.2, 5, filter)).toEqual([])
  })

  it('is exact at 200,000 stations too (a sample of queries, no filter and with one)', () => {
    const rnd = mulberry32(7)
    const stations = randomStations(rnd, 200_000, 1)
    const t0 = performance.now()
    const index = createStationIndex(stations)
    const buildMs = performance.now() - t0
    const oracle = makeOracle(stations)
    let queryMs = 0
    for (let q = 0; q < 100; q++) {
      const city = CITIES[q % CITIES.length]!
      const lat = city.lat + (rnd() - 0.5) * 2
      const lng = city.lng + (rnd() - 0.5) * 2
      const required = q % 2 === 0 ? 0 : amenityMask(['microwave', 'toilet', 'wifi'])
      const filter = (s: TestStation) => hasAmenities(s.amenities, required)
      const t = performance.now()
      const hits = index.nearest(lat, lng, 5, filter)
      queryMs += performance.now() - t
      expect(idsOf(hits)).toEqual(oracle(lat, lng, 5, filter).map((s) => s.id))
    }
    console.log(
      `nearest: built 200,000 stations in ${buildMs.toFixed(0)} ms; 100 k=5 queries in ` +
        `${queryMs.toFixed(1)} ms`,
    )
  })
})
