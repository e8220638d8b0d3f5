import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACCOUNTS, buildTestApp, type TestApp } from '../../../test/build-test-app'

/**
 * Which X-Forwarded-For the server believes decides the address that rate limits, ballot risk
 * signals and audit records see (deploy/nginx sets it at the edge, ADR 0023). Requests here come
 * from 127.0.0.1 (light-my-request's peer address); the sign-in audit record shows the address
 * the server settled on.
 */
describe('TRUST_PROXY', () => {
  let byAddress: TestApp
  let otherProxy: TestApp
  let none: TestApp
  beforeAll(async () => {
    ;[byAddress, otherProxy, none] = await Promise.all([
      buildTestApp({ env: { TRUST_PROXY: '127.0.0.1' } }),
      buildTestApp({ env: { TRUST_PROXY: '10.0.0.0/8' } }),
      buildTestApp({ env: { TRUST_PROXY: 'false' } }),
    ])
  })
  afterAll(async () => {
    await Promise.all([byAddress.close(), otherProxy.close(), none.close()])
  })

  const signedInFrom = async (t: TestApp) => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-forwarded-for': '203.0.113.7' },
      payload: { mobile: ACCOUNTS.lanzhouStaff, password: 'Demo@2026' },
    })
    expect(res.statusCode, res.body).toBe(200)
    const row = await t.database.db
      .selectFrom('audit_log')
      .select('ip')
      .where('action', '=', 'auth.signed-in')
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    return row.ip
  }

  it('believes X-Forwarded-For from a listed proxy', async () => {
    expect(await signedInFrom(byAddress)).toBe('203.0.113.7')
  })

  it('ignores it from a peer that is not a listed proxy', async () => {
    expect(await signedInFrom(otherProxy)).toBe('127.0.0.1')
  })

  it('ignores it when no proxy is trusted', async () => {
    expect(await signedInFrom(none)).toBe('127.0.0.1')
  })
})
