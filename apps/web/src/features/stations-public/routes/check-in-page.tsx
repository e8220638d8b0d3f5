import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { isApiError } from '../../../lib/api-error'
import { Notice, PublicShell } from '../../campaigns-public/components/shell'
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
import { openStateText } from '../lib/format'
import '../components/stations.css'

/**
 * /s/:stationId/check-in?c=<code> — what the QR code on the door opens. It checks in straight away
 * (no account, no tap): a repeated scan in the same visit is answered "already checked in". The
 * code is the station's (ADR 0029); a link without one, shared or typed, can only say where to
 * scan. The code is read once and then dropped from the address, so a reload or Back after
 * checking out (WeChat does both often) does not check the phone in again; a new scan does.
 */
export const Component = () => {
  const { t } = useTranslation()
  const stationId = useStationId()
  const station = useStation(stationId)
  const { map } = useMapConfig()
  const now = useNow()
  const [params, setParams] = useSearchParams()
  const [code] = useState(() => params.get('c')?.trim() || null)
  const visit = useVisit(stationId, now, code)
  const started = useRef(false)
  const { checkIn } = visit

  useEffect(() => {
    if (!params.has('c')) return
    setParams(
      (p) => {
        const next = new URLSearchParams(p)
        next.delete('c')
        return next
      },
      { replace: true },
    )
  }, [params, setParams])

  useEffect(() => {
    // Once per page load (StrictMode runs effects twice in development; the ref survives).
    if (started.current || stationId === '' || code === null) return
    started.current = true
    checkIn()
  }, [checkIn, stationId, code])

  const s = station.data
  const missing = isMissingStation(station.error) || isMissingStation(visit.enter.error)
  const occupancy =
    visit.enter.data?.occupancy ?? visit.leave.data?.occupancy ?? s?.occupancy ?? null
  return (
    <PublicShell
      title={s ? s.name : t('stationsPublic.checkIn.title')}
      home={{ to: '/s', label: t('stationsPublic.nearby.title') }}
    >
      {s ? <p className="cp-lead">{openStateText(t, s, now)}</p> : null}
      {missing ? (
        <Notice kind="warn" role="alert">
          {t('stationsPublic.common.notFound')}
        </Notice>
      ) : (
        <>
          {code === null && !visit.checkedIn ? (
            <Notice kind="warn" role="alert">
              <p className="sp-status-big">{t('stationsPublic.checkIn.noCodeTitle')}</p>
              <p>{t('stationsPublic.checkIn.noCode')}</p>
            </Notice>
          ) : null}
          <VisitPanel
            visit={visit}
            occupancy={occupancy}
            canCheckIn={code !== null && (s ? s.openNow : true)}
            here={s ? { id: s.id, lat: s.lat, lng: s.lng, coordSystem: map.coordSystem } : null}
          />
        </>
      )}
      {visit.enter.error &&
      // A full station's panel names the nearest other one; an old code needs the new poster.
      !(
        isApiError(visit.enter.error) &&
        ['STATION_CHECK_IN_CODE_INVALID', 'STATION_FULL'].includes(visit.enter.error.code)
      ) ? (
        <Notice>
          <Link to="/s">{t('stationsPublic.checkIn.findOther')}</Link>
        </Notice>
      ) : null}
      <div className="cp-actions">
        <Link className="cp-btn cp-btn-block" to={stationPath(stationId)}>
          {t('stationsPublic.checkIn.toStation')}
        </Link>
        <Link
          className="cp-btn cp-btn-block"
          to={`/w/new?stationId=${encodeURIComponent(stationId)}`}
          reloadDocument
        >
          {t('stationsPublic.common.postWish')}
        </Link>
      </div>
    </PublicShell>
  )
}
