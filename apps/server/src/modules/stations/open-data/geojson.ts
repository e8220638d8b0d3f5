import type { Station, StationFeatureCollection } from '@unionhall/contracts'
import type { Schedule } from '../domain/schedule'
import { formatScheduleText } from './station-text'

/**
 * Stations as a GeoJSON FeatureCollection (RFC 7946): Points with [longitude, latitude] in
 * WGS-84, the only system RFC 7946 allows. Properties are what the public station page shows
 * minus the contact: an open-data file is passed on, so it carries no personal data at all.
 */
export const stationsToGeoJson = (stations: readonly Station[]): StationFeatureCollection => ({
  type: 'FeatureCollection',
  features: stations.map((s) => ({
    type: 'Feature',
    id: s.id,
    geometry: { type: 'Point', coordinates: [s.lng, s.lat] },
    properties: {
      name: s.name,
      kind: s.kind,
      orgName: s.orgName,
      address: s.address,
      capacity: s.capacity,
      amenities: s.amenities,
      alwaysOpen: s.schedule.alwaysOpen === true,
      openingHours: formatScheduleText(s.schedule as Schedule),
      description: s.description,
    },
  })),
})
