import type { Role } from '@unionhall/contracts'

export type RoleGrantTable = {
  id: string
  member_id: string
  /** The role holds for this org's whole subtree. */
  org_id: string
  role: Role
  /** The member who granted it; null for the system (demo data, set-up). */
  granted_by: string | null
  created_at: string
}

export type RoleTables = { role_grant: RoleGrantTable }
