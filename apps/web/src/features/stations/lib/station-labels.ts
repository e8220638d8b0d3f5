import {
  AMENITY_CODES,
  type AmenityCodeValue,
  COORD_SYSTEMS,
  type CoordSystemValue,
  STATION_KINDS,
  STATION_SERVICE_KINDS,
  type StationKind,
  ZONE_KINDS,
  type ZoneKind,
} from '@unionhall/contracts'
import type { TFunction } from 'i18next'

type ServiceKind = (typeof STATION_SERVICE_KINDS)[number]

/**
 * Locale keys of the station vocabularies (kinds, amenities, zones, services, weekdays). The
 * console and the worker pages (/s/…) both read these, so the labels stay the same everywhere;
 * this file imports no UI library so the AntD-free worker bundle can use it.
 */
export const stationLabelKeys = {
  kind: (kind: StationKind) => `stations.kinds.${kind}`,
  amenity: (code: AmenityCodeValue) => `stations.amenities.${code}`,
  zone: (kind: ZoneKind) => `stations.zones.${kind}`,
  serviceKind: (kind: ServiceKind) => `stations.serviceKinds.${kind}`,
  coordSystem: (system: CoordSystemValue) => `stations.coordSystems.${system}`,
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: (day: number) => `stations.weekdays.${day}`,
  status: (status: 'active' | 'closed') => `stations.statuses.${status}`,
}

/** Translated labels, e.g. `stationLabels(t).amenity('microwave')` → 微波炉(热饭). */
export const stationLabels = (t: TFunction) => ({
  kind: (kind: StationKind) => t(stationLabelKeys.kind(kind)),
  amenity: (code: AmenityCodeValue) => t(stationLabelKeys.amenity(code)),
  zone: (kind: ZoneKind) => t(stationLabelKeys.zone(kind)),
  serviceKind: (kind: ServiceKind) => t(stationLabelKeys.serviceKind(kind)),
  coordSystem: (system: CoordSystemValue) => t(stationLabelKeys.coordSystem(system)),
  weekday: (day: number) => t(stationLabelKeys.weekday(day)),
  status: (status: 'active' | 'closed') => t(stationLabelKeys.status(status)),
})

/** Letters and digits only, lower case: "健康咨询 · 义诊" and "健康咨询/义诊" compare alike. */
const wordsOf = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')

/**
 * Whether a service's title already says its kind ("劳动保护咨询" of the kind 劳动保护咨询):
 * then the kind is not shown beside it, which read "劳动保护咨询（劳动保护咨询）".
 */
export const titleSaysKind = (title: string, kindLabel: string) => {
  const kind = wordsOf(kindLabel)
  return kind !== '' && wordsOf(title).includes(kind)
}

export type Option<V> = { value: V; label: string }

/** Select/checkbox options in contract order. */
export const stationOptions = (t: TFunction) => {
  const l = stationLabels(t)
  return {
    kinds: STATION_KINDS.map((value) => ({ value, label: l.kind(value) })),
    amenities: AMENITY_CODES.map((value) => ({ value, label: l.amenity(value) })),
    zones: ZONE_KINDS.map((value) => ({ value, label: l.zone(value) })),
    serviceKinds: STATION_SERVICE_KINDS.map((value) => ({ value, label: l.serviceKind(value) })),
    coordSystems: COORD_SYSTEMS.map((value) => ({ value, label: l.coordSystem(value) })),
    weekdays: [1, 2, 3, 4, 5, 6, 7].map((value) => ({ value, label: l.weekday(value) })),
    statuses: (['active', 'closed'] as const).map((value) => ({ value, label: l.status(value) })),
  }
}
