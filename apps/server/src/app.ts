import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import fastifyStatic from '@fastify/static'
import type { FastifyServerOptions } from 'fastify'
import { trustProxyOf, type Config } from './config/env'
import { auditMigrations, auditRoutes, setAuditCounter } from './core/audit'
import { authMigrations, authRoutes, createAuthService } from './core/auth'
import { membersMigrations, membersRoutes } from './core/members'
import { notificationsMigrations, notificationsRoutes } from './core/notifications'
import { orgsMigrations, orgsRoutes, publicOrgsRoutes } from './core/orgs'
import { loadGrants, rolesMigrations, rolesRoutes } from './core/roles'
import {
  collectOrphanUploads,
  registerUploadReferences,
  uploadsMigrations,
  uploadsRoutes,
} from './core/uploads'
import {
  advanceDuePhases,
  campaignsMigrations,
  campaignsRoutes,
  listCampaignUploadIds,
  publicCampaignsRoutes,
} from './modules/campaigns'
import {
  addCnHolidayYears,
  holidayCalendarWarning,
  listStationUploadIds,
  myShiftsRoutes,
  publicShiftFeedRoutes,
  publicStationsRoutes,
  readHolidayFile,
  stationsMigrations,
  stationsRoutes,
} from './modules/stations'
import {
  expireDueClaims,
  listWishUploadIds,
  myWishesRoutes,
  publicWishesRoutes,
  wishesMigrations,
  wishesRoutes,
} from './modules/wishes'
import { createFieldCrypto } from './platform/crypto/field-crypto'
import { setPasswordHashCost } from './platform/crypto/password'
import { createDatabase, type Database } from './platform/db/create-db'
import { createMigrationProvider, migrateToLatest } from './platform/db/migration-provider'
import { createHttp } from './platform/http/create-http'
import { sendError } from './platform/http/error-handler'
import { platformRoutes } from './platform/http/platform-routes'
import { startIntervalJob } from './platform/jobs/interval-job'
import { createBlobStore } from './platform/files/blob-store'
import { createMetrics } from './platform/metrics/metrics'
import { createConsoleSmsProvider } from './platform/sms/sms-provider'

/** Every module's migrations, in one provider (names sort across modules by their date prefix). */
export const migrationProvider = createMigrationProvider(
  auditMigrations,
  orgsMigrations,
  membersMigrations,
  rolesMigrations,
  authMigrations,
  uploadsMigrations,
  notificationsMigrations,
  campaignsMigrations,
  stationsMigrations,
  wishesMigrations,
)

export type BuildOptions = {
  /** Use an already opened database (tests share one per file). */
  database?: Database
  logger?: FastifyServerOptions['logger']
  /** Folder of the built web app; served with an SPA fallback when it exists. */
  webDist?: string | null
  /** Start periodic jobs (phase scheduler). main.ts turns them on; tests drive them by hand. */
  jobs?: boolean
}

const defaultWebDist = () => {
  const here = path.dirname(fileURLToPath(import.meta.url))
  return path.resolve(here, '../../web/dist')
}

/**
 * Builds UnionHall without listening: opens and migrates the database, then registers the
 * platform plugins, core and modules. main.ts, tests and scripts all build the app this way.
 */
export const buildApp = async (config: Config, options: BuildOptions = {}) => {
  const database = options.database ?? createDatabase(config.DATABASE_URL)
  await migrateToLatest(database.db, migrationProvider)
  setPasswordHashCost(config.PASSWORD_SCRYPT_N)
  const metrics = createMetrics()
  setAuditCounter(() => metrics.auditWrites.inc())
  const crypto = createFieldCrypto(config.DATA_KEY)
  const sms = createConsoleSmsProvider((line) => app.log.info(line), {
    maskNumbers: config.NODE_ENV === 'production',
  })
  const auth = createAuthService({
    db: database.db,
    crypto,
    sms,
    sessionSecret: config.SESSION_SECRET,
    sessionTtlHours: config.SESSION_TTL_HOURS,
    loginMaxFailures: config.LOGIN_MAX_FAILURES,
    loginWindowMinutes: config.LOGIN_WINDOW_MINUTES,
  })
  const app = await createHttp({
    logLevel: config.LOG_LEVEL,
    logger: options.logger,
    bodyLimit: config.BODY_LIMIT_BYTES,
    uploadLimit: config.UPLOAD_LIMIT_BYTES,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    trustProxy: trustProxyOf(config.TRUST_PROXY),
    // Empty (as in .env.example) means unset.
    publicOrigin: config.PUBLIC_ORIGIN || null,
    authenticator: auth.authenticator,
    metrics,
    checkResponses: config.NODE_ENV !== 'production',
  })
  const db = database.db
  const cookieSecure =
    config.COOKIE_SECURE === 'auto'
      ? config.NODE_ENV === 'production'
      : config.COOKIE_SECURE === 'true'

  await app.register(platformRoutes, {
    db,
    metrics,
    publicConfig: {
      defaultLocale: 'zh-CN',
      locales: ['zh-CN', 'en'],
      smsProvider: sms.name,
      // Links that leave the site (QR posters, share and consent links the staff copy) are
      // built from this in the browser too, never from the address the page was opened at.
      publicOrigin: config.PUBLIC_ORIGIN || null,
      map: {
        tileUrl: config.MAP_TILE_URL,
        subdomains: config.MAP_TILE_SUBDOMAINS,
        attribution: config.MAP_TILE_ATTRIBUTION,
        coordSystem: config.MAP_TILE_COORD_SYSTEM,
      },
    },
  })
  await app.register(authRoutes, { prefix: '/api/v1/auth', auth, cookieSecure })
  await app.register(orgsRoutes, { prefix: '/api/v1/orgs', db })
  await app.register(publicOrgsRoutes, { prefix: '/api/v1/public/orgs', db })
  await app.register(membersRoutes, {
    prefix: '/api/v1/members',
    deps: { db, crypto, grantsOf: (memberId) => loadGrants(db, memberId) },
  })
  await app.register(rolesRoutes, { prefix: '/api/v1/role-grants', db })
  await app.register(auditRoutes, { prefix: '/api/v1/audit', db })
  await app.register(notificationsRoutes, { prefix: '/api/v1/notifications', db })
  const uploadsDeps = { db, blobs: createBlobStore(path.join(config.DATA_DIR, 'uploads')) }
  await app.register(uploadsRoutes, {
    prefix: '/api/v1/uploads',
    deps: uploadsDeps,
    uploadLimit: config.UPLOAD_LIMIT_BYTES,
  })
  const campaignsDeps = {
    db,
    database,
    crypto,
    secret: config.SESSION_SECRET,
    sms,
    consumeOtp: (trx: typeof db, mobile: string, purpose: 'vote', code: string, now: Date) =>
      auth.consumeOtp(trx, { actor: null, requestId: null, ip: null, now }, mobile, purpose, code),
  }
  await app.register(campaignsRoutes, { prefix: '/api/v1/campaigns', deps: campaignsDeps })
  await app.register(publicCampaignsRoutes, {
    prefix: '/api/v1/public/campaigns',
    deps: campaignsDeps,
  })
  // Holiday years published after this release, before any station's hours are evaluated.
  if (config.HOLIDAYS_FILE) addCnHolidayYears(readHolidayFile(config.HOLIDAYS_FILE))
  const stationsDeps = {
    db,
    crypto,
    secret: config.SESSION_SECRET,
    checkInMinutes: config.STATION_CHECK_IN_MINUTES,
  }
  await app.register(stationsRoutes, { prefix: '/api/v1/stations', deps: stationsDeps })
  await app.register(publicStationsRoutes, {
    prefix: '/api/v1/public/stations',
    deps: stationsDeps,
  })
  await app.register(myShiftsRoutes, { prefix: '/api/v1/my/shifts', deps: stationsDeps })
  await app.register(publicShiftFeedRoutes, {
    prefix: '/api/v1/public/shift-feeds',
    deps: stationsDeps,
  })

  const wishesDeps = { db, crypto }
  await app.register(wishesRoutes, { prefix: '/api/v1/wishes', deps: wishesDeps })
  await app.register(myWishesRoutes, { prefix: '/api/v1/my', deps: wishesDeps })
  await app.register(publicWishesRoutes, { prefix: '/api/v1/public/wishes', deps: wishesDeps })

  // Every module that stores upload paths names the uploads it refers to; the orphan collector
  // deletes the others (ADR 0027). A module storing image URLs in a new place registers here.
  registerUploadReferences('campaigns', listCampaignUploadIds)
  registerUploadReferences('stations', listStationUploadIds)
  registerUploadReferences('wishes', listWishUploadIds)

  if (options.jobs) {
    // A campaign a phase rule holds (jury scores missing) is retried every minute; it is said
    // once when it starts waiting, not at every run.
    let waiting = new Set<string>()
    const phaseJob = startIntervalJob(
      'campaign-phases',
      60_000,
      async () => {
        const { failed, held } = await advanceDuePhases(db)
        for (const f of failed)
          app.log.error({ err: f.error, campaignId: f.campaignId }, 'campaign phase change failed')
        const now = new Set(held.map((h) => `${h.campaignId}|${h.code}`))
        for (const h of held)
          if (!waiting.has(`${h.campaignId}|${h.code}`))
            app.log.warn(h, 'campaign waits in its phase until staff act')
        waiting = now
      },
      app.log,
    )
    // Claims past their due date go back to the wall; wishes past their deadline expire.
    const wishJob = startIntervalJob(
      'wish-expiry',
      60_000,
      () => expireDueClaims(db, new Date()),
      app.log,
    )
    // Once a day: warn the operators while next year's holidays are missing (see HOLIDAYS_FILE).
    const calendarJob = startIntervalJob(
      'holiday-calendar',
      86_400_000,
      async () => {
        const warning = holidayCalendarWarning(new Date())
        if (warning) app.log.warn(warning)
      },
      app.log,
    )
    // Every 6 hours, uploads nothing refers to (abandoned forms, replaced photos) are deleted.
    // Not at start-up: it reads every reference, and npm start should not wait for that.
    const uploadsJob = startIntervalJob(
      'orphan-uploads',
      6 * 3_600_000,
      async () => {
        const counts = await collectOrphanUploads(uploadsDeps, new Date())
        if (counts.deleted > 0) app.log.info(counts, 'unreferenced uploads deleted')
      },
      app.log,
    )
    app.addHook('onReady', async () => {
      await phaseJob.runNow()
      await wishJob.runNow()
      await calendarJob.runNow()
    })
    app.addHook('onClose', async () => {
      phaseJob.stop()
      wishJob.stop()
      calendarJob.stop()
      uploadsJob.stop()
    })
  }

  /** Vite's output names: assets/<name>-<8+ character hash>.<ext>, possibly precompressed. */
  const isHashedAsset = (filePath: string) =>
    /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+(\.(br|gz))?$/.test(filePath)
  const webDist =
    options.webDist === undefined ? (config.WEB_DIST ?? defaultWebDist()) : options.webDist
  const hasWeb = webDist !== null && existsSync(path.join(webDist, 'index.html'))
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: true,
      // '/' is a directory: serve the app's entry page there, never a 403 for the listing.
      index: ['index.html'],
      maxAge: '1h',
      // The build writes .br and .gz copies of its text files (apps/web/precompress.ts): sent
      // to browsers that accept them, about a third of the bytes on a slow phone network.
      preCompressed: true,
      // Files under /assets/ carry a content hash in their name, so they never change: a phone
      // keeps them for a year and does not ask again. The entry page must be revalidated so a
      // deploy shows at once; other files (the icon) keep the hour.
      setHeaders: (res, filePath) => {
        if (filePath.endsWith('index.html')) res.header('cache-control', 'no-cache')
        else if (isHashedAsset(filePath))
          res.header('cache-control', 'public, max-age=31536000, immutable')
      },
    })
  }
  app.setNotFoundHandler(async (request, reply) => {
    const isPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      (request.headers.accept ?? '').includes('text/html')
    if (hasWeb && isPage) return reply.header('cache-control', 'no-cache').sendFile('index.html')
    return sendError(
      request,
      reply,
      404,
      'ROUTE_NOT_FOUND',
      `No route ${request.method} ${request.url.split('?')[0]}`,
    )
  })

  app.addHook('onClose', async () => {
    if (!options.database) await database.destroy()
  })

  return { app, database, auth, sms, crypto, metrics }
}

export type Built = Awaited<ReturnType<typeof buildApp>>
