import type { MyWish, Page, PublicWish, Station, Wish, WishDetail } from '@unionhall/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ACCOUNTS,
  buildTestApp,
  type TestApp,
  type TestSession,
} from '../../../test/build-test-app'
import { MISSING_ID, auditCount, auditRows, expectError } from '../../../test/helpers'
import { typed } from '../../platform/db/create-db'
import {
  claim,
  claimReq,
  createStation,
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

/**
 * Editing and withdrawing a wish before anyone claims it: the worker's PATCH and withdraw,
 * and the staff PATCH. Every refusal leaves the wish row and the audit log as they were.
 */

let t: TestApp
let longgang: TestSession // staff of 龙岗区总工会
let shenzhen: TestSession // org_admin of 深圳市总工会
let gansu: TestSession // org_admin of 甘肃省总工会: outside Shenzhen
let lanzhou: TestSession // staff of 兰州市总工会
let volunteer: TestSession // wish:read, not wish:manage
let worker: TestSession // member of 龙岗区建筑行业工联会
let otherWorker: TestSession
let claimant: TestSession
let station: Station // at 龙岗区建筑行业工联会
let otherStation: Station // at 龙岗区总工会
let closedStation: Station
let lanzhouStation: Station // outside the 龙岗 staff's subtree

const WORKER_NAME = '何建华'
let workerMobile: string

beforeAll(async () => {
  t = await buildTestApp()
  ;[longgang, shenzhen, gansu, lanzhou] = await Promise.all([
    t.loginAs(ACCOUNTS.longgangStaff),
    t.loginAs(ACCOUNTS.shenzhenAdmin),
    t.loginAs(ACCOUNTS.gansuAdmin),
    t.loginAs(ACCOUNTS.lanzhouStaff),
  ])
  const w = await memberSession(t, '龙岗区建筑行业工联会', WORKER_NAME)
  worker = w.session
  workerMobile = w.mobile
  otherWorker = (await memberSession(t, '龙岗区建筑行业工联会', '邓师傅')).session
  volunteer = (await memberSession(t, '龙岗区总工会', '钱志愿', ['volunteer'])).session
  claimant = (await memberSession(t, '龙岗区总工会', '孔认领')).session
  station = await createStation(t, longgang, { name: '布吉爱心驿站' })
  otherStation = await createStation(t, longgang, {
    name: '横岗爱心驿站',
    orgId: t.orgId('龙岗区总工会'),
  })
  closedStation = await createStation(t, longgang, { name: '已搬迁驿站' })
  expectStatus(
    await longgang.request({
      method: 'POST',
      url: `/api/v1/stations/${closedStation.id}/close`,
      payload: { reason: '搬迁' },
    }),
    200,
  )
  lanzhouStation = await createStation(t, lanzhou, {
    name: '七里河爱心驿站',
    orgId: t.orgId('兰州市总工会'),
  })
})
afterAll(() => t.close())

const get = (s: TestSession | TestApp, url: string) => s.request({ method: 'GET', url })
const post = (s: TestSession | TestApp, url: string, payload?: unknown) =>
  s.request({ method: 'POST', url, payload: payload as object })
const patch = (s: TestSession | TestApp, url: string, payload: unknown) =>
  s.request({ method: 'PATCH', url, payload: payload as object })
const myUrl = (id: string) => `/api/v1/my/wishes/${id}`
const staffUrl = (id: string) => `/api/v1/wishes/${id}`
const withdrawUrl = (id: string) => `/api/v1/my/wishes/${id}/withdraw`

/** Asserts a refused request changed nothing: the wish row and the audit log stay as they were. */
const expectUnchanged = async (wishId: string, fn: () => Promise<unknown>) => {
  const [before, audits] = await Promise.all([wishRow(t, wishId), auditCount(t)])
  await fn()
  expect(await wishRow(t, wishId)).toEqual(before)
  expect(await auditCount(t)).toBe(audits)
}

const publishedWish = async (over: Record<string, unknown> = {}) => {
  const wish = await postWish(worker, { stationId: station.id, ...over })
  await publish(longgang, wish.id)
  return wish
}

const onWall = async (wishId: string) => {
  const page = expectStatus(
    await get(t, `/api/v1/public/wishes?stationId=${station.id}&pageSize=200`),
    200,
  ).json<Page<PublicWish>>()
  return page.items.some((w) => w.id === wishId)
}

/** A wish of the worker in each state nobody may edit or withdraw any more. */
const lockedWishes = async () => {
  const claimed = await publishedWish({ title: '已认领的心愿' })
  await claim(claimant, claimed.id)
  const fulfilled = await publishedWish({ title: '已送达的心愿' })
  await fulfil(claimant, (await claim(claimant, fulfilled.id)).id)
  const confirmed = await publishedWish({ title: '已完成的心愿' })
  await fulfil(claimant, (await claim(claimant, confirmed.id)).id)
  expectStatus(await post(worker, `${myUrl(confirmed.id)}/confirm`, {}), 200)
  const rejected = await postWish(worker, { title: '未通过的心愿' })
  expectStatus(await post(longgang, `${staffUrl(rejected.id)}/reject`, { reason: '重复' }), 200)
  const withdrawn = await postWish(worker, { title: '已撤回的心愿' })
  expectStatus(await post(worker, withdrawUrl(withdrawn.id), {}), 200)
  return { claimed, fulfilled, confirmed, rejected, withdrawn }
}

describe('PATCH /api/v1/my/wishes/:wishId (the worker edits)', () => {
  it('401, 403 CSRF, 404 for a wish not mine, 400 on bad input; nothing changes', async () => {
    const wish = await postWish(worker, { stationId: station.id })
    await expectUnchanged(wish.id, async () => {
      expectError(await patch(t, myUrl(wish.id), { title: '改' }), 401, 'AUTH_REQUIRED')
      expectError(
        await worker.request({
          method: 'PATCH',
          url: myUrl(wish.id),
          payload: { title: '改' },
          headers: { 'x-csrf-token': '' },
        }),
        403,
        'CSRF_INVALID',
      )
      // Someone else's wish answers as a missing one, staff included.
      expectError(await patch(otherWorker, myUrl(wish.id), { title: '改' }), 404, 'WISH_NOT_FOUND')
      expectError(await patch(longgang, myUrl(wish.id), { title: '改' }), 404, 'WISH_NOT_FOUND')
      expectError(await patch(worker, myUrl(MISSING_ID), { title: '改' }), 404, 'WISH_NOT_FOUND')
      expectError(await patch(worker, myUrl('nope'), { title: '改' }), 400, 'VALIDATION_FAILED')
      for (const bad of [
        {},
        { title: '' },
        { title: '   ' },
        { title: 'x'.repeat(61) },
        { description: 'x'.repeat(501) },
        { category: 'money' },
        { deadline: '2026/12/01' },
        { stationId: 'nope' },
        { status: 'published' },
        { workerName: '别人' },
      ])
        expectError(await patch(worker, myUrl(wish.id), bad), 400, 'VALIDATION_FAILED')
      for (const deadline of [day(-1), day(181), '2027-02-30'])
        expectError(await patch(worker, myUrl(wish.id), { deadline }), 400, 'WISH_DEADLINE_INVALID')
      expectError(
        await patch(worker, myUrl(wish.id), { stationId: MISSING_ID }),
        400,
        'WISH_STATION_NOT_FOUND',
      )
      expectError(
        await patch(worker, myUrl(wish.id), { title: '改', stationId: closedStation.id }),
        409,
        'WISH_STATION_CLOSED',
      )
    })
  })

  it('200 on a wish awaiting review: only the keys sent change; audited by field name; staff told', async () => {
    const wish = await postWish(worker, { stationId: station.id })
    const before = await wishRow(t, wish.id)
    const res = expectStatus(
      await patch(worker, myUrl(wish.id), { title: '需要一个大号保温饭盒', category: 'other' }),
      200,
    ).json<MyWish>()
    expect(res).toMatchObject({
      id: wish.id,
      status: 'pending_review',
      title: '需要一个大号保温饭盒',
      category: 'other',
      editedAt: expect.any(String),
      stationName: '布吉爱心驿站',
    })
    const row = await wishRow(t, wish.id)
    // A missing key leaves the stored value alone (description has a default when posting).
    expect(row).toMatchObject({
      description: before.description,
      deadline: before.deadline,
      station_id: station.id,
      org_id: before.org_id,
      worker_name_enc: before.worker_name_enc,
    })
    expect(row.description).not.toBe('')

    const [audit] = await auditRows(t, { action: 'wish.edited', targetId: wish.id })
    expect(audit).toMatchObject({ actor_member_id: worker.memberId })
    expect(JSON.parse(audit!.summary)).toMatchObject({
      by: 'worker',
      fields: ['title', 'category'],
      before: { status: 'pending_review' },
      after: { status: 'pending_review' },
    })
    // Field names, not the text or the worker's data.
    for (const secret of ['大号保温饭盒', WORKER_NAME, workerMobile])
      expect(audit!.summary).not.toContain(secret)
    const [n] = await notificationsAbout(t, longgang.memberId, 'wish.edited', wish.id)
    expect(JSON.parse(n!.params)).toMatchObject({
      title: '需要一个大号保温饭盒',
      wasPublished: false,
    })
    expect(n!.link).toBe(`/wishes/${wish.id}`)
  })

  it('a published wish goes back to review and off the wall until staff publish it again', async () => {
    const wish = await publishedWish()
    expect(await onWall(wish.id)).toBe(true)
    const res = expectStatus(
      await patch(worker, myUrl(wish.id), {
        title: '需要两个保温饭盒',
        description: '夫妻二人都在工地',
        deadline: day(40),
      }),
      200,
    ).json<MyWish>()
    expect(res).toMatchObject({ status: 'pending_review', deadline: day(40) })
    expect(await onWall(wish.id)).toBe(false)
    expectError(await get(t, `/api/v1/public/wishes/${wish.id}`), 404, 'WISH_NOT_FOUND')
    expectError(await claimReq(claimant, wish.id), 409, 'WISH_NOT_CLAIMABLE')
    const [audit] = await auditRows(t, { action: 'wish.edited', targetId: wish.id })
    expect(JSON.parse(audit!.summary)).toMatchObject({
      fields: ['title', 'description', 'deadline'],
      before: { status: 'published' },
      after: { status: 'pending_review' },
    })
    const [n] = await notificationsAbout(t, longgang.memberId, 'wish.edited', wish.id)
    expect(JSON.parse(n!.params)).toMatchObject({ wasPublished: true })
    expect((await wishRow(t, wish.id)).deadline_at).toBe(
      new Date(`${day(41)}T00:00:00+08:00`).toISOString(),
    )

    await publish(longgang, wish.id)
    expect(await onWall(wish.id)).toBe(true)
    const shown = expectStatus(
      await get(t, `/api/v1/public/wishes/${wish.id}`),
      200,
    ).json<PublicWish>()
    expect(shown).toMatchObject({ title: '需要两个保温饭盒', description: '夫妻二人都在工地' })
  })

  it("moves with a new station to the station's org; without one to the worker's own org", async () => {
    const wish = await postWish(worker, { stationId: station.id })
    const moved = expectStatus(
      await patch(worker, myUrl(wish.id), { stationId: otherStation.id }),
      200,
    ).json<MyWish>()
    expect(moved).toMatchObject({ stationName: '横岗爱心驿站', orgName: '龙岗区总工会' })
    expect((await wishRow(t, wish.id)).org_id).toBe(t.orgId('龙岗区总工会'))
    // The staff of the new org review it.
    expect(await notificationsAbout(t, longgang.memberId, 'wish.edited', wish.id)).toHaveLength(1)

    const none = expectStatus(
      await patch(worker, myUrl(wish.id), { stationId: null }),
      200,
    ).json<MyWish>()
    expect(none).toMatchObject({ stationId: null, orgName: '龙岗区建筑行业工联会' })
    const [, second] = await auditRows(t, { action: 'wish.edited', targetId: wish.id })
    expect(JSON.parse(second!.summary)).toMatchObject({
      fields: ['stationId'],
      before: { orgId: t.orgId('龙岗区总工会') },
      after: { orgId: t.orgId('龙岗区建筑行业工联会') },
    })
  })

  it('sending back the same values changes nothing: still on the wall, no audit', async () => {
    const wish = await publishedWish()
    const row = await wishRow(t, wish.id)
    await expectUnchanged(wish.id, async () => {
      const res = expectStatus(
        await patch(worker, myUrl(wish.id), {
          title: row.title,
          description: row.description,
          category: row.category,
          deadline: row.deadline,
          stationId: row.station_id,
        }),
        200,
      ).json<MyWish>()
      expect(res).toMatchObject({ status: 'published', editedAt: null })
    })
    expect(await onWall(wish.id)).toBe(true)
  })

  it('409 WISH_NOT_EDITABLE once claimed, fulfilled, confirmed, rejected, withdrawn or past its deadline', async () => {
    const locked = await lockedWishes()
    for (const [status, wish] of Object.entries(locked))
      await expectUnchanged(wish.id, async () => {
        const err = expectError(
          await patch(worker, myUrl(wish.id), { title: '改一下' }),
          409,
          'WISH_NOT_EDITABLE',
        )
        expect(err.details).toEqual({ status })
      })
    const overdue = await publishedWish()
    await typed<WishesTables>(t.database.db)
      .updateTable('wish')
      .set({ deadline_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', overdue.id)
      .execute()
    await expectUnchanged(overdue.id, async () => {
      const err = expectError(
        await patch(worker, myUrl(overdue.id), { deadline: day(20) }),
        409,
        'WISH_NOT_EDITABLE',
      )
      expect(err.details).toEqual({ status: 'expired' })
    })
  })

  it('an edit and a claim at the same moment never both succeed', async () => {
    for (let i = 0; i < 5; i++) {
      const wish = await publishedWish()
      const [edited, claimed] = await Promise.all([
        patch(worker, myUrl(wish.id), { title: `同时修改${i}` }),
        claimReq(claimant, wish.id),
      ])
      const codes = [edited.statusCode, claimed.statusCode].sort()
      expect(codes).toEqual(edited.statusCode === 200 ? [200, 409] : [201, 409])
      const row = await wishRow(t, wish.id)
      if (edited.statusCode === 200) {
        expect(claimed.json().error.code).toBe('WISH_NOT_CLAIMABLE')
        expect(row).toMatchObject({ status: 'pending_review', current_claim_id: null })
      } else {
        expect(edited.json().error.code).toBe('WISH_NOT_EDITABLE')
        expect(row).toMatchObject({ status: 'claimed', title: '需要一个保温饭盒' })
      }
    }
  })
})

describe('POST /api/v1/my/wishes/:wishId/withdraw', () => {
  it('401, 403 CSRF, 404 for a wish not mine, 400 on a bad body; nothing changes', async () => {
    const wish = await publishedWish()
    await expectUnchanged(wish.id, async () => {
      expectError(await post(t, withdrawUrl(wish.id), {}), 401, 'AUTH_REQUIRED')
      expectError(
        await worker.request({
          method: 'POST',
          url: withdrawUrl(wish.id),
          payload: {},
          headers: { 'x-csrf-token': '' },
        }),
        403,
        'CSRF_INVALID',
      )
      expectError(await post(otherWorker, withdrawUrl(wish.id), {}), 404, 'WISH_NOT_FOUND')
      expectError(await post(shenzhen, withdrawUrl(wish.id), {}), 404, 'WISH_NOT_FOUND')
      expectError(await post(worker, withdrawUrl(MISSING_ID), {}), 404, 'WISH_NOT_FOUND')
      for (const bad of [{ reason: '' }, { reason: 'x'.repeat(201) }, { extra: 1 }])
        expectError(await post(worker, withdrawUrl(wish.id), bad), 400, 'VALIDATION_FAILED')
    })
  })

  it('from the wall, with a reason: off the wall, kept for staff as withdrawn; audited; staff told', async () => {
    const wish = await publishedWish({ title: '需要一副护膝' })
    const res = expectStatus(
      await post(worker, withdrawUrl(wish.id), { reason: '家里人已经买了' }),
      200,
    ).json<MyWish>()
    expect(res).toMatchObject({
      status: 'withdrawn',
      withdrawnReason: '家里人已经买了',
      withdrawnAt: expect.any(String),
    })
    expect(await onWall(wish.id)).toBe(false)
    expectError(await get(t, `/api/v1/public/wishes/${wish.id}`), 404, 'WISH_NOT_FOUND')
    expectError(await claimReq(claimant, wish.id), 409, 'WISH_NOT_CLAIMABLE')

    // Staff still find it, under its own status.
    const list = expectStatus(
      await get(longgang, '/api/v1/wishes?status=withdrawn&pageSize=200'),
      200,
    ).json<Page<Wish>>()
    expect(list.items.map((w) => w.id)).toContain(wish.id)
    const detail = expectStatus(await get(volunteer, staffUrl(wish.id)), 200).json<WishDetail>()
    expect(detail).toMatchObject({ status: 'withdrawn', withdrawnReason: '家里人已经买了' })

    const [audit] = await auditRows(t, { action: 'wish.withdrawn', targetId: wish.id })
    expect(audit).toMatchObject({ actor_member_id: worker.memberId })
    expect(JSON.parse(audit!.summary)).toEqual({
      before: { status: 'published' },
      after: { status: 'withdrawn' },
      reasonGiven: true,
    })
    const [n] = await notificationsAbout(t, longgang.memberId, 'wish.withdrawn', wish.id)
    expect(JSON.parse(n!.params)).toMatchObject({ title: '需要一副护膝', reason: '家里人已经买了' })

    // Withdrawn is final: no review, no reopening, no second withdrawal, no edit.
    await expectUnchanged(wish.id, async () => {
      expectError(await post(longgang, `${staffUrl(wish.id)}/publish`), 409, 'WISH_STATUS_CONFLICT')
      expectError(
        await post(longgang, `${staffUrl(wish.id)}/reopen`, { reason: '核实' }),
        409,
        'WISH_STATUS_CONFLICT',
      )
      expectError(await post(worker, withdrawUrl(wish.id), {}), 409, 'WISH_NOT_WITHDRAWABLE')
      expectError(
        await patch(longgang, staffUrl(wish.id), { title: '改' }),
        409,
        'WISH_NOT_EDITABLE',
      )
    })
  })

  it('while awaiting review, without a reason', async () => {
    const wish = await postWish(worker)
    const res = expectStatus(await post(worker, withdrawUrl(wish.id), {}), 200).json<MyWish>()
    expect(res).toMatchObject({ status: 'withdrawn', withdrawnReason: null })
    const [audit] = await auditRows(t, { action: 'wish.withdrawn', targetId: wish.id })
    expect(JSON.parse(audit!.summary)).toMatchObject({
      before: { status: 'pending_review' },
      reasonGiven: false,
    })
  })

  it('409 WISH_NOT_WITHDRAWABLE once claimed, fulfilled, confirmed or rejected', async () => {
    const { claimed, fulfilled, confirmed, rejected } = await lockedWishes()
    for (const wish of [claimed, fulfilled, confirmed, rejected])
      await expectUnchanged(wish.id, async () => {
        expectError(
          await post(worker, withdrawUrl(wish.id), { reason: '不需要了' }),
          409,
          'WISH_NOT_WITHDRAWABLE',
        )
      })
  })
})

describe('PATCH /api/v1/wishes/:wishId (staff edit)', () => {
  it('401, 403 without wish:manage or outside my subtree, 404, 400; nothing changes', async () => {
    const wish = await publishedWish()
    await expectUnchanged(wish.id, async () => {
      expectError(await patch(t, staffUrl(wish.id), { title: '改' }), 401, 'AUTH_REQUIRED')
      expectError(await patch(volunteer, staffUrl(wish.id), { title: '改' }), 403, 'ACCESS_DENIED')
      expectError(await patch(worker, staffUrl(wish.id), { title: '改' }), 403, 'ACCESS_DENIED')
      expectError(await patch(gansu, staffUrl(wish.id), { title: '改' }), 403, 'ACCESS_DENIED')
      expectError(
        await patch(longgang, staffUrl(MISSING_ID), { title: '改' }),
        404,
        'WISH_NOT_FOUND',
      )
      expectError(await patch(longgang, staffUrl(wish.id), {}), 400, 'VALIDATION_FAILED')
      expectError(
        await patch(longgang, staffUrl(wish.id), { workerMobile: '13800001111' }),
        400,
        'VALIDATION_FAILED',
      )
      expectError(
        await patch(longgang, staffUrl(wish.id), { deadline: day(-1) }),
        400,
        'WISH_DEADLINE_INVALID',
      )
      // A station outside my subtree would move the wish out of it.
      expectError(
        await patch(longgang, staffUrl(wish.id), { stationId: lanzhouStation.id }),
        403,
        'ACCESS_DENIED',
      )
    })
  })

  it('200: a published wish stays on the wall with the new text; audited; the worker told', async () => {
    const wish = await publishedWish({ title: '需要一个保温杯' })
    const res = expectStatus(
      await patch(shenzhen, staffUrl(wish.id), {
        title: '需要一个不锈钢保温杯',
        description: '',
        stationId: otherStation.id,
      }),
      200,
    ).json<WishDetail>()
    expect(res).toMatchObject({
      status: 'published',
      title: '需要一个不锈钢保温杯',
      description: '',
      stationName: '横岗爱心驿站',
      orgName: '龙岗区总工会',
      editedAt: expect.any(String),
    })
    const shown = expectStatus(
      await get(t, `/api/v1/public/wishes/${wish.id}`),
      200,
    ).json<PublicWish>()
    expect(shown.title).toBe('需要一个不锈钢保温杯')
    const [audit] = await auditRows(t, { action: 'wish.edited', targetId: wish.id })
    expect(audit).toMatchObject({ actor_member_id: shenzhen.memberId })
    expect(JSON.parse(audit!.summary)).toMatchObject({
      by: 'staff',
      fields: ['title', 'description', 'stationId'],
      before: { status: 'published' },
      after: { status: 'published' },
    })
    const [n] = await notificationsAbout(t, worker.memberId, 'wish.edited_by_staff', wish.id)
    expect(n!.link).toBe(`/w/my/wishes/${wish.id}`)
    // Staff do not ask themselves to review their own correction.
    expect(await notificationsAbout(t, longgang.memberId, 'wish.edited', wish.id)).toEqual([])

    // Staff removing the station keep the wish in its org (inside their subtree).
    const none = expectStatus(
      await patch(longgang, staffUrl(wish.id), { stationId: null }),
      200,
    ).json<WishDetail>()
    expect(none).toMatchObject({ stationId: null, orgName: '龙岗区总工会' })
  })

  it("409 WISH_NOT_EDITABLE once claimed; a walk-in's edit tells nobody", async () => {
    const wish = await publishedWish()
    await claim(claimant, wish.id)
    await expectUnchanged(wish.id, async () => {
      expectError(
        await patch(longgang, staffUrl(wish.id), { category: 'health' }),
        409,
        'WISH_NOT_EDITABLE',
      )
    })

    const walkIn = expectStatus(
      await post(longgang, '/api/v1/wishes', {
        title: '需要一件棉大衣',
        category: 'daily_necessities',
        deadline: day(30),
        stationId: station.id,
        workerName: '孟大姐',
        workerMobile: '13612345678',
      }),
      201,
    ).json<WishDetail>()
    expectStatus(await patch(longgang, staffUrl(walkIn.id), { deadline: day(60) }), 200)
    const sent = await typed<{ notification: { params: string } }>(t.database.db)
      .selectFrom('notification')
      .select('params')
      .execute()
    expect(sent.filter((n) => n.params.includes(walkIn.id))).toEqual([])
  })
})
