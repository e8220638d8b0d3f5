import { fireEvent, screen, waitFor } from '@testing-library/react'
import type { Station } from '@unionhall/contracts'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { makeSession, renderWithProviders } from '../../../test/render'
import { PosterTab } from './poster-tab'

const station = { id: '01a2270b-7d6a-7c12-abf4-000000000009', name: '筑友驿站' } as Station
const codeUrl = `/api/v1/stations/${station.id}/check-in-code`

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

/** The public config and the station's check-in code (generation 1 until rotated). */
const serve = (config: unknown) => {
  let current = { code: 'K7M2Q9RXTB', generation: 1 }
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url === codeUrl) return json(current)
    if (url === `${codeUrl}/rotate` && init?.method === 'POST') {
      current = { code: 'ZZ4HW8P3NA', generation: 2 }
      return json(current)
    }
    return json(config)
  })
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

describe('PosterTab', { timeout: 60_000 }, () => {
  afterEach(() => vi.unstubAllGlobals())

  it('builds the door poster’s check-in link, with the station’s code, on the public origin', async () => {
    serve({ publicOrigin: 'https://gonghui.example.cn' })
    renderWithProviders(<PosterTab station={station} />, makeSession(['station:manage']))
    expect(
      await screen.findByText(`https://gonghui.example.cn/s/${station.id}/check-in?c=K7M2Q9RXTB`),
    ).toBeTruthy()
    expect(screen.getByRole('link', { name: '打开海报（可打印）' }).getAttribute('href')).toBe(
      `/s/${station.id}/poster?c=K7M2Q9RXTB`,
    )
  })

  it('falls back to the page’s own origin when the server sets none', async () => {
    serve({ publicOrigin: null })
    renderWithProviders(<PosterTab station={station} />, makeSession(['station:manage']))
    expect(
      await screen.findByText(`${window.location.origin}/s/${station.id}/check-in?c=K7M2Q9RXTB`),
    ).toBeTruthy()
  })

  it('rotates the code after a confirmation, and the link changes with it', async () => {
    const fetchMock = serve({ publicOrigin: null })
    renderWithProviders(<PosterTab station={station} />, makeSession(['station:manage']))
    fireEvent.click(await screen.findByRole('button', { name: '更换签到码' }))
    expect(await screen.findByText(/之前打印的海报将不能再签到/)).toBeTruthy()
    const buttons = screen.getAllByRole('button', { name: '更换签到码' })
    fireEvent.click(buttons[buttons.length - 1]!)
    expect(
      await screen.findByText(`${window.location.origin}/s/${station.id}/check-in?c=ZZ4HW8P3NA`),
    ).toBeTruthy()
    await waitFor(() =>
      expect(
        fetchMock.mock.calls.filter(([u, i]) => u === `${codeUrl}/rotate` && i?.method === 'POST'),
      ).toHaveLength(1),
    )
  })
})
