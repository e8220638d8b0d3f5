import {
  type CreateWishPartnerBody,
  type UpdateWishPartnerBody,
  type WishPartnerExportQuery,
  WishPartnerPageSchema,
  WishPartnerSchema,
  type WishPartnerStatus,
} from '@unionhall/contracts'
import { apiDownload, apiRequest } from '../../../lib/api-client'

/** Partner companies and their claimants (ADR 0030): /api/v1/wishes/partners. */
export type PartnerListQuery = {
  page: number
  pageSize: number
  q?: string
  orgId?: string
  status?: WishPartnerStatus
}

const one = (id: string) => `/wishes/partners/${encodeURIComponent(id)}`

export const partnerKeys = {
  all: ['wish-partners'] as const,
  list: (q: PartnerListQuery) => ['wish-partners', 'list', q] as const,
  detail: (id: string) => ['wish-partners', 'detail', id] as const,
}

export const listPartners = (query: PartnerListQuery, signal?: AbortSignal) =>
  apiRequest('/wishes/partners', { query, schema: WishPartnerPageSchema, signal })

export const getPartner = (id: string, signal?: AbortSignal) =>
  apiRequest(one(id), { schema: WishPartnerSchema, signal })

export const createPartner = (body: CreateWishPartnerBody) =>
  apiRequest('/wishes/partners', { method: 'POST', body, schema: WishPartnerSchema })

export const updatePartner = ({ id, body }: { id: string; body: UpdateWishPartnerBody }) =>
  apiRequest(one(id), { method: 'PATCH', body, schema: WishPartnerSchema })

export const addPartnerMember = ({ id, mobile }: { id: string; mobile: string }) =>
  apiRequest(`${one(id)}/members`, { method: 'POST', body: { mobile }, schema: WishPartnerSchema })

export const removePartnerMember = ({ id, memberId }: { id: string; memberId: string }) =>
  apiRequest(`${one(id)}/members/${encodeURIComponent(memberId)}`, {
    method: 'DELETE',
    schema: WishPartnerSchema,
  })

export const exportPartners = (query: WishPartnerExportQuery) =>
  apiDownload('/wishes/partners/export.xlsx', query, 'wish-partners.xlsx')
