import { screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { STATION_ID, json, renderPage, station, stubFetch } from '../test/render'
import { Component as PosterPage } from './poster-page'

const serve = () =>
  stubFetch((url) =>
    url.startsWith(`/api/v1/public/stations/${STATION_ID}?`) ? json(station()) : undefined,
  )

describe('door poster page', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('prints a QR code of the check-in link with the station’s code', async () => {
    const fetchMock = serve()
    renderPage(`/s/${STATION_ID}/poster?c=K7M2Q9RXTB`, '/s/:stationId/poster', PosterPage)
    expect(
      await screen.findByRole('img', { name: '筑友驿站（龙岗一号工地） 签到二维码' }),
    ).toBeTruthy()
    expect(
      screen.getByText(`${window.location.origin}/s/${STATION_ID}/check-in?c=K7M2Q9RXTB`),
    ).toBeTruthy()
    // The map's tile layer and the public origin come from one fetch of the public config.
    const configCalls = fetchMock.mock.calls.filter(([u]) => u.startsWith('/api/v1/config/public'))
    expect(configCalls).toHaveLength(1)
  })

  it('has nothing to print without a code: it says the console prints it', async () => {
    serve()
    renderPage(`/s/${STATION_ID}/poster`, '/s/:stationId/poster', PosterPage)
    expect(await screen.findByText(/门口海报要从工会管理后台打开/)).toBeTruthy()
    expect(screen.queryByRole('img')).toBeNull()
    expect(screen.queryByRole('button', { name: '打印海报' })).toBeNull()
  })
})
