import type { AmenityCodeValue } from '@unionhall/contracts'
import { useTranslation } from 'react-i18next'
import { stationLabels } from '../../stations/lib/station-labels'

/** A picture next to each word helps readers in a hurry; the word is what counts. */
export const AMENITY_ICONS: Record<AmenityCodeValue, string> = {
  drinking_water: '💧',
  microwave: '🍱',
  fridge: '🧊',
  tv: '📺',
  wifi: '📶',
  phone_charging: '🔋',
  umbrella: '☂️',
  locker: '🔐',
  books: '📚',
  toilet: '🚻',
  first_aid: '⛑️',
  seating: '🪑',
  air_conditioning: '❄️',
  heating: '🔥',
  repair_kit: '🔧',
  sewing_kit: '🧵',
  ebike_charging: '🛵',
  washbasin: '🚰',
}

export const AmenityList = ({
  codes,
  label,
}: {
  codes: readonly AmenityCodeValue[]
  label?: string
}) => {
  const { t } = useTranslation()
  if (!codes.length) return null
  const l = stationLabels(t)
  return (
    <ul className="sp-amenities" aria-label={label ?? t('stationsPublic.common.amenitiesLabel')}>
      {codes.map((c) => (
        <li key={c}>
          <span aria-hidden="true">{AMENITY_ICONS[c]}</span> {l.amenity(c)}
        </li>
      ))}
    </ul>
  )
}
