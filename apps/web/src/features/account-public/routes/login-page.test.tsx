import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { apiError, json, stubFetch } from '../../stations-public/test/render'
import { bodyOf } from '../../wishes-public/test/render'
import { memberSession, renderAccountPage } from '../test/render'
import { Component as LoginPage } from './login-page'

const NEXT = '/w/new?stationId=01a2270b-7dd3-7662-b520-0268f56c81c1'
const AT = `/m/login?next=${encodeURIComponent(NEXT)}`

const logins = (f: ReturnType<typeof stubFetch>) =>
  f.mock.calls.filter(([u, init]) => u === '/api/v1/auth/login' && init?.method === 'POST')

const signedOut = (url: string) =>
  url === '/api/v1/auth/session' ? apiError('AUTH_REQUIRED', 401) : undefined

describe('member sign-in page (worker bundle)', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    sessionStorage.clear()
  })

  it('names what is missing and sends nothing', async () => {
    const f = stubFetch(signedOut)
    renderAccountPage(AT, '/m/login', LoginPage)
    fireEvent.click(await screen.findByRole('button', { name: '登录' }))
    expect(screen.getByText('请输入 11 位手机号')).toBeTruthy()
    expect(screen.getByText('请输入密码')).toBeTruthy()
    expect(screen.getByLabelText('手机号').getAttribute('aria-invalid')).toBe('true')
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '1380000' } })
    fireEvent.click(screen.getByRole('button', { name: '登录' }))
    expect(screen.getByText('请输入 11 位手机号')).toBeTruthy()
    expect(logins(f)).toHaveLength(0)
  })

  it("shows the server's refusal and keeps what was typed", async () => {
    stubFetch((url, init) => {
      if (url === '/api/v1/auth/login' && init?.method === 'POST')
        return apiError('AUTH_INVALID_CREDENTIALS', 401)
      return signedOut(url)
    })
    renderAccountPage(AT, '/m/login', LoginPage)
    fireEvent.change(await screen.findByLabelText('手机号'), {
      target: { value: '13620760001' },
    })
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'wrong-one' } })
    fireEvent.click(screen.getByRole('button', { name: '登录' }))
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('手机号或密码错误'))
    // The way out of a forgotten password is a reset, offered right there.
    expect(screen.getByRole('alert').textContent).toContain('可以用短信验证码重设')
    expect(
      screen.getByRole('link', { name: '忘记密码？用短信验证码重设' }).getAttribute('href'),
    ).toBe(`/m/reset?next=${encodeURIComponent(NEXT)}`)
    expect(screen.getByLabelText<HTMLInputElement>('手机号').value).toBe('13620760001')
    expect(screen.queryByTestId('landed')).toBeNull()
  })

  it('signs in and goes back to the page that asked, without a page load', async () => {
    const f = stubFetch((url, init) => {
      if (url === '/api/v1/auth/login' && init?.method === 'POST') return json(memberSession)
      return signedOut(url)
    })
    const { client } = renderAccountPage(AT, '/m/login', LoginPage)
    fireEvent.change(await screen.findByLabelText('手机号'), {
      target: { value: ' 13620760001 ' },
    })
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'Demo@2026' } })
    fireEvent.click(screen.getByRole('button', { name: '登录' }))
    expect((await screen.findByTestId('landed')).textContent).toBe(NEXT)
    expect(bodyOf(logins(f)[0]?.[1])).toEqual({
      mobile: '13620760001',
      password: 'Demo@2026',
    })
    // The session is the app's from now on: every worker page sees the member.
    expect(client.getQueryData(['auth', 'session'])).toEqual(memberSession)
  })

  it('takes a pasted number with spaces and +86, clears a fixed error and focuses the first one', async () => {
    const f = stubFetch((url, init) => {
      if (url === '/api/v1/auth/login' && init?.method === 'POST') return json(memberSession)
      return signedOut(url)
    })
    renderAccountPage(AT, '/m/login', LoginPage)
    fireEvent.click(await screen.findByRole('button', { name: '登录' }))
    expect(document.activeElement).toBe(screen.getByLabelText('手机号'))
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '+86 136 2076 0001' } })
    expect(screen.queryByText('请输入 11 位手机号')).toBeNull()
    expect(screen.getByText('请输入密码')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'Demo@2026' } })
    expect(screen.queryByText('请输入密码')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: '登录' }))
    expect((await screen.findByTestId('landed')).textContent).toBe(NEXT)
    expect(bodyOf(logins(f)[0]?.[1])).toEqual({ mobile: '13620760001', password: 'Demo@2026' })
  })

  it('sends a member who is already signed in straight on', async () => {
    const f = stubFetch((url) => (url === '/api/v1/auth/session' ? json(memberSession) : undefined))
    renderAccountPage(AT, '/m/login', LoginPage)
    expect((await screen.findByTestId('landed')).textContent).toBe(NEXT)
    expect(logins(f)).toHaveLength(0)
  })

  it('takes a worker who came to sign in on their own to their own page, not the staff console', async () => {
    stubFetch((url, init) => {
      if (url === '/api/v1/auth/login' && init?.method === 'POST') return json(memberSession)
      return signedOut(url)
    })
    renderAccountPage('/m/login', '/m/login', LoginPage)
    // With nothing to come back to, registration and reset carry no destination either.
    expect((await screen.findByRole('link', { name: '职工注册' })).getAttribute('href')).toBe(
      '/m/register',
    )
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13620760001' } })
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'Demo@2026' } })
    fireEvent.click(screen.getByRole('button', { name: '登录' }))
    expect((await screen.findByTestId('landed')).textContent).toBe('/w/mine')
  })

  it('sends staff who signed in here with no destination to the console, with a page load', async () => {
    const replace = vi.fn()
    vi.stubGlobal('location', { ...window.location, replace })
    const staff = {
      ...memberSession,
      grants: [
        {
          orgId: memberSession.member.orgId,
          orgName: memberSession.member.orgName,
          role: 'staff' as const,
          permissions: ['org:read' as const],
        },
      ],
    }
    stubFetch((url) => (url === '/api/v1/auth/session' ? json(staff) : undefined))
    renderAccountPage('/m/login', '/m/login', LoginPage)
    await waitFor(() => expect(replace).toHaveBeenCalledWith('/'))
    expect(screen.queryByTestId('landed')).toBeNull()
  })

  it('offers registration that comes back to the same page', async () => {
    stubFetch(signedOut)
    renderAccountPage(AT, '/m/login', LoginPage)
    const link = await screen.findByRole('link', { name: '职工注册' })
    expect(link.getAttribute('href')).toBe(`/m/register?next=${encodeURIComponent(NEXT)}`)
  })
})

const posts = (f: ReturnType<typeof stubFetch>, path: string) =>
  f.mock.calls.filter(([u, init]) => u === path && init?.method === 'POST')

type Answer = (url: string, init: RequestInit | undefined) => Response | undefined
/** Signed out; code requests succeed unless `extra` answers first. */
const server = (extra: Answer = () => undefined) =>
  stubFetch((url, init) => {
    const answer = extra(url, init)
    if (answer) return answer
    if (url === '/api/v1/auth/otp' && init?.method === 'POST') return json({ ok: true })
    return signedOut(url)
  })

const smsTab = () => screen.getByRole('tab', { name: '短信验证码登录' })
const passwordTab = () => screen.getByRole('tab', { name: '密码登录' })

describe('member sign-in with an SMS code (worker bundle)', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    sessionStorage.clear()
  })

  it('offers the two ways as tabs, password first, and keeps the number typed across the switch', async () => {
    server()
    renderAccountPage(AT, '/m/login', LoginPage)
    const tabs = await screen.findByRole('tablist', { name: '登录方式' })
    expect(tabs).toBeTruthy()
    expect(passwordTab().getAttribute('aria-selected')).toBe('true')
    expect(smsTab().getAttribute('aria-selected')).toBe('false')
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(passwordTab().id)
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '136 2076 0001' } })

    fireEvent.click(smsTab())

    expect(smsTab().getAttribute('aria-selected')).toBe('true')
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(smsTab().id)
    expect(screen.getByLabelText<HTMLInputElement>('手机号').value).toBe('136 2076 0001')
    expect(screen.queryByLabelText('密码')).toBeNull()
    expect(screen.getByLabelText('短信验证码')).toBeTruthy()
    expect(screen.getByRole('button', { name: '获取验证码' })).toBeTruthy()

    fireEvent.click(passwordTab())
    expect(screen.getByLabelText<HTMLInputElement>('手机号').value).toBe('136 2076 0001')
    expect(screen.getByLabelText('密码')).toBeTruthy()
  })

  it('moves between the tabs with the arrow keys, only the chosen one in the tab order', async () => {
    server()
    renderAccountPage(AT, '/m/login', LoginPage)
    await screen.findByRole('tablist')
    expect(passwordTab().tabIndex).toBe(0)
    expect(smsTab().tabIndex).toBe(-1)

    fireEvent.keyDown(passwordTab(), { key: 'ArrowRight' })

    expect(document.activeElement).toBe(smsTab())
    expect(smsTab().getAttribute('aria-selected')).toBe('true')
    expect(smsTab().tabIndex).toBe(0)
    fireEvent.keyDown(smsTab(), { key: 'ArrowRight' })
    expect(document.activeElement).toBe(passwordTab())
    expect(passwordTab().getAttribute('aria-selected')).toBe('true')
  })

  it('sends a login code, counts down, checks the code in Chinese and goes back signed in', async () => {
    const f = server((url, init) =>
      url === '/api/v1/auth/login/otp' && init?.method === 'POST' ? json(memberSession) : undefined,
    )
    const { client } = renderAccountPage(AT, '/m/login', LoginPage)
    fireEvent.click(await screen.findByRole('tab', { name: '短信验证码登录' }))

    // A number first: nothing is sent without one.
    fireEvent.click(screen.getByRole('button', { name: '获取验证码' }))
    expect(screen.getByText('请输入 11 位手机号')).toBeTruthy()
    expect(document.activeElement).toBe(screen.getByLabelText('手机号'))
    expect(posts(f, '/api/v1/auth/otp')).toHaveLength(0)

    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '+86 136 2076 0001' } })
    expect(screen.queryByText('请输入 11 位手机号')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: '获取验证码' }))
    expect(await screen.findByText('验证码已发送到 13620760001，请查看短信')).toBeTruthy()
    expect(bodyOf(posts(f, '/api/v1/auth/otp')[0]?.[1])).toEqual({
      mobile: '13620760001',
      purpose: 'login',
    })
    const resend = screen.getByRole<HTMLButtonElement>('button', { name: '60 秒后重发' })
    expect(resend.disabled).toBe(true)

    fireEvent.click(screen.getByRole('button', { name: '登录' }))
    expect(screen.getByText('请输入短信里的 6 位验证码')).toBeTruthy()
    expect(document.activeElement).toBe(screen.getByLabelText('短信验证码'))
    fireEvent.change(screen.getByLabelText('短信验证码'), { target: { value: '12345' } })
    fireEvent.click(screen.getByRole('button', { name: '登录' }))
    expect(screen.getByText('请输入短信里的 6 位验证码')).toBeTruthy()
    expect(posts(f, '/api/v1/auth/login/otp')).toHaveLength(0)

    fireEvent.change(screen.getByLabelText('短信验证码'), { target: { value: '654321' } })
    expect(screen.queryByText('请输入短信里的 6 位验证码')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: '登录' }))

    expect((await screen.findByTestId('landed')).textContent).toBe(NEXT)
    expect(bodyOf(posts(f, '/api/v1/auth/login/otp')[0]?.[1])).toEqual({
      mobile: '13620760001',
      otpCode: '654321',
    })
    expect(posts(f, '/api/v1/auth/login')).toHaveLength(0)
    expect(client.getQueryData(['auth', 'session'])).toEqual(memberSession)
    // Signed in: a later visit starts from the password tab again.
    expect(sessionStorage.getItem('uh.loginDraft')).toBeNull()
  })

  it("shows the server's refusal of a code in place and keeps what was typed", async () => {
    server((url, init) =>
      url === '/api/v1/auth/login/otp' && init?.method === 'POST'
        ? apiError('OTP_INVALID', 400)
        : undefined,
    )
    renderAccountPage(AT, '/m/login', LoginPage)
    fireEvent.click(await screen.findByRole('tab', { name: '短信验证码登录' }))
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13620760001' } })
    fireEvent.click(screen.getByRole('button', { name: '获取验证码' }))
    await screen.findByText('验证码已发送到 13620760001，请查看短信')
    fireEvent.change(screen.getByLabelText('短信验证码'), { target: { value: '000000' } })
    fireEvent.click(screen.getByRole('button', { name: '登录' }))

    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('验证码错误或已过期'),
    )
    expect(screen.getByLabelText<HTMLInputElement>('手机号').value).toBe('13620760001')
    expect(screen.getByLabelText<HTMLInputElement>('短信验证码').value).toBe('000000')
    expect(screen.queryByTestId('landed')).toBeNull()
    // The password tab shows its own state, not the code's refusal.
    fireEvent.click(passwordTab())
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('says a suspended account is not active', async () => {
    server((url, init) =>
      url === '/api/v1/auth/login/otp' && init?.method === 'POST'
        ? apiError('AUTH_ACCOUNT_INACTIVE', 403)
        : undefined,
    )
    renderAccountPage(AT, '/m/login', LoginPage)
    fireEvent.click(await screen.findByRole('tab', { name: '短信验证码登录' }))
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13620760001' } })
    fireEvent.change(screen.getByLabelText('短信验证码'), { target: { value: '123456' } })
    fireEvent.click(screen.getByRole('button', { name: '登录' }))
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('该账号已停用'))
  })

  it('offers registration for a number without an account, and says when a code was just sent', async () => {
    let answer: () => Response = () => apiError('AUTH_MOBILE_NOT_REGISTERED', 404)
    server((url, init) =>
      url === '/api/v1/auth/otp' && init?.method === 'POST' ? answer() : undefined,
    )
    renderAccountPage(AT, '/m/login', LoginPage)
    fireEvent.click(await screen.findByRole('tab', { name: '短信验证码登录' }))
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13620769999' } })
    fireEvent.click(screen.getByRole('button', { name: '获取验证码' }))
    expect(await screen.findByText('这个手机号还没有注册。')).toBeTruthy()
    expect(screen.getByRole('link', { name: '去注册' }).getAttribute('href')).toBe(
      `/m/register?next=${encodeURIComponent(NEXT)}`,
    )

    answer = () =>
      new Response(
        JSON.stringify({
          error: { code: 'OTP_TOO_FREQUENT', message: 'wait', details: { retryAfterSeconds: 42 } },
        }),
        { status: 429, headers: { 'content-type': 'application/json' } },
      )
    fireEvent.click(screen.getByRole('button', { name: '获取验证码' }))
    expect(await screen.findByText(/42 秒后可以再发/)).toBeTruthy()
  })

  it('after a wrong password, offers the code instead', async () => {
    server((url, init) =>
      url === '/api/v1/auth/login' && init?.method === 'POST'
        ? apiError('AUTH_INVALID_CREDENTIALS', 401)
        : undefined,
    )
    renderAccountPage(AT, '/m/login', LoginPage)
    fireEvent.change(await screen.findByLabelText('手机号'), { target: { value: '13620760001' } })
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'forgotten' } })
    fireEvent.click(screen.getByRole('button', { name: '登录' }))

    fireEvent.click(await screen.findByRole('button', { name: '改用短信验证码登录' }))

    expect(smsTab().getAttribute('aria-selected')).toBe('true')
    expect(document.activeElement).toBe(smsTab())
    expect(screen.getByLabelText<HTMLInputElement>('手机号').value).toBe('13620760001')
  })

  it('comes back to the code form with the number and the countdown after a reload', async () => {
    server()
    renderAccountPage(AT, '/m/login', LoginPage)
    fireEvent.click(await screen.findByRole('tab', { name: '短信验证码登录' }))
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13620760001' } })
    fireEvent.click(screen.getByRole('button', { name: '获取验证码' }))
    await screen.findByText('验证码已发送到 13620760001，请查看短信')
    fireEvent.change(screen.getByLabelText('短信验证码'), { target: { value: '123456' } })
    cleanup()

    renderAccountPage(AT, '/m/login', LoginPage)

    expect(
      (await screen.findByRole('tab', { name: '短信验证码登录' })).getAttribute('aria-selected'),
    ).toBe('true')
    expect(screen.getByLabelText<HTMLInputElement>('手机号').value).toBe('13620760001')
    // Never the code.
    expect(screen.getByLabelText<HTMLInputElement>('短信验证码').value).toBe('')
    expect(sessionStorage.getItem('uh.loginDraft')).not.toContain('123456')
    const resend = await screen.findByRole<HTMLButtonElement>('button', { name: /秒后重发/ })
    expect(resend.disabled).toBe(true)
    expect(screen.getByText('验证码已发送到 13620760001，请查看短信')).toBeTruthy()
  })
})
