import * as createAuditLog from './20261129T1100_audit_create_audit_log'

export const auditMigrations = {
  '20261129T1100_audit_create_audit_log': createAuditLog,
}
