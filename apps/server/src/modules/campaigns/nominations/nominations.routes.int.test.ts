import type { Campaign } from '@unionhall/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ACCOUNTS,
  buildTestApp,
  type TestApp,
  type TestSession,
} from '../../../../test/build-test-app'
import {
  MISSING_ID,
  XLSX_TYPE,
  auditCount,
  auditRows,
  expectError,
  readXlsx,
} from '../../../../test/helpers'
import { OBJECTIONS_PER_IP } from '../shared/rate-limits'

let t: TestApp
let gansu: TestSession // org_admin of 甘肃省总工会
let lanzhou: TestSession // staff of 兰州市总工会
let shenzhen: TestSession // org_admin of 深圳市总工会

beforeAll(async () => {
  t = await buildTestApp()
  ;[gansu, lanzhou, shenzhen] = await Promise.all([
    t.loginAs(ACCOUNTS.gansuAdmin),
    t.loginAs(ACCOUNTS.lanzhouStaff),
    t.loginAs(ACCOUNTS.shenzhenAdmin),
  ])
})
afterAll(() => t.close())

type Nom = {
  id: string
  status: string
  supporterCount: number
  nomineeName: string
  reviewLevelOrgId: string | null
  merged?: boolean
  mergedIntoId: string | null
  reviewReason: string | null
}

const day = (n: number) => new Date(Date.UTC(2027, 0, 1 + n)).toISOString()
const schedule = () => {
  const phases = ['nomination', 'review', 'publicity', 'voting', 'jury', 'result_publicity']
  return Object.fromEntries(
    phases.map((p, i) => [p, { startsAt: day(i * 10), endsAt: day(i * 10 + 9) }]),
  )
}

const createCampaign = async (
  s: TestSession,
  orgName: string,
  extra: Record<string, unknown> = {},
) => {
  const res = await s.request({
    method: 'POST',
    url: '/api/v1/campaigns',
    payload: {
      orgId: t.orgId(orgName),
      name: `${orgName}工匠评选`,
      honourTitle: '陇原工匠',
      year: 2027,
      categories: [
        { name: '技能类', honourCount: 2 },
        { name: '创新类', honourCount: 1 },
      ],
      schedule: schedule(),
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
      ...extra,
    },
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json<Campaign>()
}

const advance = async (s: TestSession, campaignId: string, to: string) => {
  const res = await s.request({
    method: 'POST',
    url: `/api/v1/campaigns/${campaignId}/phase`,
    payload: { to },
  })
  expect(res.statusCode, res.body).toBe(200)
}

let mobileSeq = 0
const freshNomineeMobile = () => `139${String(4_000_000 + ++mobileSeq).padStart(8, '0')}`

const nominationBody = (c: Campaign, extra: Record<string, unknown> = {}) => ({
  categoryId: c.categories[0]!.id,
  nomineeName: '张建国',
  nomineeMobile: freshNomineeMobile(),
  employerOrgId: t.orgId('兰州市总工会'),
  trade: '焊工',
  years: 18,
  isFrontLine: true,
  achievements: '攻克高铁转向架焊接难题，获全国技术能手称号，带出徒弟三十余人。',
  photoUrls: ['https://example.org/p/1.jpg'],
  reason: '技术过硬，爱岗敬业，是青年职工的榜样。',
  ...extra,
})

const nominate = (s: TestSession, c: Campaign, body: Record<string, unknown>) =>
  s.request({
    method: 'POST',
    url: `/api/v1/public/campaigns/${c.id}/nominations`,
    payload: body,
  })

const staffDetail = async (c: Campaign, id: string, s = gansu) => {
  const res = await s.request({
    method: 'GET',
    url: `/api/v1/campaigns/${c.id}/nominations/${id}`,
  })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<
    Nom & {
      consentUrl: string | null
      reviewLevels: { orgName: string }[]
      supporters: { nominatorName: string | null; nominatingOrgName: string | null }[]
    }
  >()
}

const consentTokenOf = async (c: Campaign, id: string) =>
  (await staffDetail(c, id)).consentUrl!.replace('/consent/', '')

const consent = (token: string, decision: 'consent' | 'decline') =>
  t.request({
    method: 'POST',
    url: `/api/v1/public/campaigns/nominations/consent/${token}`,
    payload: { decision },
  })

const review = (
  s: TestSession,
  c: Campaign,
  id: string,
  decision: string,
  reason = decision === 'reject' ? 'not_eligible' : 'meets_criteria',
) =>
  s.request({
    method: 'POST',
    url: `/api/v1/campaigns/${c.id}/nominations/${id}/review`,
    payload: { decision, reason, note: '材料齐全' },
  })

describe('the lifecycle: nomination → consent → review → quotas → publicity → objections', () => {
  let top: Campaign // 陇原工匠, run by 甘肃省总工会
  let city: Campaign // 金城工匠, its child campaign run by 兰州市总工会
  let a: Nom // 兰州 employer: two levels (金城工匠 at 兰州, then 甘肃)
  let aMobile: string
  let b: Nom // org nomination, 武威 employer: one level (甘肃)
  let d: Nom // self-nomination by the 甘肃 admin, not front-line
  let candidates: { id: string; name: string; number: number }[]
  let pendingConsentToken: string // a nomination still awaiting consent when review ends

  beforeAll(async () => {
    top = await createCampaign(gansu, '甘肃省总工会')
    city = await createCampaign(gansu, '兰州市总工会', {
      parentCampaignId: top.id,
      name: '金城工匠评选',
      rules: undefined,
      quotas: undefined,
      rubric: undefined,
    })
    await advance(gansu, top.id, 'nomination')
  })

  it('creates a nomination awaiting consent at the first review level, audited', async () => {
    const body = nominationBody(top)
    aMobile = body.nomineeMobile
    const res = await nominate(lanzhou, top, body)

    expect(res.statusCode, res.body).toBe(201)
    a = res.json<Nom>()
    expect(a).toMatchObject({
      status: 'awaiting_consent',
      merged: false,
      supporterCount: 1,
      nomineeMobileMasked: `${aMobile.slice(0, 3)}****${aMobile.slice(-4)}`,
      employerOrgName: '兰州市总工会',
    })
    // The nominator sees their nomination, not the reviewers' working.
    for (const key of ['reviewLevelOrgId', 'reviewNote', 'mergedIntoId'])
      expect(a).not.toHaveProperty(key)
    expect((await staffDetail(top, a.id)).reviewLevelOrgId).toBe(t.orgId('兰州市总工会'))
    const audit = await auditRows(t, { action: 'campaign.nomination.created', targetId: a.id })
    expect(audit).toHaveLength(1)
    expect(audit[0]!.summary).not.toContain(aMobile)
  })

  it('merges a nomination of the same mobile into the existing one (200, merged)', async () => {
    const res = await nominate(gansu, top, nominationBody(top, { nomineeMobile: aMobile }))

    expect(res.statusCode, res.body).toBe(200)
    expect(res.json<Nom>()).toMatchObject({ id: a.id, merged: true, supporterCount: 2 })
    expect(
      await auditRows(t, { action: 'campaign.nomination.supported', targetId: a.id }),
    ).toHaveLength(1)
  })

  it('refuses to join a nomination of the same mobile under another name, showing nothing of it', async () => {
    const before = await staffDetail(top, a.id)
    const audits = await auditCount(t)
    const res = await nominate(
      lanzhou,
      top,
      nominationBody(top, { nomineeMobile: aMobile, nomineeName: '随便' }),
    )
    const error = expectError(res, 409, 'NOMINATION_NAME_MISMATCH')
    expect(JSON.stringify(error)).not.toContain(before.nomineeName)
    expect(await auditCount(t)).toBe(audits)
    expect((await staffDetail(top, a.id)).supporterCount).toBe(before.supporterCount)
  })

  it('refuses the same nominator supporting the same person twice', async () => {
    const res = await nominate(lanzhou, top, nominationBody(top, { nomineeMobile: aMobile }))

    expectError(res, 409, 'NOMINATION_ALREADY_SUPPORTED')
    expect((await staffDetail(top, a.id)).supporterCount).toBe(2)
  })

  it('lets an org nominate with a recommendation letter, and requires the letter', async () => {
    const base = nominationBody(top, {
      categoryId: top.categories[1]!.id,
      nomineeName: '李秀兰',
      employerOrgId: t.orgId('武威市总工会'),
      isFrontLine: false,
      nominatingOrgId: t.orgId('甘肃省总工会'),
    })
    expectError(await nominate(gansu, top, base), 400, 'NOMINATION_LETTER_REQUIRED')

    const res = await nominate(gansu, top, { ...base, recommendationLetter: '兹推荐李秀兰同志……' })

    expect(res.statusCode, res.body).toBe(201)
    b = res.json<Nom>()
    const detail = await staffDetail(top, b.id)
    expect(detail.reviewLevelOrgId).toBe(t.orgId('甘肃省总工会'))
    expect(detail.supporters).toEqual([
      expect.objectContaining({ nominatorName: null, nominatingOrgName: '甘肃省总工会' }),
    ])
  })

  it('refuses an org nomination by someone without campaign:manage at that org (403)', async () => {
    const res = await nominate(
      lanzhou,
      top,
      nominationBody(top, {
        nominatingOrgId: t.orgId('甘肃省总工会'),
        recommendationLetter: '推荐信',
      }),
    )
    expectError(res, 403, 'ACCESS_DENIED')
  })

  it('lists the orgs staff may nominate for: campaign:manage inside the campaign subtree', async () => {
    const orgs = async (s: TestSession, c: Campaign, q?: string) => {
      const res = await s.request({
        method: 'GET',
        url: `/api/v1/campaigns/${c.id}/nominating-orgs${q ? `?q=${encodeURIComponent(q)}` : ''}`,
      })
      expect(res.statusCode, res.body).toBe(200)
      const body = res.json<{ nominatorInScope: boolean; items: { id: string; name: string }[] }>()
      return {
        inScope: body.nominatorInScope,
        names: body.items.map((o) => o.name),
        ids: body.items.map((o) => o.id),
      }
    }

    // The province's admin: the campaign's org first, then its subtree, nothing outside it.
    const province = await orgs(gansu, top)
    expect(province.inScope).toBe(true)
    expect(province.names[0]).toBe('甘肃省总工会')
    expect(province.names).toEqual(expect.arrayContaining(['兰州市总工会', '武威市总工会']))
    expect(province.names).not.toContain('中华全国总工会')
    expect(province.names).not.toContain('深圳市总工会')
    expect((await orgs(gansu, top, '兰州')).names.sort()).toEqual(
      ['兰州市总工会', '兰州铁路局工会'].sort(),
    )
    // The city's staff only for the city, by the id the nominate route takes.
    expect(await orgs(lanzhou, top)).toEqual({
      inScope: true,
      names: ['兰州市总工会'],
      ids: [t.orgId('兰州市总工会')],
    })
    // A grant above a child campaign's org covers the child's subtree only; the admin's own org
    // (the province) is outside it, so they could not nominate there at all.
    const child = await orgs(gansu, city)
    expect(child).toMatchObject({ inScope: false, names: ['兰州市总工会'] })
  })

  it('guards the nominating orgs (401, 403 outside the subtree or without manage, 400, 404)', async () => {
    const url = `/api/v1/campaigns/${top.id}/nominating-orgs`
    expectError(await t.request({ method: 'GET', url }), 401, 'AUTH_REQUIRED')
    expectError(await shenzhen.request({ method: 'GET', url }), 403, 'ACCESS_DENIED')
    const counsellor = await t.loginAs(ACCOUNTS.beijingCounsellor)
    expectError(await counsellor.request({ method: 'GET', url }), 403)
    expectError(
      await gansu.request({ method: 'GET', url: `${url}?q=${'兰'.repeat(51)}` }),
      400,
      'VALIDATION_FAILED',
    )
    expectError(await gansu.request({ method: 'GET', url: `${url}?orgId=x` }), 400)
    expectError(
      await gansu.request({
        method: 'GET',
        url: `/api/v1/campaigns/${MISSING_ID}/nominating-orgs`,
      }),
      404,
      'CAMPAIGN_NOT_FOUND',
    )
  })

  it('refuses nominators outside the subtree (403), anonymous callers (401), bad fields (400)', async () => {
    expectError(
      await nominate(shenzhen, top, nominationBody(top)),
      403,
      'NOMINATION_NOMINATOR_OUT_OF_SCOPE',
    )
    expectError(
      await t.request({
        method: 'POST',
        url: `/api/v1/public/campaigns/${top.id}/nominations`,
        payload: nominationBody(top),
      }),
      401,
      'AUTH_REQUIRED',
    )
    const bad = expectError(
      await nominate(
        lanzhou,
        top,
        nominationBody(top, { nomineeMobile: '12345', achievements: '短' }),
      ),
      400,
      'VALIDATION_FAILED',
    )
    expect(JSON.stringify(bad.details)).toContain('nomineeMobile')
    // A video link must be https, as the form's hint says: the pages are served over https.
    const before = await auditCount(t)
    const http = expectError(
      await nominate(
        lanzhou,
        top,
        nominationBody(top, { videoUrl: 'http://www.example.com/video/1' }),
      ),
      400,
      'VALIDATION_FAILED',
    )
    expect(http.details).toEqual([{ path: 'body.videoUrl', message: 'CAMPAIGN_VIDEO_NOT_HTTPS' }])
    expect(await auditCount(t)).toBe(before)
    expectError(
      await nominate(lanzhou, top, nominationBody(top, { employerOrgId: t.orgId('深圳市总工会') })),
      400,
      'NOMINATION_EMPLOYER_OUT_OF_SCOPE',
    )
    expectError(
      await nominate(lanzhou, top, nominationBody(top, { categoryId: MISSING_ID })),
      404,
      'CAMPAIGN_CATEGORY_NOT_FOUND',
    )
  })

  it('lists my nominations', async () => {
    const res = await lanzhou.request({
      method: 'GET',
      url: `/api/v1/public/campaigns/${top.id}/nominations/mine`,
    })
    expect(res.statusCode).toBe(200)
    expect(res.json<Nom[]>().map((n) => n.id)).toEqual([a.id])
    expectError(
      await t.request({
        method: 'GET',
        url: `/api/v1/public/campaigns/${top.id}/nominations/mine`,
      }),
      401,
    )
  })

  it('shows staff the review levels and the consent link, and audits the read', async () => {
    const detail = await staffDetail(top, a.id)

    expect(detail.reviewLevels.map((l) => l.orgName)).toEqual(['兰州市总工会', '甘肃省总工会'])
    expect(detail.consentUrl).toMatch(/^\/consent\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/)
    expect(
      await auditRows(t, { action: 'campaign.nomination.viewed', targetId: a.id }),
    ).not.toHaveLength(0)
  })

  it('shows the nominee what will be published and records their consent once', async () => {
    const token = await consentTokenOf(top, a.id)
    const preview = await t.request({
      method: 'GET',
      url: `/api/v1/public/campaigns/nominations/consent/${token}`,
    })
    expect(preview.statusCode, preview.body).toBe(200)
    expect(preview.json()).toMatchObject({
      nomineeName: '张建国',
      employerName: '兰州市总工会',
      categoryName: '技能类',
      state: 'awaiting_consent',
    })
    expect(preview.body).not.toContain(aMobile)

    const res = await consent(token, 'consent')
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ state: 'consented' })
    expect(
      await auditRows(t, { action: 'campaign.nomination.consented', targetId: a.id }),
    ).toHaveLength(1)
    expectError(await consent(token, 'decline'), 409, 'NOMINATION_CONSENT_DECIDED')
    expect((await staffDetail(top, a.id)).consentUrl).toBeNull()
  })

  it('refuses forged and malformed consent tokens', async () => {
    const forged = `${a.id}.${'A'.repeat(43)}`
    expectError(await consent(forged, 'consent'), 404, 'NOMINATION_CONSENT_INVALID')
    expectError(
      await t.request({
        method: 'GET',
        url: `/api/v1/public/campaigns/nominations/consent/${forged}`,
      }),
      404,
      'NOMINATION_CONSENT_INVALID',
    )
    expectError(await consent('nope', 'consent'), 400, 'VALIDATION_FAILED')
    const token = await consentTokenOf(top, b.id)
    expectError(
      await t.request({
        method: 'POST',
        url: `/api/v1/public/campaigns/nominations/consent/${token}`,
        payload: { decision: 'maybe' },
      }),
      400,
      'VALIDATION_FAILED',
    )
  })

  it('reviews level by level: the city forwards, the province accepts', async () => {
    expectError(await review(lanzhou, top, a.id, 'accept'), 409, 'NOMINATION_REVIEW_LEVEL')

    const fwd = await review(lanzhou, top, a.id, 'forward')
    expect(fwd.statusCode, fwd.body).toBe(200)
    expect(fwd.json<Nom>()).toMatchObject({
      status: 'submitted',
      reviewLevelOrgId: t.orgId('甘肃省总工会'),
    })
    expect(
      await auditRows(t, { action: 'campaign.nomination.forwarded', targetId: a.id }),
    ).toHaveLength(1)

    // The city's grant does not reach the province's level.
    expectError(await review(lanzhou, top, a.id, 'accept'), 403, 'ACCESS_DENIED')
    expectError(await review(gansu, top, a.id, 'forward'), 409, 'NOMINATION_REVIEW_LEVEL')

    const ok = await review(gansu, top, a.id, 'accept')
    expect(ok.json<Nom>()).toMatchObject({ status: 'accepted', reviewReason: 'meets_criteria' })
    expect(
      await auditRows(t, { action: 'campaign.nomination.accepted', targetId: a.id }),
    ).toHaveLength(1)
    expectError(await review(gansu, top, a.id, 'reject'), 409, 'NOMINATION_NOT_REVIEWABLE')
  })

  it('accepts only consented nominations', async () => {
    expectError(await review(gansu, top, b.id, 'accept'), 409, 'NOMINATION_CONSENT_MISSING')
    expect((await consent(await consentTokenOf(top, b.id), 'consent')).statusCode).toBe(200)
    expect((await review(gansu, top, b.id, 'accept')).json<Nom>().status).toBe('accepted')
  })

  it('closes a declined nomination as rejected (nominee_declined)', async () => {
    const res = await nominate(lanzhou, top, nominationBody(top, { nomineeName: '王五' }))
    const c = res.json<Nom>()
    const declined = await consent(await consentTokenOf(top, c.id), 'decline')
    expect(declined.json()).toMatchObject({ state: 'declined' })
    const detail = await staffDetail(top, c.id)
    expect(detail).toMatchObject({ status: 'rejected', reviewReason: 'nominee_declined' })
    expect(
      await auditRows(t, { action: 'campaign.nomination.declined', targetId: c.id }),
    ).toHaveLength(1)
  })

  it('rejects bad review bodies (400), anonymous (401) and other subtrees (403)', async () => {
    const url = `/api/v1/campaigns/${top.id}/nominations/${b.id}/review`
    expectError(
      await gansu.request({ method: 'POST', url, payload: { decision: 'approve', reason: 'x' } }),
      400,
      'VALIDATION_FAILED',
    )
    // A reason must fit the decision; nominee_declined is the consent link's, never a reviewer's.
    for (const [decision, reason] of [
      ['reject', 'meets_criteria'],
      ['accept', 'incomplete_materials'],
      ['reject', 'nominee_declined'],
    ]) {
      const error = expectError(await review(gansu, top, b.id, decision!, reason), 400)
      expect(error.details).toContainEqual(expect.objectContaining({ path: 'body.reason' }))
    }
    expectError(
      await t.request({ method: 'POST', url, payload: { decision: 'reject', reason: 'other' } }),
      401,
    )
    expectError(await review(shenzhen, top, b.id, 'reject'), 403, 'ACCESS_DENIED')
    expectError(await review(gansu, top, MISSING_ID, 'reject'), 404, 'NOMINATION_NOT_FOUND')
  })

  it('counts a self-nomination as consented and explains broken quotas', async () => {
    const self = await nominate(
      gansu,
      top,
      nominationBody(top, {
        nomineeName: '甘肃省总工会管理员',
        nomineeMobile: ACCOUNTS.gansuAdmin,
        employerOrgId: t.orgId('甘肃省总工会'),
        isFrontLine: false,
      }),
    )
    d = self.json<Nom>()
    expect(d.status).toBe('submitted')

    let res = await gansu.request({ method: 'GET', url: `/api/v1/campaigns/${top.id}/quota-check` })
    expect(res.statusCode).toBe(200)
    let check = res.json<{
      ok: boolean
      problems: { code: string; categoryId: string | null; message: string }[]
    }>()
    expect(check.ok).toBe(false)
    expect(check.problems).toEqual([
      expect.objectContaining({
        code: 'QUOTA_CATEGORY_SHORTFALL',
        categoryId: top.categories[0]!.id,
      }),
      // 创新类's one accepted nominee is not a front-line worker, and the share applies to each
      // category's winners (as the ranking applies it).
      expect.objectContaining({
        code: 'QUOTA_CATEGORY_FRONT_LINE',
        categoryId: top.categories[1]!.id,
      }),
    ])
    expect(check.problems[0]!.message).toContain('还差 1 人')
    expect(check.problems[1]!.message).toContain('至少需 1 名一线职工')

    expect((await review(gansu, top, d.id, 'accept')).statusCode).toBe(200)
    res = await gansu.request({ method: 'GET', url: `/api/v1/campaigns/${top.id}/quota-check` })
    check = res.json()
    expect(check.problems.map((p) => p.code)).toEqual([
      'QUOTA_CATEGORY_FRONT_LINE',
      'QUOTA_FRONT_LINE_SHARE',
    ])
    expect(check.problems[1]!.message).toContain('至少还需 1 名一线职工')
    expect(res.json()).toMatchObject({ frontLine: { accepted: 3, frontLine: 1, required: 0.5 } })
  })

  it("reveals a nominee's full mobile to reviewers in scope, audited", async () => {
    const url = `/api/v1/campaigns/${top.id}/nominations/${d.id}/contact`
    expectError(await t.request({ method: 'GET', url }), 401)
    expectError(await shenzhen.request({ method: 'GET', url }), 403)
    const res = await gansu.request({ method: 'GET', url })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({ name: '甘肃省总工会管理员', mobile: ACCOUNTS.gansuAdmin })
    const reads = await auditRows(t, { action: 'campaign.nomination.contact.read', targetId: d.id })
    expect(reads).toHaveLength(1)
    expect(String(reads[0]!.summary)).not.toContain(ACCOUNTS.gansuAdmin)
  })

  it('guards the quota check (401, 403)', async () => {
    const url = `/api/v1/campaigns/${top.id}/quota-check`
    expectError(await t.request({ method: 'GET', url }), 401)
    expectError(await shenzhen.request({ method: 'GET', url }), 403)
  })

  it('lists and searches nominations within my review subtree', async () => {
    const all = await gansu.request({
      method: 'GET',
      url: `/api/v1/campaigns/${top.id}/nominations`,
    })
    expect(all.statusCode).toBe(200)
    expect(all.json<{ total: number }>().total).toBe(4)

    const accepted = await gansu.request({
      method: 'GET',
      url: `/api/v1/campaigns/${top.id}/nominations?status=accepted&categoryId=${top.categories[0]!.id}`,
    })
    expect(accepted.json<{ items: Nom[] }>().items.map((n) => n.id)).toEqual([a.id, d.id])

    const byMobile = await gansu.request({
      method: 'GET',
      url: `/api/v1/campaigns/${top.id}/nominations?q=${aMobile}`,
    })
    expect(byMobile.json<{ items: Nom[] }>().items.map((n) => n.id)).toEqual([a.id])

    // The city reviewer sees only nominees employed in its subtree.
    const city = await lanzhou.request({
      method: 'GET',
      url: `/api/v1/campaigns/${top.id}/nominations`,
    })
    expect(
      city
        .json<{ items: { employerOrgName: string }[] }>()
        .items.every((n) => n.employerOrgName === '兰州市总工会'),
    ).toBe(true)
    expectError(
      await lanzhou.request({
        method: 'GET',
        url: `/api/v1/campaigns/${top.id}/nominations/${b.id}`,
      }),
      403,
    )

    expectError(
      await shenzhen.request({ method: 'GET', url: `/api/v1/campaigns/${top.id}/nominations` }),
      403,
    )
    expectError(
      await t.request({ method: 'GET', url: `/api/v1/campaigns/${top.id}/nominations` }),
      401,
    )
    expectError(
      await gansu.request({
        method: 'GET',
        url: `/api/v1/campaigns/${top.id}/nominations?status=bogus`,
      }),
      400,
    )
  })

  it('names the orgs that nominated each one in the staff list', async () => {
    const res = await gansu.request({
      method: 'GET',
      url: `/api/v1/campaigns/${top.id}/nominations?pageSize=100`,
    })
    expect(res.statusCode, res.body).toBe(200)
    const items = res.json<{ items: (Nom & { nominatingOrgNames: string[] })[] }>().items
    const byId = new Map(items.map((n) => [n.id, n.nominatingOrgNames]))
    expect(byId.get(b.id)).toEqual(['甘肃省总工会'])
    // Nominated by people only (a colleague and the province's admin as a person).
    expect(byId.get(a.id)).toEqual([])
    expect(byId.get(d.id)).toEqual([])
  })

  it('merges duplicates by hand: supporters add up, the others become merged', async () => {
    const e1 = (
      await nominate(lanzhou, top, nominationBody(top, { nomineeName: '赵六' }))
    ).json<Nom>()
    const e2 = (
      await nominate(gansu, top, nominationBody(top, { nomineeName: '赵六' }))
    ).json<Nom>()
    const url = `/api/v1/campaigns/${top.id}/nominations/merge`
    pendingConsentToken = await consentTokenOf(top, e1.id)

    expectError(
      await shenzhen.request({ method: 'POST', url, payload: { intoId: e1.id, fromIds: [e2.id] } }),
      403,
    )
    expectError(
      await t.request({ method: 'POST', url, payload: { intoId: e1.id, fromIds: [e2.id] } }),
      401,
    )
    expectError(
      await gansu.request({ method: 'POST', url, payload: { intoId: e1.id, fromIds: [] } }),
      400,
    )

    const res = await gansu.request({
      method: 'POST',
      url,
      payload: { intoId: e1.id, fromIds: [e2.id] },
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json<Nom>().supporterCount).toBe(2)
    expect(await staffDetail(top, e2.id)).toMatchObject({ status: 'merged', mergedIntoId: e1.id })
    expect((await staffDetail(top, e1.id)).supporters).toHaveLength(2)
    expect(
      await auditRows(t, { action: 'campaign.nomination.merged', targetId: e1.id }),
    ).toHaveLength(1)

    expectError(
      await gansu.request({ method: 'POST', url, payload: { intoId: e1.id, fromIds: [e2.id] } }),
      409,
      'NOMINATION_NOT_MERGEABLE',
    )
  })

  it('names an org once when the nominations merged were both its own', async () => {
    const byProvince = async () =>
      (
        await nominate(
          gansu,
          top,
          nominationBody(top, {
            nomineeName: '周七',
            nominatingOrgId: t.orgId('甘肃省总工会'),
            recommendationLetter: '兹推荐周七同志。',
          }),
        )
      ).json<Nom>()
    const [f1, f2] = [await byProvince(), await byProvince()]
    const merged = await gansu.request({
      method: 'POST',
      url: `/api/v1/campaigns/${top.id}/nominations/merge`,
      payload: { intoId: f1.id, fromIds: [f2.id] },
    })
    expect(merged.statusCode, merged.body).toBe(200)

    const res = await gansu.request({
      method: 'GET',
      url: `/api/v1/campaigns/${top.id}/nominations?q=${encodeURIComponent('周七')}`,
    })
    const items = res.json<{ items: (Nom & { nominatingOrgNames: string[] })[] }>().items
    expect(items.find((n) => n.id === f1.id)).toMatchObject({
      supporterCount: 2,
      nominatingOrgNames: ['甘肃省总工会'],
    })
  })

  it('creates numbered candidates from accepted nominations when publicity starts', async () => {
    await advance(gansu, top.id, 'review')
    expectError(await nominate(lanzhou, top, nominationBody(top)), 409, 'CAMPAIGN_WRONG_PHASE')
    await advance(gansu, top.id, 'publicity')

    const res = await t.request({
      method: 'GET',
      url: `/api/v1/public/campaigns/${top.id}/candidates`,
    })
    expect(res.statusCode, res.body).toBe(200)
    const page = res.json<{
      total: number
      items: { id: string; name: string; number: number; votes: number | null }[]
    }>()
    expect(page.total).toBe(3)
    expect(page.items.map((c) => [c.number, c.name])).toEqual([
      [1, '张建国'],
      [2, '甘肃省总工会管理员'],
      [3, '李秀兰'],
    ])
    expect(page.items.every((c) => c.votes === null)).toBe(true)
    candidates = page.items
    expect(
      await auditRows(t, { action: 'campaign.candidates.created', targetId: top.id }),
    ).toHaveLength(1)

    // Review, merges and consent are over once publicity starts.
    expectError(await review(gansu, top, d.id, 'reject'), 409, 'CAMPAIGN_WRONG_PHASE')
    expectError(await consent(pendingConsentToken, 'consent'), 409, 'CAMPAIGN_WRONG_PHASE')
  })

  it('filters the public list by category and name, and validates the query', async () => {
    const base = `/api/v1/public/campaigns/${top.id}/candidates`
    const cat = await t.request({
      method: 'GET',
      url: `${base}?categoryId=${top.categories[1]!.id}`,
    })
    expect(cat.json<{ items: { name: string }[] }>().items.map((c) => c.name)).toEqual(['李秀兰'])
    const q = await t.request({ method: 'GET', url: `${base}?q=${encodeURIComponent('张')}` })
    expect(q.json<{ total: number }>().total).toBe(1)
    expectError(await t.request({ method: 'GET', url: `${base}?page=0` }), 400)
    // Digits may be a ballot number; numbers no ballot has are a search that finds nothing
    // (PostgreSQL answered 500 when they reached the integer column).
    for (const text of ['2147483648', '1e308', '99999999999999999999', '0']) {
      const res = await t.request({ method: 'GET', url: `${base}?q=${text}` })
      expect(res.statusCode, `${text}: ${res.body}`).toBe(200)
      expect(res.json<{ total: number }>().total).toBe(0)
    }
    const byNumber = candidates[0]!
    const num = await t.request({ method: 'GET', url: `${base}?q=${byNumber.number}` })
    expect(num.json<{ items: { id: string }[] }>().items.map((c) => c.id)).toContain(byNumber.id)
  })

  it("serves a candidate's profile and printable QR poster", async () => {
    const c = candidates[0]!
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/public/campaigns/${top.id}/candidates/${c.id}`,
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      name: '张建国',
      categoryName: '技能类',
      shareUrl: `/c/${top.id}/candidates/${c.id}`,
    })
    expect(res.body).not.toContain(aMobile)

    const poster = await t.request({
      method: 'GET',
      url: `/api/v1/public/campaigns/${top.id}/candidates/${c.id}/poster.svg`,
    })
    expect(poster.statusCode).toBe(200)
    expect(poster.headers['content-type']).toContain('image/svg+xml')
    expect(poster.body).toContain('<svg')
    expect(poster.body).toContain('张建国')
    expect(poster.body).toContain('1 号')
    expect(poster.body).toMatch(/<path[^>]+d="M/)

    expectError(
      await t.request({
        method: 'GET',
        url: `/api/v1/public/campaigns/${top.id}/candidates/${MISSING_ID}`,
      }),
      404,
      'CAMPAIGN_CANDIDATE_NOT_FOUND',
    )
  })

  it('takes objections from anyone, with the mobile masked, and lets staff resolve them once', async () => {
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/public/campaigns/${top.id}/objections`,
      payload: {
        candidateId: candidates[0]!.id,
        contactName: '群众甲',
        contactMobile: '13711112222',
        reason: '该候选人所述获奖情况与实际不符，请核实。',
      },
    })
    expect(res.statusCode, res.body).toBe(201)
    const objection = res.json<{ id: string; contactMobileMasked: string; status: string }>()
    expect(objection).toMatchObject({ contactMobileMasked: '137****2222', status: 'open' })
    expect(res.body).not.toContain('13711112222')
    expect(
      await auditRows(t, { action: 'campaign.objection.filed', targetId: objection.id }),
    ).toHaveLength(1)

    const list = await gansu.request({
      method: 'GET',
      url: `/api/v1/campaigns/${top.id}/objections?status=open`,
    })
    expect(list.json<{ total: number; items: { candidateName: string }[] }>()).toMatchObject({
      total: 1,
      items: [{ candidateName: '张建国' }],
    })

    // The objector's full mobile: reviewers only, every read audited.
    const contactUrl = `/api/v1/campaigns/${top.id}/objections/${objection.id}/contact`
    expectError(await t.request({ method: 'GET', url: contactUrl }), 401)
    expectError(await shenzhen.request({ method: 'GET', url: contactUrl }), 403)
    expectError(
      await gansu.request({
        method: 'GET',
        url: `/api/v1/campaigns/${top.id}/objections/${MISSING_ID}/contact`,
      }),
      404,
      'OBJECTION_NOT_FOUND',
    )
    expect(
      await auditRows(t, { action: 'campaign.objection.contact.read', targetId: objection.id }),
    ).toHaveLength(0)
    const contact = await gansu.request({ method: 'GET', url: contactUrl })
    expect(contact.statusCode, contact.body).toBe(200)
    expect(contact.json()).toEqual({ name: '群众甲', mobile: '13711112222' })
    const [read] = await auditRows(t, {
      action: 'campaign.objection.contact.read',
      targetId: objection.id,
    })
    expect(read).toBeDefined()
    expect(String(read!.summary)).not.toContain('13711112222')

    const url = `/api/v1/campaigns/${top.id}/objections/${objection.id}/resolve`
    expectError(
      await gansu.request({ method: 'POST', url, payload: { status: 'open', resolution: 'x' } }),
      400,
    )
    expectError(
      await shenzhen.request({
        method: 'POST',
        url,
        payload: { status: 'dismissed', resolution: '经核实无误' },
      }),
      403,
    )
    expectError(
      await t.request({
        method: 'POST',
        url,
        payload: { status: 'dismissed', resolution: '经核实无误' },
      }),
      401,
    )
    const resolved = await gansu.request({
      method: 'POST',
      url,
      payload: { status: 'dismissed', resolution: '经核实，获奖情况属实' },
    })
    expect(resolved.statusCode, resolved.body).toBe(200)
    expect(resolved.json()).toMatchObject({
      status: 'dismissed',
      resolution: '经核实，获奖情况属实',
    })
    expect(
      await auditRows(t, { action: 'campaign.objection.resolved', targetId: objection.id }),
    ).toHaveLength(1)
    expectError(
      await gansu.request({
        method: 'POST',
        url,
        payload: { status: 'upheld', resolution: '改判' },
      }),
      409,
      'OBJECTION_ALREADY_RESOLVED',
    )
  })

  it('validates objections and guards the staff list', async () => {
    const url = `/api/v1/public/campaigns/${top.id}/objections`
    expectError(
      await t.request({
        method: 'POST',
        url,
        payload: {
          candidateId: candidates[0]!.id,
          contactName: '甲',
          contactMobile: '1',
          reason: '短',
        },
      }),
      400,
      'VALIDATION_FAILED',
    )
    expectError(
      await t.request({
        method: 'POST',
        url,
        payload: {
          candidateId: MISSING_ID,
          contactName: '甲',
          contactMobile: '13711112222',
          reason: '理由足够长的一段文字',
        },
      }),
      404,
    )
    expectError(
      await t.request({ method: 'GET', url: `/api/v1/campaigns/${top.id}/objections` }),
      401,
    )
    expectError(
      await shenzhen.request({ method: 'GET', url: `/api/v1/campaigns/${top.id}/objections` }),
      403,
    )
  })

  it('lets staff edit and withdraw a candidate; withdrawn ones leave the public list', async () => {
    const c = candidates[1]!
    const url = `/api/v1/campaigns/${top.id}/candidates/${c.id}`
    expectError(await gansu.request({ method: 'PATCH', url, payload: { status: 'gone' } }), 400)
    expectError(await shenzhen.request({ method: 'PATCH', url, payload: { story: '故事' } }), 403)
    expectError(await t.request({ method: 'PATCH', url, payload: { story: '故事' } }), 401)
    const http = expectError(
      await gansu.request({
        method: 'PATCH',
        url,
        payload: { videoUrl: 'http://www.example.com/video/1' },
      }),
      400,
      'VALIDATION_FAILED',
    )
    expect(http.details).toEqual([{ path: 'body.videoUrl', message: 'CAMPAIGN_VIDEO_NOT_HTTPS' }])

    const res = await gansu.request({
      method: 'PATCH',
      url,
      payload: { story: '三十年如一日扎根一线。', status: 'withdrawn' },
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ story: '三十年如一日扎根一线。', status: 'withdrawn' })
    expect(
      await auditRows(t, { action: 'campaign.candidate.withdrawn', targetId: c.id }),
    ).toHaveLength(1)

    const pub = await t.request({
      method: 'GET',
      url: `/api/v1/public/campaigns/${top.id}/candidates`,
    })
    expect(pub.json<{ total: number }>().total).toBe(2)
    expectError(
      await t.request({
        method: 'GET',
        url: `/api/v1/public/campaigns/${top.id}/candidates/${c.id}`,
      }),
      404,
    )
    const staff = await gansu.request({
      method: 'GET',
      url: `/api/v1/campaigns/${top.id}/candidates?status=withdrawn`,
    })
    expect(staff.json<{ items: { id: string }[] }>().items.map((x) => x.id)).toEqual([c.id])
    expectError(
      await t.request({ method: 'GET', url: `/api/v1/campaigns/${top.id}/candidates` }),
      401,
    )
    expectError(
      await shenzhen.request({ method: 'GET', url: `/api/v1/campaigns/${top.id}/candidates` }),
      403,
    )
  })

  it('exports the candidates as .xlsx, audited', async () => {
    const url = `/api/v1/campaigns/${top.id}/candidates/export`
    const audited = () => auditRows(t, { action: 'campaign.candidates-exported', targetId: top.id })
    const before = (await audited()).length
    const res = await gansu.request({ method: 'GET', url })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain(XLSX_TYPE)
    const rows = await readXlsx(res.rawPayload)
    expect(rows[0]).toEqual([
      '编号',
      '姓名',
      '类别',
      '工作单位',
      '工种',
      '一线职工',
      '状态',
      '主要事迹',
    ])
    expect(rows.slice(1).map((r) => r[1])).toEqual(['张建国', '甘肃省总工会管理员', '李秀兰'])
    const audits = await audited()
    expect(audits).toHaveLength(before + 1)
    expect(JSON.parse(audits.at(-1)!.summary)).toEqual({ rows: 3 })
    expectError(await t.request({ method: 'GET', url }), 401)
    expectError(await shenzhen.request({ method: 'GET', url }), 403)
    expect(await audited()).toHaveLength(before + 1)
  })

  it('refuses candidate edits and objections in the wrong phase', async () => {
    await advance(gansu, top.id, 'voting')
    await advance(gansu, top.id, 'jury')
    expectError(
      await gansu.request({
        method: 'PATCH',
        url: `/api/v1/campaigns/${top.id}/candidates/${candidates[0]!.id}`,
        payload: { story: '更新' },
      }),
      409,
      'CAMPAIGN_WRONG_PHASE',
    )
    expectError(
      await t.request({
        method: 'POST',
        url: `/api/v1/public/campaigns/${top.id}/objections`,
        payload: {
          candidateId: candidates[0]!.id,
          contactName: '群众乙',
          contactMobile: '13711113333',
          reason: '投票阶段之后的异议应当被拒绝。',
        },
      }),
      409,
      'CAMPAIGN_WRONG_PHASE',
    )
  })
})

describe('before publicity', () => {
  let c: Campaign
  beforeAll(async () => {
    c = await createCampaign(shenzhen, '深圳市总工会')
  })

  it('hides a draft campaign and refuses nominations before the nomination phase', async () => {
    const lg = await t.loginAs(ACCOUNTS.longgangStaff)
    expectError(
      await nominate(lg, c, nominationBody(c, { employerOrgId: t.orgId('龙岗区总工会') })),
      404,
      'CAMPAIGN_NOT_FOUND',
    )
    await advance(shenzhen, c.id, 'nomination')
    await advance(shenzhen, c.id, 'review')
    expectError(
      await nominate(lg, c, nominationBody(c, { employerOrgId: t.orgId('龙岗区总工会') })),
      409,
      'CAMPAIGN_WRONG_PHASE',
    )
  })

  it('keeps candidates private and refuses objections before publicity (409)', async () => {
    expectError(
      await t.request({ method: 'GET', url: `/api/v1/public/campaigns/${c.id}/candidates` }),
      409,
      'CAMPAIGN_WRONG_PHASE',
    )
    expectError(
      await t.request({
        method: 'POST',
        url: `/api/v1/public/campaigns/${c.id}/objections`,
        payload: {
          candidateId: MISSING_ID,
          contactName: '群众丙',
          contactMobile: '13711114444',
          reason: '公示前不接受异议，应返回冲突。',
        },
      }),
      409,
      'CAMPAIGN_WRONG_PHASE',
    )
  })

  it('keeps 兰州 staff out of a 深圳 campaign (403 on every staff route)', async () => {
    const base = `/api/v1/campaigns/${c.id}`
    for (const [method, url, payload] of [
      ['GET', `${base}/nominations`],
      ['GET', `${base}/nominating-orgs`],
      ['GET', `${base}/nominations/${MISSING_ID}`],
      ['GET', `${base}/nominations/${MISSING_ID}/contact`],
      ['GET', `${base}/objections/${MISSING_ID}/contact`],
      ['POST', `${base}/nominations/${MISSING_ID}/review`, { decision: 'reject', reason: 'other' }],
      ['POST', `${base}/nominations/merge`, { intoId: MISSING_ID, fromIds: [MISSING_ID] }],
      ['GET', `${base}/quota-check`],
      ['GET', `${base}/candidates`],
      ['GET', `${base}/candidates/export`],
      ['PATCH', `${base}/candidates/${MISSING_ID}`, { story: 'x' }],
      ['GET', `${base}/objections`],
      [
        'POST',
        `${base}/objections/${MISSING_ID}/resolve`,
        { status: 'upheld', resolution: '处理' },
      ],
    ] as const) {
      const res = await lanzhou.request({ method, url, payload })
      expectError(res, 403)
    }
  })
})

describe('rate limits', () => {
  it('limits objections per IP', async () => {
    const send = () =>
      t.request({
        method: 'POST',
        url: `/api/v1/public/campaigns/${MISSING_ID}/objections`,
        payload: {},
        remoteAddress: '10.9.9.9',
      })
    for (let i = 0; i < OBJECTIONS_PER_IP.max; i++) expect((await send()).statusCode).toBe(400)
    expectError(await send(), 429, 'RATE_LIMITED')
  })
})

describe('GET /api/v1/public/campaigns/:campaignId/nomination-eligibility', () => {
  const eligibility = (s: TestSession | TestApp, id: string) =>
    s.request({ method: 'GET', url: `/api/v1/public/campaigns/${id}/nomination-eligibility` })

  it('says up front who may nominate: members inside the campaign’s subtree, not 深圳’s', async () => {
    const c = await createCampaign(gansu, '甘肃省总工会', { name: '提名资格评选' })
    expectError(await eligibility(lanzhou, c.id), 404, 'CAMPAIGN_NOT_FOUND') // still a draft
    await advance(gansu, c.id, 'nomination')

    for (const [s, eligible] of [
      [lanzhou, true],
      [gansu, true],
      [shenzhen, false],
    ] as const) {
      const res = await eligibility(s, c.id)
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json()).toEqual({ eligibleToNominate: eligible })
    }
    // The submit it predicts is refused alike.
    expectError(
      await nominate(shenzhen, c, nominationBody(c)),
      403,
      'NOMINATION_NOMINATOR_OUT_OF_SCOPE',
    )
    expectError(await eligibility(t, c.id), 401)
    expectError(await eligibility(lanzhou, MISSING_ID), 404, 'CAMPAIGN_NOT_FOUND')
    expectError(await eligibility(lanzhou, 'not-an-id'), 400)
  })
})
