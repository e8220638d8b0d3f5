import type { z } from 'zod'
import type { RoleGrantListQuerySchema } from '@unionhall/contracts'

export type RoleGrantListQuery = Partial<z.infer<typeof RoleGrantListQuerySchema>>

export const roleGrantKeys = {
  all: ['role-grants'] as const,
  lists: () => [...roleGrantKeys.all, 'list'] as const,
  list: (query: RoleGrantListQuery) => [...roleGrantKeys.lists(), query] as const,
  memberSearch: (orgId: string | null, q: string) =>
    [...roleGrantKeys.all, 'member-search', orgId, q] as const,
}
