import type { ShiftRole } from '@unionhall/contracts'

export type StationShiftTable = {
  id: string
  station_id: string
  member_id: string
  role: ShiftRole
  /** ISO-8601 UTC; the shift is the half-open range [starts_at, ends_at). */
  starts_at: string
  ends_at: string
  note: string
  created_at: string
  created_by: string | null
  /** Feeds publish it as LAST-MODIFIED so calendar apps pick up moved shifts. */
  updated_at: string
}

/**
 * The current secret part of a member's feed URL. A member without a row uses nonce '0', so
 * a feed URL exists without a write; rotating stores a random nonce and the old URL stops.
 */
export type StationShiftFeedTable = {
  member_id: string
  nonce: string
  rotated_at: string
}

export type RosterTables = {
  station_shift: StationShiftTable
  station_shift_feed: StationShiftFeedTable
}
