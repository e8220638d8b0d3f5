import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../../../test/build-test-app'
import { expectError } from '../../../test/helpers'

let t: TestApp

beforeAll(async () => {
  t = await buildTestApp({ seed: false, env: { RATE_LIMIT_PER_MINUTE: '30' } })
})
afterAll(() => t.close())

describe('GET /healthz', () => {
  it('reports the database as reachable', async () => {
    const res = await t.request({ method: 'GET', url: '/healthz' })

    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: 'ok', db: 'ok' })
  })
})

describe('GET /metrics', () => {
  it('exposes Prometheus metrics, including request durations by route', async () => {
    await t.request({ method: 'GET', url: '/api/v1/noop' })

    const res = await t.request({ method: 'GET', url: '/metrics' })

    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/plain')
    expect(res.body).toMatch(/route="\/api\/v1\/noop"/)
  })
})

describe('/api/v1/noop', () => {
  it('GET answers ok without a session', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/noop' })

    expect(res.json()).toEqual({ ok: true })
  })

  it('POST validates its body', async () => {
    const ok = await t.request({ method: 'POST', url: '/api/v1/noop', payload: { value: 'x' } })
    const tooLong = await t.request({
      method: 'POST',
      url: '/api/v1/noop',
      payload: { value: 'x'.repeat(101) },
    })
    const unknown = await t.request({
      method: 'POST',
      url: '/api/v1/noop',
      payload: { value: 'x', other: 1 },
    })

    expect(ok.json()).toEqual({ ok: true })
    const error = expectError(tooLong, 400, 'VALIDATION_FAILED')
    expect(error.details).toEqual([{ path: 'body.value', message: expect.any(String) }])
    expectError(unknown, 400, 'VALIDATION_FAILED')
  })
})

describe('GET /api/v1/config/public', () => {
  it('returns the settings the web app may know, and no secrets', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/config/public' })

    expect(res.json()).toEqual({
      defaultLocale: 'zh-CN',
      locales: ['zh-CN', 'en'],
      smsProvider: 'console',
      publicOrigin: null,
      map: {
        tileUrl: 'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png',
        subdomains: 'abc',
        attribution: '© OpenStreetMap contributors',
        coordSystem: 'wgs84',
      },
    })
    expect(res.body).not.toContain(t.config.SESSION_SECRET)
  })
})

describe('platform behaviour', () => {
  it('answers unknown routes with 404 ROUTE_NOT_FOUND in the error shape', async () => {
    expectError(await t.request({ method: 'GET', url: '/api/v1/nothing' }), 404, 'ROUTE_NOT_FOUND')
  })

  it('sets security headers', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/noop' })

    expect(res.headers['content-security-policy']).toContain("default-src 'self'")
    expect(res.headers['x-content-type-options']).toBe('nosniff')
  })

  it('serves the OpenAPI document with every API route', async () => {
    const res = await t.request({ method: 'GET', url: '/api/docs/json' })

    const doc = res.json<{ paths: Record<string, unknown> }>()
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/orgs/', '/api/v1/members/import', '/api/v1/audit/export']),
    )
  })

  it('rate-limits an address past RATE_LIMIT_PER_MINUTE with 429 RATE_LIMITED', async () => {
    const responses = []
    for (let i = 0; i < 40; i++) {
      responses.push(await t.request({ method: 'GET', url: '/api/v1/config/public' }))
    }

    expect(responses.map((r) => r.statusCode)).toContain(429)
    expectError(responses[responses.length - 1]!, 429, 'RATE_LIMITED')
  })
})
