import type { Campaign } from '@unionhall/contracts'
import { uuidv7 } from 'uuidv7'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { typed } from '../../../platform/db/create-db'
import {
  ACCOUNTS,
  buildTestApp,
  type TestApp,
  type TestSession,
} from '../../../../test/build-test-app'
import {
  freshIdCard,
  freshMobile as freshMemberMobile,
  makeMember,
} from '../../../../test/factories/members'
import { ctxAs } from '../../../../test/factories/orgs'
import { auditRows } from '../../../../test/helpers'
import type { CampaignTables } from '../campaigns.tables'
import * as repo from './nominations.repository'
import * as dedupeMigration from '../migrations/20261129T1352_campaigns_nomination_dedupe_consent_sms'

/**
 * Concurrent first nominations of one person end in one nomination with every supporter, on
 * SQLite and PostgreSQL; and the migration that adds the unique indexes merges duplicates the
 * race created before.
 */

let t: TestApp
let gansu: TestSession
let campaign: Campaign
let nominators: TestSession[]
const PASSWORD = 'Race#Nominator2027'

const db = () => typed<CampaignTables>(t.database.db)
let seq = 0
const freshMobile = () => `139${String(7_300_000 + ++seq).padStart(8, '0')}`

const nominationBody = (extra: Record<string, unknown> = {}) => ({
  categoryId: campaign.categories[0]!.id,
  nomineeName: '马建华',
  nomineeMobile: freshMobile(),
  employerOrgId: t.orgId('兰州市总工会'),
  trade: '电工',
  years: 20,
  isFrontLine: true,
  achievements: '扎根电网一线二十年，完成带电作业三千余次，零事故。',
  photoUrls: [],
  reason: '技术全面，敢于担当，屡次在抢修中挑大梁。',
  ...extra,
})

const nominate = (s: TestSession, body: Record<string, unknown>) =>
  s.request({
    method: 'POST',
    url: `/api/v1/public/campaigns/${campaign.id}/nominations`,
    payload: body,
  })

beforeAll(async () => {
  t = await buildTestApp()
  gansu = await t.loginAs(ACCOUNTS.gansuAdmin)
  const day = (n: number) => new Date(Date.UTC(2027, 0, 1 + n)).toISOString()
  const phases = ['nomination', 'review', 'publicity', 'voting', 'jury', 'result_publicity']
  const res = await gansu.request({
    method: 'POST',
    url: '/api/v1/campaigns',
    payload: {
      orgId: t.orgId('甘肃省总工会'),
      name: '并发提名测试',
      honourTitle: '陇原工匠',
      year: 2027,
      categories: [{ name: '技能类', honourCount: 2 }],
      schedule: Object.fromEntries(
        phases.map((p, i) => [p, { startsAt: day(i * 10), endsAt: day(i * 10 + 9) }]),
      ),
      rules: {
        eligibility: 'members',
        votesPerDay: 5,
        maxPerCandidatePerDay: 1,
        maxChoicesPerBallot: 5,
        hours: null,
        sealed: false,
        weights: { publicVote: 0.6, jury: 0.4 },
      },
      quotas: { minFrontLineShare: 0.5 },
      rubric: [{ key: 'skill', label: '技能', maxScore: 100 }],
      phaseMode: 'manual',
    },
  })
  expect(res.statusCode, res.body).toBe(201)
  campaign = res.json<Campaign>()
  const phase = await gansu.request({
    method: 'POST',
    url: `/api/v1/campaigns/${campaign.id}/phase`,
    payload: { to: 'nomination' },
  })
  expect(phase.statusCode, phase.body).toBe(200)
  nominators = []
  const gansuCtx = await ctxAs(t, gansu.memberId)
  for (let i = 0; i < 20; i++) {
    const mobile = freshMemberMobile()
    await makeMember(t, gansuCtx, { orgId: t.orgId('兰州市总工会'), mobile, password: PASSWORD })
    nominators.push(await t.loginAs(mobile, PASSWORD))
  }
}, 120_000)
afterAll(() => t.close())

const liveOf = (where: { mobileHash?: string; id?: string }) =>
  db()
    .selectFrom('campaign_nomination')
    .selectAll()
    .where('campaign_id', '=', campaign.id)
    .where('status', 'in', ['awaiting_consent', 'submitted', 'accepted'])
    .$if(where.mobileHash !== undefined, (qb) =>
      qb.where('nominee_mobile_hash', '=', where.mobileHash!),
    )
    .$if(where.id !== undefined, (qb) => qb.where('id', '=', where.id!))
    .execute()

const supportCount = async (nominationId: string) =>
  Number(
    (
      await db()
        .selectFrom('campaign_nomination_support')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('nomination_id', '=', nominationId)
        .executeTakeFirstOrThrow()
    ).n,
  )

describe('concurrent first nominations of one person', () => {
  it('end in exactly one nomination with 20 supporters (same mobile)', async () => {
    const body = nominationBody()
    const results = await Promise.all(nominators.map((s) => nominate(s, body)))

    for (const r of results) expect([200, 201], r.body).toContain(r.statusCode)
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1)
    const ids = new Set(results.map((r) => r.json<{ id: string }>().id))
    expect(ids.size).toBe(1)
    const [id] = [...ids] as [string]

    const rows = await db()
      .selectFrom('campaign_nomination')
      .select(['id', 'supporter_count'])
      .where('campaign_id', '=', campaign.id)
      .where('nominee_name', '=', body.nomineeName)
      .where(
        'nominee_mobile_masked',
        '=',
        `${body.nomineeMobile.slice(0, 3)}****${body.nomineeMobile.slice(-4)}`,
      )
      .execute()
    expect(rows).toEqual([{ id, supporter_count: 20 }])
    expect(await supportCount(id)).toBe(20)
    expect(
      await auditRows(t, { action: 'campaign.nomination.created', targetId: id }),
    ).toHaveLength(1)
    expect(
      await auditRows(t, { action: 'campaign.nomination.supported', targetId: id }),
    ).toHaveLength(19)
  })

  it('end in one nomination when they share the ID number but not the mobile', async () => {
    const idCard = freshIdCard()
    const results = await Promise.all(
      nominators
        .slice(0, 10)
        .map((s) =>
          nominate(s, nominationBody({ nomineeName: '柳青', nomineeIdCardNumber: idCard })),
        ),
    )
    for (const r of results) expect([200, 201], r.body).toContain(r.statusCode)
    const ids = new Set(results.map((r) => r.json<{ id: string }>().id))
    expect(ids.size).toBe(1)
    const [id] = [...ids] as [string]
    expect((await liveOf({ id }))[0]!.supporter_count).toBe(10)
    expect(await supportCount(id)).toBe(10)
  })
})

describe('insertNominationIfNew', () => {
  // On SQLite the requests above run one after another (one connection, synchronous driver),
  // so the conflict branch is shown here directly; PostgreSQL takes it in the test above.
  it('inserts nothing when a live nomination of the same mobile or ID number exists', async () => {
    const idCard = freshIdCard()
    const first = await nominate(
      nominators[0]!,
      nominationBody({ nomineeName: '丙', nomineeIdCardNumber: idCard }),
    )
    const row = (await liveOf({ id: first.json<{ id: string }>().id }))[0]!
    const again = { ...row, id: uuidv7() }
    expect(await repo.insertNominationIfNew(t.database.db, again)).toBe(false)
    expect(
      await repo.insertNominationIfNew(t.database.db, {
        ...again,
        nominee_mobile_hash: `other-${row.nominee_mobile_hash}`,
      }),
    ).toBe(false)
    expect(await repo.insertNominationIfNew(t.database.db, { ...again, status: 'rejected' })).toBe(
      true,
    )
  })
})

describe('migration 20261129T1352 on data the race already duplicated', () => {
  it('merges live duplicates into the one furthest in review, then enforces uniqueness', async () => {
    const created = await nominate(nominators[0]!, nominationBody({ nomineeName: '甲' }))
    const base = (await liveOf({ id: created.json<{ id: string }>().id }))[0]!
    const idCard = (
      await nominate(
        nominators[0]!,
        nominationBody({ nomineeName: '乙', nomineeIdCardNumber: freshIdCard() }),
      )
    ).json<{ id: string }>().id
    const withId = (await liveOf({ id: idCard }))[0]!

    // Back to the schema before the migration, where the race could duplicate nominations.
    await dedupeMigration.down(t.database.db)
    const at = (s: number) => new Date(Date.UTC(2027, 0, 2, 0, 0, s)).toISOString()
    const {
      consent_sms_sent_at: _a,
      consent_sms_day: _b,
      consent_sms_day_count: _c,
      ...plain
    } = base as typeof base & Record<string, unknown>
    const {
      consent_sms_sent_at: _d,
      consent_sms_day: _e,
      consent_sms_day_count: _f,
      ...plainId
    } = withId as typeof withId & Record<string, unknown>
    const copy = async (from: typeof plain, over: Partial<typeof plain>, supporters: number) => {
      const id = uuidv7()
      await db()
        .insertInto('campaign_nomination')
        .values({ ...from, ...over, id, supporter_count: supporters })
        .execute()
      for (let i = 0; i < supporters; i++)
        await db()
          .insertInto('campaign_nomination_support')
          .values({
            id: uuidv7(),
            nomination_id: id,
            nominator_member_id: nominators[i + 1]!.memberId,
            nominating_org_id: null,
            reason: '重复提名',
            recommendation_letter: null,
            created_at: at(0),
          })
          .execute()
      return id
    }
    // Same mobile: one submitted (kept, though later), one more awaiting consent, one rejected.
    const submitted = await copy(plain, { status: 'submitted', created_at: at(5) }, 2)
    const awaiting = await copy(plain, { created_at: at(6) }, 1)
    const rejected = await copy(plain, { status: 'rejected', created_at: at(7) }, 1)
    // Same ID number with another mobile, and that mobile again without an ID: one group.
    const otherMobile = `x${plainId.nominee_mobile_hash}`
    const byId = await copy(plainId, { nominee_mobile_hash: otherMobile, created_at: at(8) }, 1)
    const byMobile = await copy(
      plainId,
      {
        nominee_mobile_hash: otherMobile,
        nominee_id_card_hash: null,
        status: 'accepted',
        created_at: at(9),
      },
      3,
    )

    await dedupeMigration.up(t.database.db)

    const status = async (id: string) =>
      await db()
        .selectFrom('campaign_nomination')
        .select(['status', 'merged_into_id', 'supporter_count', 'consent_token_hash'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    expect(await status(submitted)).toMatchObject({ status: 'submitted', supporter_count: 4 })
    expect(await status(base.id)).toMatchObject({
      status: 'merged',
      merged_into_id: submitted,
      consent_token_hash: null,
    })
    expect(await status(awaiting)).toMatchObject({ status: 'merged', merged_into_id: submitted })
    expect(await status(rejected)).toMatchObject({ status: 'rejected', merged_into_id: null })
    expect(await supportCount(submitted)).toBe(4)

    // The accepted one outranks the others of its group, whichever key joined them.
    expect(await status(byMobile)).toMatchObject({ status: 'accepted', supporter_count: 5 })
    expect(await status(withId.id)).toMatchObject({ status: 'merged', merged_into_id: byMobile })
    expect(await status(byId)).toMatchObject({ status: 'merged', merged_into_id: byMobile })
    expect(await supportCount(byMobile)).toBe(5)

    await expect(
      db()
        .insertInto('campaign_nomination')
        .values({ ...plain, id: uuidv7(), status: 'awaiting_consent' })
        .execute(),
    ).rejects.toThrow()
    // A rejected duplicate is allowed: only live nominations are unique.
    await db()
      .insertInto('campaign_nomination')
      .values({ ...plain, id: uuidv7(), status: 'rejected' })
      .execute()
  })
})
