import type { Station } from '@unionhall/contracts'
import { Button, Card, Flex, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { publicUrl, usePublicOrigin } from '../../../lib/public-origin'

/** The "二维码海报" tab: the printable poster and the worker pages its QR code leads to. */
export const PosterTab = ({ station }: { station: Station }) => {
  const { t } = useTranslation()
  const checkIn = publicUrl(usePublicOrigin(), `/s/${station.id}/check-in`)
  return (
    <Card>
      <Typography.Paragraph>{t('stations.poster.intro')}</Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Button type="primary" href={`/s/${station.id}/poster`} target="_blank" rel="noopener">
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
    </Card>
  )
}
