import type { AuditListQuery } from '@unionhall/contracts'

export const auditKeys = {
  all: ['audit'] as const,
  lists: () => [...auditKeys.all, 'list'] as const,
  list: (query: Partial<AuditListQuery>) => [...auditKeys.lists(), query] as const,
}

/** Every action the server records (contracts), each labelled under audit.actions in the locale files. */
export { AUDIT_ACTIONS } from '@unionhall/contracts'
