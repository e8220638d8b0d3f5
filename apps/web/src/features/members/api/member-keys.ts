import type { MemberListQuery } from '@unionhall/contracts'

export const memberKeys = {
  all: ['members'] as const,
  lists: () => [...memberKeys.all, 'list'] as const,
  list: (query: Partial<MemberListQuery>) => [...memberKeys.lists(), query] as const,
  detail: (id: string) => [...memberKeys.all, 'detail', id] as const,
  personalData: (id: string) => [...memberKeys.all, 'personal-data', id] as const,
  honours: (id: string) => [...memberKeys.all, 'honours', id] as const,
}
