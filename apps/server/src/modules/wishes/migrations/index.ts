import * as createTables from './20261129T1730_wishes_create_tables'

export const wishesMigrations = {
  '20261129T1730_wishes_create_tables': createTables,
}
