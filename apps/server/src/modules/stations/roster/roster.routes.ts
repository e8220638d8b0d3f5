import { publicOriginOf } from '../../../platform/http/public-origin'
import {
  CoverageQuerySchema,
  CoverageSchema,
  CreateShiftBodySchema,
  IdSchema,
  MyShiftListSchema,
  OkSchema,
  ShiftFeedUrlSchema,
  ShiftListQuerySchema,
  ShiftListSchema,
  ShiftSchema,
  UpdateShiftBodySchema,
} from '@unionhall/contracts'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ctxOf } from '../../../core/access'
import type { StationsDeps } from '../stations.deps'
import * as svc from './roster.service'

const tags = ['stations']
const Params = z.object({ stationId: IdSchema })
const ShiftParams = Params.extend({ shiftId: IdSchema })

/** Where the request came from, for absolute feed URLs (behind a proxy: TRUST_PROXY). */

/** Staff console: a station's duty roster and its coverage. Mounted under /api/v1/stations. */
export const rosterRoutes: FastifyPluginAsyncZod<{ deps: StationsDeps }> = async (
  app,
  { deps },
) => {
  const { db } = deps

  app.get(
    '/:stationId/shifts',
    {
      schema: {
        tags,
        summary: 'Shifts overlapping a window (default: the next 14 days; at most 62 days)',
        params: Params,
        querystring: ShiftListQuerySchema,
        response: { 200: ShiftListSchema },
      },
      config: { access: { permission: 'station:read' } },
    },
    async (req) => svc.listShifts(db, ctxOf(req), req.params.stationId, req.query),
  )

  app.post(
    '/:stationId/shifts',
    {
      schema: {
        tags,
        summary:
          'Add a shift (at most 24 h, not over a day in the past, no overlap with the same person anywhere)',
        params: Params,
        body: CreateShiftBodySchema,
        response: { 201: ShiftSchema },
      },
      config: { access: { permission: 'station:manage' } },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.createShift(db, ctxOf(req), req.params.stationId, req.body)),
  )

  app.patch(
    '/:stationId/shifts/:shiftId',
    {
      schema: {
        tags,
        summary: 'Move, reassign or re-note a shift (shifts begun over a day ago are frozen)',
        params: ShiftParams,
        body: UpdateShiftBodySchema,
        response: { 200: ShiftSchema },
      },
      config: { access: { permission: 'station:manage' } },
    },
    async (req) =>
      svc.updateShift(db, ctxOf(req), req.params.stationId, req.params.shiftId, req.body),
  )

  app.delete(
    '/:stationId/shifts/:shiftId',
    {
      schema: {
        tags,
        summary: 'Remove a shift (shifts begun over a day ago are frozen)',
        params: ShiftParams,
        response: { 200: OkSchema },
      },
      config: { access: { permission: 'station:manage' } },
    },
    async (req) => svc.deleteShift(db, ctxOf(req), req.params.stationId, req.params.shiftId),
  )

  app.get(
    '/:stationId/coverage',
    {
      schema: {
        tags,
        summary:
          'Opening hours of `days` Shanghai days (today to the end of the last) against the roster: uncovered hours and covered %',
        params: Params,
        querystring: CoverageQuerySchema,
        response: { 200: CoverageSchema },
      },
      config: { access: { permission: 'station:read' } },
    },
    async (req) => svc.getCoverage(db, ctxOf(req), req.params.stationId, req.query.days),
  )
}

/** A signed-in person's own shifts and feed URL. Mounted at /api/v1/my/shifts. */
export const myShiftsRoutes: FastifyPluginAsyncZod<{ deps: StationsDeps }> = async (
  app,
  { deps },
) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'My shifts from yesterday on (62 days)',
        response: { 200: MyShiftListSchema },
      },
      config: { access: 'member' },
    },
    async (req) => svc.listMyShifts(deps.db, ctxOf(req)),
  )

  app.get(
    '/feed-url',
    {
      schema: {
        tags,
        summary: 'My private iCalendar feed URL (keep it secret: it needs no sign-in)',
        response: { 200: ShiftFeedUrlSchema },
      },
      config: { access: 'member' },
    },
    async (req, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send(await svc.getMyFeedUrl(deps, ctxOf(req), publicOriginOf(req))),
  )

  app.post(
    '/feed-url/rotate',
    {
      schema: {
        tags,
        summary: 'Replace my feed URL; the old one stops working',
        response: { 200: ShiftFeedUrlSchema },
      },
      config: { access: 'member' },
    },
    async (req, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send(await svc.rotateMyFeedUrl(deps, ctxOf(req), publicOriginOf(req))),
  )
}

/** Calendar apps fetch feeds without a session. Mounted at /api/v1/public/shift-feeds. */
export const publicShiftFeedRoutes: FastifyPluginAsyncZod<{ deps: StationsDeps }> = async (
  app,
  { deps },
) => {
  app.get(
    '/:token.ics',
    {
      schema: {
        tags,
        summary: "A person's shifts as iCalendar (RFC 5545); 404 for an unknown or rotated token",
        // Any text: a malformed token is as unknown as a wrong one (404, not 400).
        params: z.object({ token: z.string().max(300) }),
      },
      config: { access: 'public' },
    },
    async (req, reply) => {
      const ics = await svc.renderFeed(deps, req.params.token, new Date())
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-cache')
        .header('content-disposition', 'inline; filename="shifts.ics"')
        .send(ics)
    },
  )
}
