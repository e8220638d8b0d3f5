import { render } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { Session } from '@unionhall/contracts'
import type { ComponentType } from 'react'
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router'
import { SessionProvider } from '../../../lib/session'
import { UiPrefsProvider } from '../../../lib/ui-prefs'

export const memberSession: Session = {
  member: {
    id: '01a2270b-7dd3-7662-b520-0268f56c81b9',
    name: '张建明',
    orgId: '01a2270b-7d6a-7c12-abf4-7ce3e28e9599',
    orgName: '龙岗区建筑行业工联会',
  },
  grants: [],
  csrfToken: 'token',
  expiresAt: '2030-01-01T00:00:00.000Z',
}

/** Where the page went: the wish form stands in for any worker page that sent the member here. */
const Landed = () => {
  const { pathname, search } = useLocation()
  return <p data-testid="landed">{pathname + search}</p>
}

/**
 * One of the sign-in pages with the real session provider (it asks /auth/session first), on a
 * router that also holds the worker page to come back to.
 */
export const renderAccountPage = (path: string, routePath: string, Page: ComponentType) => {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  })
  const router = createMemoryRouter(
    [
      { path: routePath, Component: Page },
      { path: '/w/new', Component: Landed },
      { path: '/w/mine', Component: Landed },
    ],
    { initialEntries: [path] },
  )
  const view = render(
    <QueryClientProvider client={client}>
      <UiPrefsProvider>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </UiPrefsProvider>
    </QueryClientProvider>,
  )
  return { ...view, client }
}
