import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query'
import { AMENITY_CODES, type AmenityCodeValue } from '@unionhall/contracts'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { LoadError, Loading, Notice, PublicShell } from '../../campaigns-public/components/shell'
import { stationLabels } from '../../stations/lib/station-labels'
import {
  getNearest,
  getPlaces,
  publicStationKeys,
  type NearestParams,
} from '../api/public-stations-api'
import { AMENITY_ICONS, DecorativeEmoji } from '../components/amenity-list'
import { stationPath, useMapConfig } from '../components/hooks'
import { StationList, UnderstoodLine } from '../components/station-list'
import { StationMap } from '../components/station-map'
import { usePosition } from '../components/use-position'
import '../components/stations.css'

/** The needs asked for most; the rest are one tap away ("more"). */
const COMMON_AMENITIES: AmenityCodeValue[] = [
  'drinking_water',
  'microwave',
  'toilet',
  'phone_charging',
  'ebike_charging',
  'air_conditioning',
  'heating',
  'seating',
]

const isAmenity = (v: string): v is AmenityCodeValue =>
  (AMENITY_CODES as readonly string[]).includes(v)

// Text searches without a position are ranked from the middle of the country; distances from
// there mean nothing, so they are hidden.
const CHINA_CENTRE = { lat: 35, lng: 104 }

/** /s — the stations nearest to me (or to a point on the map), as a list and on a map. */
export const Component = () => {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { map, ready } = useMapConfig()
  const pos = usePosition(map.coordSystem)
  const [params, setParams] = useSearchParams()
  const q = params.get('q') ?? ''
  const openNow = params.get('open') === '1'
  const amenities = (params.get('amenities') ?? '').split(',').filter(isAmenity)
  const [draft, setDraft] = useState(q)
  const [k, setK] = useState(5)
  const [allAmenities, setAllAmenities] = useState(
    () => !amenities.every((a) => COMMON_AMENITIES.includes(a)),
  )

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params)
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value)
      else next.delete(key)
    }
    setParams(next, { replace: true })
  }
  const toggleAmenity = (code: AmenityCodeValue) => {
    const set = new Set(amenities)
    if (set.has(code)) set.delete(code)
    else set.add(code)
    update({ amenities: AMENITY_CODES.filter((c) => set.has(c)).join(',') || null })
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    update({ q: draft.trim() || null })
  }

  const centre = pos.position ?? (q ? CHINA_CENTRE : null)
  const query: NearestParams | null = centre
    ? { ...centre, coordSystem: map.coordSystem, k, openNow, amenities, q }
    : null
  const nearest = useQuery({
    queryKey: publicStationKeys.nearest(query),
    queryFn: query && ready ? ({ signal }) => getNearest(query, signal) : skipToken,
    placeholderData: keepPreviousData,
  })
  const result = nearest.data
  // A place typed into the box ("坂田", "人民路") is looked up in the stations' addresses, so the
  // worker can search around it instead of filtering by its name.
  const places = useQuery({
    queryKey: publicStationKeys.places(q, map.coordSystem),
    queryFn: q && ready ? ({ signal }) => getPlaces(q, map.coordSystem, signal) : skipToken,
  })
  const placeItems = places.data?.items ?? []
  const pickPlace = (place: { lat: number; lng: number; label: string }) => {
    pos.pickPlace(place)
    // Keep the needs ("热饭"), drop the place words: the place is now the centre, not a filter.
    const needs = places.data?.needs ?? ''
    setDraft(needs)
    update({ q: needs || null })
  }

  const chips = allAmenities ? AMENITY_CODES : COMMON_AMENITIES
  return (
    <PublicShell title={t('stationsPublic.nearby.title')}>
      <form className="sp-search" role="search" onSubmit={submit}>
        <label htmlFor="sp-q" className="sp-label">
          {t('stationsPublic.nearby.searchLabel')}
        </label>
        <div className="sp-search-row">
          <input
            id="sp-q"
            className="cp-input"
            type="search"
            enterKeyHint="search"
            maxLength={50}
            value={draft}
            placeholder={t('stationsPublic.nearby.searchPlaceholder')}
            aria-describedby="sp-q-hint"
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="submit" className="cp-btn cp-btn-primary">
            {t('common.search')}
          </button>
        </div>
        <p id="sp-q-hint" className="cp-hint">
          {t('stationsPublic.nearby.searchHint')}
        </p>
      </form>

      {q && placeItems.length > 0 ? (
        <section aria-labelledby="sp-places" className="sp-places">
          <h2 id="sp-places" className="sp-label">
            {t('stationsPublic.places.title', { text: places.data?.text ?? q })}
          </h2>
          <ul className="sp-place-list">
            {placeItems.map((p) => (
              <li key={p.label}>
                <button type="button" className="cp-btn cp-btn-block" onClick={() => pickPlace(p)}>
                  <DecorativeEmoji emoji="📌" />
                  {p.label}{' '}
                  <span className="cp-small cp-muted">
                    {t('stationsPublic.places.stations', { count: p.stations })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <p className="cp-hint">{t('stationsPublic.places.hint')}</p>
        </section>
      ) : null}

      <div className="sp-position">
        <button
          type="button"
          className="cp-btn cp-btn-block"
          onClick={pos.locate}
          disabled={pos.locating}
        >
          <DecorativeEmoji emoji="📍" />
          {pos.locating
            ? t('stationsPublic.position.locating')
            : t('stationsPublic.position.locate')}
        </button>
        <p className="cp-small cp-muted" role="status">
          {pos.position
            ? pos.source === 'gps'
              ? t('stationsPublic.position.fromGps')
              : pos.source === 'place'
                ? t('stationsPublic.position.fromPlace', { place: pos.placeLabel })
                : t('stationsPublic.position.fromMap')
            : t('stationsPublic.position.none')}
        </p>
        {pos.problem ? (
          <Notice kind="warn" role="alert">
            <p>{t(`stationsPublic.position.problem.${pos.problem}`)}</p>
            <p>
              <a href="#sp-map">{t('stationsPublic.position.useMap')}</a>
            </p>
          </Notice>
        ) : null}
      </div>

      <fieldset className="sp-filters">
        <legend className="sp-label">{t('stationsPublic.filters.label')}</legend>
        <div className="sp-chips">
          <button
            type="button"
            className="sp-chip"
            aria-pressed={openNow}
            onClick={() => update({ open: openNow ? null : '1' })}
          >
            {t('stationsPublic.filters.openNow')}
          </button>
          {chips.map((code) => (
            <button
              key={code}
              type="button"
              className="sp-chip"
              aria-pressed={amenities.includes(code)}
              onClick={() => toggleAmenity(code)}
            >
              <DecorativeEmoji emoji={AMENITY_ICONS[code]} />
              {stationLabels(t).amenity(code)}
            </button>
          ))}
          <button
            type="button"
            className="sp-chip sp-chip-more"
            aria-expanded={allAmenities}
            onClick={() => setAllAmenities(!allAmenities)}
          >
            {allAmenities ? t('stationsPublic.filters.fewer') : t('stationsPublic.filters.more')}
          </button>
        </div>
      </fieldset>

      <section aria-labelledby="sp-results" className="sp-results">
        <h2 id="sp-results">
          {pos.placeLabel
            ? t('stationsPublic.nearby.nearestPlace', { place: pos.placeLabel })
            : pos.position
              ? t('stationsPublic.nearby.nearest')
              : t('stationsPublic.nearby.results')}
        </h2>
        {result ? <UnderstoodLine understood={result.understood} /> : null}
        {!query ? (
          <Notice>{t('stationsPublic.nearby.needPosition')}</Notice>
        ) : nearest.isLoading ? (
          <Loading />
        ) : nearest.error && !result ? (
          <LoadError error={nearest.error} onRetry={() => void nearest.refetch()} />
        ) : result ? (
          <>
            {pos.position === null ? (
              // Ranked from the middle of the country: they match the words, not where I am.
              <Notice kind="warn" role="status">
                {t('stationsPublic.nearby.notNearYou')}
              </Notice>
            ) : null}
            <StationList
              items={result.items}
              system={map.coordSystem}
              showDistance={pos.position !== null}
            />
            {k < 10 && result.items.length >= k ? (
              <button type="button" className="cp-btn cp-btn-block" onClick={() => setK(10)}>
                {t('stationsPublic.nearby.more')}
              </button>
            ) : null}
          </>
        ) : null}
      </section>

      <div id="sp-map">
        {ready ? (
          <StationMap
            config={map}
            position={pos.position}
            onPick={pos.pick}
            onOpenStation={(id) => void navigate(stationPath(id))}
          />
        ) : null}
      </div>
    </PublicShell>
  )
}
