import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { OrgListQuery } from '@unionhall/contracts'
import { useCallback } from 'react'
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

const childrenQuery = (parentId: string) => ({
  queryKey: orgKeys.children(parentId),
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    listOrgs({ parentId, pageSize: 200, includeArchived: 'true' }, signal),
})

export const useOrgChildren = (parentId: string) => useQuery(childrenQuery(parentId))

/** Children for the lazy tree, fetched through the query cache so invalidation refreshes them. */
export const useFetchChildren = () => {
  const qc = useQueryClient()
  return useCallback(
    (parentId: string) => qc.fetchQuery({ ...childrenQuery(parentId), staleTime: 0 }),
    [qc],
  )
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
