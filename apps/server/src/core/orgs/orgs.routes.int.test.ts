import type { Org } from '@unionhall/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ACCOUNTS,
  buildTestApp,
  type TestApp,
  type TestSession,
} from '../../../test/build-test-app'
import { MISSING_ID, auditRows, expectError } from '../../../test/helpers'

let t: TestApp
let admin: TestSession // platform admin
let gansu: TestSession // org_admin of 甘肃省总工会
let lanzhouStaff: TestSession // staff of 兰州市总工会

beforeAll(async () => {
  t = await buildTestApp()
  ;[admin, gansu, lanzhouStaff] = await Promise.all([
    t.loginAs(ACCOUNTS.platformAdmin),
    t.loginAs(ACCOUNTS.gansuAdmin),
    t.loginAs(ACCOUNTS.lanzhouStaff),
  ])
})
afterAll(() => t.close())

const createOrg = async (s: TestSession, parentName: string, name: string) => {
  const res = await s.request({
    method: 'POST',
    url: '/api/v1/orgs',
    payload: { parentId: t.orgId(parentName), name, kind: 'enterprise_union' },
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json<Org>()
}

describe('GET /api/v1/orgs', () => {
  it('lists the orgs my grants sit on when no filter is given', async () => {
    const res = await gansu.request({ method: 'GET', url: '/api/v1/orgs' })

    expect(res.statusCode).toBe(200)
    const page = res.json<{ items: Org[]; total: number }>()
    expect(page.items.map((o) => o.name)).toEqual(['甘肃省总工会'])
    expect(page.items[0]!.childCount).toBe(6)
  })

  it('lists the children of parentId', async () => {
    const res = await gansu.request({
      method: 'GET',
      url: `/api/v1/orgs?parentId=${t.orgId('甘肃省总工会')}&pageSize=3`,
    })

    const page = res.json<{ items: Org[]; total: number }>()
    expect(page.total).toBe(6)
    expect(page.items).toHaveLength(3)
    expect(page.items.every((o) => o.parentId === t.orgId('甘肃省总工会'))).toBe(true)
  })

  it('searches a subtree by Chinese name', async () => {
    const res = await admin.request({
      method: 'GET',
      url: `/api/v1/orgs?within=${t.orgId('中华全国总工会')}&q=${encodeURIComponent('兰州')}`,
    })

    expect(res.statusCode).toBe(200)
    expect(
      res
        .json<{ items: Org[] }>()
        .items.map((o) => o.name)
        .sort(),
    ).toEqual(['兰州市总工会', '兰州铁路局工会'].sort())
  })

  it('searches only inside my scope', async () => {
    const res = await gansu.request({
      method: 'GET',
      url: `/api/v1/orgs?q=${encodeURIComponent('深圳')}`,
    })

    expect(res.json<{ total: number }>().total).toBe(0)
  })
})

describe('GET /api/v1/orgs/:orgId, breadcrumbs and subtree', () => {
  it('returns one org with its active child count', async () => {
    const res = await lanzhouStaff.request({
      method: 'GET',
      url: `/api/v1/orgs/${t.orgId('兰州市总工会')}`,
    })

    expect(res.statusCode).toBe(200)
    expect(res.json<Org>()).toMatchObject({
      name: '兰州市总工会',
      kind: 'city_federation',
      parentId: t.orgId('甘肃省总工会'),
      depth: 2,
      isArchived: false,
    })
  })

  it('returns the chain from the root down', async () => {
    const res = await admin.request({
      method: 'GET',
      url: `/api/v1/orgs/${t.orgId('龙岗区建筑行业工联会')}/breadcrumbs`,
    })

    expect(res.json<{ name: string }[]>().map((b) => b.name)).toEqual([
      '中华全国总工会',
      '广东省总工会',
      '深圳市总工会',
      '龙岗区总工会',
      '龙岗区建筑行业工联会',
    ])
  })

  it('returns the subtree parents first, and says when it is truncated', async () => {
    const full = await admin.request({
      method: 'GET',
      url: `/api/v1/orgs/${t.orgId('深圳市总工会')}/subtree`,
    })
    const cut = await admin.request({
      method: 'GET',
      url: `/api/v1/orgs/${t.orgId('深圳市总工会')}/subtree?limit=1`,
    })

    expect(full.json()).toMatchObject({ total: 3, truncated: false })
    expect(full.json<{ items: Org[] }>().items.map((o) => o.name)).toEqual([
      '深圳市总工会',
      '龙岗区总工会',
      '龙岗区建筑行业工联会',
    ])
    expect(cut.json()).toMatchObject({ total: 3, truncated: true })
    expect(cut.json<{ items: Org[] }>().items).toHaveLength(1)
  })

  it('answers 404 ORG_NOT_FOUND for an unknown id', async () => {
    expectError(
      await admin.request({ method: 'GET', url: `/api/v1/orgs/${MISSING_ID}` }),
      404,
      'ORG_NOT_FOUND',
    )
  })
})

describe('POST /api/v1/orgs', () => {
  it('creates a child org and audits it', async () => {
    const org = await createOrg(gansu, '兰州市总工会', '兰州新区工会')

    expect(org).toMatchObject({
      name: '兰州新区工会',
      parentId: t.orgId('兰州市总工会'),
      depth: 3,
      childCount: 0,
    })
    const audit = await auditRows(t, { action: 'org.created', targetId: org.id })
    expect(audit).toHaveLength(1)
    expect(audit[0]!.actor_member_id).toBe(gansu.memberId)
  })

  it('refuses a sibling with the same name (409 ORG_NAME_TAKEN)', async () => {
    const res = await gansu.request({
      method: 'POST',
      url: '/api/v1/orgs',
      payload: { parentId: t.orgId('甘肃省总工会'), name: '兰州市总工会', kind: 'city_federation' },
    })

    expectError(res, 409, 'ORG_NAME_TAKEN')
  })
})

describe('PATCH /api/v1/orgs/:orgId', () => {
  it('renames an org and audits before and after', async () => {
    const org = await createOrg(gansu, '武威市总工会', '武威旧名工会')

    const res = await gansu.request({
      method: 'PATCH',
      url: `/api/v1/orgs/${org.id}`,
      payload: { name: '武威新名工会' },
    })

    expect(res.statusCode).toBe(200)
    expect(res.json<Org>().name).toBe('武威新名工会')
    const get = await gansu.request({ method: 'GET', url: `/api/v1/orgs/${org.id}` })
    expect(get.json<Org>().name).toBe('武威新名工会')
    const [audit] = await auditRows(t, { action: 'org.updated', targetId: org.id })
    expect(JSON.parse(audit!.summary)).toMatchObject({
      before: { name: '武威旧名工会' },
      after: { name: '武威新名工会' },
    })
  })
})

describe('POST /api/v1/orgs/:orgId/move', () => {
  it('moves an org with its subtree and rewrites the paths', async () => {
    const parent = await createOrg(gansu, '兰州市总工会', '待迁移工会')
    const child = await createOrg(gansu, '兰州市总工会', '待迁移工会分会')
    await gansu.request({
      method: 'POST',
      url: `/api/v1/orgs/${child.id}/move`,
      payload: { newParentId: parent.id },
    })

    const res = await gansu.request({
      method: 'POST',
      url: `/api/v1/orgs/${parent.id}/move`,
      payload: { newParentId: t.orgId('嘉峪关市总工会') },
    })

    expect(res.statusCode, res.body).toBe(200)
    expect(res.json<Org>()).toMatchObject({ parentId: t.orgId('嘉峪关市总工会'), childCount: 1 })
    const crumbs = await gansu.request({
      method: 'GET',
      url: `/api/v1/orgs/${child.id}/breadcrumbs`,
    })
    expect(crumbs.json<{ name: string }[]>().map((b) => b.name)).toEqual([
      '中华全国总工会',
      '甘肃省总工会',
      '嘉峪关市总工会',
      '待迁移工会',
      '待迁移工会分会',
    ])
    const childOrg = await gansu.request({ method: 'GET', url: `/api/v1/orgs/${child.id}` })
    expect(childOrg.json<Org>().depth).toBe(4)
    const lanzhou = await gansu.request({
      method: 'GET',
      url: `/api/v1/orgs/${t.orgId('兰州市总工会')}/subtree`,
    })
    expect(lanzhou.json<{ items: Org[] }>().items.map((o) => o.id)).not.toContain(child.id)
    expect(await auditRows(t, { action: 'org.moved', targetId: parent.id })).toHaveLength(1)
  })

  it('refuses a move under its own descendant (409 ORG_MOVE_INTO_DESCENDANT)', async () => {
    const res = await admin.request({
      method: 'POST',
      url: `/api/v1/orgs/${t.orgId('柳州市总工会')}/move`,
      payload: { newParentId: t.orgId('鹿寨县总工会') },
    })

    expectError(res, 409, 'ORG_MOVE_INTO_DESCENDANT')
  })

  it('refuses to move the root (409 ORG_ROOT_IMMUTABLE)', async () => {
    const res = await admin.request({
      method: 'POST',
      url: `/api/v1/orgs/${t.orgId('中华全国总工会')}/move`,
      payload: { newParentId: t.orgId('北京市总工会') },
    })

    expectError(res, 409, 'ORG_ROOT_IMMUTABLE')
  })
})

describe('POST /api/v1/orgs/:orgId/archive', () => {
  it('archives a leaf, hides it from lists and refuses new children', async () => {
    const org = await createOrg(gansu, '酒钢集团公司工会', '待归档工会')

    const res = await gansu.request({ method: 'POST', url: `/api/v1/orgs/${org.id}/archive` })

    expect(res.statusCode).toBe(200)
    expect(res.json<Org>().isArchived).toBe(true)
    const list = await gansu.request({
      method: 'GET',
      url: `/api/v1/orgs?parentId=${t.orgId('酒钢集团公司工会')}`,
    })
    expect(list.json<{ items: Org[] }>().items.map((o) => o.id)).not.toContain(org.id)
    const withArchived = await gansu.request({
      method: 'GET',
      url: `/api/v1/orgs?parentId=${t.orgId('酒钢集团公司工会')}&includeArchived=true`,
    })
    expect(withArchived.json<{ items: Org[] }>().items.map((o) => o.id)).toContain(org.id)
    expectError(
      await gansu.request({
        method: 'POST',
        url: '/api/v1/orgs',
        payload: { parentId: org.id, name: '归档下的工会', kind: 'other' },
      }),
      409,
      'ORG_ARCHIVED',
    )
    expect(await auditRows(t, { action: 'org.archived', targetId: org.id })).toHaveLength(1)
  })

  it('refuses an org with active children (409 ORG_HAS_ACTIVE_CHILDREN)', async () => {
    const res = await admin.request({
      method: 'POST',
      url: `/api/v1/orgs/${t.orgId('柳州市总工会')}/archive`,
    })

    expectError(res, 409, 'ORG_HAS_ACTIVE_CHILDREN')
  })
})

describe('GET /api/v1/public/orgs', () => {
  it('searches active orgs by name without a session, with the parent name', async () => {
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/public/orgs?q=${encodeURIComponent('兰州市')}`,
    })

    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual([
      {
        id: t.orgId('兰州市总工会'),
        name: '兰州市总工会',
        kind: 'city_federation',
        parentName: '甘肃省总工会',
      },
    ])
  })

  it('refuses an empty query (400)', async () => {
    expectError(await t.request({ method: 'GET', url: '/api/v1/public/orgs?q=' }), 400)
  })
})

describe('access and validation', () => {
  const shenzhen = () => t.orgId('深圳市总工会')
  const routes = () => [
    { method: 'GET' as const, url: '/api/v1/orgs' },
    { method: 'GET' as const, url: `/api/v1/orgs/${shenzhen()}` },
    { method: 'GET' as const, url: `/api/v1/orgs/${shenzhen()}/breadcrumbs` },
    { method: 'GET' as const, url: `/api/v1/orgs/${shenzhen()}/subtree` },
    {
      method: 'POST' as const,
      url: '/api/v1/orgs',
      payload: { parentId: shenzhen(), name: '越权工会', kind: 'other' },
    },
    { method: 'PATCH' as const, url: `/api/v1/orgs/${shenzhen()}`, payload: { name: '越权改名' } },
    {
      method: 'POST' as const,
      url: `/api/v1/orgs/${shenzhen()}/move`,
      payload: { newParentId: t.orgId('甘肃省总工会') },
    },
    { method: 'POST' as const, url: `/api/v1/orgs/${t.orgId('龙岗区建筑行业工联会')}/archive` },
  ]

  it('answers 401 AUTH_REQUIRED without a session on every orgs route', async () => {
    for (const r of routes()) expectError(await t.request(r), 401, 'AUTH_REQUIRED')
  })

  it('answers 403 outside my subtree on every orgs route (org_admin of 甘肃)', async () => {
    for (const r of routes().slice(1)) expectError(await gansu.request(r), 403, 'ACCESS_DENIED')
    const shenzhenOrg = await admin.request({ method: 'GET', url: `/api/v1/orgs/${shenzhen()}` })
    expect(shenzhenOrg.json<Org>()).toMatchObject({ name: '深圳市总工会', isArchived: false })
  })

  it('answers 403 on manage routes to staff, who only read orgs', async () => {
    const res = await lanzhouStaff.request({
      method: 'POST',
      url: '/api/v1/orgs',
      payload: { parentId: t.orgId('兰州市总工会'), name: '员工建的工会', kind: 'other' },
    })

    expectError(res, 403, 'ACCESS_DENIED')
  })

  it.each([
    ['parentId not a uuid', { parentId: 'x', name: '合法名称', kind: 'other' }, 'body.parentId'],
    ['name too short', { name: '甲', kind: 'other' }, 'body.name'],
    ['name too long', { name: '工'.repeat(101), kind: 'other' }, 'body.name'],
    ['unknown kind', { name: '合法名称', kind: 'club' }, 'body.kind'],
    ['unknown field', { name: '合法名称', kind: 'other', color: 'red' }, 'body'],
    ['missing kind', { name: '合法名称' }, 'body.kind'],
  ])('POST /orgs: 400 for %s', async (_label, body, path) => {
    const payload = { parentId: t.orgId('兰州市总工会'), ...body }

    const error = expectError(
      await gansu.request({ method: 'POST', url: '/api/v1/orgs', payload }),
      400,
      'VALIDATION_FAILED',
    )

    expect(JSON.stringify(error.details)).toContain(path)
  })

  it.each([
    ['PATCH name too short', 'PATCH', '', { name: 'x' }],
    ['PATCH unknown field', 'PATCH', '', { parentId: MISSING_ID }],
    ['move without newParentId', 'POST', '/move', {}],
    ['move to a bad id', 'POST', '/move', { newParentId: 'nope' }],
  ] as const)('400 for %s', async (_label, method, suffix, payload) => {
    const res = await gansu.request({
      method,
      url: `/api/v1/orgs/${t.orgId('兰州市总工会')}${suffix}`,
      payload,
    })

    expectError(res, 400, 'VALIDATION_FAILED')
  })

  it.each([
    'parentId=abc',
    'within=abc',
    'page=0',
    'pageSize=500',
    'includeArchived=yes',
    'unknown=1',
  ])('GET /orgs?%s answers 400', async (query) => {
    expectError(await gansu.request({ method: 'GET', url: `/api/v1/orgs?${query}` }), 400)
  })

  it('400 for a path id that is not a uuid, and for subtree?limit=0', async () => {
    expectError(await gansu.request({ method: 'GET', url: '/api/v1/orgs/abc' }), 400)
    expectError(
      await gansu.request({
        method: 'GET',
        url: `/api/v1/orgs/${t.orgId('兰州市总工会')}/subtree?limit=0`,
      }),
      400,
    )
  })

  it('writes no audit row for refused changes', async () => {
    const before = await auditRows(t, { targetId: shenzhen() })

    for (const r of routes().slice(4)) await gansu.request(r)

    expect(await auditRows(t, { targetId: shenzhen() })).toHaveLength(before.length)
  })
})
