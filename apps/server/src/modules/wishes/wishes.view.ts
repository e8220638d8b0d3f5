import type {
  MyClaim,
  MyPastClaim,
  MyWish,
  PublicWish,
  Wish,
  WishClaim,
} from '@unionhall/contracts'
import { fromJson } from '../../platform/db/columns'
import type { Db } from '../../platform/db/create-db'
import { findStationRefs } from '../stations'
import { maskName } from './wish-rules'
import type { WishClaimRow, WishWithOrg } from './wishes.tables'

/**
 * Row → answer mappings. Every view carries masked worker data only; the unmasked name and
 * mobile leave the server only through the audited worker-contact read.
 */

export type StationNames = Map<string, string>

/** Names of the stations the wishes refer to, in one query. */
export const stationNamesOf = async (
  db: Db,
  wishes: readonly { station_id: string | null }[],
): Promise<StationNames> => {
  const ids = [...new Set(wishes.map((w) => w.station_id).filter((id): id is string => !!id))]
  const refs = await findStationRefs(db, ids)
  return new Map(refs.map((r) => [r.id, r.name]))
}

const stationName = (names: StationNames, id: string | null) =>
  id === null ? null : (names.get(id) ?? null)

export const toClaim = (c: WishClaimRow): WishClaim => ({
  id: c.id,
  wishId: c.wish_id,
  claimantMemberId: c.claimant_member_id,
  claimantName: c.claimant_name,
  claimantKind: c.claimant_kind,
  status: c.status,
  dueDate: c.due_date,
  photos: fromJson<string[]>(c.photos) ?? [],
  note: c.note,
  claimedAt: c.claimed_at,
  fulfilledAt: c.fulfilled_at,
  endedAt: c.ended_at,
  endReason: c.end_reason,
})

export const toWish = (
  w: WishWithOrg,
  names: StationNames,
  claim: WishClaimRow | undefined,
): Wish => ({
  id: w.id,
  orgId: w.org_id,
  orgName: w.org_name,
  stationId: w.station_id,
  stationName: stationName(names, w.station_id),
  title: w.title,
  description: w.description,
  category: w.category,
  deadline: w.deadline,
  status: w.status,
  source: w.source,
  workerNameMasked: w.worker_name_masked,
  workerMobileMasked: w.worker_mobile_masked,
  rejectedReason: w.rejected_reason,
  reopenReason: w.reopen_reason,
  reopenCount: w.reopen_count,
  thanks: w.thanks,
  withdrawnReason: w.withdrawn_reason,
  withdrawnAt: w.withdrawn_at,
  editedAt: w.edited_at,
  claim: claim ? toClaim(claim) : null,
  createdAt: w.created_at,
  publishedAt: w.published_at,
  confirmedAt: w.confirmed_at,
  confirmedAutomatically: w.confirmed_automatically === 1,
  updatedAt: w.updated_at,
})

/** An individual claimant is shown to the worker masked; a company by its name. */
export const claimantNameForWorker = (c: Pick<WishClaimRow, 'claimant_kind' | 'claimant_name'>) =>
  c.claimant_kind === 'partner_company' ? c.claimant_name : maskName(c.claimant_name)

const PAST_STATUSES = ['reopened', 'released', 'expired'] as const
type PastStatus = (typeof PAST_STATUSES)[number]

/** The wish's ended claims that put it back on the wall, oldest first. */
const pastClaimsOf = (claims: readonly WishClaimRow[]): MyPastClaim[] =>
  claims
    .filter(
      (c): c is WishClaimRow & { status: PastStatus; ended_at: string } =>
        (PAST_STATUSES as readonly string[]).includes(c.status) && c.ended_at !== null,
    )
    .sort((a, b) => Date.parse(a.claimed_at) - Date.parse(b.claimed_at))
    .map((c) => ({
      id: c.id,
      claimantName: claimantNameForWorker(c),
      claimantKind: c.claimant_kind,
      status: c.status,
      claimedAt: c.claimed_at,
      fulfilledAt: c.fulfilled_at,
      endedAt: c.ended_at,
      reopenReason: c.status === 'reopened' ? c.end_reason : null,
    }))

/** `claims`: every claim the wish has had (the current one and the ended ones). */
export const toMyWish = (
  w: WishWithOrg,
  names: StationNames,
  claims: readonly WishClaimRow[],
): MyWish => {
  const claim = w.current_claim_id ? claims.find((c) => c.id === w.current_claim_id) : undefined
  return {
    id: w.id,
    orgName: w.org_name,
    stationId: w.station_id,
    stationName: stationName(names, w.station_id),
    title: w.title,
    description: w.description,
    category: w.category,
    deadline: w.deadline,
    status: w.status,
    rejectedReason: w.rejected_reason,
    reopenReason: w.reopen_reason,
    thanks: w.thanks,
    withdrawnReason: w.withdrawn_reason,
    withdrawnAt: w.withdrawn_at,
    editedAt: w.edited_at,
    claim: claim
      ? {
          id: claim.id,
          claimantName: claimantNameForWorker(claim),
          claimantKind: claim.claimant_kind,
          status: claim.status,
          dueDate: claim.due_date,
          photos: fromJson<string[]>(claim.photos) ?? [],
          note: claim.note,
          claimedAt: claim.claimed_at,
          fulfilledAt: claim.fulfilled_at,
        }
      : null,
    pastClaims: pastClaimsOf(claims),
    createdAt: w.created_at,
    publishedAt: w.published_at,
    confirmedAt: w.confirmed_at,
    confirmedAutomatically: w.confirmed_automatically === 1,
  }
}

export const toPublicWish = (w: WishWithOrg, names: StationNames): PublicWish => ({
  id: w.id,
  orgId: w.org_id,
  orgName: w.org_name,
  stationId: w.station_id,
  stationName: stationName(names, w.station_id),
  title: w.title,
  description: w.description,
  category: w.category,
  deadline: w.deadline,
  status: w.status,
  workerNameMasked: w.worker_name_masked,
  publishedAt: w.published_at,
})

export const toMyClaim = (c: WishClaimRow, w: WishWithOrg, names: StationNames): MyClaim => ({
  id: c.id,
  status: c.status,
  claimantKind: c.claimant_kind,
  claimantName: c.claimant_name,
  dueDate: c.due_date,
  photos: fromJson<string[]>(c.photos) ?? [],
  note: c.note,
  claimedAt: c.claimed_at,
  fulfilledAt: c.fulfilled_at,
  endedAt: c.ended_at,
  endReason: c.end_reason,
  // The thanks are for the claimant whose delivery was confirmed, not for earlier claimants.
  wish: {
    ...toPublicWish(w, names),
    thanks: c.status === 'confirmed' ? w.thanks : null,
    confirmedAutomatically: c.status === 'confirmed' && w.confirmed_automatically === 1,
  },
})
