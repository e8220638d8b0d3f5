import { render, screen } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../test/setup'
import { memberSession } from '../features/account-public/test/render'
import { apiError, json, stubFetch } from '../features/stations-public/test/render'
import { SessionProvider, useSession } from './session'

const Who = () => {
  const { session, isLoading } = useSession()
  if (isLoading) return <p>loading</p>
  return <p>{session ? session.member.name : 'signed out'}</p>
}

const renderWith = (onlyWithMarker: boolean) =>
  render(
    <QueryClientProvider client={new QueryClient()}>
      <SessionProvider onlyWithMarker={onlyWithMarker}>
        <Who />
      </SessionProvider>
    </QueryClientProvider>,
  )

const sessionCalls = (f: ReturnType<typeof stubFetch>) =>
  f.mock.calls.filter(([u]) => u === '/api/v1/auth/session')

const setMarker = (on: boolean) => {
  document.cookie = on ? 'uh_signed_in=1; path=/' : 'uh_signed_in=; max-age=0; path=/'
}

describe('SessionProvider', () => {
  afterEach(() => {
    setMarker(false)
    vi.unstubAllGlobals()
  })

  it('on worker pages, takes a browser without the signed-in marker as signed out, asking nothing', async () => {
    const f = stubFetch((url) => (url === '/api/v1/auth/session' ? json(memberSession) : undefined))
    renderWith(true)
    expect(await screen.findByText('signed out')).toBeTruthy()
    expect(sessionCalls(f)).toHaveLength(0)
  })

  it('on worker pages, asks for the session when the marker is there', async () => {
    setMarker(true)
    const f = stubFetch((url) => (url === '/api/v1/auth/session' ? json(memberSession) : undefined))
    renderWith(true)
    expect(await screen.findByText(memberSession.member.name)).toBeTruthy()
    expect(sessionCalls(f)).toHaveLength(1)
  })

  it('with a stale marker (the session ended on the server), ends up signed out', async () => {
    setMarker(true)
    stubFetch((url) =>
      url === '/api/v1/auth/session' ? apiError('AUTH_SESSION_EXPIRED', 401) : undefined,
    )
    renderWith(true)
    expect(await screen.findByText('signed out')).toBeTruthy()
  })
})
