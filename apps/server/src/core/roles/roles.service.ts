import {
  RoleSchema,
  type CreateRoleGrantBody,
  type Page,
  type Permission,
  type RoleGrant,
} from '@unionhall/contracts'
import { uuidv7 } from 'uuidv7'
import type { Db } from '../../platform/db/create-db'
import { withTransaction } from '../../platform/db/transaction'
import { AppError } from '../../platform/errors/app-error'
import {
  canGrantRole,
  permissionsOf,
  requireActor,
  requireAt,
  scopePaths,
  type Ctx,
  type Grant,
} from '../access'
import { recordAudit } from '../audit'
import { findMemberById } from '../members'
import { loadOrg } from '../orgs'
import * as repo from './roles.repository'
import type { RoleGrantTable } from './roles.tables'

export const roleErrors = {
  notFound: (id: string) =>
    new AppError('ROLE_GRANT_NOT_FOUND', 404, `Role grant ${id} not found`, { id }),
  exists: () =>
    new AppError(
      'ROLE_GRANT_EXISTS',
      409,
      'The member already holds this role at this organisation',
    ),
  notGrantable: () =>
    new AppError('ROLE_NOT_GRANTABLE', 403, 'You cannot grant a role stronger than your own here'),
  memberNotFound: (id: string) =>
    new AppError('MEMBER_NOT_FOUND', 404, `Member ${id} not found`, { id }),
}

/** Listeners told when grants change, so cached sessions drop stale permissions. */
const listeners = new Set<(memberId: string) => void>()
export const onGrantsChanged = (fn: (memberId: string) => void) => {
  listeners.add(fn)
  return () => listeners.delete(fn)
}

/** The grants of a member, as the access helper uses them. */
export const loadGrants = async (db: Db, memberId: string): Promise<Grant[]> =>
  (await repo.findGrantsOfMember(db, memberId)).map((g) => ({
    grantId: g.id,
    orgId: g.org_id,
    orgName: g.org_name,
    orgPath: g.org_path,
    role: RoleSchema.parse(g.role),
    permissions: permissionsOf(g.role),
  }))

/**
 * The members who hold a permission at the org of `orgPath` itself or, when nobody does there,
 * at its nearest ancestor where somebody does: the people to tell about something at that org
 * (a wish awaiting review). Never the whole chain up to the root.
 */
export const findNearestPermissionHolders = async (
  db: Db,
  orgPath: string,
  permission: Permission,
): Promise<string[]> => {
  const orgIds = orgPath.split('/').filter(Boolean)
  const grants = (await repo.findGrantHoldersAt(db, orgIds)).filter((g) =>
    permissionsOf(g.role).has(permission),
  )
  for (let i = orgIds.length - 1; i >= 0; i--) {
    const here = grants.filter((g) => g.org_id === orgIds[i])
    if (here.length > 0) return [...new Set(here.map((g) => g.member_id))]
  }
  return []
}

type ListQuery = { page: number; pageSize: number; q?: string; orgId?: string; memberId?: string }

/** Grants in the actor's subtrees (role:manage). */
export const listRoleGrants = async (
  db: Db,
  ctx: Ctx,
  query: ListQuery,
): Promise<Page<RoleGrant>> => {
  const paths = scopePaths(ctx, 'role:manage')
  let within: string | undefined
  if (query.orgId) {
    within = (await loadOrg(db, query.orgId)).path
    requireAt(ctx, 'role:manage', within)
  }
  const { rows, total } = await repo.listGrants(
    db,
    { paths, within, memberId: query.memberId, q: query.q },
    query.pageSize,
    (query.page - 1) * query.pageSize,
  )
  return {
    items: rows.map((r) => ({
      id: r.id,
      memberId: r.member_id,
      memberName: r.member_name,
      orgId: r.org_id,
      orgName: r.org_name,
      role: r.role,
      createdAt: r.created_at,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  }
}

/**
 * Grants a role at an org. The actor needs role:manage there and may not grant a role
 * stronger than their own. @throws ROLE_GRANT_EXISTS, ROLE_NOT_GRANTABLE, MEMBER_NOT_FOUND
 */
export const grantRole = async (
  db: Db,
  ctx: Ctx,
  body: CreateRoleGrantBody,
): Promise<RoleGrant> => {
  const org = await loadOrg(db, body.orgId)
  const actor = requireAt(ctx, 'role:manage', org.path)
  if (!canGrantRole(actor, body.role, org.path)) throw roleErrors.notGrantable()
  const member = await findMemberById(db, body.memberId)
  if (!member) throw roleErrors.memberNotFound(body.memberId)
  // Only members the actor can see: otherwise any member's name leaked through the answer.
  requireAt(ctx, 'member:read', member.org_path)
  const row: RoleGrantTable = {
    id: uuidv7(),
    member_id: member.id,
    org_id: org.id,
    role: body.role,
    granted_by: actor.memberId,
    created_at: ctx.now.toISOString(),
  }
  await withTransaction(db, async (trx) => {
    if (await repo.findGrant(trx, member.id, org.id, body.role)) throw roleErrors.exists()
    await repo.insertGrant(trx, row)
    await recordAudit(trx, ctx, {
      action: 'role.granted',
      targetType: 'member',
      targetId: member.id,
      orgId: org.id,
      summary: { after: { role: body.role, orgId: org.id, grantId: row.id } },
    })
  })
  listeners.forEach((fn) => fn(member.id))
  return {
    id: row.id,
    memberId: member.id,
    memberName: member.name,
    orgId: org.id,
    orgName: org.name,
    role: row.role,
    createdAt: row.created_at,
  }
}

/** Grants a role on behalf of the system (demo data, first admin). */
export const grantRoleAsSystem = async (
  db: Db,
  ctx: Ctx,
  memberId: string,
  orgId: string,
  role: RoleGrantTable['role'],
) =>
  withTransaction(db, async (trx) => {
    const row: RoleGrantTable = {
      id: uuidv7(),
      member_id: memberId,
      org_id: orgId,
      role,
      granted_by: null,
      created_at: ctx.now.toISOString(),
    }
    await repo.insertGrant(trx, row)
    await recordAudit(trx, ctx, {
      action: 'role.granted',
      targetType: 'member',
      targetId: memberId,
      orgId,
      summary: { after: { role, orgId, grantId: row.id } },
    })
    return row
  })

/** Revokes a grant. A member cannot revoke their own grants (no accidental lock-out). */
export const revokeRole = async (db: Db, ctx: Ctx, grantId: string) => {
  const grant = await repo.findGrantById(db, grantId)
  if (!grant) throw roleErrors.notFound(grantId)
  const actor = requireAt(ctx, 'role:manage', grant.org_path)
  if (!canGrantRole(actor, grant.role, grant.org_path)) throw roleErrors.notGrantable()
  if (grant.member_id === requireActor(ctx).memberId)
    throw new AppError('ROLE_SELF_REVOKE', 409, 'You cannot revoke your own role')
  await withTransaction(db, async (trx) => {
    await repo.deleteGrant(trx, grantId)
    await recordAudit(trx, ctx, {
      action: 'role.revoked',
      targetType: 'member',
      targetId: grant.member_id,
      orgId: grant.org_id,
      summary: { before: { role: grant.role, orgId: grant.org_id, grantId } },
    })
  })
  listeners.forEach((fn) => fn(grant.member_id))
}
