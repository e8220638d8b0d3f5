import { WISH_AUTO_CONFIRM_DAYS, type MyClaim, type MyWish, type Wish } from '@unionhall/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ACCOUNTS,
  buildTestApp,
  type TestApp,
  type TestSession,
} from '../../../test/build-test-app'
import { auditRows, expectError } from '../../../test/helpers'
import { typed } from '../../platform/db/create-db'
import { expireDueClaims } from '.'
import {
  claim,
  claimReq,
  claimRows,
  day,
  expectStatus,
  fulfil,
  memberSession,
  notificationsAbout,
  postWish,
  publish,
  wishRow,
} from './wishes.fixtures.test-helpers'
import type { WishesTables } from './wishes.tables'

/** The expiry job, driven by hand with a clock in the future. */

let t: TestApp
let staff: TestSession
let worker: TestSession
let claimant: TestSession
const DAY = 86_400_000
const inDays = (n: number) => new Date(Date.now() + n * DAY)

beforeAll(async () => {
  t = await buildTestApp()
  staff = await t.loginAs(ACCOUNTS.longgangStaff)
  worker = (await memberSession(t, '龙岗区建筑行业工联会', '孙师傅')).session
  claimant = (await memberSession(t, '龙岗区总工会', '吴志愿')).session
})
afterAll(() => t.close())

const publishedWish = async (deadline: string) => {
  const wish = await postWish(worker, { deadline })
  await publish(staff, wish.id)
  return wish
}

describe('expireDueClaims', () => {
  it('does nothing before anything is due', async () => {
    const wish = await publishedWish(day(10))
    await claim(claimant, wish.id, { dueDate: day(2) })
    expect(await expireDueClaims(t.database.db, new Date())).toEqual({
      claimsExpired: 0,
      wishesExpired: 0,
      autoConfirmed: 0,
    })
  })

  it('expires a claim past its due date and puts the wish back on the wall; tells both; audited', async () => {
    const wish = await publishedWish(day(10))
    const c = await claim(claimant, wish.id, { dueDate: day(2) })
    const at = inDays(3)
    const result = await expireDueClaims(t.database.db, at)
    expect(result.claimsExpired).toBeGreaterThanOrEqual(1)
    expect(await claimRows(t, wish.id)).toMatchObject([
      { id: c.id, status: 'expired', ended_at: at.toISOString() },
    ])
    expect(await wishRow(t, wish.id)).toMatchObject({
      status: 'published',
      current_claim_id: null,
      wall_since: at.toISOString(),
    })
    expect(
      await notificationsAbout(t, claimant.memberId, 'wish.claim_expired', wish.id),
    ).toHaveLength(1)
    expect(
      await notificationsAbout(t, worker.memberId, 'wish.claim_expired', wish.id),
    ).toHaveLength(1)
    const [audit] = await auditRows(t, { action: 'wish.claim_expired', targetId: wish.id })
    expect(audit).toMatchObject({ actor_member_id: null, org_id: t.orgId('龙岗区建筑行业工联会') })

    // Back on the wall: the same claimant may try again.
    await claim(claimant, wish.id, { dueDate: day(5) })
  })

  it('leaves a fulfilled claim alone even past its due date', async () => {
    const wish = await publishedWish(day(10))
    const c = await claim(claimant, wish.id, { dueDate: day(1) })
    await fulfil(claimant, c.id)
    await expireDueClaims(t.database.db, inDays(3))
    expect((await claimRows(t, wish.id))[0]!.status).toBe('fulfilled')
    expect((await wishRow(t, wish.id)).status).toBe('fulfilled')
  })

  it('expires open wishes past their deadline (on the wall or still in review); claimed ones wait for their claim', async () => {
    const onWall = await publishedWish(day(1))
    const inReview = await postWish(worker, { deadline: day(1) })
    const claimedLate = await publishedWish(day(1))
    const c = await claim(claimant, claimedLate.id, { dueDate: day(1) })
    const later = await publishedWish(day(20))
    // Withdrawn before its deadline: it stays withdrawn, and the worker hears nothing more.
    const withdrawn = await publishedWish(day(1))
    expectStatus(
      await worker.request({
        method: 'POST',
        url: `/api/v1/my/wishes/${withdrawn.id}/withdraw`,
        payload: {},
      }),
      200,
    )

    await expireDueClaims(t.database.db, inDays(3))
    expect((await wishRow(t, onWall.id)).status).toBe('expired')
    expect((await wishRow(t, inReview.id)).status).toBe('expired')
    // Its claim expired, it went back on the wall, and its own deadline had passed too.
    expect((await claimRows(t, claimedLate.id))[0]).toMatchObject({ id: c.id, status: 'expired' })
    expect((await wishRow(t, claimedLate.id)).status).toBe('expired')
    expect((await wishRow(t, later.id)).status).toBe('published')
    expect((await wishRow(t, withdrawn.id)).status).toBe('withdrawn')
    expect(await auditRows(t, { action: 'wish.expired', targetId: withdrawn.id })).toEqual([])
    expect(await notificationsAbout(t, worker.memberId, 'wish.expired', withdrawn.id)).toEqual([])

    for (const id of [onWall.id, inReview.id, claimedLate.id]) {
      expect(await auditRows(t, { action: 'wish.expired', targetId: id })).toHaveLength(1)
      expect(await notificationsAbout(t, worker.memberId, 'wish.expired', id)).toHaveLength(1)
    }
    expectError(await claimReq(claimant, onWall.id), 409, 'WISH_NOT_CLAIMABLE')
  })

  it('is idempotent: a second run changes and records nothing', async () => {
    const before = (await auditRows(t)).length
    expect(await expireDueClaims(t.database.db, inDays(3))).toEqual({
      claimsExpired: 0,
      wishesExpired: 0,
      autoConfirmed: 0,
    })
    expect((await auditRows(t)).length).toBe(before)
  })

  it(`confirms a fulfilled wish the worker left unconfirmed for ${WISH_AUTO_CONFIRM_DAYS} days; tells both; audited`, async () => {
    const fulfilled = async () => {
      // A deadline past the wait: the reopened wish stays on the wall rather than expiring.
      const wish = await publishedWish(day(30))
      const c = await claim(claimant, wish.id, { dueDate: day(2) })
      await fulfil(claimant, c.id)
      return { wish, c }
    }
    const waiting = await fulfilled()
    const reopened = await fulfilled()
    expectStatus(
      await worker.request({
        method: 'POST',
        url: `/api/v1/my/wishes/${reopened.wish.id}/reopen`,
        payload: { reason: '送来的棉衣尺码不对' },
      }),
      200,
    )
    const confirmedByWorker = await fulfilled()
    expectStatus(
      await worker.request({
        method: 'POST',
        url: `/api/v1/my/wishes/${confirmedByWorker.wish.id}/confirm`,
        payload: { thanks: '谢谢！' },
      }),
      200,
    )

    // A day short of the wait: nothing yet.
    await expireDueClaims(t.database.db, inDays(WISH_AUTO_CONFIRM_DAYS - 1))
    expect((await wishRow(t, waiting.wish.id)).status).toBe('fulfilled')

    const at = inDays(WISH_AUTO_CONFIRM_DAYS + 1)
    expect((await expireDueClaims(t.database.db, at)).autoConfirmed).toBeGreaterThanOrEqual(1)
    expect(await wishRow(t, waiting.wish.id)).toMatchObject({
      status: 'confirmed',
      confirmed_at: at.toISOString(),
      confirmed_automatically: 1,
    })
    expect((await claimRows(t, waiting.wish.id))[0]).toMatchObject({
      id: waiting.c.id,
      status: 'confirmed',
      ended_at: at.toISOString(),
    })
    expect((await wishRow(t, reopened.wish.id)).status).toBe('published')
    expect(await wishRow(t, confirmedByWorker.wish.id)).toMatchObject({
      status: 'confirmed',
      confirmed_automatically: 0,
      thanks: '谢谢！',
    })
    for (const member of [claimant.memberId, worker.memberId])
      expect(
        await notificationsAbout(t, member, 'wish.auto_confirmed', waiting.wish.id),
      ).toHaveLength(1)
    const audits = await auditRows(t, { action: 'wish.auto_confirmed', targetId: waiting.wish.id })
    expect(audits).toHaveLength(1)
    expect(audits[0]).toMatchObject({ actor_member_id: null })
    for (const other of [reopened.wish.id, confirmedByWorker.wish.id])
      expect(await auditRows(t, { action: 'wish.auto_confirmed', targetId: other })).toEqual([])

    // Both the worker and staff see that the system confirmed it.
    const mine = expectStatus(
      await worker.request({ method: 'GET', url: `/api/v1/my/wishes/${waiting.wish.id}` }),
      200,
    ).json<MyWish>()
    expect(mine).toMatchObject({ status: 'confirmed', confirmedAutomatically: true })
    const staffView = expectStatus(
      await staff.request({ method: 'GET', url: `/api/v1/wishes/${waiting.wish.id}` }),
      200,
    ).json<Wish>()
    expect(staffView).toMatchObject({ status: 'confirmed', confirmedAutomatically: true })
    const claims = expectStatus(
      await claimant.request({ method: 'GET', url: '/api/v1/my/claims?pageSize=100' }),
      200,
    ).json<{ items: MyClaim[] }>().items
    expect(claims.find((c) => c.id === waiting.c.id)).toMatchObject({
      status: 'confirmed',
      wish: { confirmedAutomatically: true },
    })
    expect(claims.find((c) => c.id === confirmedByWorker.c.id)).toMatchObject({
      wish: { confirmedAutomatically: false, thanks: '谢谢！' },
    })

    // Run again: nothing more changes.
    expect((await expireDueClaims(t.database.db, at)).autoConfirmed).toBe(0)
  })

  it('refuses a claim on a wish whose deadline passed before the job ran', async () => {
    const wish = await publishedWish(day(5))
    await typed<WishesTables>(t.database.db)
      .updateTable('wish')
      .set({ deadline_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', wish.id)
      .execute()
    const err = expectError(await claimReq(claimant, wish.id), 409, 'WISH_NOT_CLAIMABLE')
    expect(err.details).toEqual({ status: 'expired' })
    expect(await claimRows(t, wish.id)).toEqual([])
  })
})
