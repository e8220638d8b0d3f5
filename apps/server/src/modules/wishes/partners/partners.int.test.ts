import type { MyClaim, MyWishPartner, Page, WishPartner } from '@unionhall/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ACCOUNTS,
  buildTestApp,
  type TestApp,
  type TestSession,
} from '../../../../test/build-test-app'
import { auditRows, expectError, MISSING_ID, readXlsx, XLSX_TYPE } from '../../../../test/helpers'
import {
  claimRows,
  createStation,
  expectStatus,
  memberSession,
  postWish,
  publish,
  registerPartner,
} from '../wishes.fixtures.test-helpers'

/**
 * Partner companies (ADR 0030): staff register them and the members who claim for them; a claim
 * as partner_company must name one the claimant acts for, active, whose org's subtree holds the
 * wish. Runs on SQLite and PostgreSQL like every integration test.
 */

let t: TestApp
let longgang: TestSession // staff of 龙岗区总工会 (wish:manage)
let shenzhen: TestSession // org_admin of 深圳市总工会
let gansu: TestSession // org_admin of 甘肃省总工会, outside Shenzhen
let lanzhou: TestSession // staff of 兰州市总工会
let volunteer: TestSession // wish:read only
let worker: TestSession
let rep: TestSession // claims for the bank
let outsider: TestSession // claims for nobody
let stationId: string

beforeAll(async () => {
  t = await buildTestApp()
  ;[longgang, shenzhen, gansu, lanzhou] = await Promise.all([
    t.loginAs(ACCOUNTS.longgangStaff),
    t.loginAs(ACCOUNTS.shenzhenAdmin),
    t.loginAs(ACCOUNTS.gansuAdmin),
    t.loginAs(ACCOUNTS.lanzhouStaff),
  ])
  volunteer = (await memberSession(t, '龙岗区总工会', '赵志愿', ['volunteer'])).session
  worker = (await memberSession(t, '龙岗区建筑行业工联会', '李建国')).session
  rep = (await memberSession(t, '龙岗区总工会', '孙代表')).session
  outsider = (await memberSession(t, '龙岗区总工会', '冒名者')).session
  stationId = (await createStation(t, longgang, { name: '企业认领测试驿站' })).id
})
afterAll(() => t.close())

const publishedWish = async () => {
  const wish = await postWish(worker, { stationId })
  await publish(longgang, wish.id)
  return wish
}
const claimAs = (s: TestSession, wishId: string, payload: object) =>
  s.request({ method: 'POST', url: `/api/v1/wishes/${wishId}/claims`, payload })
const partnerUrl = (id = '') => `/api/v1/wishes/partners${id ? `/${id}` : ''}`

describe('registering partners: /api/v1/wishes/partners', () => {
  it('registers, lists, renames and archives a partner in the staff subtree, audited', async () => {
    const created = expectStatus(
      await longgang.request({
        method: 'POST',
        url: partnerUrl(),
        payload: { orgId: t.orgId('龙岗区总工会'), name: '  招商银行布吉支行 ' },
      }),
      201,
    ).json<WishPartner>()
    expect(created).toMatchObject({
      name: '招商银行布吉支行',
      orgName: '龙岗区总工会',
      status: 'active',
      members: [],
      claims: 0,
      delivered: 0,
    })
    expectError(
      await longgang.request({
        method: 'POST',
        url: partnerUrl(),
        payload: { orgId: t.orgId('龙岗区总工会'), name: '招商银行布吉支行' },
      }),
      409,
      'WISH_PARTNER_NAME_TAKEN',
    )

    // Listed for staff above it (Shenzhen), searched by part of the name; not for Gansu.
    const found = expectStatus(
      await shenzhen.request({
        method: 'GET',
        url: `${partnerUrl()}?q=${encodeURIComponent('布吉')}`,
      }),
      200,
    ).json<Page<WishPartner>>()
    expect(found.items.map((p) => p.id)).toEqual([created.id])
    const elsewhere = expectStatus(
      await gansu.request({ method: 'GET', url: `${partnerUrl()}?pageSize=200` }),
      200,
    ).json<Page<WishPartner>>()
    expect(elsewhere.items.map((p) => p.id)).not.toContain(created.id)
    // % is a character, not a wildcard.
    const percent = expectStatus(
      await shenzhen.request({ method: 'GET', url: `${partnerUrl()}?q=%25` }),
      200,
    ).json<Page<WishPartner>>()
    expect(percent.total).toBe(0)

    const renamed = expectStatus(
      await longgang.request({
        method: 'PATCH',
        url: partnerUrl(created.id),
        payload: { name: '招商银行深圳布吉支行', status: 'archived' },
      }),
      200,
    ).json<WishPartner>()
    expect(renamed).toMatchObject({ name: '招商银行深圳布吉支行', status: 'archived' })
    const archived = expectStatus(
      await longgang.request({
        method: 'GET',
        url: `${partnerUrl()}?status=archived&pageSize=200`,
      }),
      200,
    ).json<Page<WishPartner>>()
    expect(archived.items.map((p) => p.id)).toContain(created.id)

    const audit = await auditRows(t, { targetId: created.id })
    expect(audit.map((a) => a.action)).toEqual(['wish.partner_created', 'wish.partner_updated'])
    expect(JSON.parse(String(audit[1]!.summary))).toEqual({
      before: { name: '招商银行布吉支行', status: 'active' },
      after: { name: '招商银行深圳布吉支行', status: 'archived' },
    })
  })

  it('refuses bad input and callers without wish:manage there, changing nothing', async () => {
    const orgId = t.orgId('龙岗区总工会')
    const before = (await auditRows(t)).length
    for (const payload of [
      { orgId, name: 'X' },
      { orgId, name: '' },
      { orgId },
      { name: '某公司' },
    ])
      expectError(
        await longgang.request({ method: 'POST', url: partnerUrl(), payload }),
        400,
        'VALIDATION_FAILED',
      )
    expectError(
      await longgang.request({
        method: 'POST',
        url: partnerUrl(),
        payload: { orgId, name: '某公司', extra: 1 },
      }),
      400,
      'VALIDATION_FAILED',
    )
    expectError(
      await gansu.request({
        method: 'POST',
        url: partnerUrl(),
        payload: { orgId, name: '某公司' },
      }),
      403,
      'ACCESS_DENIED',
    )
    expectError(
      await volunteer.request({
        method: 'POST',
        url: partnerUrl(),
        payload: { orgId, name: '某公司' },
      }),
      403,
    )
    expectError(
      await t.request({ method: 'POST', url: partnerUrl(), payload: { orgId, name: '某公司' } }),
      401,
    )
    expectError(
      await longgang.request({
        method: 'POST',
        url: partnerUrl(),
        payload: { orgId: MISSING_ID, name: '某公司' },
      }),
      404,
      'ORG_NOT_FOUND',
    )
    expectError(
      await longgang.request({
        method: 'PATCH',
        url: partnerUrl(MISSING_ID),
        payload: { name: '某公司' },
      }),
      404,
      'WISH_PARTNER_NOT_FOUND',
    )
    expectError(
      await longgang.request({ method: 'PATCH', url: partnerUrl(MISSING_ID), payload: {} }),
      400,
      'VALIDATION_FAILED',
    )
    expect((await auditRows(t)).length).toBe(before)
  })

  it('lists members by the mobile they signed up with; refuses strangers and repeats', async () => {
    const p = await registerPartner(t, longgang, '龙岗区总工会', [])
    const add = (mobile: string, s = longgang) =>
      s.request({ method: 'POST', url: `${partnerUrl(p.id)}/members`, payload: { mobile } })
    const withRep = expectStatus(await add(rep.mobile), 200).json<WishPartner>()
    expect(withRep.members).toEqual([
      expect.objectContaining({ memberId: rep.memberId, name: '孙代表' }),
    ])
    // Lists show the masked mobile only.
    expect(withRep.members[0]!.mobileMasked).toMatch(/^\d{3}\*{4}\d{4}$/)
    expect(JSON.stringify(withRep)).not.toContain(rep.mobile)
    expectError(await add(rep.mobile), 409, 'WISH_PARTNER_MEMBER_EXISTS')
    expectError(await add('13000000000'), 404, 'WISH_PARTNER_MEMBER_NOT_FOUND')
    expectError(await add('12345'), 400, 'VALIDATION_FAILED')
    expectError(await add(outsider.mobile, lanzhou), 403, 'ACCESS_DENIED')

    const removeUrl = (memberId: string) => `${partnerUrl(p.id)}/members/${memberId}`
    expectError(
      await longgang.request({ method: 'DELETE', url: removeUrl(outsider.memberId) }),
      404,
      'WISH_PARTNER_MEMBER_NOT_LISTED',
    )
    const removed = expectStatus(
      await longgang.request({ method: 'DELETE', url: removeUrl(rep.memberId) }),
      200,
    ).json<WishPartner>()
    expect(removed.members).toEqual([])
    const audit = await auditRows(t, { targetId: p.id })
    expect(audit.map((a) => a.action)).toEqual([
      'wish.partner_created',
      'wish.partner_member_added',
      'wish.partner_member_removed',
    ])
    expect(JSON.stringify(audit)).not.toContain(rep.mobile)
  })
})

describe('exporting partners: /api/v1/wishes/partners/export.xlsx', () => {
  it('holds every partner the filters select, claimants masked, and is audited', async () => {
    const driver = (await memberSession(t, '龙岗区总工会', '钱司机')).session
    const p = await registerPartner(t, longgang, '龙岗区总工会', [driver], '导出测试物流公司')
    const res = await shenzhen.request({
      method: 'GET',
      url: `/api/v1/wishes/partners/export.xlsx?q=${encodeURIComponent('导出测试')}`,
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toBe(XLSX_TYPE)
    const rows = await readXlsx(res.rawPayload)
    expect(rows[0]).toEqual([
      '企业名称',
      '登记工会',
      '状态',
      '认领人',
      '认领次数',
      '已送达',
      '登记时间',
    ])
    expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['导出测试物流公司', '龙岗区总工会', '正常'],
    ])
    expect(String(rows[1]![3])).toMatch(/^钱司机 \d{3}\*{4}\d{4}$/)
    expect(JSON.stringify(rows)).not.toContain(driver.mobile)
    const [audit] = await auditRows(t, { action: 'wish.partners_exported' })
    expect(JSON.parse(String(audit!.summary))).toEqual({ filters: { q: '导出测试' }, rows: 1 })
    // Outside the caller's subtrees: nothing of Shenzhen's.
    const other = await gansu.request({
      method: 'GET',
      url: `/api/v1/wishes/partners/export.xlsx?q=${encodeURIComponent('导出测试')}`,
    })
    expect((await readXlsx(other.rawPayload)).length).toBe(1)
    expectError(
      await gansu.request({
        method: 'GET',
        url: `/api/v1/wishes/partners/export.xlsx?orgId=${t.orgId('龙岗区总工会')}`,
      }),
      403,
      'ACCESS_DENIED',
    )
    expect(p.name).toBe('导出测试物流公司')
  })
})

describe('claiming as a partner company', () => {
  it('only for a partner the claimant acts for, active and covering the wish; counted on it', async () => {
    const bank = await registerPartner(t, longgang, '龙岗区总工会', [rep], '平安银行坂田支行')
    const farAway = await registerPartner(t, lanzhou, '兰州市总工会', [rep], '兰州某公司')
    const wish = await publishedWish()
    const before = (await auditRows(t)).length

    // Typing a company's name is no longer how a claim is made.
    expectError(
      await claimAs(outsider, wish.id, {
        claimantKind: 'partner_company',
        displayName: '平安银行',
      }),
      400,
      'VALIDATION_FAILED',
    )
    expectError(
      await claimAs(rep, wish.id, { claimantKind: 'volunteer', partnerId: bank.id }),
      400,
      'VALIDATION_FAILED',
    )
    expectError(
      await claimAs(outsider, wish.id, { claimantKind: 'partner_company', partnerId: bank.id }),
      403,
      'WISH_PARTNER_NOT_YOURS',
    )
    expectError(
      await claimAs(rep, wish.id, { claimantKind: 'partner_company', partnerId: MISSING_ID }),
      403,
      'WISH_PARTNER_NOT_YOURS',
    )
    const out = expectError(
      await claimAs(rep, wish.id, { claimantKind: 'partner_company', partnerId: farAway.id }),
      403,
      'WISH_PARTNER_OUT_OF_SCOPE',
    )
    expect(out.details).toEqual({ partnerOrg: '兰州市总工会' })
    expect(await claimRows(t, wish.id)).toEqual([])
    expect((await auditRows(t)).length).toBe(before)

    // The claim form offers the partners that may claim this wish.
    const mine = expectStatus(
      await rep.request({ method: 'GET', url: `/api/v1/my/wish-partners?wishId=${wish.id}` }),
      200,
    ).json<{ items: MyWishPartner[] }>()
    expect(mine.items.map((p) => p.name)).toEqual(['平安银行坂田支行'])
    const all = expectStatus(
      await rep.request({ method: 'GET', url: '/api/v1/my/wish-partners' }),
      200,
    ).json<{ items: MyWishPartner[] }>()
    expect(all.items.map((p) => p.name).sort()).toEqual(['兰州某公司', '平安银行坂田支行'].sort())
    expectError(await t.request({ method: 'GET', url: '/api/v1/my/wish-partners' }), 401)

    const claim = expectStatus(
      await claimAs(rep, wish.id, { claimantKind: 'partner_company', partnerId: bank.id }),
      201,
    ).json<MyClaim>()
    expect(claim).toMatchObject({
      claimantKind: 'partner_company',
      claimantName: '平安银行坂田支行',
    })
    expect((await claimRows(t, wish.id))[0]).toMatchObject({ partner_id: bank.id })
    const listed = expectStatus(
      await longgang.request({ method: 'GET', url: partnerUrl(bank.id) }),
      200,
    ).json<WishPartner>()
    expect(listed).toMatchObject({ claims: 1, delivered: 0 })
  })

  it('an archived partner makes no new claims and is not offered', async () => {
    const shop = await registerPartner(t, shenzhen, '深圳市总工会', [rep], '深圳某超市')
    expectStatus(
      await shenzhen.request({
        method: 'PATCH',
        url: partnerUrl(shop.id),
        payload: { status: 'archived' },
      }),
      200,
    )
    const wish = await publishedWish()
    expectError(
      await claimAs(rep, wish.id, { claimantKind: 'partner_company', partnerId: shop.id }),
      409,
      'WISH_PARTNER_ARCHIVED',
    )
    const mine = expectStatus(
      await rep.request({ method: 'GET', url: `/api/v1/my/wish-partners?wishId=${wish.id}` }),
      200,
    ).json<{ items: MyWishPartner[] }>()
    expect(mine.items.map((p) => p.id)).not.toContain(shop.id)
  })
})
