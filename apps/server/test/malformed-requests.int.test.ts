import { ErrorBodySchema } from '@unionhall/contracts'
import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SESSION_COOKIE } from '../src/core/auth'
import { DEMO_PASSWORD } from '../src/demo/seed-demo'
import {
  ACCOUNTS,
  buildTestApp,
  cookieValue,
  type TestApp,
  type TestSession,
} from './build-test-app'
import { expectError, multipartFile, toCsv } from './helpers'
import { fillPath, listRoutes, type RouteKey } from './routes'

/**
 * The malformed-request battery: every registered route, called by the platform admin (so
 * requests get past the access gate) with broken bodies, types, content types, path params
 * and queries. No answer may be a 5xx, and every 4xx must carry { error: { code, message } }.
 */

const BODY_LIMIT = 2048
const UPLOAD_LIMIT = 4096

let t: TestApp
let admin: TestSession
let routes: RouteKey[]

beforeAll(async () => {
  t = await buildTestApp({
    env: { BODY_LIMIT_BYTES: String(BODY_LIMIT), UPLOAD_LIMIT_BYTES: String(UPLOAD_LIMIT) },
  })
  admin = await t.loginAs(ACCOUNTS.platformAdmin)
  routes = listRoutes(t.app)
})
afterAll(() => t.close())

const VALID_ID = '01900000-0000-7000-8000-0000000000bb'

type Case = { label: string; build: (path: string) => Omit<InjectOptions, 'method'> }

const json = (payload: string) => ({ headers: { 'content-type': 'application/json' }, payload })

const BODY_CASES: Case[] = [
  { label: 'malformed JSON', build: (p) => ({ url: fillPath(p, ids()), ...json('{"name": ') }) },
  { label: 'empty JSON body', build: (p) => ({ url: fillPath(p, ids()), ...json('') }) },
  { label: 'JSON null', build: (p) => ({ url: fillPath(p, ids()), ...json('null') }) },
  { label: 'JSON array', build: (p) => ({ url: fillPath(p, ids()), ...json('[1,2]') }) },
  { label: 'JSON string', build: (p) => ({ url: fillPath(p, ids()), ...json('"x"') }) },
  {
    label: 'wrong types',
    build: (p) => ({
      url: fillPath(p, ids()),
      payload: {
        name: 123,
        mobile: true,
        orgId: 5,
        parentId: [],
        memberId: {},
        role: 7,
        kind: null,
        password: 1,
        status: 0,
        value: 9,
      },
    }),
  },
  {
    label: 'unknown fields',
    build: (p) => ({ url: fillPath(p, ids()), payload: { zzUnknown: 1, __proto__x: 'y' } }),
  },
  {
    label: 'prototype pollution attempt',
    build: (p) => ({
      url: fillPath(p, ids()),
      ...json('{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"x": 1}}}'),
    }),
  },
  {
    label: 'body over BODY_LIMIT_BYTES',
    build: (p) => ({ url: fillPath(p, ids()), payload: { name: 'x'.repeat(BODY_LIMIT + 10) } }),
  },
  {
    label: 'text/plain',
    build: (p) => ({
      url: fillPath(p, ids()),
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    }),
  },
  {
    label: 'application/xml',
    build: (p) => ({
      url: fillPath(p, ids()),
      headers: { 'content-type': 'application/xml' },
      payload: '<a>1</a>',
    }),
  },
  {
    label: 'form-urlencoded',
    build: (p) => ({
      url: fillPath(p, ids()),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'a=1&b=2',
    }),
  },
  {
    label: 'broken multipart',
    build: (p) => ({
      url: fillPath(p, ids()),
      headers: { 'content-type': 'multipart/form-data; boundary=zzz' },
      payload: '--zzz\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc',
    }),
  },
  {
    label: 'multipart without boundary',
    build: (p) => ({
      url: fillPath(p, ids()),
      headers: { 'content-type': 'multipart/form-data' },
      payload: 'abc',
    }),
  },
]

const PARAM_VALUES = [
  'not-a-uuid',
  '%E0%A4%A',
  "1'%20or%20'1'%3D'1",
  '..%2F..%2Fetc%2Fpasswd',
  'a'.repeat(300),
  '%00',
  '00000000-0000-0000-0000-000000000000',
]

const QUERIES = [
  'page=-1&pageSize=abc',
  'page=1e309',
  'zzUnknown=1',
  'q=%00%FF',
  `q=${'长'.repeat(500)}`,
  'orgId=not-a-uuid&from=never',
  'page=1&page=2',
  'limit=-5',
]

const ids = () => new Proxy({}, { get: () => VALID_ID }) as Record<string, string>

/** The logout route would end the admin session; it gets a fresh session of its own per call. */
const sessionFor = async (key: RouteKey) => {
  if (key !== 'POST /api/v1/auth/logout') return admin.request
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { mobile: ACCOUNTS.gansuAdmin, password: DEMO_PASSWORD },
  })
  const cookie = cookieValue(res, SESSION_COOKIE)!
  const csrf = res.json<{ csrfToken: string }>().csrfToken
  return (opts: InjectOptions) =>
    t.request({
      ...opts,
      cookies: { [SESSION_COOKIE]: cookie },
      headers: { 'x-csrf-token': csrf, ...(opts.headers ?? {}) },
    })
}

const check = (res: LightMyRequestResponse, what: string) => {
  expect(res.statusCode, `${what} → ${res.statusCode} ${res.body.slice(0, 300)}`).toBeLessThan(500)
  if (res.statusCode >= 400) {
    const parsed = ErrorBodySchema.safeParse(JSON.parse(res.body || 'null'))
    expect(parsed.success, `${what} → ${res.body.slice(0, 300)}`).toBe(true)
    expect(parsed.data!.error.code, what).toMatch(/^[A-Z][A-Z0-9_]+$/)
  }
}

describe('malformed requests', () => {
  it('enumerates the routes', () => {
    expect(routes.length).toBeGreaterThan(30)
    expect(routes).toContain('POST /api/v1/members/import')
  })

  it('no body, type or content-type mistake gives a 5xx or a non-standard error', async () => {
    for (const key of routes) {
      const [method, path] = key.split(' ') as [InjectOptions['method'], string]
      if (method === 'GET') continue
      for (const c of BODY_CASES) {
        const send = await sessionFor(key)
        const res = await send({ method, ...c.build(path) })
        check(res, `${key} with ${c.label}`)
      }
    }
  })

  it('refuses a body over BODY_LIMIT_BYTES with 413 BODY_TOO_LARGE', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/orgs',
      payload: { name: 'x'.repeat(BODY_LIMIT + 10) },
    })

    expectError(res, 413, 'BODY_TOO_LARGE')
  })

  it('refuses malformed JSON with 400 BODY_MALFORMED and a wrong content type with 415', async () => {
    expectError(
      await admin.request({ method: 'POST', url: '/api/v1/orgs', ...json('{"a":') }),
      400,
      'BODY_MALFORMED',
    )
    expectError(
      await admin.request({
        method: 'POST',
        url: '/api/v1/orgs',
        headers: { 'content-type': 'application/xml' },
        payload: '<a/>',
      }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    )
  })

  it('refuses an upload over UPLOAD_LIMIT_BYTES with 413 FILE_TOO_LARGE', async () => {
    const rows = [['姓名', '手机号']]
    for (let i = 0; rows.length * 20 < UPLOAD_LIMIT * 2; i++)
      rows.push([`会员${i}`, `177${String(i).padStart(8, '0')}`])
    const { payload, headers } = multipartFile('big.csv', 'text/csv', toCsv(rows))

    const res = await admin.request({
      method: 'POST',
      url: `/api/v1/members/import?orgId=${t.orgId('兰州市总工会')}&dryRun=true`,
      payload,
      headers,
    })

    expectError(res, 413, 'FILE_TOO_LARGE')
  })

  it('no garbage path parameter gives a 5xx or a non-standard error', async () => {
    for (const key of routes) {
      const [method, path] = key.split(' ') as [InjectOptions['method'], string]
      if (!path.includes(':')) continue
      for (const value of PARAM_VALUES) {
        const url = path.replace(/:[A-Za-z]+/g, value)
        const send = await sessionFor(key)
        const res = await send({ method, url, payload: method === 'GET' ? undefined : {} })
        check(res, `${key} with :param=${value.slice(0, 20)}`)
      }
    }
  })

  it('answers a garbage id in an API path with 400 VALIDATION_FAILED', async () => {
    for (const value of ['not-a-uuid', '%E0%A4%A', 'a'.repeat(300)]) {
      expectError(
        await admin.request({ method: 'GET', url: `/api/v1/orgs/${value}` }),
        400,
        'VALIDATION_FAILED',
      )
    }
  })

  it('no garbage query string gives a 5xx or a non-standard error', async () => {
    for (const key of routes) {
      const [method, path] = key.split(' ') as [InjectOptions['method'], string]
      for (const q of QUERIES) {
        const send = await sessionFor(key)
        const res = await send({
          method,
          url: `${fillPath(path, ids())}?${q}`,
          payload: method === 'GET' ? undefined : {},
        })
        check(res, `${key}?${q.slice(0, 30)}`)
      }
    }
  })

  it('no route answers a 5xx to a request without a session or with a forged cookie', async () => {
    for (const key of routes) {
      const [method, path] = key.split(' ') as [InjectOptions['method'], string]
      const jars: Record<string, string>[] = [
        {},
        { uh_session: 'forged' },
        { uh_session: 'x'.repeat(5000) },
      ]
      for (const cookies of jars) {
        const res = await t.request({
          method,
          url: fillPath(path, ids()),
          cookies,
          payload: method === 'GET' ? undefined : {},
        })
        check(res, `${key} with cookie ${JSON.stringify(cookies).slice(0, 30)}`)
      }
    }
  })
})
