import type { Selectable } from 'kysely'
import type { ClaimStatus, ClaimantKind, WishCategory, WishStatus } from '@unionhall/contracts'

export type WishTable = {
  id: string
  /** The station's org when the wish names a station, else the worker's org (or staff's choice). */
  org_id: string
  station_id: string | null
  /** worker: posted from the worker's phone; staff: entered by staff for a walk-in. */
  source: 'worker' | 'staff'
  /** The worker's account; null for a walk-in entered by staff. */
  poster_member_id: string | null
  entered_by_member_id: string | null
  /** AES-256-GCM ciphertext of the worker's name (platform/crypto/field-crypto). */
  worker_name_enc: string
  /** 张*明, what every list and the public wall show. */
  worker_name_masked: string
  worker_mobile_enc: string
  /** Blind index of the mobile: finds a walk-in's wishes without decrypting. */
  worker_mobile_hash: string
  worker_mobile_masked: string
  title: string
  description: string
  category: WishCategory
  /** YYYY-MM-DD, a China day. */
  deadline: string
  /** The end of that day (Asia/Shanghai) as an ISO instant; the expiry job compares this. */
  deadline_at: string
  status: WishStatus
  /** The live claim (claimed, fulfilled) or the confirmed one; null on the wall. */
  current_claim_id: string | null
  rejected_reason: string | null
  reopen_reason: string | null
  reopen_count: number
  thanks: string | null
  reviewed_by_member_id: string | null
  /** When staff first published it. */
  published_at: string | null
  /** When it last reached the wall (publish, reopen, release, claim expiry): time to claim starts here. */
  wall_since: string | null
  confirmed_at: string | null
  /** 1 when the expiry job confirmed it (the worker had not within WISH_AUTO_CONFIRM_DAYS). */
  confirmed_automatically: number
  /** The worker's reason for withdrawing it (status withdrawn), when given. */
  withdrawn_reason: string | null
  withdrawn_at: string | null
  /** When its public fields last changed after posting (by the worker or staff). */
  edited_at: string | null
  created_at: string
  updated_at: string
}

export type WishClaimTable = {
  id: string
  wish_id: string
  claimant_member_id: string
  /** The member's name, or the registered partner's name for partner_company. */
  claimant_name: string
  claimant_kind: ClaimantKind
  /** The registered partner (wish_partner) a partner_company claim was made for (ADR 0030). */
  partner_id: string | null
  status: ClaimStatus
  due_date: string
  /** End of due_date in China time; an active claim past it expires. */
  due_at: string
  /** The wish's wall_since when it was claimed (for time to claim). */
  available_since: string
  /** JSON string[] of image URLs. */
  photos: string
  note: string
  claimed_at: string
  fulfilled_at: string | null
  /** Released, reopened, expired or confirmed at. */
  ended_at: string | null
  end_reason: string | null
  updated_at: string
}

/** A company that claims wishes under an org, registered by its staff (ADR 0030). */
export type WishPartnerTable = {
  id: string
  org_id: string
  /** What workers are told claimed their wish; unique within the org. */
  name: string
  /** archived partners keep their past claims and make no new ones. */
  status: 'active' | 'archived'
  created_at: string
  updated_at: string
}

/** A member who claims for a partner. */
export type WishPartnerMemberTable = {
  partner_id: string
  member_id: string
  added_at: string
}

export type WishesTables = {
  wish: WishTable
  wish_claim: WishClaimTable
  wish_partner: WishPartnerTable
  wish_partner_member: WishPartnerMemberTable
  org: { id: string; name: string; path: string; parent_id: string | null }
}

export type WishRow = Selectable<WishTable>
export type WishClaimRow = Selectable<WishClaimTable>
/** A wish with its org's name and path (every access check needs the path). */
export type WishWithOrg = WishRow & { org_name: string; org_path: string }
