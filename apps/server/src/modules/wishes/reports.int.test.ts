import { WISH_AUTO_CONFIRM_DAYS, type PoliticalStatus, type WishReport } from '@unionhall/contracts'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ACCOUNTS,
  buildTestApp,
  type TestApp,
  type TestSession,
} from '../../../test/build-test-app'
import { freshMobile, makeMember } from '../../../test/factories/members'
import { ctxAs, makeOrg } from '../../../test/factories/orgs'
import { MISSING_ID, XLSX_TYPE, auditRows, expectError, readXlsx } from '../../../test/helpers'
import type { Ctx } from '../../core/access'
import {
  addPartnerMember,
  claimWish,
  confirmMyWish,
  createPartner,
  createWishForWorker,
  expireDueClaims,
  fulfilClaim,
  postWish,
  reopenMyWish,
  reviewWish,
  withdrawMyWish,
} from '.'
import { exportWishReport } from './reports.service'
import { chinaToday } from './wish-rules'
import { createStation, day, expectStatus } from './wishes.fixtures.test-helpers'

/**
 * Report numbers on a known set of wishes in an org subtree of their own (so demo data cannot
 * change them), made through the services with a fixed clock so the hours to claim and to
 * fulfil are exact.
 */

let t: TestApp
let longgang: TestSession
let shenzhen: TestSession
let gansu: TestSession
let lanzhou: TestSession
let counsellor: TestSession
let stationId: string
let parentOrg: string // 坪地街道总工会, under 龙岗区总工会
let childOrg: string // its child, where the station is
let claimantA: string
let claimantB: string

const T0 = Date.now()
const HOUR = 3_600_000

beforeAll(async () => {
  t = await buildTestApp()
  ;[longgang, shenzhen, gansu, lanzhou, counsellor] = await Promise.all([
    t.loginAs(ACCOUNTS.longgangStaff),
    t.loginAs(ACCOUNTS.shenzhenAdmin),
    t.loginAs(ACCOUNTS.gansuAdmin),
    t.loginAs(ACCOUNTS.lanzhouStaff),
    t.loginAs(ACCOUNTS.beijingCounsellor),
  ])
  const admin = await ctxAs(t, (await t.loginAs(ACCOUNTS.platformAdmin)).memberId)
  const parentId = t.orgId('龙岗区总工会')
  parentOrg = (await makeOrg(t, admin, { parentId, name: '坪地街道总工会' })).id
  childOrg = (await makeOrg(t, admin, { parentId: parentOrg, name: '坪地建筑工地联合工会' })).id
  stationId = (await createStation(t, longgang, { name: '报表测试驿站', orgId: childOrg })).id
  const make = async (name: string, mobile?: string, politicalStatus?: PoliticalStatus) =>
    (await makeMember(t, admin, { orgId: t.orgId('龙岗区总工会'), name, mobile, politicalStatus }))
      .id
  // 甲 claims as a party member, which the record must say (ADR 0033).
  claimantA = await make('甲认领', undefined, 'cpc_probationary_member')
  // 乙 also claims for a registered partner company, which staff find by this mobile.
  const claimantBMobile = freshMobile()
  claimantB = await make('乙认领', claimantBMobile)
  const worker = (await makeMember(t, admin, { orgId: childOrg, name: '郑师傅' })).id

  const deps = { db: t.database.db, crypto: t.crypto }
  const at = async (memberId: string, name: string, hours: number): Promise<Ctx> => ({
    ...(await ctxAs(t, memberId, name)),
    now: new Date(T0 + hours * HOUR),
  })
  const staffAt = (h: number) => at(longgang.memberId, '龙岗区总工会干部', h)
  const aAt = (h: number) => at(claimantA, '甲认领', h)
  const bAt = (h: number) => at(claimantB, '乙认领', h)
  const workerAt = (h: number) => at(worker, '郑师傅', h)
  const fields = (title: string, category: string) => ({
    title,
    description: '',
    category: category as 'study',
    deadline: day(30),
  })
  const walkIn = async (
    ctx: Ctx,
    title: string,
    category: string,
    where: { stationId?: string; orgId?: string },
    publish = true,
  ) =>
    createWishForWorker(deps, ctx, {
      ...fields(title, category),
      ...where,
      workerName: '何大姐',
      workerMobile: '13811112222',
      publish,
    })
  const posted = async (title: string, category: string) => {
    const w = await postWish(deps, await workerAt(0), { ...fields(title, category), stationId })
    await reviewWish(deps, await staffAt(0), w.id, { publish: true })
    return w
  }

  // W1 at the station: claimed by A after 2 h, fulfilled 3 h later, confirmed by the worker.
  const w1 = await posted('需要一个保温饭盒', 'daily_necessities')
  const c1 = await claimWish(deps, await aAt(2), w1.id, { claimantKind: 'volunteer' })
  await fulfilClaim(deps, await aAt(5), c1.id, {
    photos: ['https://img.example.cn/1.jpg'],
    note: '',
  })
  await confirmMyWish(deps, await workerAt(6), w1.id, '谢谢')
  // W2 at the station: claimed by A after 4 h, fulfilled 4 h later, not yet confirmed.
  const w2 = await walkIn(await staffAt(0), '想给孩子买一套学习用品', 'study', { stationId })
  const c2 = await claimWish(deps, await aAt(4), w2.id, { claimantKind: 'party_member' })
  await fulfilClaim(deps, await aAt(8), c2.id, {
    photos: ['https://img.example.cn/2.jpg'],
    note: '',
  })
  // W3 at the parent org itself: claimed by B after 1 h.
  const w3 = await walkIn(await staffAt(0), '需要一个血压计', 'health', { orgId: parentOrg })
  await claimWish(deps, await bAt(1), w3.id, { claimantKind: 'volunteer' })
  // W4 at the parent org: on the wall; W5 there: awaiting review.
  const shenzhenAt = await at(shenzhen.memberId, '深圳市总工会管理员', 0)
  await walkIn(shenzhenAt, '家里老人需要一副助行器', 'family', { orgId: parentOrg })
  await walkIn(shenzhenAt, '想学电工证', 'other', { orgId: parentOrg }, false)
  // W6 at the station: claimed by B after 3 h, then reopened by the worker; back on the wall.
  const w6 = await posted('想报一个电焊培训班', 'study')
  const company = await createPartner(deps, await staffAt(3.5), {
    orgId: t.orgId('龙岗区总工会'),
    name: '龙岗某建设公司',
  })
  await addPartnerMember(deps, await staffAt(3.5), company.id, claimantBMobile)
  await claimWish(deps, await bAt(3), w6.id, {
    claimantKind: 'partner_company',
    partnerId: company.id,
  })
  await reopenMyWish(deps, await workerAt(3.5), w6.id, '公司联系不上')
  // W7 at the station: withdrawn by the worker from the wall; still counted, as withdrawn.
  const w7 = await posted('想报一个叉车培训班', 'skills')
  await withdrawMyWish(deps, await workerAt(1), w7.id, '已经报了别的班')
})
afterAll(() => t.close())

type Requester = Pick<TestSession, 'request'>
const report = (s: Requester, qs = '') =>
  s.request({ method: 'GET', url: `/api/v1/wishes/reports${qs}` })

describe('GET /api/v1/wishes/reports', () => {
  it('401, 403 without wish:read or outside my subtree, 400 on bad dates, 404 unknown org', async () => {
    expectError(await report(t), 401, 'AUTH_REQUIRED')
    expectError(await report(counsellor), 403, 'ACCESS_DENIED')
    expectError(await report(gansu, `?orgId=${t.orgId('深圳市总工会')}`), 403, 'ACCESS_DENIED')
    expectError(await report(longgang, `?orgId=${t.orgId('深圳市总工会')}`), 403, 'ACCESS_DENIED')
    expectError(await report(longgang, '?from=2026-13-01'), 400, 'VALIDATION_FAILED')
    expectError(await report(longgang, '?from=20261201'), 400, 'VALIDATION_FAILED')
    expectError(await report(longgang, `?from=${day(2)}&to=${day(1)}`), 400, 'VALIDATION_FAILED')
    expectError(await report(longgang, '?orgId=nope'), 400, 'VALIDATION_FAILED')
    expectError(await report(shenzhen, `?orgId=${MISSING_ID}`), 404, 'ORG_NOT_FOUND')
  })

  it('counts the subtree by status, category, station and child org, with exact durations', async () => {
    const r = expectStatus(await report(shenzhen, `?orgId=${parentOrg}`), 200).json<WishReport>()
    expect(r).toMatchObject({ orgId: parentOrg, orgName: '坪地街道总工会', total: 7 })
    expect(Object.fromEntries(r.byStatus.map((s) => [s.status, s.count]))).toEqual({
      pending_review: 1,
      published: 2,
      rejected: 0,
      claimed: 1,
      fulfilled: 1,
      confirmed: 1,
      expired: 0,
      withdrawn: 1,
    })
    expect(Object.fromEntries(r.byCategory.map((c) => [c.category, c.count]))).toEqual({
      daily_necessities: 1,
      study: 2,
      health: 1,
      family: 1,
      skills: 1,
      other: 1,
    })
    expect(r.byStation).toHaveLength(2)
    expect(r.byStation).toEqual(
      expect.arrayContaining([
        { stationId, stationName: '报表测试驿站', total: 4, confirmed: 1 },
        { stationId: null, stationName: null, total: 3, confirmed: 0 },
      ]),
    )
    expect(r.byOrg).toEqual([
      {
        orgId: parentOrg,
        orgName: '坪地街道总工会',
        own: true,
        total: 3,
        published: 1,
        claimed: 1,
        fulfilled: 0,
        confirmed: 0,
      },
      {
        orgId: childOrg,
        orgName: '坪地建筑工地联合工会',
        own: false,
        total: 4,
        published: 1,
        claimed: 0,
        fulfilled: 1,
        confirmed: 1,
      },
    ])
    // Claims after 2, 4, 1 and 3 hours on the wall; fulfilled 3 and 4 hours after claiming.
    expect(r.timeToClaim).toEqual({ count: 4, avgHours: 2.5, medianHours: 2.5 })
    expect(r.timeToFulfil).toEqual({ count: 2, avgHours: 3.5, medianHours: 3.5 })
    // 甲's W1 is confirmed (已完成, as the summary counts it); W2 is delivered but the worker has
    // not confirmed it, so it is counted apart and never as completed. 乙's claims were not
    // delivered (W3 is active, W6 was reopened): 乙 is not ranked.
    expect(r.topClaimants).toEqual([
      {
        claimantMemberId: claimantA,
        displayName: '甲认领',
        claimantKind: 'party_member',
        confirmed: 1,
        awaitingConfirmation: 1,
      },
    ])
    expect(r.topClaimants.reduce((n, c) => n + c.confirmed, 0)).toBe(
      r.byStatus.find((s) => s.status === 'confirmed')!.count,
    )
  })

  it("defaults to my own subtree; a child org's report holds only its subtree", async () => {
    const mine = expectStatus(await report(longgang), 200).json<WishReport>()
    expect(mine.orgId).toBe(t.orgId('龙岗区总工会'))
    expect(mine.total).toBeGreaterThanOrEqual(7)
    expect(mine.byOrg.find((o) => o.orgId === parentOrg)).toMatchObject({ total: 7 })
    const r = expectStatus(await report(longgang, `?orgId=${childOrg}`), 200).json<WishReport>()
    expect(r).toMatchObject({ orgId: childOrg, total: 4 })
    expect(r.byOrg.map((o) => [o.orgName, o.own, o.total])).toEqual([
      ['坪地建筑工地联合工会', true, 4],
    ])
    expect(r.topClaimants.map((c) => [c.confirmed, c.awaitingConfirmation])).toEqual([[1, 1]])
    const outsider = expectStatus(await report(lanzhou), 200).json<WishReport>()
    expect(outsider).toMatchObject({ orgId: t.orgId('兰州市总工会'), total: 0, byStation: [] })
    expect(outsider.topClaimants).toEqual([])
  })

  it('filters by the China day the wish was created', async () => {
    const today = chinaToday(new Date(T0))
    const count = async (qs: string) =>
      expectStatus(await report(shenzhen, `?orgId=${parentOrg}&${qs}`), 200).json<WishReport>()
        .total
    expect(await count(`from=${today}&to=${today}`)).toBe(7)
    expect(await count(`from=${day(1)}`)).toBe(0)
    expect(await count(`to=${day(-1)}`)).toBe(0)
  })
})

describe('GET /api/v1/wishes/reports.xlsx', () => {
  const xlsx = (s: Requester, qs = '') =>
    s.request({ method: 'GET', url: `/api/v1/wishes/reports.xlsx${qs}` })

  it('401, 403, 400', async () => {
    expectError(await xlsx(t), 401, 'AUTH_REQUIRED')
    expectError(await xlsx(counsellor), 403, 'ACCESS_DENIED')
    expectError(await xlsx(gansu, `?orgId=${t.orgId('龙岗区总工会')}`), 403, 'ACCESS_DENIED')
    expectError(await xlsx(shenzhen, '?to=2026-02-30'), 400, 'VALIDATION_FAILED')
  })

  it('a workbook with every breakdown and the wishes, masked; the export is audited', async () => {
    const res = expectStatus(await xlsx(shenzhen, `?orgId=${parentOrg}`), 200)
    expect(res.headers['content-type']).toBe(XLSX_TYPE)
    expect(res.headers['content-disposition']).toContain('attachment')
    expect(await readXlsx(res.rawPayload)).toEqual([
      ['状态', '心愿数'],
      ['待审核', '1'],
      ['待认领', '2'],
      ['未通过', '0'],
      ['已认领', '1'],
      ['已送达', '1'],
      ['已完成', '1'],
      ['已过期', '0'],
      ['已撤回', '1'],
    ])
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      '按状态',
      '按类别',
      '按站点',
      '按组织',
      '时长',
      '认领排行',
      '心愿明细',
    ])
    // The final status in the console's words (已完成) on every sheet, never 已确认.
    const headerOf = (name: string) =>
      (wb.getWorksheet(name)!.getRow(1).values as unknown[]).slice(1)
    expect(headerOf('按站点')).toEqual(['站点', '心愿数', '已完成'])
    expect(headerOf('按组织')).toEqual([
      '组织',
      '范围',
      '心愿数',
      '待认领',
      '已认领',
      '已送达',
      '已完成',
    ])
    // The ranking in the report page's words: completed (confirmed) apart from delivered.
    expect((wb.getWorksheet('认领排行')!.getSheetValues() as unknown[][]).filter(Boolean)).toEqual([
      [undefined, '认领人', '身份', '已完成', '已送达待确认'],
      [undefined, '甲认领', '党员', 1, 1],
    ])
    const detail = wb.getWorksheet('心愿明细')!
    expect(detail.rowCount).toBe(8)
    const text = JSON.stringify(detail.getSheetValues())
    expect(text).toContain('何*姐')
    expect(text).toContain('想报一个叉车培训班')
    expect(text).not.toContain('何大姐')
    expect(text).toContain('已完成')
    for (const sheet of wb.worksheets)
      expect(JSON.stringify(sheet.getSheetValues()), sheet.name).not.toContain('已确认')
    expect(text).not.toContain('13811112222')
    const [audit] = await auditRows(t, { action: 'wish.report_exported' })
    expect(audit).toMatchObject({
      actor_member_id: shenzhen.memberId,
      org_id: parentOrg,
    })
  })

  it('says so in the detail sheet when it lists fewer wishes than the report counts', async () => {
    const ctx = await ctxAs(t, shenzhen.memberId)
    const { bytes } = await exportWishReport(
      t.database.db,
      ctx,
      { orgId: parentOrg },
      {
        maxDetailRows: 3,
      },
    )
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
    const rows = (wb.getWorksheet('心愿明细')!.getSheetValues() as unknown[][]).filter(Boolean)
    // The header, the three earliest wishes, then the note with the full count (7 in scope).
    expect(rows).toHaveLength(5)
    expect(String(rows[4]![1])).toContain('共 7 条心愿，本表只列出最早提交的 3 条')
    // Times are China local time, as in the list export.
    expect(String(rows[1]![8])).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    // The breakdowns still count every wish.
    expect(wb.getWorksheet('按状态')!.rowCount).toBe(9)
    const audit = (await auditRows(t, { action: 'wish.report_exported' })).at(-1)
    expect(JSON.parse(String(audit!.summary))).toMatchObject({
      rows: 3,
      wishes: 7,
      truncated: true,
    })
  })
})

// Last in the file: it moves W2 on, which the counts above do not expect.
describe('the ranking after an automatic confirmation', () => {
  it('counts a delivery the system confirmed as completed, like one the worker confirmed', async () => {
    const now = new Date(T0 + (WISH_AUTO_CONFIRM_DAYS * 24 + 9) * HOUR)
    expect((await expireDueClaims(t.database.db, now)).autoConfirmed).toBeGreaterThanOrEqual(1)
    const r = expectStatus(await report(shenzhen, `?orgId=${parentOrg}`), 200).json<WishReport>()
    expect(r.byStatus.find((s) => s.status === 'confirmed')!.count).toBe(2)
    expect(r.topClaimants.map((c) => [c.displayName, c.confirmed, c.awaitingConfirmation])).toEqual(
      [['甲认领', 2, 0]],
    )
  })
})
