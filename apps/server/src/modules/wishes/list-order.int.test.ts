import type { MyClaim, MyWish, Page, Wish } from '@unionhall/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ACCOUNTS,
  buildTestApp,
  type TestApp,
  type TestSession,
} from '../../../test/build-test-app'
import { freshMobile, makeMember } from '../../../test/factories/members'
import { ctxAs, makeOrg } from '../../../test/factories/orgs'
import { expectError, readXlsx } from '../../../test/helpers'
import type { Ctx } from '../../core/access'
import { claimWish, createWishForWorker, postWish } from '.'
import { PASSWORD, expectStatus } from './wishes.fixtures.test-helpers'

/**
 * The order of the staff list (and its export), the worker's own wishes and a claimant's
 * claims. The wishes are made on a clock that does not follow the order they are written in,
 * as the demo seed (and any backdated change) does: the lists follow the wishes' times, with
 * the id as the last word so paging is stable. In an org subtree of their own (西丽), so demo
 * data cannot change them.
 */

let t: TestApp
let shenzhen: TestSession
let worker: TestSession
let claimant: TestSession
let orgId: string
const T0 = Date.parse('2030-03-01T02:00:00.000Z')
const HOUR = 3_600_000

/** Title → days to its deadline; written in this order, posted `ago` hours before T0. */
const WISHES = [
  { title: '乙：两小时前', ago: 2, deadlineDays: 30 },
  { title: '甲：五小时前', ago: 5, deadlineDays: 10 },
  { title: '丙：一小时前', ago: 1, deadlineDays: 20 },
  // The same instant as 乙, written after it: the id decides.
  { title: '丁：两小时前', ago: 2, deadlineDays: 10 },
] as const

beforeAll(async () => {
  t = await buildTestApp()
  shenzhen = await t.loginAs(ACCOUNTS.shenzhenAdmin)
  const admin = await ctxAs(t, (await t.loginAs(ACCOUNTS.platformAdmin)).memberId)
  orgId = (await makeOrg(t, admin, { parentId: t.orgId('龙岗区总工会'), name: '西丽街道总工会' }))
    .id
  const login = async (name: string) => {
    const mobile = freshMobile()
    const m = await makeMember(t, admin, { orgId, name, mobile, password: PASSWORD })
    return { id: m.id, session: await t.loginAs(mobile, PASSWORD) }
  }
  const w = await login('吴师傅')
  const c = await login('钱志愿')
  worker = w.session
  claimant = c.session
  const deps = { db: t.database.db, crypto: t.crypto }
  const at = (ctx: Ctx, hoursAgo: number): Ctx => ({ ...ctx, now: new Date(T0 - hoursAgo * HOUR) })
  const staff = await ctxAs(t, shenzhen.memberId)
  const workerCtx = await ctxAs(t, w.id, '吴师傅')
  const claimantCtx = await ctxAs(t, c.id, '钱志愿')
  const deadline = (ago: number, days: number) =>
    new Date(T0 - ago * HOUR + 8 * HOUR + days * 86_400_000).toISOString().slice(0, 10)
  for (const s of WISHES) {
    const fields = {
      title: s.title,
      description: '',
      category: 'other' as const,
      deadline: deadline(s.ago, s.deadlineDays),
    }
    await createWishForWorker(deps, at(staff, s.ago), {
      ...fields,
      orgId,
      workerName: '何大姐',
      workerMobile: '13811113333',
      publish: true,
    })
    // The worker's own wishes, written in the same scrambled order.
    await postWish(deps, at(workerCtx, s.ago), { ...fields, title: `我的${s.title}` })
  }
  // Claims made in another order than written: the wall's wishes of the subtree.
  const wall = (
    await shenzhen.request({
      method: 'GET',
      url: `/api/v1/wishes?orgId=${orgId}&status=published&pageSize=50`,
    })
  ).json<Page<Wish>>().items
  const byTitle = (title: string) => wall.find((x) => x.title === title)!.id
  await claimWish(deps, at(claimantCtx, 0.5), byTitle('甲：五小时前'), {
    claimantKind: 'volunteer',
  })
  await claimWish(deps, at(claimantCtx, 0.25), byTitle('丙：一小时前'), {
    claimantKind: 'volunteer',
  })
  await claimWish(deps, at(claimantCtx, 0.75), byTitle('乙：两小时前'), {
    claimantKind: 'volunteer',
  })
})
afterAll(() => t.close())

describe('the order of GET /api/v1/wishes', () => {
  const all = async (qs = '') => {
    const res = expectStatus(
      await shenzhen.request({ method: 'GET', url: `/api/v1/wishes?orgId=${orgId}${qs}` }),
      200,
    )
    return res.json<Page<Wish>>().items.map((w) => w.title)
  }
  /** The walk-ins (the worker's own wishes are in the subtree too). */
  const list = async (qs = '') => (await all(qs)).filter((x) => !x.startsWith('我的'))

  it('is newest posted first by default, the later-written first at the same instant', async () => {
    expect(await list()).toEqual(['丙：一小时前', '丁：两小时前', '乙：两小时前', '甲：五小时前'])
    expect(await list('&sort=newest')).toEqual(await list())
  })

  it('is stable across pages', async () => {
    for (const sort of ['newest', 'oldest', 'deadline']) {
      const pages: string[] = []
      for (const page of [1, 2, 3])
        pages.push(...(await all(`&sort=${sort}&pageSize=3&page=${page}`)))
      expect(pages).toHaveLength(8)
      expect(pages, sort).toEqual(await all(`&sort=${sort}`))
    }
  })

  it('sorts oldest first, or by the nearest deadline (newest first among the same day)', async () => {
    expect(await list('&sort=oldest')).toEqual([
      '甲：五小时前',
      '乙：两小时前',
      '丁：两小时前',
      '丙：一小时前',
    ])
    expect(await list('&sort=deadline')).toEqual([
      '丁：两小时前',
      '甲：五小时前',
      '丙：一小时前',
      '乙：两小时前',
    ])
  })

  it('400 on an unknown order', async () => {
    expectError(
      await shenzhen.request({ method: 'GET', url: `/api/v1/wishes?sort=title` }),
      400,
      'VALIDATION_FAILED',
    )
  })

  it('exports in the order asked for', async () => {
    const res = expectStatus(
      await shenzhen.request({
        method: 'GET',
        url: `/api/v1/wishes/export.xlsx?orgId=${orgId}&sort=deadline`,
      }),
      200,
    )
    const rows = (await readXlsx(res.rawPayload)).slice(1).map((r) => r[0]!)
    expect(rows.filter((x) => !x.startsWith('我的'))).toEqual(await list('&sort=deadline'))
    const newest = expectStatus(
      await shenzhen.request({ method: 'GET', url: `/api/v1/wishes/export.xlsx?orgId=${orgId}` }),
      200,
    )
    expect(
      (await readXlsx(newest.rawPayload))
        .slice(1)
        .map((r) => r[0]!)
        .filter((x) => !x.startsWith('我的')),
    ).toEqual(await list())
  })
})

describe("the order of a worker's and a claimant's own lists", () => {
  it('my wishes: newest posted first', async () => {
    const res = expectStatus(
      await worker.request({ method: 'GET', url: '/api/v1/my/wishes?pageSize=50' }),
      200,
    )
    expect(res.json<Page<MyWish>>().items.map((w) => w.title)).toEqual([
      '我的丙：一小时前',
      '我的丁：两小时前',
      '我的乙：两小时前',
      '我的甲：五小时前',
    ])
  })

  it('my claims: the latest claim first', async () => {
    const res = expectStatus(
      await claimant.request({ method: 'GET', url: '/api/v1/my/claims?pageSize=50' }),
      200,
    )
    expect(res.json<Page<MyClaim>>().items.map((c) => c.wish.title)).toEqual([
      '丙：一小时前',
      '甲：五小时前',
      '乙：两小时前',
    ])
  })
})
