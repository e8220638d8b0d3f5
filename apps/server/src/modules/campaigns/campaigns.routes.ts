import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { CampaignsDeps } from './campaigns.deps'
import { nominationsRoutes, publicNominationsRoutes } from './nominations/nominations.routes'
import { publicResultsRoutes, resultsRoutes } from './results/results.routes'
import { publicSetupRoutes, setupRoutes } from './setup/setup.routes'
import { publicVotesRoutes, votesRoutes } from './votes/votes.routes'

/** Staff routes of every campaign sub-feature, mounted at /api/v1/campaigns. */
export const campaignsRoutes: FastifyPluginAsyncZod<{ deps: CampaignsDeps }> = async (
  app,
  { deps },
) => {
  await app.register(setupRoutes, { db: deps.db })
  await app.register(nominationsRoutes, { deps })
  await app.register(votesRoutes, { deps })
  await app.register(resultsRoutes, { deps })
}

/** Public and member routes for worker pages, mounted at /api/v1/public/campaigns. */
export const publicCampaignsRoutes: FastifyPluginAsyncZod<{ deps: CampaignsDeps }> = async (
  app,
  { deps },
) => {
  await app.register(publicSetupRoutes, { db: deps.db })
  await app.register(publicNominationsRoutes, { deps })
  await app.register(publicVotesRoutes, { deps })
  await app.register(publicResultsRoutes, { deps })
}
