import type { CoordSystemValue, NearestHit, NearestResult } from '@unionhall/contracts'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { stationLabels } from '../../stations/lib/station-labels'
import { formatDistance, walkingUrl } from '../lib/format'
import { AmenityList } from './amenity-list'
import { stationPath } from './hooks'

/** "已理解：微波炉 · 24小时 · “龙岗”" — how the server read the search text. */
export const UnderstoodLine = ({ understood }: { understood: NearestResult['understood'] }) => {
  const { t } = useTranslation()
  const parts = [
    ...understood.amenities.map((c) => stationLabels(t).amenity(c)),
    ...(understood.alwaysOpen ? [t('stationsPublic.understood.alwaysOpen')] : []),
    ...(understood.text ? [t('stationsPublic.understood.text', { text: understood.text })] : []),
  ]
  if (!parts.length) return null
  return (
    <p className="sp-understood" role="status">
      {t('stationsPublic.understood.label', { parts: parts.join(' · ') })}
    </p>
  )
}

type ItemProps = { hit: NearestHit; system: CoordSystemValue; showDistance: boolean }

const StationItem = ({ hit, system, showDistance }: ItemProps) => {
  const { t } = useTranslation()
  return (
    <li className="cp-card sp-hit">
      <div className="sp-hit-head">
        <h3>
          <Link to={stationPath(hit.id)}>{hit.name}</Link>
        </h3>
        {showDistance ? (
          <span className="sp-distance">{formatDistance(t, hit.distanceM)}</span>
        ) : null}
      </div>
      <p className="cp-row cp-small">
        {hit.openNow ? (
          <span className="cp-tag cp-tag-ok">{t('stationsPublic.common.openNow')}</span>
        ) : (
          <span className="cp-tag cp-tag-bad">{t('stationsPublic.common.closedNow')}</span>
        )}
        {hit.alwaysOpen ? (
          <span className="cp-tag">{t('stationsPublic.common.alwaysOpenTag')}</span>
        ) : null}
        <span>{stationLabels(t).kind(hit.kind)}</span>
        <span>{t('stationsPublic.common.capacity', { count: hit.capacity })}</span>
      </p>
      <p className="cp-small cp-muted">{hit.address}</p>
      <AmenityList codes={hit.amenities} />
      <div className="sp-hit-actions">
        <a
          className="cp-btn cp-btn-primary"
          href={walkingUrl(hit, system)}
          target="_blank"
          rel="noopener noreferrer"
        >
          {t('stationsPublic.common.walk')}
        </a>
        <Link className="cp-btn" to={stationPath(hit.id)}>
          {t('stationsPublic.common.details')}
        </Link>
      </div>
    </li>
  )
}

/** The nearest stations, closest first, each with its distance and a walking link. */
export const StationList = ({
  items,
  system,
  showDistance = true,
}: {
  items: readonly NearestHit[]
  system: CoordSystemValue
  /** False when there is no real position (a text search from the middle of the map). */
  showDistance?: boolean
}) => {
  const { t } = useTranslation()
  if (!items.length) return <p className="cp-notice">{t('stationsPublic.nearby.empty')}</p>
  return (
    <ol className="cp-list sp-hits" aria-label={t('stationsPublic.nearby.listLabel')}>
      {items.map((hit) => (
        <StationItem key={hit.id} hit={hit} system={system} showDistance={showDistance} />
      ))}
    </ol>
  )
}
