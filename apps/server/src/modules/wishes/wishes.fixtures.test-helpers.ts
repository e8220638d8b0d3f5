import type {
  CreateStationBody,
  MyClaim,
  MyWish,
  PoliticalStatus,
  Station,
  WishDetail,
} from '@unionhall/contracts'
import type { LightMyRequestResponse } from 'fastify'
import { expect } from 'vitest'
import { ACCOUNTS, type TestApp, type TestSession } from '../../../test/build-test-app'
import { freshMobile, makeMember } from '../../../test/factories/members'
import { ctxAs } from '../../../test/factories/orgs'
import { findNotificationsOf } from '../../core/notifications'
import { typed } from '../../platform/db/create-db'
import { addDays, chinaToday } from './wish-rules'
import type { WishesTables } from './wishes.tables'

/** Test helpers for the wishes int tests: stations, members, requests and table reads. */

export const PASSWORD = 'wish-pass-2026'

/** A China date `n` days from today. */
export const day = (n: number) => addDays(chinaToday(new Date()), n)

export const expectStatus = (res: LightMyRequestResponse, status: number) => {
  expect(res.statusCode, res.body).toBe(status)
  return res
}

let seq = 0
export const stationBody = (t: TestApp, over: Partial<CreateStationBody> = {}) => ({
  orgId: t.orgId('龙岗区建筑行业工联会'),
  name: `心愿测试驿站${++seq}`,
  kind: 'union_love_station' as const,
  address: '深圳市龙岗区测试路8号',
  lat: 22.7,
  lng: 114.25,
  schedule: { alwaysOpen: true, weekly: [] },
  capacity: 10,
  contactName: '王师傅',
  contactMobile: '13912345678',
  ...over,
})

export const createStation = async (
  t: TestApp,
  s: TestSession,
  over: Partial<CreateStationBody> = {},
) =>
  expectStatus(
    await s.request({ method: 'POST', url: '/api/v1/stations', payload: stationBody(t, over) }),
    201,
  ).json<Station>()

/** A member with a password at an org, signed in. */
export const memberSession = async (
  t: TestApp,
  orgName: string,
  name: string,
  roles: ('volunteer' | 'staff')[] = [],
  politicalStatus?: PoliticalStatus,
) => {
  const admin = await t.loginAs(ACCOUNTS.platformAdmin)
  const mobile = freshMobile()
  const member = await makeMember(t, await ctxAs(t, admin.memberId), {
    orgId: t.orgId(orgName),
    name,
    mobile,
    password: PASSWORD,
    roles,
    politicalStatus,
  })
  return { session: await t.loginAs(mobile, PASSWORD), mobile, member }
}

export const wishBody = (over: Record<string, unknown> = {}) => ({
  title: '需要一个保温饭盒',
  description: '中午在工地吃饭，饭菜总是凉的。',
  category: 'daily_necessities',
  deadline: day(30),
  ...over,
})

export const postWish = async (s: TestSession, over: Record<string, unknown> = {}) =>
  expectStatus(
    await s.request({ method: 'POST', url: '/api/v1/my/wishes', payload: wishBody(over) }),
    201,
  ).json<MyWish>()

export const publish = async (s: TestSession, wishId: string) =>
  expectStatus(
    await s.request({ method: 'POST', url: `/api/v1/wishes/${wishId}/publish` }),
    200,
  ).json<WishDetail>()

export const claimReq = (s: TestSession, wishId: string, body: Record<string, unknown> = {}) =>
  s.request({
    method: 'POST',
    url: `/api/v1/wishes/${wishId}/claims`,
    payload: { claimantKind: 'volunteer', ...body },
  })

export const claim = async (s: TestSession, wishId: string, body: Record<string, unknown> = {}) =>
  expectStatus(await claimReq(s, wishId, body), 201).json<MyClaim>()

export const fulfil = async (s: TestSession, claimId: string, photos = [PHOTO]) =>
  expectStatus(
    await s.request({
      method: 'POST',
      url: `/api/v1/my/claims/${claimId}/fulfil`,
      payload: { photos, note: '已送到驿站' },
    }),
    200,
  ).json<MyClaim>()

export const PHOTO = 'https://img.example.cn/delivery.jpg'

export const wishRow = (t: TestApp, id: string) =>
  typed<WishesTables>(t.database.db)
    .selectFrom('wish')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow()

export const claimRows = (t: TestApp, wishId: string) =>
  typed<WishesTables>(t.database.db)
    .selectFrom('wish_claim')
    .selectAll()
    .where('wish_id', '=', wishId)
    .orderBy('id')
    .execute()

export const countWishes = async (t: TestApp) =>
  Number(
    (
      await typed<WishesTables>(t.database.db)
        .selectFrom('wish')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

/** Notifications of a kind a member received about a wish. */
export const notificationsAbout = async (
  t: TestApp,
  memberId: string,
  kind: string,
  wishId: string,
) =>
  (await findNotificationsOf(t.database.db, memberId, kind)).filter(
    (n) => (JSON.parse(n.params) as { wishId?: string }).wishId === wishId,
  )

let partnerSeq = 0
/**
 * A partner company registered by `staff` at `orgName` (wish:manage there), with the members of
 * the sessions listed as claiming for it, through the staff API (ADR 0030).
 */
export const registerPartner = async (
  t: TestApp,
  staff: TestSession,
  orgName: string,
  claimants: Pick<TestSession, 'mobile'>[],
  name = `测试爱心企业${Date.now().toString(36)}-${++partnerSeq}`,
) => {
  const created = expectStatus(
    await staff.request({
      method: 'POST',
      url: '/api/v1/wishes/partners',
      payload: { orgId: t.orgId(orgName), name },
    }),
    201,
  ).json<{ id: string; name: string }>()
  for (const c of claimants)
    expectStatus(
      await staff.request({
        method: 'POST',
        url: `/api/v1/wishes/partners/${created.id}/members`,
        payload: { mobile: c.mobile },
      }),
      200,
    )
  return created
}
