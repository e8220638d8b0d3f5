import type { AuditListQuery } from '@unionhall/contracts'

export const auditKeys = {
  all: ['audit'] as const,
  lists: () => [...auditKeys.all, 'list'] as const,
  list: (query: Partial<AuditListQuery>) => [...auditKeys.lists(), query] as const,
}

/** The actions the server records (filter choices). */
export const AUDIT_ACTIONS = [
  'auth.signed-in',
  'auth.signed-out',
  'auth.password-changed',
  'auth.otp-sent',
  'member.created',
  'member.updated',
  'member.registered',
  'member.imported',
  'member.import-completed',
  'member.exported',
  'member.personal-data-read',
  'org.created',
  'org.updated',
  'org.moved',
  'org.archived',
  'role.granted',
  'role.revoked',
] as const
