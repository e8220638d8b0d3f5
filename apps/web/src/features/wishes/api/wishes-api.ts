import {
  type CreateWishBody,
  type UpdateWishBody,
  WishDetailSchema,
  type WishCategory,
  type WishListSort,
  WishPageSchema,
  WishReportSchema,
  type WishStatus,
  WishWorkerContactSchema,
} from '@unionhall/contracts'
import { apiDownload, apiRequest } from '../../../lib/api-client'

/** The staff console's wishes API (/api/v1/wishes). */
export type WishListQuery = {
  page: number
  pageSize: number
  q?: string
  orgId?: string
  stationId?: string
  status?: WishStatus
  category?: WishCategory
  /** Left out for the server's default, newest first. */
  sort?: WishListSort
}
/** The list's filters without its paging: what the .xlsx export takes. */
export type WishExportQuery = Omit<WishListQuery, 'page' | 'pageSize'>
export type WishReportQuery = { orgId?: string; from?: string; to?: string }

const one = (id: string) => `/wishes/${encodeURIComponent(id)}`

export const wishKeys = {
  all: ['wishes'] as const,
  list: (q: WishListQuery) => ['wishes', 'list', q] as const,
  detail: (id: string) => ['wishes', 'detail', id] as const,
  report: (q: WishReportQuery) => ['wishes', 'report', q] as const,
}

export const listWishes = (query: WishListQuery, signal?: AbortSignal) =>
  apiRequest('/wishes', { query, schema: WishPageSchema, signal })

export const getWish = (id: string, signal?: AbortSignal) =>
  apiRequest(one(id), { schema: WishDetailSchema, signal })

export const getWorkerContact = (id: string) =>
  apiRequest(`${one(id)}/worker-contact`, { schema: WishWorkerContactSchema })

export const createWish = (body: CreateWishBody) =>
  apiRequest('/wishes', { method: 'POST', body, schema: WishDetailSchema })

export const updateWish = ({ id, body }: { id: string; body: UpdateWishBody }) =>
  apiRequest(one(id), { method: 'PATCH', body, schema: WishDetailSchema })

export const publishWish = (id: string) =>
  apiRequest(`${one(id)}/publish`, { method: 'POST', schema: WishDetailSchema })

export const rejectWish = ({ id, reason }: { id: string; reason: string }) =>
  apiRequest(`${one(id)}/reject`, { method: 'POST', body: { reason }, schema: WishDetailSchema })

export const reopenWish = ({ id, reason }: { id: string; reason: string }) =>
  apiRequest(`${one(id)}/reopen`, { method: 'POST', body: { reason }, schema: WishDetailSchema })

export const confirmWish = ({ id, thanks }: { id: string; thanks: string }) =>
  apiRequest(`${one(id)}/confirm`, {
    method: 'POST',
    body: thanks.trim() ? { thanks: thanks.trim() } : {},
    schema: WishDetailSchema,
  })

export const getWishReport = (query: WishReportQuery, signal?: AbortSignal) =>
  apiRequest('/wishes/reports', { query, schema: WishReportSchema, signal })

export const exportWishReport = (query: WishReportQuery) =>
  apiDownload('/wishes/reports.xlsx', query, 'wishes.xlsx')

/** Every wish the list's filters select, as .xlsx (the server caps the row count). */
export const exportWishes = (query: WishExportQuery) =>
  apiDownload('/wishes/export.xlsx', query, 'wishes-list.xlsx')
