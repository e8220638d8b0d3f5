import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { App as AntApp, ConfigProvider } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import type { ReactNode } from 'react'
import { useEffect, useMemo } from 'react'
import { isApiError } from '../lib/api-error'
import { SessionProvider } from '../lib/session'
import { UiPrefsProvider, useUiPrefs } from '../lib/ui-prefs'
import { buildTheme } from './theme'

export const createQueryClient = () =>
  // networkMode 'always': offline, a request fails with NETWORK_ERROR and the page says so
  // instead of pausing in silence (the default while the browser reports no network).
  new QueryClient({
    defaultOptions: {
      mutations: { networkMode: 'always' },
      queries: {
        networkMode: 'always',
        staleTime: 10_000,
        refetchOnWindowFocus: false,
        retry: (count, error) =>
          count < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      },
    },
  })

const ThemedApp = ({ children }: { children: ReactNode }) => {
  const { language, largeText } = useUiPrefs()
  const theme = useMemo(() => buildTheme(largeText), [largeText])
  useEffect(() => {
    dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en')
  }, [language])
  return (
    <ConfigProvider locale={language === 'zh-CN' ? zhCN : enUS} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  )
}

export const AppProviders = ({
  children,
  queryClient,
}: {
  children: ReactNode
  queryClient: QueryClient
}) => (
  <QueryClientProvider client={queryClient}>
    <UiPrefsProvider>
      <ThemedApp>
        {/* No session request without the signed-in marker: a signed-out visitor's browser logs no
            401, and the console's sign-in page shows a round trip sooner. */}
        <SessionProvider onlyWithMarker>{children}</SessionProvider>
      </ThemedApp>
    </UiPrefsProvider>
  </QueryClientProvider>
)
