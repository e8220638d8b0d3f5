import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACCOUNTS, buildTestApp, type TestApp } from '../../../test/build-test-app'

/**
 * Links that leave the site (calendar feeds here; consent SMS and posters use the same helper)
 * point at PUBLIC_ORIGIN when it is set, whatever Host header the request carried.
 */
describe('public origin of links sent out of band', () => {
  let configured: TestApp
  let unset: TestApp
  beforeAll(async () => {
    ;[configured, unset] = await Promise.all([
      buildTestApp({ env: { PUBLIC_ORIGIN: 'https://gonghui.example.cn' } }),
      buildTestApp(),
    ])
  })
  afterAll(async () => {
    await Promise.all([configured.close(), unset.close()])
  })

  const feedUrl = async (t: TestApp) => {
    const s = await t.loginAs(ACCOUNTS.lanzhouStaff)
    const res = await s.request({
      method: 'GET',
      url: '/api/v1/my/shifts/feed-url',
      headers: { host: 'evil.example.com' },
    })
    expect(res.statusCode, res.body).toBe(200)
    return res.json<{ url: string }>().url
  }

  it('uses PUBLIC_ORIGIN, not a forged Host header', async () => {
    expect(new URL(await feedUrl(configured)).origin).toBe('https://gonghui.example.cn')
  })

  it('falls back to the origin the request reached when PUBLIC_ORIGIN is unset', async () => {
    expect(new URL(await feedUrl(unset)).origin).toBe('http://evil.example.com')
  })

  it('refuses a PUBLIC_ORIGIN with a path', async () => {
    await expect(
      buildTestApp({ env: { PUBLIC_ORIGIN: 'https://gonghui.example.cn/app' } }),
    ).rejects.toThrow(/PUBLIC_ORIGIN/)
  })
})
