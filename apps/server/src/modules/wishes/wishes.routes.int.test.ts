import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type {
  MyClaim,
  MyWish,
  Page,
  PublicWish,
  Station,
  Wish,
  WishDetail,
} from '@unionhall/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ACCOUNTS,
  buildTestApp,
  type TestApp,
  type TestSession,
} from '../../../test/build-test-app'
import {
  MISSING_ID,
  auditCount,
  auditRows,
  expectError,
  multipartFile,
} from '../../../test/helpers'
import { pngImage } from '../../platform/files/image-fixtures.test-helpers'
import {
  PHOTO,
  claim,
  claimReq,
  claimRows,
  countWishes,
  createStation,
  day,
  expectStatus,
  fulfil,
  memberSession,
  notificationsAbout,
  postWish,
  publish,
  wishBody,
  wishRow,
  registerPartner,
} from './wishes.fixtures.test-helpers'

let t: TestApp
let dataDir: string
let longgang: TestSession // staff of 龙岗区总工会
let shenzhen: TestSession // org_admin of 深圳市总工会
let gansu: TestSession // org_admin of 甘肃省总工会: outside Shenzhen
let lanzhou: TestSession // staff of 兰州市总工会: outside Shenzhen
let counsellor: TestSession // 北京 counsellor: no wish permission
let worker: TestSession // 龙岗区建筑行业工联会 member, posts wishes
let workerMobile: string
let volunteer: TestSession // holds wish:read (volunteer role) but not wish:manage
let claimantA: TestSession
let claimantB: TestSession
let station: Station
let closedStation: Station

const WORKER_NAME = '李建国'

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'uh-wishes-'))
  t = await buildTestApp({ env: { DATA_DIR: dataDir } })
  ;[longgang, shenzhen, gansu, lanzhou, counsellor] = await Promise.all([
    t.loginAs(ACCOUNTS.longgangStaff),
    t.loginAs(ACCOUNTS.shenzhenAdmin),
    t.loginAs(ACCOUNTS.gansuAdmin),
    t.loginAs(ACCOUNTS.lanzhouStaff),
    t.loginAs(ACCOUNTS.beijingCounsellor),
  ])
  const w = await memberSession(t, '龙岗区建筑行业工联会', WORKER_NAME)
  worker = w.session
  workerMobile = w.mobile
  volunteer = (await memberSession(t, '龙岗区总工会', '赵志愿', ['volunteer'])).session
  // A party member on record: claims as one are allowed (ADR 0033).
  claimantA = (await memberSession(t, '兰州市总工会', '陈认领', [], 'cpc_member')).session
  claimantB = (await memberSession(t, '龙岗区总工会', '周认领')).session
  station = await createStation(t, longgang, { name: '坂田爱心驿站' })
  closedStation = await createStation(t, longgang, { name: '已关闭驿站' })
  expectStatus(
    await longgang.request({
      method: 'POST',
      url: `/api/v1/stations/${closedStation.id}/close`,
      payload: { reason: '搬迁' },
    }),
    200,
  )
})
afterAll(async () => {
  await t.close()
  rmSync(dataDir, { recursive: true, force: true })
})

/** Asserts a refused request changed nothing: no wish, no claim, no audit row. */
const expectNothingChanged = async (fn: () => Promise<unknown>) => {
  const [wishes, audits] = await Promise.all([countWishes(t), auditCount(t)])
  await fn()
  expect(await countWishes(t)).toBe(wishes)
  expect(await auditCount(t)).toBe(audits)
}

const get = (s: TestSession | TestApp, url: string) => s.request({ method: 'GET', url })
const post = (s: TestSession | TestApp, url: string, payload?: unknown) =>
  s.request({ method: 'POST', url, payload: payload as object })

/** A published wish posted by the worker at the station. */
const publishedWish = async (over: Record<string, unknown> = {}) => {
  const wish = await postWish(worker, { stationId: station.id, ...over })
  await publish(longgang, wish.id)
  return wish
}

describe('POST /api/v1/my/wishes (a worker posts)', () => {
  it('401 without a session, 403 without the CSRF token', async () => {
    await expectNothingChanged(async () => {
      expectError(await post(t, '/api/v1/my/wishes', wishBody()), 401, 'AUTH_REQUIRED')
      expectError(
        await worker.request({
          method: 'POST',
          url: '/api/v1/my/wishes',
          payload: wishBody(),
          headers: { 'x-csrf-token': '' },
        }),
        403,
        'CSRF_INVALID',
      )
    })
  })

  it('400 on bad input, each with nothing written', async () => {
    await expectNothingChanged(async () => {
      for (const bad of [
        { title: '' },
        { category: 'money' },
        { deadline: '2026/12/01' },
        { stationId: 'nope' },
        { extra: 1 },
      ])
        expectError(
          await post(worker, '/api/v1/my/wishes', wishBody(bad)),
          400,
          'VALIDATION_FAILED',
        )
      for (const deadline of [day(-1), day(181), '2027-02-30'])
        expectError(
          await post(worker, '/api/v1/my/wishes', wishBody({ deadline })),
          400,
          'WISH_DEADLINE_INVALID',
        )
      expectError(
        await post(worker, '/api/v1/my/wishes', wishBody({ stationId: MISSING_ID })),
        400,
        'WISH_STATION_NOT_FOUND',
      )
      expectError(
        await post(worker, '/api/v1/my/wishes', wishBody({ stationId: closedStation.id })),
        409,
        'WISH_STATION_CLOSED',
      )
      // Text that would be stored as something else on screen, or not at all, names its field.
      for (const title of ['手套\u0000', '手套\u202e套手', '手套\u0085', '手套\uffff'])
        expect(
          expectError(
            await post(worker, '/api/v1/my/wishes', wishBody({ title })),
            400,
            'TEXT_INVALID_CHARACTER',
          ).details,
        ).toEqual([{ path: 'body.title' }])
    })
  })

  it("201: pending review in the station's org, masked, audited, staff told", async () => {
    const wish = await postWish(worker, { stationId: station.id })
    expect(wish).toMatchObject({
      status: 'pending_review',
      stationId: station.id,
      stationName: '坂田爱心驿站',
      orgName: '龙岗区建筑行业工联会',
      title: '需要一个保温饭盒',
      claim: null,
    })
    const row = await wishRow(t, wish.id)
    expect(row).toMatchObject({
      source: 'worker',
      poster_member_id: worker.memberId,
      worker_name_masked: '李*国',
      worker_mobile_masked: `${workerMobile.slice(0, 3)}****${workerMobile.slice(-4)}`,
      org_id: t.orgId('龙岗区建筑行业工联会'),
    })
    // Encrypted at rest.
    expect(row.worker_name_enc).not.toContain(WORKER_NAME)
    expect(t.crypto.decrypt(row.worker_mobile_enc)).toBe(workerMobile)

    const [audit] = await auditRows(t, { action: 'wish.posted', targetId: wish.id })
    expect(audit).toMatchObject({ actor_member_id: worker.memberId })
    expect(audit!.summary).not.toContain(WORKER_NAME)
    expect(audit!.summary).not.toContain(workerMobile)

    // Nobody holds wish:manage at 工联会 itself, so 龙岗区总工会's staff hear of it.
    expect(await notificationsAbout(t, longgang.memberId, 'wish.submitted', wish.id)).toHaveLength(
      1,
    )
    expect(await notificationsAbout(t, shenzhen.memberId, 'wish.submitted', wish.id)).toHaveLength(
      0,
    )
  })

  it("without a station the wish belongs to the worker's own org", async () => {
    const wish = await postWish(worker)
    expect(wish).toMatchObject({ stationId: null, orgName: '龙岗区建筑行业工联会' })
  })
})

describe('GET /api/v1/my/wishes and /my/wishes/:wishId', () => {
  it('401, 400, and only my own wishes', async () => {
    expectError(await get(t, '/api/v1/my/wishes'), 401, 'AUTH_REQUIRED')
    expectError(await get(worker, '/api/v1/my/wishes?status=lost'), 400, 'VALIDATION_FAILED')
    const mine = await postWish(worker, { title: '想给孩子买一套学习用品', category: 'study' })
    const page = expectStatus(await get(worker, '/api/v1/my/wishes?pageSize=200'), 200).json<
      Page<MyWish>
    >()
    expect(page.items.map((w) => w.id)).toContain(mine.id)
    const others = expectStatus(await get(claimantA, '/api/v1/my/wishes'), 200).json<Page<MyWish>>()
    expect(others.items.map((w) => w.id)).not.toContain(mine.id)

    expectStatus(await get(worker, `/api/v1/my/wishes/${mine.id}`), 200)
    expectError(await get(claimantA, `/api/v1/my/wishes/${mine.id}`), 404, 'WISH_NOT_FOUND')
    expectError(await get(worker, '/api/v1/my/wishes/not-a-uuid'), 400, 'VALIDATION_FAILED')
    expectError(await get(t, `/api/v1/my/wishes/${mine.id}`), 401, 'AUTH_REQUIRED')
  })
})

describe('POST /api/v1/wishes (staff enter a wish for a walk-in)', () => {
  const body = (over: Record<string, unknown> = {}) => ({
    ...wishBody(),
    stationId: station.id,
    workerName: '王秀英',
    workerMobile: '13722223333',
    ...over,
  })

  it('401, 403 without wish:manage or outside my subtree, 400 on bad input', async () => {
    await expectNothingChanged(async () => {
      expectError(await post(t, '/api/v1/wishes', body()), 401, 'AUTH_REQUIRED')
      expectError(await post(counsellor, '/api/v1/wishes', body()), 403, 'ACCESS_DENIED')
      expectError(await post(volunteer, '/api/v1/wishes', body()), 403, 'ACCESS_DENIED')
      expectError(await post(gansu, '/api/v1/wishes', body()), 403, 'ACCESS_DENIED')
      expectError(
        await post(
          lanzhou,
          '/api/v1/wishes',
          body({ stationId: undefined, orgId: t.orgId('龙岗区总工会') }),
        ),
        403,
        'ACCESS_DENIED',
      )
      expectError(
        await post(longgang, '/api/v1/wishes', body({ stationId: undefined })),
        400,
        'VALIDATION_FAILED',
      )
      expectError(
        await post(longgang, '/api/v1/wishes', body({ workerMobile: '12345' })),
        400,
        'VALIDATION_FAILED',
      )
      expectError(
        await post(longgang, '/api/v1/wishes', body({ orgId: t.orgId('龙岗区总工会') })),
        400,
        'WISH_STATION_ORG_MISMATCH',
      )
    })
  })

  it('201: on the wall at once, worker data masked, audited without the plain data', async () => {
    const res = expectStatus(await post(longgang, '/api/v1/wishes', body()), 201)
    const wish = res.json<WishDetail>()
    expect(wish).toMatchObject({
      status: 'published',
      source: 'staff',
      workerNameMasked: '王*英',
      workerMobileMasked: '137****3333',
      orgId: t.orgId('龙岗区建筑行业工联会'),
      claims: [],
    })
    expect(res.body).not.toContain('王秀英')
    expect(res.body).not.toContain('13722223333')
    const [audit] = await auditRows(t, { action: 'wish.created', targetId: wish.id })
    expect(audit!.actor_member_id).toBe(longgang.memberId)
    expect(audit!.summary).not.toContain('13722223333')

    const draft = expectStatus(
      await post(
        longgang,
        '/api/v1/wishes',
        body({ publish: false, stationId: undefined, orgId: t.orgId('龙岗区总工会') }),
      ),
      201,
    ).json<WishDetail>()
    expect(draft).toMatchObject({
      status: 'pending_review',
      orgName: '龙岗区总工会',
      stationId: null,
    })
  })
})

describe('staff review: POST /api/v1/wishes/:wishId/publish and /reject', () => {
  it('401, 403, 400, 404, and 409 once reviewed', async () => {
    const wish = await postWish(worker)
    await expectNothingChanged(async () => {
      expectError(await post(t, `/api/v1/wishes/${wish.id}/publish`), 401, 'AUTH_REQUIRED')
      expectError(await post(volunteer, `/api/v1/wishes/${wish.id}/publish`), 403, 'ACCESS_DENIED')
      expectError(await post(gansu, `/api/v1/wishes/${wish.id}/publish`), 403, 'ACCESS_DENIED')
      expectError(
        await post(longgang, `/api/v1/wishes/${MISSING_ID}/publish`),
        404,
        'WISH_NOT_FOUND',
      )
      expectError(
        await post(longgang, `/api/v1/wishes/${wish.id}/reject`, {}),
        400,
        'VALIDATION_FAILED',
      )
      expectError(
        await post(gansu, `/api/v1/wishes/${wish.id}/reject`, { reason: '不符合' }),
        403,
        'ACCESS_DENIED',
      )
    })
    const published = await publish(longgang, wish.id)
    expect(published).toMatchObject({ status: 'published', publishedAt: expect.any(String) })
    expect(await auditRows(t, { action: 'wish.published', targetId: wish.id })).toHaveLength(1)
    expect(await notificationsAbout(t, worker.memberId, 'wish.published', wish.id)).toHaveLength(1)
    await expectNothingChanged(async () => {
      expectError(
        await post(longgang, `/api/v1/wishes/${wish.id}/publish`),
        409,
        'WISH_STATUS_CONFLICT',
      )
      expectError(
        await post(longgang, `/api/v1/wishes/${wish.id}/reject`, { reason: '重复' }),
        409,
        'WISH_STATUS_CONFLICT',
      )
    })
  })

  it('reject keeps the reason, tells the worker and is audited', async () => {
    const wish = await postWish(worker, { title: '想要一部新手机' })
    const res = expectStatus(
      await post(longgang, `/api/v1/wishes/${wish.id}/reject`, { reason: '超出微心愿范围' }),
      200,
    ).json<WishDetail>()
    expect(res).toMatchObject({ status: 'rejected', rejectedReason: '超出微心愿范围' })
    const [audit] = await auditRows(t, { action: 'wish.rejected', targetId: wish.id })
    expect(JSON.parse(audit!.summary)).toMatchObject({ after: { reason: '超出微心愿范围' } })
    const [n] = await notificationsAbout(t, worker.memberId, 'wish.rejected', wish.id)
    expect(JSON.parse(n!.params)).toMatchObject({ reason: '超出微心愿范围' })
    expect(n!.link).toBe(`/w/my/wishes/${wish.id}`)
  })
})

describe('staff reads: GET /api/v1/wishes, /:wishId, /:wishId/worker-contact', () => {
  it('401, 403 without wish:read, 400 on bad filters', async () => {
    expectError(await get(t, '/api/v1/wishes'), 401, 'AUTH_REQUIRED')
    expectError(await get(counsellor, '/api/v1/wishes'), 403, 'ACCESS_DENIED')
    expectError(await get(longgang, '/api/v1/wishes?status=lost'), 400, 'VALIDATION_FAILED')
    expectError(await get(longgang, '/api/v1/wishes?category=money'), 400, 'VALIDATION_FAILED')
    expectError(
      await get(gansu, `/api/v1/wishes?orgId=${t.orgId('龙岗区总工会')}`),
      403,
      'ACCESS_DENIED',
    )
  })

  it('lists my subtree with filters; outsiders see nothing of it', async () => {
    const wish = await publishedWish({ title: '需要一副劳保手套', category: 'health' })
    const list = async (s: TestSession, qs: string) =>
      expectStatus(await get(s, `/api/v1/wishes?pageSize=200&${qs}`), 200).json<Page<Wish>>()
    const ids = (p: Page<Wish>) => p.items.map((w) => w.id)

    expect(ids(await list(longgang, ''))).toContain(wish.id)
    expect(ids(await list(volunteer, `stationId=${station.id}`))).toContain(wish.id)
    expect(
      ids(await list(shenzhen, `orgId=${t.orgId('龙岗区建筑行业工联会')}&status=published`)),
    ).toContain(wish.id)
    expect(ids(await list(longgang, 'category=health&q=劳保'))).toEqual([wish.id])
    expect(ids(await list(longgang, 'category=study&q=劳保'))).toEqual([])
    expect(ids(await list(longgang, 'status=claimed'))).not.toContain(wish.id)
    expect((await list(lanzhou, '')).items).toEqual([])
    const found = (await list(longgang, 'q=劳保')).items[0]!
    expect(found).toMatchObject({ workerNameMasked: '李*国', stationName: '坂田爱心驿站' })
  })

  it('detail: 403 outside, 404 missing, 200 with claims', async () => {
    const wish = await publishedWish()
    expectError(await get(lanzhou, `/api/v1/wishes/${wish.id}`), 403, 'ACCESS_DENIED')
    expectError(await get(longgang, `/api/v1/wishes/${MISSING_ID}`), 404, 'WISH_NOT_FOUND')
    expectError(await get(t, `/api/v1/wishes/${wish.id}`), 401, 'AUTH_REQUIRED')
    const c = await claim(claimantA, wish.id)
    const detail = expectStatus(
      await get(volunteer, `/api/v1/wishes/${wish.id}`),
      200,
    ).json<WishDetail>()
    expect(detail.claim).toMatchObject({ id: c.id, status: 'active', claimantName: '陈认领' })
    expect(detail.claims.map((x) => x.id)).toEqual([c.id])
  })

  it('worker contact: wish:manage only, unmasked, and the read is audited', async () => {
    const wish = await publishedWish()
    await expectNothingChanged(async () => {
      expectError(await get(t, `/api/v1/wishes/${wish.id}/worker-contact`), 401, 'AUTH_REQUIRED')
      expectError(
        await get(volunteer, `/api/v1/wishes/${wish.id}/worker-contact`),
        403,
        'ACCESS_DENIED',
      )
      expectError(
        await get(gansu, `/api/v1/wishes/${wish.id}/worker-contact`),
        403,
        'ACCESS_DENIED',
      )
      expectError(
        await get(longgang, '/api/v1/wishes/nope/worker-contact'),
        400,
        'VALIDATION_FAILED',
      )
    })
    const res = expectStatus(await get(longgang, `/api/v1/wishes/${wish.id}/worker-contact`), 200)
    expect(res.json()).toEqual({ workerName: WORKER_NAME, workerMobile })
    const [audit] = await auditRows(t, { action: 'wish.worker_contact_read', targetId: wish.id })
    expect(audit!.actor_member_id).toBe(longgang.memberId)
  })
})

describe('the public wall: GET /api/v1/public/wishes and /:wishId', () => {
  it('400 unless exactly one of orgId and stationId; 404 for an unknown or closed one', async () => {
    expectError(await get(t, '/api/v1/public/wishes'), 400, 'VALIDATION_FAILED')
    expectError(
      await get(
        t,
        `/api/v1/public/wishes?orgId=${t.orgId('龙岗区总工会')}&stationId=${station.id}`,
      ),
      400,
      'VALIDATION_FAILED',
    )
    expectError(await get(t, `/api/v1/public/wishes?orgId=${MISSING_ID}`), 404, 'ORG_NOT_FOUND')
    expectError(
      await get(t, `/api/v1/public/wishes?stationId=${MISSING_ID}`),
      404,
      'WISH_STATION_NOT_FOUND',
    )
    expectError(
      await get(t, `/api/v1/public/wishes?stationId=${closedStation.id}`),
      404,
      'WISH_STATION_NOT_FOUND',
    )
  })

  it('shows published wishes of the subtree or station only, masked, without an account', async () => {
    const onWall = await publishedWish({ title: '需要一顶安全帽' })
    const pending = await postWish(worker, { stationId: station.id, title: '待审核的心愿' })
    const byStation = expectStatus(
      await get(t, `/api/v1/public/wishes?stationId=${station.id}&pageSize=200`),
      200,
    )
    const page = byStation.json<Page<PublicWish>>()
    expect(page.items.map((w) => w.id)).toContain(onWall.id)
    expect(page.items.map((w) => w.id)).not.toContain(pending.id)
    expect(page.items.every((w) => w.status === 'published')).toBe(true)
    expect(page.items.find((w) => w.id === onWall.id)).toMatchObject({
      workerNameMasked: '李*国',
      stationName: '坂田爱心驿站',
    })
    // Never the full name or the mobile, in any form.
    expect(byStation.body).not.toContain(WORKER_NAME)
    expect(byStation.body).not.toContain(workerMobile)
    // The masked form's last four digits, outside ids and timestamps (which can hold any four
    // digits: a UUID containing "1000" failed this once).
    const withoutIdsAndTimes = byStation.body
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '')
      .replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, '')
    expect(withoutIdsAndTimes).not.toContain(workerMobile.slice(-4))

    const bySubtree = expectStatus(
      await get(t, `/api/v1/public/wishes?orgId=${t.orgId('深圳市总工会')}&pageSize=200`),
      200,
    ).json<Page<PublicWish>>()
    expect(bySubtree.items.map((w) => w.id)).toContain(onWall.id)
    const elsewhere = expectStatus(
      await get(t, `/api/v1/public/wishes?orgId=${t.orgId('兰州市总工会')}`),
      200,
    ).json<Page<PublicWish>>()
    expect(elsewhere.items).toEqual([])

    expectStatus(await get(t, `/api/v1/public/wishes/${onWall.id}`), 200)
    expectError(await get(t, `/api/v1/public/wishes/${pending.id}`), 404, 'WISH_NOT_FOUND')
    expectError(await get(t, '/api/v1/public/wishes/nope'), 400, 'VALIDATION_FAILED')
  })
})

describe('claiming: POST /api/v1/wishes/:wishId/claims', () => {
  it('401, 403 CSRF, 400 on bad input, 403 own wish, 409 not on the wall; nothing changes', async () => {
    const wish = await publishedWish()
    const pending = await postWish(worker)
    await expectNothingChanged(async () => {
      expectError(
        await post(t, `/api/v1/wishes/${wish.id}/claims`, { claimantKind: 'volunteer' }),
        401,
        'AUTH_REQUIRED',
      )
      expectError(
        await claimantA.request({
          method: 'POST',
          url: `/api/v1/wishes/${wish.id}/claims`,
          payload: { claimantKind: 'volunteer' },
          headers: { 'x-csrf-token': '' },
        }),
        403,
        'CSRF_INVALID',
      )
      expectError(
        await claimReq(claimantA, wish.id, { claimantKind: 'hero' }),
        400,
        'VALIDATION_FAILED',
      )
      expectError(
        await claimReq(claimantA, wish.id, { claimantKind: 'partner_company' }),
        400,
        'VALIDATION_FAILED',
      )
      expectError(
        await claimReq(claimantA, wish.id, { dueDate: 'tomorrow' }),
        400,
        'VALIDATION_FAILED',
      )
      for (const dueDate of [day(-1), day(31)])
        expectError(await claimReq(claimantA, wish.id, { dueDate }), 400, 'WISH_CLAIM_DUE_INVALID')
      expectError(await claimReq(worker, wish.id), 403, 'WISH_CLAIM_OWN')
      expectError(await claimReq(claimantA, pending.id), 409, 'WISH_NOT_CLAIMABLE')
      expectError(await claimReq(claimantA, MISSING_ID), 404, 'WISH_NOT_FOUND')
    })
    expect(await claimRows(t, wish.id)).toEqual([])
  })

  it('201 for the first; 409 WISH_CLAIM_DUPLICATE for the same person, 409 WISH_ALREADY_CLAIMED for others', async () => {
    const wish = await publishedWish()
    const c = await claim(claimantA, wish.id, { dueDate: day(7) })
    expect(c).toMatchObject({
      status: 'active',
      claimantKind: 'volunteer',
      claimantName: '陈认领',
      dueDate: day(7),
      wish: { id: wish.id, status: 'claimed', workerNameMasked: '李*国' },
    })
    expect((await wishRow(t, wish.id)).current_claim_id).toBe(c.id)
    const [audit] = await auditRows(t, { action: 'wish.claimed', targetId: wish.id })
    expect(audit!.actor_member_id).toBe(claimantA.memberId)
    const [n] = await notificationsAbout(t, worker.memberId, 'wish.claimed', wish.id)
    expect(JSON.parse(n!.params)).toMatchObject({
      claimantName: '陈*领',
      title: '需要一个保温饭盒',
    })

    await expectNothingChanged(async () => {
      const dup = expectError(await claimReq(claimantA, wish.id), 409, 'WISH_CLAIM_DUPLICATE')
      expect(dup.details).toEqual({ claimId: c.id })
      expectError(await claimReq(claimantB, wish.id), 409, 'WISH_ALREADY_CLAIMED')
    })
    expect(await claimRows(t, wish.id)).toHaveLength(1)
  })

  it('403 WISH_CLAIMANT_NOT_PARTY_MEMBER as a party member without the record to say so; nothing changes', async () => {
    const wish = await publishedWish()
    // 周认领's record says nothing (未填写); a 共青团员 is no party member either.
    const youth = (await memberSession(t, '龙岗区总工会', '团员认领', [], 'cyl_member')).session
    const notifiedBefore = await notificationsAbout(t, worker.memberId, 'wish.claimed', wish.id)
    await expectNothingChanged(async () => {
      for (const who of [claimantB, youth])
        expectError(
          await claimReq(who, wish.id, { claimantKind: 'party_member' }),
          403,
          'WISH_CLAIMANT_NOT_PARTY_MEMBER',
        )
    })
    expect(await claimRows(t, wish.id)).toEqual([])
    expect(await wishRow(t, wish.id)).toMatchObject({ status: 'published', current_claim_id: null })
    expect(await notificationsAbout(t, worker.memberId, 'wish.claimed', wish.id)).toEqual(
      notifiedBefore,
    )
    // The claim form is told beforehand, as a yes/no, never the status itself.
    const options = expectStatus(
      await get(claimantB, `/api/v1/my/wish-partners?wishId=${wish.id}`),
      200,
    ).json<Record<string, unknown>>()
    expect(options).toEqual({ items: [], partyMember: false })
    // The same member claims as a volunteer.
    const c = await claim(claimantB, wish.id, { claimantKind: 'volunteer' })
    expect(c.claimantKind).toBe('volunteer')
  })

  it('201 as a party member when the record says 中共党员 (or 预备党员); the worker is told', async () => {
    const wish = await publishedWish()
    expect(
      expectStatus(await get(claimantA, `/api/v1/my/wish-partners?wishId=${wish.id}`), 200).json<{
        partyMember: boolean
      }>().partyMember,
    ).toBe(true)
    const c = await claim(claimantA, wish.id, { claimantKind: 'party_member' })
    expect(c).toMatchObject({ claimantKind: 'party_member', status: 'active' })
    const [audit] = await auditRows(t, { action: 'wish.claimed', targetId: wish.id })
    expect(JSON.parse(audit!.summary)).toMatchObject({ after: { claimantKind: 'party_member' } })
    const [n] = await notificationsAbout(t, worker.memberId, 'wish.claimed', wish.id)
    expect(JSON.parse(n!.params)).toMatchObject({ claimantKind: 'party_member' })
  })

  it('keeps a claim made as a party member when the record changes later', async () => {
    const wish = await publishedWish()
    const p = await memberSession(t, '龙岗区总工会', '转出党员', [], 'cpc_member')
    const c = await claim(p.session, wish.id, { claimantKind: 'party_member' })
    const cleared = await longgang.request({
      method: 'PATCH',
      url: `/api/v1/members/${p.member.id}`,
      payload: { politicalStatus: 'masses' },
    })
    expect(cleared.statusCode, cleared.body).toBe(200)
    expect(await claimRows(t, wish.id)).toEqual([
      expect.objectContaining({ id: c.id, claimant_kind: 'party_member', status: 'active' }),
    ])
    // Its delivery goes on as before.
    await fulfil(p.session, c.id)
  })

  it('a registered partner company claims under its own name, shown in full to the worker', async () => {
    const wish = await publishedWish()
    const bank = await registerPartner(t, longgang, '龙岗区总工会', [claimantB], '平安银行龙岗支行')
    await claim(claimantB, wish.id, { claimantKind: 'partner_company', partnerId: bank.id })
    const mine = expectStatus(await get(worker, `/api/v1/my/wishes/${wish.id}`), 200).json<MyWish>()
    expect(mine.claim).toMatchObject({
      claimantName: '平安银行龙岗支行',
      claimantKind: 'partner_company',
    })
  })
})

describe('my claims: GET /api/v1/my/claims, POST /my/claims/:claimId/fulfil and /release', () => {
  it('lists my claims only; 401 and 400', async () => {
    const wish = await publishedWish()
    const c = await claim(claimantB, wish.id)
    expectError(await get(t, '/api/v1/my/claims'), 401, 'AUTH_REQUIRED')
    expectError(await get(claimantB, '/api/v1/my/claims?status=lost'), 400, 'VALIDATION_FAILED')
    const mine = expectStatus(
      await get(claimantB, '/api/v1/my/claims?status=active&pageSize=200'),
      200,
    ).json<Page<MyClaim>>()
    expect(mine.items.map((x) => x.id)).toContain(c.id)
    const theirs = expectStatus(await get(claimantA, '/api/v1/my/claims?pageSize=200'), 200).json<
      Page<MyClaim>
    >()
    expect(theirs.items.map((x) => x.id)).not.toContain(c.id)
  })

  it('fulfil: 401, 403 for others, 404, 400 without photos or with a missing upload; nothing changes', async () => {
    const wish = await publishedWish()
    const c = await claim(claimantA, wish.id)
    const url = `/api/v1/my/claims/${c.id}/fulfil`
    await expectNothingChanged(async () => {
      expectError(await post(t, url, { photos: [PHOTO] }), 401, 'AUTH_REQUIRED')
      expectError(await post(claimantB, url, { photos: [PHOTO] }), 403, 'WISH_NOT_CLAIMANT')
      expectError(
        await post(claimantA, `/api/v1/my/claims/${MISSING_ID}/fulfil`, { photos: [PHOTO] }),
        404,
        'WISH_CLAIM_NOT_FOUND',
      )
      expectError(await post(claimantA, url, { photos: [] }), 400, 'VALIDATION_FAILED')
      expectError(
        await post(claimantA, url, { photos: ['http://x.cn/a.jpg'] }),
        400,
        'VALIDATION_FAILED',
      )
      expectError(
        await post(claimantA, url, { photos: [`/api/v1/uploads/${MISSING_ID}`] }),
        400,
        'UPLOAD_REFERENCE_MISSING',
      )
    })
    expect((await claimRows(t, wish.id))[0]!.status).toBe('active')
  })

  it('fulfil with an uploaded photo: wish fulfilled, worker told, audited; again is 409', async () => {
    const wish = await publishedWish()
    const c = await claim(claimantA, wish.id)
    const up = await claimantA.request({
      method: 'POST',
      url: '/api/v1/uploads',
      ...multipartFile('delivery.png', 'image/png', pngImage(4, 4, 7)),
    })
    const photo = up.json<{ url: string }>().url
    const done = await fulfil(claimantA, c.id, [photo, PHOTO])
    expect(done).toMatchObject({ status: 'fulfilled', photos: [photo, PHOTO], note: '已送到驿站' })
    expect(done.wish.status).toBe('fulfilled')
    expect(await auditRows(t, { action: 'wish.fulfilled', targetId: wish.id })).toHaveLength(1)
    expect(await notificationsAbout(t, worker.memberId, 'wish.fulfilled', wish.id)).toHaveLength(1)
    await expectNothingChanged(async () => {
      expectError(
        await post(claimantA, `/api/v1/my/claims/${c.id}/fulfil`, { photos: [PHOTO] }),
        409,
        'WISH_CLAIM_STATUS_CONFLICT',
      )
      expectError(
        await post(claimantA, `/api/v1/my/claims/${c.id}/release`, {}),
        409,
        'WISH_CLAIM_STATUS_CONFLICT',
      )
    })
  })

  it('release: 401, 403 for others, 400 on a bad body; the wish returns to the wall', async () => {
    const wish = await publishedWish()
    const c = await claim(claimantA, wish.id)
    const url = `/api/v1/my/claims/${c.id}/release`
    await expectNothingChanged(async () => {
      expectError(await post(t, url, {}), 401, 'AUTH_REQUIRED')
      expectError(await post(claimantB, url, {}), 403, 'WISH_NOT_CLAIMANT')
      expectError(await post(claimantA, url, { reason: '' }), 400, 'VALIDATION_FAILED')
    })
    const released = expectStatus(
      await post(claimantA, url, { reason: '临时出差' }),
      200,
    ).json<MyClaim>()
    expect(released).toMatchObject({
      status: 'released',
      endReason: '临时出差',
      wish: { status: 'published' },
    })
    expect(await auditRows(t, { action: 'wish.claim_released', targetId: wish.id })).toHaveLength(1)
    expect(
      await notificationsAbout(t, worker.memberId, 'wish.claim_released', wish.id),
    ).toHaveLength(1)
    // Back on the wall: someone else may claim it now, and so may the same person again.
    await claim(claimantB, wish.id)
  })
})

describe('confirm and reopen by the worker: POST /api/v1/my/wishes/:wishId/confirm and /reopen', () => {
  it('confirm: 403 for anyone but the worker, 409 before fulfilment, 400 on bad thanks', async () => {
    const wish = await publishedWish()
    const c = await claim(claimantA, wish.id)
    const url = `/api/v1/my/wishes/${wish.id}/confirm`
    await expectNothingChanged(async () => {
      expectError(await post(t, url, {}), 401, 'AUTH_REQUIRED')
      expectError(await post(worker, url, {}), 409, 'WISH_STATUS_CONFLICT')
    })
    await fulfil(claimantA, c.id)
    await expectNothingChanged(async () => {
      expectError(await post(claimantA, url, {}), 403, 'WISH_NOT_POSTER')
      expectError(await post(longgang, url, {}), 403, 'WISH_NOT_POSTER')
      expectError(await post(claimantB, url, { thanks: '谢谢' }), 403, 'WISH_NOT_POSTER')
      expectError(await post(worker, url, { thanks: 'x'.repeat(301) }), 400, 'VALIDATION_FAILED')
      expectError(
        await post(worker, `/api/v1/my/wishes/${MISSING_ID}/confirm`, {}),
        404,
        'WISH_NOT_FOUND',
      )
    })
    expect((await wishRow(t, wish.id)).status).toBe('fulfilled')
  })

  it('confirm with thanks: confirmed, the claimant is thanked and told; audited', async () => {
    const wish = await publishedWish()
    const c = await claim(claimantA, wish.id)
    await fulfil(claimantA, c.id)
    const res = expectStatus(
      await post(worker, `/api/v1/my/wishes/${wish.id}/confirm`, { thanks: '饭盒很好用，谢谢！' }),
      200,
    ).json<MyWish>()
    expect(res).toMatchObject({
      status: 'confirmed',
      thanks: '饭盒很好用，谢谢！',
      claim: { status: 'confirmed' },
    })
    const [n] = await notificationsAbout(t, claimantA.memberId, 'wish.confirmed', wish.id)
    expect(JSON.parse(n!.params)).toMatchObject({ thanks: '饭盒很好用，谢谢！' })
    expect(n!.link).toBe('/w/my/claims')
    expect(await auditRows(t, { action: 'wish.confirmed', targetId: wish.id })).toHaveLength(1)
    const claims = expectStatus(
      await get(claimantA, '/api/v1/my/claims?status=confirmed&pageSize=200'),
      200,
    ).json<Page<MyClaim>>()
    expect(claims.items.find((x) => x.id === c.id)!.wish.thanks).toBe('饭盒很好用，谢谢！')
    // Done: no reopening a confirmed wish.
    expectError(
      await post(worker, `/api/v1/my/wishes/${wish.id}/reopen`, { reason: '再要一个' }),
      409,
      'WISH_STATUS_CONFLICT',
    )
  })

  it('reopen: 400 without a reason, 403 for others, 409 on the wall; from claimed and from fulfilled', async () => {
    const wish = await publishedWish()
    const url = `/api/v1/my/wishes/${wish.id}/reopen`
    await expectNothingChanged(async () => {
      expectError(await post(t, url, { reason: '没收到' }), 401, 'AUTH_REQUIRED')
      expectError(await post(worker, url, {}), 400, 'VALIDATION_FAILED')
      expectError(await post(worker, url, { reason: '没收到' }), 409, 'WISH_STATUS_CONFLICT')
    })
    const first = await claim(claimantA, wish.id)
    expectError(await post(claimantA, url, { reason: '没收到' }), 403, 'WISH_NOT_POSTER')

    const reopened = expectStatus(
      await post(worker, url, { reason: '认领人联系不上' }),
      200,
    ).json<MyWish>()
    expect(reopened).toMatchObject({
      status: 'published',
      reopenReason: '认领人联系不上',
      claim: null,
    })
    expect(await claimRows(t, wish.id)).toMatchObject([
      { id: first.id, status: 'reopened', end_reason: '认领人联系不上' },
    ])
    expect(await notificationsAbout(t, claimantA.memberId, 'wish.reopened', wish.id)).toHaveLength(
      1,
    )

    const second = await claim(claimantB, wish.id)
    await fulfil(claimantB, second.id)
    expectStatus(await post(worker, url, { reason: '送来的尺寸不对' }), 200)
    const row = await wishRow(t, wish.id)
    expect(row).toMatchObject({ status: 'published', reopen_count: 2, current_claim_id: null })
    expect((await claimRows(t, wish.id)).map((c) => c.status)).toEqual(['reopened', 'reopened'])
    expect(await auditRows(t, { action: 'wish.reopened', targetId: wish.id })).toHaveLength(2)
  })

  it('keeps the ended claims in my wish after a reopen, in its page and in my list', async () => {
    const wish = await publishedWish()
    const c = await claim(claimantA, wish.id, { claimantKind: 'party_member' })
    await fulfil(claimantA, c.id)
    const mine = async () =>
      expectStatus(
        await worker.request({ method: 'GET', url: `/api/v1/my/wishes/${wish.id}` }),
        200,
      ).json<MyWish>()
    const before = await mine()
    expect(before.pastClaims).toEqual([])
    const claimedBy = before.claim!.claimantName
    expectStatus(
      await post(worker, `/api/v1/my/wishes/${wish.id}/reopen`, { reason: '没有收到' }),
      200,
    )
    const expected = [
      {
        id: c.id,
        claimantName: claimedBy,
        claimantKind: 'party_member',
        status: 'reopened',
        claimedAt: before.claim!.claimedAt,
        fulfilledAt: before.claim!.fulfilledAt,
        endedAt: expect.any(String),
        reopenReason: '没有收到',
      },
    ]
    const after = await mine()
    expect(after).toMatchObject({ status: 'published', claim: null })
    expect(after.pastClaims).toEqual(expected)
    const list = expectStatus(
      await worker.request({ method: 'GET', url: '/api/v1/my/wishes?pageSize=100' }),
      200,
    ).json<Page<MyWish>>()
    expect(list.items.find((w) => w.id === wish.id)!.pastClaims).toEqual(expected)
    // A second claimant: the current claim and the ended one, each in its place.
    await claim(claimantB, wish.id)
    const again = await mine()
    expect(again.claim).not.toBeNull()
    expect(again.pastClaims).toEqual(expected)
  })
})

describe('staff for a walk-in: POST /api/v1/wishes/:wishId/confirm and /reopen', () => {
  const walkIn = async () => {
    const res = await post(longgang, '/api/v1/wishes', {
      ...wishBody({ title: '需要一件冬季工作服' }),
      stationId: station.id,
      workerName: '刘大海',
      workerMobile: '13655556666',
    })
    return expectStatus(res, 201).json<WishDetail>()
  }

  it('confirm: 403 without wish:manage or for a worker-posted wish; 200 for a walk-in', async () => {
    const posted = await publishedWish()
    const pc = await claim(claimantA, posted.id)
    await fulfil(claimantA, pc.id)
    await expectNothingChanged(async () => {
      expectError(await post(t, `/api/v1/wishes/${posted.id}/confirm`, {}), 401, 'AUTH_REQUIRED')
      expectError(
        await post(volunteer, `/api/v1/wishes/${posted.id}/confirm`, {}),
        403,
        'ACCESS_DENIED',
      )
      expectError(
        await post(longgang, `/api/v1/wishes/${posted.id}/confirm`, {}),
        403,
        'WISH_CONFIRM_BY_WORKER',
      )
      expectError(
        await post(longgang, `/api/v1/wishes/${posted.id}/confirm`, { extra: 1 }),
        400,
        'VALIDATION_FAILED',
      )
    })

    const wish = await walkIn()
    const c = await claim(claimantA, wish.id)
    // Without an account the worker hears nothing; the org's staff do, and pass it on.
    await fulfil(claimantA, c.id)
    expect(await notificationsAbout(t, longgang.memberId, 'wish.fulfilled', wish.id)).toHaveLength(
      1,
    )
    expectError(await post(gansu, `/api/v1/wishes/${wish.id}/confirm`, {}), 403, 'ACCESS_DENIED')
    const done = expectStatus(
      await post(longgang, `/api/v1/wishes/${wish.id}/confirm`, { thanks: '刘师傅托我们转达感谢' }),
      200,
    ).json<WishDetail>()
    expect(done).toMatchObject({ status: 'confirmed', claim: { status: 'confirmed' } })
    expect(await notificationsAbout(t, claimantA.memberId, 'wish.confirmed', wish.id)).toHaveLength(
      1,
    )
  })

  it('reopen: 403 outside, 400 without a reason, 409 on the wall; 200 ends the claim', async () => {
    const wish = await walkIn()
    const url = `/api/v1/wishes/${wish.id}/reopen`
    await expectNothingChanged(async () => {
      expectError(await post(t, url, { reason: '核实' }), 401, 'AUTH_REQUIRED')
      expectError(await post(longgang, url, {}), 400, 'VALIDATION_FAILED')
      expectError(await post(longgang, url, { reason: '核实' }), 409, 'WISH_STATUS_CONFLICT')
    })
    const c = await claim(claimantB, wish.id)
    expectError(await post(gansu, url, { reason: '核实' }), 403, 'ACCESS_DENIED')
    expectError(await post(volunteer, url, { reason: '核实' }), 403, 'ACCESS_DENIED')
    const res = expectStatus(
      await post(longgang, url, { reason: '认领人超时未联系' }),
      200,
    ).json<WishDetail>()
    expect(res).toMatchObject({ status: 'published', claim: null, reopenCount: 1 })
    expect(res.claims).toMatchObject([{ id: c.id, status: 'reopened' }])
    expect(await notificationsAbout(t, claimantB.memberId, 'wish.reopened', wish.id)).toHaveLength(
      1,
    )
    expect(await auditRows(t, { action: 'wish.reopened', targetId: wish.id })).toMatchObject([
      { actor_member_id: longgang.memberId },
    ])
  })
})
