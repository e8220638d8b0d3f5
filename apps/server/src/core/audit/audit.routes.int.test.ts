import type { AuditEntry } from '@unionhall/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ACCOUNTS,
  buildTestApp,
  type TestApp,
  type TestSession,
} from '../../../test/build-test-app'
import { MISSING_ID, XLSX_TYPE, expectError, readXlsx } from '../../../test/helpers'

let t: TestApp
let admin: TestSession
let gansu: TestSession // org_admin of 甘肃省总工会
let lanzhouStaff: TestSession
let gansuOrgIds: Set<string>

beforeAll(async () => {
  t = await buildTestApp()
  ;[admin, gansu, lanzhouStaff] = await Promise.all([
    t.loginAs(ACCOUNTS.platformAdmin),
    t.loginAs(ACCOUNTS.gansuAdmin),
    t.loginAs(ACCOUNTS.lanzhouStaff),
  ])
  const subtree = await admin.request({
    method: 'GET',
    url: `/api/v1/orgs/${t.orgId('甘肃省总工会')}/subtree`,
  })
  gansuOrgIds = new Set(subtree.json<{ items: { id: string }[] }>().items.map((o) => o.id))
  // Something to find: a rename in Shenzhen by its admin.
  const shenzhen = await t.loginAs(ACCOUNTS.shenzhenAdmin)
  await shenzhen.request({
    method: 'PATCH',
    url: `/api/v1/orgs/${t.orgId('龙岗区建筑行业工联会')}`,
    payload: { name: '龙岗区建筑业工联会' },
  })
})
afterAll(() => t.close())

const list = async (s: TestSession, query = '') => {
  const res = await s.request({ method: 'GET', url: `/api/v1/audit?pageSize=200&${query}` })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<{ items: AuditEntry[]; total: number }>()
}

describe('GET /api/v1/audit', () => {
  it('lists only records of orgs in my subtree, newest first', async () => {
    const page = await list(gansu)

    expect(page.total).toBeGreaterThan(0)
    expect(page.items.every((e) => gansuOrgIds.has(e.orgId!))).toBe(true)
    expect(page.items.some((e) => e.orgName === '兰州市总工会')).toBe(true)
    const times = page.items.map((e) => e.at)
    expect([...times].sort().reverse()).toEqual(times)
  })

  it('shows the platform admin records from everywhere, with actor names and summaries', async () => {
    const page = await list(admin, 'action=org.updated')

    const rename = page.items.find((e) => e.targetId === t.orgId('龙岗区建筑行业工联会'))!
    expect(rename).toMatchObject({
      actorName: '深圳市总工会管理员',
      orgName: '龙岗区建筑业工联会',
      summary: { before: { name: '龙岗区建筑行业工联会' }, after: { name: '龙岗区建筑业工联会' } },
    })
    expect(rename.requestId).toBeTruthy()
    expect(rename.ip).toBe('127.0.0.1')
  })

  it('shows records tied to no org (OTP sends) to the platform admin only', async () => {
    const otp = await t.request({
      method: 'POST',
      url: '/api/v1/auth/otp',
      payload: { mobile: '13912345678', purpose: 'register' },
    })
    expect(otp.statusCode, otp.body).toBe(200)

    const forAdmin = await list(admin, 'action=auth.otp-sent')
    const forGansu = await list(gansu, 'action=auth.otp-sent')

    expect(forAdmin.items.length).toBeGreaterThan(0)
    expect(forAdmin.items.every((e) => e.orgId === null)).toBe(true)
    expect(forGansu.items).toEqual([])
  })

  it('filters by org subtree, action, actor and text', async () => {
    const byOrg = await list(admin, `orgId=${t.orgId('深圳市总工会')}`)
    const byAction = await list(gansu, 'action=member.created')
    const byActor = await list(admin, `actorId=${admin.memberId}&action=org.created`)
    const byText = await list(admin, `q=${encodeURIComponent('龙岗区建筑业')}`)

    const shenzhenIds = new Set([
      t.orgId('深圳市总工会'),
      t.orgId('龙岗区总工会'),
      t.orgId('龙岗区建筑行业工联会'),
    ])
    expect(byOrg.items.length).toBeGreaterThan(0)
    expect(byOrg.items.every((e) => shenzhenIds.has(e.orgId!))).toBe(true)
    expect(byAction.items.every((e) => e.action === 'member.created')).toBe(true)
    expect(byAction.total).toBeGreaterThan(10)
    expect(byActor.total).toBeGreaterThanOrEqual(20) // the seed created the demo tree as the admin
    expect(byText.items.map((e) => e.action)).toContain('org.updated')
  })

  it('filters by time', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString()

    expect((await list(admin, `from=${future}`)).total).toBe(0)
    expect((await list(admin, `to=${future}&action=org.created`)).total).toBeGreaterThan(0)
  })

  it('pages', async () => {
    const first = await gansu.request({ method: 'GET', url: '/api/v1/audit?pageSize=2' })
    const second = await gansu.request({ method: 'GET', url: '/api/v1/audit?pageSize=2&page=2' })

    const a = first.json<{ items: AuditEntry[] }>().items.map((e) => e.id)
    const b = second.json<{ items: AuditEntry[] }>().items.map((e) => e.id)
    expect(a).toHaveLength(2)
    expect(b).toHaveLength(2)
    expect(a.some((id) => b.includes(id))).toBe(false)
  })
})

describe('GET /api/v1/audit/export', () => {
  it('exports the records of my subtree as a valid .xlsx', async () => {
    const res = await gansu.request({ method: 'GET', url: '/api/v1/audit/export' })

    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain(XLSX_TYPE)
    expect(res.headers['content-disposition']).toContain('attachment')
    const rows = await readXlsx(res.rawPayload)
    expect(rows[0]![0]).toBe('时间 Time')
    const page = await list(gansu)
    expect(rows).toHaveLength(page.total + 1)
    const orgNames = new Set(rows.slice(1).map((r) => r[5]))
    expect(orgNames.has('兰州市总工会')).toBe(true)
    for (const name of ['深圳市总工会', '龙岗区建筑业工联会', '北京市总工会'])
      expect(orgNames.has(name)).toBe(false)
  })

  it('applies filters to the export', async () => {
    const res = await admin.request({
      method: 'GET',
      url: `/api/v1/audit/export?orgId=${t.orgId('深圳市总工会')}&action=org.updated`,
    })

    const rows = await readXlsx(res.rawPayload)
    expect(rows.slice(1).map((r) => r[2])).toEqual(['org.updated'])
  })
})

describe('access and validation', () => {
  it('answers 401 without a session', async () => {
    expectError(await t.request({ method: 'GET', url: '/api/v1/audit' }), 401, 'AUTH_REQUIRED')
    expectError(
      await t.request({ method: 'GET', url: '/api/v1/audit/export' }),
      401,
      'AUTH_REQUIRED',
    )
  })

  it('answers 403 for an org outside my subtree', async () => {
    const q = `orgId=${t.orgId('深圳市总工会')}`

    expectError(await gansu.request({ method: 'GET', url: `/api/v1/audit?${q}` }), 403)
    expectError(await gansu.request({ method: 'GET', url: `/api/v1/audit/export?${q}` }), 403)
  })

  it('answers 403 to staff, who do not read the audit log', async () => {
    expectError(await lanzhouStaff.request({ method: 'GET', url: '/api/v1/audit' }), 403)
  })

  it('answers 404 for an unknown org', async () => {
    expectError(
      await gansu.request({ method: 'GET', url: `/api/v1/audit?orgId=${MISSING_ID}` }),
      404,
      'ORG_NOT_FOUND',
    )
  })

  it.each([
    'orgId=abc',
    'actorId=abc',
    'from=yesterday',
    'to=2026-13-01',
    `action=${'x'.repeat(101)}`,
    'pageSize=201',
    'unknown=1',
  ])('GET /audit?%s answers 400', async (q) => {
    expectError(
      await gansu.request({ method: 'GET', url: `/api/v1/audit?${q}` }),
      400,
      'VALIDATION_FAILED',
    )
  })

  it('GET /audit/export refuses paging parameters and unknown fields (400)', async () => {
    expectError(await gansu.request({ method: 'GET', url: '/api/v1/audit/export?page=2' }), 400)
    expectError(await gansu.request({ method: 'GET', url: '/api/v1/audit/export?x=1' }), 400)
  })
})
