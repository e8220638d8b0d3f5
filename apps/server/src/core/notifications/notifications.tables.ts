import type { Selectable } from 'kysely'

export type NotificationTable = {
  id: string
  /** The recipient. */
  member_id: string
  /** `<module>.<event>`, rendered by the web from the locale files. */
  kind: string
  /** JSON object of the values the text needs (names, titles, reasons). */
  params: string
  /** A web path to open, or null. */
  link: string | null
  created_at: string
  read_at: string | null
}

export type NotificationTables = { notification: NotificationTable }
export type NotificationRow = Selectable<NotificationTable>
