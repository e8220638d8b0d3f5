import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { ApiError } from '../../../lib/api-error'
import { renderWithProviders } from '../../../test/render'
import { LoginForm } from './login-form'

describe('LoginForm', { timeout: 30_000 }, () => {
  it('shows required errors and does not submit an empty form', async () => {
    const onSubmit = vi.fn()
    renderWithProviders(<LoginForm onSubmit={onSubmit} />)
    fireEvent.click(screen.getByTestId('login-submit'))
    await waitFor(() => expect(screen.getAllByText('此项为必填项')).toHaveLength(2), {
      timeout: 15_000,
    })
    expect(onSubmit).not.toHaveBeenCalled()
  })

  it('rejects a malformed mobile number with the contracts rule', async () => {
    const onSubmit = vi.fn()
    renderWithProviders(<LoginForm onSubmit={onSubmit} />)
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '1234' } })
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'Demo@2026' } })
    fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }))
    expect(
      await screen.findByText('请输入正确的 11 位手机号', undefined, { timeout: 15_000 }),
    ).toBeTruthy()
    expect(onSubmit).not.toHaveBeenCalled()
  })

  it('submits the parsed values', async () => {
    const onSubmit = vi.fn()
    renderWithProviders(<LoginForm onSubmit={onSubmit} />)
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13800000001' } })
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'Demo@2026' } })
    fireEvent.click(screen.getByTestId('login-submit'))
    await waitFor(
      () => expect(onSubmit).toHaveBeenCalledWith({ mobile: '13800000001', password: 'Demo@2026' }),
      { timeout: 15_000 },
    )
  })

  it('shows the throttling message with the wait time', () => {
    const error = new ApiError('AUTH_THROTTLED', 429, 'Too many', { retryAfterSeconds: 895 })
    renderWithProviders(<LoginForm onSubmit={vi.fn()} error={error} />)
    expect(screen.getByRole('alert').textContent).toContain('请 15 分钟后再试')
  })
})
