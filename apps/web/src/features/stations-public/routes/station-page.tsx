import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { publicUrl, usePublicOrigin } from '../../../lib/public-origin'
import { Link } from 'react-router'
import { copyText } from '../../campaigns-public/components/copy-button'
import { LoadError, Loading, Notice, PublicShell } from '../../campaigns-public/components/shell'
import { stationLabels, titleSaysKind } from '../../stations/lib/station-labels'
import { AmenityList } from '../components/amenity-list'
import {
  isMissingStation,
  stationPath,
  useMapConfig,
  useNow,
  useStation,
  useStationId,
} from '../components/hooks'
import { useVisit } from '../components/use-visit'
import { VisitPanel } from '../components/visit-panel'
import {
  dateText,
  dutyPhoneTel,
  groupedWeeklyRows,
  holidayText,
  localDate,
  openStateText,
  upcomingExceptions,
  walkingUrl,
} from '../lib/format'
import '../components/stations.css'
import { sizedImageSrc } from '../../../lib/web-link'

/** /s/:stationId — everything a worker needs at the door: hours, amenities, room inside. */
export const Component = () => {
  const { t } = useTranslation()
  const origin = usePublicOrigin()
  const stationId = useStationId()
  const { map } = useMapConfig()
  const station = useStation(stationId)
  const now = useNow()
  const visit = useVisit(stationId, now)
  const [shareNote, setShareNote] = useState('')
  const s = station.data

  if (!s) {
    const notFound = station.error ? isMissingStation(station.error) : false
    return (
      <PublicShell title={t('stationsPublic.station.title')} home={home(t)}>
        {notFound ? (
          <Notice kind="warn" role="alert">
            {t('stationsPublic.common.notFound')}
          </Notice>
        ) : station.error ? (
          <LoadError error={station.error} onRetry={() => void station.refetch()} />
        ) : (
          <Loading />
        )}
      </PublicShell>
    )
  }

  const share = async () => {
    const url = publicUrl(origin, stationPath(s.id))
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title: s.name, text: s.address, url })
        return
      } catch (e) {
        if (e instanceof DOMException && e.name === 'AbortError') return
      }
    }
    const ok = await copyText(url)
    setShareNote(ok ? t('stationsPublic.station.linkCopied') : url)
  }

  const today = localDate(now)
  const exceptions = upcomingExceptions(t, s.schedule, now)
  return (
    <PublicShell title={s.name} home={home(t)}>
      <p className="cp-row">
        {s.openNow ? (
          <span className="cp-tag cp-tag-ok">{t('stationsPublic.common.openNow')}</span>
        ) : (
          <span className="cp-tag cp-tag-bad">{t('stationsPublic.common.closedNow')}</span>
        )}
        <span>{stationLabels(t).kind(s.kind)}</span>
      </p>
      <p className="cp-lead">{openStateText(t, s, now)}</p>
      <dl className="cp-dl">
        <dt>{t('stationsPublic.station.host')}</dt>
        <dd>{s.orgName}</dd>
        <dt>{t('stationsPublic.station.address')}</dt>
        <dd>{s.address}</dd>
        <dt>{t('stationsPublic.station.contact')}</dt>
        <dd>
          {s.contactName} {s.contactMobileMasked}
        </dd>
      </dl>
      {/* The number the station publishes: the person in charge's mobile above stays masked. */}
      {s.dutyPhone ? (
        <div className="cp-actions">
          <a className="cp-btn cp-btn-block sp-call" href={dutyPhoneTel(s.dutyPhone)}>
            {t('stationsPublic.station.callDuty')}
            <span className="sp-call-number">{s.dutyPhone}</span>
          </a>
        </div>
      ) : null}

      <VisitPanel
        visit={visit}
        occupancy={s.occupancy}
        canCheckIn={s.openNow}
        here={{ id: s.id, lat: s.lat, lng: s.lng, coordSystem: map.coordSystem }}
      />

      <div className="cp-actions">
        <a
          className="cp-btn cp-btn-primary cp-btn-block"
          href={walkingUrl(s, map.coordSystem)}
          target="_blank"
          rel="noopener noreferrer"
        >
          {t('stationsPublic.common.walk')}
        </a>
        <button type="button" className="cp-btn cp-btn-block" onClick={() => void share()}>
          {t('stationsPublic.station.share')}
        </button>
        {shareNote ? (
          <p role="status" className="cp-small cp-pre">
            {shareNote}
          </p>
        ) : null}
      </div>

      {s.description ? <p className="cp-pre">{s.description}</p> : null}

      <section className="cp-card" aria-labelledby="sp-hours">
        <h2 id="sp-hours">{t('stationsPublic.station.hours')}</h2>
        <dl className="cp-dl sp-hours">
          {groupedWeeklyRows(t, s.schedule).map(([day, hours]) => (
            <div key={day} style={{ display: 'contents' }}>
              <dt>{day}</dt>
              <dd>{hours}</dd>
            </div>
          ))}
        </dl>
        <p className="cp-small">{holidayText(t, s.schedule)}</p>
        {exceptions.length ? (
          <>
            <h3>{t('stationsPublic.station.specialDays')}</h3>
            <ul>
              {exceptions.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {s.amenities.length ? (
        <section className="cp-card" aria-labelledby="sp-amenities">
          <h2 id="sp-amenities">{t('stationsPublic.station.amenities')}</h2>
          <AmenityList codes={s.amenities} />
        </section>
      ) : null}

      {s.zones.length ? (
        <section className="cp-card" aria-labelledby="sp-zones">
          <h2 id="sp-zones">{t('stationsPublic.station.zones')}</h2>
          <ul>
            {s.zones.map((z) => (
              <li key={z.kind}>
                {stationLabels(t).zone(z.kind)}
                {z.note ? ` — ${z.note}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {s.services.length ? (
        <section className="cp-card" aria-labelledby="sp-services">
          <h2 id="sp-services">{t('stationsPublic.station.services')}</h2>
          <ul className="cp-list">
            {s.services.map((sv, i) => {
              const upcoming = sv.dates.filter((d) => d >= today)
              return (
                <li key={`${sv.kind}-${i}`} className="sp-service">
                  <h3>{sv.title}</h3>
                  {titleSaysKind(sv.title, t(`stationsPublic.service.${sv.kind}`)) ? null : (
                    <p className="cp-small cp-muted">{t(`stationsPublic.service.${sv.kind}`)}</p>
                  )}
                  <p className="cp-small">
                    {sv.dates.length === 0
                      ? t('stationsPublic.station.ongoing')
                      : upcoming.length
                        ? t('stationsPublic.station.dates', {
                            dates: upcoming
                              .map((d) => dateText(t, d))
                              .join(t('common.listSeparator')),
                          })
                        : t('stationsPublic.station.datesPast')}
                  </p>
                  {sv.note ? <p className="cp-small">{sv.note}</p> : null}
                </li>
              )
            })}
          </ul>
        </section>
      ) : null}

      {s.photos.length ? (
        <section aria-labelledby="sp-photos">
          <h2 id="sp-photos">{t('stationsPublic.station.photos')}</h2>
          <div className="sp-photos">
            {s.photos.map((src, i) => (
              <img
                key={src}
                src={sizedImageSrc(src, 320)}
                loading="lazy"
                alt={t('stationsPublic.station.photoAlt', { name: s.name, n: i + 1 })}
              />
            ))}
          </div>
        </section>
      ) : null}

      <div className="cp-actions">
        <Link
          className="cp-btn cp-btn-block"
          to={`/w/new?stationId=${encodeURIComponent(s.id)}`}
          reloadDocument
        >
          {t('stationsPublic.common.postWish')}
        </Link>
        <Link className="cp-btn cp-btn-block" to={`/w/wall?stationId=${encodeURIComponent(s.id)}`}>
          {t('stationsPublic.common.wishWall')}
        </Link>
        <Link className="cp-btn cp-btn-block" to="/s">
          {t('stationsPublic.station.others')}
        </Link>
      </div>
    </PublicShell>
  )
}

const home = (t: (k: string) => string) => ({ to: '/s', label: t('stationsPublic.nearby.title') })
