import type {
  CreateOrgBody,
  MoveOrgBody,
  Org,
  OrgListQuery,
  Page,
  UpdateOrgBody,
} from '@unionhall/contracts'
import { uuidv7 } from 'uuidv7'
import { toBool } from '../../platform/db/columns'
import type { Db } from '../../platform/db/create-db'
import { subtreeRange } from '../../platform/db/subtree'
import { withTransaction } from '../../platform/db/transaction'
import { requireAt, scopePaths, type Ctx } from '../access'
import { recordAudit } from '../audit'
import { orgErrors } from './orgs.errors'
import * as repo from './orgs.repository'
import type { OrgRow } from './orgs.tables'

const toOrg = (r: OrgRow, childCount = 0): Org => ({
  id: r.id,
  parentId: r.parent_id,
  name: r.name,
  kind: r.kind,
  depth: r.depth,
  childCount,
  isArchived: toBool(r.is_archived),
  createdAt: r.created_at,
})

/**
 * Orgs are read on nearly every request (every access check needs the target's path) and
 * change rarely, so reads are cached in process memory. Any org write in this process clears
 * the cache at once; other processes see a change within ORG_CACHE_MS. Reads inside a
 * transaction always go to the database.
 */
const ORG_CACHE_MS = 5_000
const orgCache = new Map<string, { row: OrgRow; until: number }>()
const childCountCache = new Map<string, { n: number; until: number }>()
export const invalidateOrgCache = () => {
  orgCache.clear()
  childCountCache.clear()
  orgTree = null
}

/**
 * The whole hierarchy, path-ordered, held in memory for subtree listings: a subtree is then a
 * binary search and a slice instead of a 30,000-row query (bench/RESULTS.md). 100,000 orgs take
 * about 20 MB. Rebuilt on the next read after any org write here, and at most ORG_TREE_MS old
 * for writes made by other processes.
 */
type TreeRow = Awaited<ReturnType<typeof repo.listAllOrgsByPath>>[number]
const ORG_TREE_MS = 10_000
let orgTree: { rows: TreeRow[]; until: number; loading?: Promise<TreeRow[]> } | null = null

const loadOrgTree = async (db: Db): Promise<TreeRow[]> => {
  const now = Date.now()
  if (orgTree && orgTree.until > now) return orgTree.rows
  if (orgTree?.loading) return orgTree.loading
  const loading = repo.listAllOrgsByPath(db)
  orgTree = { rows: orgTree?.rows ?? [], until: 0, loading }
  try {
    const rows = await loading
    orgTree = { rows, until: Date.now() + ORG_TREE_MS }
    return rows
  } catch (e) {
    orgTree = null
    throw e
  }
}

/** First index in the path-sorted rows whose path is >= key (paths compare byte-wise). */
const lowerBound = (rows: TreeRow[], key: string) => {
  let lo = 0
  let hi = rows.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (rows[mid]!.path < key) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Every org under (and including) the org at `path`, parents first, from the in-memory tree. */
export const subtreeRows = async (db: Db, path: string): Promise<TreeRow[]> => {
  const rows = await loadOrgTree(db)
  const [lo, hi] = subtreeRange(path)
  return rows.slice(lowerBound(rows, lo), lowerBound(rows, hi))
}

/** A fresh cache entry, or undefined (inside a transaction the cache is never used). */
const fresh = <V extends { until: number }>(db: Db, cache: Map<string, V>, id: string) => {
  if (db.isTransaction) return undefined
  const hit = cache.get(id)
  return hit && hit.until > Date.now() ? hit : undefined
}

/** Loads an org or throws ORG_NOT_FOUND. */
export const loadOrg = async (db: Db, orgId: string): Promise<OrgRow> => {
  const hit = fresh(db, orgCache, orgId)
  if (hit) return hit.row
  const now = Date.now()
  const org = await repo.findOrgById(db, orgId)
  if (!org) throw orgErrors.notFound(orgId)
  if (!db.isTransaction) {
    if (orgCache.size > 200_000) orgCache.clear()
    orgCache.set(orgId, { row: org, until: now + ORG_CACHE_MS })
  }
  return org
}

/** Runs an org write in a transaction and clears the org cache once it is over. */
const writeOrgs = async <T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> => {
  try {
    return await withTransaction(db, fn)
  } finally {
    invalidateOrgCache()
  }
}

const activeChildCount = async (db: Db, orgId: string): Promise<number> => {
  const hit = fresh(db, childCountCache, orgId)
  if (hit) return hit.n
  const now = Date.now()
  const n = await repo.countChildren(db, orgId, true)
  if (!db.isTransaction) {
    if (childCountCache.size > 200_000) childCountCache.clear()
    childCountCache.set(orgId, { n, until: now + ORG_CACHE_MS })
  }
  return n
}

/** Returns one org the actor may read. @throws ORG_NOT_FOUND, ACCESS_DENIED */
export const getOrg = async (db: Db, ctx: Ctx, orgId: string): Promise<Org> => {
  // Both cached (the usual case for a GET): answer without further awaits.
  const hit = fresh(db, orgCache, orgId)
  const count = hit && fresh(db, childCountCache, orgId)
  if (hit && count) {
    requireAt(ctx, 'org:read', hit.row.path)
    return toOrg(hit.row, count.n)
  }
  const org = await loadOrg(db, orgId)
  requireAt(ctx, 'org:read', org.path)
  return toOrg(org, await activeChildCount(db, org.id))
}

/**
 * Lists orgs in the actor's scope: the children of parentId, or a name search within an org's
 * subtree, or (with neither) the orgs where the actor's grants sit.
 */
export const listOrgs = async (db: Db, ctx: Ctx, query: OrgListQuery): Promise<Page<Org>> => {
  const paths = scopePaths(ctx, 'org:read')
  let within: string | undefined
  if (query.parentId) requireAt(ctx, 'org:read', (await loadOrg(db, query.parentId)).path)
  if (query.within) {
    within = (await loadOrg(db, query.within)).path
    requireAt(ctx, 'org:read', within)
  }
  const includeArchived = query.includeArchived === 'true'
  const offset = (query.page - 1) * query.pageSize
  if (!query.parentId && !query.within && !query.q) {
    // The top of my world: the orgs my grants sit on (their subtrees hold everything else I see).
    const roots = (
      await Promise.all(ctx.actor!.grants.map((g) => repo.findOrgById(db, g.orgId)))
    ).filter((o): o is OrgRow => o !== undefined && paths.includes(o.path))
    const unique = [...new Map(roots.map((o) => [o.id, o])).values()]
    const page = unique.slice(offset, offset + query.pageSize)
    const counts = await Promise.all(page.map((o) => repo.countChildren(db, o.id, true)))
    return {
      items: page.map((o, i) => toOrg(o, counts[i])),
      total: unique.length,
      page: query.page,
      pageSize: query.pageSize,
    }
  }
  const { rows, total } = await repo.listOrgs(
    db,
    { paths, parentId: query.parentId, within, nameLike: query.q || undefined, includeArchived },
    query.pageSize,
    offset,
  )
  return {
    items: rows.map((r) => toOrg(r, Number(r.child_count ?? 0))),
    total,
    page: query.page,
    pageSize: query.pageSize,
  }
}

/** Every org under orgId, parents first, up to limit. */
export const getSubtree = async (db: Db, ctx: Ctx, orgId: string, limit: number) => {
  const org = await loadOrg(db, orgId)
  requireAt(ctx, 'org:read', org.path)
  const all = await subtreeRows(db, org.path)
  const rows = all.slice(0, limit)
  const total = all.length
  return {
    items: rows.map((r) => ({
      id: r.id,
      parentId: r.parent_id,
      name: r.name,
      kind: r.kind,
      depth: r.depth,
      isArchived: toBool(r.is_archived),
    })),
    total,
    truncated: total > rows.length,
  }
}

export const idsOfPath = (path: string): string[] => path.split('/').filter(Boolean)

/** The chain of orgs from the root down to orgId. */
export const getBreadcrumbs = async (db: Db, ctx: Ctx, orgId: string) => {
  const org = await loadOrg(db, orgId)
  requireAt(ctx, 'org:read', org.path)
  const ids = idsOfPath(org.path)
  const rows = await repo.findOrgsByIds(db, ids)
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ids.map((id) => ({ id, name: byId.get(id)?.name ?? '' }))
}

/** Creates a child org. @throws ORG_NOT_FOUND, ORG_ARCHIVED, ORG_NAME_TAKEN, ACCESS_DENIED */
export const createOrg = async (db: Db, ctx: Ctx, body: CreateOrgBody): Promise<Org> => {
  const parent = await loadOrg(db, body.parentId)
  requireAt(ctx, 'org:manage', parent.path)
  if (toBool(parent.is_archived)) throw orgErrors.archived(parent.id)
  return writeOrgs(db, async (trx) => {
    if (await repo.findSiblingByName(trx, parent.id, body.name))
      throw orgErrors.nameTaken(body.name)
    const id = uuidv7()
    const now = ctx.now.toISOString()
    const row: OrgRow = {
      id,
      parent_id: parent.id,
      name: body.name,
      kind: body.kind,
      path: `${parent.path}${id}/`,
      depth: parent.depth + 1,
      is_archived: 0,
      created_at: now,
      updated_at: now,
    }
    await repo.insertOrg(trx, row)
    await recordAudit(trx, ctx, {
      action: 'org.created',
      targetType: 'org',
      targetId: id,
      orgId: id,
      summary: { after: { name: row.name, kind: row.kind, parentId: parent.id } },
    })
    return toOrg(row)
  })
}

/** Creates the root of the hierarchy; only the system (demo data, set-up) does this. */
export const createRootOrg = async (
  db: Db,
  ctx: Ctx,
  name: string,
  kind: OrgRow['kind'],
): Promise<Org> =>
  writeOrgs(db, async (trx) => {
    const id = uuidv7()
    const now = ctx.now.toISOString()
    const row: OrgRow = {
      id,
      parent_id: null,
      name,
      kind,
      path: `/${id}/`,
      depth: 0,
      is_archived: 0,
      created_at: now,
      updated_at: now,
    }
    await repo.insertOrg(trx, row)
    await recordAudit(trx, ctx, {
      action: 'org.created',
      targetType: 'org',
      targetId: id,
      orgId: id,
      summary: { after: { name, kind } },
    })
    return toOrg(row)
  })

/** Renames an org or changes its kind. */
export const updateOrg = async (
  db: Db,
  ctx: Ctx,
  orgId: string,
  body: UpdateOrgBody,
): Promise<Org> => {
  const org = await loadOrg(db, orgId)
  requireAt(ctx, 'org:manage', org.path)
  return writeOrgs(db, async (trx) => {
    if (
      body.name &&
      body.name !== org.name &&
      org.parent_id &&
      (await repo.findSiblingByName(trx, org.parent_id, body.name))
    ) {
      throw orgErrors.nameTaken(body.name)
    }
    const now = ctx.now.toISOString()
    await repo.updateOrgFields(trx, org.id, { ...body, updated_at: now })
    await recordAudit(trx, ctx, {
      action: 'org.updated',
      targetType: 'org',
      targetId: org.id,
      orgId: org.id,
      summary: {
        before: { name: org.name, kind: org.kind },
        after: { name: body.name ?? org.name, kind: body.kind ?? org.kind },
      },
    })
    return toOrg({ ...org, ...body, updated_at: now }, await repo.countChildren(trx, org.id, true))
  })
}

/**
 * Moves an org (and its whole subtree) under a new parent. The actor needs org:manage at both
 * ends. @throws ORG_MOVE_INTO_DESCENDANT, ORG_ROOT_IMMUTABLE, ORG_ARCHIVED, ORG_NAME_TAKEN
 */
export const moveOrg = async (db: Db, ctx: Ctx, orgId: string, body: MoveOrgBody): Promise<Org> => {
  const [org, newParent] = await Promise.all([loadOrg(db, orgId), loadOrg(db, body.newParentId)])
  requireAt(ctx, 'org:manage', org.path)
  requireAt(ctx, 'org:manage', newParent.path)
  if (!org.parent_id) throw orgErrors.rootImmutable()
  if (newParent.path.startsWith(org.path)) throw orgErrors.moveIntoDescendant()
  if (toBool(newParent.is_archived)) throw orgErrors.archived(newParent.id)
  if (newParent.id === org.parent_id) return toOrg(org, await repo.countChildren(db, org.id, true))
  return writeOrgs(db, async (trx) => {
    if (await repo.findSiblingByName(trx, newParent.id, org.name))
      throw orgErrors.nameTaken(org.name)
    const now = ctx.now.toISOString()
    const newPath = `${newParent.path}${org.id}/`
    await repo.setParent(trx, org.id, newParent.id)
    await repo.rewriteSubtreePaths(trx, org.path, newPath, newParent.depth + 1 - org.depth, now)
    await recordAudit(trx, ctx, {
      action: 'org.moved',
      targetType: 'org',
      targetId: org.id,
      orgId: org.id,
      summary: { before: { parentId: org.parent_id }, after: { parentId: newParent.id } },
    })
    const moved = await loadOrg(trx, org.id)
    return toOrg(moved, await repo.countChildren(trx, org.id, true))
  })
}

/** Archives an org with no active children; archived orgs take no new children or members. */
export const archiveOrg = async (db: Db, ctx: Ctx, orgId: string): Promise<Org> => {
  const org = await loadOrg(db, orgId)
  requireAt(ctx, 'org:manage', org.path)
  if (!org.parent_id) throw orgErrors.rootImmutable()
  if (toBool(org.is_archived)) return toOrg(org)
  return writeOrgs(db, async (trx) => {
    const active = await repo.countChildren(trx, org.id, true)
    if (active > 0) throw orgErrors.hasActiveChildren(active)
    const now = ctx.now.toISOString()
    await repo.updateOrgFields(trx, org.id, { is_archived: 1, updated_at: now })
    await recordAudit(trx, ctx, {
      action: 'org.archived',
      targetType: 'org',
      targetId: org.id,
      orgId: org.id,
      summary: { before: { isArchived: false }, after: { isArchived: true } },
    })
    return toOrg({ ...org, is_archived: 1 })
  })
}

/** Public employer search for self-registration: active orgs by name, with the parent's name. */
export const searchOrgsPublic = async (db: Db, q: string) =>
  (await repo.searchActiveOrgsByName(db, q, 20)).map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    parentName: r.parent_name,
  }))
