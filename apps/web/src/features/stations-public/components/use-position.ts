import type { CoordSystemValue } from '@unionhall/contracts'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { storage } from '../../../lib/storage'
import { fromWgs84, type LatLng } from '../lib/coords'

/** Where the search is centred: the phone's GPS fix, a point picked on the map, or a place searched for. */
export type SavedPosition = LatLng & {
  /** GPS fixes are kept in WGS-84 and converted for the tile layer in use. */
  system: CoordSystemValue
  source: 'gps' | 'map' | 'place'
  /** The place's name, when the source is a searched place. */
  label?: string
}

export type GeoProblem = 'denied' | 'unavailable' | 'timeout' | 'unsupported'

const KEY = 'uh.stationsPosition'

const load = (): SavedPosition | null => {
  try {
    const v = JSON.parse(storage.get(KEY) ?? 'null') as SavedPosition | null
    if (v && Number.isFinite(v.lat) && Number.isFinite(v.lng) && v.system && v.source) return v
  } catch {
    // a damaged value: start without a position
  }
  return null
}

/** A saved position in the map's system; null when it cannot be converted (no inverse here). */
const inSystem = (p: SavedPosition | null, to: CoordSystemValue): LatLng | null => {
  if (!p) return null
  if (p.system === to) return { lat: p.lat, lng: p.lng }
  return p.system === 'wgs84' ? fromWgs84(p, to) : null
}

export const usePosition = (mapSystem: CoordSystemValue) => {
  // The last position is remembered so a return visit lists stations before GPS answers.
  const [saved, setSaved] = useState<SavedPosition | null>(load)
  const [locating, setLocating] = useState(false)
  const [problem, setProblem] = useState<GeoProblem | null>(null)

  const keep = useCallback((p: SavedPosition) => {
    storage.set(KEY, JSON.stringify(p))
    setSaved(p)
  }, [])

  const locate = useCallback(() => {
    if (typeof navigator === 'undefined' || !('geolocation' in navigator)) {
      setProblem('unsupported')
      return
    }
    setLocating(true)
    setProblem(null)
    navigator.geolocation.getCurrentPosition(
      (fix) => {
        setLocating(false)
        keep({
          lat: fix.coords.latitude,
          lng: fix.coords.longitude,
          system: 'wgs84',
          source: 'gps',
        })
      },
      (err) => {
        setLocating(false)
        setProblem(
          err.code === err.PERMISSION_DENIED
            ? 'denied'
            : err.code === err.TIMEOUT
              ? 'timeout'
              : 'unavailable',
        )
      },
      // Coarse and cached is fine for "nearest": faster and kinder to cheap phones.
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 120_000 },
    )
  }, [keep])

  // A phone that already allowed location gets a fresh fix without a tap; one that has not is
  // asked only when the worker taps the button (a prompt on arrival is often refused).
  useEffect(() => {
    let live = true
    navigator.permissions
      ?.query({ name: 'geolocation' })
      .then((status) => {
        if (live && status.state === 'granted') locate()
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [locate])

  const pick = useCallback(
    (p: LatLng) => {
      setProblem(null)
      keep({ lat: p.lat, lng: p.lng, system: mapSystem, source: 'map' })
    },
    [keep, mapSystem],
  )

  /** A place found by the search box (its point is in the map's system, as the server answered). */
  const pickPlace = useCallback(
    (p: LatLng & { label: string }) => {
      setProblem(null)
      keep({ lat: p.lat, lng: p.lng, system: mapSystem, source: 'place', label: p.label })
    },
    [keep, mapSystem],
  )

  const position = useMemo(() => inSystem(saved, mapSystem), [saved, mapSystem])
  return {
    position,
    source: position ? saved?.source : undefined,
    placeLabel: position && saved?.source === 'place' ? (saved.label ?? '') : undefined,
    locate,
    locating,
    problem,
    pick,
    pickPlace,
  }
}
