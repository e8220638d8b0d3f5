import type { CreateStationBody, NearestResult, PlaceResult } from '@unionhall/contracts'
import { PlaceResultSchema } from '@unionhall/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ACCOUNTS,
  buildTestApp,
  type TestApp,
  type TestSession,
} from '../../../test/build-test-app'
import { createStation } from '../../../test/factories/stations'
import { expectError } from '../../../test/helpers'
import { convertCoords } from './domain/coords'

let t: TestApp
let longgang: TestSession

beforeAll(async () => {
  t = await buildTestApp()
  longgang = await t.loginAs(ACCOUNTS.longgangStaff)
})
afterAll(() => t.close())

const create = (over: Partial<CreateStationBody>) => createStation(t, longgang, over)

const get = (url: string) => t.request({ method: 'GET', url })

describe('GET /api/v1/public/stations/places', () => {
  // A made-up street in the Sansha waters, where the demo has no stations.
  beforeAll(async () => {
    await create({ address: '三沙市永兴岛测绘巷1号', lat: 16.83, lng: 112.33 })
    await create({
      address: '三沙市永兴岛测绘巷9号',
      lat: 16.84,
      lng: 112.34,
      amenities: ['microwave'],
    })
    await create({ address: '三沙市永兴岛测绘巷20号', lat: 16.85, lng: 112.35 })
    await create({ address: '海口市测绘巷2号', lat: 20.03, lng: 110.32 })
  })

  it("finds places in the stations' addresses, most stations first, with the middle point", async () => {
    const res = await get(`/api/v1/public/stations/places?q=${encodeURIComponent('测绘巷 能热饭')}`)
    expect(res.statusCode, res.body).toBe(200)
    const body = PlaceResultSchema.parse(res.json())
    expect(body.items).toEqual([
      { label: '三沙市永兴岛测绘巷', lat: 16.84, lng: 112.34, stations: 3 },
      { label: '海口市测绘巷', lat: 20.03, lng: 110.32, stations: 1 },
    ])
    expect(body.text).toBe('测绘巷')
    expect(body.needs).toBe('热饭')
  })

  it("answers in the map's coordinate system", async () => {
    const res = await get(
      `/api/v1/public/stations/places?q=${encodeURIComponent('海口市测绘巷')}&coordSystem=gcj02`,
    )
    const [place] = res.json<PlaceResult>().items
    const expected = convertCoords({ lat: 20.03, lng: 110.32 }, 'wgs84', 'gcj02')
    expect(place!.lat).toBeCloseTo(expected.lat, 6)
    expect(place!.lng).toBeCloseTo(expected.lng, 6)
  })

  it('sees a new station at once, and a picked place with the needs finds stations around it', async () => {
    const before = (
      await get(`/api/v1/public/stations/places?q=${encodeURIComponent('永兴岛')}`)
    ).json<PlaceResult>()
    await create({ address: '三沙市永兴岛测绘巷30号', lat: 16.86, lng: 112.36 })
    const after = (
      await get(`/api/v1/public/stations/places?q=${encodeURIComponent('永兴岛')}`)
    ).json<PlaceResult>()
    expect(after.items[0]!.stations).toBe(before.items[0]!.stations + 1)

    const place = after.items[0]!
    const qs = new URLSearchParams({
      lat: String(place.lat),
      lng: String(place.lng),
      k: '5',
      q: '热饭',
    })
    const near = (
      await get(`/api/v1/public/stations/nearest?${qs.toString()}`)
    ).json<NearestResult>()
    // The one station there with a microwave comes first; the others on the street have none.
    expect(near.items[0]!.address).toBe('三沙市永兴岛测绘巷9号')
    expect(near.items.slice(1).filter((s) => s.address.includes('测绘巷'))).toEqual([])
  })

  it('searches a street named with a filler character whole: 和平路 is not 太平路', async () => {
    await create({ address: '三沙市永兴岛太平路2号', lat: 16.83, lng: 112.33 })
    await create({ address: '三沙市永兴岛有色路6号', lat: 16.84, lng: 112.33 })
    const res = await get(`/api/v1/public/stations/places?q=${encodeURIComponent('和平路附近')}`)
    const body = PlaceResultSchema.parse(res.json())
    expect(body.text).toBe('和平路')
    expect(body.items.length).toBeGreaterThan(0)
    expect(
      body.items.every((p) => p.label.includes('和平路')),
      JSON.stringify(body),
    ).toBe(true)
    const coloured = (
      await get(`/api/v1/public/stations/places?q=${encodeURIComponent('有色路有厕所吗')}`)
    ).json<PlaceResult>()
    expect(coloured.text).toBe('有色路')
    expect(coloured.needs).toBe('厕所')
    expect(coloured.items.map((p) => p.label)).toEqual(['三沙市永兴岛有色路'])
  })

  it('answers an empty list for a place no station has, and for needs only', async () => {
    const none = (
      await get(`/api/v1/public/stations/places?q=${encodeURIComponent('无人之境')}`)
    ).json<PlaceResult>()
    expect(none).toEqual({ items: [], text: '无人之境', needs: null })
    const needsOnly = (
      await get(`/api/v1/public/stations/places?q=${encodeURIComponent('能热饭')}`)
    ).json<PlaceResult>()
    expect(needsOnly).toEqual({ items: [], text: null, needs: '热饭' })
  })

  it('refuses a missing or over-long q, an unknown system and unknown parameters (400)', async () => {
    expectError(await get('/api/v1/public/stations/places'), 400, 'VALIDATION_FAILED')
    expectError(await get('/api/v1/public/stations/places?q=%20'), 400, 'VALIDATION_FAILED')
    expectError(
      await get(`/api/v1/public/stations/places?q=${'路'.repeat(51)}`),
      400,
      'VALIDATION_FAILED',
    )
    expectError(
      await get('/api/v1/public/stations/places?q=a&coordSystem=mars'),
      400,
      'VALIDATION_FAILED',
    )
    expectError(await get('/api/v1/public/stations/places?q=a&orgId=1'), 400, 'VALIDATION_FAILED')
  })
})
