import { redirect, type RouteObject } from 'react-router'
import { PagePending } from '../campaigns-public/components/page-pending'

/**
 * Member sign-in and registration on the worker bundle. A worker who must sign in to vote, post
 * a wish or claim one comes here, not to the console's login page: that one loads AntD, about
 * twelve seconds on a 400 kbps phone before the form appears.
 */
const page = (path: string, lazy: RouteObject['lazy']): RouteObject => ({
  path,
  lazy,
  HydrateFallback: PagePending,
})

export const accountPublicRoutes: RouteObject[] = [
  { path: '/m', loader: () => redirect('/m/login') },
  page('/m/login', () => import('./routes/login-page')),
  page('/m/register', () => import('./routes/register-page')),
  page('/m/reset', () => import('./routes/reset-page')),
]
