import type { Occupancy } from '@unionhall/contracts'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../lib/api-error'
import { errorMessage } from '../../../lib/error-message'
import { Notice } from '../../campaigns-public/components/shell'
import { clockText } from '../lib/format'
import { OccupancyBar } from './occupancy-bar'
import { type HereStation, OtherStations } from './other-stations'
import type { Visit } from './use-visit'

/** The outcome of the last check-in or check-out, in plain words. */
export const VisitMessages = ({ visit }: { visit: Visit }) => {
  const { t } = useTranslation()
  const { enter, leave } = visit
  if (enter.isPending)
    return (
      <p className="cp-spinner" role="status">
        {t('stationsPublic.checkIn.pending')}
      </p>
    )
  if (enter.data)
    return (
      <Notice kind="ok" role="status">
        <p className="sp-status-big">
          {enter.data.created
            ? t('stationsPublic.checkIn.done')
            : t('stationsPublic.checkIn.already')}
        </p>
        <p>
          {t('stationsPublic.checkIn.autoOut', { time: clockText(new Date(enter.data.expiresAt)) })}
        </p>
      </Notice>
    )
  if (enter.error) {
    const e = enter.error
    const code = isApiError(e) ? e.code : ''
    if (code === 'STATION_FULL') {
      const details = isApiError(e) ? (e.details as { capacity?: number } | undefined) : undefined
      return (
        <Notice kind="warn" role="alert">
          <p className="sp-status-big">{t('stationsPublic.checkIn.fullTitle')}</p>
          <p>{t('stationsPublic.checkIn.full', { capacity: details?.capacity ?? '' })}</p>
        </Notice>
      )
    }
    if (code === 'STATION_CHECK_IN_CODE_INVALID')
      return (
        <Notice kind="warn" role="alert">
          <p className="sp-status-big">{t('stationsPublic.checkIn.badCodeTitle')}</p>
          <p>{t('stationsPublic.checkIn.badCode')}</p>
        </Notice>
      )
    if (code === 'STATION_CLOSED' || code === 'STATION_NOT_OPEN_NOW')
      return (
        <Notice kind="warn" role="alert">
          <p className="sp-status-big">{t('stationsPublic.checkIn.closedTitle')}</p>
          <p>{t('stationsPublic.checkIn.closed')}</p>
        </Notice>
      )
    return (
      <Notice kind="error" role="alert">
        <p>{t('stationsPublic.checkIn.failed')}</p>
        <p>{errorMessage(t, e)}</p>
      </Notice>
    )
  }
  if (leave.isSuccess)
    return (
      <Notice kind="ok" role="status">
        {t('stationsPublic.checkOut.done')}
      </Notice>
    )
  if (leave.error) {
    if (isApiError(leave.error) && leave.error.code === 'STATION_NOT_CHECKED_IN')
      return <Notice role="status">{t('stationsPublic.checkOut.already')}</Notice>
    return (
      <Notice kind="error" role="alert">
        {errorMessage(t, leave.error)}
      </Notice>
    )
  }
  return null
}

/**
 * Occupancy, the outcome line and the one button that fits: check in (only on the page the door's
 * QR code opens, which brings the station's check-in code) or check out. Elsewhere a station that
 * is open says how to check in instead. A full station offers no check-in (the server refuses
 * one, STATION_FULL) but says so and where to go instead; the figure refreshes every minute, and
 * the button comes back once someone has left.
 */
export const VisitPanel = ({
  visit,
  occupancy,
  canCheckIn,
  here = null,
}: {
  visit: Visit
  occupancy: Occupancy | null
  /** False while the station is closed or outside its hours: the server would refuse. */
  canCheckIn: boolean
  /** This station, to find the nearest other one when it is full. */
  here?: HereStation | null
}) => {
  const enterCode = isApiError(visit.enter.error) ? visit.enter.error.code : ''
  // An old code stays old: a button that re-sends it could never work.
  const codeRefused = enterCode === 'STATION_CHECK_IN_CODE_INVALID'
  const refusedFull = enterCode === 'STATION_FULL'
  const full = occupancy !== null && occupancy.count >= occupancy.capacity
  const turnedAway = canCheckIn && !visit.checkedIn && (full || refusedFull)
  const offerCheckIn = canCheckIn && visit.hasCode && !codeRefused && !full
  const { t } = useTranslation()
  return (
    <div className="cp-card">
      {occupancy ? <OccupancyBar occupancy={occupancy} /> : null}
      <VisitMessages visit={visit} />
      {full && turnedAway && !refusedFull ? (
        <Notice kind="warn" role="status">
          <p className="sp-status-big">{t('stationsPublic.checkIn.fullTitle')}</p>
          <p>{t('stationsPublic.checkIn.fullNow', { capacity: occupancy?.capacity ?? '' })}</p>
        </Notice>
      ) : null}
      {visit.checkedIn ? (
        <>
          {!visit.enter.data && visit.expiresAt ? (
            <p>{t('stationsPublic.checkIn.inUntil', { time: clockText(visit.expiresAt) })}</p>
          ) : null}
          <button
            type="button"
            className="cp-btn cp-btn-block"
            disabled={visit.busy}
            onClick={visit.checkOut}
          >
            {t('stationsPublic.checkOut.button')}
          </button>
        </>
      ) : offerCheckIn ? (
        <button
          type="button"
          className="cp-btn cp-btn-primary cp-btn-block"
          disabled={visit.busy}
          onClick={visit.checkIn}
        >
          {refusedFull ? t('stationsPublic.checkIn.retry') : t('stationsPublic.checkIn.button')}
        </button>
      ) : canCheckIn && !full ? (
        <p className="cp-hint">{t('stationsPublic.checkIn.scanHint')}</p>
      ) : null}
      {turnedAway ? <OtherStations here={here} /> : null}
    </div>
  )
}
