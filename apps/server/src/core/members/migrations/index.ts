import * as createMember from './20261129T1102_members_create_member'
import * as nameIndex from './20261129T1300_members_name_index'
import * as politicalStatus from './20261201T1145_members_political_status'

export const membersMigrations = {
  '20261129T1102_members_create_member': createMember,
  '20261129T1300_members_name_index': nameIndex,
  '20261201T1145_members_political_status': politicalStatus,
}
