import type { RouteObject } from 'react-router'
import { PagePending } from '../campaigns-public/components/page-pending'

/**
 * Worker-facing station pages (phones, WeChat): outside the staff layout, each page its own
 * lazy chunk, none of them using AntD. The door poster's QR code opens /s/<id>/check-in.
 */

const page = (path: string, lazy: RouteObject['lazy']): RouteObject => ({
  path,
  lazy,
  HydrateFallback: PagePending,
})

export const stationPublicRoutes: RouteObject[] = [
  page('/s', () => import('./routes/nearby-page')),
  page('/s/:stationId', () => import('./routes/station-page')),
  page('/s/:stationId/check-in', () => import('./routes/check-in-page')),
  page('/s/:stationId/poster', () => import('./routes/poster-page')),
]
