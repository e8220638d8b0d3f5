import { BellOutlined } from '@ant-design/icons'
import { App, Badge, Button, Empty, Flex, List, Popover, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { errorMessage } from '../../lib/error-message'
import { formatDateTime } from '../../lib/format'
import { notificationQuote, notificationText } from './notification-text'
import { useMarkRead, useNotifications, useUnreadCount } from './use-notifications'

/**
 * The console header's bell: my unread count, and my latest notifications in a popover.
 * Opening one marks it read and follows its link (console paths in the app, worker pages by
 * a full load: they are another bundle).
 */
export const NotificationBell = ({ compact }: { compact: boolean }) => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const [open, setOpen] = useState(false)
  const unread = useUnreadCount(true)
  const list = useNotifications(1, 8, open)
  const { one, all } = useMarkRead()
  const count = unread.data ?? 0

  const content = (
    <div style={{ width: compact ? 280 : 360 }}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('notifications.bell.title')}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={count === 0}
          loading={all.isPending}
          onClick={() =>
            all.mutate(undefined, { onError: (e) => void message.error(errorMessage(t, e)) })
          }
        >
          {t('notifications.bell.markAll')}
        </Button>
      </Flex>
      {list.data && list.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.bell.empty')} />
      ) : (
        <List
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          style={{ maxHeight: 420, overflowY: 'auto' }}
          renderItem={(n) => {
            const quote = notificationQuote(n)
            const openIt = () => {
              if (n.readAt === null) one.mutate(n.id)
              setOpen(false)
              if (!n.link) return
              if (n.link.startsWith('/w/')) window.location.assign(n.link)
              else void navigate(n.link)
            }
            return (
              <List.Item
                style={{ cursor: n.link ? 'pointer' : undefined, alignItems: 'flex-start' }}
                onClick={openIt}
              >
                <Flex vertical gap={2} style={{ width: '100%' }}>
                  <Typography.Text strong={n.readAt === null}>
                    {n.readAt === null ? <Badge status="processing" /> : null}{' '}
                    {notificationText(t, n)}
                  </Typography.Text>
                  {quote ? <Typography.Text type="secondary">“{quote}”</Typography.Text> : null}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(n.createdAt)}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )
          }}
        />
      )}
    </div>
  )

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      content={content}
    >
      <Button
        type="text"
        data-testid="notification-bell"
        aria-label={t('notifications.bell.label', { count })}
        icon={
          <Badge count={count} size="small" overflowCount={99}>
            <BellOutlined />
          </Badge>
        }
      />
    </Popover>
  )
}
