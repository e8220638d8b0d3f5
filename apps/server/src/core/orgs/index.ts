/** Orgs: the union hierarchy as a tree of any depth, with materialised paths. Owns table: org. */
export {
  archiveOrg,
  createOrg,
  createRootOrg,
  getBreadcrumbs,
  getOrg,
  getSubtree,
  idsOfPath,
  listOrgs,
  loadOrg,
  moveOrg,
  searchOrgsPublic,
  updateOrg,
} from './orgs.service'
export { countOrgs, findOrgById, findOrgsByIds, listChildOrgs } from './orgs.repository'
export { orgErrors } from './orgs.errors'
export type { OrgRow } from './orgs.tables'
export { orgsRoutes, publicOrgsRoutes } from './orgs.routes'
export { orgsMigrations } from './migrations'
