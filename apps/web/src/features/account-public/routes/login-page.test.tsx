import { fireEvent, screen, waitFor } from '@testing-library/react'
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
  afterEach(() => vi.unstubAllGlobals())

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
