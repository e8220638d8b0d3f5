import type { Role } from '@unionhall/contracts'
import { describe, expect, it } from 'vitest'
import {
  canAt,
  canGrantRole,
  holdsPermission,
  permissionsOf,
  requireAt,
  scopePaths,
} from './access'
import { systemCtx, type Actor, type Ctx } from './actor'

const grant = (role: Role, orgPath: string) => ({
  grantId: `g-${orgPath}`,
  orgId: orgPath.split('/').filter(Boolean).at(-1)!,
  orgName: orgPath,
  orgPath,
  role,
  permissions: permissionsOf(role),
})

const actor = (...grants: ReturnType<typeof grant>[]): Actor => ({
  memberId: 'm1',
  name: 'test',
  orgId: 'x',
  grants,
})
const ctxOf = (a: Actor | null): Ctx => ({ ...systemCtx(), actor: a })

// root / gansu / lanzhou, and root / guangdong / shenzhen
const GANSU = '/root/gansu/'
const LANZHOU = '/root/gansu/lanzhou/'
const SHENZHEN = '/root/guangdong/shenzhen/'

describe(canAt.name, () => {
  it('holds for the grant org and its whole subtree only', () => {
    const sut = actor(grant('staff', LANZHOU))

    expect(canAt(sut, 'member:manage', LANZHOU)).toBe(true)
    expect(canAt(sut, 'member:manage', `${LANZHOU}factory/`)).toBe(true)
    expect(canAt(sut, 'member:manage', GANSU)).toBe(false)
    expect(canAt(sut, 'member:manage', SHENZHEN)).toBe(false)
    expect(canAt(sut, 'member:manage', '/root/gansu/lanzhou2/')).toBe(false)
  })

  it('needs the permission in the grant that covers the org', () => {
    const sut = actor(grant('counsellor', GANSU), grant('staff', SHENZHEN))

    expect(canAt(sut, 'org:read', LANZHOU)).toBe(true)
    expect(canAt(sut, 'member:read', LANZHOU)).toBe(false)
    expect(canAt(sut, 'member:read', SHENZHEN)).toBe(true)
    expect(holdsPermission(sut, 'member:read')).toBe(true)
    expect(holdsPermission(sut, 'audit:read')).toBe(false)
  })
})

describe(requireAt.name, () => {
  it('throws ACCESS_DENIED outside the scope and AUTH_REQUIRED without an actor', () => {
    expect(() => requireAt(ctxOf(actor(grant('staff', LANZHOU))), 'org:read', SHENZHEN)).toThrow(
      expect.objectContaining({ code: 'ACCESS_DENIED', statusCode: 403 }),
    )
    expect(() => requireAt(ctxOf(null), 'org:read', LANZHOU)).toThrow(
      expect.objectContaining({ code: 'AUTH_REQUIRED', statusCode: 401 }),
    )
  })
})

describe(scopePaths.name, () => {
  it('returns the outermost paths of grants holding the permission', () => {
    const ctx = ctxOf(
      actor(grant('org_admin', GANSU), grant('staff', LANZHOU), grant('counsellor', SHENZHEN)),
    )

    expect(scopePaths(ctx, 'member:read')).toEqual([GANSU])
    expect(scopePaths(ctx, 'org:read')).toEqual([GANSU, SHENZHEN])
    expect(scopePaths(ctxOf(actor(grant('member', LANZHOU))), 'org:read')).toEqual([])
  })
})

describe(canGrantRole.name, () => {
  it('allows roles no stronger than the granter’s, inside the granter’s subtree', () => {
    const sut = actor(grant('org_admin', GANSU))

    expect(canGrantRole(sut, 'staff', LANZHOU)).toBe(true)
    expect(canGrantRole(sut, 'org_admin', LANZHOU)).toBe(true)
    expect(canGrantRole(sut, 'platform_admin', LANZHOU)).toBe(false)
    expect(canGrantRole(sut, 'staff', SHENZHEN)).toBe(false)
  })

  it('needs role:manage, which staff do not hold', () => {
    expect(canGrantRole(actor(grant('staff', LANZHOU)), 'member', LANZHOU)).toBe(false)
  })
})
