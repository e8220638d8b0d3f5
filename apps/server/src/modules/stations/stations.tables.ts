import type { Selectable } from 'kysely'
import type { StationKind } from '@unionhall/contracts'

export type StationTable = {
  id: string
  org_id: string
  name: string
  kind: StationKind
  /** active, or closed by staff (kept for history, out of every public view). */
  status: 'active' | 'closed'
  closed_reason: string | null
  address: string
  /** WGS-84 degrees, whatever system the input used. */
  lat: number
  lng: number
  /** JSON Schedule (domain/schedule.ts). */
  schedule: string
  /** Copy of schedule.alwaysOpen for roll-ups and filters without parsing JSON. */
  always_open: number
  capacity: number
  /** Bitmask over domain/amenities.ts. */
  amenities: number
  /** JSON StationZone[]. */
  zones: string
  contact_name: string
  contact_mobile_enc: string
  contact_mobile_masked: string
  /** The public duty phone (值班电话), canonical (0931-8123456-801); null for none. */
  duty_phone: string | null
  /** JSON string[] of image URLs. */
  photos: string
  /** JSON StationService[]. */
  services: string
  description: string
  /** Generation of the door poster's check-in code (check-in-code.ts); bumped to rotate it. */
  check_in_code_seq: number
  created_at: string
  updated_at: string
}

export type StationCheckInTable = {
  id: string
  station_id: string
  device_hash: string
  checked_in_at: string
  expires_at: string
  checked_out_at: string | null
}

/** A single row (id 1) counting station writes; see the migration. */
export type StationDirectoryVersionTable = { id: number; version: number }

export type StationsTables = {
  station: StationTable
  station_check_in: StationCheckInTable
  station_directory_version: StationDirectoryVersionTable
}

export type StationRow = Selectable<StationTable>
