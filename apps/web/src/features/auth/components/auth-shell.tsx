import { GlobalOutlined } from '@ant-design/icons'
import { Button, Card, Flex, Typography, theme } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useUiPrefs } from '../../../lib/ui-prefs'

/** The light frame of the sign-in and registration pages: works on a phone first. */
export const AuthShell = ({
  title,
  subtitle,
  children,
}: {
  title: string
  subtitle?: string
  children: ReactNode
}) => {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const { language, setLanguage } = useUiPrefs()
  return (
    <main
      style={{
        minHeight: '100vh',
        background: token.colorBgLayout,
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        padding: '24px 12px',
        boxSizing: 'border-box',
      }}
    >
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: 420 }}>
        <Button
          type="text"
          icon={<GlobalOutlined />}
          aria-label={t('app.header.switchLanguage')}
          onClick={() => setLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')}
        >
          {t('app.header.otherLanguage')}
        </Button>
      </Flex>
      <Card style={{ width: '100%', maxWidth: 420, marginTop: 12 }}>
        <Typography.Text strong style={{ color: token.colorPrimary }}>
          {t('app.name')}
        </Typography.Text>
        <Typography.Title level={1} style={{ fontSize: '1.6em', marginTop: 8 }}>
          {title}
        </Typography.Title>
        {subtitle ? <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph> : null}
        {children}
      </Card>
    </main>
  )
}
