import type { RouteObject } from 'react-router'

/**
 * Worker-facing station pages (phones, WeChat): outside the staff layout, each page its own
 * lazy chunk, none of them using AntD. The door poster's QR code opens /s/<id>/check-in.
 */
const Pending = () => <div aria-busy="true" style={{ minHeight: '100vh' }} />

const page = (path: string, lazy: RouteObject['lazy']): RouteObject => ({
  path,
  lazy,
  HydrateFallback: Pending,
})

export const stationPublicRoutes: RouteObject[] = [
  page('/s', () => import('./routes/nearby-page')),
  page('/s/:stationId', () => import('./routes/station-page')),
  page('/s/:stationId/check-in', () => import('./routes/check-in-page')),
  page('/s/:stationId/poster', () => import('./routes/poster-page')),
]
