import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { publicConfigQuery } from '../../../lib/public-config'
import { stationKeys } from './station-keys'
import {
  type ClusterBox,
  closeStation,
  createStation,
  getHolidayCalendarReach,
  getStation,
  getStationCheckInCode,
  getStationClusters,
  getStationContact,
  getStationStats,
  importStations,
  listStations,
  mapConfigOf,
  reopenStation,
  rotateStationCheckInCode,
  type StationListQuery,
  updateStation,
} from './stations-api'

export const useStations = (query: StationListQuery, enabled = true) =>
  useQuery({
    queryKey: stationKeys.list(query),
    queryFn: ({ signal }) => listStations(query, signal),
    placeholderData: keepPreviousData,
    enabled,
  })

export const useStation = (id: string) =>
  useQuery({
    queryKey: stationKeys.detail(id),
    queryFn: ({ signal }) => getStation(id, signal),
    enabled: id !== '',
  })

const useInvalidatingMutation = <A, R>(fn: (arg: A) => Promise<R>) => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: stationKeys.all }),
  })
}

export const useCreateStation = () => useInvalidatingMutation(createStation)
export const useUpdateStation = () => useInvalidatingMutation(updateStation)
export const useCloseStation = () => useInvalidatingMutation(closeStation)
export const useReopenStation = () => useInvalidatingMutation(reopenStation)

/** The unmasked contact is an audited read: a mutation run on an explicit click, never a query. */
export const useRevealStationContact = () => useMutation({ mutationFn: getStationContact })

/** The door poster's check-in code, for the poster tab (staff who run the station). */
export const useStationCheckInCode = (id: string) =>
  useQuery({
    queryKey: stationKeys.checkInCode(id),
    queryFn: ({ signal }) => getStationCheckInCode(id, signal),
    enabled: id !== '',
  })

export const useRotateStationCheckInCode = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: rotateStationCheckInCode,
    onSuccess: (code, id) => qc.setQueryData(stationKeys.checkInCode(id), code),
  })
}

export const useImportStations = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: importStations,
    onSuccess: (r) => {
      // An import that only updated stations changed them too (hours, contacts, exceptions).
      if (r.created + r.updated > 0) void qc.invalidateQueries({ queryKey: stationKeys.all })
    },
  })
}

export const useStationStats = (orgId: string | undefined) =>
  useQuery({
    queryKey: stationKeys.stats(orgId),
    queryFn: ({ signal }) => getStationStats(orgId, signal),
    placeholderData: keepPreviousData,
  })

/** Up to 200 stations of a subtree, to centre the overview map on them. */
export const useStationPoints = (orgId: string | undefined) =>
  useQuery({
    queryKey: stationKeys.points(orgId),
    queryFn: ({ signal }) => listStations({ orgId, page: 1, pageSize: 200 }, signal),
    staleTime: 60_000,
  })

export const useStationClusters = (box: ClusterBox | null) =>
  useQuery({
    queryKey: stationKeys.clusters(box ?? {}),
    queryFn: ({ signal }) => getStationClusters(box!, signal),
    enabled: box !== null,
    placeholderData: keepPreviousData,
  })

export const useMapConfig = () => useQuery({ ...publicConfigQuery, select: mapConfigOf })

/**
 * Where the holiday calendar ends. It changes only when the server restarts with a new
 * HOLIDAYS_FILE, so an hour-old answer is fine; the editor works without it.
 */
export const useHolidayCalendarReach = () =>
  useQuery({
    queryKey: stationKeys.holidayCalendar(),
    queryFn: ({ signal }) => getHolidayCalendarReach(signal),
    staleTime: 3_600_000,
    retry: false,
  })
