import { type AuditListQuery, AuditPageSchema } from '@unionhall/contracts'
import { apiDownload, apiRequest } from '../../../lib/api-client'

export const listAudit = (query: Partial<AuditListQuery>, signal?: AbortSignal) =>
  apiRequest('/audit', { query, schema: AuditPageSchema, signal })

export const exportAudit = (query: Partial<Omit<AuditListQuery, 'page' | 'pageSize'>>) =>
  apiDownload('/audit/export', query, 'audit.xlsx')
