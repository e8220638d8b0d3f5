import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { AuditListQuery } from '@unionhall/contracts'
import { listAudit } from './audit-api'
import { auditKeys } from './audit-keys'

export const useAuditLog = (query: Partial<AuditListQuery>) =>
  useQuery({
    queryKey: auditKeys.list(query),
    queryFn: ({ signal }) => listAudit(query, signal),
    placeholderData: keepPreviousData,
  })
