import {
  BreadcrumbSchema,
  type CreateOrgBody,
  type MoveOrgBody,
  type OrgListQuery,
  OrgPageSchema,
  OrgSchema,
  type UpdateOrgBody,
} from '@unionhall/contracts'
import { apiRequest } from '../../../lib/api-client'

export const listOrgs = (query: Partial<OrgListQuery>, signal?: AbortSignal) =>
  apiRequest('/orgs', { query, schema: OrgPageSchema, signal })

export const getOrg = (id: string, signal?: AbortSignal) =>
  apiRequest(`/orgs/${id}`, { schema: OrgSchema, signal })

export const getBreadcrumbs = (id: string, signal?: AbortSignal) =>
  apiRequest(`/orgs/${id}/breadcrumbs`, { schema: BreadcrumbSchema, signal })

export const createOrg = (body: CreateOrgBody) =>
  apiRequest('/orgs', { method: 'POST', body, schema: OrgSchema })

export const updateOrg = ({ id, body }: { id: string; body: UpdateOrgBody }) =>
  apiRequest(`/orgs/${id}`, { method: 'PATCH', body, schema: OrgSchema })

export const moveOrg = ({ id, body }: { id: string; body: MoveOrgBody }) =>
  apiRequest(`/orgs/${id}/move`, { method: 'POST', body, schema: OrgSchema })

export const archiveOrg = (id: string) =>
  apiRequest(`/orgs/${id}/archive`, { method: 'POST', body: {}, schema: OrgSchema })
