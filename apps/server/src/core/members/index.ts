/** Members: workers with accounts, attached to their employer's org; personal data encrypted at rest. Owns table: member. */
export {
  createMember,
  exportMembers,
  getMember,
  getPersonalData,
  importMembers,
  insertMember,
  isPartyMember,
  listMembers,
  mobileHashOf,
  onMemberChanged,
  type MembersDeps,
} from './members.service'
export {
  countMembers,
  findMemberById,
  findMemberByMobileHash,
  updateMemberFields,
} from './members.repository'
export { memberErrors } from './members.errors'
export { membersRoutes } from './members.routes'
export { membersMigrations } from './migrations'
