import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { OrgListQuery } from '@unionhall/contracts'
import { orgKeys } from './org-keys'
import {
  archiveOrg,
  createOrg,
  getBreadcrumbs,
  getOrg,
  listOrgs,
  moveOrg,
  updateOrg,
} from './orgs-api'

export const useOrgList = (query: Partial<OrgListQuery>, enabled = true) =>
  useQuery({
    queryKey: orgKeys.list(query),
    queryFn: ({ signal }) => listOrgs(query, signal),
    enabled,
    placeholderData: keepPreviousData,
  })

export const useOrg = (id: string | null) =>
  useQuery({
    queryKey: orgKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getOrg(id!, signal),
    enabled: id !== null,
  })

export const useBreadcrumbs = (id: string | null) =>
  useQuery({
    queryKey: orgKeys.breadcrumbs(id ?? ''),
    queryFn: ({ signal }) => getBreadcrumbs(id!, signal),
    enabled: id !== null,
  })

/** Children for the lazy tree, fetched through the query cache so invalidation refreshes them. */
export const useFetchChildren = () => {
  const qc = useQueryClient()
  return (parentId: string) =>
    qc.fetchQuery({
      queryKey: orgKeys.children(parentId),
      queryFn: ({ signal }) =>
        listOrgs({ parentId, pageSize: 200, includeArchived: 'true' }, signal),
      staleTime: 0,
    })
}

const useInvalidateOrgs = () => {
  const qc = useQueryClient()
  return () => qc.invalidateQueries({ queryKey: orgKeys.all })
}

export const useCreateOrg = () => {
  const invalidate = useInvalidateOrgs()
  return useMutation({ mutationFn: createOrg, onSuccess: invalidate })
}
export const useUpdateOrg = () => {
  const invalidate = useInvalidateOrgs()
  return useMutation({ mutationFn: updateOrg, onSuccess: invalidate })
}
export const useMoveOrg = () => {
  const invalidate = useInvalidateOrgs()
  return useMutation({ mutationFn: moveOrg, onSuccess: invalidate })
}
export const useArchiveOrg = () => {
  const invalidate = useInvalidateOrgs()
  return useMutation({ mutationFn: archiveOrg, onSuccess: invalidate })
}
