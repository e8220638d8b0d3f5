/**
 * Generated station directories for the nearest-station benchmark and its oracle: N stations
 * placed like China's ~186,100 real ones (dense around cities, thin in between), each with a
 * timetable drawn from a shared pool of random valid schedules (overnight periods, marked
 * `overnight: true` as ADR 0026 requires, 24:00, holiday hours, make-up workday rules, exceptions
 * on holiday dates), since real stations share a handful of timetables. Seeded: the same
 * arguments give the same directory (the overnight flag draws no random numbers).
 */
import { AMENITIES } from '../src/modules/stations/domain/amenities'
import { CN_HOLIDAY_YEARS } from '../src/modules/stations/domain/cn-holidays'
import { round7 } from '../src/modules/stations/domain/coords'
import type { Schedule } from '../src/modules/stations/domain/schedule'
import {
  mulberry32,
  randomSchedule,
} from '../src/modules/stations/domain/stations.fixtures.test-helpers'

/** City centres (WGS-84) with rough weights: the big cities hold most stations. */
export const CITIES: ReadonlyArray<readonly [string, number, number, number]> = [
  ['北京', 39.904, 116.407, 10],
  ['上海', 31.23, 121.474, 10],
  ['广州', 23.129, 113.264, 8],
  ['深圳', 22.543, 114.058, 8],
  ['重庆', 29.563, 106.551, 7],
  ['成都', 30.573, 104.066, 7],
  ['天津', 39.343, 117.362, 5],
  ['武汉', 30.593, 114.306, 6],
  ['杭州', 30.274, 120.155, 6],
  ['南京', 32.06, 118.797, 5],
  ['西安', 34.342, 108.94, 5],
  ['郑州', 34.746, 113.625, 5],
  ['长沙', 28.228, 112.939, 4],
  ['沈阳', 41.806, 123.432, 4],
  ['青岛', 36.067, 120.383, 4],
  ['济南', 36.651, 117.12, 4],
  ['哈尔滨', 45.803, 126.535, 4],
  ['昆明', 25.039, 102.718, 3],
  ['兰州', 36.061, 103.834, 3],
  ['乌鲁木齐', 43.826, 87.617, 2],
  ['南宁', 22.817, 108.367, 3],
  ['柳州', 24.326, 109.428, 2],
  ['福州', 26.074, 119.296, 3],
  ['厦门', 24.48, 118.089, 3],
  ['合肥', 31.821, 117.227, 3],
  ['南昌', 28.682, 115.858, 3],
  ['石家庄', 38.042, 114.515, 3],
  ['太原', 37.87, 112.549, 3],
  ['贵阳', 26.647, 106.63, 2],
  ['呼和浩特', 40.842, 111.749, 2],
  ['拉萨', 29.65, 91.14, 1],
  ['西宁', 36.617, 101.778, 1],
  ['银川', 38.487, 106.231, 1],
  ['海口', 20.044, 110.199, 1],
  ['长春', 43.817, 125.324, 3],
  ['大连', 38.914, 121.615, 3],
  ['苏州', 31.299, 120.585, 4],
  ['东莞', 23.021, 113.752, 4],
  ['佛山', 23.022, 113.122, 3],
  ['宁波', 29.868, 121.544, 3],
]

/** China's rough bounding box: 10 % of stations are spread over it (towns, highways). */
const BOX = { south: 18.2, north: 53.5, west: 73.5, east: 134.8 }

export type GeneratedStation = {
  id: string
  lat: number
  lng: number
  amenities: number
  /** Index into `schedules`. */
  scheduleIndex: number
  capacity: number
  name: string
}

/** Every holiday date and make-up workday of the calendar years known. */
const HOLIDAY_DATES = CN_HOLIDAY_YEARS.flatMap((y) => {
  const days: string[] = [...y.workdays]
  for (const h of y.holidays) {
    for (
      let t = Date.parse(`${h.from}T00:00:00Z`);
      t <= Date.parse(`${h.to}T00:00:00Z`);
      t += 86_400_000
    ) {
      days.push(new Date(t).toISOString().slice(0, 10))
    }
  }
  return days
})

export const generateStations = (n: number, seed = 20_261_129, schedulePool = 500) => {
  const rnd = mulberry32(seed)
  const schedules: Schedule[] = []
  for (let i = 0; i < schedulePool; i++) {
    // A third of real stations are open around the clock; the rest follow varied timetables.
    schedules.push(
      i % 3 === 0 ? { alwaysOpen: true, weekly: [] } : randomSchedule(rnd, HOLIDAY_DATES),
    )
  }
  const totalWeight = CITIES.reduce((s, c) => s + c[3], 0)
  const gauss = () => {
    // Box–Muller: cities are dense at the centre and thin out.
    const u = Math.max(rnd(), 1e-12)
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd())
  }
  const stations: GeneratedStation[] = []
  for (let i = 0; i < n; i++) {
    let lat: number
    let lng: number
    let city = '城郊'
    if (rnd() < 0.1) {
      lat = BOX.south + rnd() * (BOX.north - BOX.south)
      lng = BOX.west + rnd() * (BOX.east - BOX.west)
    } else {
      let pick = rnd() * totalWeight
      let c = CITIES[0]!
      for (const x of CITIES) {
        pick -= x[3]
        if (pick <= 0) {
          c = x
          break
        }
      }
      city = c[0]
      lat = Math.max(-89, Math.min(89, c[1] + gauss() * 0.12))
      lng = c[2] + gauss() * 0.15
    }
    let amenities = 0
    for (const a of AMENITIES) if (rnd() < 0.35) amenities |= 1 << a.bit
    stations.push({
      id: `s${i}`,
      // Seven decimals (about 1 cm), as the stations service stores every point it is given:
      // unrounded points made each generated answer longer than a real one.
      lat: round7(lat),
      lng: round7(lng),
      amenities,
      scheduleIndex: Math.floor(rnd() * schedulePool),
      capacity: 5 + Math.floor(rnd() * 30),
      name: `${city}驿站${i}`,
    })
  }
  return { stations, schedules }
}

/** Random query points: mostly where people are (near cities), some anywhere in China. */
export const generateQueryPoints = (n: number, seed = 7) => {
  const rnd = mulberry32(seed)
  const total = CITIES.reduce((s, c) => s + c[3], 0)
  const out: Array<{ lat: number; lng: number }> = []
  for (let i = 0; i < n; i++) {
    if (rnd() < 0.1) {
      out.push({
        lat: BOX.south + rnd() * (BOX.north - BOX.south),
        lng: BOX.west + rnd() * (BOX.east - BOX.west),
      })
      continue
    }
    let pick = rnd() * total
    let c = CITIES[0]!
    for (const x of CITIES) {
      pick -= x[3]
      if (pick <= 0) {
        c = x
        break
      }
    }
    out.push({ lat: c[1] + (rnd() - 0.5) * 0.4, lng: c[2] + (rnd() - 0.5) * 0.5 })
  }
  return out
}

/** Random instants over the calendar years (2025–2026), so holidays and 调休 days come up. */
export const generateInstants = (n: number, seed = 11) => {
  const rnd = mulberry32(seed)
  const from = Date.parse('2025-01-01T00:00:00+08:00')
  const to = Date.parse('2027-01-01T00:00:00+08:00')
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    // A third of the instants land on holiday and make-up dates, where the rules differ.
    if (rnd() < 0.33) {
      const d = HOLIDAY_DATES[Math.floor(rnd() * HOLIDAY_DATES.length)]!
      out.push(Date.parse(`${d}T00:00:00+08:00`) + Math.floor(rnd() * 86_400_000))
    } else out.push(from + Math.floor(rnd() * (to - from)))
  }
  return out
}
