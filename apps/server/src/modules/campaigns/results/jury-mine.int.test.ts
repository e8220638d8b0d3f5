import type { Campaign, MyJuryAssignment } from '@unionhall/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Ctx } from '../../../core/access'
import { DEMO_PASSWORD } from '../../../demo/seed-demo'
import {
  ACCOUNTS,
  buildTestApp,
  type TestApp,
  type TestSession,
} from '../../../../test/build-test-app'
import {
  addCandidates,
  advanceTo,
  makeCampaign,
  testSchedule,
} from '../../../../test/factories/campaigns'
import { freshMobile, makeMember } from '../../../../test/factories/members'
import { ctxAs } from '../../../../test/factories/orgs'
import { expectError } from '../../../../test/helpers'

const MINE = '/api/v1/campaigns/jury/mine'

let t: TestApp
let gansu: TestSession // org_admin of 甘肃省总工会, a juror of nothing
let shenzhen: TestSession
let gansuCtx: Ctx
let shenzhenCtx: Ctx
let expert: TestSession // an outside expert with no role: juror of both campaigns
let colleague: TestSession // another juror of the 甘肃 campaign only
let bystander: TestSession // a worker with no role and no jury duty
let szOnly: TestSession // a juror of the 深圳 campaign only
let campaign: Campaign // 甘肃
let szCampaign: Campaign // 深圳
const cand: Record<string, string> = {}

const signUp = async (orgName: string, name: string, ctx = gansuCtx) => {
  const mobile = freshMobile()
  await makeMember(t, ctx, {
    orgId: t.orgId(orgName),
    mobile,
    name,
    password: DEMO_PASSWORD,
  })
  return t.loginAs(mobile)
}

const mine = async (s: TestSession) => {
  const res = await s.request({ method: 'GET', url: MINE })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<MyJuryAssignment[]>()
}

const nameJuror = async (by: TestSession, c: Campaign, memberId: string) => {
  const res = await by.request({
    method: 'POST',
    url: `/api/v1/campaigns/${c.id}/jurors`,
    payload: { memberId },
  })
  expect(res.statusCode, res.body).toBe(201)
}

const score = (s: TestSession, candidateId: string) =>
  s.request({
    method: 'PUT',
    url: `/api/v1/campaigns/${campaign.id}/jury/scores/${candidateId}`,
    payload: { scores: { skill: 50, innovation: 30 } },
  })

beforeAll(async () => {
  t = await buildTestApp()
  ;[gansu, shenzhen] = await Promise.all([
    t.loginAs(ACCOUNTS.gansuAdmin),
    t.loginAs(ACCOUNTS.shenzhenAdmin),
  ])
  gansuCtx = await ctxAs(t, gansu.memberId)
  shenzhenCtx = await ctxAs(t, shenzhen.memberId)
  expert = await signUp('兰州市总工会', '评委专家')
  colleague = await signUp('酒钢集团公司工会', '评委同事')
  bystander = await signUp('金川集团公司工会', '普通会员')
  szOnly = await signUp('龙岗区总工会', '深圳评委', shenzhenCtx)

  campaign = await makeCampaign(t, gansuCtx, {
    orgId: t.orgId('甘肃省总工会'),
    name: '陇原工匠评审测试',
    honourTitle: '陇原工匠',
    year: 2021,
  })
  szCampaign = await makeCampaign(t, shenzhenCtx, {
    orgId: t.orgId('深圳市总工会'),
    name: '鹏城工匠评审测试',
    year: 2020,
  })
  await advanceTo(t, gansuCtx, campaign, 'voting')
  const rows = await addCandidates(t, campaign, t.orgId('金川集团公司工会'), [
    { category: '技能工匠', name: '甲' },
    { category: '技能工匠', name: '乙' },
    { category: '创新工匠', name: '丙' },
  ])
  for (const r of rows) cand[r.name] = r.id
  await nameJuror(gansu, campaign, expert.memberId)
  await nameJuror(gansu, campaign, colleague.memberId)
  // An expert of 兰州 on a 深圳 jury: only someone who can see both (深圳's admin cannot).
  await nameJuror(await t.loginAs(ACCOUNTS.platformAdmin), szCampaign, expert.memberId)
  await nameJuror(shenzhen, szCampaign, szOnly.memberId)
})
afterAll(() => t.close())

describe('GET /campaigns/jury/mine', () => {
  it('answers 401 without a session', async () => {
    expectError(await t.request({ method: 'GET', url: MINE }), 401, 'AUTH_REQUIRED')
  })

  it('is empty for a member who is no juror, staff included', async () => {
    expect(await mine(bystander)).toEqual([])
    // campaign:read over the campaign is not jury duty: staff see only their own assignments.
    expect(await mine(gansu)).toEqual([])
  })

  it('lists each of my campaigns before the jury phase, scoring closed', async () => {
    const list = await mine(expert)
    const schedule = testSchedule()
    // Neither is open yet; the more recent year comes first.
    expect(list).toEqual([
      {
        campaignId: campaign.id,
        name: '陇原工匠评审测试',
        year: 2021,
        honourTitle: '陇原工匠',
        orgName: '甘肃省总工会',
        phase: 'voting',
        phaseEndsAt: schedule.voting.endsAt,
        candidateCount: 3,
        scoredCount: 0,
        scoringOpen: false,
      },
      {
        campaignId: szCampaign.id,
        name: '鹏城工匠评审测试',
        year: 2020,
        honourTitle: '测试工匠',
        orgName: '深圳市总工会',
        phase: 'draft',
        phaseEndsAt: null,
        candidateCount: 0,
        scoredCount: 0,
        scoringOpen: false,
      },
    ])
  })

  it("never shows another member's assignments", async () => {
    expect((await mine(colleague)).map((a) => a.campaignId)).toEqual([campaign.id])
    expect((await mine(szOnly)).map((a) => a.campaignId)).toEqual([szCampaign.id])
  })

  it('counts my scores, not other jurors’, once scoring opens', async () => {
    await advanceTo(t, gansuCtx, campaign, 'jury')
    let [first] = await mine(expert)
    expect(first).toMatchObject({
      campaignId: campaign.id,
      phase: 'jury',
      phaseEndsAt: testSchedule().jury.endsAt,
      scoringOpen: true,
      candidateCount: 3,
      scoredCount: 0,
    })

    for (const name of ['甲', '丙']) expect((await score(expert, cand[name]!)).statusCode).toBe(200)
    expect((await score(colleague, cand['乙']!)).statusCode).toBe(200)
    // A re-score is the same candidate: still two.
    expect((await score(expert, cand['甲']!)).statusCode).toBe(200)
    ;[first] = await mine(expert)
    expect(first).toMatchObject({ candidateCount: 3, scoredCount: 2 })
    expect((await mine(colleague))[0]).toMatchObject({ candidateCount: 3, scoredCount: 1 })
  })

  it('puts open scoring first, then stops counting a withdrawn candidate', async () => {
    // An older campaign in its jury phase comes before a newer one still to come.
    await advanceTo(t, gansuCtx, campaign, 'result_publicity', '测试：部分专家未评分')
    await advanceTo(t, shenzhenCtx, szCampaign, 'voting')
    await advanceTo(t, shenzhenCtx, szCampaign, 'jury')
    let list = await mine(expert)
    expect(list.map((a) => [a.campaignId, a.scoringOpen])).toEqual([
      [szCampaign.id, true],
      [campaign.id, false],
    ])

    const res = await gansu.request({
      method: 'PATCH',
      url: `/api/v1/campaigns/${campaign.id}/candidates/${cand['甲']}`,
      payload: { status: 'withdrawn' },
    })
    expect(res.statusCode, res.body).toBe(200)
    list = await mine(expert)
    expect(list.find((a) => a.campaignId === campaign.id)).toMatchObject({
      phase: 'result_publicity',
      scoringOpen: false,
      candidateCount: 2,
      scoredCount: 1,
    })
  })
})
