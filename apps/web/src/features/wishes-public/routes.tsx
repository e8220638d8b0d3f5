import { redirect, type RouteObject } from 'react-router'
import { PagePending } from '../campaigns-public/components/page-pending'

/**
 * Worker and volunteer wish pages (phones, WeChat): outside the staff layout, each page its own
 * lazy chunk, none of them using AntD. Notifications link to /w/my/wishes/<id> and
 * /w/my/claims (wishLinks in the contracts), kept as aliases of /w/mine and /w/claims.
 */

const page = (path: string, lazy: RouteObject['lazy']): RouteObject => ({
  path,
  lazy,
  HydrateFallback: PagePending,
})

const mine = () => import('./routes/my-wishes-page')
const claims = () => import('./routes/my-claims-page')

export const wishPublicRoutes: RouteObject[] = [
  // /w typed by hand: the wall, not the staff console's "page not found".
  { path: '/w', loader: () => redirect('/w/wall') },
  page('/w/new', () => import('./routes/post-page')),
  page('/w/wall', () => import('./routes/wall-page')),
  page('/w/mine', mine),
  page('/w/my/wishes', mine),
  page('/w/my/wishes/:wishId', mine),
  page('/w/claims', claims),
  page('/w/my/claims', claims),
  page('/w/notifications', () => import('./routes/notifications-page')),
]
