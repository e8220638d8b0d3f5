import {
  HsdsExportQuerySchema,
  HsdsImportBodySchema,
  HsdsImportQuerySchema,
  StationExportQuerySchema,
  StationFeatureCollectionSchema,
  StationImportResultSchema,
} from '@unionhall/contracts'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ctxOf } from '../../../core/access'
import { AppError } from '../../../platform/errors/app-error'
import type { StationsDeps } from '../stations.deps'
import * as svc from './open-data.service'
import { attachment, XLSX_TYPE } from '../../../platform/http/attachment'

const tags = ['stations']

const fileMissing = () =>
  new AppError('FILE_MISSING', 400, 'Send the file as multipart/form-data in the field "file"')

/** The bytes of the multipart field "file". */
const readFile = async (req: FastifyRequest): Promise<Buffer> => {
  if (!req.isMultipart()) throw fileMissing()
  try {
    const file = await req.file()
    if (!file) throw fileMissing()
    return await file.toBuffer()
  } catch (e) {
    // Multipart's own limit errors carry a code the error handler maps; a body cut short
    // ("Unexpected end of form") carries none and is the client's mistake, not a 500.
    if (e instanceof AppError || (e as { code?: string }).code?.startsWith('FST_')) throw e
    throw new AppError('FILE_UNREADABLE', 400, 'The multipart body could not be read')
  }
}

/**
 * Station imports (.xlsx template, HSDS) and open-data exports (.xlsx, HSDS, GeoJSON). Mounted
 * under /api/v1/stations by stationsRoutes.
 */
export const openDataRoutes: FastifyPluginAsyncZod<{ deps: StationsDeps }> = async (
  app,
  { deps },
) => {
  app.get(
    '/import-template.xlsx',
    {
      schema: { tags, summary: 'The .xlsx template for importing stations (with a notes sheet)' },
      config: { access: { permission: 'station:manage' } },
    },
    async (_req, reply) =>
      reply
        .type(XLSX_TYPE)
        .header(
          'content-disposition',
          attachment('station-import-template.xlsx', '驿站导入模板.xlsx'),
        )
        .send(await svc.importTemplate()),
  )

  app.post(
    '/import',
    {
      schema: {
        tags,
        summary:
          'Import stations from .xlsx or UTF-8 .csv (multipart field "file"); all or nothing',
        consumes: ['multipart/form-data'],
        response: { 200: StationImportResultSchema },
      },
      config: { access: { permission: 'station:manage' } },
    },
    async (req) => svc.importSpreadsheet(deps, ctxOf(req), await readFile(req)),
  )

  app.get(
    '/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Stations of an org subtree (or all of mine) as .xlsx, contact mobiles masked',
        querystring: StationExportQuerySchema,
      },
      config: { access: { permission: 'station:read' } },
    },
    async (req, reply) =>
      reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment('stations.xlsx', '驿站名单.xlsx'))
        .send(await svc.exportSpreadsheet(deps, ctxOf(req), req.query.orgId)),
  )

  app.get(
    '/export/geojson',
    {
      schema: {
        tags,
        summary: 'Stations as a GeoJSON FeatureCollection (WGS-84 points, public fields only)',
        querystring: StationExportQuerySchema,
        response: { 200: StationFeatureCollectionSchema },
      },
      config: { access: { permission: 'station:read' } },
    },
    async (req, reply) => {
      // Bytes built in slices, in the shape of the response schema (a test parses them with
      // it); as bytes they skip the serializer, so the reply is not typed by that schema here.
      const bytes = await svc.exportGeoJson(deps, ctxOf(req), req.query.orgId)
      return (reply as FastifyReply)
        .type('application/geo+json; charset=utf-8')
        .header('content-disposition', attachment('stations.geojson', '驿站.geojson'))
        .send(bytes)
    },
  )

  app.get(
    '/export/hsds',
    {
      schema: {
        tags,
        summary: 'Stations as an Open Referral HSDS 3.2 dataset (JSON)',
        querystring: HsdsExportQuerySchema,
      },
      config: { access: { permission: 'station:read' } },
    },
    async (req, reply) => {
      // Bytes built in slices: the dataset is open-ended HSDS, not one of our response
      // schemas, and it was built only from listed fields.
      const bytes = await svc.exportHsds(deps, ctxOf(req), {
        orgId: req.query.orgId,
        includeContacts: req.query.includeContacts === 'true',
      })
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', attachment('stations-hsds.json', '驿站-HSDS.json'))
        .send(bytes)
    },
  )

  app.post(
    '/import/hsds',
    {
      schema: {
        tags,
        summary: 'Import stations from an HSDS 3 dataset (JSON body or multipart field "file")',
        consumes: ['application/json', 'multipart/form-data'],
        querystring: HsdsImportQuerySchema,
        body: HsdsImportBodySchema,
        response: { 200: StationImportResultSchema },
      },
      config: { access: { permission: 'station:manage' } },
    },
    async (req) => {
      let doc: unknown = req.body
      if (req.isMultipart()) doc = svc.parseJsonFile(await readFile(req))
      return svc.importHsds(deps, ctxOf(req), doc, req.query.orgId)
    },
  )
}
