/** Roles: grants of a role to a member at an org, holding for the org's subtree. Owns table: role_grant. */
export {
  findNearestPermissionHolders,
  grantRole,
  grantRoleAsSystem,
  listRoleGrants,
  loadGrants,
  onGrantsChanged,
  revokeRole,
} from './roles.service'
export { rolesRoutes } from './roles.routes'
export { rolesMigrations } from './migrations'
