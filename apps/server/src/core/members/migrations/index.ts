import * as createMember from './20261129T1102_members_create_member'

export const membersMigrations = {
  '20261129T1102_members_create_member': createMember,
}
