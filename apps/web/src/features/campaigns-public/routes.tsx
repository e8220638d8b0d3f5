import type { RouteObject } from 'react-router'
import { PagePending } from './components/page-pending'

/**
 * Worker-facing campaign pages (phones, WeChat): outside the staff layout, each page its own
 * lazy chunk, none of them using AntD. Share links are /c/<campaignId>/candidates/<candidateId>.
 */

const page = (path: string, lazy: RouteObject['lazy']): RouteObject => ({
  path,
  lazy,
  HydrateFallback: PagePending,
})

export const campaignPublicRoutes: RouteObject[] = [
  page('/c/consent/:token', () => import('./routes/consent-page')),
  // The server's consent link (consentUrl) is /consent/<token>.
  page('/consent/:token', () => import('./routes/consent-page')),
  page('/c/:campaignId', () => import('./routes/campaign-home-page')),
  page('/c/:campaignId/nominate', () => import('./routes/nominate-page')),
  page('/c/:campaignId/candidates', () => import('./routes/candidates-page')),
  page('/c/:campaignId/candidates/:candidateId', () => import('./routes/candidate-page')),
  page('/c/:campaignId/vote', () => import('./routes/vote-page')),
  page('/c/:campaignId/receipts', () => import('./routes/receipts-page')),
  page('/c/:campaignId/receipts/:code', () => import('./routes/receipt-lookup-page')),
  page('/c/:campaignId/leaderboard', () => import('./routes/leaderboard-page')),
  page('/c/:campaignId/results', () => import('./routes/results-page')),
]
