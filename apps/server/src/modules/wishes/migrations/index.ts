import * as createTables from './20261129T1730_wishes_create_tables'
import * as withdrawAndEdit from './20261130T1414_wishes_withdraw_and_edit'
import * as autoConfirm from './20261130T1900_wishes_auto_confirm'
import * as partners from './20261201T1000_wishes_partners'

export const wishesMigrations = {
  '20261129T1730_wishes_create_tables': createTables,
  '20261130T1414_wishes_withdraw_and_edit': withdrawAndEdit,
  '20261130T1900_wishes_auto_confirm': autoConfirm,
  '20261201T1000_wishes_partners': partners,
}
