import { describe, expect, it } from 'vitest'
import { AMENITIES } from '../domain/amenities'
import { cnHolidayCalendar } from '../domain/cn-holidays'
import { haversineM } from '../domain/coords'
import { isOpenAt, type Schedule } from '../domain/schedule'
import { mulberry32, randomSchedule } from '../domain/stations.fixtures.test-helpers'
import { createStationDirectory, type DirectoryEntry } from './station-directory'
import { parseStationQuery } from './text-query'

const build = (n: number, seed: number) => {
  const rnd = mulberry32(seed)
  const schedules: Schedule[] = Array.from({ length: 50 }, () =>
    randomSchedule(rnd, ['2026-10-01', '2026-10-05', '2026-09-27']),
  )
  const list = Array.from({ length: n }, (_, i) => {
    const dense = rnd() < 0.8
    const lat = dense ? 22.5 + rnd() * 0.4 : 18 + rnd() * 35
    const lng = dense ? 113.9 + rnd() * 0.5 : 74 + rnd() * 60
    let amenities = 0
    for (const a of AMENITIES) if (rnd() < 0.4) amenities |= 1 << a.bit
    const s = Math.floor(rnd() * schedules.length)
    const entry: DirectoryEntry = {
      id: `s${i}`,
      orgPath: i % 2 === 0 ? '/a/' : '/b/',
      name: i % 7 === 0 ? `龙岗驿站${i}` : `驿站${i}`,
      kind: 'union_love_station',
      address: '',
      lat,
      lng,
      amenities,
      capacity: 10,
      alwaysOpen: schedules[s]!.alwaysOpen === true,
      scheduleId: `t${s}`,
      haystack: (i % 7 === 0 ? `龙岗驿站${i}` : `驿站${i}`).toLowerCase(),
    }
    return { entry, schedule: schedules[s]! }
  })
  return { list, rnd }
}

// 8,000 stations checked against brute force: well under a second alone, but CI's two cores run
// other suites beside it, and 5 s was not always enough there.
describe('StationDirectory.nearest', { timeout: 60_000 }, () => {
  it('agrees with brute force (nearest first, then the first k open ones) in dense and sparse places', () => {
    const { list, rnd } = build(8000, 42)
    const dir = createStationDirectory(cnHolidayCalendar, { cellDeg: 0.02, fineRings: 2 })
    dir.replaceAll(list)
    const none = parseStationQuery(undefined)
    for (let q = 0; q < 400; q++) {
      const dense = q % 2 === 0
      const lat = dense ? 22.5 + rnd() * 0.4 : 18 + rnd() * 35
      const lng = dense ? 113.9 + rnd() * 0.5 : 74 + rnd() * 60
      const at = Date.parse('2026-09-25T00:00:00+08:00') + Math.floor(rnd() * 14 * 86_400_000)
      const need = 1 << AMENITIES[q % AMENITIES.length]!.bit
      const got = dir
        .nearest({ lat, lng, k: 5, at, openNow: true, amenityMask: need, query: none })
        .map((h) => h.entry.id)
      const expected = list
        .filter(({ entry }) => (entry.amenities & need) === need)
        .map(({ entry, schedule }) => ({
          entry,
          schedule,
          d: haversineM(lat, lng, entry.lat, entry.lng),
        }))
        .sort((a, b) => a.d - b.d)
        .filter(({ schedule }) => isOpenAt(schedule, at, cnHolidayCalendar))
        .slice(0, 5)
        .map(({ entry }) => entry.id)
      expect(got, `query ${q}`).toEqual(expected)
    }
  })

  it('applies the text query: need words as amenities, 24 hours, and the rest against names', () => {
    const { list } = build(3000, 7)
    const dir = createStationDirectory()
    dir.replaceAll(list)
    const hits = dir.nearest({
      lat: 22.7,
      lng: 114.2,
      k: 10,
      at: Date.now(),
      openNow: false,
      amenityMask: 0,
      query: parseStationQuery('龙岗 能热饭'),
    })
    expect(hits.length).toBeGreaterThan(0)
    for (const h of hits) {
      expect(h.entry.name).toContain('龙岗')
      expect(h.entry.amenities & (1 << 1)).not.toBe(0) // microwave
    }
    const allDay = dir.nearest({
      lat: 22.7,
      lng: 114.2,
      k: 10,
      at: Date.now(),
      openNow: false,
      amenityMask: 0,
      query: parseStationQuery('24小时'),
    })
    expect(allDay.every((h) => h.entry.alwaysOpen)).toBe(true)
  })
})

describe('StationDirectory.clusters', () => {
  it('counts every station once at any zoom, and splits into single stations when zoomed in', () => {
    const { list } = build(3000, 9)
    const dir = createStationDirectory()
    dir.replaceAll(list)
    const world = { west: -180, south: -85, east: 180, north: 85 }
    for (const zoom of [3, 5, 8]) {
      const cells = dir.clusters({ ...world, zoom })
      expect(cells.reduce((n, c) => n + c.count, 0)).toBe(3000)
    }
    const orgOnly = dir.clusters({ ...world, zoom: 5, paths: ['/a/'] })
    expect(orgOnly.reduce((n, c) => n + c.count, 0)).toBe(1500)
    const close = dir.clusters({ ...world, zoom: 18 })
    expect(close.every((c) => c.count === 1 && c.id !== null)).toBe(true)
  })

  it('drops a removed station and adds a new one', () => {
    const { list } = build(100, 3)
    const dir = createStationDirectory()
    dir.replaceAll(list)
    dir.remove('s0')
    expect(dir.get('s0')).toBeUndefined()
    expect(
      dir
        .clusters({ west: -180, south: -85, east: 180, north: 85, zoom: 3 })
        .reduce((n, c) => n + c.count, 0),
    ).toBe(99)
    dir.put({ ...list[0]!.entry, id: 'new' }, list[0]!.schedule)
    expect(dir.size).toBe(100)
  })
})

describe('StationDirectory.warmClusters', () => {
  it('fills the per-zoom cache with the same clusters a first request would compute, until the next change', () => {
    const { list } = build(3000, 5)
    const world = { west: -180, south: -85, east: 180, north: 85 }
    const cold = createStationDirectory()
    cold.replaceAll(list)
    const warm = createStationDirectory()
    warm.replaceAll(list)
    expect(warm.warmClusters(4)).toBe(true)
    expect(warm.warmClusters(4)).toBe(false) // already cached
    expect(warm.clusters({ ...world, zoom: 4 })).toEqual(cold.clusters({ ...world, zoom: 4 }))
    // A first request also fills the cache, so there is nothing left to warm.
    expect(cold.warmClusters(4)).toBe(false)
    // A change drops every zoom's clusters; warming computes them from the new data.
    warm.remove(list[0]!.entry.id)
    expect(warm.warmClusters(4)).toBe(true)
    const total = warm.clusters({ ...world, zoom: 4 }).reduce((n, c) => n + c.count, 0)
    expect(total).toBe(list.length - 1)
  })
})

describe('parseStationQuery', () => {
  it('reads need words, longest first, and keeps the rest as text', () => {
    expect(parseStationQuery('能热饭')).toMatchObject({
      amenities: ['microwave'],
      alwaysOpen: false,
      text: null,
    })
    expect(parseStationQuery('24小时有厕所')).toMatchObject({
      amenities: ['toilet'],
      alwaysOpen: true,
      text: null,
    })
    expect(parseStationQuery('电动车充电').amenities).toEqual(['ebike_charging'])
    expect(parseStationQuery('龙岗 充电')).toMatchObject({
      amenities: ['phone_charging'],
      text: '龙岗',
    })
    expect(parseStationQuery(undefined)).toMatchObject({ amenities: [], text: null })
  })
})
