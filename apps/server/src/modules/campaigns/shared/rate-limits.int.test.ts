import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../../../../test/build-test-app'
import { typed } from '../../../platform/db/create-db'
import type { CampaignTables } from '../campaigns.tables'

/**
 * One factory's voters share one NAT address: the public campaign reads must not run into the
 * API-wide per-IP limit that protects everything else. The API limit is set low here (20 a
 * minute) so that a few dozen requests show the difference.
 */
describe('per-IP limits of the public vote flow', () => {
  let t: TestApp
  let campaignId: string
  beforeAll(async () => {
    t = await buildTestApp({ env: { RATE_LIMIT_PER_MINUTE: '20' } })
    // A demo campaign that is published (not draft) and so readable on the public routes.
    campaignId = (
      await typed<CampaignTables>(t.database.db)
        .selectFrom('campaign')
        .select('id')
        .where('phase', '!=', 'draft')
        .orderBy('created_at')
        .executeTakeFirstOrThrow()
    ).id
  })
  afterAll(() => t.close())

  const fromFactory = (url: string) =>
    t.request({ method: 'GET', url, remoteAddress: '10.20.30.40' })

  it('serves the campaign reads beyond the API-wide limit from one address', async () => {
    const base = `/api/v1/public/campaigns/${campaignId}`
    const urls = [base, `${base}/candidates`, `${base}/turnout`]
    const statuses: number[] = []
    for (let i = 0; i < 40; i++)
      statuses.push((await fromFactory(urls[i % urls.length]!)).statusCode)
    expect(statuses.filter((s) => s === 429)).toEqual([])
    expect(statuses.slice(0, 2)).toEqual([200, 200])
  })

  it('keeps the API-wide limit on the other routes', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 30; i++) statuses.push((await fromFactory('/api/v1/noop')).statusCode)
    expect(statuses.filter((s) => s === 200)).toHaveLength(20)
    expect(statuses.filter((s) => s === 429)).toHaveLength(10)
  })
})
