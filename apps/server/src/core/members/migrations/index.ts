import * as createMember from './20261129T1102_members_create_member'
import * as nameIndex from './20261129T1300_members_name_index'

export const membersMigrations = {
  '20261129T1102_members_create_member': createMember,
  '20261129T1300_members_name_index': nameIndex,
}
