import type { MyClaim, MyWish, Page, Station, Wish, WishStatus } from '@unionhall/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACCOUNTS, buildTestApp, type TestApp } from '../../test/build-test-app'
import { ctxAs } from '../../test/factories/orgs'
import { DEMO_WISH_PEOPLE, seedDemoWishes } from './demo-wishes'
import { DEMO_PASSWORD } from './seed-demo'

let t: TestApp
let made: { id: string; status: WishStatus }[]

/** Every wish, as the platform admin lists them. */
const rows = async () => {
  const admin = await t.loginAs(ACCOUNTS.platformAdmin)
  const res = await admin.request({ method: 'GET', url: '/api/v1/wishes?pageSize=200' })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<Page<Wish>>().items
}

const createStation = async (name: string) => {
  const staff = await t.loginAs(ACCOUNTS.longgangStaff)
  const res = await staff.request({
    method: 'POST',
    url: '/api/v1/stations',
    payload: {
      orgId: t.orgId('龙岗区建筑行业工联会'),
      name,
      kind: 'union_love_station',
      address: '深圳市龙岗区坂田街道',
      lat: 22.65,
      lng: 114.06,
      schedule: { alwaysOpen: true, weekly: [] },
      capacity: 12,
      contactName: '王师傅',
      contactMobile: '13912345678',
    },
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json<Station>()
}

beforeAll(async () => {
  t = await buildTestApp()
  const admin = await ctxAs(t, (await t.loginAs(ACCOUNTS.platformAdmin)).memberId, '平台管理员')
  // The demo seed may already run this (once the lead wires it in); run it here only if not.
  const seeded = (await rows()).length > 0
  if (!seeded) {
    const stations = [await createStation('坂田爱心驿站'), await createStation('布吉环卫工人驿站')]
    made = (
      await seedDemoWishes({ db: t.database.db, crypto: t.crypto }, admin, {
        stationIds: stations.map((s) => s.id),
        orgIds: t.orgIds,
        password: DEMO_PASSWORD,
      })
    ).wishes
  } else {
    made = (await rows()).map((w) => ({ id: w.id, status: w.status }))
  }
})
afterAll(() => t.close())

describe('the demo wishes (seedDemoWishes)', () => {
  it('leaves wishes in every state, as it says', async () => {
    const now = new Map((await rows()).map((r) => [r.id, r.status]))
    for (const w of made) expect(now.get(w.id), w.id).toBe(w.status)
    expect(new Set(made.map((w) => w.status))).toEqual(
      new Set([
        'pending_review',
        'published',
        'rejected',
        'claimed',
        'fulfilled',
        'confirmed',
        'expired',
        'withdrawn',
      ]),
    )
  })

  it('lets the demo people sign in and see their wishes and claims', async () => {
    const worker = await t.loginAs(DEMO_WISH_PEOPLE.workerA.mobile, DEMO_PASSWORD)
    const mine = (
      await worker.request({ method: 'GET', url: '/api/v1/my/wishes?pageSize=50' })
    ).json<Page<MyWish>>()
    expect(mine.items.map((w) => w.title)).toEqual(
      expect.arrayContaining(['想给孩子买一套学习用品', '需要一双防滑雨靴']),
    )
    expect(mine.items.find((w) => w.title === '需要一双防滑雨靴')).toMatchObject({
      status: 'confirmed',
      thanks: expect.stringContaining('谢谢'),
    })
    const bank = await t.loginAs(DEMO_WISH_PEOPLE.bank.mobile, DEMO_PASSWORD)
    const claims = (
      await bank.request({ method: 'GET', url: '/api/v1/my/claims?pageSize=50' })
    ).json<Page<MyClaim>>()
    expect(claims.items.every((c) => c.claimantName === '平安银行深圳龙岗支行')).toBe(true)
    expect(claims.items.map((c) => c.status).sort()).toEqual(['active', 'confirmed'])
  })

  it('records the party member as one, so the claims made as a party member hold (ADR 0033)', async () => {
    const party = await t.loginAs(DEMO_WISH_PEOPLE.partyMember.mobile, DEMO_PASSWORD)
    const claims = (
      await party.request({ method: 'GET', url: '/api/v1/my/claims?pageSize=50' })
    ).json<Page<MyClaim>>()
    expect(claims.items.length).toBeGreaterThan(0)
    expect(claims.items.every((c) => c.claimantKind === 'party_member')).toBe(true)
    const options = await party.request({ method: 'GET', url: '/api/v1/my/wish-partners' })
    expect(options.json()).toEqual({ items: [], partyMember: true })
    const volunteer = await t.loginAs(DEMO_WISH_PEOPLE.volunteer.mobile, DEMO_PASSWORD)
    const theirs = await volunteer.request({ method: 'GET', url: '/api/v1/my/wish-partners' })
    expect(theirs.json<{ partyMember: boolean }>().partyMember).toBe(false)
  })

  it('shows staff of 龙岗 the wishes awaiting review, and workers a masked wall', async () => {
    const staff = await t.loginAs(ACCOUNTS.longgangStaff)
    const pending = (
      await staff.request({ method: 'GET', url: '/api/v1/wishes?status=pending_review' })
    ).json<Page<{ workerNameMasked: string }>>()
    expect(pending.total).toBeGreaterThanOrEqual(2)
    const wall = await t.request({
      method: 'GET',
      url: `/api/v1/public/wishes?orgId=${t.orgId('深圳市总工会')}&pageSize=50`,
    })
    expect(wall.json<Page<unknown>>().total).toBeGreaterThanOrEqual(5)
    for (const p of Object.values(DEMO_WISH_PEOPLE)) {
      expect(wall.body).not.toContain(p.mobile)
      if (p.org === '龙岗区建筑行业工联会') expect(wall.body).not.toContain(p.name)
    }
  })
})
