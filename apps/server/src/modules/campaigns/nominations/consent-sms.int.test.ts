import type { Campaign } from '@unionhall/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../../app'
import { SESSION_COOKIE } from '../../../core/auth'
import { DEMO_PASSWORD } from '../../../demo/seed-demo'
import { typed } from '../../../platform/db/create-db'
import {
  ACCOUNTS,
  buildTestApp,
  testConfig,
  type TestApp,
  type TestSession,
} from '../../../../test/build-test-app'
import { MISSING_ID, auditRows, expectError } from '../../../../test/helpers'
import type { CampaignNominationConsentSmsColumns, CampaignTables } from '../campaigns.tables'

/** Consent links texted to nominees: sent on create, re-sent by staff within limits. */

let t: TestApp
let gansu: TestSession // org_admin of 甘肃省总工会
let lanzhou: TestSession // staff of 兰州市总工会
let shenzhen: TestSession // org_admin of 深圳市总工会
let campaign: Campaign

type ConsentSms = {
  sentAt: string | null
  sentTo: string | null
  sentToday: number
  dailyMax: number
  nextAllowedAt: string | null
}
type Detail = { id: string; status: string; consentUrl: string | null; consentSms: ConsentSms }

const outbox = () => (t.sms as unknown as { outbox: { mobile: string; text: string }[] }).outbox
const masked = (m: string) => `${m.slice(0, 3)}****${m.slice(-4)}`
let seq = 0
const freshMobile = () => `139${String(7_100_000 + ++seq).padStart(8, '0')}`

const nominationBody = (extra: Record<string, unknown> = {}) => ({
  categoryId: campaign.categories[0]!.id,
  nomineeName: '李秀英',
  nomineeMobile: freshMobile(),
  employerOrgId: t.orgId('兰州市总工会'),
  trade: '钳工',
  years: 12,
  isFrontLine: true,
  achievements: '主持设备技改十余项，年节约成本三百余万元，带徒二十余人。',
  photoUrls: [],
  reason: '技艺精湛，乐于传帮带，是职工身边的榜样。',
  ...extra,
})

const nominate = (s: TestSession, body: Record<string, unknown>) =>
  s.request({
    method: 'POST',
    url: `/api/v1/public/campaigns/${campaign.id}/nominations`,
    payload: body,
  })

const detail = async (id: string, s = gansu) => {
  const res = await s.request({
    method: 'GET',
    url: `/api/v1/campaigns/${campaign.id}/nominations/${id}`,
  })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<Detail>()
}

const resend = (s: TestSession | TestApp, id: string, payload: unknown = {}) =>
  s.request({
    method: 'POST',
    url: `/api/v1/campaigns/${campaign.id}/nominations/${id}/consent-sms`,
    payload: payload as Record<string, unknown>,
  })

const nominations = () =>
  typed<CampaignTables & { campaign_nomination: CampaignNominationConsentSmsColumns }>(
    t.database.db,
  )

/** Moves the last consent SMS of a nomination back in time, as if minutes had passed. */
const ageLastSms = async (id: string, ms: number) => {
  const row = await nominations()
    .selectFrom('campaign_nomination')
    .select('consent_sms_sent_at')
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  await nominations()
    .updateTable('campaign_nomination')
    .set({ consent_sms_sent_at: new Date(Date.parse(row.consent_sms_sent_at!) - ms).toISOString() })
    .where('id', '=', id)
    .execute()
}

const consent = (app: { request: TestApp['request'] }, token: string) =>
  app.request({
    method: 'POST',
    url: `/api/v1/public/campaigns/nominations/consent/${token}`,
    payload: { decision: 'consent' },
  })

const tokenIn = (text: string) => /\/consent\/([0-9a-f-]{36}\.[A-Za-z0-9_-]{43})/.exec(text)![1]!

beforeAll(async () => {
  t = await buildTestApp()
  ;[gansu, lanzhou, shenzhen] = await Promise.all([
    t.loginAs(ACCOUNTS.gansuAdmin),
    t.loginAs(ACCOUNTS.lanzhouStaff),
    t.loginAs(ACCOUNTS.shenzhenAdmin),
  ])
  const day = (n: number) => new Date(Date.UTC(2027, 0, 1 + n)).toISOString()
  const phases = ['nomination', 'review', 'publicity', 'voting', 'jury', 'result_publicity']
  const res = await gansu.request({
    method: 'POST',
    url: '/api/v1/campaigns',
    payload: {
      orgId: t.orgId('甘肃省总工会'),
      name: '陇原工匠短信测试',
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
})
afterAll(() => t.close())

describe('consent SMS', () => {
  let id: string
  let mobile: string

  it('texts the consent link to a nominated colleague (zh-CN), audited with the masked mobile', async () => {
    const before = outbox().length
    const body = nominationBody()
    mobile = body.nomineeMobile
    const res = await nominate(lanzhou, body)
    expect(res.statusCode, res.body).toBe(201)
    id = res.json<{ id: string }>().id

    expect(outbox()).toHaveLength(before + 1)
    const sms = outbox().at(-1)!
    expect(sms.mobile).toBe(mobile)
    expect(sms.text).toContain('「陇原工匠短信测试」')
    expect(sms.text).toContain('同意')
    const d = await detail(id)
    expect(sms.text).toContain(`http://localhost:80${d.consentUrl}`)
    expect(d.consentSms).toMatchObject({
      sentTo: masked(mobile),
      sentToday: 1,
      dailyMax: 5,
    })
    expect(d.consentSms.sentAt).not.toBeNull()
    expect(d.consentSms.nextAllowedAt).not.toBeNull()

    const audit = await auditRows(t, {
      action: 'campaign.nomination.consent-sms-sent',
      targetId: id,
    })
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0]!.summary)).toEqual({ to: masked(mobile), trigger: 'created' })
    for (const row of await auditRows(t, { targetId: id }))
      expect(row.summary).not.toContain(mobile)
  })

  it('sends nothing for a self-nomination, nor when a nomination joins an existing one', async () => {
    const before = outbox().length
    const self = await nominate(gansu, nominationBody({ nomineeMobile: ACCOUNTS.gansuAdmin }))
    expect(self.statusCode, self.body).toBe(201)
    const selfId = self.json<{ id: string }>().id
    const joined = await nominate(gansu, nominationBody({ nomineeMobile: mobile }))
    expect(joined.statusCode, joined.body).toBe(200)

    expect(outbox()).toHaveLength(before)
    expect((await detail(selfId)).consentSms).toMatchObject({ sentAt: null, sentToday: 0 })
    expect(
      await auditRows(t, { action: 'campaign.nomination.consent-sms-sent', targetId: selfId }),
    ).toHaveLength(0)
    expectError(await resend(gansu, selfId), 409, 'NOMINATION_CONSENT_NOT_PENDING')
  })

  it('re-sends at most once a minute (429), in English on request', async () => {
    const tooSoon = expectError(await resend(gansu, id), 429, 'NOMINATION_CONSENT_SMS_TOO_SOON')
    expect(tooSoon.details).toMatchObject({ retryAfterSeconds: expect.any(Number) })

    await ageLastSms(id, 61_000)
    const before = outbox().length
    const res = await resend(lanzhou, id, { locale: 'en' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json<{ consentSms: ConsentSms }>().consentSms).toMatchObject({
      sentTo: masked(mobile),
      sentToday: 2,
    })
    expect(outbox()).toHaveLength(before + 1)
    expect(outbox().at(-1)!.text).toContain('You have been nominated for "陇原工匠短信测试"')
    const audit = await auditRows(t, {
      action: 'campaign.nomination.consent-sms-sent',
      targetId: id,
    })
    expect(audit).toHaveLength(2)
    expect(audit[1]!.actor_member_id).toBe(lanzhou.memberId)
    expect(JSON.parse(audit[1]!.summary)).toEqual({ to: masked(mobile), trigger: 'resent' })
  })

  it('sends at most 5 a day per nomination, the first one included (429)', async () => {
    for (let i = 3; i <= 5; i++) {
      await ageLastSms(id, 61_000)
      const res = await resend(gansu, id)
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json<{ consentSms: ConsentSms }>().consentSms.sentToday).toBe(i)
    }
    await ageLastSms(id, 61_000)
    const before = outbox().length
    const limited = expectError(await resend(gansu, id), 429, 'NOMINATION_CONSENT_SMS_DAILY_LIMIT')
    expect(limited.details).toMatchObject({ dailyMax: 5 })
    expect(outbox()).toHaveLength(before)
    expect(
      await auditRows(t, { action: 'campaign.nomination.consent-sms-sent', targetId: id }),
    ).toHaveLength(5)
    expect((await detail(id)).consentSms).toMatchObject({ sentToday: 5 })
  })

  it('lets only reviewers of the employer re-send (401, 403 outside the subtree, 404, 400)', async () => {
    const wuwei = await nominate(
      gansu,
      nominationBody({ employerOrgId: t.orgId('武威市总工会'), nomineeName: '王志刚' }),
    )
    expect(wuwei.statusCode, wuwei.body).toBe(201)
    const wuweiId = wuwei.json<{ id: string }>().id
    await ageLastSms(wuweiId, 61_000)

    expectError(await resend(t, wuweiId), 401)
    expectError(await resend(shenzhen, wuweiId), 403, 'ACCESS_DENIED')
    // 兰州 staff review 兰州's subtree only; 武威 is a sibling.
    expectError(await resend(lanzhou, wuweiId), 403, 'ACCESS_DENIED')
    expectError(await resend(gansu, MISSING_ID), 404, 'NOMINATION_NOT_FOUND')
    expectError(await resend(gansu, wuweiId, { locale: 'fr' }), 400, 'VALIDATION_FAILED')
    expectError(await resend(gansu, wuweiId, { extra: 1 }), 400, 'VALIDATION_FAILED')
    expect(
      await auditRows(t, { action: 'campaign.nomination.consent-sms-sent', targetId: wuweiId }),
    ).toHaveLength(1)
    expect((await resend(gansu, wuweiId)).statusCode).toBe(200)
  })

  it('refuses a re-send once the nominee has answered (409)', async () => {
    const res = await nominate(lanzhou, nominationBody({ nomineeName: '赵丽' }))
    const nid = res.json<{ id: string }>().id
    const d = await detail(nid)
    expect((await consent(t, d.consentUrl!.replace('/consent/', ''))).statusCode).toBe(200)
    await ageLastSms(nid, 61_000)
    expectError(await resend(gansu, nid), 409, 'NOMINATION_CONSENT_NOT_PENDING')
  })

  it('still creates the nomination when the first SMS fails, shown as not sent', async () => {
    const send = t.sms.send
    t.sms.send = () => Promise.reject(new Error('gateway down'))
    let nid: string
    try {
      const res = await nominate(lanzhou, nominationBody({ nomineeName: '吴磊' }))
      expect(res.statusCode, res.body).toBe(201)
      nid = res.json<{ id: string }>().id
    } finally {
      t.sms.send = send
    }
    expect((await detail(nid)).consentSms).toMatchObject({ sentAt: null, sentTo: null })
    const failed = await auditRows(t, {
      action: 'campaign.nomination.consent-sms-failed',
      targetId: nid,
    })
    expect(failed.map((r) => JSON.parse(r.summary))).toEqual([
      { to: expect.stringContaining('****'), trigger: 'created' },
    ])
    // Staff can send it now: a failed attempt does not hold the one-minute wait.
    expect((await resend(gansu, nid)).statusCode).toBe(200)
  })

  it('records a provider failure: 502, audited, the sent time unchanged', async () => {
    const res = await nominate(lanzhou, nominationBody({ nomineeName: '钱伟' }))
    const nid = res.json<{ id: string }>().id
    await ageLastSms(nid, 61_000)
    const sentAt = (await detail(nid)).consentSms.sentAt
    const send = t.sms.send
    t.sms.send = () => Promise.reject(new Error('gateway down'))
    try {
      expectError(await resend(gansu, nid), 502, 'NOMINATION_CONSENT_SMS_FAILED')
    } finally {
      t.sms.send = send
    }
    expect((await detail(nid)).consentSms.sentAt).toBe(sentAt)
    const failed = await auditRows(t, {
      action: 'campaign.nomination.consent-sms-failed',
      targetId: nid,
    })
    expect(failed).toHaveLength(1)
    expect(
      await auditRows(t, { action: 'campaign.nomination.consent-sms-sent', targetId: nid }),
    ).toHaveLength(2)
  })
})

describe('consent links across a SESSION_SECRET rotation', () => {
  let rotated: Awaited<ReturnType<typeof buildApp>>
  let pendingToken: string
  let resentId: string
  let oldToken: string

  beforeAll(async () => {
    const a = await nominate(lanzhou, nominationBody({ nomineeName: '孙强' }))
    pendingToken = tokenIn(outbox().at(-1)!.text)
    expect(a.statusCode).toBe(201)
    const b = await nominate(lanzhou, nominationBody({ nomineeName: '周敏' }))
    resentId = b.json<{ id: string }>().id
    oldToken = tokenIn(outbox().at(-1)!.text)
    // The same database and data key, a new session secret: the server after a rotation.
    rotated = await buildApp(
      testConfig({ SESSION_SECRET: 'r'.repeat(48), DATA_KEY: t.config.DATA_KEY }),
      { database: t.database, logger: false, webDist: null },
    )
  })
  afterAll(() => rotated.app.close())

  it('keeps a pending link working: the stored hash decides, not the current secret', async () => {
    const preview = await rotated.app.inject({
      method: 'GET',
      url: `/api/v1/public/campaigns/nominations/consent/${pendingToken}`,
    })
    expect(preview.statusCode, preview.body).toBe(200)
    const res = await consent({ request: (o) => rotated.app.inject(o) }, pendingToken)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json<{ state: string }>().state).toBe('consented')
  })

  it('re-sends a link under the new secret, which replaces the old one', async () => {
    await ageLastSms(resentId, 61_000)
    const login = await rotated.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { mobile: ACCOUNTS.gansuAdmin, password: DEMO_PASSWORD },
    })
    // Sessions are signed with the secret too: sign in again on the rotated server.
    expect(login.statusCode, login.body).toBe(200)
    const cookie = login.cookies.find((c) => c.name === SESSION_COOKIE)!.value
    const csrf = login.json<{ csrfToken: string }>().csrfToken
    const res = await rotated.app.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${campaign.id}/nominations/${resentId}/consent-sms`,
      cookies: { [SESSION_COOKIE]: cookie },
      headers: { 'x-csrf-token': csrf },
      payload: {},
    })
    expect(res.statusCode, res.body).toBe(200)
    const rotatedOutbox = (rotated.sms as unknown as { outbox: { text: string }[] }).outbox
    const newToken = tokenIn(rotatedOutbox.at(-1)!.text)
    expect(newToken).not.toBe(oldToken)

    const rotatedApp = { request: (o: Parameters<TestApp['request']>[0]) => rotated.app.inject(o) }
    expectError(await consent(rotatedApp, oldToken), 404, 'NOMINATION_CONSENT_INVALID')
    expect((await consent(rotatedApp, newToken)).statusCode).toBe(200)
  })
})
