import * as createOrg from './20261129T1101_orgs_create_org'

export const orgsMigrations = {
  '20261129T1101_orgs_create_org': createOrg,
}
