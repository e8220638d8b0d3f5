import { createBrowserRouter, type RouteObject } from 'react-router'
import { campaignPublicRoutes } from '../features/campaigns-public/routes'
import { wishPublicRoutes } from '../features/wishes-public/routes'
import { AppLayout } from './app-layout'
import { NotFoundPage } from './not-found-page'
import { FullPageSpin, guardedPage, RequireAuth } from './require-auth'

/** The route table. Each feature's pages load lazily; guarded routes need a permission. */
export const routes: RouteObject[] = [
  {
    path: '/login',
    HydrateFallback: FullPageSpin,
    lazy: () => import('../features/auth/routes/login-page'),
  },
  {
    path: '/register',
    HydrateFallback: FullPageSpin,
    lazy: () => import('../features/auth/routes/register-page'),
  },
  // Worker campaign pages (/c/…): public, phone-first, outside the staff layout.
  ...campaignPublicRoutes,
  // Worker wish pages (/w/…): the login page returns to them without a full load.
  ...wishPublicRoutes,
  {
    path: '/',
    HydrateFallback: FullPageSpin,
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      {
        index: true,
        lazy: guardedPage(undefined, () => import('../features/dashboard/routes/home-page')),
      },
      {
        path: 'orgs',
        lazy: guardedPage('org:read', () => import('../features/orgs/routes/org-tree-page')),
      },
      {
        path: 'members',
        lazy: guardedPage('member:read', () => import('../features/members/routes/members-page')),
      },
      {
        path: 'members/import',
        lazy: guardedPage(
          'member:manage',
          () => import('../features/members/routes/member-import-page'),
        ),
      },
      {
        path: 'role-grants',
        lazy: guardedPage('role:manage', () => import('../features/roles/routes/role-grants-page')),
      },
      {
        path: 'audit',
        lazy: guardedPage('audit:read', () => import('../features/audit/routes/audit-page')),
      },
      {
        path: 'campaigns',
        lazy: guardedPage(
          'campaign:read',
          () => import('../features/campaigns/routes/campaigns-page'),
        ),
      },
      {
        path: 'campaigns/new',
        lazy: guardedPage(
          'campaign:manage',
          () => import('../features/campaigns/routes/campaign-create-page'),
        ),
      },
      {
        path: 'campaigns/:campaignId',
        lazy: guardedPage(
          'campaign:read',
          () => import('../features/campaigns/routes/campaign-detail-page'),
        ),
      },
      {
        path: 'campaigns/:campaignId/edit',
        lazy: guardedPage(
          'campaign:manage',
          () => import('../features/campaigns/routes/campaign-edit-page'),
        ),
      },
      {
        path: 'stations',
        lazy: guardedPage(
          'station:read',
          () => import('../features/stations/routes/stations-page'),
        ),
      },
      {
        path: 'stations/overview',
        lazy: guardedPage(
          'station:read',
          () => import('../features/stations/routes/stations-overview-page'),
        ),
      },
      {
        path: 'stations/new',
        lazy: guardedPage(
          'station:manage',
          () => import('../features/stations/routes/station-create-page'),
        ),
      },
      {
        path: 'stations/:stationId',
        lazy: guardedPage(
          'station:read',
          () => import('../features/stations/routes/station-detail-page'),
        ),
      },
      {
        path: 'stations/:stationId/edit',
        lazy: guardedPage(
          'station:manage',
          () => import('../features/stations/routes/station-edit-page'),
        ),
      },
      {
        path: 'stations/:stationId/roster',
        lazy: guardedPage(
          'station:read',
          () => import('../features/stations/roster/routes/roster-page'),
        ),
      },
      {
        path: 'wishes',
        lazy: guardedPage('wish:read', () => import('../features/wishes/routes/wishes-page')),
      },
      {
        path: 'wishes/partners',
        lazy: guardedPage('wish:read', () => import('../features/wishes/routes/partners-page')),
      },
      {
        path: 'wishes/reports',
        lazy: guardedPage('wish:read', () => import('../features/wishes/routes/wish-reports-page')),
      },
      {
        path: 'wishes/:wishId',
        lazy: guardedPage('wish:read', () => import('../features/wishes/routes/wishes-page')),
      },
      {
        // Anyone signed in may be on a roster somewhere; the server answers only their own shifts.
        path: 'my/shifts',
        lazy: guardedPage(
          undefined,
          () => import('../features/stations/roster/routes/my-shifts-page'),
        ),
      },
      {
        // Jurors are members listed on the campaign; the server checks that, not a role.
        path: 'campaigns/:campaignId/jury',
        lazy: guardedPage(
          undefined,
          () => import('../features/campaigns/routes/jury-scoring-page'),
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]

export const createRouter = () => createBrowserRouter(routes)
