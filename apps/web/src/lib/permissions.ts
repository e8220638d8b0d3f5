import type { Permission, Session } from '@unionhall/contracts'

/** Permissions the session holds at one org (grants placed on that org). */
export const permissionsAt = (session: Session | null, orgId: string | null): Set<Permission> => {
  const out = new Set<Permission>()
  if (!session) return out
  for (const grant of session.grants) {
    if (orgId === null || grant.orgId === orgId) grant.permissions.forEach((p) => out.add(p))
  }
  return out
}

/** The distinct orgs where the session holds a role, in grant order. */
export const grantOrgs = (session: Session | null): { id: string; name: string }[] => {
  const seen = new Map<string, string>()
  for (const grant of session?.grants ?? []) {
    if (!seen.has(grant.orgId)) seen.set(grant.orgId, grant.orgName)
  }
  return [...seen].map(([id, name]) => ({ id, name }))
}
