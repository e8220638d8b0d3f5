import { screen } from '@testing-library/react'
import type { Station } from '@unionhall/contracts'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { makeSession, renderWithProviders } from '../../../test/render'
import { PosterTab } from './poster-tab'

const station = { id: '01a2270b-7d6a-7c12-abf4-000000000009', name: '筑友驿站' } as Station

const serveConfig = (config: unknown) =>
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () =>
        new Response(JSON.stringify(config), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
    ),
  )

describe('PosterTab', { timeout: 60_000 }, () => {
  afterEach(() => vi.unstubAllGlobals())

  it('builds the door poster’s check-in link on the public origin, not the console’s host', async () => {
    serveConfig({ publicOrigin: 'https://gonghui.example.cn' })
    renderWithProviders(<PosterTab station={station} />, makeSession(['station:read']))
    expect(
      await screen.findByText(`https://gonghui.example.cn/s/${station.id}/check-in`),
    ).toBeTruthy()
  })

  it('falls back to the page’s own origin when the server sets none', async () => {
    serveConfig({ publicOrigin: null })
    renderWithProviders(<PosterTab station={station} />, makeSession(['station:read']))
    expect(
      await screen.findByText(`${window.location.origin}/s/${station.id}/check-in`),
    ).toBeTruthy()
  })
})
