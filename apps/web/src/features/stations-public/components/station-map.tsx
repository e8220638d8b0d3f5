import type { ClusterResultSchema } from '@unionhall/contracts'
import type * as Leaflet from 'leaflet'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { getClusters, type MapConfig } from '../api/public-stations-api'
import type { LatLng } from '../lib/coords'

type Props = {
  config: MapConfig
  position: LatLng | null
  /** A tap on the map (or dragging the "me" marker) sets the search position. */
  onPick: (p: LatLng) => void
  onOpenStation: (id: string) => void
}

type Live = {
  L: typeof Leaflet
  map: Leaflet.Map
  me: Leaflet.Marker | null
}

// The whole of China when nothing is known yet.
const CHINA: LatLng = { lat: 35, lng: 104 }
const CHINA_ZOOM = 4
const NEAR_ZOOM = 14

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v))

/**
 * The map, drawn with Leaflet loaded on demand: the list above it is usable before the map's
 * script arrives on a slow network. Clusters come from the server per view; a cluster circle
 * zooms in on tap, a single station opens a popup with a link to its page.
 */
export const StationMap = ({ config, position, onPick, onOpenStation }: Props) => {
  const { t } = useTranslation()
  const el = useRef<HTMLDivElement>(null)
  const live = useRef<Live | null>(null)
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading')
  // Handlers change every render; Leaflet keeps the first ones, so it reads them from here.
  const latest = useRef({ onPick, onOpenStation, t })
  useEffect(() => {
    latest.current = { onPick, onOpenStation, t }
  })
  const startAt = useRef(position)

  useEffect(() => {
    let cancelled = false
    let ctrl: AbortController | null = null
    void (async () => {
      try {
        const [mod] = await Promise.all([import('leaflet'), import('leaflet/dist/leaflet.css')])
        if (cancelled || !el.current) return
        const L = (mod as unknown as { default?: typeof Leaflet }).default ?? mod
        const start = startAt.current
        const map = L.map(el.current, { zoomControl: true }).setView(
          start ?? CHINA,
          start ? NEAR_ZOOM : CHINA_ZOOM,
        )
        map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>')
        L.tileLayer(config.tileUrl, {
          attribution: config.attribution,
          subdomains: config.subdomains,
          maxZoom: 19,
        }).addTo(map)
        const stations = L.layerGroup().addTo(map)
        live.current = { L, map, me: null }

        const draw = (items: z.infer<typeof ClusterResultSchema>['items']) => {
          stations.clearLayers()
          const { t: tr } = latest.current
          // Stations at the very same point (two on one site) would draw one pin over the other:
          // each further one is drawn a pin's width to the side.
          const atPoint = new Map<string, number>()
          for (const f of items) {
            if (f.count === 1 && f.id) {
              const point = `${f.lat},${f.lng}`
              const before = atPoint.get(point) ?? 0
              atPoint.set(point, before + 1)
              const id = f.id
              const popup = document.createElement('div')
              const name = document.createElement('strong')
              name.textContent = f.name ?? ''
              const link = document.createElement('a')
              link.href = `/s/${encodeURIComponent(id)}`
              link.textContent = tr('stationsPublic.common.details')
              link.className = 'sp-popup-link'
              link.addEventListener('click', (e) => {
                e.preventDefault()
                latest.current.onOpenStation(id)
              })
              popup.append(name, document.createElement('br'), link)
              L.marker([f.lat, f.lng], {
                // The drop shape is an inner element turned 45°: turning the marker itself (CSS
                // `rotate`) also turned Leaflet's translate, so pins were drawn far from their
                // station. Turned about its centre, the 28 px square's tip is 34 px down.
                icon: L.divIcon({
                  className: 'sp-pin',
                  html: '<span class="sp-pin-shape"></span>',
                  iconSize: [28, 28],
                  iconAnchor: [14 - 30 * before, 34],
                  popupAnchor: [30 * before, -30],
                }),
                title: f.name ?? '',
                keyboard: true,
              })
                .bindPopup(popup)
                .addTo(stations)
            } else {
              const size = f.count < 10 ? 38 : f.count < 100 ? 46 : 54
              const label = tr('stationsPublic.map.cluster', { count: f.count })
              L.marker([f.lat, f.lng], {
                icon: L.divIcon({
                  className: 'sp-cluster',
                  html: `<span>${f.count}</span>`,
                  iconSize: [size, size],
                }),
                title: label,
                keyboard: true,
              })
                .on('click', () =>
                  map.setView([f.lat, f.lng], f.expansionZoom ?? Math.min(map.getZoom() + 2, 19)),
                )
                .addTo(stations)
            }
          }
        }

        const load = async () => {
          ctrl?.abort()
          ctrl = new AbortController()
          const b = map.getBounds()
          let west = clamp(b.getWest(), -180, 180)
          let east = clamp(b.getEast(), -180, 180)
          if (west >= east) [west, east] = [-180, 180]
          const res = await getClusters(
            {
              west,
              east,
              south: clamp(b.getSouth(), -90, 90),
              north: clamp(b.getNorth(), -90, 90),
              zoom: clamp(Math.round(map.getZoom()), 0, 20),
              coordSystem: config.coordSystem,
            },
            ctrl.signal,
          )
          if (!cancelled) draw(res.items)
        }
        const reload = () => {
          load().catch(() => {
            // A failed refresh leaves the last markers; the list still works.
          })
        }
        map.on('moveend', reload)
        map.on('click', (e: Leaflet.LeafletMouseEvent) =>
          latest.current.onPick({ lat: e.latlng.lat, lng: e.latlng.lng }),
        )
        reload()
        setState('ready')
      } catch {
        if (!cancelled) setState('failed')
      }
    })()
    return () => {
      cancelled = true
      ctrl?.abort()
      live.current?.map.remove()
      live.current = null
    }
  }, [config.tileUrl, config.attribution, config.subdomains, config.coordSystem])

  // The "me" marker follows the search position; the view moves only when it is off screen.
  useEffect(() => {
    const l = live.current
    if (state !== 'ready' || !l || !position) return
    const at = l.L.latLng(position.lat, position.lng)
    if (!l.me) {
      l.me = l.L.marker(at, {
        icon: l.L.divIcon({ className: 'sp-me', iconSize: [22, 22] }),
        draggable: true,
        keyboard: false,
        zIndexOffset: 1000,
        title: t('stationsPublic.map.me'),
      })
        .on('dragend', () => {
          const p = l.me?.getLatLng()
          if (p) latest.current.onPick({ lat: p.lat, lng: p.lng })
        })
        .addTo(l.map)
    } else l.me.setLatLng(at)
    if (!l.map.getBounds().contains(at) || l.map.getZoom() < 11)
      l.map.setView(at, Math.max(l.map.getZoom(), NEAR_ZOOM))
  }, [position, state, t])

  return (
    <section className="sp-map-wrap" aria-label={t('stationsPublic.map.label')}>
      <div ref={el} className="sp-map" />
      {state === 'loading' ? (
        <p className="sp-map-note" role="status">
          {t('stationsPublic.map.loading')}
        </p>
      ) : null}
      {state === 'failed' ? (
        <p className="sp-map-note" role="alert">
          {t('stationsPublic.map.failed')}
        </p>
      ) : null}
      <p className="cp-hint">{t('stationsPublic.map.hint')}</p>
    </section>
  )
}
