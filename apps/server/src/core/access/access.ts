import { ROLE_PERMISSIONS, type Permission, type Role } from '@unionhall/contracts'
import { commonErrors } from '../../platform/errors/app-error'
import { outermostPaths } from '../../platform/db/subtree'
import type { Actor, Ctx, Grant } from './actor'

/**
 * The one access helper every service uses. Roles are granted at an org and hold for its
 * subtree, so access to an org is "some grant with the permission sits on its path".
 */
export const permissionsOf = (role: Role): ReadonlySet<Permission> =>
  new Set(ROLE_PERMISSIONS[role])

export const requireActor = (ctx: Ctx): Actor => {
  if (!ctx.actor) throw commonErrors.unauthenticated()
  return ctx.actor
}

/** True when the actor holds the permission anywhere (the coarse route gate). */
export const holdsPermission = (actor: Actor, permission: Permission): boolean =>
  actor.grants.some((g) => g.permissions.has(permission))

export const canAt = (actor: Actor, permission: Permission, orgPath: string): boolean =>
  actor.grants.some((g) => g.permissions.has(permission) && orgPath.startsWith(g.orgPath))

/** Throws ACCESS_DENIED unless the actor holds the permission over the org at orgPath. */
export const requireAt = (ctx: Ctx, permission: Permission, orgPath: string): Actor => {
  const actor = requireActor(ctx)
  if (!canAt(actor, permission, orgPath)) throw commonErrors.forbidden()
  return actor
}

/** The subtree roots where the actor holds the permission; repositories filter with inSubtrees. */
export const scopePaths = (ctx: Ctx, permission: Permission): string[] => {
  const actor = requireActor(ctx)
  return outermostPaths(
    actor.grants.filter((g) => g.permissions.has(permission)).map((g) => g.orgPath),
  )
}

/** A role may be granted only by someone holding role:manage there, and only a role no stronger than theirs. */
const ROLE_RANK: Record<Role, number> = {
  platform_admin: 5,
  org_admin: 4,
  staff: 3,
  counsellor: 2,
  volunteer: 2,
  member: 1,
}

/**
 * Whether the actor may change (rename, move, suspend) a member who holds `role` at orgPath:
 * only someone managing members there with a role at least as strong. Otherwise district staff
 * could suspend a city's org_admin whose own member record sits in their district.
 */
export const canManageHolderOf = (actor: Actor, role: Role, orgPath: string): boolean =>
  actor.grants.some(
    (g: Grant) =>
      g.permissions.has('member:manage') &&
      orgPath.startsWith(g.orgPath) &&
      ROLE_RANK[g.role] >= ROLE_RANK[role],
  )

export const canGrantRole = (actor: Actor, role: Role, orgPath: string): boolean =>
  actor.grants.some(
    (g: Grant) =>
      g.permissions.has('role:manage') &&
      orgPath.startsWith(g.orgPath) &&
      ROLE_RANK[g.role] >= ROLE_RANK[role],
  )
