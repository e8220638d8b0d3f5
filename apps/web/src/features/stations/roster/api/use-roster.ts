import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  createShift,
  deleteShift,
  getCoverage,
  getMyFeedUrl,
  listMyShifts,
  listShifts,
  rotateMyFeedUrl,
  searchMembers,
  updateShift,
} from './roster-api'

/** Query keys of the roster: everything of one station under rosterKeys.of(id). */
export const rosterKeys = {
  all: ['stations', 'roster'] as const,
  of: (stationId: string) => [...rosterKeys.all, stationId] as const,
  shifts: (stationId: string, from: string, to: string) =>
    [...rosterKeys.of(stationId), 'shifts', from, to] as const,
  coverage: (stationId: string, days: number) =>
    [...rosterKeys.of(stationId), 'coverage', days] as const,
  members: (orgId: string, q: string) => [...rosterKeys.all, 'members', orgId, q] as const,
  mine: () => [...rosterKeys.all, 'mine'] as const,
  feed: () => [...rosterKeys.all, 'feed-url'] as const,
}

export const useShifts = (stationId: string, from: string, to: string) =>
  useQuery({
    queryKey: rosterKeys.shifts(stationId, from, to),
    queryFn: ({ signal }) => listShifts(stationId, { from, to }, signal),
    placeholderData: keepPreviousData,
  })

export const useCoverage = (stationId: string, days: number) =>
  useQuery({
    queryKey: rosterKeys.coverage(stationId, days),
    queryFn: ({ signal }) => getCoverage(stationId, days, signal),
  })

const useRosterMutation = <A extends { stationId: string }, R>(fn: (arg: A) => Promise<R>) => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: fn,
    // A change moves coverage too, and may touch my own shifts.
    onSuccess: (_r, arg) => qc.invalidateQueries({ queryKey: rosterKeys.of(arg.stationId) }),
  })
}

export const useCreateShift = () => useRosterMutation(createShift)
export const useUpdateShift = () => useRosterMutation(updateShift)
export const useDeleteShift = () => useRosterMutation(deleteShift)

export const useMemberSearch = (orgId: string, q: string) =>
  useQuery({
    queryKey: rosterKeys.members(orgId, q),
    queryFn: ({ signal }) => searchMembers(q, orgId, signal),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  })

export const useMyShifts = () =>
  useQuery({ queryKey: rosterKeys.mine(), queryFn: ({ signal }) => listMyShifts(signal) })

export const useMyFeedUrl = () =>
  useQuery({ queryKey: rosterKeys.feed(), queryFn: ({ signal }) => getMyFeedUrl(signal) })

export const useRotateFeedUrl = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: rotateMyFeedUrl,
    onSuccess: (feed) => qc.setQueryData(rosterKeys.feed(), feed),
  })
}
