import { MenuOutlined } from '@ant-design/icons'
import { Button, Drawer, Grid, Layout, Menu, theme } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Outlet, useLocation, useNavigate } from 'react-router'
import { useSession } from '../lib/session'
import { HeaderActions } from './header-actions'
import { activeNavPath, navItems } from './nav-items'
import { layoutSizes } from './theme'

export const AppLayout = () => {
  const { t } = useTranslation()
  const { can } = useSession()
  const screens = Grid.useBreakpoint()
  const isDesktop = screens.lg ?? true
  const [drawerOpen, setDrawerOpen] = useState(false)
  const location = useLocation()
  const navigate = useNavigate()
  const { token } = theme.useToken()

  const items = useMemo(
    () =>
      navItems
        .filter((item) => !item.permission || can(item.permission))
        .map((item) => ({ key: item.path, icon: item.icon, label: t(item.labelKey) })),
    [can, t],
  )

  const menu = (
    <Menu
      mode="inline"
      theme={isDesktop ? 'dark' : 'light'}
      selectedKeys={[activeNavPath(location.pathname)]}
      items={items}
      onClick={({ key }) => {
        setDrawerOpen(false)
        void navigate(key)
      }}
    />
  )

  const brand = (
    <div
      style={{
        height: layoutSizes.headerHeight,
        display: 'flex',
        alignItems: 'center',
        padding: '0 20px',
        fontWeight: 600,
        fontSize: '1.1em',
        color: isDesktop ? token.colorWhite : token.colorText,
        whiteSpace: 'nowrap',
      }}
    >
      {t('app.name')}
    </div>
  )

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isDesktop ? (
        <Layout.Sider width={layoutSizes.siderWidth}>
          <nav aria-label={t('app.navigation')}>
            {brand}
            {menu}
          </nav>
        </Layout.Sider>
      ) : (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          width={260}
          title={t('app.name')}
          styles={{ body: { padding: 0 } }}
        >
          <nav aria-label={t('app.navigation')}>{menu}</nav>
        </Drawer>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            height: layoutSizes.headerHeight,
            lineHeight: `${layoutSizes.headerHeight}px`,
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          {!isDesktop ? (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('app.openMenu')}
              onClick={() => setDrawerOpen(true)}
            />
          ) : null}
          <HeaderActions compact={!isDesktop} />
        </Layout.Header>
        <Layout.Content style={{ padding: isDesktop ? 24 : 12 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  )
}
