import type { MyWish } from '@unionhall/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memberSession, wishBody } from '../src/modules/wishes/wishes.fixtures.test-helpers'
import { ACCOUNTS, buildTestApp, type TestApp, type TestSession } from './build-test-app'
import { auditCount, expectError } from './helpers'

/**
 * Text with a control character is refused on every route before it reaches a service
 * (platform/http/unstorable-text.ts). On PostgreSQL a NUL in a wish title used to fail the
 * insert and answer 500; on both engines the answer is now 400 and nothing is written.
 */
let t: TestApp
let worker: TestSession
let admin: TestSession

beforeAll(async () => {
  t = await buildTestApp()
  worker = (await memberSession(t, '龙岗区建筑行业工联会', '何建华')).session
  admin = await t.loginAs(ACCOUNTS.platformAdmin)
})
afterAll(() => t.close())

const myWishes = async () =>
  (await worker.request({ method: 'GET', url: '/api/v1/my/wishes' })).json<{ items: MyWish[] }>()
    .items.length

describe('unstorable characters in request text', () => {
  it('refuses a NUL in a wish title with 400 and stores nothing', async () => {
    const before = await myWishes()
    const audits = await auditCount(t)
    const res = await worker.request({
      method: 'POST',
      url: '/api/v1/my/wishes',
      payload: wishBody({ title: '想要\u0000一双劳保鞋' }),
    })
    const error = expectError(res, 400, 'TEXT_INVALID_CHARACTER')
    expect(error.details).toEqual([{ path: 'body.title' }])
    expect(error.message).toContain('无法保存的字符')
    expect(await myWishes()).toBe(before)
    expect(await auditCount(t)).toBe(audits)
  })

  it('refuses ESC and backspace the same way, wherever they sit in the body', async () => {
    const esc = await worker.request({
      method: 'POST',
      url: '/api/v1/my/wishes',
      payload: wishBody({ description: '颜色\u001b[31m红' }),
    })
    expect(expectError(esc, 400, 'TEXT_INVALID_CHARACTER').details).toEqual([
      { path: 'body.description' },
    ])
    const org = await admin.request({
      method: 'POST',
      url: '/api/v1/orgs',
      payload: {
        name: '新\u0008工会',
        kind: 'enterprise_union',
        parentId: t.orgId('兰州市总工会'),
      },
    })
    expectError(org, 400, 'TEXT_INVALID_CHARACTER')
  })

  it('refuses U+FFFF and a lone surrogate, which would break every .xlsx export holding them', async () => {
    const before = await myWishes()
    for (const title of ['想要\uffff手套', '想要\ud800手套']) {
      const res = await worker.request({
        method: 'POST',
        url: '/api/v1/my/wishes',
        payload: wishBody({ title }),
      })
      expect(expectError(res, 400, 'TEXT_INVALID_CHARACTER').details).toEqual([
        { path: 'body.title' },
      ])
    }
    expect(await myWishes()).toBe(before)
  })

  it('keeps tabs and line breaks, which people type', async () => {
    const res = await worker.request({
      method: 'POST',
      url: '/api/v1/my/wishes',
      payload: wishBody({ description: '第一行\n第二行\r\n\t缩进的一行' }),
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json<MyWish>().description).toBe('第一行\n第二行\r\n\t缩进的一行')
  })

  it('refuses a control character in a query string or a path', async () => {
    const q = await t.request({ method: 'GET', url: '/api/v1/public/stations/places?q=%00abc' })
    expect(expectError(q, 400, 'TEXT_INVALID_CHARACTER').details).toEqual([
      { path: 'querystring.q' },
    ])
    const p = await t.request({ method: 'GET', url: '/api/v1/public/stations/ab%01cd' })
    expectError(p, 400, 'TEXT_INVALID_CHARACTER')
  })

  it('answers in English when asked', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/noop',
      headers: { 'accept-language': 'en' },
      payload: { value: 'x\u0007' },
    })
    expect(expectError(res, 400, 'TEXT_INVALID_CHARACTER').message).toContain('cannot be stored')
  })
})
