import type { Selectable } from 'kysely'
import type { MemberStatus, PoliticalStatus } from '@unionhall/contracts'

export type MemberTable = {
  id: string
  name: string
  /** AES-256-GCM ciphertext of the mobile number (platform/crypto/field-crypto). */
  mobile_enc: string
  /** HMAC blind index of the mobile number: uniqueness and log-in look-up without decrypting. */
  mobile_hash: string
  /** 138****1234, what lists show. */
  mobile_masked: string
  id_card_enc: string | null
  id_card_hash: string | null
  id_card_masked: string | null
  /** The member's employer union. */
  org_id: string
  status: MemberStatus
  /** 政治面貌, kept by staff (ADR 0033); 'unknown' until set. Never in a public answer. */
  political_status: PoliticalStatus
  /** scrypt hash; null until the member or staff sets a password. */
  password_hash: string | null
  created_at: string
  updated_at: string
}

export type MemberTables = { member: MemberTable }
export type MemberRow = Selectable<MemberTable>
