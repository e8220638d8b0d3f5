import type { Station } from '@unionhall/contracts'
import { App, Button, Card, Flex, Popconfirm, Spin, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { QueryError } from '../../../components/page/query-error'
import { errorMessage } from '../../../lib/error-message'
import { publicUrl, usePublicOrigin } from '../../../lib/public-origin'
import { useRotateStationCheckInCode, useStationCheckInCode } from '../api/use-stations'

/** The worker page a door poster's QR code opens: the check-in, with the station's code (ADR 0029). */
export const checkInPath = (stationId: string, code: string) =>
  `/s/${stationId}/check-in?c=${encodeURIComponent(code)}`

/**
 * The "二维码海报" tab: the printable poster and the check-in link its QR code holds. The link
 * carries the station's check-in code, so only this tab (staff who run the station) can print
 * it; a code that has leaked is replaced here, and the posters printed before stop working.
 */
export const PosterTab = ({ station }: { station: Station }) => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const origin = usePublicOrigin()
  const code = useStationCheckInCode(station.id)
  const rotate = useRotateStationCheckInCode()

  if (code.error) return <QueryError error={code.error} onRetry={() => void code.refetch()} />
  if (!code.data) return <Spin />
  const path = checkInPath(station.id, code.data.code)
  const checkIn = publicUrl(origin, path)
  return (
    <Card>
      <Typography.Paragraph>{t('stations.poster.intro')}</Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Button
          type="primary"
          href={`/s/${station.id}/poster?c=${encodeURIComponent(code.data.code)}`}
          target="_blank"
          rel="noopener"
        >
          {t('stations.poster.open')}
        </Button>
        <Button href={`/s/${station.id}`} target="_blank" rel="noopener">
          {t('stations.poster.publicPage')}
        </Button>
      </Flex>
      <Typography.Text type="secondary">{t('stations.poster.checkInLink')}</Typography.Text>
      <Typography.Paragraph copyable={{ text: checkIn }} code style={{ marginTop: 4 }}>
        {checkIn}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {t('stations.poster.codeNote', { generation: code.data.generation })}
      </Typography.Paragraph>
      <Popconfirm
        title={t('stations.poster.rotateConfirmTitle')}
        description={t('stations.poster.rotateConfirm')}
        okText={t('stations.poster.rotate')}
        onConfirm={() =>
          rotate.mutate(station.id, {
            onSuccess: () => void message.success(t('stations.poster.rotated')),
            onError: (e) => void message.error(errorMessage(t, e)),
          })
        }
      >
        <Button danger loading={rotate.isPending}>
          {t('stations.poster.rotate')}
        </Button>
      </Popconfirm>
    </Card>
  )
}
