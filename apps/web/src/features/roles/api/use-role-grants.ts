import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type RoleGrantListQuery, roleGrantKeys } from './role-grant-keys'
import { createRoleGrant, listRoleGrants, revokeRoleGrant, searchMembers } from './role-grants-api'

export const useRoleGrants = (query: RoleGrantListQuery) =>
  useQuery({
    queryKey: roleGrantKeys.list(query),
    queryFn: ({ signal }) => listRoleGrants(query, signal),
    placeholderData: keepPreviousData,
  })

export const useMemberSearch = (orgId: string | null, q: string) =>
  useQuery({
    queryKey: roleGrantKeys.memberSearch(orgId, q),
    queryFn: ({ signal }) => searchMembers(orgId, q, signal),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  })

export const useCreateRoleGrant = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: createRoleGrant,
    onSuccess: () => qc.invalidateQueries({ queryKey: roleGrantKeys.lists() }),
  })
}

export const useRevokeRoleGrant = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: revokeRoleGrant,
    onSuccess: () => qc.invalidateQueries({ queryKey: roleGrantKeys.lists() }),
  })
}
