import 'leaflet/dist/leaflet.css'
import type { StationListItem } from '@unionhall/contracts'
import { Alert, Typography } from 'antd'
import L from 'leaflet'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fromWgs84 } from '../../stations-public/lib/coords'
import type { ClusterBox, MapConfig } from '../api/stations-api'
import { useMapConfig, useStationClusters, useStationPoints } from '../api/use-stations'

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

const countIcon = (count: number) =>
  L.divIcon({
    className: 'station-cluster',
    html: `<span style="display:flex;align-items:center;justify-content:center;width:36px;height:36px;border-radius:50%;background:rgba(22,119,255,.85);color:#fff;font-weight:600;border:2px solid #fff">${count}</span>`,
    iconSize: [36, 36],
  })

/**
 * The subtree's stations on a map (lazy-loaded with Leaflet): each station as a dot when the
 * subtree is small, else the public clusters endpoint's circles with counts for the viewport.
 */
export const StationsMap = ({ orgId }: { orgId: string | undefined }) => {
  const { t } = useTranslation()
  const el = useRef<HTMLDivElement>(null)
  const mapRef = useRef<L.Map | null>(null)
  const layerRef = useRef<L.LayerGroup | null>(null)
  const config = useMapConfig()
  const points = useStationPoints(orgId)
  const mapConfig = config.data ?? DEFAULT_MAP
  const many = (points.data?.total ?? 0) > POINTS_LIMIT
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
          radius: 7,
          color: '#fff',
          weight: 2,
          fillColor: s.openNow ? '#389e0d' : '#8c8c8c',
          fillOpacity: 0.9,
        })
          .bindTooltip(s.name)
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
  }, [many, items, clusters.data, tiles])

  return (
    <>
      <div
        ref={el}
        role="region"
        aria-label={t('stations.overview.map')}
        data-testid="stations-map"
        style={{ height: 420, width: '100%', borderRadius: 8 }}
      />
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
        {many ? t('stations.overview.mapClusters') : t('stations.overview.mapPoints')}
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
