export type AuditLogTable = {
  id: string
  /** ISO-8601 UTC time of the change. */
  at: string
  /** Null for changes made by the system (seed, scheduled jobs) or anonymous public actions. */
  actor_member_id: string | null
  /** `<noun>.<past-verb>`, e.g. org.created, member.personal-data-read. */
  action: string
  target_type: string
  target_id: string | null
  /** The org whose subtree admins may see this record. */
  org_id: string | null
  /** JSON: { before, after } or other summary of the change; never secrets. */
  summary: string
  request_id: string | null
  ip: string | null
}

export type AuditTables = { audit_log: AuditLogTable }
