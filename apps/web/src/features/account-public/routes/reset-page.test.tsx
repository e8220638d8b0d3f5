import { fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { apiError, json, stubFetch } from '../../stations-public/test/render'
import { bodyOf } from '../../wishes-public/test/render'
import { memberSession, renderAccountPage } from '../test/render'
import { Component as ResetPage } from './reset-page'

const NEXT = '/w/new'
const AT = `/m/reset?next=${encodeURIComponent(NEXT)}`

const posts = (f: ReturnType<typeof stubFetch>, path: string) =>
  f.mock.calls.filter(([u, init]) => u === path && init?.method === 'POST')

type Answer = (url: string, init: RequestInit | undefined) => Response | undefined
const server = (extra: Answer = () => undefined) =>
  stubFetch((url, init) => {
    const answer = extra(url, init)
    if (answer) return answer
    if (url === '/api/v1/auth/session') return apiError('AUTH_REQUIRED', 401)
    if (url === '/api/v1/auth/otp' && init?.method === 'POST') return json({ ok: true })
    return undefined
  })

describe('password reset page (worker bundle)', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('sends a reset code, sets the new password and goes back signed in', async () => {
    const f = server((url, init) =>
      url === '/api/v1/auth/password/reset' && init?.method === 'POST'
        ? json(memberSession)
        : undefined,
    )
    const { client } = renderAccountPage(AT, '/m/reset', ResetPage)
    fireEvent.change(await screen.findByLabelText('手机号'), {
      target: { value: '１３６２０７６０００１' },
    })
    fireEvent.click(screen.getByRole('button', { name: '获取验证码' }))
    expect(await screen.findByText('验证码已发送到 13620760001，请查看短信')).toBeTruthy()
    expect(bodyOf(posts(f, '/api/v1/auth/otp')[0]?.[1])).toEqual({
      mobile: '13620760001',
      purpose: 'reset',
    })

    fireEvent.click(screen.getByRole('button', { name: '重设密码并登录' }))
    expect(screen.getByText('请输入短信里的 6 位验证码')).toBeTruthy()
    expect(screen.getByText('密码至少 8 位')).toBeTruthy()
    expect(posts(f, '/api/v1/auth/password/reset')).toHaveLength(0)

    fireEvent.change(screen.getByLabelText('短信验证码'), { target: { value: '654321' } })
    fireEvent.change(screen.getByLabelText('新密码'), { target: { value: 'Remembered#2027' } })
    fireEvent.click(screen.getByRole('button', { name: '重设密码并登录' }))
    await waitFor(() => expect(posts(f, '/api/v1/auth/password/reset')).toHaveLength(1))
    expect(bodyOf(posts(f, '/api/v1/auth/password/reset')[0]?.[1])).toEqual({
      mobile: '13620760001',
      otpCode: '654321',
      newPassword: 'Remembered#2027',
    })
    expect((await screen.findByTestId('landed')).textContent).toBe(NEXT)
    expect(client.getQueryData(['auth', 'session'])).toEqual(memberSession)
  })

  it('offers registration for a number without an account', async () => {
    server((url, init) =>
      url === '/api/v1/auth/otp' && init?.method === 'POST'
        ? apiError('AUTH_MOBILE_NOT_REGISTERED', 404)
        : undefined,
    )
    renderAccountPage(AT, '/m/reset', ResetPage)
    fireEvent.change(await screen.findByLabelText('手机号'), { target: { value: '13620769999' } })
    fireEvent.click(screen.getByRole('button', { name: '获取验证码' }))
    expect(await screen.findByText('这个手机号还没有注册。')).toBeTruthy()
    expect(screen.getByRole('link', { name: '去注册' }).getAttribute('href')).toBe(
      `/m/register?next=${encodeURIComponent(NEXT)}`,
    )
  })
})
