import { fireEvent, screen, waitFor } from '@testing-library/react'
import type { NearestResult } from '@unionhall/contracts'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { json, renderPage, stubFetch } from '../test/render'
import { Component as NearbyPage } from './nearby-page'

const answer: NearestResult = {
  items: [
    {
      id: '01a2270b-7dd3-7662-b520-0268f56c8101',
      name: '筑友驿站',
      kind: 'construction_site',
      address: '龙岗区建设路 1 号',
      lat: 22.7237,
      lng: 114.2418,
      distanceM: 932,
      amenities: ['microwave'],
      alwaysOpen: true,
      openNow: true,
      capacity: 15,
    },
  ],
  understood: { amenities: ['microwave'], alwaysOpen: true, text: null },
}

/** The config names an Amap-style (GCJ-02) tile layer; nearest answers with one station. */
const serve = () =>
  stubFetch((url) => {
    if (url.startsWith('/api/v1/config/public'))
      return json({
        map: {
          tileUrl: 'https://tiles.example/{z}/{x}/{y}.png',
          attribution: 'tiles',
          coordSystem: 'gcj02',
        },
      })
    if (url.startsWith('/api/v1/public/stations/nearest')) return json(answer)
    if (url.startsWith('/api/v1/public/stations/clusters')) return json({ items: [] })
    if (url.startsWith('/api/v1/public/stations/places')) {
      const q = new URL(url, 'http://x').searchParams.get('q')
      return json(
        q === '坂田 能热饭'
          ? {
              items: [
                { label: '深圳市龙岗区坂田街道', lat: 22.64, lng: 114.07, stations: 3 },
                { label: '惠州市坂田路', lat: 23.1, lng: 114.4, stations: 1 },
              ],
              text: '坂田',
              needs: '热饭',
            }
          : { items: [], text: null, needs: q },
      )
    }
    return undefined
  })

const nearestCalls = (fetchMock: ReturnType<typeof stubFetch>) =>
  fetchMock.mock.calls
    .map(([u]) => u)
    .filter((u) => u.startsWith('/api/v1/public/stations/nearest'))
    .map((u) => new URL(u, 'http://x').searchParams)

describe('nearest stations page', () => {
  beforeEach(() => {
    // A point picked on the map last time, in the tile layer's system.
    window.localStorage.setItem(
      'uh.stationsPosition',
      JSON.stringify({ lat: 22.7209, lng: 114.2467, system: 'gcj02', source: 'map' }),
    )
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    window.localStorage.clear()
  })

  it('lists the nearest stations from the saved position in the map’s coordinate system', async () => {
    const fetchMock = serve()
    renderPage('/s', '/s', NearbyPage)
    expect(await screen.findByRole('heading', { name: '筑友驿站' })).toBeTruthy()
    expect(screen.getByText('932 米')).toBeTruthy()
    expect(screen.getByText('按您在地图上选的位置排序。')).toBeTruthy()
    const q = nearestCalls(fetchMock)[0]!
    expect(q.get('coordSystem')).toBe('gcj02')
    expect(q.get('lat')).toBe('22.7209')
    expect(q.get('lng')).toBe('114.2467')
    expect(q.get('k')).toBe('5')
    expect(q.get('openNow')).toBeNull()
  })

  it('says the results are not near me when a search runs without a position', async () => {
    window.localStorage.clear()
    serve()
    renderPage('/s?q=%E8%83%BD%E7%83%AD%E9%A5%AD', '/s', NearbyPage)
    expect(await screen.findByRole('heading', { name: '筑友驿站' })).toBeTruthy()
    expect(screen.getByText(/不一定离您近/)).toBeTruthy()
    // Distances from the middle of the country mean nothing: not shown.
    expect(screen.queryByText('932 米')).toBeNull()
  })

  it('sends the search text and filters, and shows how the text was understood', async () => {
    const fetchMock = serve()
    renderPage('/s', '/s', NearbyPage)
    await screen.findByRole('heading', { name: '筑友驿站' })
    fireEvent.change(screen.getByRole('searchbox', { name: '想找什么？' }), {
      target: { value: '能热饭 24小时' },
    })
    fireEvent.click(screen.getByRole('button', { name: '搜索' }))
    fireEvent.click(screen.getByRole('button', { name: '现在开门' }))
    fireEvent.click(screen.getByRole('button', { name: /卫生间/ }))
    await waitFor(() => {
      const last = nearestCalls(fetchMock).at(-1)!
      expect(last.get('q')).toBe('能热饭 24小时')
      expect(last.get('openNow')).toBe('true')
      expect(last.get('amenities')).toBe('toilet')
    })
    expect((await screen.findByText(/^已理解：/)).textContent).toBe('已理解：微波炉(热饭) · 24小时')
    expect(screen.getByRole('button', { name: '现在开门' }).getAttribute('aria-pressed')).toBe(
      'true',
    )
  })

  it('offers the places a typed place name means, and searches around the one picked', async () => {
    const fetchMock = serve()
    renderPage('/s', '/s', NearbyPage)
    await screen.findByRole('heading', { name: '筑友驿站' })
    fireEvent.change(screen.getByRole('searchbox', { name: '想找什么？' }), {
      target: { value: '坂田 能热饭' },
    })
    fireEvent.click(screen.getByRole('button', { name: '搜索' }))
    expect(
      await screen.findByRole('heading', { name: '您要找的“坂田”是哪里？' }, { timeout: 15000 }),
    ).toBeTruthy()
    const places = fetchMock.mock.calls
      .map(([u]) => u)
      .filter((u) => u.startsWith('/api/v1/public/stations/places'))
    expect(new URL(places.at(-1)!, 'http://x').searchParams.get('coordSystem')).toBe('gcj02')
    fireEvent.click(screen.getByRole('button', { name: /深圳市龙岗区坂田街道/ }))
    await waitFor(() => {
      const last = nearestCalls(fetchMock).at(-1)!
      // Centred on the place, the place words dropped and the need kept.
      expect([last.get('lat'), last.get('lng'), last.get('q')]).toEqual(['22.64', '114.07', '热饭'])
    })
    expect(screen.getByRole('heading', { name: '离“深圳市龙岗区坂田街道”最近的驿站' })).toBeTruthy()
    expect(screen.getByText('按离“深圳市龙岗区坂田街道”的远近排序。')).toBeTruthy()
    expect(screen.getByRole<HTMLInputElement>('searchbox', { name: '想找什么？' }).value).toBe(
      '热饭',
    )
    // The place list is gone: what is left in the box is a need, not a place.
    await waitFor(() => expect(screen.queryByRole('heading', { name: /是哪里/ })).toBeNull())
    // A return visit starts from the same place.
    expect(JSON.parse(window.localStorage.getItem('uh.stationsPosition')!)).toMatchObject({
      source: 'place',
      label: '深圳市龙岗区坂田街道',
    })
  })

  it('asks for a position when there is none', async () => {
    window.localStorage.clear()
    const fetchMock = serve()
    renderPage('/s', '/s', NearbyPage)
    expect(await screen.findByText(/请点“使用我的位置”/)).toBeTruthy()
    expect(nearestCalls(fetchMock)).toHaveLength(0)
  })
})
