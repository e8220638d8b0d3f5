/** The campaign demo data (demo/seed-campaigns.ts) reproduces the seed page, §1. */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { typed } from '../../../platform/db/create-db'
import { recount } from '../votes/recount'
import type { CampaignTables } from '../campaigns.tables'
import { ACCOUNTS, buildTestApp, type TestApp } from '../../../../test/build-test-app'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(() => t.close())

const q = () => typed<CampaignTables & { org: { id: string; name: string } }>(t.database.db)

it('reproduces the seed page: 陇原工匠 2020 announced, with its four sub-campaigns', async () => {
  const rows = await q()
    .selectFrom('campaign as c')
    .innerJoin('org as o', 'o.id', 'c.org_id')
    .select(['c.id', 'c.name', 'c.phase', 'c.year', 'c.parent_campaign_id', 'o.name as org'])
    .orderBy('c.created_at')
    .execute()
  const ly = rows.find((r) => r.name === '2020年“陇原工匠”评选')!
  expect(ly).toMatchObject({ org: '甘肃省总工会', phase: 'announced' })
  expect(
    rows
      .filter((r) => r.parent_campaign_id === ly.id)
      .map((r) => [r.org, r.name, r.phase])
      .sort(),
  ).toEqual(
    [
      ['兰州市总工会', '2020年“金城工匠”评选', 'announced'],
      ['武威市总工会', '2020年“天马工匠”评选', 'announced'],
      ['兰州铁路局工会', '2020年“兰铁工匠”评选', 'announced'],
      ['嘉峪关市总工会', '2020年“雄关工匠”评选', 'announced'],
    ].sort(),
  )
  expect(new Set(rows.map((r) => r.phase))).toEqual(new Set(['announced', 'nomination', 'voting']))

  const honours = await q()
    .selectFrom('campaign_honour')
    .selectAll()
    .where('campaign_id', '=', ly.id)
    .execute()
  expect(honours).toHaveLength(6)
  expect(honours.every((h) => h.member_id !== null && h.title === '陇原工匠')).toBe(true)
  // Its history carries 2020 dates like its ballots, not the day the demo was seeded.
  expect(honours.every((h) => h.awarded_at.startsWith('2020-05-12'))).toBe(true)
  const dates = await q()
    .selectFrom('campaign')
    .select(['rules_locked_at', 'announced_at'])
    .where('id', '=', ly.id)
    .executeTakeFirstOrThrow()
  expect(dates).toEqual({
    rules_locked_at: '2020-04-11T00:00:00.000Z',
    announced_at: '2020-05-12T00:00:00.000Z',
  })
  // The 50 % front-line quota holds in each category.
  const winners = await q()
    .selectFrom('campaign_candidate')
    .select(['category_id', 'is_front_line'])
    .where(
      'id',
      'in',
      honours.map((h) => h.candidate_id),
    )
    .execute()
  for (const cat of new Set(winners.map((w) => w.category_id))) {
    const inCat = winners.filter((w) => w.category_id === cat)
    expect(inCat.filter((w) => w.is_front_line === 1).length * 2).toBeGreaterThanOrEqual(
      inCat.length,
    )
  }
})

it('publishes 陇原工匠 2020 results and shows honours on the winners', async () => {
  const ly = await q()
    .selectFrom('campaign')
    .select('id')
    .where('name', '=', '2020年“陇原工匠”评选')
    .executeTakeFirstOrThrow()
  const res = await t.request({ method: 'GET', url: `/api/v1/public/campaigns/${ly.id}/results` })
  expect(res.statusCode, res.body).toBe(200)
  const body = res.json<{ invalidatedBallots: number; categories: { name: string }[] }>()
  expect(body.invalidatedBallots).toBe(40)
  expect(body.categories.map((c) => c.name)).toEqual(['技能工匠', '创新工匠'])

  const gansu = await t.loginAs(ACCOUNTS.gansuAdmin)
  const honour = await q()
    .selectFrom('campaign_honour')
    .select('member_id')
    .where('campaign_id', '=', ly.id)
    .executeTakeFirstOrThrow()
  const list = await gansu.request({
    method: 'GET',
    url: `/api/v1/campaigns/honours?memberId=${honour.member_id}`,
  })
  expect(list.json()).toMatchObject([{ title: '陇原工匠', year: 2020 }])
})

it('puts 金城工匠 2021 winners forward into 陇原工匠 2021 nominations', async () => {
  const ly2021 = await q()
    .selectFrom('campaign')
    .select(['id', 'phase'])
    .where('name', '=', '2021年“陇原工匠”评选')
    .executeTakeFirstOrThrow()
  expect(ly2021.phase).toBe('nomination')
  const noms = await q()
    .selectFrom('campaign_nomination')
    .select(['status', 'review_level_org_id'])
    .where('campaign_id', '=', ly2021.id)
    .execute()
  expect(noms).toHaveLength(2)
  expect(noms.every((n) => n.status === 'submitted')).toBe(true)
})

it('keeps every demo campaign consistent: a recount from the ballot log equals the counters', async () => {
  const campaigns = await q().selectFrom('campaign').select(['id', 'name']).execute()
  let ballots = 0
  for (const c of campaigns) {
    const result = await recount(t.database.db, c.id)
    expect(result.diffs, c.name).toEqual([])
    ballots += result.ballots
  }
  expect(ballots).toBeGreaterThan(1000)
})
