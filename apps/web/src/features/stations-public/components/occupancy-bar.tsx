import type { Occupancy } from '@unionhall/contracts'
import { useTranslation } from 'react-i18next'

/** "8 / 15 人" with a bar; never shown above capacity, and marked when the figure is old. */
export const OccupancyBar = ({ occupancy }: { occupancy: Occupancy }) => {
  const { t } = useTranslation()
  const capacity = Math.max(1, occupancy.capacity)
  const count = Math.min(Math.max(0, occupancy.count), capacity)
  const full = count >= capacity
  return (
    <div className="sp-occupancy">
      <p className="sp-occupancy-figure">
        <span>{t('stationsPublic.occupancy.label')}</span>{' '}
        <strong>{t('stationsPublic.occupancy.figure', { count, capacity })}</strong>
        {full ? (
          <span className="cp-tag cp-tag-bad">{t('stationsPublic.occupancy.full')}</span>
        ) : null}
      </p>
      <div
        className="cp-bar-track"
        role="meter"
        aria-label={t('stationsPublic.occupancy.label')}
        aria-valuemin={0}
        aria-valuemax={capacity}
        aria-valuenow={count}
        aria-valuetext={t('stationsPublic.occupancy.figure', { count, capacity })}
      >
        <div
          className={full ? 'cp-bar-fill sp-fill-full' : 'cp-bar-fill'}
          style={{ width: `${(count / capacity) * 100}%` }}
        />
      </div>
      {occupancy.stale ? (
        <p className="cp-small sp-stale">{t('stationsPublic.occupancy.stale')}</p>
      ) : null}
    </div>
  )
}
