import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { apiError, json, stubFetch } from '../../stations-public/test/render'
import { bodyOf } from '../../wishes-public/test/render'
import { memberSession, renderAccountPage } from '../test/render'
import { Component as RegisterPage } from './register-page'

const NEXT = '/w/new?stationId=01a2270b-7dd3-7662-b520-0268f56c81c1'
const AT = `/m/register?next=${encodeURIComponent(NEXT)}`
const ORG = {
  id: '01a2270b-7d6a-7c12-abf4-7ce3e28e9599',
  name: '龙岗区建筑行业工联会',
  kind: 'industry_union',
  parentName: '深圳市龙岗区总工会',
}

const posts = (f: ReturnType<typeof stubFetch>, path: string) =>
  f.mock.calls.filter(([u, init]) => u === path && init?.method === 'POST')
type Answer = (url: string, init: RequestInit | undefined) => Response | undefined
const server = (extra: Answer = () => undefined) =>
  stubFetch((url, init) => {
    const answer = extra(url, init)
    if (answer) return answer
    if (url === '/api/v1/auth/session') return apiError('AUTH_REQUIRED', 401)
    if (url.startsWith('/api/v1/public/orgs?')) return json([ORG])
    if (url === '/api/v1/auth/otp' && init?.method === 'POST') return json({ ok: true })
    return undefined
  })

const fill = async () => {
  fireEvent.change(await screen.findByLabelText('姓名'), { target: { value: '张建明' } })
  fireEvent.change(screen.getByLabelText('所在单位工会'), { target: { value: '建筑' } })
  fireEvent.click(await screen.findByRole('button', { name: /龙岗区建筑行业工联会/ }))
  fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13620760021' } })
  fireEvent.click(screen.getByRole('button', { name: '获取验证码' }))
  await screen.findByText('验证码已发送到 13620760021，请查看短信')
  fireEvent.change(screen.getByLabelText('短信验证码'), { target: { value: '123456' } })
  fireEvent.change(screen.getByLabelText('设置密码'), { target: { value: 'Worker@2026' } })
}

describe('member registration page (worker bundle)', () => {
  afterEach(() => {
    sessionStorage.clear()
    vi.unstubAllGlobals()
  })

  it('names every missing field and sends nothing', async () => {
    const f = server()
    renderAccountPage(AT, '/m/register', RegisterPage)
    fireEvent.click(await screen.findByRole('button', { name: '注册' }))
    for (const message of [
      '请输入姓名',
      '请搜索并点选您所在单位的工会',
      '请输入 11 位手机号',
      '请输入短信里的 6 位验证码',
      '密码至少 8 位',
    ])
      expect(screen.getByText(message)).toBeTruthy()
    expect(screen.getByText('有 5 项需要修改，请看标红的提示')).toBeTruthy()
    expect(posts(f, '/api/v1/auth/register')).toHaveLength(0)
  })

  it('asks for a valid mobile before sending a code, then counts down', async () => {
    const f = server()
    renderAccountPage(AT, '/m/register', RegisterPage)
    fireEvent.change(await screen.findByLabelText('手机号'), { target: { value: '1362076' } })
    fireEvent.click(screen.getByRole('button', { name: '获取验证码' }))
    expect(screen.getByText('请输入 11 位手机号')).toBeTruthy()
    expect(posts(f, '/api/v1/auth/otp')).toHaveLength(0)

    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13620760021' } })
    fireEvent.click(screen.getByRole('button', { name: '获取验证码' }))
    expect(await screen.findByRole('button', { name: '60 秒后重发' })).toHaveProperty(
      'disabled',
      true,
    )
    expect(bodyOf(posts(f, '/api/v1/auth/otp')[0]?.[1])).toEqual({
      mobile: '13620760021',
      purpose: 'register',
    })
  })

  it('registers in the chosen union and goes back to the page that asked', async () => {
    const f = server((url, init) =>
      url === '/api/v1/auth/register' && init?.method === 'POST'
        ? json(memberSession, 201)
        : undefined,
    )
    const { client } = renderAccountPage(AT, '/m/register', RegisterPage)
    await fill()
    fireEvent.click(screen.getByRole('button', { name: '注册' }))
    expect((await screen.findByTestId('landed')).textContent).toBe(NEXT)
    expect(bodyOf(posts(f, '/api/v1/auth/register')[0]?.[1])).toEqual({
      name: '张建明',
      orgId: ORG.id,
      mobile: '13620760021',
      otpCode: '123456',
      password: 'Worker@2026',
    })
    expect(client.getQueryData(['auth', 'session'])).toEqual(memberSession)
  })

  it("shows a wrong code's refusal and keeps the form", async () => {
    server((url, init) =>
      url === '/api/v1/auth/register' && init?.method === 'POST'
        ? apiError('OTP_INVALID', 400)
        : undefined,
    )
    renderAccountPage(AT, '/m/register', RegisterPage)
    await fill()
    fireEvent.click(screen.getByRole('button', { name: '注册' }))
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('验证码错误或已过期'))
    expect(screen.getByLabelText<HTMLInputElement>('姓名').value).toBe('张建明')
    expect(screen.getByText('龙岗区建筑行业工联会')).toBeTruthy()
    expect(screen.queryByTestId('landed')).toBeNull()
  })

  it('keeps what was typed (not the code or password) and the countdown across a reload', async () => {
    server()
    const first = renderAccountPage(AT, '/m/register', RegisterPage)
    await fill()
    first.unmount()

    renderAccountPage(AT, '/m/register', RegisterPage)
    expect((await screen.findByLabelText<HTMLInputElement>('姓名')).value).toBe('张建明')
    expect(screen.getByText('龙岗区建筑行业工联会')).toBeTruthy()
    expect(screen.getByLabelText<HTMLInputElement>('手机号').value).toBe('13620760021')
    expect(screen.getByLabelText<HTMLInputElement>('短信验证码').value).toBe('')
    expect(screen.getByLabelText<HTMLInputElement>('设置密码').value).toBe('')
    expect(screen.getByText('验证码已发送到 13620760021，请查看短信')).toBeTruthy()
    expect(screen.getByRole('button', { name: /秒后重发/ })).toHaveProperty('disabled', true)
  })

  it('says at once that a registered number should sign in, and that a code already sent still works', async () => {
    server((url, init) =>
      url === '/api/v1/auth/otp' && init?.method === 'POST'
        ? apiError('MEMBER_MOBILE_TAKEN', 409)
        : undefined,
    )
    renderAccountPage(AT, '/m/register', RegisterPage)
    fireEvent.change(await screen.findByLabelText('手机号'), { target: { value: '13620760001' } })
    fireEvent.click(screen.getByRole('button', { name: '获取验证码' }))
    expect(await screen.findByText('这个手机号已经注册过了，请直接登录。')).toBeTruthy()
    const alert = screen
      .getByText('这个手机号已经注册过了，请直接登录。')
      .closest('[role="alert"]')!
    expect(
      within(alert as HTMLElement)
        .getByRole('link', { name: '去登录' })
        .getAttribute('href'),
    ).toBe(`/m/login?next=${encodeURIComponent(NEXT)}`)
    vi.unstubAllGlobals()

    server((url, init) =>
      url === '/api/v1/auth/otp' && init?.method === 'POST'
        ? json(
            {
              error: { code: 'OTP_TOO_FREQUENT', message: 'x', details: { retryAfterSeconds: 42 } },
            },
            429,
          )
        : undefined,
    )
    fireEvent.click(screen.getByRole('button', { name: '获取验证码' }))
    expect(
      await screen.findByText(
        '验证码刚刚发过，请用短信里已收到的验证码（5 分钟内有效）。没有收到的话，42 秒后可以再发。',
      ),
    ).toBeTruthy()
  })
})
