import { uuidv7 } from 'uuidv7'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ACCOUNTS,
  buildTestApp,
  type TestApp,
  type TestSession,
} from '../../../test/build-test-app'
import { freshMobile, makeMember } from '../../../test/factories/members'
import { ctxAs } from '../../../test/factories/orgs'
import { auditRows } from '../../../test/helpers'
import { toJson } from '../../platform/db/columns'
import { withTransaction } from '../../platform/db/transaction'
import {
  PASSWORD,
  claimReq,
  claimRows,
  day,
  expectStatus,
  postWish,
  publish,
  wishRow,
} from './wishes.fixtures.test-helpers'
import * as repo from './wishes.repository'

/**
 * One live claim per wish, provably: 100 members claiming the same wish at the same moment get
 * exactly one 201 and 99 clear 409s, on SQLite and on PostgreSQL (where the requests really run
 * in parallel on a connection pool). And the database itself refuses a second live claim, so
 * the guarantee holds across app processes.
 */

let t: TestApp
let staff: TestSession
let worker: TestSession
let claimants: TestSession[]

beforeAll(async () => {
  t = await buildTestApp()
  staff = await t.loginAs(ACCOUNTS.longgangStaff)
  const ctx = await ctxAs(t, (await t.loginAs(ACCOUNTS.platformAdmin)).memberId)
  const make = async (i: number) => {
    const mobile = freshMobile()
    await makeMember(t, ctx, {
      // The worker (-1) posts in 龙岗, where the staff publish; claimants come from anywhere.
      orgId: t.orgId(i % 2 === 0 || i < 0 ? '龙岗区总工会' : '兰州市总工会'),
      name: `认领人${i}`,
      mobile,
      password: PASSWORD,
      // A third claim as party members, which their record must say (ADR 0033).
      politicalStatus: i >= 0 && i % 3 === 0 ? 'cpc_member' : undefined,
    })
    return t.loginAs(mobile, PASSWORD)
  }
  worker = await make(-1)
  claimants = []
  for (let i = 0; i < 100; i++) claimants.push(await make(i))
}, 120_000)
afterAll(() => t.close())

const publishedWish = async () => {
  const wish = await postWish(worker, { title: '需要一个保温饭盒' })
  await publish(staff, wish.id)
  return wish
}

describe('100 simultaneous claims', () => {
  it('give exactly one 201 and 99 409 WISH_ALREADY_CLAIMED, and one active claim row', async () => {
    const wish = await publishedWish()
    const answers = await Promise.all(
      claimants.map((s, i) =>
        claimReq(s, wish.id, i % 3 === 0 ? { claimantKind: 'party_member' } : {}),
      ),
    )
    const created = answers.filter((r) => r.statusCode === 201)
    const refused = answers.filter((r) => r.statusCode === 409)
    expect(created).toHaveLength(1)
    expect(refused).toHaveLength(99)
    for (const r of refused) expect(r.json().error.code).toBe('WISH_ALREADY_CLAIMED')

    const winner = created[0]!.json<{ id: string }>()
    const rows = await claimRows(t, wish.id)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ id: winner.id, status: 'active' })
    expect(await wishRow(t, wish.id)).toMatchObject({
      status: 'claimed',
      current_claim_id: winner.id,
    })
    expect(await auditRows(t, { action: 'wish.claimed', targetId: wish.id })).toHaveLength(1)
  })

  it('by the same member at once give one 201 and WISH_CLAIM_DUPLICATE for the rest', async () => {
    const wish = await publishedWish()
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => claimReq(claimants[0]!, wish.id)),
    )
    expect(answers.filter((r) => r.statusCode === 201)).toHaveLength(1)
    const refused = answers.filter((r) => r.statusCode !== 201)
    expect(refused).toHaveLength(9)
    for (const r of refused) {
      expect(r.statusCode).toBe(409)
      expect(r.json().error.code).toBe('WISH_CLAIM_DUPLICATE')
    }
    expect(await claimRows(t, wish.id)).toHaveLength(1)
  })

  it('the database refuses a second live claim even when the status check is bypassed', async () => {
    const wish = await publishedWish()
    expectStatus(await claimReq(claimants[1]!, wish.id), 201)
    const now = new Date().toISOString()
    const row = (status: 'active' | 'fulfilled' | 'released') => ({
      id: uuidv7(),
      wish_id: wish.id,
      claimant_member_id: claimants[2]!.memberId,
      claimant_name: '绕过检查',
      claimant_kind: 'volunteer' as const,
      partner_id: null,
      status,
      due_date: day(3),
      due_at: now,
      available_since: now,
      photos: toJson([]),
      note: '',
      claimed_at: now,
      fulfilled_at: null,
      ended_at: null,
      end_reason: null,
      updated_at: now,
    })
    // As another process would: straight to the table, no conditional update first.
    for (const status of ['active', 'fulfilled'] as const)
      await expect(
        withTransaction(t.database.db, (trx) => repo.insertClaim(trx, row(status))),
      ).rejects.toThrow(/unique|UNIQUE/)
    // Ended claims are history and do not count.
    await withTransaction(t.database.db, (trx) => repo.insertClaim(trx, row('released')))
    expect((await claimRows(t, wish.id)).map((c) => c.status).sort()).toEqual([
      'active',
      'released',
    ])
  })
})
