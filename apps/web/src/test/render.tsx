import { render } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { Session } from '@unionhall/contracts'
import { App as AntApp, ConfigProvider } from 'antd'
import zhCN from 'antd/locale/zh_CN'
import type { ReactElement } from 'react'
import { StaticSessionProvider } from '../lib/session'

export const makeSession = (permissions: Session['grants'][number]['permissions']): Session => ({
  member: {
    id: '01a2270b-7dd3-7662-b520-0268f56c81b2',
    name: '测试干部',
    orgId: '01a2270b-7d6a-7c12-abf4-7ce3e28e9562',
    orgName: '甘肃省总工会',
  },
  grants: [
    {
      orgId: '01a2270b-7d6a-7c12-abf4-7ce3e28e9562',
      orgName: '甘肃省总工会',
      role: 'staff',
      permissions,
    },
  ],
  csrfToken: 'token',
  expiresAt: '2030-01-01T00:00:00.000Z',
})

/** Renders with the app's providers: query client, AntD (zh-CN) and a fixed session. */
export const renderWithProviders = (ui: ReactElement, session: Session | null = null) => {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  return render(
    <QueryClientProvider client={client}>
      <ConfigProvider locale={zhCN}>
        <AntApp>
          <StaticSessionProvider session={session}>{ui}</StaticSessionProvider>
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>,
  )
}
