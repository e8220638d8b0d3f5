import type { AmenityCodeValue } from '@unionhall/contracts'
import { useTranslation } from 'react-i18next'
import { stationLabels } from '../../stations/lib/station-labels'
import { drawsEmoji } from '../lib/emoji'

/**
 * A picture next to each word helps readers in a hurry; the word is what counts (the pictures
 * are hidden from screen readers, and left out where the phone would draw an empty box).
 */
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

/**
 * A decorative emoji before a word: hidden from screen readers, spaced by CSS (not a text space),
 * and not drawn at all where the device has no picture for it, so nothing depends on it.
 */
export const DecorativeEmoji = ({ emoji }: { emoji: string }) =>
  drawsEmoji(emoji) ? (
    <span aria-hidden="true" className="sp-emoji">
      {emoji}
    </span>
  ) : null

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
          <DecorativeEmoji emoji={AMENITY_ICONS[c]} />
          {l.amenity(c)}
        </li>
      ))}
    </ul>
  )
}
