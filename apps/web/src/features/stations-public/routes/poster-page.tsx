import { useTranslation } from 'react-i18next'
import { publicUrl, usePublicOrigin } from '../../../lib/public-origin'
import { Link, useSearchParams } from 'react-router'
import { LoadError, Loading, Notice, PublicShell } from '../../campaigns-public/components/shell'
import { AmenityList } from '../components/amenity-list'
import { isMissingStation, stationPath, useStation, useStationId } from '../components/hooks'
import { QrCode } from '../components/qr-code'
import { groupedWeeklyRows, holidayText } from '../lib/format'
import '../components/stations.css'

/**
 * /s/:stationId/poster?c=<code> — an A4 poster for the station's door: name, hours, amenities and
 * a big QR code of the check-in page with the station's check-in code (ADR 0029). The console's
 * poster tab opens it with the code; without one there is nothing to print.
 */
export const Component = () => {
  const { t } = useTranslation()
  const stationId = useStationId()
  const station = useStation(stationId)
  const s = station.data
  const [params] = useSearchParams()
  const code = params.get('c')?.trim() || null
  const checkInUrl = publicUrl(
    usePublicOrigin(),
    `${stationPath(stationId, '/check-in')}?c=${encodeURIComponent(code ?? '')}`,
  )

  return (
    <PublicShell
      title={t('stationsPublic.poster.title')}
      home={{ to: stationPath(stationId), label: s?.name ?? t('stationsPublic.station.title') }}
    >
      {!s ? (
        isMissingStation(station.error) ? (
          <Notice kind="warn" role="alert">
            {t('stationsPublic.common.notFound')}
          </Notice>
        ) : station.error ? (
          <LoadError error={station.error} onRetry={() => void station.refetch()} />
        ) : (
          <Loading />
        )
      ) : code === null ? (
        <Notice kind="warn" role="alert">
          {t('stationsPublic.poster.noCode')}
        </Notice>
      ) : (
        <>
          <div className="sp-noprint cp-actions">
            <p className="cp-hint">{t('stationsPublic.poster.hint')}</p>
            <button
              type="button"
              className="cp-btn cp-btn-primary cp-btn-block"
              onClick={() => window.print()}
            >
              {t('stationsPublic.poster.print')}
            </button>
            <Link className="cp-btn cp-btn-block" to={stationPath(stationId)}>
              {t('stationsPublic.checkIn.toStation')}
            </Link>
          </div>
          <article className="sp-poster" aria-label={t('stationsPublic.poster.title')}>
            <p className="cp-muted">{s.orgName}</p>
            <h2 className="sp-poster-name">{s.name}</h2>
            <p className="sp-poster-call">{t('stationsPublic.poster.call')}</p>
            <QrCode
              className="sp-poster-qr"
              text={checkInUrl}
              label={t('stationsPublic.poster.qrLabel', { name: s.name })}
            />
            <p>{t('stationsPublic.poster.how')}</p>
            <dl className="cp-dl sp-hours">
              {groupedWeeklyRows(t, s.schedule).map(([day, hours]) => (
                <div key={day} style={{ display: 'contents' }}>
                  <dt>{day}</dt>
                  <dd>{hours}</dd>
                </div>
              ))}
            </dl>
            <p className="cp-small">{holidayText(t, s.schedule)}</p>
            <AmenityList codes={s.amenities} />
            <p className="cp-small">{s.address}</p>
            <p className="sp-poster-url">{checkInUrl}</p>
          </article>
        </>
      )}
    </PublicShell>
  )
}
