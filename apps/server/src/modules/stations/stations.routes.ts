import {
  CheckInBodySchema,
  CheckInResultSchema,
  CheckOutBodySchema,
  CheckOutResultSchema,
  CloseStationBodySchema,
  ClusterQuerySchema,
  ClusterResultSchema,
  CoordSystemSchema,
  CreateStationBodySchema,
  HolidayCalendarReachSchema,
  IdSchema,
  NearestQuerySchema,
  PlaceQuerySchema,
  PlaceResultSchema,
  NearestResultSchema,
  PublicStationSchema,
  StationCheckInCodeSchema,
  StationContactSchema,
  StationListQuerySchema,
  StationPageSchema,
  StationSchema,
  StationStatsQuerySchema,
  StationStatsSchema,
  UpdateStationBodySchema,
  PublicOpenDataQuerySchema,
} from '@unionhall/contracts'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ctxOf } from '../../core/access'
import { sendJsonText } from '../../platform/http/rendered-json'
import {
  reportDirectoryTo,
  stopDirectoryWarmUp,
  warmDirectory,
} from './directory/directory.service'
import { holidayCalendarReach } from './holiday-calendar.service'
import * as pub from './public.service'
import { openDataRoutes } from './open-data/open-data.routes'
import { publicOpenData } from './open-data/open-data.service'
import { rosterRoutes } from './roster/roster.routes'
import * as stats from './stats.service'
import * as svc from './stations.service'
import type { StationsDeps } from './stations.deps'

const tags = ['stations']
const Params = z.object({ stationId: IdSchema })

/** Staff console: the station directory. Mounted at /api/v1/stations. */
export const stationsRoutes: FastifyPluginAsyncZod<{ deps: StationsDeps }> = async (
  app,
  { deps },
) => {
  const { db } = deps
  // The duty roster (shifts, coverage) lives in its sub-feature.
  await app.register(rosterRoutes, { deps })
  // Imports and open-data exports (.xlsx, HSDS, GeoJSON) live in their sub-feature.
  await app.register(openDataRoutes, { deps })

  app.get(
    '/',
    {
      schema: {
        tags,
        summary:
          'Stations in my subtrees (search matches name or address; metric: the stations behind a roll-up count)',
        querystring: StationListQuerySchema,
        response: { 200: StationPageSchema },
      },
      config: { access: { permission: 'station:read' } },
    },
    async (req) => svc.listStations(db, ctxOf(req), req.query),
  )

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Create a station (location in any of WGS-84, GCJ-02, BD-09; stored as WGS-84)',
        body: CreateStationBodySchema,
        response: { 201: StationSchema },
      },
      config: { access: { permission: 'station:manage' } },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.createStation(deps, ctxOf(req), req.body)),
  )

  app.get(
    '/stats',
    {
      schema: {
        tags,
        summary: "Roll-ups of an org's subtree: stations, open now, 24-hour, check-ins",
        querystring: StationStatsQuerySchema,
        response: { 200: StationStatsSchema },
      },
      config: { access: { permission: 'station:read' } },
    },
    async (req) => stats.stationStats(db, ctxOf(req), req.query.orgId),
  )

  app.get(
    '/holiday-calendar',
    {
      schema: {
        tags,
        summary:
          'The last date the public-holiday calendar knows (built in and HOLIDAYS_FILE); later days count as ordinary days',
        response: { 200: HolidayCalendarReachSchema },
      },
      config: { access: { permission: 'station:read' } },
    },
    async (req) => holidayCalendarReach(ctxOf(req)),
  )

  app.get(
    '/:stationId',
    {
      schema: { tags, params: Params, response: { 200: StationSchema } },
      config: { access: { permission: 'station:read' } },
    },
    async (req) => svc.getStation(db, ctxOf(req), req.params.stationId),
  )

  app.patch(
    '/:stationId',
    {
      schema: {
        tags,
        summary: 'Edit a station',
        params: Params,
        body: UpdateStationBodySchema,
        response: { 200: StationSchema },
      },
      config: { access: { permission: 'station:manage' } },
    },
    async (req) => svc.updateStation(deps, ctxOf(req), req.params.stationId, req.body),
  )

  app.post(
    '/:stationId/close',
    {
      schema: {
        tags,
        summary: 'Close a station (kept for history, removed from every public view)',
        params: Params,
        body: CloseStationBodySchema,
        response: { 200: StationSchema },
      },
      config: { access: { permission: 'station:manage' } },
    },
    async (req) => svc.closeStation(db, ctxOf(req), req.params.stationId, req.body.reason),
  )

  app.post(
    '/:stationId/reopen',
    {
      schema: {
        tags,
        summary: 'Reopen a closed station',
        params: Params,
        response: { 200: StationSchema },
      },
      config: { access: { permission: 'station:manage' } },
    },
    async (req) => svc.reopenStation(db, ctxOf(req), req.params.stationId),
  )

  app.get(
    '/:stationId/contact',
    {
      schema: {
        tags,
        summary: "The person in charge's full mobile (an audited read of personal data)",
        params: Params,
        response: { 200: StationContactSchema },
      },
      config: { access: { permission: 'station:manage' } },
    },
    async (req) => svc.revealStationContact(deps, ctxOf(req), req.params.stationId),
  )

  app.get(
    '/:stationId/check-in-code',
    {
      schema: {
        tags,
        summary: "The code in the door poster's QR link, without which a phone cannot check in",
        params: Params,
        response: { 200: StationCheckInCodeSchema },
      },
      config: { access: { permission: 'station:manage' } },
    },
    async (req) => svc.stationCheckInCode(deps, ctxOf(req), req.params.stationId),
  )

  app.post(
    '/:stationId/check-in-code/rotate',
    {
      schema: {
        tags,
        summary: 'A new check-in code: posters printed before stop checking phones in',
        params: Params,
        response: { 200: StationCheckInCodeSchema },
      },
      config: { access: { permission: 'station:manage' } },
    },
    async (req) => svc.rotateStationCheckInCode(deps, ctxOf(req), req.params.stationId),
  )
}

/**
 * Check-ins from one IP (apart from the API-wide limit). A check-in needs no account, so a script
 * could fill every station of a city to capacity and turn workers away ("occupancy never exceeds
 * capacity" works against them then). Workers on one carrier's NAT share an IP, but a station
 * holds 5–30 people and a visit lasts hours: 120 check-ins in 10 minutes is more than a busy
 * district's lunch hour from one address, and a few full stations at most from a script.
 */
export const CHECK_INS_PER_IP = { max: 120, timeWindow: '10 minutes' } as const

/** Open-data downloads from one IP: a file is a whole org's stations; a minute's cache serves repeats. */
export const OPEN_DATA_PER_IP = { max: 30, timeWindow: '1 minute' } as const

const CoordQuery = z.object({ coordSystem: CoordSystemSchema.default('wgs84') }).strict()

/** Worker pages: finding a station and checking in, no account. Mounted at /api/v1/public/stations. */
export const publicStationsRoutes: FastifyPluginAsyncZod<{ deps: StationsDeps }> = async (
  app,
  { deps },
) => {
  const { db } = deps
  // Load the directory in the background once the server is ready: the first worker to ask
  // for the nearest station should not wait for 200,000 rows.
  reportDirectoryTo(db, {
    skipped: (ids) =>
      app.log.warn(
        { count: ids.length, stationIds: ids.slice(0, 20) },
        'stations with an impossible point left out of the station directory',
      ),
    warmFailed: (piece, err) => app.log.error({ err, piece }, 'station directory warm-up failed'),
  })
  app.addHook('onReady', async () => {
    warmDirectory(db).catch((err: unknown) =>
      app.log.error({ err }, 'station directory load failed'),
    )
  })
  app.addHook('onClose', async () => stopDirectoryWarmUp(db))

  app.get(
    '/nearest',
    {
      schema: {
        tags,
        summary: 'The nearest stations to a point, with open-now, amenity and text filters',
        querystring: NearestQuerySchema,
        response: { 200: NearestResultSchema },
      },
      config: { access: 'public' },
    },
    // Not async: with the directory loaded (always, after warm-up) the answer is sent without a
    // promise; a cold or changed directory is loaded first.
    (req, reply) => {
      const body = pub.findNearest(db, ctxOf(req), req.query)
      if (body instanceof Promise)
        return body.then((b) => {
          sendJsonText(reply, b)
        })
      sendJsonText(reply, body)
    },
  )

  app.get(
    '/places',
    {
      schema: {
        tags,
        summary: "Places to search around, found in the stations' addresses and names",
        querystring: PlaceQuerySchema,
        response: { 200: PlaceResultSchema },
      },
      config: { access: 'public' },
    },
    async (req) => pub.findPlaces(db, req.query),
  )

  // Open data for anyone (no sign-in): the staff exports' public fields, an org at a time (ADR 0028).
  for (const [format, type, file] of [
    ['geojson', 'application/geo+json; charset=utf-8', 'stations.geojson'],
    ['hsds', 'application/json; charset=utf-8', 'stations-hsds.json'],
  ] as const)
    app.get(
      `/open-data/${format}`,
      {
        schema: {
          tags,
          summary:
            format === 'geojson'
              ? 'Open data: active stations of an org subtree as GeoJSON (public fields, no contact)'
              : 'Open data: active stations of an org subtree as an HSDS 3.2 dataset (no contacts)',
          querystring: PublicOpenDataQuerySchema,
        },
        config: { access: 'public', rateLimit: OPEN_DATA_PER_IP },
      },
      async (req, reply) => {
        // Built first: an error answer must not carry the file's download and cache headers.
        const bytes = await publicOpenData(db, format, req.query.orgId, new Date())
        return reply
          .type(type)
          .header('content-disposition', `attachment; filename="${file}"`)
          .header('cache-control', 'public, max-age=60')
          .send(bytes)
      },
    )

  app.get(
    '/clusters',
    {
      schema: {
        tags,
        summary: 'Map clusters of stations in a box at a zoom level',
        querystring: ClusterQuerySchema.extend({ coordSystem: CoordSystemSchema.default('wgs84') }),
        response: { 200: ClusterResultSchema },
      },
      config: { access: 'public' },
    },
    async (req) => pub.stationClusters(db, req.query),
  )

  app.get(
    '/:stationId',
    {
      schema: {
        tags,
        summary: 'A station page: hours, amenities, live occupancy',
        params: Params,
        querystring: CoordQuery,
        response: { 200: PublicStationSchema },
      },
      config: { access: 'public' },
    },
    async (req) =>
      pub.getPublicStation(db, ctxOf(req), req.params.stationId, req.query.coordSystem),
  )

  app.post(
    '/:stationId/check-ins',
    {
      schema: {
        tags,
        summary: 'Check a phone in (QR scan); 200 when it is already checked in',
        params: Params,
        body: CheckInBodySchema,
        response: { 200: CheckInResultSchema, 201: CheckInResultSchema },
      },
      config: { access: 'public', rateLimit: CHECK_INS_PER_IP },
    },
    async (req, reply) => {
      const { deviceId, code } = req.body
      const r = await pub.checkIn(deps, ctxOf(req), req.params.stationId, deviceId, code)
      return reply.status(r.created ? 201 : 200).send(r)
    },
  )

  app.post(
    '/:stationId/check-out',
    {
      schema: {
        tags,
        summary: 'Check a phone out before its check-in ends by itself',
        params: Params,
        body: CheckOutBodySchema,
        response: { 200: CheckOutResultSchema },
      },
      config: { access: 'public' },
    },
    async (req) => pub.checkOutDevice(deps, ctxOf(req), req.params.stationId, req.body.deviceId),
  )
}
