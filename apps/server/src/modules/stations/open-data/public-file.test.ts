import type { Station } from '@unionhall/contracts'
import { describe, expect, it } from 'vitest'
import { stationsToGeoJson } from './geojson'
import { stationsToHsds } from './hsds'
import { validateHsdsDataset } from './hsds-validator'
import { createOpenDataWriter } from './public-file'

const ORG_A = '0193a1b2-0000-7000-8000-0000000000aa'
const ORG_B = '0193a1b2-0000-7000-8000-0000000000bb'

/** Stations of two orgs, interleaved, with and without services, zones and photos. */
const stations: Station[] = Array.from({ length: 7 }, (_, i) => ({
  id: `0193a1b2-0000-7000-8000-00000000000${i}`,
  orgId: i % 3 === 1 ? ORG_B : ORG_A,
  orgName: i % 3 === 1 ? '深圳市总工会' : '兰州市总工会',
  name: `驿站 "${i}" \\ 东`,
  kind: i % 2 ? 'union_love_station' : 'construction_site',
  status: 'active',
  closedReason: null,
  address: i % 2 ? '甘肃省兰州市城关区庆阳路1号' : '北京市朝阳区建国路8号',
  lat: 36 + i / 100,
  lng: 103.8 + i / 100,
  schedule:
    i % 3 === 0
      ? { alwaysOpen: true, weekly: [] }
      : {
          weekly: [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '20:00' })),
          holidayHours: [],
          makeUpWorkdayAs: 6,
          exceptions: [{ date: '2026-10-01', closed: true }],
        },
  capacity: 10 + i,
  amenities: i % 2 ? ['drinking_water', 'microwave'] : [],
  zones: i % 2 ? [{ kind: 'medical', note: '药箱' }] : [],
  contactName: '王师傅',
  contactMobileMasked: '139****5678',
  dutyPhone: i === 1 ? '0931-8123456-801' : i === 4 ? '400-123-4567' : null,
  photos: i === 2 ? ['/api/v1/uploads/0193a1b2-0000-7000-8000-00000000f0f0'] : [],
  services:
    i % 2
      ? [{ kind: 'health_consultation', title: '义诊', dates: ['2026-12-01'], note: '每月两次' }]
      : [],
  description: '热水、热饭、休息',
  openNow: false,
  createdAt: '2026-11-29T00:00:00.000Z',
  updatedAt: '2026-11-29T00:00:00.000Z',
}))

const written = (format: 'geojson' | 'hsds', slice: number, list: readonly Station[]) => {
  // The public files' HSDS: no contacts.
  const writer = createOpenDataWriter(format, { withoutContacts: true })
  for (let at = 0; at < list.length; at += slice) writer.add(list.slice(at, at + slice))
  return writer.finish().toString('utf8')
}

describe('public open-data files written in slices', () => {
  it.each([1, 2, 3, 7, 50])(
    'equal the one-piece document byte for byte (slices of %i)',
    (slice) => {
      expect(written('geojson', slice, stations)).toBe(JSON.stringify(stationsToGeoJson(stations)))
      const hsds = written('hsds', slice, stations)
      expect(hsds).toBe(JSON.stringify(stationsToHsds(stations, { withoutContacts: true })))
      // Each org once, where first met, and a dataset the official schemas accept.
      const dataset = JSON.parse(hsds)
      expect(dataset.organizations.map((o: { id: string }) => o.id)).toEqual([ORG_A, ORG_B])
      expect(validateHsdsDataset(dataset)).toEqual([])
    },
  )

  it.each([1, 3])('writes staff HSDS with contacts and their mobiles (slices of %i)', (slice) => {
    const mobiles = new Map(stations.map((s, i) => [s.id, `1390000000${i}`]))
    const writer = createOpenDataWriter('hsds')
    for (let at = 0; at < stations.length; at += slice) {
      const part = stations.slice(at, at + slice)
      writer.add(part, new Map(part.map((s) => [s.id, mobiles.get(s.id)!])))
    }
    const text = writer.finish().toString('utf8')
    expect(text).toBe(JSON.stringify(stationsToHsds(stations, { contactMobiles: mobiles })))
    expect(text).toContain('"13900000006"')
  })

  it('writes an empty collection and an empty dataset when there are no stations', () => {
    expect(written('geojson', 5, [])).toBe(JSON.stringify(stationsToGeoJson([])))
    expect(written('hsds', 5, [])).toBe(
      JSON.stringify(stationsToHsds([], { withoutContacts: true })),
    )
    // Empty slices add nothing.
    const writer = createOpenDataWriter('geojson')
    writer.add([])
    writer.add(stations.slice(0, 1))
    writer.add([])
    expect(writer.finish().toString('utf8')).toBe(
      JSON.stringify(stationsToGeoJson(stations.slice(0, 1))),
    )
  })
})
