/** Audit: every state change and every read of personal data, written in the change's transaction. Owns table: audit_log. */
export {
  recordAudit,
  recordScopeAudit,
  listAudit,
  exportAudit,
  setAuditCounter,
  type AuditInput,
} from './audit.service'
export { countAuditRecords } from './audit.repository'
export { auditRoutes } from './audit.routes'
export { auditMigrations } from './migrations'
