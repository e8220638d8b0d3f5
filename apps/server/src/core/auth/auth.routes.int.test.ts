import { ROLE_PERMISSIONS, type Session } from '@unionhall/contracts'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  ACCOUNTS,
  buildTestApp,
  cookieValue,
  type TestApp,
  type TestSession,
} from '../../../test/build-test-app'
import { freshMobile, makeMember } from '../../../test/factories/members'
import { ctxAs } from '../../../test/factories/orgs'
import { auditRows, expectError, expireSessionsOf, waitForOtpAttempts } from '../../../test/helpers'
import { DEMO_PASSWORD } from '../../demo/seed-demo'
import { SESSION_COOKIE, SIGNED_IN_COOKIE } from './auth.service'

let t: TestApp
let admin: TestSession

// Three failures lock an account, so the throttle test stays short.
beforeAll(async () => {
  t = await buildTestApp({ env: { LOGIN_MAX_FAILURES: '3', SESSION_TTL_HOURS: '2' } })
  admin = await t.loginAs(ACCOUNTS.platformAdmin)
})
afterAll(() => t.close())
afterEach(() => {
  vi.useRealTimers()
})

const login = (mobile: string, password: string) =>
  t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { mobile, password } })

/** A member with a password of their own, at 兰州市总工会. */
const makeAccount = async (password = 'Secret#2026') => {
  const mobile = freshMobile()
  const ctx = await ctxAs(t, admin.memberId)
  const member = await makeMember(t, ctx, { orgId: t.orgId('兰州市总工会'), mobile, password })
  return { mobile, password, member }
}

const sessionOf = (res: Awaited<ReturnType<typeof login>>) => ({
  cookie: cookieValue(res, SESSION_COOKIE)!,
  csrf: res.json<Session>().csrfToken,
})

describe('POST /api/v1/auth/login', () => {
  it('signs in, sets an httpOnly SameSite=Lax cookie and audits auth.signed-in', async () => {
    const res = await login(ACCOUNTS.lanzhouStaff, DEMO_PASSWORD)

    expect(res.statusCode).toBe(200)
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
    expect(cookie.secure).toBeFalsy()
    const session = res.json<Session>()
    expect(session.member).toMatchObject({ name: '兰州市总工会干部', orgName: '兰州市总工会' })
    expect(session.grants).toEqual([
      {
        orgId: t.orgId('兰州市总工会'),
        orgName: '兰州市总工会',
        role: 'staff',
        permissions: [...ROLE_PERMISSIONS.staff],
      },
    ])
    expect(session.csrfToken.length).toBeGreaterThan(20)
    expect(Date.parse(session.expiresAt) - Date.now()).toBeGreaterThan(2 * 3_600_000 - 60_000)
    expect(
      (await auditRows(t, { action: 'auth.signed-in', targetId: session.member.id })).length,
    ).toBeGreaterThan(0)
  })

  it('answers 401 AUTH_INVALID_CREDENTIALS for a wrong password and for an unknown mobile', async () => {
    expectError(await login(ACCOUNTS.gansuAdmin, 'wrong-password'), 401, 'AUTH_INVALID_CREDENTIALS')
    expectError(await login('13311112222', DEMO_PASSWORD), 401, 'AUTH_INVALID_CREDENTIALS')
  })

  it('throttles an account after LOGIN_MAX_FAILURES failures (429 AUTH_THROTTLED), even with the right password', async () => {
    const { mobile, password } = await makeAccount()
    for (let i = 0; i < 3; i++) expectError(await login(mobile, 'nope'), 401)

    const blocked = await login(mobile, password)

    const error = expectError(blocked, 429, 'AUTH_THROTTLED')
    expect((error.details as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0)
    // Other accounts from the same address still sign in.
    expect((await login(ACCOUNTS.beijingCounsellor, DEMO_PASSWORD)).statusCode).toBe(200)
  })

  it('counts guesses sent all at once before checking any: only LOGIN_MAX_FAILURES are tried', async () => {
    const { mobile, password } = await makeAccount()
    const answers = await Promise.all([
      ...Array.from({ length: 11 }, () => login(mobile, 'nope')),
      login(mobile, password),
    ])
    const statuses = answers.map((a) => a.statusCode)
    // Three checked (each a 401, or the right one signing in), the rest refused unchecked.
    expect(statuses.filter((s) => s === 401 || s === 200).length).toBe(3)
    expect(statuses.filter((s) => s === 429).length).toBe(9)
    if (!statuses.includes(200)) expectError(await login(mobile, password), 429, 'AUTH_THROTTLED')
  })

  it('the right password after a few wrong ones signs in and clears the count', async () => {
    const { mobile, password } = await makeAccount()
    for (let i = 0; i < 2; i++) expectError(await login(mobile, 'nope'), 401)
    expect((await login(mobile, password)).statusCode).toBe(200)
    for (let i = 0; i < 2; i++) expectError(await login(mobile, 'nope'), 401)
    expect((await login(mobile, password)).statusCode).toBe(200)
  })

  it('refuses a suspended account (403 AUTH_ACCOUNT_INACTIVE)', async () => {
    const { mobile, password, member } = await makeAccount()
    await admin.request({
      method: 'PATCH',
      url: `/api/v1/members/${member.id}`,
      payload: { status: 'suspended' },
    })

    expectError(await login(mobile, password), 403, 'AUTH_ACCOUNT_INACTIVE')
  })

  it('ends the sessions of a member suspended while signed in, at once (not when the cache expires)', async () => {
    const { mobile, password, member } = await makeAccount()
    const session = await t.loginAs(mobile, password)
    // Twice: the second answer comes from the session cache.
    for (let i = 0; i < 2; i++)
      expect(
        (await session.request({ method: 'GET', url: '/api/v1/auth/session' })).statusCode,
      ).toBe(200)
    const suspend = await admin.request({
      method: 'PATCH',
      url: `/api/v1/members/${member.id}`,
      payload: { status: 'suspended' },
    })
    expect(suspend.statusCode, suspend.body).toBe(200)
    expect((await session.request({ method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(
      401,
    )
  })
})

describe('GET /api/v1/auth/session and POST /api/v1/auth/logout', () => {
  it('returns the current session with the same CSRF token', async () => {
    const staff = await t.loginAs(ACCOUNTS.lanzhouStaff)

    const res = await staff.request({ method: 'GET', url: '/api/v1/auth/session' })

    expect(res.statusCode).toBe(200)
    expect(res.json<Session>()).toMatchObject({
      csrfToken: staff.csrfToken,
      member: { id: staff.memberId },
    })
  })

  it('sets the readable signed-in marker with the session, expiring with it, and never the token', async () => {
    const res = await login(ACCOUNTS.longgangStaff, DEMO_PASSWORD)
    const session = res.cookies.find((c) => c.name === SESSION_COOKIE)!
    const marker = res.cookies.find((c) => c.name === SIGNED_IN_COOKIE)!
    expect(session.httpOnly).toBe(true)
    expect(marker).toMatchObject({ value: '1', path: '/', sameSite: 'Lax' })
    expect(marker.httpOnly).toBeFalsy()
    expect(marker.expires?.getTime()).toBe(session.expires?.getTime())

    // A session begun before the marker existed gets it when it asks for itself.
    const again = await t.request({
      method: 'GET',
      url: '/api/v1/auth/session',
      cookies: { [SESSION_COOKIE]: session.value },
    })
    expect(again.statusCode).toBe(200)
    expect(again.cookies.find((c) => c.name === SIGNED_IN_COOKIE)?.value).toBe('1')
    const withMarker = await t.request({
      method: 'GET',
      url: '/api/v1/auth/session',
      cookies: { [SESSION_COOKIE]: session.value, [SIGNED_IN_COOKIE]: '1' },
    })
    expect(withMarker.cookies.find((c) => c.name === SIGNED_IN_COOKIE)).toBeUndefined()
  })

  it('answers 401 AUTH_REQUIRED without a cookie and 401 for an unknown cookie', async () => {
    expectError(
      await t.request({ method: 'GET', url: '/api/v1/auth/session' }),
      401,
      'AUTH_REQUIRED',
    )
    const unknown = await t.request({
      method: 'GET',
      url: '/api/v1/auth/session',
      cookies: { [SESSION_COOKIE]: 'x'.repeat(43) },
    })
    expect(unknown.statusCode).toBe(401)
  })

  it('logs out: the cookie is cleared, the session ends and auth.signed-out is audited', async () => {
    const { cookie, csrf } = sessionOf(await login(ACCOUNTS.longgangStaff, DEMO_PASSWORD))

    const res = await t.request({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookies: { [SESSION_COOKIE]: cookie },
      headers: { 'x-csrf-token': csrf },
    })

    expect(res.statusCode).toBe(200)
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('')
    expect(res.cookies.find((c) => c.name === SIGNED_IN_COOKIE)?.value).toBe('')
    const after = await t.request({
      method: 'GET',
      url: '/api/v1/auth/session',
      cookies: { [SESSION_COOKIE]: cookie },
    })
    expectError(after, 401)
    expect((await auditRows(t, { action: 'auth.signed-out' })).length).toBe(1)
  })

  it('answers 401 AUTH_SESSION_EXPIRED once the session has expired, and clears the cookie', async () => {
    const { member, mobile, password } = await makeAccount()
    const { cookie } = sessionOf(await login(mobile, password))
    await expireSessionsOf(t, member.id)
    // Authenticated sessions are cached for 15 s; step past the cache.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 20_000 })

    const res = await t.request({
      method: 'GET',
      url: '/api/v1/auth/session',
      cookies: { [SESSION_COOKIE]: cookie },
    })

    expectError(res, 401, 'AUTH_SESSION_EXPIRED')
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('')
    expect(res.cookies.find((c) => c.name === SIGNED_IN_COOKIE)?.value).toBe('')
  })

  it('expires a session after SESSION_TTL_HOURS by the clock alone', async () => {
    const { mobile, password } = await makeAccount()
    const { cookie } = sessionOf(await login(mobile, password))
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2 * 3_600_000 + 1_000 })

    const res = await t.request({
      method: 'GET',
      url: '/api/v1/auth/session',
      cookies: { [SESSION_COOKIE]: cookie },
    })

    expectError(res, 401, 'AUTH_SESSION_EXPIRED')
  })
})

describe('CSRF', () => {
  it('refuses a write without x-csrf-token (403 CSRF_INVALID) and with a wrong one', async () => {
    const staff = await t.loginAs(ACCOUNTS.lanzhouStaff)
    const createdBefore = (await auditRows(t, { action: 'member.created' })).length
    const write = {
      method: 'POST' as const,
      url: '/api/v1/members',
      cookies: { [SESSION_COOKIE]: staff.cookie },
      payload: { orgId: t.orgId('兰州市总工会'), name: '跨站', mobile: freshMobile() },
    }

    expectError(await t.request(write), 403, 'CSRF_INVALID')
    expectError(
      await t.request({ ...write, headers: { 'x-csrf-token': 'forged' } }),
      403,
      'CSRF_INVALID',
    )
    const ok = await t.request({ ...write, headers: { 'x-csrf-token': staff.csrfToken } })
    expect(ok.statusCode).toBe(201)
    // Only the request with the right token created a member.
    expect(await auditRows(t, { action: 'member.created' })).toHaveLength(createdBefore + 1)
  })

  it('does not ask for the token on reads', async () => {
    const staff = await t.loginAs(ACCOUNTS.lanzhouStaff)

    const res = await t.request({
      method: 'GET',
      url: '/api/v1/auth/session',
      cookies: { [SESSION_COOKIE]: staff.cookie },
    })

    expect(res.statusCode).toBe(200)
  })
})

describe('POST /api/v1/auth/password', () => {
  it('changes the password, ends my other sessions and keeps this one', async () => {
    const { mobile, password, member } = await makeAccount()
    const first = sessionOf(await login(mobile, password))
    const other = sessionOf(await login(mobile, password))

    const res = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      cookies: { [SESSION_COOKIE]: first.cookie },
      headers: { 'x-csrf-token': first.csrf },
      payload: { currentPassword: password, newPassword: 'NewSecret#2027' },
    })

    expect(res.statusCode, res.body).toBe(200)
    const session = (cookie: string) =>
      t.request({
        method: 'GET',
        url: '/api/v1/auth/session',
        cookies: { [SESSION_COOKIE]: cookie },
      })
    expect((await session(first.cookie)).statusCode).toBe(200)
    expectError(await session(other.cookie), 401)
    expectError(await login(mobile, password), 401, 'AUTH_INVALID_CREDENTIALS')
    expect((await login(mobile, 'NewSecret#2027')).statusCode).toBe(200)
    const [audit] = await auditRows(t, { action: 'auth.password-changed', targetId: member.id })
    expect(JSON.parse(audit!.summary)).toEqual({ otherSessionsEnded: 1 })
    expect(audit!.summary).not.toContain('NewSecret')
  })

  it('refuses a wrong current password (400 AUTH_WRONG_PASSWORD)', async () => {
    const { mobile, password } = await makeAccount()
    const s = sessionOf(await login(mobile, password))

    const res = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      cookies: { [SESSION_COOKIE]: s.cookie },
      headers: { 'x-csrf-token': s.csrf },
      payload: { currentPassword: 'not-it', newPassword: 'NewSecret#2027' },
    })

    expectError(res, 400, 'AUTH_WRONG_PASSWORD')
  })
})

describe('POST /api/v1/auth/otp and /register', () => {
  const lastCode = (mobile: string) => {
    const msg = [...t.sms.outbox].reverse().find((m) => m.mobile === mobile)
    return /(\d{6})/.exec(msg?.text ?? '')?.[1]
  }

  it('sends a code by SMS, limits resends, and registers a worker with it', async () => {
    const mobile = freshMobile()

    const sent = await t.request({
      method: 'POST',
      url: '/api/v1/auth/otp',
      payload: { mobile, purpose: 'register' },
    })
    const again = await t.request({
      method: 'POST',
      url: '/api/v1/auth/otp',
      payload: { mobile, purpose: 'register' },
    })

    expect(sent.json()).toEqual({ ok: true })
    expectError(again, 429, 'OTP_TOO_FREQUENT')
    const code = lastCode(mobile)!
    expect(code).toMatch(/^\d{6}$/)
    expect(await auditRows(t, { action: 'auth.otp-sent' })).not.toHaveLength(0)
    const body = {
      name: '自助注册',
      mobile,
      password: 'Worker#2026',
      orgId: t.orgId('兰州铁路局工会'),
    }
    const wrongCode = code === '000000' ? '111111' : '000000'
    expectError(
      await t.request({
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: { ...body, otpCode: wrongCode },
      }),
      400,
      'OTP_INVALID',
    )

    const res = await t.request({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { ...body, otpCode: code },
    })

    expect(res.statusCode, res.body).toBe(201)
    const session = res.json<Session>()
    expect(session.member).toMatchObject({ name: '自助注册', orgName: '兰州铁路局工会' })
    expect(session.grants).toEqual([])
    expect(cookieValue(res, SESSION_COOKIE)).toBeTruthy()
    expect(
      await auditRows(t, { action: 'member.registered', targetId: session.member.id }),
    ).toHaveLength(1)
    expect((await login(mobile, 'Worker#2026')).statusCode).toBe(200)
    // The code is spent.
    expectError(
      await t.request({
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: { ...body, mobile, otpCode: code },
      }),
      400,
      'OTP_INVALID',
    )
  })

  it('spends a code after 5 wrong guesses, and keeps serving requests meanwhile', async () => {
    const mobile = freshMobile()
    await t.request({
      method: 'POST',
      url: '/api/v1/auth/otp',
      payload: { mobile, purpose: 'register' },
    })
    const code = lastCode(mobile)!
    const wrong = code === '000000' ? '111111' : '000000'
    const register = (otpCode: string) =>
      t.request({
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: {
          name: '猜码者',
          mobile,
          password: 'Worker#2026',
          orgId: t.orgId('兰州市总工会'),
          otpCode,
        },
      })

    for (let i = 0; i < 5; i++) expectError(await register(wrong), 400, 'OTP_INVALID')
    expect(await waitForOtpAttempts(t, mobile, 5)).toBe(5)

    expectError(await register(code), 400, 'OTP_INVALID')
    expect((await t.request({ method: 'GET', url: '/healthz' })).statusCode).toBe(200)
  })

  it('refuses registration at an archived org (409 ORG_ARCHIVED)', async () => {
    const created = await admin.request({
      method: 'POST',
      url: '/api/v1/orgs',
      payload: { parentId: t.orgId('北京市总工会'), name: '已撤销工会', kind: 'other' },
    })
    const orgId = created.json<{ id: string }>().id
    await admin.request({ method: 'POST', url: `/api/v1/orgs/${orgId}/archive` })
    const mobile = freshMobile()
    await t.request({
      method: 'POST',
      url: '/api/v1/auth/otp',
      payload: { mobile, purpose: 'register' },
    })

    const res = await t.request({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: {
        name: '注册失败',
        mobile,
        password: 'Worker#2026',
        orgId,
        otpCode: lastCode(mobile),
      },
    })

    expectError(res, 409, 'ORG_ARCHIVED')
  })
})

describe('POST /api/v1/auth/password/reset (a forgotten password)', () => {
  const lastCode = (mobile: string) => {
    const msg = [...t.sms.outbox].reverse().find((m) => m.mobile === mobile)
    return /(\d{6})/.exec(msg?.text ?? '')?.[1]
  }
  const sentTo = (mobile: string) => t.sms.outbox.filter((m) => m.mobile === mobile).length
  const reset = (body: object) =>
    t.request({ method: 'POST', url: '/api/v1/auth/password/reset', payload: body })
  const sessionWith = (cookie: string) =>
    t.request({ method: 'GET', url: '/api/v1/auth/session', cookies: { [SESSION_COOKIE]: cookie } })

  it('sets a new password with an SMS code: every session ends, a new one starts, the lockout lifts', async () => {
    const { mobile, password, member } = await makeAccount()
    const a = sessionOf(await login(mobile, password))
    const b = sessionOf(await login(mobile, password))
    // Five wrong guesses lock the account, as for a worker who forgot the password.
    for (let i = 0; i < 5; i++) await login(mobile, 'not-my-password')
    expectError(await login(mobile, password), 429, 'AUTH_THROTTLED')

    const otp = await t.request({
      method: 'POST',
      url: '/api/v1/auth/otp',
      payload: { mobile, purpose: 'reset' },
    })
    expect(otp.json()).toEqual({ ok: true })
    const code = lastCode(mobile)!
    const wrong = code === '000000' ? '111111' : '000000'
    const newPassword = 'Remembered#2027'
    expectError(await reset({ mobile, otpCode: wrong, newPassword }), 400, 'OTP_INVALID')
    expect((await sessionWith(a.cookie)).statusCode).toBe(200)

    const res = await reset({ mobile, otpCode: code, newPassword })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json<Session>().member.id).toBe(member.id)
    const fresh = cookieValue(res, SESSION_COOKIE)!
    expect(res.cookies.find((c) => c.name === SIGNED_IN_COOKIE)?.value).toBe('1')
    expect((await sessionWith(fresh)).statusCode).toBe(200)
    for (const old of [a, b]) expect((await sessionWith(old.cookie)).statusCode).toBe(401)
    expect((await login(mobile, newPassword)).statusCode).toBe(200)
    expectError(await login(mobile, password), 401, 'AUTH_INVALID_CREDENTIALS')
    const [audit] = await auditRows(t, { action: 'auth.password-reset', targetId: member.id })
    expect(JSON.parse(audit!.summary)).toEqual({ sessionsEnded: 2 })
    // The code is spent.
    expectError(
      await reset({ mobile, otpCode: code, newPassword: 'Another#2028' }),
      400,
      'OTP_INVALID',
    )
  })

  it('says before sending a code that a number has no account, or already has one', async () => {
    const unknown = freshMobile()
    expectError(
      await t.request({
        method: 'POST',
        url: '/api/v1/auth/otp',
        payload: { mobile: unknown, purpose: 'reset' },
      }),
      404,
      'AUTH_MOBILE_NOT_REGISTERED',
    )
    expect(sentTo(unknown)).toBe(0)
    expectError(
      await reset({ mobile: unknown, otpCode: '123456', newPassword: 'Whatever#1' }),
      400,
      'OTP_INVALID',
    )

    const { mobile } = await makeAccount()
    expectError(
      await t.request({
        method: 'POST',
        url: '/api/v1/auth/otp',
        payload: { mobile, purpose: 'register' },
      }),
      409,
      'MEMBER_MOBILE_TAKEN',
    )
    expect(sentTo(mobile)).toBe(0)
  })

  it('refuses a suspended account, changing nothing', async () => {
    const { mobile, member } = await makeAccount()
    await admin.request({
      method: 'PATCH',
      url: `/api/v1/members/${member.id}`,
      payload: { status: 'suspended' },
    })
    await t.request({
      method: 'POST',
      url: '/api/v1/auth/otp',
      payload: { mobile, purpose: 'reset' },
    })
    expectError(
      await reset({ mobile, otpCode: lastCode(mobile), newPassword: 'Suspended#2027' }),
      403,
      'AUTH_ACCOUNT_INACTIVE',
    )
    expect(await auditRows(t, { action: 'auth.password-reset', targetId: member.id })).toHaveLength(
      0,
    )
  })
})

describe('POST /api/v1/auth/login/otp (sign-in with an SMS code)', () => {
  // Code requests here come from their own address, so they leave the shared one's 20 an hour
  // to the other tests.
  const FROM = '198.51.100.10'
  const requestCode = (mobile: string, purpose: string, remoteAddress = FROM) =>
    t.request({
      method: 'POST',
      url: '/api/v1/auth/otp',
      remoteAddress,
      payload: { mobile, purpose },
    })
  const lastCode = (mobile: string) => {
    const msg = [...t.sms.outbox].reverse().find((m) => m.mobile === mobile)
    return /(\d{6})/.exec(msg?.text ?? '')?.[1]
  }
  const sentTo = (mobile: string) => t.sms.outbox.filter((m) => m.mobile === mobile).length
  const otherThan = (code: string) => (code === '000000' ? '111111' : '000000')
  const loginOtp = (mobile: string, otpCode: string | undefined) =>
    t.request({ method: 'POST', url: '/api/v1/auth/login/otp', payload: { mobile, otpCode } })
  const sessionWith = (cookie: string) =>
    t.request({ method: 'GET', url: '/api/v1/auth/session', cookies: { [SESSION_COOKIE]: cookie } })
  const signIns = async (memberId: string) =>
    (await auditRows(t, { action: 'auth.signed-in', targetId: memberId })).map(
      (r) => JSON.parse(r.summary) as unknown,
    )

  it('signs in with a login code like a password does: cookies, CSRF token, session, audit', async () => {
    const { mobile, member } = await makeAccount()

    const sent = await requestCode(mobile, 'login')
    expect(sent.statusCode, sent.body).toBe(200)
    expect(sent.json()).toEqual({ ok: true })
    const code = lastCode(mobile)!
    expect(code).toMatch(/^\d{6}$/)
    const otpSent = await auditRows(t, { action: 'auth.otp-sent' })
    expect(JSON.parse(otpSent.at(-1)!.summary)).toEqual({ purpose: 'login' })

    const res = await loginOtp(mobile, code)

    expect(res.statusCode, res.body).toBe(200)
    const session = res.json<Session>()
    expect(session.member).toMatchObject({ id: member.id, orgName: '兰州市总工会' })
    expect(session.csrfToken.length).toBeGreaterThan(20)
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
    const marker = res.cookies.find((c) => c.name === SIGNED_IN_COOKIE)!
    expect(marker.value).toBe('1')
    expect(marker.httpOnly).toBeFalsy()
    expect(marker.expires?.getTime()).toBe(cookie.expires?.getTime())
    const again = await sessionWith(cookie.value)
    expect(again.statusCode).toBe(200)
    expect(again.json<Session>()).toMatchObject({
      member: { id: member.id },
      csrfToken: session.csrfToken,
    })
    // The CSRF token works for writes, as after a password sign-in.
    const out = await t.request({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookies: { [SESSION_COOKIE]: cookie.value },
      headers: { 'x-csrf-token': session.csrfToken },
    })
    expect(out.statusCode).toBe(200)
    expect(await signIns(member.id)).toEqual([{ method: 'otp' }])
    const [audit] = await auditRows(t, { action: 'auth.signed-in', targetId: member.id })
    expect(audit!.actor_member_id).toBe(member.id)
    expect(audit!.summary).not.toContain(code)
  })

  it('records the password sign-in as method password, beside the code one', async () => {
    const { mobile, password, member } = await makeAccount()
    expect((await login(mobile, password)).statusCode).toBe(200)
    await requestCode(mobile, 'login')
    expect((await loginOtp(mobile, lastCode(mobile))).statusCode).toBe(200)

    expect(await signIns(member.id)).toEqual([{ method: 'password' }, { method: 'otp' }])
  })

  it('spends the code: using it again is refused (400 OTP_INVALID)', async () => {
    const { mobile } = await makeAccount()
    await requestCode(mobile, 'login')
    const code = lastCode(mobile)!
    expect((await loginOtp(mobile, code)).statusCode).toBe(200)

    const reused = await loginOtp(mobile, code)

    expectError(reused, 400, 'OTP_INVALID')
    expect(cookieValue(reused, SESSION_COOKIE)).toBeUndefined()
  })

  it('signs in once when the same code arrives several times at once', async () => {
    const { mobile, member } = await makeAccount()
    await requestCode(mobile, 'login')
    const code = lastCode(mobile)!

    const answers = await Promise.all(Array.from({ length: 6 }, () => loginOtp(mobile, code)))

    const statuses = answers.map((a) => a.statusCode).sort()
    expect(statuses).toEqual([200, 400, 400, 400, 400, 400])
    expect(await signIns(member.id)).toEqual([{ method: 'otp' }])
  })

  it('refuses a wrong code, changing nothing, and spends the code after 5 wrong guesses', async () => {
    const { mobile, member } = await makeAccount()
    await requestCode(mobile, 'login')
    const code = lastCode(mobile)!

    const wrong = await loginOtp(mobile, otherThan(code))

    expectError(wrong, 400, 'OTP_INVALID')
    expect(wrong.cookies.map((c) => c.name)).not.toContain(SESSION_COOKIE)
    expect(await signIns(member.id)).toEqual([])
    // Still unspent after one wrong guess.
    expect(await waitForOtpAttempts(t, mobile, 1)).toBe(1)
    expect((await loginOtp(mobile, code)).statusCode).toBe(200)

    // A fresh code (the resend wait stepped past) takes 5 guesses, then not even the right one.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61_000 })
    await requestCode(mobile, 'login')
    const next = lastCode(mobile)!
    for (let i = 0; i < 5; i++)
      expectError(await loginOtp(mobile, otherThan(next)), 400, 'OTP_INVALID')
    expect(await waitForOtpAttempts(t, mobile, 5)).toBe(5)
    expectError(await loginOtp(mobile, next), 400, 'OTP_INVALID')
    expect(await signIns(member.id)).toEqual([{ method: 'otp' }])
  })

  it('takes only a code sent for sign-in: a register or reset code is refused', async () => {
    // A register code, sent while the number had no account, which it has since.
    const mobile = freshMobile()
    expect((await requestCode(mobile, 'register')).statusCode).toBe(200)
    const registerCode = lastCode(mobile)!
    const ctx = await ctxAs(t, admin.memberId)
    const member = await makeMember(t, ctx, { orgId: t.orgId('兰州市总工会'), mobile })
    expectError(await loginOtp(mobile, registerCode), 400, 'OTP_INVALID')

    expect((await requestCode(mobile, 'reset')).statusCode).toBe(200)
    const resetCode = lastCode(mobile)!
    expectError(await loginOtp(mobile, resetCode), 400, 'OTP_INVALID')
    expect(await signIns(member.id)).toEqual([])

    // The number itself may sign in, with a code sent for that.
    expect((await requestCode(mobile, 'login')).statusCode).toBe(200)
    const res = await loginOtp(mobile, lastCode(mobile))
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json<Session>().member.id).toBe(member.id)
  })

  it('a login code does not reset a password', async () => {
    const { mobile, password } = await makeAccount()
    await requestCode(mobile, 'login')
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password/reset',
      payload: { mobile, otpCode: lastCode(mobile), newPassword: 'Hijacked#2027' },
    })
    expectError(res, 400, 'OTP_INVALID')
    expect((await login(mobile, password)).statusCode).toBe(200)
  })

  it('refuses a suspended account after the code (403 AUTH_ACCOUNT_INACTIVE), signing nothing in', async () => {
    const { mobile, member } = await makeAccount()
    const suspend = await admin.request({
      method: 'PATCH',
      url: `/api/v1/members/${member.id}`,
      payload: { status: 'suspended' },
    })
    expect(suspend.statusCode, suspend.body).toBe(200)
    // As for a reset, a code goes to a suspended account's number.
    expect((await requestCode(mobile, 'login')).statusCode).toBe(200)
    const code = lastCode(mobile)!
    // Without the right code nothing is said about the account.
    expectError(await loginOtp(mobile, otherThan(code)), 400, 'OTP_INVALID')

    const res = await loginOtp(mobile, code)

    expectError(res, 403, 'AUTH_ACCOUNT_INACTIVE')
    expect(res.cookies.map((c) => c.name)).not.toContain(SESSION_COOKIE)
    expect(await signIns(member.id)).toEqual([])
  })

  it('says a number has no account when a code is asked for, as a reset does, and sends none', async () => {
    const unknown = freshMobile()

    expectError(await requestCode(unknown, 'login'), 404, 'AUTH_MOBILE_NOT_REGISTERED')

    expect(sentTo(unknown)).toBe(0)
    expectError(await loginOtp(unknown, '123456'), 400, 'OTP_INVALID')
  })

  it('limits code requests as for the other purposes: one a minute per number, 20 an hour per address', async () => {
    const { mobile } = await makeAccount()
    expect((await requestCode(mobile, 'login')).statusCode).toBe(200)

    const again = await requestCode(mobile, 'login')

    const error = expectError(again, 429, 'OTP_TOO_FREQUENT')
    expect((error.details as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(50)
    expect(sentTo(mobile)).toBe(1)

    // One address: every ask counts, answered or not, up to 20 an hour.
    const crowd = '198.51.100.20'
    for (let i = 0; i < 20; i++) await requestCode(freshMobile(), 'login', crowd)
    const { mobile: other } = await makeAccount()
    expectError(await requestCode(other, 'login', crowd), 429, 'OTP_TOO_FREQUENT')
    expect(sentTo(other)).toBe(0)
    // Another address is not held back by that one.
    expect((await requestCode(other, 'login')).statusCode).toBe(200)
  })
})

describe('access and validation', () => {
  it('answers 401 without a session on the member-only auth routes', async () => {
    for (const r of [
      { method: 'GET' as const, url: '/api/v1/auth/session' },
      { method: 'POST' as const, url: '/api/v1/auth/logout' },
      {
        method: 'POST' as const,
        url: '/api/v1/auth/password',
        payload: { currentPassword: 'a', newPassword: 'abcdefgh' },
      },
    ])
      expectError(await t.request(r), 401, 'AUTH_REQUIRED')
  })

  it.each([
    ['login: bad mobile', '/login', { mobile: '123', password: 'x' }],
    ['login: empty password', '/login', { mobile: '13800000000', password: '' }],
    ['login: unknown field', '/login', { mobile: '13800000000', password: 'x', remember: true }],
    ['login: missing password', '/login', { mobile: '13800000000' }],
    ['otp: unknown purpose', '/otp', { mobile: '13800000000', purpose: 'signin' }],
    ['login/otp: 5-digit code', '/login/otp', { mobile: '13800000000', otpCode: '12345' }],
    ['login/otp: letters in the code', '/login/otp', { mobile: '13800000000', otpCode: '12345a' }],
    ['login/otp: missing code', '/login/otp', { mobile: '13800000000' }],
    ['login/otp: bad mobile', '/login/otp', { mobile: '1380000', otpCode: '123456' }],
    [
      'login/otp: unknown field',
      '/login/otp',
      { mobile: '13800000000', otpCode: '123456', password: 'x' },
    ],
    ['otp: bad mobile', '/otp', { mobile: '1380000', purpose: 'register' }],
    [
      'register: 5-digit code',
      '/register',
      {
        name: '甲',
        mobile: '13912345678',
        password: 'Worker#2026',
        orgId: '01900000-0000-7000-8000-000000000000',
        otpCode: '12345',
      },
    ],
    [
      'register: short password',
      '/register',
      {
        name: '甲',
        mobile: '13912345678',
        password: 'short',
        orgId: '01900000-0000-7000-8000-000000000000',
        otpCode: '123456',
      },
    ],
  ])('400 VALIDATION_FAILED for %s', async (_label, path, payload) => {
    expectError(
      await t.request({ method: 'POST', url: `/api/v1/auth${path}`, payload }),
      400,
      'VALIDATION_FAILED',
    )
  })

  it('400 for a new password shorter than 8 characters', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'short' },
    })

    expectError(res, 400, 'VALIDATION_FAILED')
  })

  it('answers in English when the client asks for it', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { mobile: '13311112223', password: 'x' },
    })

    expect(expectError(res, 401, 'AUTH_INVALID_CREDENTIALS').message).toBe(
      'Wrong mobile number or password',
    )
  })
})
