import type { OrgListQuery } from '@unionhall/contracts'

export const orgKeys = {
  all: ['orgs'] as const,
  lists: () => [...orgKeys.all, 'list'] as const,
  list: (query: Partial<OrgListQuery>) => [...orgKeys.lists(), query] as const,
  children: (parentId: string) => [...orgKeys.all, 'children', parentId] as const,
  detail: (id: string) => [...orgKeys.all, 'detail', id] as const,
  breadcrumbs: (id: string) => [...orgKeys.all, 'breadcrumbs', id] as const,
}
