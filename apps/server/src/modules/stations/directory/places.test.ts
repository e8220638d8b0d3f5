import { describe, expect, it } from 'vitest'
import { cnHolidayCalendar } from '../domain/cn-holidays'
import type { Schedule } from '../domain/schedule'
import { findPlaces } from './places'
import { createStationDirectory, type DirectoryEntry } from './station-directory'
import { parseStationQuery } from './text-query'

const ALWAYS: Schedule = { alwaysOpen: true, weekly: [] }

let n = 0
const station = (name: string, address: string, lat: number, lng: number): DirectoryEntry => ({
  id: `s${++n}`,
  orgPath: '/a/',
  name,
  kind: 'union_love_station',
  address,
  lat,
  lng,
  amenities: 0,
  capacity: 10,
  alwaysOpen: true,
  scheduleId: 'always',
  haystack: `${name} ${address}`.toLowerCase(),
})

const entries = [
  station('坂田驿站1号', '深圳市龙岗区坂田街道五和大道1号', 22.63, 114.06),
  station('坂田驿站2号', '深圳市龙岗区坂田街道雪岗路8号', 22.64, 114.07),
  station('坂田驿站3号', '深圳市龙岗区坂田街道岗头村3号', 22.65, 114.08),
  station('人民路驿站', '兰州市人民路12号', 36.06, 103.83),
  station('人民路环卫驿站', '兰州市人民路80号', 36.07, 103.84),
  station('深圳人民路驿站', '深圳市人民路5号', 22.55, 114.12),
  station('深圳北站驿站', '深圳市龙华区民治街道', 22.61, 114.03),
]

describe('findPlaces', () => {
  it('names a place by the address up to the end of its place name, with the median point', () => {
    const [bantian, ...rest] = findPlaces(entries, ['坂田'], 5)
    expect(rest).toEqual([])
    expect(bantian).toEqual({
      label: '深圳市龙岗区坂田街道',
      lat: 22.64,
      lng: 114.07,
      stations: 3,
    })
  })

  it('tells the same street in two cities apart, the one with more stations first', () => {
    expect(findPlaces(entries, ['人民路'], 5).map((p) => [p.label, p.stations])).toEqual([
      ['兰州市人民路', 2],
      ['深圳市人民路', 1],
    ])
  })

  it('takes a station found by its name (not its address) as a place of its own', () => {
    expect(findPlaces(entries, ['北站'], 5)).toEqual([
      { label: '深圳北站驿站', lat: 22.61, lng: 114.03, stations: 1 },
    ])
  })

  it('needs every word, and finds nothing for an unknown place or no words', () => {
    expect(findPlaces(entries, ['深圳', '人民路'], 5).map((p) => p.label)).toEqual(['深圳市人民路'])
    expect(findPlaces(entries, ['上海'], 5)).toEqual([])
    expect(findPlaces(entries, [], 5)).toEqual([])
  })

  it('keeps at most the limit', () => {
    expect(findPlaces(entries, ['驿站'], 2)).toHaveLength(2)
  })
})

describe('StationDirectory.places', () => {
  it('answers from the entries of the moment: a change to the directory is seen at once', () => {
    const dir = createStationDirectory(cnHolidayCalendar, { cellDeg: 0.02, fineRings: 2 })
    dir.replaceAll(entries.map((entry) => ({ entry, schedule: ALWAYS })))
    expect(dir.places(['坂田'], 5)[0]!.stations).toBe(3)
    dir.remove(entries[0]!.id)
    expect(dir.places(['坂田'], 5)[0]!.stations).toBe(2)
  })
})

describe('parseStationQuery needs', () => {
  it('keeps the need phrases in the order typed, without the place words', () => {
    const q = parseStationQuery('坂田 能热饭 24小时')
    expect(q.text).toBe('坂田')
    expect(q.needs).toBe('热饭 24小时')
    expect(parseStationQuery('坂田').needs).toBeNull()
    expect(parseStationQuery('24小时 电动车充电').needs).toBe('24小时 电动车充电')
  })
})
