import type { Campaign } from '@unionhall/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { typed } from '../../../platform/db/create-db'
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
  addVotes,
  advanceTo,
  makeCampaign,
} from '../../../../test/factories/campaigns'
import { freshMobile, makeMember } from '../../../../test/factories/members'
import { ctxAs } from '../../../../test/factories/orgs'
import { MISSING_ID, XLSX_TYPE, auditRows, expectError, readXlsx } from '../../../../test/helpers'
import type { CampaignTables } from '../campaigns.tables'

let t: TestApp
let gansu: TestSession // org_admin of 甘肃省总工会
let lanzhouStaff: TestSession // staff of 兰州市总工会
let shenzhen: TestSession // org_admin of 深圳市总工会
let juror1: TestSession
let juror2: TestSession
let gansuCtx: Ctx
let shenzhenCtx: Ctx
let worker: { id: string } // a member who becomes a candidate and wins
const workerMobile = freshMobile()
let campaign: Campaign // 甘肃: the main flow
let szCampaign: Campaign // 深圳: out of 兰州 staff's reach
const cand: Record<string, string> = {}

const db = () => typed<CampaignTables>(t.database.db)
const base = (c: Campaign) => `/api/v1/campaigns/${c.id}`

beforeAll(async () => {
  t = await buildTestApp()
  ;[gansu, lanzhouStaff, shenzhen] = await Promise.all([
    t.loginAs(ACCOUNTS.gansuAdmin),
    t.loginAs(ACCOUNTS.lanzhouStaff),
    t.loginAs(ACCOUNTS.shenzhenAdmin),
  ])
  gansuCtx = await ctxAs(t, gansu.memberId)
  shenzhenCtx = await ctxAs(t, shenzhen.memberId)
  const [m1, m2] = [freshMobile(), freshMobile()]
  await makeMember(t, gansuCtx, {
    orgId: t.orgId('兰州市总工会'),
    mobile: m1,
    name: '评委甲',
    password: DEMO_PASSWORD,
  })
  await makeMember(t, gansuCtx, {
    orgId: t.orgId('酒钢集团公司工会'),
    mobile: m2,
    name: '评委乙',
    password: DEMO_PASSWORD,
  })
  worker = await makeMember(t, gansuCtx, {
    orgId: t.orgId('金川集团公司工会'),
    mobile: workerMobile,
    name: '王建国',
    password: DEMO_PASSWORD,
  })
  ;[juror1, juror2] = [await t.loginAs(m1), await t.loginAs(m2)]

  campaign = await makeCampaign(t, gansuCtx, {
    orgId: t.orgId('甘肃省总工会'),
    name: '陇原工匠测试',
  })
  szCampaign = await makeCampaign(t, shenzhenCtx, { orgId: t.orgId('深圳市总工会') })
  await advanceTo(t, gansuCtx, campaign, 'voting')
  await advanceTo(t, shenzhenCtx, szCampaign, 'voting')
  const rows = await addCandidates(t, campaign, t.orgId('金川集团公司工会'), [
    { category: '技能工匠', name: '王建国', memberId: worker.id },
    { category: '技能工匠', name: '李办公', isFrontLine: false },
    { category: '技能工匠', name: '赵一线', isFrontLine: true },
    { category: '技能工匠', name: '钱科室', isFrontLine: false },
    { category: '创新工匠', name: '孙创新' },
    { category: '创新工匠', name: '周发明' },
  ])
  for (const r of rows) cand[r.name] = r.id
  await addCandidates(t, szCampaign, t.orgId('深圳市总工会'), [
    { category: '技能工匠', name: '深圳甲' },
  ])
  // 王建国 and 李办公 lead the votes; 2 ballots for 王建国 were invalidated.
  await addVotes(
    t,
    campaign.id,
    {
      [cand['王建国']!]: 40,
      [cand['李办公']!]: 50,
      [cand['赵一线']!]: 10,
      [cand['钱科室']!]: 45,
      [cand['孙创新']!]: 30,
      [cand['周发明']!]: 20,
    },
    2,
  )
})
afterAll(() => t.close())

describe('jurors', () => {
  it('names a member as juror (201, audited) and lists them', async () => {
    for (const j of [juror1, juror2]) {
      const res = await gansu.request({
        method: 'POST',
        url: `${base(campaign)}/jurors`,
        payload: { memberId: j.memberId },
      })
      expect(res.statusCode, res.body).toBe(201)
      expect(res.json()).toMatchObject({ memberId: j.memberId, scoredCount: 0 })
    }
    const audit = await auditRows(t, { action: 'campaign.juror-added', targetId: campaign.id })
    expect(audit).toHaveLength(2)
    expect(audit[0]!.actor_member_id).toBe(gansu.memberId)

    const list = await lanzhouStaff.request({ method: 'GET', url: `${base(campaign)}/jurors` })
    // 兰州 staff read campaigns only in 兰州's subtree; 甘肃's campaign is above them.
    expectError(list, 403, 'ACCESS_DENIED')
    const mine = await gansu.request({ method: 'GET', url: `${base(campaign)}/jurors` })
    expect(mine.json<{ name: string }[]>().map((j) => j.name)).toEqual(['评委甲', '评委乙'])
  })

  it('refuses a duplicate (409), a non-member (404) and bad input (400)', async () => {
    const dup = await gansu.request({
      method: 'POST',
      url: `${base(campaign)}/jurors`,
      payload: { memberId: juror1.memberId },
    })
    expectError(dup, 409, 'CAMPAIGN_JUROR_EXISTS')
    const missing = await gansu.request({
      method: 'POST',
      url: `${base(campaign)}/jurors`,
      payload: { memberId: MISSING_ID },
    })
    expectError(missing, 404, 'MEMBER_NOT_FOUND')
    const bad = await gansu.request({
      method: 'POST',
      url: `${base(campaign)}/jurors`,
      payload: { memberId: 'x', extra: 1 },
    })
    expectError(bad, 400, 'VALIDATION_FAILED')
  })

  it('answers 404 for a member outside what the staff may see, naming nobody', async () => {
    const res = await shenzhen.request({
      method: 'POST',
      url: `${base(szCampaign)}/jurors`,
      payload: { memberId: juror1.memberId }, // a member of 甘肃
    })
    const error = expectError(res, 404, 'MEMBER_NOT_FOUND')
    expect(JSON.stringify(error)).not.toContain('评委甲')
    const list = await shenzhen.request({ method: 'GET', url: `${base(szCampaign)}/jurors` })
    expect(list.json<{ memberId: string }[]>().map((j) => j.memberId)).not.toContain(
      juror1.memberId,
    )
  })

  it('answers 401 without a session and 403 to staff of another city', async () => {
    expectError(
      await t.request({
        method: 'POST',
        url: `${base(szCampaign)}/jurors`,
        payload: { memberId: juror1.memberId },
      }),
      401,
      'AUTH_REQUIRED',
    )
    expectError(
      await lanzhouStaff.request({
        method: 'POST',
        url: `${base(szCampaign)}/jurors`,
        payload: { memberId: juror1.memberId },
      }),
      403,
      'ACCESS_DENIED',
    )
    expectError(
      await lanzhouStaff.request({
        method: 'DELETE',
        url: `${base(szCampaign)}/jurors/${juror1.memberId}`,
      }),
      403,
      'ACCESS_DENIED',
    )
  })

  it('removes a juror who has not scored (audited), 404 for a non-juror', async () => {
    const extra = await makeMember(t, gansuCtx, { orgId: t.orgId('武威市总工会') })
    await gansu.request({
      method: 'POST',
      url: `${base(campaign)}/jurors`,
      payload: { memberId: extra.id },
    })
    const res = await gansu.request({
      method: 'DELETE',
      url: `${base(campaign)}/jurors/${extra.id}`,
    })
    expect(res.statusCode, res.body).toBe(200)
    const audit = await auditRows(t, { action: 'campaign.juror-removed', targetId: campaign.id })
    expect(audit).toHaveLength(1)
    expectError(
      await gansu.request({ method: 'DELETE', url: `${base(campaign)}/jurors/${extra.id}` }),
      404,
      'CAMPAIGN_JUROR_NOT_FOUND',
    )
  })
})

describe('jury scoring', () => {
  const score = (s: TestSession, candidateId: string, scores: Record<string, number>) =>
    s.request({
      method: 'PUT',
      url: `${base(campaign)}/jury/scores/${candidateId}`,
      payload: { scores, comment: '材料扎实' },
    })

  it('shows jurors the candidates without votes, and nobody else', async () => {
    // The material a juror scores includes the photos and the video link.
    const photoUrls = ['https://example.org/p/1.jpg', 'https://example.org/p/2.jpg']
    const videoUrl = 'https://www.bilibili.com/video/BV1xx411c7mD'
    await db()
      .updateTable('campaign_candidate')
      .set({ photo_urls: JSON.stringify(photoUrls), video_url: videoUrl })
      .where('id', '=', cand['王建国']!)
      .execute()
    const res = await juror1.request({ method: 'GET', url: `${base(campaign)}/jury/candidates` })
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json<{ items: Record<string, unknown>[]; rubric: unknown[] }>()
    expect(body.items).toHaveLength(6)
    expect(body.rubric).toHaveLength(2)
    expect(body.items[0]).not.toHaveProperty('votes')
    expect(body.items[0]!.myScores).toBeNull()
    expect(body.items.find((i) => i.id === cand['王建国'])).toMatchObject({ photoUrls, videoUrl })

    expectError(
      await lanzhouStaff.request({ method: 'GET', url: `${base(campaign)}/jury/candidates` }),
      403,
      'CAMPAIGN_NOT_JUROR',
    )
    expectError(
      await t.request({ method: 'GET', url: `${base(campaign)}/jury/candidates` }),
      401,
      'AUTH_REQUIRED',
    )
  })

  it('refuses scores outside the jury phase (409)', async () => {
    expectError(
      await score(juror1, cand['王建国']!, { skill: 50, innovation: 30 }),
      409,
      'CAMPAIGN_WRONG_PHASE',
    )
  })

  it('refuses non-jurors (403) and bad scores (400)', async () => {
    await advanceTo(t, gansuCtx, campaign, 'jury')
    campaign = { ...campaign, phase: 'jury' }
    expectError(
      await score(lanzhouStaff, cand['王建国']!, { skill: 50, innovation: 30 }),
      403,
      'CAMPAIGN_NOT_JUROR',
    )
    const over = expectError(
      await score(juror1, cand['王建国']!, { skill: 61, innovation: 30 }),
      400,
      'CAMPAIGN_JURY_SCORE_INVALID',
    )
    expect(over.details).toEqual({
      problems: [{ key: 'skill', problem: 'out_of_range', maxScore: 60 }],
    })
    const missing = expectError(
      await score(juror1, cand['王建国']!, { skill: 50, style: 3 }),
      400,
      'CAMPAIGN_JURY_SCORE_INVALID',
    )
    expect(missing.details).toEqual({
      problems: [
        { key: 'innovation', problem: 'missing' },
        { key: 'style', problem: 'unknown' },
      ],
    })
    expectError(
      await score(juror1, cand['王建国']!, { skill: -1, innovation: 3 }),
      400,
      'VALIDATION_FAILED',
    )
    expectError(
      await score(juror1, MISSING_ID, { skill: 1, innovation: 3 }),
      404,
      'CAMPAIGN_CANDIDATE_NOT_FOUND',
    )
  })

  it('stores a score (audited), and a re-score replaces it', async () => {
    const first = await score(juror1, cand['王建国']!, { skill: 40, innovation: 20 })
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json()).toMatchObject({ total: 60 })
    const again = await score(juror1, cand['王建国']!, { skill: 55, innovation: 35 })
    expect(again.json()).toMatchObject({ total: 90 })
    const audit = await auditRows(t, {
      action: 'campaign.jury-scored',
      targetId: cand['王建国']!,
    })
    expect(audit).toHaveLength(2)
    expect(JSON.parse(audit[1]!.summary)).toMatchObject({
      before: { total: 60 },
      after: { total: 90 },
    })

    const mine = await juror1.request({ method: 'GET', url: `${base(campaign)}/jury/candidates` })
    const item = mine
      .json<{ items: { id: string; myTotal: number | null }[] }>()
      .items.find((i) => i.id === cand['王建国'])
    expect(item!.myTotal).toBe(90)
  })

  it('keeps a juror who has scored (409)', async () => {
    expectError(
      await gansu.request({
        method: 'DELETE',
        url: `${base(campaign)}/jurors/${juror1.memberId}`,
      }),
      409,
      'CAMPAIGN_JUROR_HAS_SCORES',
    )
  })

  it('shows staff the progress per juror and candidate', async () => {
    // The rest of the panel scores; 赵一线 (front-line) scores high with the jury.
    const plan: [TestSession, string, number, number][] = [
      [juror2, '王建国', 50, 30],
      [juror1, '李办公', 40, 20],
      [juror2, '李办公', 40, 20],
      [juror1, '赵一线', 50, 40],
      [juror1, '钱科室', 45, 25],
      [juror1, '孙创新', 30, 30],
      [juror1, '周发明', 58, 40],
    ]
    for (const [s, name, skill, innovation] of plan) {
      const res = await score(s, cand[name]!, { skill, innovation })
      expect(res.statusCode, res.body).toBe(200)
    }
    const res = await gansu.request({ method: 'GET', url: `${base(campaign)}/jury/progress` })
    expect(res.statusCode).toBe(200)
    const p = res.json<{
      candidateCount: number
      jurors: { name: string; scored: number }[]
      candidates: { name: string; scoreCount: number; averageTotal: number | null }[]
    }>()
    expect(p.candidateCount).toBe(6)
    expect(p.jurors.map((j) => [j.name, j.scored])).toEqual([
      ['评委甲', 6],
      ['评委乙', 2],
    ])
    expect(p.candidates.find((c) => c.name === '王建国')).toMatchObject({
      scoreCount: 2,
      averageTotal: 85,
    })
    expectError(
      await lanzhouStaff.request({ method: 'GET', url: `${base(szCampaign)}/jury/progress` }),
      403,
      'ACCESS_DENIED',
    )
  })
})

type ResultsBody = {
  invalidatedBallots: number
  announcedAt: string | null
  categories: {
    name: string
    notes: string[]
    rows: {
      name: string
      votes: number
      invalidatedVotes: number
      rank: number
      isWinner: boolean
      standing: 'provisional' | 'proposed' | 'winner' | null
      tieBreak: string | null
      finalScore: number
    }[]
  }[]
}

describe('results', () => {
  it('are hidden while sealed voting runs (409)', async () => {
    expectError(
      await shenzhen.request({ method: 'GET', url: `${base(szCampaign)}/results` }),
      409,
      'CAMPAIGN_WRONG_PHASE',
    )
    expectError(
      await lanzhouStaff.request({ method: 'GET', url: `${base(szCampaign)}/results` }),
      403,
      'ACCESS_DENIED',
    )
    expectError(
      await t.request({ method: 'GET', url: `${base(szCampaign)}/results` }),
      401,
      'AUTH_REQUIRED',
    )
  })

  it('rank by the weighted score and enforce the front-line quota by a swap', async () => {
    const res = await gansu.request({ method: 'GET', url: `${base(campaign)}/results` })
    expect(res.statusCode, res.body).toBe(200)
    const r = res.json<ResultsBody>()
    expect(r.invalidatedBallots).toBe(2)
    const skill = r.categories.find((c) => c.name === '技能工匠')!
    // 王建国 0.4·0.8 + 0.6·0.85 = 0.83; 钱科室 0.4·0.9 + 0.6·0.7 = 0.78;
    // 赵一线 0.4·0.2 + 0.6·0.9 = 0.62; 李办公 0.4·1 + 0.6·0.6 = 0.76
    expect(skill.rows.map((x) => [x.name, x.rank])).toEqual([
      ['王建国', 1],
      ['钱科室', 2],
      ['李办公', 3],
      ['赵一线', 4],
    ])
    // 2 honours, ≥50 % front-line: 王建国 is front-line already, so no swap is needed.
    expect(skill.rows.filter((x) => x.isWinner).map((x) => x.name)).toEqual(['王建国', '钱科室'])
    expect(skill.rows[0]!.invalidatedVotes).toBe(2)
    // Jury scoring is still on: the places are provisional, nobody is a winner yet.
    expect(skill.rows.map((x) => x.standing)).toEqual(['provisional', 'provisional', null, null])
    const innovation = r.categories.find((c) => c.name === '创新工匠')!
    expect(innovation.rows.filter((x) => x.isWinner).map((x) => x.name)).toEqual(['周发明'])
  })

  it('export as .xlsx (audited)', async () => {
    const res = await gansu.request({ method: 'GET', url: `${base(campaign)}/results/export` })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain(XLSX_TYPE)
    const rows = await readXlsx(res.rawPayload)
    expect(rows[0]).toContain('综合得分')
    const standing = rows[0]!.indexOf('当选情况')
    expect(rows.filter((x) => x[0] === '技能工匠').map((x) => x[standing] ?? '')).toEqual([
      '暂列',
      '暂列',
      '',
      '',
    ])
    expect(rows.filter((x) => x[0] === '技能工匠')).toHaveLength(4)
    expect(rows.at(-1)).toEqual(['无效选票（张）', '2'])
    expect(
      await auditRows(t, { action: 'campaign.results-exported', targetId: campaign.id }),
    ).toHaveLength(1)
    expectError(
      await lanzhouStaff.request({ method: 'GET', url: `${base(szCampaign)}/results/export` }),
      403,
      'ACCESS_DENIED',
    )
  })

  it('are not public before result publicity', async () => {
    expectError(
      await t.request({ method: 'GET', url: `/api/v1/public/campaigns/${campaign.id}/results` }),
      409,
      'CAMPAIGN_RESULTS_NOT_ANNOUNCED',
    )
  })
})

describe('announce', () => {
  const announce = (s: TestSession, c: Campaign) =>
    s.request({ method: 'POST', url: `${base(c)}/announce` })

  it('needs result_publicity (409), campaign:manage there (403) and a session (401)', async () => {
    expectError(await announce(gansu, campaign), 409, 'CAMPAIGN_WRONG_PHASE')
    expectError(await announce(lanzhouStaff, szCampaign), 403, 'ACCESS_DENIED')
    expectError(
      await t.request({ method: 'POST', url: `${base(campaign)}/announce` }),
      401,
      'AUTH_REQUIRED',
    )
  })

  it('holds the jury phase while scores are missing, unless staff say why (audited)', async () => {
    const phaseUrl = `${base(campaign)}/phase`
    const refused = expectError(
      await gansu.request({ method: 'POST', url: phaseUrl, payload: { to: 'result_publicity' } }),
      409,
      'CAMPAIGN_JURY_INCOMPLETE',
    )
    // Two jurors; the scoring tests above left candidates unscored by one or both of them.
    expect(refused.details).toMatchObject({ missing: expect.any(Number) as number })
    const details = refused.details as { missing: number; jurors: { name: string }[] }
    expect(details.missing).toBeGreaterThan(0)
    expect(details.jurors.length).toBeGreaterThan(0)
    const phase = async () =>
      (
        await typed<CampaignTables>(t.database.db)
          .selectFrom('campaign')
          .select('phase')
          .where('id', '=', campaign.id)
          .executeTakeFirstOrThrow()
      ).phase
    expect(await phase()).toBe('jury')
    expect(
      await auditRows(t, { action: 'campaign.jury-incomplete-accepted', targetId: campaign.id }),
    ).toHaveLength(0)
    expectError(
      await gansu.request({
        method: 'POST',
        url: phaseUrl,
        payload: { to: 'result_publicity', juryIncompleteReason: '短' },
      }),
      400,
      'VALIDATION_FAILED',
    )

    const reason = '一位评审专家因病无法完成评分，经评审委员会同意按现有评分公示'
    const res = await gansu.request({
      method: 'POST',
      url: phaseUrl,
      payload: { to: 'result_publicity', juryIncompleteReason: reason },
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(await phase()).toBe('result_publicity')
    const [accepted] = await auditRows(t, {
      action: 'campaign.jury-incomplete-accepted',
      targetId: campaign.id,
    })
    expect(JSON.parse(String(accepted!.summary))).toMatchObject({
      reason,
      missing: details.missing,
    })
  })

  it('publishes proposed winners in result publicity; an open objection holds the announcement', async () => {
    await advanceTo(t, gansuCtx, campaign, 'result_publicity')
    const publicUrl = `/api/v1/public/campaigns/${campaign.id}/results`
    const winners = async () => {
      const res = await t.request({ method: 'GET', url: publicUrl })
      expect(res.statusCode, res.body).toBe(200)
      const r = res.json<ResultsBody>()
      expect(r.announcedAt).toBeNull()
      const rows = r.categories.flatMap((c) => c.rows)
      expect(rows.filter((x) => x.isWinner).every((x) => x.standing === 'proposed')).toBe(true)
      expect(rows.some((x) => x.standing === 'winner')).toBe(false)
      return r.categories.flatMap((c) => c.rows.filter((x) => x.isWinner).map((x) => x.name))
    }
    expect((await winners()).sort()).toEqual(['周发明', '王建国', '钱科室'].sort())

    // Withdrawing a proposed winner (an upheld objection) is possible here and changes the list.
    const candidateUrl = `${base(campaign)}/candidates/${cand['周发明']}`
    const withdraw = (status: 'withdrawn' | 'active') =>
      gansu.request({ method: 'PATCH', url: candidateUrl, payload: { status } })
    expect((await withdraw('withdrawn')).statusCode).toBe(200)
    expect(await winners()).not.toContain('周发明')
    expect((await withdraw('active')).statusCode).toBe(200)

    const filed = await t.request({
      method: 'POST',
      url: `/api/v1/public/campaigns/${campaign.id}/objections`,
      payload: {
        candidateId: cand['钱科室'],
        contactName: '刘群众',
        contactMobile: '13700001111',
        reason: '该候选人事迹材料与实际不符，请核实',
      },
    })
    expect(filed.statusCode, filed.body).toBe(201)
    expectError(
      await gansu.request({ method: 'POST', url: `${base(campaign)}/announce` }),
      409,
      'CAMPAIGN_OBJECTIONS_OPEN',
    )
    expect(
      await db()
        .selectFrom('campaign_honour')
        .select('id')
        .where('campaign_id', '=', campaign.id)
        .execute(),
    ).toEqual([])
    const resolved = await gansu.request({
      method: 'POST',
      url: `${base(campaign)}/objections/${filed.json<{ id: string }>().id}/resolve`,
      payload: { status: 'dismissed', resolution: '经核实材料属实，异议不成立' },
    })
    expect(resolved.statusCode, resolved.body).toBe(200)
  })

  it('records honours on members in the phase change (audited), once', async () => {
    await advanceTo(t, gansuCtx, campaign, 'result_publicity')
    const res = await announce(gansu, campaign)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json<ResultsBody>().announcedAt).not.toBeNull()

    const honours = await db()
      .selectFrom('campaign_honour')
      .selectAll()
      .where('campaign_id', '=', campaign.id)
      .execute()
    expect(honours.map((h) => h.candidate_id).sort()).toEqual(
      [cand['王建国']!, cand['钱科室']!, cand['周发明']!].sort(),
    )
    expect(honours.find((h) => h.candidate_id === cand['王建国'])).toMatchObject({
      member_id: worker.id,
      title: '测试工匠',
      year: 2020,
      category_name: '技能工匠',
    })
    expect(
      await auditRows(t, { action: 'campaign.results-announced', targetId: campaign.id }),
    ).toHaveLength(1)
    const phase = await auditRows(t, { action: 'campaign.phase-changed', targetId: campaign.id })
    expect(JSON.parse(phase.at(-1)!.summary)).toMatchObject({ after: { phase: 'announced' } })

    const again = await announce(gansu, campaign)
    expect(again.statusCode).toBe(200)
    expect(
      await auditRows(t, { action: 'campaign.results-announced', targetId: campaign.id }),
    ).toHaveLength(1)
    expect(
      await db()
        .selectFrom('campaign_honour')
        .select('id')
        .where('campaign_id', '=', campaign.id)
        .execute(),
    ).toHaveLength(3)
  })

  it('publishes the results with invalidated counts', async () => {
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/public/campaigns/${campaign.id}/results`,
    })
    expect(res.statusCode, res.body).toBe(200)
    const r = res.json<ResultsBody>()
    expect(r.invalidatedBallots).toBe(2)
    expect(r.categories.flatMap((c) => c.rows.filter((x) => x.isWinner))).toHaveLength(3)
    expect(r.categories.flatMap((c) => c.rows.filter((x) => x.standing === 'winner'))).toHaveLength(
      3,
    )
    expectError(
      await t.request({ method: 'GET', url: `/api/v1/public/campaigns/${MISSING_ID}/results` }),
      404,
      'CAMPAIGN_NOT_FOUND',
    )
    expectError(
      await t.request({ method: 'GET', url: `/api/v1/public/campaigns/not-an-id/results` }),
      400,
      'VALIDATION_FAILED',
    )
  })
})

describe('honours', () => {
  it('shows a member their honours', async () => {
    const me = await t.loginAs(workerMobile)
    const res = await me.request({ method: 'GET', url: '/api/v1/public/campaigns/honours/mine' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject([
      { title: '测试工匠', year: 2020, categoryName: '技能工匠', campaignName: '陇原工匠测试' },
    ])
    expectError(
      await t.request({ method: 'GET', url: '/api/v1/public/campaigns/honours/mine' }),
      401,
      'AUTH_REQUIRED',
    )
  })

  it("shows staff a member's honours within their scope", async () => {
    const res = await gansu.request({
      method: 'GET',
      url: `/api/v1/campaigns/honours?memberId=${worker.id}`,
    })
    expect(res.statusCode).toBe(200)
    expect(res.json<unknown[]>()).toHaveLength(1)
    expectError(
      await shenzhen.request({
        method: 'GET',
        url: `/api/v1/campaigns/honours?memberId=${worker.id}`,
      }),
      403,
      'ACCESS_DENIED',
    )
    expectError(
      await gansu.request({ method: 'GET', url: '/api/v1/campaigns/honours?memberId=1' }),
      400,
      'VALIDATION_FAILED',
    )
    expectError(
      await gansu.request({
        method: 'GET',
        url: `/api/v1/campaigns/honours?memberId=${MISSING_ID}`,
      }),
      404,
      'MEMBER_NOT_FOUND',
    )
  })
})

describe('put forward', () => {
  let parent: Campaign
  let child: Campaign
  const childCand: Record<string, string> = {}
  const putForward = (s: TestSession, body: Record<string, unknown>, p = parent) =>
    s.request({ method: 'POST', url: `${base(p)}/put-forward`, payload: body })

  beforeAll(async () => {
    parent = await makeCampaign(t, gansuCtx, { orgId: t.orgId('甘肃省总工会'), year: 2021 })
    child = await makeCampaign(t, gansuCtx, {
      orgId: t.orgId('兰州市总工会'),
      parentCampaignId: parent.id,
      name: '金城工匠测试',
      honourTitle: '金城工匠',
    })
    await advanceTo(t, gansuCtx, parent, 'nomination')
    await advanceTo(t, gansuCtx, child, 'voting')
    const rows = await addCandidates(t, child, t.orgId('兰州市总工会'), [
      { category: '技能工匠', name: '金城甲' },
      { category: '技能工匠', name: '金城乙' },
      { category: '技能工匠', name: '金城丙' },
      { category: '创新工匠', name: '金城丁' },
    ])
    for (const r of rows) childCand[r.name] = r.id
    await addVotes(t, child.id, { [rows[0]!.id]: 30, [rows[1]!.id]: 20, [rows[2]!.id]: 5 })
    await advanceTo(t, gansuCtx, child, 'result_publicity', '子评选未设专家评审组')
    const res = await gansu.request({ method: 'POST', url: `${base(child)}/announce` })
    expect(res.statusCode, res.body).toBe(200)
  })

  it('creates nominations of the parent entering its review (audited), once', async () => {
    const body = {
      childCampaignId: child.id,
      candidateIds: [childCand['金城甲'], childCand['金城丁']],
    }
    const res = await putForward(gansu, body)
    expect(res.statusCode, res.body).toBe(200)
    const created = res.json<{ created: { nominationId: string }[] }>().created
    expect(created).toHaveLength(2)
    const rows = await db()
      .selectFrom('campaign_nomination')
      .selectAll()
      .where('campaign_id', '=', parent.id)
      .execute()
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatchObject({
      status: 'submitted',
      review_level_org_id: t.orgId('甘肃省总工会'),
      review_reason: 'meets_criteria',
      reviewed_by: gansu.memberId,
    })
    expect(new Set(rows.map((r) => r.category_id)).size).toBe(2)
    expect(
      await auditRows(t, { action: 'campaign.nominations-put-forward', targetId: parent.id }),
    ).toHaveLength(1)

    const again = await putForward(gansu, body)
    expect(again.json()).toMatchObject({ created: [], skipped: [{}, {}] })
  })

  it('refuses non-winners, non-children, other orgs and bad input', async () => {
    expectError(
      await putForward(gansu, { childCampaignId: child.id, candidateIds: [childCand['金城丙']] }),
      409,
      'CAMPAIGN_NOT_WINNER',
    )
    expectError(
      await putForward(gansu, { childCampaignId: campaign.id, candidateIds: [cand['王建国']] }),
      409,
      'CAMPAIGN_NOT_CHILD',
    )
    expectError(
      await putForward(lanzhouStaff, {
        childCampaignId: child.id,
        candidateIds: [childCand['金城甲']],
      }),
      403,
      'ACCESS_DENIED',
    )
    expectError(
      await putForward(
        lanzhouStaff,
        { childCampaignId: child.id, candidateIds: [MISSING_ID] },
        szCampaign,
      ),
      403,
      'ACCESS_DENIED',
    )
    expectError(
      await putForward(gansu, { childCampaignId: child.id, candidateIds: [] }),
      400,
      'VALIDATION_FAILED',
    )
    expectError(
      await t.request({
        method: 'POST',
        url: `${base(parent)}/put-forward`,
        payload: { childCampaignId: child.id, candidateIds: [childCand['金城甲']] },
      }),
      401,
      'AUTH_REQUIRED',
    )
  })

  it('skips a winner already nominated in the parent under the same ID number', async () => {
    // 金城乙 was nominated in the parent with another mobile but the same ID number.
    const parentNomination = await db()
      .selectFrom('campaign_nomination')
      .selectAll()
      .where('campaign_id', '=', parent.id)
      .executeTakeFirstOrThrow()
    const idCardHash = `test-id-card-${parent.id}`
    const source = await db()
      .selectFrom('campaign_candidate')
      .select('nomination_id')
      .where('id', '=', childCand['金城乙']!)
      .executeTakeFirstOrThrow()
    await db()
      .updateTable('campaign_nomination')
      .set({ nominee_id_card_hash: idCardHash })
      .where('id', 'in', [parentNomination.id, source.nomination_id])
      .execute()

    const res = await putForward(gansu, {
      childCampaignId: child.id,
      candidateIds: [childCand['金城乙']],
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({
      created: [],
      skipped: [{ candidateId: childCand['金城乙'], nominationId: parentNomination.id }],
    })
  })

  it('only while the parent takes nominations (409)', async () => {
    await advanceTo(t, gansuCtx, parent, 'publicity')
    expectError(
      await putForward(gansu, { childCampaignId: child.id, candidateIds: [childCand['金城乙']] }),
      409,
      'CAMPAIGN_WRONG_PHASE',
    )
  })
})
