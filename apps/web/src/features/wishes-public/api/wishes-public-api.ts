import {
  type ClaimWishBody,
  type FulfilClaimBody,
  MyClaimPageSchema,
  MyClaimSchema,
  MyWishPageSchema,
  MyWishPartnersSchema,
  MyWishSchema,
  type PostWishBody,
  PublicWishPageSchema,
  type UpdateWishBody,
  type WishCategory,
} from '@unionhall/contracts'
import { apiRequest } from '../../../lib/api-client'

/**
 * The worker and volunteer side of wishes: the public wall (no account), my wishes and my
 * claims (member session).
 */
const enc = encodeURIComponent

export const wishPublicKeys = {
  all: ['wishes-public'] as const,
  wall: (q: WallQuery) => ['wishes-public', 'wall', q] as const,
  mine: (page: number) => ['wishes-public', 'mine', page] as const,
  minePublished: () => ['wishes-public', 'mine', 'published'] as const,
  myWish: (id: string) => ['wishes-public', 'mine', 'one', id] as const,
  claims: (page: number) => ['wishes-public', 'claims', page] as const,
  partnersFor: (wishId: string) => ['wishes-public', 'partners', wishId] as const,
}

export type WallQuery = {
  orgId?: string
  stationId?: string
  category?: WishCategory
  page: number
  pageSize: number
}

export const getWall = (q: WallQuery, signal?: AbortSignal) =>
  apiRequest('/public/wishes', { query: q, schema: PublicWishPageSchema, signal })

export const postWish = (body: PostWishBody) =>
  apiRequest('/my/wishes', { method: 'POST', body, schema: MyWishSchema })

export const listMyWishes = (page: number, signal?: AbortSignal) =>
  apiRequest('/my/wishes', { query: { page, pageSize: 20 }, schema: MyWishPageSchema, signal })

/**
 * Ids of my wishes on the wall now (the wall does not say whose a wish is, and a worker cannot
 * claim their own). A worker has a handful; one page of the most the API gives covers them.
 */
export const listMyPublishedWishIds = async (signal?: AbortSignal) =>
  new Set(
    (
      await apiRequest('/my/wishes', {
        query: { status: 'published', page: 1, pageSize: 200 },
        schema: MyWishPageSchema,
        signal,
      })
    ).items.map((w) => w.id),
  )

export const getMyWish = (id: string, signal?: AbortSignal) =>
  apiRequest(`/my/wishes/${enc(id)}`, { schema: MyWishSchema, signal })

export const confirmMyWish = (id: string, thanks: string) =>
  apiRequest(`/my/wishes/${enc(id)}/confirm`, {
    method: 'POST',
    body: thanks.trim() ? { thanks: thanks.trim() } : {},
    schema: MyWishSchema,
  })

export const reopenMyWish = (id: string, reason: string) =>
  apiRequest(`/my/wishes/${enc(id)}/reopen`, {
    method: 'POST',
    body: { reason },
    schema: MyWishSchema,
  })

export const updateMyWish = (id: string, body: UpdateWishBody) =>
  apiRequest(`/my/wishes/${enc(id)}`, { method: 'PATCH', body, schema: MyWishSchema })

export const withdrawMyWish = (id: string, reason: string) =>
  apiRequest(`/my/wishes/${enc(id)}/withdraw`, {
    method: 'POST',
    body: reason.trim() ? { reason: reason.trim() } : {},
    schema: MyWishSchema,
  })

/** The partner companies I claim for that may claim this wish (ADR 0030). */
export const listMyPartnersFor = (wishId: string, signal?: AbortSignal) =>
  apiRequest('/my/wish-partners', { query: { wishId }, schema: MyWishPartnersSchema, signal })

export const claimWish = (wishId: string, body: ClaimWishBody) =>
  apiRequest(`/wishes/${enc(wishId)}/claims`, { method: 'POST', body, schema: MyClaimSchema })

export const listMyClaims = (page: number, signal?: AbortSignal) =>
  apiRequest('/my/claims', { query: { page, pageSize: 20 }, schema: MyClaimPageSchema, signal })

export const fulfilClaim = (claimId: string, body: FulfilClaimBody) =>
  apiRequest(`/my/claims/${enc(claimId)}/fulfil`, {
    method: 'POST',
    body,
    schema: MyClaimSchema,
  })

export const releaseClaim = (claimId: string, reason: string) =>
  apiRequest(`/my/claims/${enc(claimId)}/release`, {
    method: 'POST',
    body: reason.trim() ? { reason: reason.trim() } : {},
    schema: MyClaimSchema,
  })
