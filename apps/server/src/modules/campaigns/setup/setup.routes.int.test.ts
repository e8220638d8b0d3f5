import type { Campaign } from '@unionhall/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ACCOUNTS,
  buildTestApp,
  type TestApp,
  type TestSession,
} from '../../../../test/build-test-app'
import { DEMO_PASSWORD } from '../../../demo/seed-demo'
import {
  TEST_RUBRIC,
  addCandidates,
  advanceTo,
  makeCampaign,
} from '../../../../test/factories/campaigns'
import { freshMobile, makeMember } from '../../../../test/factories/members'
import { ctxAs } from '../../../../test/factories/orgs'
import { advanceDuePhases, onPhaseEntered } from './setup.service'
import { auditRows, expectError } from '../../../../test/helpers'

let t: TestApp
let gansu: TestSession // org_admin of 甘肃省总工会
let shenzhen: TestSession // org_admin of 深圳市总工会, outside the Gansu subtree

beforeAll(async () => {
  t = await buildTestApp()
  ;[gansu, shenzhen] = await Promise.all([
    t.loginAs(ACCOUNTS.gansuAdmin),
    t.loginAs(ACCOUNTS.shenzhenAdmin),
  ])
})
afterAll(() => t.close())

const newCampaign = async (description = '活动说明') =>
  makeCampaign(t, await ctxAs(t, gansu.memberId), {
    orgId: t.orgId('兰州市总工会'),
    description,
  })

const patch = (s: TestSession, id: string, payload: Record<string, unknown>) =>
  s.request({ method: 'PATCH', url: `/api/v1/campaigns/${id}`, payload })

describe('PATCH /api/v1/campaigns/:campaignId', () => {
  it('changes only the fields sent: description and phase mode keep their values', async () => {
    const c = await newCampaign()

    const res = await patch(gansu, c.id, { name: '改名后的工匠评选' })

    expect(res.statusCode, res.body).toBe(200)
    expect(res.json<Campaign>()).toMatchObject({
      name: '改名后的工匠评选',
      description: '活动说明',
      phaseMode: 'manual',
    })
    const [audit] = await auditRows(t, { action: 'campaign.updated', targetId: c.id })
    expect(JSON.parse(audit!.summary)).toEqual({
      before: { name: c.name },
      after: { name: '改名后的工匠评选' },
    })
  })

  it('refuses rule changes once voting has opened (409 CAMPAIGN_RULES_LOCKED), basics still change', async () => {
    const c = await newCampaign()
    await advanceTo(t, await ctxAs(t, gansu.memberId), c, 'voting')

    expectError(
      await patch(gansu, c.id, { rules: { ...c.rules, votesPerDay: 5 } }),
      409,
      'CAMPAIGN_RULES_LOCKED',
    )
    const ok = await patch(gansu, c.id, { honourTitle: '兰州大工匠' })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json<Campaign>().rules.votesPerDay).toBe(c.rules.votesPerDay)
  })

  it('answers 401 without a session, 403 outside the org subtree and 400 per bad field', async () => {
    const c = await newCampaign()

    expectError(
      await t.request({ method: 'PATCH', url: `/api/v1/campaigns/${c.id}`, payload: {} }),
      401,
    )
    expectError(await patch(shenzhen, c.id, { name: '越权改名' }), 403, 'ACCESS_DENIED')
    for (const bad of [{ name: 'x' }, { year: 1800 }, { coverImageUrl: 'ftp://x/y.png' }]) {
      const error = expectError(await patch(gansu, c.id, bad), 400, 'VALIDATION_FAILED')
      expect(JSON.stringify(error.details)).toContain(Object.keys(bad)[0])
    }
    expect(await auditRows(t, { action: 'campaign.updated', targetId: c.id })).toEqual([])
  })
})

describe('rules that contradict each other, and categories named twice', () => {
  it('refuses more choices per ballot, or votes per candidate, than votes a day (400, nothing saved)', async () => {
    const c = await newCampaign()
    const cases: [Record<string, number>, string, string][] = [
      [
        { votesPerDay: 3, maxChoicesPerBallot: 5 },
        'body.rules.maxChoicesPerBallot',
        'CAMPAIGN_CHOICES_OVER_DAILY',
      ],
      [
        { votesPerDay: 3, maxPerCandidatePerDay: 4 },
        'body.rules.maxPerCandidatePerDay',
        'CAMPAIGN_CANDIDATE_OVER_DAILY',
      ],
    ]
    for (const [change, path, message] of cases) {
      const error = expectError(
        await patch(gansu, c.id, { rules: { ...c.rules, ...change } }),
        400,
        'VALIDATION_FAILED',
      )
      expect(error.details).toContainEqual({ path, message })
    }
    const ok = await patch(gansu, c.id, {
      rules: { ...c.rules, votesPerDay: 3, maxChoicesPerBallot: 3, maxPerCandidatePerDay: 3 },
    })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(await auditRows(t, { action: 'campaign.updated', targetId: c.id })).toHaveLength(1)
  })

  it('refuses a new campaign with two categories of the same name (400, none created)', async () => {
    const c = await newCampaign()
    const { id: _id, orgName: _o, phase: _p, rulesLockedAt: _r, createdAt: _c, ...rest } = c
    const payload = {
      ...rest,
      parentCampaignId: undefined,
      coverImageUrl: undefined,
      name: '同名类别测试评选',
      categories: [
        { name: '技能工匠', honourCount: 2 },
        { name: '技能工匠 ', honourCount: 1 },
      ],
    }
    const res = await gansu.request({ method: 'POST', url: '/api/v1/campaigns', payload })
    const error = expectError(res, 400, 'VALIDATION_FAILED')
    expect(error.details).toContainEqual({
      path: 'body.categories.1.name',
      message: 'CAMPAIGN_CATEGORY_DUPLICATE',
    })
    const list = await gansu.request({
      method: 'GET',
      url: '/api/v1/campaigns',
      query: { q: '同名类别测试评选' },
    })
    expect(list.json<{ items: unknown[] }>().items).toEqual([])
  })
})

describe('PATCH /api/v1/campaigns/:campaignId — voting hours and jury rubric', () => {
  const get = async (id: string) =>
    (await gansu.request({ method: 'GET', url: `/api/v1/campaigns/${id}` })).json<Campaign>()
  const RUBRIC = [
    { key: 'skill', label: '技能水平（实操）', maxScore: 50 },
    { key: 'innovation', label: '创新成果', maxScore: 30 },
    { key: 'teamwork', label: '传帮带', maxScore: 20 },
  ]

  /** A campaign in the jury phase with one candidate and a juror who can score them. */
  const juryCampaign = async () => {
    const ctx = await ctxAs(t, gansu.memberId)
    const c = await newCampaign()
    await advanceTo(t, ctx, c, 'voting')
    const [candidate] = await addCandidates(t, c, t.orgId('兰州市总工会'), [
      { category: '技能工匠', name: '张评分' },
    ])
    const mobile = freshMobile()
    const juror = await makeMember(t, ctx, {
      orgId: t.orgId('兰州市总工会'),
      mobile,
      name: '评委丙',
      password: DEMO_PASSWORD,
    })
    const named = await gansu.request({
      method: 'POST',
      url: `/api/v1/campaigns/${c.id}/jurors`,
      payload: { memberId: juror.id },
    })
    expect(named.statusCode, named.body).toBe(201)
    await advanceTo(t, ctx, c, 'jury')
    const session = await t.loginAs(mobile)
    const score = (scores: Record<string, number>) =>
      session.request({
        method: 'PUT',
        url: `/api/v1/campaigns/${c.id}/jury/scores/${candidate!.id}`,
        payload: { scores },
      })
    return { c, score }
  }

  const scoredCampaign = async () => {
    const { c, score } = await juryCampaign()
    const scored = await score({ skill: 50, innovation: 30 })
    expect(scored.statusCode, scored.body).toBe(200)
    return c
  }

  it('sets and clears the voting hours before voting opens (200, audited)', async () => {
    const c = await newCampaign()
    const hours = { start: '08:00', end: '21:30' }

    const res = await patch(gansu, c.id, { rules: { ...c.rules, hours } })

    expect(res.statusCode, res.body).toBe(200)
    expect(res.json<Campaign>().rules).toEqual({ ...c.rules, hours })
    const [audit] = await auditRows(t, { action: 'campaign.updated', targetId: c.id })
    expect(JSON.parse(audit!.summary)).toEqual({
      before: { rules: c.rules },
      after: { rules: { ...c.rules, hours } },
    })
    const cleared = await patch(gansu, c.id, { rules: { ...c.rules, hours: null } })
    expect(cleared.statusCode, cleared.body).toBe(200)
    expect(cleared.json<Campaign>().rules.hours).toBeNull()
  })

  it('refuses voting hours once voting has opened (409 CAMPAIGN_RULES_LOCKED)', async () => {
    const c = await newCampaign()
    await advanceTo(t, await ctxAs(t, gansu.memberId), c, 'voting')

    expectError(
      await patch(gansu, c.id, { rules: { ...c.rules, hours: { start: '09:00', end: '18:00' } } }),
      409,
      'CAMPAIGN_RULES_LOCKED',
    )
    expect((await get(c.id)).rules.hours).toBeNull()
    expect(await auditRows(t, { action: 'campaign.updated', targetId: c.id })).toEqual([])
  })

  it('edits the rubric (relabel, re-weigh, add an item) even while voting runs (200, audited)', async () => {
    const c = await newCampaign()
    await advanceTo(t, await ctxAs(t, gansu.memberId), c, 'voting')

    const res = await patch(gansu, c.id, { rubric: RUBRIC })

    expect(res.statusCode, res.body).toBe(200)
    expect(res.json<Campaign>().rubric).toEqual(RUBRIC)
    expect(res.json<Campaign>().rules).toEqual(c.rules)
    const [audit] = await auditRows(t, { action: 'campaign.updated', targetId: c.id })
    expect(JSON.parse(audit!.summary)).toEqual({
      before: { rubric: TEST_RUBRIC },
      after: { rubric: RUBRIC },
    })
  })

  it('locks the rubric once a juror has scored (409 CAMPAIGN_RUBRIC_LOCKED): no relabel, no removing a scored key', async () => {
    const c = await scoredCampaign()

    for (const rubric of [
      [{ ...TEST_RUBRIC[0]!, label: '技能' }, TEST_RUBRIC[1]!],
      [TEST_RUBRIC[0]!],
      [{ key: 'quality', label: '质量', maxScore: 100 }],
    ]) {
      const error = expectError(
        await patch(gansu, c.id, { name: '同时改名', rubric }),
        409,
        'CAMPAIGN_RUBRIC_LOCKED',
      )
      expect(error.details).toEqual({ scoreCount: 1, phase: 'jury' })
    }
    const after = await get(c.id)
    expect(after.rubric).toEqual(TEST_RUBRIC)
    expect(after.name).toBe(c.name)
    expect(await auditRows(t, { action: 'campaign.updated', targetId: c.id })).toEqual([])
    // The rest of the campaign still changes.
    expect((await patch(gansu, c.id, { name: '评分后改名' })).statusCode).toBe(200)
  })

  it('never leaves a score against a rubric edited at the same moment', async () => {
    const { c, score } = await juryCampaign()

    // Either the score lands first (the edit is refused) or the edit does (the old-rubric score
    // is refused): never both, on either engine.
    const [edit, scored] = await Promise.all([
      patch(gansu, c.id, { rubric: RUBRIC }),
      score({ skill: 50, innovation: 30 }),
    ])

    const outcome = `${edit.statusCode}/${scored.statusCode}`
    expect(
      ['409/200', '200/400'],
      `${edit.body.slice(0, 300)} ${scored.body.slice(0, 300)}`,
    ).toContain(outcome)
    const after = await get(c.id)
    expect(after.rubric).toEqual(edit.statusCode === 200 ? RUBRIC : TEST_RUBRIC)
  })

  it('locks the rubric after the jury phase even when nobody scored', async () => {
    const c = await newCampaign()
    await advanceTo(t, await ctxAs(t, gansu.memberId), c, 'result_publicity')

    const error = expectError(
      await patch(gansu, c.id, { rubric: RUBRIC }),
      409,
      'CAMPAIGN_RUBRIC_LOCKED',
    )
    expect(error.details).toEqual({ scoreCount: 0, phase: 'result_publicity' })
    expect((await get(c.id)).rubric).toEqual(TEST_RUBRIC)
  })

  it('applies nothing when one part of the edit is locked (rules with rubric and name)', async () => {
    const c = await newCampaign()
    await advanceTo(t, await ctxAs(t, gansu.memberId), c, 'voting')

    expectError(
      await patch(gansu, c.id, {
        name: '整体拒绝',
        rubric: RUBRIC,
        rules: { ...c.rules, hours: { start: '08:00', end: '20:00' } },
      }),
      409,
      'CAMPAIGN_RULES_LOCKED',
    )
    const after = await get(c.id)
    expect([after.name, after.rubric, after.rules]).toEqual([c.name, TEST_RUBRIC, c.rules])
    expect(await auditRows(t, { action: 'campaign.updated', targetId: c.id })).toEqual([])
  })

  it('refuses a rubric on a child campaign, which inherits it (409 CAMPAIGN_RULES_LOCKED)', async () => {
    const ctx = await ctxAs(t, gansu.memberId)
    const parent = await makeCampaign(t, ctx, { orgId: t.orgId('甘肃省总工会') })
    const child = await makeCampaign(t, ctx, {
      orgId: t.orgId('兰州市总工会'),
      parentCampaignId: parent.id,
    })

    expectError(await patch(gansu, child.id, { rubric: RUBRIC }), 409, 'CAMPAIGN_RULES_LOCKED')
    expect((await get(child.id)).rubric).toEqual(TEST_RUBRIC)
  })

  it("passes the parent's rules, quotas and rubric down to children that have not frozen them", async () => {
    const ctx = await ctxAs(t, gansu.memberId)
    const parent = await makeCampaign(t, ctx, { orgId: t.orgId('甘肃省总工会') })
    const city = await makeCampaign(t, ctx, {
      orgId: t.orgId('兰州市总工会'),
      parentCampaignId: parent.id,
    })
    const voting = await makeCampaign(t, ctx, {
      orgId: t.orgId('武威市总工会'),
      parentCampaignId: parent.id,
    })
    await advanceTo(t, ctx, voting, 'voting')

    const rules = { ...parent.rules, votesPerDay: 5 }
    const res = await patch(gansu, parent.id, {
      rules,
      quotas: { minFrontLineShare: 0.6 },
      rubric: RUBRIC,
    })
    expect(res.statusCode, res.body).toBe(200)

    // The city campaign follows; the one already voting keeps the rules it opened with, and
    // its rubric follows (no juror has scored yet).
    expect(await get(city.id)).toMatchObject({
      rules,
      quotas: { minFrontLineShare: 0.6 },
      rubric: RUBRIC,
    })
    expect(await get(voting.id)).toMatchObject({
      rules: parent.rules,
      quotas: parent.quotas,
      rubric: RUBRIC,
    })
    expect(
      (await auditRows(t, { action: 'campaign.rules-inherited', targetId: city.id })).length,
    ).toBe(1)
    const [down] = await auditRows(t, {
      action: 'campaign.rules-passed-down',
      targetId: parent.id,
    })
    expect(JSON.parse(down!.summary)).toEqual({
      changed: [city.id, voting.id],
      kept: [{ campaignId: voting.id, what: ['rules'] }],
    })
  })

  it('answers 400 with the path of a bad rubric item or clock, and 403 outside the subtree', async () => {
    const c = await newCampaign()
    const cases: [Record<string, unknown>, string][] = [
      [{ rubric: [] }, 'body.rubric'],
      [{ rubric: [{ key: 'skill', label: '技能', maxScore: 0 }] }, 'body.rubric.0.maxScore'],
      [{ rubric: [{ key: 'Skill 1', label: '技能', maxScore: 10 }] }, 'body.rubric.0.key'],
      [{ rubric: [{ key: 'skill', label: '', maxScore: 10 }] }, 'body.rubric.0.label'],
      [{ rubric: [...TEST_RUBRIC, { ...TEST_RUBRIC[0]!, label: '重复' }] }, 'body.rubric.2.key'],
      [
        { rules: { ...c.rules, hours: { start: '24:00', end: '22:00' } } },
        'body.rules.hours.start',
      ],
      [{ rules: { ...c.rules, hours: { start: '08:00' } } }, 'body.rules.hours.end'],
    ]
    for (const [bad, path] of cases) {
      const error = expectError(await patch(gansu, c.id, bad), 400, 'VALIDATION_FAILED')
      expect(error.details, JSON.stringify(bad)).toContainEqual(expect.objectContaining({ path }))
    }
    expectError(await patch(shenzhen, c.id, { rubric: RUBRIC }), 403, 'ACCESS_DENIED')
    const after = await get(c.id)
    expect([after.rubric, after.rules]).toEqual([TEST_RUBRIC, c.rules])
    expect(await auditRows(t, { action: 'campaign.updated', targetId: c.id })).toEqual([])
  })
})

describe('advanceDuePhases (the scheduler)', () => {
  const get = async (id: string) =>
    (await gansu.request({ method: 'GET', url: `/api/v1/campaigns/${id}` })).json<Campaign>()
  it('moves the other campaigns on when one fails, and leaves the failed one where it was', async () => {
    const ctx = await ctxAs(t, gansu.memberId)
    const failing = await newCampaign()
    const healthy = await newCampaign()
    for (const c of [failing, healthy]) {
      await advanceTo(t, ctx, c, 'nomination')
      await patch(gansu, c.id, { phaseMode: 'auto' })
    }
    // Registered for this file's app only (vitest runs each file in its own module graph).
    onPhaseEntered(async (_trx, _ctx, c, to) => {
      if (c.row.id === failing.id && to === 'review') throw new Error('hook failed')
    })

    const run = await advanceDuePhases(t.database.db, new Date())

    expect(run.failed.map((f) => f.campaignId)).toContain(failing.id)
    expect(run.failed.map((f) => f.campaignId)).not.toContain(healthy.id)
    expect((await get(failing.id)).phase).toBe('nomination')
    // The test schedule's dates are all past: the healthy one walks to the last dated phase.
    expect((await get(healthy.id)).phase).toBe('result_publicity')
  })
})

describe('advanceDuePhases and a phase rule', () => {
  it('holds a campaign whose jury has not scored in the jury phase, as held (not failed)', async () => {
    const ctx = await ctxAs(t, gansu.memberId)
    const c = await newCampaign()
    await advanceTo(t, ctx, c, 'nomination')
    await addCandidates(t, c, t.orgId('兰州市总工会'), [{ category: '技能工匠', name: '待评甲' }])
    // Auto mode before voting (it is frozen while voting runs); every test date is past.
    expect((await patch(gansu, c.id, { phaseMode: 'auto' })).statusCode).toBe(200)

    const run = await advanceDuePhases(t.database.db, new Date())

    expect(run.held).toContainEqual({
      campaignId: c.id,
      phase: 'jury',
      code: 'CAMPAIGN_JURY_INCOMPLETE',
    })
    expect(run.failed.map((f) => f.campaignId)).not.toContain(c.id)
    const phase = (
      await gansu.request({ method: 'GET', url: `/api/v1/campaigns/${c.id}` })
    ).json<Campaign>().phase
    expect(phase).toBe('jury')
  })
})

describe('PATCH after voting opened — the voting period is a rule', () => {
  const get = async (id: string) =>
    (await gansu.request({ method: 'GET', url: `/api/v1/campaigns/${id}` })).json<Campaign>()

  it('refuses moving the voting dates or switching phase mode during voting; other dates may move', async () => {
    const ctx = await ctxAs(t, gansu.memberId)
    const c = await newCampaign()
    await advanceTo(t, ctx, c, 'voting')
    const before = await get(c.id)
    const later = (iso: string, days: number) =>
      new Date(Date.parse(iso) + days * 86_400_000).toISOString()

    const stretched = {
      ...before.schedule,
      voting: { ...before.schedule.voting, endsAt: later(before.schedule.voting.endsAt, 1) },
    }
    expectError(await patch(gansu, c.id, { schedule: stretched }), 409, 'CAMPAIGN_RULES_LOCKED')
    expectError(await patch(gansu, c.id, { phaseMode: 'auto' }), 409, 'CAMPAIGN_RULES_LOCKED')
    expect(await get(c.id)).toMatchObject({ schedule: before.schedule, phaseMode: 'manual' })
    expect(await auditRows(t, { action: 'campaign.updated', targetId: c.id })).toEqual([])

    // The result-publicity period is not a voting rule: it may still move.
    const rp = before.schedule.result_publicity
    const moved = {
      ...before.schedule,
      result_publicity: { startsAt: rp.startsAt, endsAt: later(rp.endsAt, 3) },
    }
    const ok = await patch(gansu, c.id, { schedule: moved })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json<Campaign>().schedule.result_publicity.endsAt).toBe(moved.result_publicity.endsAt)
  })
})

describe('a sub-org reviewer on a campaign run above their org', () => {
  let lanzhou: TestSession // staff of 兰州市总工会: campaign:review there, nothing over 甘肃
  let longgang: TestSession // staff in 深圳's subtree: another tenant
  let top: Campaign // run by 甘肃省总工会, in its nomination phase
  let draft: Campaign // run by 甘肃省总工会, still in draft
  const tag = `复审可见${Date.now()}`

  beforeAll(async () => {
    ;[lanzhou, longgang] = await Promise.all([
      t.loginAs(ACCOUNTS.lanzhouStaff),
      t.loginAs(ACCOUNTS.longgangStaff),
    ])
    const ctx = await ctxAs(t, gansu.memberId)
    top = await makeCampaign(t, ctx, { orgId: t.orgId('甘肃省总工会'), name: `${tag}省级` })
    draft = await makeCampaign(t, ctx, { orgId: t.orgId('甘肃省总工会'), name: `${tag}草稿` })
    await advanceTo(t, ctx, top, 'nomination')
  })

  const get = (s: TestSession, id: string) =>
    s.request({ method: 'GET', url: `/api/v1/campaigns/${id}` })
  type Page = { items: { id: string; reviewOnly: boolean }[] }
  const list = async (s: TestSession, query: Record<string, string> = {}) => {
    const res = await s.request({
      method: 'GET',
      url: '/api/v1/campaigns',
      query: { q: tag, pageSize: '100', ...query },
    })
    expect(res.statusCode, res.body).toBe(200)
    return res.json<Page>().items
  }

  it('reads the campaign read-only (200, viewer.reviewOnly) once it is past draft', async () => {
    const res = await get(lanzhou, top.id)

    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      id: top.id,
      name: top.name,
      schedule: top.schedule,
      viewer: { permissions: [], reviewsNominations: true, reviewOnly: true },
    })
    expectError(await get(lanzhou, draft.id), 403, 'ACCESS_DENIED')
  })

  it('gives the campaign org’s staff the full view with their permissions there', async () => {
    const res = await get(gansu, top.id)

    expect(res.statusCode, res.body).toBe(200)
    expect(res.json<{ viewer: unknown }>().viewer).toEqual({
      permissions: ['campaign:read', 'campaign:manage', 'campaign:review', 'campaign:fraud-review'],
      reviewsNominations: true,
      reviewOnly: false,
    })
  })

  it('keeps other tenants out (403) and 404s an unknown campaign', async () => {
    expectError(await get(shenzhen, top.id), 403, 'ACCESS_DENIED')
    expectError(await get(longgang, top.id), 403, 'ACCESS_DENIED')
    expectError(await get(lanzhou, '01890000-0000-7000-8000-000000000000'), 404)
    expectError(await t.request({ method: 'GET', url: `/api/v1/campaigns/${top.id}` }), 401)
    expect(await list(shenzhen)).toEqual([])
    expect(await list(longgang)).toEqual([])
  })

  it('still refuses the parent campaign’s tallies, jury, children, results and exports', async () => {
    const base = `/api/v1/campaigns/${top.id}`
    for (const url of [
      `${base}/children`,
      `${base}/leaderboard`,
      `${base}/turnout`,
      `${base}/flagged-ballots`,
      `${base}/ballot-log`,
      `${base}/votes/export`,
      `${base}/jurors`,
      `${base}/jury/progress`,
      `${base}/results`,
      `${base}/results/export`,
      `${base}/quota-check`,
      `${base}/candidates`,
      `${base}/objections`,
    ])
      expectError(await lanzhou.request({ method: 'GET', url }), 403)
    expectError(await patch(lanzhou, top.id, { name: '越权改名' }), 403)
  })

  it('lists it, marked reviewOnly, also under their own org filter; never the draft', async () => {
    const own = await list(lanzhou, { orgId: t.orgId('兰州市总工会') })
    expect(own).toEqual([expect.objectContaining({ id: top.id, reviewOnly: true })])
    expect(await list(lanzhou)).toEqual([expect.objectContaining({ id: top.id, reviewOnly: true })])
    const province = await list(gansu)
    expect(province.map((c) => [c.id, c.reviewOnly]).sort()).toEqual(
      [
        [top.id, false],
        [draft.id, false],
      ].sort(),
    )
  })
})
