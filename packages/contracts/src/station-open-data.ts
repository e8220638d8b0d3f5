import { z } from 'zod'
import { IdSchema } from './common'
import { AmenityCodeSchema, StationKindSchema } from './stations'

/**
 * Station imports and open-data exports (.xlsx, Open Referral HSDS 3.2 JSON, GeoJSON). The
 * import answer is StationImportResultSchema (stations.ts).
 */

/** Exports cover an org's subtree, or all of mine without orgId. */
export const StationExportQuerySchema = z.object({ orgId: IdSchema.optional() }).strict()

/** The public open-data download: one org's subtree (find ids with GET /public/orgs). */
export const PublicOpenDataQuerySchema = z.object({ orgId: IdSchema }).strict()

export const HsdsExportQuerySchema = StationExportQuerySchema.extend({
  /**
   * Put the full contact mobiles in the file (an audited read of personal data). Without it
   * the dataset names the contact but has no phone number, and cannot be imported again.
   */
  includeContacts: z.enum(['true', 'false']).default('false'),
}).strict()

/** Without orgId each location's organization must be an org of mine (by id, or exact name). */
export const HsdsImportQuerySchema = z.object({ orgId: IdSchema.optional() }).strict()

/** The HSDS dataset as sent in a JSON body; it is checked against the HSDS schemas. */
export const HsdsImportBodySchema = z.unknown()

/** A station as a GeoJSON Feature: a Point [lng, lat] in WGS-84 (RFC 7946), public fields only. */
export const StationFeatureSchema = z.object({
  type: z.literal('Feature'),
  id: IdSchema,
  geometry: z.object({
    type: z.literal('Point'),
    coordinates: z.array(z.number()).length(2),
  }),
  properties: z.object({
    name: z.string(),
    kind: StationKindSchema,
    orgName: z.string(),
    address: z.string(),
    capacity: z.number().int(),
    amenities: z.array(AmenityCodeSchema),
    alwaysOpen: z.boolean(),
    /** Opening hours as Chinese text ("周一至周五 08:00-20:00；节假日休息"). */
    openingHours: z.string(),
    description: z.string(),
  }),
})
export const StationFeatureCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(StationFeatureSchema),
})
export type StationFeatureCollection = z.infer<typeof StationFeatureCollectionSchema>
