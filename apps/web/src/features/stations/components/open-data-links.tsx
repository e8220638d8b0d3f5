import { Modal, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { publicUrl, usePublicOrigin } from '../../../lib/public-origin'

/** The public download address of an org's stations in one open-data format (ADR 0028). */
export const openDataUrl = (origin: string, format: 'geojson' | 'hsds', orgId: string) =>
  publicUrl(
    origin,
    `/api/v1/public/stations/open-data/${format}?orgId=${encodeURIComponent(orgId)}`,
  )

/**
 * The addresses anyone can download this org's stations from without signing in, to pass to a
 * map app, a researcher or a partner: copyable, with what they hold and how fresh they are.
 */
export const OpenDataLinks = ({
  orgId,
  open,
  onClose,
}: {
  orgId: string
  open: boolean
  onClose: () => void
}) => {
  const { t } = useTranslation()
  // The address partners can reach (PUBLIC_ORIGIN), not the console host staff are on.
  const origin = usePublicOrigin()
  return (
    <Modal
      open={open}
      title={t('stations.export.publicTitle')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('stations.export.publicHelp')}</Typography.Paragraph>
      {(['geojson', 'hsds'] as const).map((format) => (
        <div key={format}>
          <Typography.Text strong>{t(`stations.export.public.${format}`)}</Typography.Text>
          <Typography.Paragraph copyable code style={{ wordBreak: 'break-all' }}>
            {openDataUrl(origin, format, orgId)}
          </Typography.Paragraph>
        </div>
      ))}
    </Modal>
  )
}
