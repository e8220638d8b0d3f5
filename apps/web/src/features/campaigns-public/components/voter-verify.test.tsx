import { fireEvent, screen, waitFor } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { json, renderUi, stubFetch } from '../../stations-public/test/render'
import { bodyOf } from '../../wishes-public/test/render'
import { VoterVerify } from './voter-verify'

const CAMPAIGN = '01a2270b-7dd3-7662-b520-0268f56c8301'

describe('SMS voter verification', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('takes a pasted number with spaces and +86, for the code and for the verification', async () => {
    const f = stubFetch((url, init) => {
      if (url === '/api/v1/auth/otp' && init?.method === 'POST') return json({ ok: true })
      if (url.endsWith('/voters/verify') && init?.method === 'POST')
        return json({ token: 't', expiresAt: '2030-01-01T00:00:00.000Z' })
      return undefined
    })
    const onVerified = vi.fn()
    renderUi(
      <QueryClientProvider client={new QueryClient()}>
        <VoterVerify campaignId={CAMPAIGN} onVerified={onVerified} />
      </QueryClientProvider>,
    )
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '+86 136 2076 0099' } })
    fireEvent.click(screen.getByRole('button', { name: '获取验证码' }))
    await screen.findByText('验证码已发送，请查看短信')
    fireEvent.change(screen.getByLabelText('短信验证码'), { target: { value: '123456' } })
    fireEvent.click(screen.getByRole('button', { name: '验证并继续' }))
    await waitFor(() => expect(onVerified).toHaveBeenCalled())
    const sent = f.mock.calls.filter(([, init]) => init?.method === 'POST')
    expect(sent.map(([, init]) => bodyOf(init))).toEqual([
      { mobile: '13620760099', purpose: 'vote' },
      { mobile: '13620760099', otpCode: '123456' },
    ])
  })
})
