import type { RoleGrant } from '@unionhall/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ACCOUNTS,
  buildTestApp,
  type TestApp,
  type TestSession,
} from '../../../test/build-test-app'
import { freshMobile, makeMember } from '../../../test/factories/members'
import { ctxAs } from '../../../test/factories/orgs'
import { DEMO_WISH_PEOPLE } from '../../demo/demo-wishes'
import { MISSING_ID, auditRows, expectError } from '../../../test/helpers'

let t: TestApp
let admin: TestSession
let gansu: TestSession // org_admin of 甘肃省总工会
let lanzhouStaff: TestSession

beforeAll(async () => {
  t = await buildTestApp()
  ;[admin, gansu, lanzhouStaff] = await Promise.all([
    t.loginAs(ACCOUNTS.platformAdmin),
    t.loginAs(ACCOUNTS.gansuAdmin),
    t.loginAs(ACCOUNTS.lanzhouStaff),
  ])
})
afterAll(() => t.close())

const newMember = async (orgName = '兰州市总工会') =>
  makeMember(t, await ctxAs(t, admin.memberId), { orgId: t.orgId(orgName) })

const grant = (s: TestSession, body: Record<string, unknown>) =>
  s.request({ method: 'POST', url: '/api/v1/role-grants', payload: body })

describe('GET /api/v1/role-grants', () => {
  it('lists the grants in my subtrees only', async () => {
    const res = await gansu.request({ method: 'GET', url: '/api/v1/role-grants?pageSize=200' })

    expect(res.statusCode).toBe(200)
    const page = res.json<{ items: RoleGrant[]; total: number }>()
    expect(page.items.map((g) => [g.orgName, g.role]).sort()).toEqual(
      [
        ['兰州市总工会', 'staff'],
        ['甘肃省总工会', 'org_admin'],
      ].sort(),
    )
    expect(page.total).toBe(2)
  })

  it('filters by org and by member name', async () => {
    const byOrg = await admin.request({
      method: 'GET',
      url: `/api/v1/role-grants?orgId=${t.orgId('深圳市总工会')}`,
    })
    const byName = await admin.request({
      method: 'GET',
      url: `/api/v1/role-grants?q=${encodeURIComponent('柳州')}`,
    })

    expect(
      byOrg
        .json<{ items: RoleGrant[] }>()
        .items.map((g) => g.memberName)
        .sort(),
    ).toEqual(
      // The demo's staff accounts, and the micro-wish volunteer granted at 龙岗区总工会.
      ['深圳市总工会管理员', '龙岗区总工会干部', DEMO_WISH_PEOPLE.volunteer.name].sort(),
    )
    expect(byName.json<{ items: RoleGrant[] }>().items.map((g) => g.memberName)).toEqual([
      '柳州市总工会管理员',
    ])
  })
})

describe('POST /api/v1/role-grants and DELETE /api/v1/role-grants/:grantId', () => {
  it('grants a role, which takes effect on the member’s live session, then revokes it', async () => {
    const mobile = freshMobile()
    const member = await makeMember(t, await ctxAs(t, admin.memberId), {
      orgId: t.orgId('兰州市总工会'),
      mobile,
      password: 'Member#2026',
    })
    // Signed in with no grants yet, so members are out of reach.
    const session = await t.loginAs(mobile, 'Member#2026')
    expectError(
      await session.request({ method: 'GET', url: '/api/v1/members' }),
      403,
      'ACCESS_DENIED',
    )

    const res = await grant(gansu, {
      memberId: member.id,
      orgId: t.orgId('兰州市总工会'),
      role: 'staff',
    })

    expect(res.statusCode, res.body).toBe(201)
    const created = res.json<RoleGrant>()
    expect(created).toMatchObject({ memberId: member.id, orgName: '兰州市总工会', role: 'staff' })
    expect((await session.request({ method: 'GET', url: '/api/v1/members' })).statusCode).toBe(200)
    const [audit] = await auditRows(t, { action: 'role.granted', targetId: member.id })
    expect(audit).toMatchObject({
      actor_member_id: gansu.memberId,
      org_id: t.orgId('兰州市总工会'),
    })

    const revoked = await gansu.request({
      method: 'DELETE',
      url: `/api/v1/role-grants/${created.id}`,
    })

    expect(revoked.json()).toEqual({ ok: true })
    expectError(await session.request({ method: 'GET', url: '/api/v1/members' }), 403)
    expect(await auditRows(t, { action: 'role.revoked', targetId: member.id })).toHaveLength(1)
  })

  it('refuses a duplicate grant (409 ROLE_GRANT_EXISTS)', async () => {
    const member = await newMember()
    const body = { memberId: member.id, orgId: t.orgId('兰州市总工会'), role: 'volunteer' }
    expect((await grant(gansu, body)).statusCode).toBe(201)

    expectError(await grant(gansu, body), 409, 'ROLE_GRANT_EXISTS')
  })

  it('refuses a role stronger than mine (403 ROLE_NOT_GRANTABLE)', async () => {
    const member = await newMember()

    const res = await grant(gansu, {
      memberId: member.id,
      orgId: t.orgId('兰州市总工会'),
      role: 'platform_admin',
    })

    expectError(res, 403, 'ROLE_NOT_GRANTABLE')
    expect(await auditRows(t, { action: 'role.granted', targetId: member.id })).toHaveLength(0)
  })

  it('refuses to revoke my own grant (409 ROLE_SELF_REVOKE)', async () => {
    const mine = (
      await gansu.request({ method: 'GET', url: `/api/v1/role-grants?memberId=${gansu.memberId}` })
    ).json<{ items: RoleGrant[] }>().items[0]!

    expectError(
      await gansu.request({ method: 'DELETE', url: `/api/v1/role-grants/${mine.id}` }),
      409,
      'ROLE_SELF_REVOKE',
    )
  })

  it('answers 404 for an unknown member or grant', async () => {
    expectError(
      await grant(gansu, { memberId: MISSING_ID, orgId: t.orgId('兰州市总工会'), role: 'staff' }),
      404,
      'MEMBER_NOT_FOUND',
    )
    expectError(
      await gansu.request({ method: 'DELETE', url: `/api/v1/role-grants/${MISSING_ID}` }),
      404,
      'ROLE_GRANT_NOT_FOUND',
    )
  })
})

describe('access and validation', () => {
  let shenzhenGrantId: string
  beforeAll(async () => {
    const res = await admin.request({
      method: 'GET',
      url: `/api/v1/role-grants?orgId=${t.orgId('深圳市总工会')}`,
    })
    shenzhenGrantId = res.json<{ items: RoleGrant[] }>().items[0]!.id
  })

  const routes = async () => {
    const member = await newMember('深圳市总工会')
    return [
      { method: 'GET' as const, url: `/api/v1/role-grants?orgId=${t.orgId('深圳市总工会')}` },
      {
        method: 'POST' as const,
        url: '/api/v1/role-grants',
        payload: { memberId: member.id, orgId: t.orgId('深圳市总工会'), role: 'staff' },
      },
      { method: 'DELETE' as const, url: `/api/v1/role-grants/${shenzhenGrantId}` },
    ]
  }

  it('answers 401 without a session on every role-grants route', async () => {
    for (const r of await routes()) expectError(await t.request(r), 401, 'AUTH_REQUIRED')
  })

  it('answers 403 outside my subtree (org_admin of 甘肃), and changes nothing', async () => {
    const attempts = await routes()
    const granted = (await auditRows(t, { action: 'role.granted' })).length
    const revoked = (await auditRows(t, { action: 'role.revoked' })).length

    for (const r of attempts) expectError(await gansu.request(r), 403, 'ACCESS_DENIED')

    expect(await auditRows(t, { action: 'role.granted' })).toHaveLength(granted)
    expect(await auditRows(t, { action: 'role.revoked' })).toHaveLength(revoked)
    const still = await admin.request({
      method: 'GET',
      url: `/api/v1/role-grants?orgId=${t.orgId('深圳市总工会')}`,
    })
    expect(still.json<{ items: RoleGrant[] }>().items.map((g) => g.id)).toContain(shenzhenGrantId)
  })

  it('answers 403 to staff, who do not manage roles', async () => {
    expectError(await lanzhouStaff.request({ method: 'GET', url: '/api/v1/role-grants' }), 403)
  })

  it.each([
    ['unknown role', { role: 'king' }],
    ['memberId not a uuid', { memberId: 'x' }],
    ['missing orgId', { orgId: undefined }],
    ['unknown field', { note: 'hi' }],
  ])('POST: 400 for %s', async (_label, patch) => {
    const body = {
      memberId: MISSING_ID,
      orgId: t.orgId('兰州市总工会'),
      role: 'staff',
      ...patch,
    }

    expectError(await grant(gansu, body), 400, 'VALIDATION_FAILED')
  })

  it.each(['orgId=abc', 'memberId=abc', 'page=-1', 'x=1'])('GET ?%s answers 400', async (q) => {
    expectError(
      await gansu.request({ method: 'GET', url: `/api/v1/role-grants?${q}` }),
      400,
      'VALIDATION_FAILED',
    )
  })

  it('DELETE with a grant id that is not a uuid answers 400', async () => {
    expectError(
      await gansu.request({ method: 'DELETE', url: '/api/v1/role-grants/abc' }),
      400,
      'VALIDATION_FAILED',
    )
  })
})
