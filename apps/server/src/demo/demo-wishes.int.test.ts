import type {
  MyClaim,
  MyWish,
  Page,
  Station,
  Wish,
  WishDetail,
  WishStatus,
} from '@unionhall/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACCOUNTS, buildTestApp, type TestApp } from '../../test/build-test-app'
import { ctxAs } from '../../test/factories/orgs'
import { auditRows } from '../../test/helpers'
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

  // The console's and the worker's timelines show these times in this order: a seed step dated
  // out of order reads as a wish published after it was withdrawn.
  it("tells each wish's history in time order, ending in the status it is left in", async () => {
    const admin = await t.loginAs(ACCOUNTS.platformAdmin)
    const ms = (iso: string | null | undefined) => (iso ? Date.parse(iso) : null)
    for (const { id, status } of made) {
      const res = await admin.request({ method: 'GET', url: `/api/v1/wishes/${id}` })
      expect(res.statusCode, res.body).toBe(200)
      const w = res.json<WishDetail>()
      const label = `${w.title} (${status})`
      expect(w.status, label).toBe(status)
      // Every change to the wish, in the order it was made (audit ids are UUIDv7): its times
      // never go back.
      const history = (await auditRows(t, { targetId: id }))
        .filter((r) => r.action !== 'wish.worker_contact_read')
        .sort((a, b) => (a.id < b.id ? -1 : 1))
      const times = history.map((r) => Date.parse(r.at))
      expect(times, `${label}: ${history.map((r) => `${r.action}@${r.at}`).join(', ')}`).toEqual(
        [...times].sort((a, b) => a - b),
      )

      const created = ms(w.createdAt)!
      const published = ms(w.publishedAt)
      if (published !== null) expect(published, label).toBeGreaterThanOrEqual(created)
      if (w.editedAt) expect(ms(w.editedAt), label).toBeGreaterThanOrEqual(created)
      // Claims one after another, each inside the wish's time on the wall.
      const claims = [...w.claims].sort((a, b) => Date.parse(a.claimedAt) - Date.parse(b.claimedAt))
      let wallFrom = published ?? Infinity
      for (const c of claims) {
        const steps = [c.claimedAt, c.fulfilledAt, c.endedAt].map(ms).filter((v) => v !== null)
        expect(steps, `${label}: claim ${c.status}`).toEqual([...steps].sort((a, b) => a - b))
        expect(
          ms(c.claimedAt),
          `${label}: claimed before it was on the wall`,
        ).toBeGreaterThanOrEqual(wallFrom)
        wallFrom = ms(c.endedAt) ?? Infinity
      }
      const last = claims.at(-1)
      if (w.editedAt && last)
        // Edits happen only while nobody holds a claim.
        for (const c of claims)
          expect(
            ms(w.editedAt)! < ms(c.claimedAt)! || ms(w.editedAt)! >= (ms(c.endedAt) ?? Infinity),
            `${label}: edited during a claim`,
          ).toBe(true)

      switch (status) {
        case 'pending_review':
          expect(w.claim, label).toBeNull()
          // Back in review after a published wish was edited: the edit comes after publishing.
          if (published !== null) expect(ms(w.editedAt), label).toBeGreaterThan(published)
          break
        case 'rejected':
          expect(published, label).toBeNull()
          break
        case 'published':
          expect(published, label).not.toBeNull()
          expect(w.claim, label).toBeNull()
          if (last) expect(last.endedAt, label).not.toBeNull()
          break
        case 'claimed':
          expect(w.claim?.status, label).toBe('active')
          break
        case 'fulfilled':
          expect(w.claim?.status, label).toBe('fulfilled')
          expect(w.confirmedAt, label).toBeNull()
          break
        case 'confirmed':
          expect(w.claim?.status, label).toBe('confirmed')
          expect(ms(w.confirmedAt), label).toBeGreaterThanOrEqual(ms(w.claim!.fulfilledAt)!)
          break
        case 'expired':
          expect(w.claim, label).toBeNull()
          break
        case 'withdrawn': {
          // Withdrawing is the wish's last step: nothing is dated after it.
          const withdrawn = ms(w.withdrawnAt)
          expect(withdrawn, label).not.toBeNull()
          for (const other of [created, published, ms(w.editedAt), ...times])
            if (other !== null) expect(withdrawn!, label).toBeGreaterThanOrEqual(other)
          break
        }
      }
    }
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
