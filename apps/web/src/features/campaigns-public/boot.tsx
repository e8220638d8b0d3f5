import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode, useEffect } from 'react'
import { createRoot } from 'react-dom/client'
import { createBrowserRouter, RouterProvider } from 'react-router'
import { isApiError } from '../../lib/api-error'
import { noteLocation } from '../../lib/nav-trail'
import { languageReady, setupI18n } from '../../lib/i18n'
import { SessionProvider } from '../../lib/session'
import { UiPrefsProvider } from '../../lib/ui-prefs'
import { accountPublicRoutes } from '../account-public/routes'
import { stationPublicRoutes } from '../stations-public/routes'
import { wishPublicRoutes } from '../wishes-public/routes'
import { campaignPublicRoutes } from './routes'
import '../../styles.css'

/** Any other path: a full page load, so the staff app (login, console) boots with AntD. */
const FullLoad = () => {
  useEffect(() => {
    window.location.replace(window.location.href)
  }, [])
  return null
}

setupI18n()

// networkMode 'always': offline, a request fails with NETWORK_ERROR and the page says so.
// The default pauses it while the phone reports no network, so 签出 or 提交 would spin in silence.
const queryClient = new QueryClient({
  defaultOptions: {
    mutations: { networkMode: 'always' },
    queries: {
      networkMode: 'always',
      staleTime: 10_000,
      refetchOnWindowFocus: false,
      // Slow networks: retry network and server failures, never a 4xx answer.
      retry: (count, error) =>
        count < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
    },
  },
})
const router = createBrowserRouter([
  ...campaignPublicRoutes,
  ...accountPublicRoutes,
  ...stationPublicRoutes,
  ...wishPublicRoutes,
  { path: '*', Component: FullLoad },
])
// Where each history entry is, so sign-in can go back to the page that asked (lib/nav-trail.ts).
const pathOf = (l: { pathname: string; search: string }) => l.pathname + l.search
noteLocation(pathOf(router.state.location), 'REPLACE')
router.subscribe((state) => noteLocation(pathOf(state.location), state.historyAction))
const root = document.getElementById('root')
if (!root) throw new Error('#root missing')

// English, when the page starts in it, is a chunk of its own: paint once it is here.
void languageReady().then(() =>
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <UiPrefsProvider>
          <SessionProvider onlyWithMarker>
            <RouterProvider router={router} />
          </SessionProvider>
        </UiPrefsProvider>
      </QueryClientProvider>
    </StrictMode>,
  ),
)
