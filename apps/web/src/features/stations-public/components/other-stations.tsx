import { useQuery } from '@tanstack/react-query'
import type { CoordSystemValue } from '@unionhall/contracts'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { getNearest, publicStationKeys, type NearestParams } from '../api/public-stations-api'
import { formatDistance } from '../lib/format'
import { stationPath } from './hooks'

/** A station a worker is turned away from (full), in the map's coordinate system. */
export type HereStation = { id: string; lat: number; lng: number; coordSystem: CoordSystemValue }

/**
 * Where to go instead when this station cannot take the worker: the nearest other station open
 * now, by name and distance, and the nearby list. Without a position (the station is still
 * loading) or an answer, the list alone.
 */
export const OtherStations = ({ here }: { here: HereStation | null }) => {
  const { t } = useTranslation()
  const params: NearestParams | null = here
    ? {
        lat: here.lat,
        lng: here.lng,
        coordSystem: here.coordSystem,
        // This station is likely the nearest itself; one more is the one to offer.
        k: 2,
        openNow: true,
        amenities: [],
        q: '',
      }
    : null
  const nearest = useQuery({
    queryKey: publicStationKeys.nearest(params),
    queryFn: ({ signal }) => getNearest(params!, signal),
    enabled: params !== null,
    staleTime: 60_000,
  })
  const other = nearest.data?.items.find((s) => s.id !== here?.id)
  return (
    <p className="cp-row" data-testid="other-stations">
      {other ? (
        <Link className="cp-btn cp-btn-primary cp-btn-block" to={stationPath(other.id)}>
          {t('stationsPublic.checkIn.nearestOther', {
            name: other.name,
            distance: formatDistance(t, other.distanceM),
          })}
        </Link>
      ) : null}
      <Link className="cp-btn cp-btn-block" to="/s">
        {t('stationsPublic.checkIn.findOther')}
      </Link>
    </p>
  )
}
