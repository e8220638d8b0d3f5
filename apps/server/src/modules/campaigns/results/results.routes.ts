import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { CampaignsDeps } from '../campaigns.deps'

// Routes of the results sub-feature are added here (work in progress in this commit).

/** Staff routes, mounted under /api/v1/campaigns. */
export const resultsRoutes: FastifyPluginAsyncZod<{ deps: CampaignsDeps }> = async (
  _app,
  _opts,
) => {}

/** Public and member routes for worker pages, mounted under /api/v1/public/campaigns. */
export const publicResultsRoutes: FastifyPluginAsyncZod<{ deps: CampaignsDeps }> = async (
  _app,
  _opts,
) => {}
