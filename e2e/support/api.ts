import type { APIRequestContext } from 'playwright-core'
import { expect } from 'vitest'

/** The demo accounts' password (apps/server/src/demo). */
export const DEMO_PASSWORD = 'Demo@2026'

/** A JSON call to /api/v1 that throws with the status and body on a 4xx/5xx answer. */
export type Api = <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>

/** The session fields the specs read from a login or /auth/session answer. */
export type SignedInSession = {
  csrfToken: string
  grants: { orgId: string; orgName: string }[]
}

/** Calls the API with the context's cookies and the session's CSRF token. */
export const apiOf =
  (request: APIRequestContext, csrfToken: string): Api =>
  async (method, path, body) => {
    const r = await request.fetch(`/api/v1${path}`, {
      method,
      headers: { 'x-csrf-token': csrfToken },
      data: body,
    })
    const text = await r.text()
    if (r.status() >= 400) throw new Error(`${method} ${path} → ${r.status()} ${text}`)
    return (text ? JSON.parse(text) : null) as never
  }

/**
 * Signs in through the API: the context keeps the session cookie, and the returned `api`
 * sends the CSRF token. For setting up data the spec is not about.
 */
export const signInApi = async (
  request: APIRequestContext,
  mobile: string,
  password = DEMO_PASSWORD,
) => {
  const res = await request.post('/api/v1/auth/login', { data: { mobile, password } })
  expect(res.status()).toBe(200)
  const session = (await res.json()) as SignedInSession
  return { session, api: apiOf(request, session.csrfToken) }
}
