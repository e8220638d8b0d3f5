import { CalendarOutlined, CopyOutlined, ReloadOutlined } from '@ant-design/icons'
import { App, Button, Card, Flex, Input, Popconfirm, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { QueryError } from '../../../../components/page/query-error'
import { errorMessage } from '../../../../lib/error-message'
import { formatDateTime } from '../../../../lib/format'
import { useMyFeedUrl, useRotateFeedUrl } from '../api/use-roster'

/** My private calendar subscription: the URL with a copy button, subscribe, replace. */
export const FeedPanel = () => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const feed = useMyFeedUrl()
  const rotate = useRotateFeedUrl()

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url)
      void message.success(t('stations.myShifts.copied'))
    } catch {
      void message.error(t('stations.myShifts.copyFailed'))
    }
  }

  return (
    <Card size="small" title={t('stations.myShifts.feedTitle')}>
      {feed.isError ? <QueryError error={feed.error} onRetry={() => void feed.refetch()} /> : null}
      {feed.data ? (
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">{t('stations.myShifts.feedHint')}</Typography.Text>
          <Flex gap={8}>
            <Input
              readOnly
              value={feed.data.url}
              aria-label={t('stations.myShifts.feedUrl')}
              onFocus={(e) => e.currentTarget.select()}
            />
            <Button icon={<CopyOutlined />} onClick={() => void copy(feed.data.url)}>
              {t('stations.myShifts.copy')}
            </Button>
          </Flex>
          <Flex gap={8} wrap align="center">
            <Button icon={<CalendarOutlined />} href={feed.data.webcalUrl}>
              {t('stations.myShifts.subscribe')}
            </Button>
            <Popconfirm
              title={t('stations.myShifts.rotateConfirm')}
              onConfirm={() =>
                rotate.mutate(undefined, {
                  onSuccess: () => void message.success(t('stations.myShifts.rotated')),
                  onError: (e) => void message.error(errorMessage(t, e)),
                })
              }
            >
              <Button icon={<ReloadOutlined />} loading={rotate.isPending}>
                {t('stations.myShifts.rotate')}
              </Button>
            </Popconfirm>
            {feed.data.rotatedAt ? (
              <Typography.Text type="secondary">
                {t('stations.myShifts.rotatedAt', { at: formatDateTime(feed.data.rotatedAt) })}
              </Typography.Text>
            ) : null}
          </Flex>
        </Flex>
      ) : null}
    </Card>
  )
}
