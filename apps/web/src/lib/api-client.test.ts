import { afterEach, describe, expect, it, vi } from 'vitest'
import '../test/setup'
import { apiRequest, REQUEST_TIMEOUT_MS } from './api-client'
import { ApiError } from './api-error'

/** A fetch that never answers until its signal aborts (a stalled phone connection). */
const stalledFetch = () =>
  vi.fn(
    (_url: string, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () =>
          reject(new DOMException('The operation was aborted.', 'AbortError')),
        )
      }),
  )

describe('api client', () => {
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('gives up on a JSON request the server does not answer in time, with NETWORK_TIMEOUT', async () => {
    vi.useFakeTimers()
    vi.stubGlobal('fetch', stalledFetch())
    const pending = apiRequest('/public/stations/x/check-out', {
      method: 'POST',
      body: { deviceId: 'abc' },
    })
    const outcome = pending.then(
      () => null,
      (e: unknown) => e,
    )
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS - 1)
    await vi.advanceTimersByTimeAsync(1)
    const error = await outcome
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).code).toBe('NETWORK_TIMEOUT')
  })

  it('still reports a cancelled request as an abort, not a timeout', async () => {
    vi.stubGlobal('fetch', stalledFetch())
    const controller = new AbortController()
    const pending = apiRequest('/public/stations', { signal: controller.signal })
    controller.abort()
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('reports an unreachable server as NETWORK_ERROR', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    )
    await expect(apiRequest('/public/stations')).rejects.toMatchObject({ code: 'NETWORK_ERROR' })
  })
})
