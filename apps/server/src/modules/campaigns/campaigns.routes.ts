import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { CampaignsDeps } from './campaigns.deps'
import { publicSetupRoutes, setupRoutes } from './setup/setup.routes'

/** Staff routes of every campaign sub-feature, mounted at /api/v1/campaigns. */
export const campaignsRoutes: FastifyPluginAsyncZod<{ deps: CampaignsDeps }> = async (
  app,
  { deps },
) => {
  await app.register(setupRoutes, { db: deps.db })
}

/** Public and member routes for worker pages, mounted at /api/v1/public/campaigns. */
export const publicCampaignsRoutes: FastifyPluginAsyncZod<{ deps: CampaignsDeps }> = async (
  app,
  { deps },
) => {
  await app.register(publicSetupRoutes, { db: deps.db })
}
