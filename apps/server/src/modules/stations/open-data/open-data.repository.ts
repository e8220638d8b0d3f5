import { type Db, typed } from '../../../platform/db/create-db'
import { inSubtrees } from '../../../platform/db/subtree'

/**
 * Org look-ups for imports. Reading org.id/name/path to scope rows to the actor's subtrees is
 * the sanctioned exception to table ownership (docs/ARCHITECTURE.md).
 */
type Tables = { org: { id: string; name: string; path: string; is_archived: number } }
const q = (db: Db) => typed<Tables>(db)

export type OrgRef = { id: string; name: string; path: string }

/** Orgs within the given subtrees named exactly as one of `names` (archived ones excluded). */
export const findOrgsByNames = (db: Db, paths: string[], names: string[]): Promise<OrgRef[]> =>
  names.length === 0 || paths.length === 0
    ? Promise.resolve([])
    : q(db)
        .selectFrom('org')
        .select(['id', 'name', 'path'])
        .where(inSubtrees('path', paths))
        .where('name', 'in', [...new Set(names)])
        .where('is_archived', '=', 0)
        .execute()

/** Orgs by id, within the given subtrees. */
export const findOrgsByIdsIn = (db: Db, paths: string[], ids: string[]): Promise<OrgRef[]> =>
  ids.length === 0 || paths.length === 0
    ? Promise.resolve([])
    : q(db)
        .selectFrom('org')
        .select(['id', 'name', 'path'])
        .where(inSubtrees('path', paths))
        .where('id', 'in', [...new Set(ids)])
        .execute()
