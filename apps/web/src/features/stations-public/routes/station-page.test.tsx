import { screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { STATION_ID, json, renderPage, station, stubFetch } from '../test/render'
import { Component as StationPage } from './station-page'

const serve = (over: Parameters<typeof station>[0] = {}) =>
  stubFetch((url) =>
    url.startsWith(`/api/v1/public/stations/${STATION_ID}?`) ? json(station(over)) : undefined,
  )

describe('station page', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    window.localStorage.clear()
  })

  it('says to scan the door’s QR code instead of offering a check-in it cannot make', async () => {
    serve()
    renderPage(`/s/${STATION_ID}`, '/s/:stationId', StationPage)
    expect(await screen.findByText(/扫一扫门口海报上的二维码即可签到/)).toBeTruthy()
    expect(screen.queryByRole('button', { name: '签到' })).toBeNull()
    // The door poster carries the station's code: workers are not offered one to print.
    expect(screen.queryByRole('link', { name: /海报/ })).toBeNull()
  })

  it('offers check-out to a phone checked in here', async () => {
    window.localStorage.setItem(`uh.stationVisit.${STATION_ID}`, '2999-01-01T00:00:00.000Z')
    serve()
    renderPage(`/s/${STATION_ID}`, '/s/:stationId', StationPage)
    expect(await screen.findByRole('button', { name: '签出（我要离开）' })).toBeTruthy()
    expect(screen.queryByText(/扫一扫门口海报上的二维码即可签到/)).toBeNull()
  })

  it('says a full station is full, with the way to another, instead of how to check in', async () => {
    serve({
      occupancy: { count: 15, capacity: 15, updatedAt: '2026-11-29T02:00:00Z', stale: false },
    })
    renderPage(`/s/${STATION_ID}`, '/s/:stationId', StationPage)
    expect(await screen.findByText('驿站已满')).toBeTruthy()
    expect(screen.getByText(/现在已经满了，暂时不能签到。有人离开后就能签到/)).toBeTruthy()
    expect(screen.queryByText(/扫一扫门口海报上的二维码即可签到/)).toBeNull()
    expect(screen.getByRole('link', { name: '找附近其他驿站' }).getAttribute('href')).toBe('/s')
  })

  it('gives no check-in hint while the station is shut', async () => {
    serve({ openNow: false })
    renderPage(`/s/${STATION_ID}`, '/s/:stationId', StationPage)
    await screen.findByRole('heading', { level: 1 })
    expect(screen.queryByText(/扫一扫门口海报上的二维码即可签到/)).toBeNull()
  })

  it('names a service once when its title already says its kind', async () => {
    serve({
      services: [
        { kind: 'labour_protection_advice', title: '劳动保护咨询', dates: [] },
        { kind: 'health_consultation', title: '医护人员坐诊', dates: [] },
      ],
    })
    renderPage(`/s/${STATION_ID}`, '/s/:stationId', StationPage)
    expect(await screen.findByRole('heading', { level: 3, name: '劳动保护咨询' })).toBeTruthy()
    expect(screen.getAllByText('劳动保护咨询')).toHaveLength(1)
    expect(screen.getByRole('heading', { level: 3, name: '医护人员坐诊' })).toBeTruthy()
    expect(screen.getByText('健康咨询')).toBeTruthy()
  })

  it('offers a large call button for the duty phone, keeping the personal mobile masked', async () => {
    serve({ dutyPhone: '0931-8123456' })
    renderPage(`/s/${STATION_ID}`, '/s/:stationId', StationPage)
    const call = await screen.findByRole('link', { name: /拨打值班电话/ })
    expect(call.getAttribute('href')).toBe('tel:09318123456')
    expect(call.textContent).toBe('拨打值班电话0931-8123456')
    // A full-width block button (.cp-btn: 48 px tall), not a small inline link.
    expect(call.className.split(' ')).toEqual(expect.arrayContaining(['cp-btn', 'cp-btn-block']))
    expect(screen.getByText(/王师傅 138\*\*\*\*0000/)).toBeTruthy()
  })

  it('dials a landline’s extension after a pause', async () => {
    serve({ dutyPhone: '0931-8123456-801' })
    renderPage(`/s/${STATION_ID}`, '/s/:stationId', StationPage)
    const call = await screen.findByRole('link', { name: /拨打值班电话/ })
    expect(call.getAttribute('href')).toBe('tel:09318123456,801')
  })

  it('offers no call button when the station publishes no duty phone', async () => {
    serve()
    renderPage(`/s/${STATION_ID}`, '/s/:stationId', StationPage)
    await screen.findByRole('heading', { level: 1 })
    expect(screen.queryByRole('link', { name: /拨打值班电话/ })).toBeNull()
    expect(document.querySelector('a[href^="tel:"]')).toBeNull()
  })
})
