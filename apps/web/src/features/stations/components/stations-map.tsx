import 'leaflet/dist/leaflet.css'
import { useQuery } from '@tanstack/react-query'
import type { StationListItem, StationMetric } from '@unionhall/contracts'
import { Alert, Typography } from 'antd'
import type { TFunction } from 'i18next'
import L from 'leaflet'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fromWgs84 } from '../../stations-public/lib/coords'
import { stationKeys } from '../api/station-keys'
import {
  type ClusterBox,
  listStations,
  type MapConfig,
  type StationListQuery,
} from '../api/stations-api'
import { useMapConfig, useStationClusters } from '../api/use-stations'
import { isCheckInMetric, mapFilterOf, type OverviewMetric } from '../lib/stats-charts'

/** OpenStreetMap in WGS-84 until the server's public config names another tile layer. */
const DEFAULT_MAP: MapConfig = {
  tileUrl: 'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution: '&copy; OpenStreetMap contributors',
  coordSystem: 'wgs84',
  subdomains: 'abc',
}
/** Up to this many stations are drawn one by one; a bigger subtree is drawn as clusters. */
const POINTS_LIMIT = 200
const CHINA: L.LatLngBoundsExpression = [
  [18, 73],
  [54, 135],
]

const boxOf = (map: L.Map, coordSystem: string): ClusterBox => {
  const b = map.getBounds()
  const clamp = (v: number, m: number) => Math.max(-m, Math.min(m, v))
  return {
    west: clamp(b.getWest(), 180),
    south: clamp(b.getSouth(), 90),
    east: clamp(b.getEast(), 180),
    north: clamp(b.getNorth(), 90),
    zoom: Math.max(0, Math.min(20, Math.round(map.getZoom()))),
    // The clusters endpoint answers in WGS-84 unless asked for the tile layer's system.
    ...(coordSystem === 'wgs84' ? {} : { coordSystem }),
  }
}

/** A station's WGS-84 point in the tile layer's system. */
const onTiles = (
  s: { lat: number; lng: number },
  tiles: MapConfig['coordSystem'],
): L.LatLngTuple => {
  const p = fromWgs84(s, tiles)
  return [p.lat, p.lng]
}

/**
 * The stations behind one roll-up count, up to POINTS_LIMIT (check-in counts busiest first):
 * the staff list narrowed by its `metric` filter, as GET /stations/stats counts them.
 */
const useMapStations = (orgId: string | undefined, metric: OverviewMetric) => {
  const query: StationListQuery & { metric?: StationMetric } = {
    orgId,
    page: 1,
    pageSize: POINTS_LIMIT,
    ...mapFilterOf(metric),
  }
  return useQuery({
    queryKey: stationKeys.list(query),
    queryFn: ({ signal }) => listStations(query, signal),
    staleTime: 60_000,
  })
}

/** Bigger dots for busier stations, so the busiest stand out among many. */
const radiusOf = (checkIns: number | undefined) =>
  checkIns === undefined ? 7 : Math.min(16, 6 + 2 * Math.sqrt(checkIns))

/**
 * A station's popup: its name and org, whether it is open, and the selected count's figure at
 * that station. Built as elements with textContent: names are typed by staff, never HTML.
 */
const popupOf = (t: TFunction, s: StationListItem, metric: OverviewMetric) => {
  const el = document.createElement('div')
  const name = document.createElement('strong')
  name.textContent = s.name
  el.append(name)
  const lines = [s.orgName]
  if (s.status === 'closed') lines.push(t('stations.statuses.closed'))
  else
    lines.push(
      [
        t(s.openNow ? 'stations.overview.popup.openNow' : 'stations.overview.popup.closedNow'),
        ...(s.alwaysOpen ? [t('stations.overview.popup.alwaysOpen')] : []),
      ].join(' · '),
    )
  if (isCheckInMetric(metric) && s.checkIns !== undefined)
    lines.push(t(`stations.overview.popup.${metric}`, { count: s.checkIns }))
  for (const line of lines) {
    const div = document.createElement('div')
    div.textContent = line
    el.append(div)
  }
  return el
}

const countIcon = (count: number) =>
  L.divIcon({
    className: 'station-cluster',
    html: `<span style="display:flex;align-items:center;justify-content:center;width:36px;height:36px;border-radius:50%;background:rgba(22,119,255,.85);color:#fff;font-weight:600;border:2px solid #fff">${count}</span>`,
    iconSize: [36, 36],
  })

/**
 * The stations behind one roll-up count of the subtree on a map (lazy-loaded with Leaflet),
 * each as a dot. All the subtree's stations, when there are many, are drawn as the public
 * clusters endpoint's circles with counts for the viewport; that endpoint knows nothing of the
 * other counts, so a count with many stations draws its first POINTS_LIMIT and says so.
 */
export const StationsMap = ({
  orgId,
  metric = 'stations',
}: {
  orgId: string | undefined
  metric?: OverviewMetric
}) => {
  const { t } = useTranslation()
  const el = useRef<HTMLDivElement>(null)
  const mapRef = useRef<L.Map | null>(null)
  const layerRef = useRef<L.LayerGroup | null>(null)
  const config = useMapConfig()
  const points = useMapStations(orgId, metric)
  const mapConfig = config.data ?? DEFAULT_MAP
  const total = points.data?.total ?? 0
  const many = metric === 'stations' && total > POINTS_LIMIT
  const [box, setBox] = useState<ClusterBox | null>(null)
  // Clusters of this org's subtree only, never the neighbours' stations in view.
  const clusters = useStationClusters(many && box ? { ...box, orgId } : null)

  useEffect(() => {
    if (!el.current || config.isLoading) return
    const map = L.map(el.current, { attributionControl: true }).fitBounds(CHINA)
    const subdomains = mapConfig.subdomains ?? 'abc'
    L.tileLayer(mapConfig.tileUrl, { attribution: mapConfig.attribution, subdomains }).addTo(map)
    layerRef.current = L.layerGroup().addTo(map)
    const onMove = () => setBox(boxOf(map, mapConfig.coordSystem))
    map.on('moveend', onMove)
    onMove()
    mapRef.current = map
    return () => {
      map.off('moveend', onMove)
      map.remove()
      mapRef.current = null
      layerRef.current = null
    }
  }, [
    config.isLoading,
    mapConfig.tileUrl,
    mapConfig.attribution,
    mapConfig.coordSystem,
    mapConfig.subdomains,
  ])

  // Centre on the subtree once its stations are known. The list gives WGS-84; the tile layer
  // may be GCJ-02 (Amap, Tencent) or BD-09 (Baidu), where an unconverted point lands 300–600 m
  // off, so every point is drawn in the layer's system (clusters come converted by the server).
  const items: StationListItem[] | undefined = points.data?.items
  const tiles = mapConfig.coordSystem
  useEffect(() => {
    const map = mapRef.current
    if (!map || !items || items.length === 0) return
    map.fitBounds(L.latLngBounds(items.map((s) => onTiles(s, tiles))), {
      padding: [24, 24],
      maxZoom: 15,
    })
  }, [items, config.isLoading, tiles])

  useEffect(() => {
    const layer = layerRef.current
    if (!layer) return
    layer.clearLayers()
    if (!many) {
      for (const s of items ?? []) {
        L.circleMarker(onTiles(s, tiles), {
          radius: radiusOf(s.checkIns),
          color: '#fff',
          weight: 2,
          fillColor: s.openNow ? '#389e0d' : '#8c8c8c',
          fillOpacity: 0.9,
        })
          .bindTooltip(s.name)
          .bindPopup(popupOf(t, s, metric))
          .addTo(layer)
      }
      return
    }
    for (const c of clusters.data?.items ?? []) {
      if (c.count === 1) {
        L.circleMarker([c.lat, c.lng], {
          radius: 7,
          color: '#fff',
          weight: 2,
          fillColor: '#1677ff',
          fillOpacity: 0.9,
        })
          .bindTooltip(c.name ?? '')
          .addTo(layer)
      } else {
        const marker = L.marker([c.lat, c.lng], {
          icon: countIcon(c.count),
          title: String(c.count),
        })
        const zoom = c.expansionZoom
        if (zoom !== null) marker.on('click', () => mapRef.current?.setView([c.lat, c.lng], zoom))
        marker.addTo(layer)
      }
    }
  }, [many, items, clusters.data, tiles, t, metric])

  const shown = items?.length ?? 0
  let caption: string | null = null
  if (many) caption = t('stations.overview.mapClusters')
  else if (points.data && total === 0) caption = t('stations.overview.mapEmpty')
  else if (points.data && total > shown)
    caption = t(
      isCheckInMetric(metric)
        ? 'stations.overview.mapTruncatedBusiest'
        : 'stations.overview.mapTruncated',
      { shown },
    )
  else if (points.data)
    caption =
      metric === 'stations'
        ? t('stations.overview.mapPoints')
        : t(`stations.overview.mapCounts.${metric}`, { count: total })

  return (
    <>
      <div
        ref={el}
        role="region"
        aria-label={t('stations.overview.map')}
        data-testid="stations-map"
        style={{ height: 420, width: '100%', borderRadius: 8 }}
      />
      <Typography.Text
        type="secondary"
        data-testid="stations-map-caption"
        style={{ display: 'block', marginTop: 8 }}
      >
        {caption}
      </Typography.Text>
      {points.isError || clusters.isError ? (
        <Alert
          type="warning"
          showIcon
          message={t('stations.overview.mapFailed')}
          style={{ marginTop: 8 }}
        />
      ) : null}
    </>
  )
}

export default StationsMap
