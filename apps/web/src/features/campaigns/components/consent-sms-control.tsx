import { MessageOutlined } from '@ant-design/icons'
import type { NominationDetailSchema } from '@unionhall/contracts'
import { Alert, App, Button, Space, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { errorMessage } from '../../../lib/error-message'
import { formatDateTime } from '../../../lib/format'
import { useResendConsentSms } from '../api/use-campaigns'

type Detail = z.infer<typeof NominationDetailSchema>

/**
 * The consent SMS of a nomination awaiting the nominee's answer: when it went out and to which
 * (masked) mobile, and a button for reviewers to text the link again. The server enforces the
 * limits (once a minute, 5 a day); the button says when the next one is allowed.
 */
export const ConsentSmsControl = ({
  campaignId,
  nomination: n,
  canResend,
}: {
  campaignId: string
  nomination: Pick<Detail, 'id' | 'status' | 'consentUrl' | 'consentSms'>
  canResend: boolean
}) => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const resend = useResendConsentSms()
  const sms = n.consentSms
  const pending = n.status === 'awaiting_consent' && n.consentUrl !== null
  // Re-render when the wait is over, so the button enables itself.
  const waitUntil = sms.nextAllowedAt ? Date.parse(sms.nextAllowedAt) : 0
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const ms = waitUntil - Date.now()
    if (ms <= 0) return
    const timer = setTimeout(() => setNow(Date.now()), ms + 250)
    return () => clearTimeout(timer)
  }, [waitUntil])
  const waiting = waitUntil > now
  const k = 'campaigns.nominations'
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }}>
      <Typography.Text data-testid="consent-sms-state">
        {sms.sentAt
          ? t(`${k}.consentSmsSent`, {
              time: formatDateTime(sms.sentAt),
              to: sms.sentTo,
              sent: sms.sentToday,
              max: sms.dailyMax,
            })
          : t(`${k}.consentSmsNotSent`)}
      </Typography.Text>
      {pending && canResend ? (
        <>
          <Button
            size="small"
            icon={<MessageOutlined />}
            loading={resend.isPending}
            disabled={waiting}
            onClick={() =>
              resend.mutate(
                // In zh-CN, the nominees' language, whatever language the reviewer works in.
                { id: campaignId, nid: n.id },
                { onSuccess: () => void message.success(t(`${k}.consentSmsResent`)) },
              )
            }
          >
            {t(`${k}.consentSmsResend`)}
          </Button>
          {sms.nextAllowedAt && waiting ? (
            <Typography.Text type="secondary">
              {t(`${k}.consentSmsNextAt`, { time: formatDateTime(sms.nextAllowedAt) })}
            </Typography.Text>
          ) : null}
        </>
      ) : null}
      {resend.error ? (
        <Alert type="error" showIcon role="alert" message={errorMessage(t, resend.error)} />
      ) : null}
    </Space>
  )
}
