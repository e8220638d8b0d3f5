import { queryOptions } from '@tanstack/react-query'
import { apiRequest } from './api-client'

/**
 * GET /config/public, once per page load whoever asks: the map's tile layer, the public origin.
 * Each user reads its part with `select`; three query keys used to fetch it three times, each a
 * round trip a slow phone waited for before the station request could start.
 */
export const publicConfigQuery = queryOptions({
  queryKey: ['config', 'public'] as const,
  queryFn: ({ signal }) => apiRequest('/config/public', { signal }),
  staleTime: Infinity,
})
