import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useParams } from 'react-router'
import { isApiError } from '../../../lib/api-error'
import { publicConfigQuery } from '../../../lib/public-config'
import { DEFAULT_MAP, getStation, mapConfigOf, publicStationKeys } from '../api/public-stations-api'

export const useStationId = () => useParams().stationId ?? ''

export const stationPath = (stationId: string, rest = '') =>
  `/s/${encodeURIComponent(stationId)}${rest}`

/** The tile layer's coordinate system and URL; the default (OSM, WGS-84) until /config answers. */
export const useMapConfig = () => {
  const q = useQuery({ ...publicConfigQuery, select: mapConfigOf })
  return { map: q.data ?? DEFAULT_MAP, ready: q.isSuccess || q.isError }
}

/**
 * One station in the map's coordinate system. Occupancy is live: refreshed every minute while
 * the page is open.
 */
export const useStation = (stationId: string) => {
  const { map, ready } = useMapConfig()
  return useQuery({
    queryKey: publicStationKeys.station(stationId, map.coordSystem),
    queryFn: ({ signal }) => getStation(stationId, map.coordSystem, signal),
    enabled: stationId !== '' && ready,
    refetchInterval: 60_000,
  })
}

/** The current time, refreshed every half minute so "open now" and hours stay right. */
export const useNow = (everyMs = 30_000) => {
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const h = setInterval(() => setNow(new Date()), everyMs)
    return () => clearInterval(h)
  }, [everyMs])
  return now
}

/** A station that does not exist, or a malformed id in a hand-typed or damaged link. */
export const isMissingStation = (error: unknown) =>
  isApiError(error) &&
  (error.code === 'STATION_NOT_FOUND' ||
    (error.status === 400 && error.code === 'VALIDATION_FAILED'))
