import * as createRoleGrant from './20261129T1103_roles_create_role_grant'

export const rolesMigrations = {
  '20261129T1103_roles_create_role_grant': createRoleGrant,
}
