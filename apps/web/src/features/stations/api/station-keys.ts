type ListQuery = Record<string, string | number | undefined>

/** Query keys of the stations console: every key starts with 'stations'. */
export const stationKeys = {
  all: ['stations'] as const,
  lists: () => [...stationKeys.all, 'list'] as const,
  list: (query: ListQuery) => [...stationKeys.lists(), query] as const,
  detail: (id: string) => [...stationKeys.all, 'detail', id] as const,
  checkInCode: (id: string) => [...stationKeys.all, 'check-in-code', id] as const,
  holidayCalendar: () => [...stationKeys.all, 'holiday-calendar'] as const,
  stats: (orgId: string | undefined) => [...stationKeys.all, 'stats', orgId ?? ''] as const,
  /** Points of an org subtree for the overview map (the first page of the list). */
  points: (orgId: string | undefined) => [...stationKeys.all, 'points', orgId ?? ''] as const,
  clusters: (box: ListQuery) => [...stationKeys.all, 'clusters', box] as const,
}
