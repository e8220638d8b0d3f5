import type { Selectable } from 'kysely'
import type { OrgKind } from '@unionhall/contracts'

export type OrgTable = {
  id: string
  parent_id: string | null
  name: string
  kind: OrgKind
  /** Materialised path of ids from the root: '/<rootId>/<id>/'. */
  path: string
  /** 0 for the root. */
  depth: number
  is_archived: number
  created_at: string
  updated_at: string
}

export type OrgTables = { org: OrgTable }
export type OrgRow = Selectable<OrgTable>
