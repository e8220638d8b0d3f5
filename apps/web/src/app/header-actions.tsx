import { DownOutlined, FontSizeOutlined, GlobalOutlined, UserOutlined } from '@ant-design/icons'
import { useMutation } from '@tanstack/react-query'
import { App, Button, Dropdown, Flex, Select, Tooltip } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { logout } from '../features/auth/api/auth-api'
import { ChangePasswordModal } from '../features/auth/components/change-password-modal'
import { NotificationBell } from '../features/notifications/notification-bell'
import { errorMessage } from '../lib/error-message'
import { grantOrgs } from '../lib/permissions'
import { useSession } from '../lib/session'
import { useUiPrefs } from '../lib/ui-prefs'

export const HeaderActions = ({ compact }: { compact: boolean }) => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const { session, currentOrgId, setCurrentOrgId, setSession } = useSession()
  const { language, setLanguage, largeText, setLargeText } = useUiPrefs()
  const [passwordOpen, setPasswordOpen] = useState(false)
  const orgs = useMemo(() => grantOrgs(session), [session])

  const logoutMutation = useMutation({
    mutationFn: logout,
    onSettled: () => {
      setSession(null)
      void navigate('/login')
    },
    onError: (e) => void message.error(errorMessage(t, e)),
  })

  const nextLanguage = language === 'zh-CN' ? 'en' : 'zh-CN'

  return (
    <Flex align="center" gap={compact ? 4 : 8} style={{ flex: 1, minWidth: 0 }}>
      {orgs.length > 0 ? (
        <Select
          data-testid="org-switcher"
          aria-label={t('app.header.orgSwitcher')}
          value={currentOrgId ?? undefined}
          onChange={(id: string) => setCurrentOrgId(id)}
          options={orgs.map((o) => ({ value: o.id, label: o.name }))}
          style={{ minWidth: 0, width: compact ? 150 : 240 }}
          popupMatchSelectWidth={false}
          showSearch={orgs.length > 6}
          optionFilterProp="label"
        />
      ) : null}
      <span style={{ flex: 1 }} />
      <NotificationBell compact={compact} />
      <Tooltip title={t('app.header.switchLanguage')}>
        <Button
          type="text"
          icon={<GlobalOutlined />}
          aria-label={t('app.header.switchLanguage')}
          onClick={() => setLanguage(nextLanguage)}
        >
          {compact ? null : t('app.header.otherLanguage')}
        </Button>
      </Tooltip>
      <Tooltip title={t('app.header.largeText')}>
        <Button
          type={largeText ? 'primary' : 'text'}
          icon={<FontSizeOutlined />}
          aria-label={t('app.header.largeText')}
          aria-pressed={largeText}
          onClick={() => setLargeText(!largeText)}
        />
      </Tooltip>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'password', label: t('app.header.changePassword') },
            { type: 'divider' },
            { key: 'logout', label: t('app.header.logout'), danger: true },
          ],
          onClick: ({ key }) => {
            if (key === 'password') setPasswordOpen(true)
            if (key === 'logout') logoutMutation.mutate()
          },
        }}
      >
        <Button type="text" aria-label={t('app.header.userMenu')} icon={<UserOutlined />}>
          {compact ? null : (
            <>
              {session?.member.name} <DownOutlined />
            </>
          )}
        </Button>
      </Dropdown>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Flex>
  )
}
