import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACCOUNTS, buildTestApp, type TestApp, type TestSession } from './build-test-app'
import { auditRows, expectError, multipartFile, readXlsx, toCsv } from './helpers'
import { apiRoutes, fillPath, type RouteKey } from './routes'

/**
 * The access matrix: staff of 兰州市总工会 (13800000002) and the org_admin of 甘肃省总工会
 * (13800000001, who holds every permission, so only the subtree check stands in the way) can
 * never read or change anything of 深圳市总工会. Every /api/v1 route has a row; a new route
 * without one fails "covers every API route".
 */

type Fixtures = {
  shenzhenOrg: string
  longgangOrg: string
  lanzhouOrg: string
  shenzhenMember: { id: string; name: string; mobile: string }
  shenzhenGrant: string
  randomId: string
}

/** What an outsider gets: refused (403), or an answer that holds nothing of Shenzhen. */
type Probe = {
  label: string
  request: (f: Fixtures) => InjectOptions
  expect: 'denied' | 'no-shenzhen-data'
}

type Row =
  | { access: 'public'; note: string }
  | { access: 'self'; note: string }
  | { access: 'scoped'; probes: Probe[] }
  /** Module routes whose Shenzhen fixtures live in the module's own tests: generic checks only. */
  | { access: 'module'; method: string; path: string }

const get = (url: string): InjectOptions => ({ method: 'GET', url })

/**
 * Feature modules whose Shenzhen fixtures live in the module's own access tests. Every route
 * under these prefixes, present or future, gets the generic checks here: a session is required
 * off /public, outsiders get no 5xx and nothing of Shenzhen. Core routes need an explicit row.
 */
const MODULE_PREFIXES = [
  '/api/v1/campaigns',
  '/api/v1/public/campaigns',
  '/api/v1/stations',
  '/api/v1/public/stations',
  '/api/v1/wishes',
  '/api/v1/public/wishes',
  '/api/v1/my/wishes',
  '/api/v1/my/claims',
  '/api/v1/my/wish-partners',
]
const isModulePath = (path: string) =>
  MODULE_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`))

const moduleRows = (keys: string[]): Record<RouteKey, Row> =>
  Object.fromEntries(
    keys.map((key) => {
      const [method, path] = key.split(' ') as [string, string]
      return [key, { access: 'module', method, path } satisfies Row]
    }),
  )

const CORE_MATRIX: Record<RouteKey, Row> = {
  // ---- platform and auth ----
  'GET /api/v1/noop': { access: 'public', note: 'benchmark baseline' },
  'POST /api/v1/noop': { access: 'public', note: 'benchmark baseline' },
  'GET /api/v1/config/public': { access: 'public', note: 'locale settings' },
  'POST /api/v1/auth/login': { access: 'public', note: 'sign-in' },
  'POST /api/v1/auth/login/otp': {
    access: 'public',
    note: 'sign-in proved by an SMS code to the account mobile',
  },
  'POST /api/v1/auth/otp': { access: 'public', note: 'SMS code' },
  'POST /api/v1/auth/register': { access: 'public', note: 'self-registration at any org' },
  'POST /api/v1/auth/password/reset': {
    access: 'public',
    note: 'a forgotten password, proved by an SMS code to the account mobile',
  },
  'GET /api/v1/public/orgs': { access: 'public', note: 'employer names for registration' },
  'GET /api/v1/auth/session': { access: 'self', note: 'my own session' },
  'POST /api/v1/auth/logout': { access: 'self', note: 'my own session' },
  'POST /api/v1/auth/password': { access: 'self', note: 'my own password' },
  'GET /api/v1/members/import-template': { access: 'self', note: 'a blank template' },
  'POST /api/v1/uploads': { access: 'self', note: 'an image recorded at my own org' },
  'GET /api/v1/notifications': { access: 'self', note: 'my own notifications' },
  'POST /api/v1/notifications/read-all': { access: 'self', note: 'my own notifications' },
  'POST /api/v1/notifications/:notificationId/read': {
    access: 'self',
    note: "my own notifications (someone else's answers 404)",
  },
  'GET /api/v1/my/shifts': { access: 'self', note: 'my own shifts (station duty roster)' },
  'GET /api/v1/my/shifts/feed-url': { access: 'self', note: 'my own calendar feed URL' },
  'POST /api/v1/my/shifts/feed-url/rotate': { access: 'self', note: 'my own calendar feed URL' },
  'GET /api/v1/public/shift-feeds/:token.ics': {
    access: 'public',
    note: "a person's shift calendar by HMAC token (bad token 404; roster int tests)",
  },
  'GET /api/v1/uploads/:uploadId': {
    access: 'public',
    note: 'published images (campaign covers, candidate photos), by unguessable id',
  },

  // ---- orgs ----
  'GET /api/v1/orgs': {
    access: 'scoped',
    probes: [
      {
        label: 'within Shenzhen',
        request: (f) => get(`/api/v1/orgs?within=${f.shenzhenOrg}`),
        expect: 'denied',
      },
      {
        label: 'children of Shenzhen',
        request: (f) => get(`/api/v1/orgs?parentId=${f.shenzhenOrg}`),
        expect: 'denied',
      },
      {
        label: 'name search',
        request: () => get(`/api/v1/orgs?q=${encodeURIComponent('深圳')}`),
        expect: 'no-shenzhen-data',
      },
      { label: 'my top orgs', request: () => get('/api/v1/orgs'), expect: 'no-shenzhen-data' },
    ],
  },
  'GET /api/v1/orgs/:orgId': {
    access: 'scoped',
    probes: [
      {
        label: 'Shenzhen',
        request: (f) => get(`/api/v1/orgs/${f.shenzhenOrg}`),
        expect: 'denied',
      },
    ],
  },
  'GET /api/v1/orgs/:orgId/breadcrumbs': {
    access: 'scoped',
    probes: [
      {
        label: 'Longgang',
        request: (f) => get(`/api/v1/orgs/${f.longgangOrg}/breadcrumbs`),
        expect: 'denied',
      },
    ],
  },
  'GET /api/v1/orgs/:orgId/subtree': {
    access: 'scoped',
    probes: [
      {
        label: 'Shenzhen',
        request: (f) => get(`/api/v1/orgs/${f.shenzhenOrg}/subtree`),
        expect: 'denied',
      },
    ],
  },
  'POST /api/v1/orgs': {
    access: 'scoped',
    probes: [
      {
        label: 'child of Shenzhen',
        request: (f) => ({
          method: 'POST',
          url: '/api/v1/orgs',
          payload: { parentId: f.shenzhenOrg, name: '越权工会', kind: 'other' },
        }),
        expect: 'denied',
      },
    ],
  },
  'PATCH /api/v1/orgs/:orgId': {
    access: 'scoped',
    probes: [
      {
        label: 'rename Shenzhen',
        request: (f) => ({
          method: 'PATCH',
          url: `/api/v1/orgs/${f.shenzhenOrg}`,
          payload: { name: '越权改名' },
        }),
        expect: 'denied',
      },
    ],
  },
  'POST /api/v1/orgs/:orgId/move': {
    access: 'scoped',
    probes: [
      {
        label: 'Longgang into Lanzhou',
        request: (f) => ({
          method: 'POST',
          url: `/api/v1/orgs/${f.longgangOrg}/move`,
          payload: { newParentId: f.lanzhouOrg },
        }),
        expect: 'denied',
      },
      {
        label: 'Lanzhou into Shenzhen',
        request: (f) => ({
          method: 'POST',
          url: `/api/v1/orgs/${f.lanzhouOrg}/move`,
          payload: { newParentId: f.shenzhenOrg },
        }),
        expect: 'denied',
      },
    ],
  },
  'POST /api/v1/orgs/:orgId/archive': {
    access: 'scoped',
    probes: [
      {
        label: 'Longgang',
        request: (f) => ({ method: 'POST', url: `/api/v1/orgs/${f.longgangOrg}/archive` }),
        expect: 'denied',
      },
    ],
  },

  // ---- members ----
  'GET /api/v1/members': {
    access: 'scoped',
    probes: [
      {
        label: 'in Shenzhen',
        request: (f) => get(`/api/v1/members?orgId=${f.shenzhenOrg}`),
        expect: 'denied',
      },
      {
        label: 'by a Shenzhen name',
        request: (f) => get(`/api/v1/members?q=${encodeURIComponent(f.shenzhenMember.name)}`),
        expect: 'no-shenzhen-data',
      },
      {
        label: 'by a Shenzhen mobile',
        request: (f) => get(`/api/v1/members?q=${f.shenzhenMember.mobile}`),
        expect: 'no-shenzhen-data',
      },
    ],
  },
  'GET /api/v1/members/export': {
    access: 'scoped',
    probes: [
      {
        label: 'Shenzhen',
        request: (f) => get(`/api/v1/members/export?orgId=${f.shenzhenOrg}`),
        expect: 'denied',
      },
      {
        label: 'everything I see',
        request: () => get('/api/v1/members/export'),
        expect: 'no-shenzhen-data',
      },
    ],
  },
  'GET /api/v1/members/stats': {
    access: 'scoped',
    probes: [
      {
        label: 'Shenzhen',
        request: (f) => get(`/api/v1/members/stats?orgId=${f.shenzhenOrg}`),
        expect: 'denied',
      },
    ],
  },
  'GET /api/v1/members/:memberId': {
    access: 'scoped',
    probes: [
      {
        label: 'a Shenzhen member',
        request: (f) => get(`/api/v1/members/${f.shenzhenMember.id}`),
        expect: 'denied',
      },
    ],
  },
  'GET /api/v1/members/:memberId/personal-data': {
    access: 'scoped',
    probes: [
      {
        label: 'a Shenzhen member',
        request: (f) => get(`/api/v1/members/${f.shenzhenMember.id}/personal-data`),
        expect: 'denied',
      },
    ],
  },
  'PATCH /api/v1/members/:memberId': {
    access: 'scoped',
    probes: [
      {
        label: 'rename a Shenzhen member',
        request: (f) => ({
          method: 'PATCH',
          url: `/api/v1/members/${f.shenzhenMember.id}`,
          payload: { name: '越权改名' },
        }),
        expect: 'denied',
      },
      {
        label: 'move a Shenzhen member to Lanzhou',
        request: (f) => ({
          method: 'PATCH',
          url: `/api/v1/members/${f.shenzhenMember.id}`,
          payload: { orgId: f.lanzhouOrg },
        }),
        expect: 'denied',
      },
    ],
  },
  'POST /api/v1/members': {
    access: 'scoped',
    probes: [
      {
        label: 'at Shenzhen',
        request: (f) => ({
          method: 'POST',
          url: '/api/v1/members',
          payload: { orgId: f.shenzhenOrg, name: '越权新增', mobile: '17700001111' },
        }),
        expect: 'denied',
      },
    ],
  },
  'POST /api/v1/members/import': {
    access: 'scoped',
    probes: [
      {
        label: 'into Shenzhen',
        request: (f) => {
          const file = multipartFile(
            'a.csv',
            'text/csv',
            toCsv([
              ['姓名', '手机号'],
              ['越权导入', '17700002222'],
            ]),
          )
          return {
            method: 'POST',
            url: `/api/v1/members/import?orgId=${f.shenzhenOrg}`,
            ...file,
          }
        },
        expect: 'denied',
      },
    ],
  },

  // ---- role grants ----
  'GET /api/v1/role-grants': {
    access: 'scoped',
    probes: [
      {
        label: 'at Shenzhen',
        request: (f) => get(`/api/v1/role-grants?orgId=${f.shenzhenOrg}`),
        expect: 'denied',
      },
      {
        label: 'everything I see',
        request: () => get('/api/v1/role-grants?pageSize=200'),
        expect: 'no-shenzhen-data',
      },
    ],
  },
  'POST /api/v1/role-grants': {
    access: 'scoped',
    probes: [
      {
        label: 'at Shenzhen',
        request: (f) => ({
          method: 'POST',
          url: '/api/v1/role-grants',
          payload: { memberId: f.shenzhenMember.id, orgId: f.shenzhenOrg, role: 'staff' },
        }),
        expect: 'denied',
      },
      {
        label: 'a Shenzhen member at Lanzhou',
        request: (f) => ({
          method: 'POST',
          url: '/api/v1/role-grants',
          payload: { memberId: f.shenzhenMember.id, orgId: f.lanzhouOrg, role: 'volunteer' },
        }),
        expect: 'denied',
      },
    ],
  },
  'DELETE /api/v1/role-grants/:grantId': {
    access: 'scoped',
    probes: [
      {
        label: 'a Shenzhen grant',
        request: (f) => ({ method: 'DELETE', url: `/api/v1/role-grants/${f.shenzhenGrant}` }),
        expect: 'denied',
      },
    ],
  },

  // ---- audit ----
  'GET /api/v1/audit': {
    access: 'scoped',
    probes: [
      {
        label: 'at Shenzhen',
        request: (f) => get(`/api/v1/audit?orgId=${f.shenzhenOrg}`),
        expect: 'denied',
      },
      {
        label: 'everything I see',
        request: () => get('/api/v1/audit?pageSize=200'),
        expect: 'no-shenzhen-data',
      },
    ],
  },
  'GET /api/v1/audit/export': {
    access: 'scoped',
    probes: [
      {
        label: 'at Shenzhen',
        request: (f) => get(`/api/v1/audit/export?orgId=${f.shenzhenOrg}`),
        expect: 'denied',
      },
      {
        label: 'everything I see',
        request: () => get('/api/v1/audit/export'),
        expect: 'no-shenzhen-data',
      },
    ],
  },
}

let t: TestApp
let f: Fixtures
/** The core rows plus a generic row for each module route the app registers. */
let MATRIX: Record<RouteKey, Row>
let outsiders: { name: string; session: TestSession }[]
let shenzhenNames: string[]
let shenzhenOrgIds: string[]

beforeAll(async () => {
  t = await buildTestApp()
  MATRIX = {
    ...CORE_MATRIX,
    ...moduleRows(apiRoutes(t.app).filter((k) => isModulePath(k.split(' ')[1]!))),
  }
  const admin = await t.loginAs(ACCOUNTS.platformAdmin)
  const members = await admin.request(get(`/api/v1/members?orgId=${t.orgId('深圳市总工会')}`))
  const member = members.json<{ items: { id: string; name: string }[] }>().items[0]!
  const personal = await admin.request(get(`/api/v1/members/${member.id}/personal-data`))
  const grants = await admin.request(get(`/api/v1/role-grants?orgId=${t.orgId('深圳市总工会')}`))
  f = {
    shenzhenOrg: t.orgId('深圳市总工会'),
    longgangOrg: t.orgId('龙岗区总工会'),
    lanzhouOrg: t.orgId('兰州市总工会'),
    shenzhenMember: { ...member, mobile: personal.json<{ mobile: string }>().mobile },
    shenzhenGrant: grants.json<{ items: { id: string }[] }>().items[0]!.id,
    randomId: '01900000-0000-7000-8000-0000000000aa',
  }
  shenzhenOrgIds = ['深圳市总工会', '龙岗区总工会', '龙岗区建筑行业工联会'].map((n) => t.orgId(n))
  shenzhenNames = ['深圳', '龙岗', f.shenzhenMember.name]
  outsiders = [
    { name: '兰州市总工会 staff', session: await t.loginAs(ACCOUNTS.lanzhouStaff) },
    { name: '甘肃省总工会 org_admin', session: await t.loginAs(ACCOUNTS.gansuAdmin) },
  ]
})
afterAll(() => t.close())

/** Text of an answer, with .xlsx bodies unpacked so exports are checked too. */
const answerText = async (res: LightMyRequestResponse) =>
  String(res.headers['content-type'] ?? '').includes('spreadsheetml')
    ? JSON.stringify(await readXlsx(res.rawPayload))
    : res.body

const expectNoShenzhen = async (res: LightMyRequestResponse, where: string) => {
  const text = await answerText(res)
  for (const needle of [...shenzhenNames, ...shenzhenOrgIds, f.shenzhenMember.id])
    expect(text.includes(needle), `${where} leaks ${needle}`).toBe(false)
}

const PUBLIC_PREFIXES = [
  '/api/v1/public/',
  '/api/v1/auth/login',
  '/api/v1/auth/otp',
  '/api/v1/auth/register',
  '/api/v1/noop',
  '/api/v1/config/public',
]
const isPublicPath = (path: string) => PUBLIC_PREFIXES.some((p) => path.startsWith(p))

describe('access matrix', () => {
  it('covers every API route', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(apiRoutes(t.app))
    expect(Object.keys(CORE_MATRIX).some((k) => isModulePath(k.split(' ')[1]!))).toBe(false)
  })

  it('asks for a session on every route that is not public', async () => {
    for (const key of apiRoutes(t.app)) {
      const [method, path] = key.split(' ') as [InjectOptions['method'], string]
      const row = MATRIX[key]
      const url = fillPath(path, new Proxy({}, { get: () => f.randomId }))
      const res = await t.request({ method, url, payload: method === 'GET' ? undefined : {} })
      if (row?.access === 'public') {
        expect(res.statusCode, key).not.toBe(401)
      } else if (row?.access === 'module' && isPublicPath(path)) {
        // Public module routes may still ask for a voter session; their module tests decide.
        expect(res.statusCode, key).toBeLessThan(500)
      } else {
        expect(res.statusCode, `${key} without a session`).toBe(401)
        expectError(res, 401, 'AUTH_REQUIRED')
      }
    }
  })

  for (const [key, row] of Object.entries(CORE_MATRIX)) {
    if (row.access !== 'scoped') continue
    for (const probe of row.probes) {
      it(`${key} (${probe.label}): outsiders get nothing of 深圳市总工会`, async () => {
        for (const { name, session } of outsiders) {
          const res = await session.request(probe.request(f))

          expect(res.statusCode, `${name}: ${res.body}`).toBeLessThan(500)
          if (probe.expect === 'denied') {
            expectError(res, 403)
          } else {
            // Staff lack audit:read and role:manage, so they are refused outright.
            if (res.statusCode === 403) expectError(res, 403, 'ACCESS_DENIED')
            else expect(res.statusCode, name).toBe(200)
            await expectNoShenzhen(res, `${name} ${key}`)
          }
        }
      })
    }
  }

  it('module routes answer outsiders without errors or Shenzhen data', async () => {
    for (const [key, row] of Object.entries(MATRIX)) {
      if (row.access !== 'module') continue
      const url = fillPath(row.path, new Proxy({}, { get: () => f.randomId }))
      for (const { name, session } of outsiders) {
        const res = await session.request({
          method: row.method,
          url,
          payload: row.method === 'GET' ? undefined : {},
        })

        expect(res.statusCode, `${name} ${key}: ${res.body}`).toBeLessThan(500)
        if (res.statusCode >= 400) expectError(res, res.statusCode)
        else await expectNoShenzhen(res, `${name} ${key}`)
      }
    }
  })

  it('left Shenzhen untouched: names, members, grants, and no audit row by an outsider', async () => {
    const admin = await t.loginAs(ACCOUNTS.platformAdmin)

    const org = await admin.request(get(`/api/v1/orgs/${f.shenzhenOrg}/subtree`))
    const member = await admin.request(get(`/api/v1/members/${f.shenzhenMember.id}`))
    const grants = await admin.request(get(`/api/v1/role-grants?orgId=${f.shenzhenOrg}`))

    expect(org.json<{ items: { name: string; isArchived: boolean }[] }>().items).toEqual([
      expect.objectContaining({ name: '深圳市总工会', isArchived: false }),
      expect.objectContaining({ name: '龙岗区总工会', isArchived: false }),
      expect.objectContaining({ name: '龙岗区建筑行业工联会', isArchived: false }),
    ])
    expect(member.json()).toMatchObject({
      name: f.shenzhenMember.name,
      orgId: expect.stringMatching(new RegExp(shenzhenOrgIds.join('|'))),
    })
    expect(grants.json<{ items: { id: string }[] }>().items.map((g) => g.id)).toContain(
      f.shenzhenGrant,
    )
    const outsiderIds = new Set(outsiders.map((o) => o.session.memberId))
    const rows = await auditRows(t)
    const touched = rows.filter(
      (r) =>
        r.actor_member_id !== null &&
        outsiderIds.has(r.actor_member_id) &&
        (shenzhenOrgIds.includes(r.org_id ?? '') || r.target_id === f.shenzhenMember.id),
    )
    expect(touched).toEqual([])
  })
})
