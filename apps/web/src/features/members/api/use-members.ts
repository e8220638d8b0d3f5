import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { MemberListQuery } from '@unionhall/contracts'
import { memberKeys } from './member-keys'
import {
  createMember,
  getPersonalData,
  listMemberHonours,
  importMembers,
  listMembers,
  updateMember,
} from './members-api'

export const useMembers = (query: Partial<MemberListQuery>, enabled = true) =>
  useQuery({
    queryKey: memberKeys.list(query),
    queryFn: ({ signal }) => listMembers(query, signal),
    placeholderData: keepPreviousData,
    enabled,
  })

export const useCreateMember = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: createMember,
    onSuccess: () => qc.invalidateQueries({ queryKey: memberKeys.all }),
  })
}

export const useUpdateMember = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: updateMember,
    onSuccess: () => qc.invalidateQueries({ queryKey: memberKeys.all }),
  })
}

/** Reading unmasked data is audited, so it runs only on an explicit click (a mutation, not a query). */
export const useRevealPersonalData = () => useMutation({ mutationFn: getPersonalData })

export const useMemberHonours = (memberId: string | null, enabled: boolean) =>
  useQuery({
    queryKey: memberKeys.honours(memberId ?? ''),
    queryFn: ({ signal }) => listMemberHonours(memberId!, signal),
    enabled: enabled && memberId !== null,
  })

export const useImportMembers = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: importMembers,
    onSuccess: (r) => {
      if (!r.report.dryRun && r.report.importedRows > 0) {
        void qc.invalidateQueries({ queryKey: memberKeys.all })
      }
    },
  })
}
