import type { NotificationPage } from '@unionhall/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ACCOUNTS,
  buildTestApp,
  type TestApp,
  type TestSession,
} from '../../../test/build-test-app'
import { freshMobile, makeMember } from '../../../test/factories/members'
import { ctxAs } from '../../../test/factories/orgs'
import { MISSING_ID, auditRows, expectError } from '../../../test/helpers'
import { typed } from '../../platform/db/create-db'
import { withTransaction } from '../../platform/db/transaction'
import { systemCtx, type Ctx } from '../access'
import { notify, registerNotificationChannel, type NotificationMessage } from '.'
import type { NotificationTables } from './notifications.tables'

let t: TestApp
let gansu: TestSession
let alice: TestSession
let bob: TestSession
const PASSWORD = 'notify-pass-123'

const message = (n: number): NotificationMessage => ({
  kind: 'test.hello',
  params: { n, title: `第${n}条` },
  link: `/w/test/${n}`,
})

const send = (ctx: Ctx, recipients: (string | null)[], m: NotificationMessage) =>
  withTransaction(t.database.db, (trx) => notify(trx, ctx, recipients, m))

const list = (s: TestSession, query = '') =>
  s.request({ method: 'GET', url: `/api/v1/notifications${query}` })

const rowsOf = (memberId: string) =>
  typed<NotificationTables>(t.database.db)
    .selectFrom('notification')
    .selectAll()
    .where('member_id', '=', memberId)
    .execute()

beforeAll(async () => {
  t = await buildTestApp()
  gansu = await t.loginAs(ACCOUNTS.gansuAdmin)
  const ctx = await ctxAs(t, gansu.memberId)
  const sessions: TestSession[] = []
  for (const name of ['通知甲', '通知乙']) {
    const mobile = freshMobile()
    await makeMember(t, ctx, { orgId: t.orgId('兰州市总工会'), name, mobile, password: PASSWORD })
    sessions.push(await t.loginAs(mobile, PASSWORD))
  }
  ;[alice, bob] = sessions as [TestSession, TestSession]
})
afterAll(() => t.close())

describe('notify', () => {
  it('writes one row per recipient, de-duplicated, without the acting member or nulls', async () => {
    const ctx = await ctxAs(t, bob.memberId)
    const sent = await send(ctx, [alice.memberId, alice.memberId, null, bob.memberId], message(1))
    expect(sent).toEqual([alice.memberId])
    expect(await rowsOf(bob.memberId)).toEqual([])
    const rows = await rowsOf(alice.memberId)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ kind: 'test.hello', link: '/w/test/1', read_at: null })
    expect(JSON.parse(rows[0]!.params)).toEqual({ n: 1, title: '第1条' })
  })

  it('writes nothing when the change rolls back', async () => {
    const before = (await rowsOf(alice.memberId)).length
    await expect(
      withTransaction(t.database.db, async (trx) => {
        await notify(trx, systemCtx(), [alice.memberId], message(99))
        throw new Error('the change failed')
      }),
    ).rejects.toThrow('the change failed')
    expect(await rowsOf(alice.memberId)).toHaveLength(before)
  })

  it('fans out to every registered channel with the same recipients and message', async () => {
    const seen: { recipients: readonly string[]; kind: string }[] = []
    const unregister = registerNotificationChannel({
      name: 'recording',
      deliver: async (_trx, _ctx, recipients, m) => {
        seen.push({ recipients, kind: m.kind })
      },
    })
    try {
      expect(() =>
        registerNotificationChannel({ name: 'recording', deliver: async () => undefined }),
      ).toThrow('already registered')
      await send(systemCtx(), [bob.memberId], message(2))
    } finally {
      unregister()
    }
    await send(systemCtx(), [bob.memberId], message(3))
    expect(seen).toEqual([{ recipients: [bob.memberId], kind: 'test.hello' }])
    expect(await rowsOf(bob.memberId)).toHaveLength(2)
  })
})

describe('GET /api/v1/notifications', () => {
  it('401 without a session', async () => {
    expectError(
      await t.request({ method: 'GET', url: '/api/v1/notifications' }),
      401,
      'AUTH_REQUIRED',
    )
  })

  it('400 on bad paging or filter', async () => {
    expectError(await list(alice, '?pageSize=0'), 400, 'VALIDATION_FAILED')
    expectError(await list(alice, '?unreadOnly=yes'), 400, 'VALIDATION_FAILED')
    expectError(await list(alice, '?q=x'), 400, 'VALIDATION_FAILED')
  })

  it('lists only my notifications, newest first, paged, with my unread count', async () => {
    for (const n of [10, 11, 12]) await send(systemCtx(), [alice.memberId], message(n))
    const res = await list(alice, '?pageSize=2')
    expect(res.statusCode).toBe(200)
    const page = res.json<NotificationPage>()
    expect(page.total).toBe(4)
    expect(page.unread).toBe(4)
    expect(page.items.map((i) => i.params.n)).toEqual([12, 11])
    expect(page.items[0]).toMatchObject({ kind: 'test.hello', link: '/w/test/12', readAt: null })
    const second = (await list(alice, '?pageSize=2&page=2')).json<NotificationPage>()
    expect(second.items.map((i) => i.params.n)).toEqual([10, 1])
    const bobs = (await list(bob)).json<NotificationPage>()
    expect(bobs.items.every((i) => [2, 3].includes(i.params.n as number))).toBe(true)
  })

  it('puts the newest first by when it was sent, even when sent in another order', async () => {
    // Changes dated in the past (the demo seed, the expiry job catching up) are sent after
    // newer ones: the list follows their times, not the order the rows were written.
    const gansuCtx = await ctxAs(t, gansu.memberId)
    const mobile = freshMobile()
    await makeMember(t, gansuCtx, {
      orgId: t.orgId('兰州市总工会'),
      name: '通知丙',
      mobile,
      password: PASSWORD,
    })
    const carol = await t.loginAs(mobile, PASSWORD)
    const at = (iso: string): Ctx => ({ ...gansuCtx, now: new Date(iso) })
    await send(at('2030-01-03T00:00:00.000Z'), [carol.memberId], message(23))
    await send(at('2030-01-01T00:00:00.000Z'), [carol.memberId], message(21))
    await send(at('2030-01-02T00:00:00.000Z'), [carol.memberId], message(22))
    // Two at the same instant: the later-written one first, on every page.
    await send(at('2030-01-02T00:00:00.000Z'), [carol.memberId], message(24))
    const page1 = (await list(carol, '?pageSize=3')).json<NotificationPage>()
    const page2 = (await list(carol, '?pageSize=3&page=2')).json<NotificationPage>()
    expect([...page1.items, ...page2.items].map((i) => i.params.n)).toEqual([23, 24, 22, 21])
  })
})

describe('POST /api/v1/notifications/:notificationId/read', () => {
  const read = (s: TestSession, id: string) =>
    s.request({ method: 'POST', url: `/api/v1/notifications/${id}/read` })

  it('401 without a session, 403 without the CSRF token, 400 on a bad id', async () => {
    expectError(
      await t.request({ method: 'POST', url: `/api/v1/notifications/${MISSING_ID}/read` }),
      401,
      'AUTH_REQUIRED',
    )
    expectError(
      await alice.request({
        method: 'POST',
        url: `/api/v1/notifications/${MISSING_ID}/read`,
        headers: { 'x-csrf-token': '' },
      }),
      403,
      'CSRF_INVALID',
    )
    expectError(await read(alice, 'not-a-uuid'), 400, 'VALIDATION_FAILED')
    expectError(await read(alice, MISSING_ID), 404, 'NOTIFICATION_NOT_FOUND')
  })

  it("marks mine read once, audited; someone else's is 404 and stays unread", async () => {
    const [mine] = (await list(alice, '?pageSize=1')).json<NotificationPage>().items
    const [bobs] = (await list(bob, '?pageSize=1')).json<NotificationPage>().items

    expectError(await read(alice, bobs!.id), 404, 'NOTIFICATION_NOT_FOUND')
    expect((await list(bob, '?pageSize=1')).json<NotificationPage>().items[0]!.readAt).toBeNull()

    const res = await read(alice, mine!.id)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ id: mine!.id, readAt: expect.any(String) })
    const audits = await auditRows(t, { action: 'notification.read', targetId: mine!.id })
    expect(audits).toHaveLength(1)
    expect(audits[0]!.actor_member_id).toBe(alice.memberId)

    // Again: same answer, nothing written.
    const again = await read(alice, mine!.id)
    expect(again.json<{ readAt: string }>().readAt).toBe(res.json<{ readAt: string }>().readAt)
    expect(await auditRows(t, { action: 'notification.read', targetId: mine!.id })).toHaveLength(1)

    const page = (await list(alice, '?unreadOnly=true')).json<NotificationPage>()
    expect(page.unread).toBe(3)
    expect(page.total).toBe(3)
    expect(page.items.some((i) => i.id === mine!.id)).toBe(false)
  })
})

describe('POST /api/v1/notifications/read-all', () => {
  const readAll = (s: TestSession) =>
    s.request({ method: 'POST', url: '/api/v1/notifications/read-all' })

  it('401 without a session, 403 without the CSRF token', async () => {
    expectError(
      await t.request({ method: 'POST', url: '/api/v1/notifications/read-all' }),
      401,
      'AUTH_REQUIRED',
    )
    expectError(
      await alice.request({
        method: 'POST',
        url: '/api/v1/notifications/read-all',
        headers: { 'x-csrf-token': '' },
      }),
      403,
      'CSRF_INVALID',
    )
  })

  it("marks all of mine read (audited once) and leaves others' alone", async () => {
    const res = await readAll(alice)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ marked: 3 })
    expect((await list(alice)).json<NotificationPage>().unread).toBe(0)
    expect((await list(bob)).json<NotificationPage>().unread).toBe(2)
    const audits = await auditRows(t, { action: 'notification.read_all', targetId: alice.memberId })
    expect(audits).toHaveLength(1)
    expect(JSON.parse(audits[0]!.summary)).toEqual({ marked: 3 })

    expect((await readAll(alice)).json()).toEqual({ marked: 0 })
    expect(
      await auditRows(t, { action: 'notification.read_all', targetId: alice.memberId }),
    ).toHaveLength(1)
  })
})
