import type { Campaign } from '@unionhall/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ACCOUNTS,
  buildTestApp,
  type TestApp,
  type TestSession,
} from '../../../../test/build-test-app'
import { advanceTo, makeCampaign } from '../../../../test/factories/campaigns'
import { ctxAs } from '../../../../test/factories/orgs'
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
