import {
  CoverageSchema,
  type CreateShiftBody,
  MemberPageSchema,
  MyShiftListSchema,
  OkSchema,
  ShiftFeedUrlSchema,
  ShiftListSchema,
  ShiftSchema,
  type UpdateShiftBody,
} from '@unionhall/contracts'
import { apiRequest } from '../../../../lib/api-client'

const base = (stationId: string) => `/stations/${stationId}`

export const listShifts = (
  stationId: string,
  window: { from?: string; to?: string },
  signal?: AbortSignal,
) => apiRequest(`${base(stationId)}/shifts`, { query: window, schema: ShiftListSchema, signal })

export const getCoverage = (stationId: string, days: number, signal?: AbortSignal) =>
  apiRequest(`${base(stationId)}/coverage`, { query: { days }, schema: CoverageSchema, signal })

export const createShift = ({ stationId, body }: { stationId: string; body: CreateShiftBody }) =>
  apiRequest(`${base(stationId)}/shifts`, { method: 'POST', body, schema: ShiftSchema })

export const updateShift = ({
  stationId,
  shiftId,
  body,
}: {
  stationId: string
  shiftId: string
  body: UpdateShiftBody
}) =>
  apiRequest(`${base(stationId)}/shifts/${shiftId}`, { method: 'PATCH', body, schema: ShiftSchema })

export const deleteShift = ({ stationId, shiftId }: { stationId: string; shiftId: string }) =>
  apiRequest(`${base(stationId)}/shifts/${shiftId}`, { method: 'DELETE', schema: OkSchema })

/** Active members of the station's org subtree whose name starts with q (the member picker). */
export const searchMembers = (q: string, orgId: string, signal?: AbortSignal) =>
  apiRequest('/members', {
    query: { q, orgId, status: 'active', pageSize: 20, page: 1 },
    schema: MemberPageSchema,
    signal,
  })

export const listMyShifts = (signal?: AbortSignal) =>
  apiRequest('/my/shifts', { schema: MyShiftListSchema, signal })

export const getMyFeedUrl = (signal?: AbortSignal) =>
  apiRequest('/my/shifts/feed-url', { schema: ShiftFeedUrlSchema, signal })

export const rotateMyFeedUrl = () =>
  apiRequest('/my/shifts/feed-url/rotate', { method: 'POST', schema: ShiftFeedUrlSchema })
