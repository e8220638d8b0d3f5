import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { stationKeys } from './station-keys'
import { useImportStations } from './use-stations'

const answering = (body: unknown) =>
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () =>
        new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }),
    ),
  )

describe('useImportStations', () => {
  afterEach(() => vi.unstubAllGlobals())

  it.each([
    ['created', { created: 2, updated: 0, errors: [] }, true],
    ['only updated', { created: 0, updated: 3, errors: [] }, true],
    ['changed nothing', { created: 0, updated: 0, errors: [] }, false],
  ])('refreshes the station lists after an import that %s', async (_, result, refreshed) => {
    answering(result)
    const client = new QueryClient()
    client.setQueryData([...stationKeys.all, 'list'], { items: [] })
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    )
    const { result: hook } = renderHook(() => useImportStations(), { wrapper })

    await act(() => hook.current.mutateAsync(new File(['x'], 'stations.xlsx')))

    expect(client.getQueryState([...stationKeys.all, 'list'])?.isInvalidated).toBe(refreshed)
  })
})
