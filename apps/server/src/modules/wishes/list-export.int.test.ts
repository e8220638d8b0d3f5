import type { Page, Wish } from '@unionhall/contracts'
import { uuidv7 } from 'uuidv7'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ACCOUNTS,
  buildTestApp,
  type TestApp,
  type TestSession,
} from '../../../test/build-test-app'
import { freshMobile, makeMember } from '../../../test/factories/members'
import { ctxAs, makeOrg } from '../../../test/factories/orgs'
import {
  MISSING_ID,
  XLSX_TYPE,
  auditCount,
  auditRows,
  expectError,
  readXlsx,
} from '../../../test/helpers'
import { typed } from '../../platform/db/create-db'
import { WISH_LIST_EXPORT_MAX_ROWS } from './list-export.service'
import { chinaDayEnd } from './wish-rules'
import {
  PASSWORD,
  claim,
  createStation,
  day,
  expectStatus,
  fulfil,
  memberSession,
  postWish,
  publish,
  registerPartner,
} from './wishes.fixtures.test-helpers'
import type { WishTable, WishesTables } from './wishes.tables'

/**
 * GET /api/v1/wishes/export.xlsx: the staff list's filters, every matching row. Its wishes live
 * in an org subtree of their own (南湾), so demo data cannot change what a filter selects.
 */

let t: TestApp
let longgang: TestSession
let shenzhen: TestSession
let gansu: TestSession
let lanzhou: TestSession
let counsellor: TestSession
let parentOrg: string // 南湾街道总工会, under 龙岗区总工会
let childOrg: string // 南湾建筑工地工会, under it; the station is there
let stationId: string
const ids: Record<string, string> = {}

const WORKER_NAME = '郑国强'
let workerMobile: string

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
  parentOrg = (
    await makeOrg(t, admin, { parentId: t.orgId('龙岗区总工会'), name: '南湾街道总工会' })
  ).id
  childOrg = (await makeOrg(t, admin, { parentId: parentOrg, name: '南湾建筑工地工会' })).id
  stationId = (await createStation(t, longgang, { name: '南湾爱心驿站', orgId: childOrg })).id
  workerMobile = freshMobile()
  await makeMember(t, admin, {
    orgId: childOrg,
    name: WORKER_NAME,
    mobile: workerMobile,
    password: PASSWORD,
  })
  const worker = await t.loginAs(workerMobile, PASSWORD)
  const bank = (await memberSession(t, '龙岗区总工会', '平安认领')).session

  const posted = async (key: string, title: string, category: string, pub: boolean) => {
    const w = await postWish(worker, { title, category, stationId })
    if (pub) await publish(longgang, w.id)
    ids[key] = w.id
  }
  await posted('w1', '导出-保温饭盒', 'daily_necessities', true)
  await posted('w2', '导出-学习用品', 'study', false)
  const walkIn = await longgang.request({
    method: 'POST',
    url: '/api/v1/wishes',
    payload: {
      title: '导出-血压计',
      category: 'health',
      deadline: day(30),
      orgId: parentOrg,
      workerName: '何大姐',
      workerMobile: '13811112222',
    },
  })
  ids.w3 = expectStatus(walkIn, 201).json<Wish>().id
  await posted('w4', '导出-安全帽', 'daily_necessities', true)
  const nanwan = await registerPartner(t, longgang, '龙岗区总工会', [bank], '平安银行南湾支行')
  await claim(bank, ids.w4!, { claimantKind: 'partner_company', partnerId: nanwan.id })
  await posted('w5', '导出-护膝', 'health', true)
  expectStatus(
    await worker.request({
      method: 'POST',
      url: `/api/v1/my/wishes/${ids.w5}/withdraw`,
      payload: { reason: '不需要了' },
    }),
    200,
  )
})
afterAll(() => t.close())

const exportReq = (s: TestSession | TestApp, qs = '') =>
  s.request({ method: 'GET', url: `/api/v1/wishes/export.xlsx${qs ? `?${qs}` : ''}` })

/** The data rows of an export (the header row checked and dropped). */
const exported = async (s: TestSession, qs: string) => {
  const res = expectStatus(await exportReq(s, qs), 200)
  expect(res.headers['content-type']).toBe(XLSX_TYPE)
  const [header, ...rows] = await readXlsx(res.rawPayload)
  expect(header![0]).toBe('心愿内容')
  return { rows, body: res.rawPayload }
}

const listTitles = async (s: TestSession, qs: string) =>
  expectStatus(await s.request({ method: 'GET', url: `/api/v1/wishes?pageSize=200&${qs}` }), 200)
    .json<Page<Wish>>()
    .items.map((w) => w.title)

describe('GET /api/v1/wishes/export.xlsx', () => {
  it('401, 403 without wish:read or outside my subtree, 400 on bad filters, 404 unknown org', async () => {
    const audits = await auditCount(t)
    expectError(await exportReq(t), 401, 'AUTH_REQUIRED')
    expectError(await exportReq(counsellor), 403, 'ACCESS_DENIED')
    expectError(await exportReq(gansu, `orgId=${parentOrg}`), 403, 'ACCESS_DENIED')
    expectError(await exportReq(longgang, `orgId=${t.orgId('深圳市总工会')}`), 403, 'ACCESS_DENIED')
    expectError(await exportReq(longgang, 'status=lost'), 400, 'VALIDATION_FAILED')
    expectError(await exportReq(longgang, 'category=money'), 400, 'VALIDATION_FAILED')
    expectError(await exportReq(longgang, 'orgId=nope'), 400, 'VALIDATION_FAILED')
    // It takes the list's filters, not its paging: the file holds every matching row.
    expectError(await exportReq(longgang, 'page=2'), 400, 'VALIDATION_FAILED')
    expectError(await exportReq(shenzhen, `orgId=${MISSING_ID}`), 404, 'ORG_NOT_FOUND')
    expect(await auditCount(t)).toBe(audits)
  })

  it('holds exactly the rows the list shows for the same filters, in the same order', async () => {
    const cases: [string, string[]][] = [
      [
        `orgId=${parentOrg}`,
        ['导出-护膝', '导出-安全帽', '导出-血压计', '导出-学习用品', '导出-保温饭盒'],
      ],
      [`orgId=${parentOrg}&status=published`, ['导出-血压计', '导出-保温饭盒']],
      [`orgId=${parentOrg}&status=withdrawn`, ['导出-护膝']],
      [`orgId=${parentOrg}&category=daily_necessities`, ['导出-安全帽', '导出-保温饭盒']],
      [`orgId=${childOrg}`, ['导出-护膝', '导出-安全帽', '导出-学习用品', '导出-保温饭盒']],
      [`stationId=${stationId}&category=health`, ['导出-护膝']],
      [`orgId=${parentOrg}&q=血压`, ['导出-血压计']],
      [`orgId=${parentOrg}&status=claimed&category=study`, []],
    ]
    for (const [qs, expected] of cases) {
      const { rows } = await exported(shenzhen, qs)
      expect(
        rows.map((r) => r[0]),
        qs,
      ).toEqual(expected)
      expect(await listTitles(shenzhen, qs), qs).toEqual(expected)
    }
  })

  it('exports every matching row, not one page', async () => {
    const page = expectStatus(
      await longgang.request({
        method: 'GET',
        url: `/api/v1/wishes?orgId=${parentOrg}&pageSize=2`,
      }),
      200,
    ).json<Page<Wish>>()
    expect(page).toMatchObject({ total: 5 })
    expect(page.items).toHaveLength(2)
    expect((await exported(longgang, `orgId=${parentOrg}`)).rows).toHaveLength(5)
  })

  it('masks the worker as the list does, names the claimant and the station', async () => {
    const { rows, body } = await exported(longgang, `orgId=${parentOrg}`)
    const byTitle = new Map(rows.map((r) => [r[0], r]))
    expect(byTitle.get('导出-安全帽')).toEqual([
      '导出-安全帽',
      '中午在工地吃饭，饭菜总是凉的。',
      '生活用品',
      '已认领',
      '南湾建筑工地工会',
      '南湾爱心驿站',
      '郑*强',
      `${workerMobile.slice(0, 3)}****${workerMobile.slice(-4)}`,
      '职工本人提交',
      day(30),
      expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
      expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
      '平安银行南湾支行',
      '爱心企业',
      day(30),
      expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
      '',
      '',
      '',
    ])
    expect(byTitle.get('导出-血压计')!.slice(3, 9)).toEqual([
      '待认领',
      '南湾街道总工会',
      '',
      '何*姐',
      '138****2222',
      '工作人员代录',
    ])
    expect(byTitle.get('导出-护膝')![3]).toBe('已撤回')
    expect(byTitle.get('导出-护膝')![18]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    // Never the full name or mobile, in any cell (the workbook's shared strings included).
    const text = JSON.stringify(rows)
    for (const secret of [WORKER_NAME, workerMobile, '何大姐', '13811112222'])
      expect(text).not.toContain(secret)
    expect(body.length).toBeGreaterThan(0)
  })

  it('an outsider exports nothing of the subtree; every export is audited with its filters', async () => {
    expect((await exported(lanzhou, '')).rows.map((r) => r[0])).not.toContain('导出-血压计')
    const before = (await auditRows(t, { action: 'wish.list_exported' })).length
    await exported(longgang, `orgId=${parentOrg}&status=published&q=血压`)
    const rows = await auditRows(t, { action: 'wish.list_exported' })
    expect(rows).toHaveLength(before + 1)
    const audit = rows.at(-1)!
    expect(audit).toMatchObject({
      actor_member_id: longgang.memberId,
      org_id: parentOrg,
      target_id: parentOrg,
    })
    expect(JSON.parse(audit.summary)).toEqual({
      filters: { orgId: parentOrg, status: 'published', q: '血压' },
      rows: 1,
    })
  })
})

describe('statuses in the words of the console', () => {
  it('calls a confirmed wish 已完成, as the list and the report page do', async () => {
    const admin = await ctxAs(t, (await t.loginAs(ACCOUNTS.platformAdmin)).memberId)
    const org = (
      await makeOrg(t, admin, { parentId: t.orgId('龙岗区总工会'), name: '坂田街道总工会' })
    ).id
    const station = (await createStation(t, longgang, { name: '坂田爱心驿站', orgId: org })).id
    const mobile = freshMobile()
    await makeMember(t, admin, { orgId: org, name: '吴晓东', mobile, password: PASSWORD })
    const worker = await t.loginAs(mobile, PASSWORD)
    const helper = (await memberSession(t, '龙岗区总工会', '钱卫国', [], 'cpc_member')).session
    const w = await postWish(worker, {
      title: '导出-英语词典',
      category: 'study',
      stationId: station,
    })
    await publish(longgang, w.id)
    const c = await claim(helper, w.id, { claimantKind: 'party_member' })
    await fulfil(helper, c.id)
    expectStatus(
      await worker.request({
        method: 'POST',
        url: `/api/v1/my/wishes/${w.id}/confirm`,
        payload: { thanks: '谢谢' },
      }),
      200,
    )
    const { rows } = await exported(longgang, `orgId=${org}`)
    expect(rows.map((r) => [r[0], r[3]])).toEqual([['导出-英语词典', '已完成']])
    const filtered = await exported(longgang, `orgId=${org}&status=confirmed`)
    expect(filtered.rows.map((r) => r[3])).toEqual(['已完成'])
    expect(JSON.stringify(rows)).not.toContain('已确认')
  })
})

describe('the export cap', () => {
  it(`400 WISH_EXPORT_TOO_LARGE past ${WISH_LIST_EXPORT_MAX_ROWS} rows; a narrower filter passes`, async () => {
    const admin = await ctxAs(t, (await t.loginAs(ACCOUNTS.platformAdmin)).memberId)
    const bulkOrg = (
      await makeOrg(t, admin, { parentId: t.orgId('兰州市总工会'), name: '七里河区总工会' })
    ).id
    const now = new Date().toISOString()
    const row = (i: number): WishTable => ({
      id: uuidv7(),
      org_id: bulkOrg,
      station_id: null,
      source: 'staff',
      poster_member_id: null,
      entered_by_member_id: null,
      worker_name_enc: 'x',
      worker_name_masked: '王*',
      worker_mobile_enc: 'x',
      worker_mobile_hash: `bulk-${i}`,
      worker_mobile_masked: '139****0000',
      title: `批量心愿${i}`,
      description: '',
      // Exactly one health wish: the narrower filter below selects it alone.
      category: i === 0 ? 'health' : 'other',
      deadline: day(30),
      deadline_at: chinaDayEnd(day(30)),
      status: 'pending_review',
      current_claim_id: null,
      rejected_reason: null,
      reopen_reason: null,
      reopen_count: 0,
      confirmed_automatically: 0,
      thanks: null,
      reviewed_by_member_id: null,
      published_at: null,
      wall_since: null,
      confirmed_at: null,
      withdrawn_reason: null,
      withdrawn_at: null,
      edited_at: null,
      created_at: now,
      updated_at: now,
    })
    const total = WISH_LIST_EXPORT_MAX_ROWS + 1
    const db = typed<WishesTables>(t.database.db)
    for (let from = 0; from < total; from += 500)
      await db
        .insertInto('wish')
        .values(Array.from({ length: Math.min(500, total - from) }, (_, k) => row(from + k)))
        .execute()

    const audits = await auditCount(t)
    const err = expectError(
      await exportReq(lanzhou, `orgId=${bulkOrg}`),
      400,
      'WISH_EXPORT_TOO_LARGE',
    )
    expect(err.details).toEqual({ rows: total, max: WISH_LIST_EXPORT_MAX_ROWS })
    expect(await auditCount(t)).toBe(audits)

    const { rows } = await exported(lanzhou, `orgId=${bulkOrg}&category=health`)
    expect(rows.map((r) => r[0])).toEqual(['批量心愿0'])
  }, 120_000)
})
