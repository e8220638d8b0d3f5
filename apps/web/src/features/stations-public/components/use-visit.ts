import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Occupancy, PublicStation } from '@unionhall/contracts'
import { useCallback, useState } from 'react'
import { isApiError } from '../../../lib/api-error'
import { checkIn, checkOut, publicStationKeys } from '../api/public-stations-api'
import { getDeviceId } from '../lib/device-id'
import { currentVisit, forgetVisit, rememberVisit } from '../lib/visits'

/**
 * This phone's visit to a station: check in (idempotent on the server: a repeated scan in the
 * same visit answers 200 with created=false) and check out. Checking in takes the door poster's
 * code from the QR link (`code`, null on pages reached otherwise: they can only check out). The
 * expiry is remembered locally so the page knows which button to offer; the server checks out by
 * itself when it passes (`now` is the page's ticking clock, so the button changes back by itself
 * too).
 */
export const useVisit = (stationId: string, now: Date, code: string | null = null) => {
  const qc = useQueryClient()
  const [expiresAt, setExpiresAt] = useState<Date | null>(() => currentVisit(stationId))

  // Every view of this station shows the new figure at once, not after the next refresh.
  const showOccupancy = useCallback(
    (occupancy: Occupancy) =>
      qc.setQueriesData<PublicStation>(
        { queryKey: [...publicStationKeys.all, 'station', stationId] },
        (old) => (old ? { ...old, occupancy } : old),
      ),
    [qc, stationId],
  )

  const enter = useMutation({
    mutationFn: () => checkIn(stationId, getDeviceId(), code ?? ''),
    onSuccess: (r) => {
      rememberVisit(stationId, r.expiresAt)
      setExpiresAt(new Date(r.expiresAt))
      showOccupancy(r.occupancy)
    },
    onError: (e) => {
      // Refused as full: the figure shown may be a minute old, so ask again at once. The page then
      // shows it full, or offers to try again if someone has left since.
      if (isApiError(e) && e.code === 'STATION_FULL')
        void qc.invalidateQueries({ queryKey: [...publicStationKeys.all, 'station', stationId] })
    },
  })
  const leave = useMutation({
    mutationFn: () => checkOut(stationId, getDeviceId()),
    onSuccess: (r) => {
      forgetVisit(stationId)
      setExpiresAt(null)
      showOccupancy(r.occupancy)
    },
    onError: (e) => {
      // Already checked out (by time, or on another tab): the phone's note is simply stale.
      if (isApiError(e) && e.code === 'STATION_NOT_CHECKED_IN') {
        forgetVisit(stationId)
        setExpiresAt(null)
      }
    },
  })

  const checkedIn = expiresAt !== null && expiresAt.getTime() > now.getTime()
  return {
    checkedIn,
    expiresAt: checkedIn ? expiresAt : null,
    /** Whether this page can check in at all: it was opened from the door's QR code. */
    hasCode: code !== null && code !== '',
    checkIn: () => {
      if (code === null || code === '') return
      leave.reset()
      enter.mutate()
    },
    checkOut: () => {
      enter.reset()
      leave.mutate()
    },
    enter,
    leave,
    busy: enter.isPending || leave.isPending,
  }
}

export type Visit = ReturnType<typeof useVisit>
