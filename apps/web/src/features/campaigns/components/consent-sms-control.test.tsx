import { fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { makeSession, renderWithProviders } from '../../../test/render'
import { ConsentSmsControl } from './consent-sms-control'

const CAMPAIGN_ID = '01a2270b-9000-7000-8000-000000000001'
const NOMINATION_ID = '01a2270b-9000-7000-8000-0000000000a1'
const session = makeSession(['campaign:read', 'campaign:review'])

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

const nomination = (nextAllowedAt: string | null) => ({
  id: NOMINATION_ID,
  status: 'awaiting_consent' as const,
  consentUrl: `/consent/${NOMINATION_ID}.${'a'.repeat(43)}`,
  consentSms: {
    sentAt: '2026-11-29T06:00:00.000Z',
    sentTo: '139****0001',
    sentToday: 1,
    dailyMax: 5,
    nextAllowedAt,
  },
})

afterEach(() => vi.unstubAllGlobals())

describe('ConsentSmsControl', { timeout: 60_000 }, () => {
  it('shows where and how often the link was texted, and re-sends it on click', async () => {
    const fetchMock = vi.fn((_url: string, _init?: RequestInit) =>
      Promise.resolve(
        json({ nominationId: NOMINATION_ID, consentSms: { ...nomination(null).consentSms } }),
      ),
    )
    vi.stubGlobal('fetch', fetchMock)
    renderWithProviders(
      <ConsentSmsControl campaignId={CAMPAIGN_ID} nomination={nomination(null)} canResend />,
      session,
    )

    expect(screen.getByTestId('consent-sms-state').textContent).toMatch(
      /已于 .* 发送至 139\*\*\*\*0001（今日 1\/5 条）/,
    )
    fireEvent.click(screen.getByRole('button', { name: /重新发送确认短信/ }))

    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1))
    const [url, init] = fetchMock.mock.calls[0]!
    expect(String(url)).toContain(
      `/api/v1/campaigns/${CAMPAIGN_ID}/nominations/${NOMINATION_ID}/consent-sms`,
    )
    expect(init?.method).toBe('POST')
    expect(await screen.findByText('确认短信已发送')).toBeTruthy()
  })

  it('disables the button until the next send is allowed', () => {
    const later = new Date(Date.now() + 45_000).toISOString()
    renderWithProviders(
      <ConsentSmsControl campaignId={CAMPAIGN_ID} nomination={nomination(later)} canResend />,
      session,
    )
    expect(screen.getByRole('button', { name: /重新发送确认短信/ }).hasAttribute('disabled')).toBe(
      true,
    )
    expect(screen.getByText(/后可再次发送/)).toBeTruthy()
  })

  it('says why the server refused a re-send', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          json(
            {
              error: {
                code: 'NOMINATION_CONSENT_SMS_DAILY_LIMIT',
                message: 'server text',
                details: { dailyMax: 5 },
              },
            },
            429,
          ),
        ),
      ),
    )
    renderWithProviders(
      <ConsentSmsControl campaignId={CAMPAIGN_ID} nomination={nomination(null)} canResend />,
      session,
    )
    fireEvent.click(screen.getByRole('button', { name: /重新发送确认短信/ }))
    expect((await screen.findByRole('alert')).textContent).toContain(
      '该推荐今天的确认短信已达发送上限',
    )
  })

  it('offers no button to someone who may not review, nor once the nominee answered', () => {
    const { unmount } = renderWithProviders(
      <ConsentSmsControl
        campaignId={CAMPAIGN_ID}
        nomination={nomination(null)}
        canResend={false}
      />,
      session,
    )
    expect(screen.queryByRole('button')).toBeNull()
    unmount()
    renderWithProviders(
      <ConsentSmsControl
        campaignId={CAMPAIGN_ID}
        nomination={{ ...nomination(null), status: 'submitted', consentUrl: null }}
        canResend
      />,
      session,
    )
    expect(screen.queryByRole('button')).toBeNull()
  })
})
