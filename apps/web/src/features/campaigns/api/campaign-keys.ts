type ListQuery = Record<string, string | number | undefined>

/** Query keys of the campaigns feature: every key starts with 'campaigns' and the campaign id. */
export const campaignKeys = {
  all: ['campaigns'] as const,
  lists: () => [...campaignKeys.all, 'list'] as const,
  list: (query: ListQuery) => [...campaignKeys.lists(), query] as const,
  detail: (id: string) => [...campaignKeys.all, 'detail', id] as const,
  /** Everything under one campaign (detail excluded), for invalidation after a change. */
  of: (id: string) => [...campaignKeys.all, 'of', id] as const,
  children: (id: string) => [...campaignKeys.of(id), 'children'] as const,
  nominations: (id: string, query: ListQuery) =>
    [...campaignKeys.of(id), 'nominations', query] as const,
  nomination: (id: string, nid: string) => [...campaignKeys.of(id), 'nomination', nid] as const,
  nominatingOrgs: (id: string, q: string) =>
    [...campaignKeys.of(id), 'nominating-orgs', q] as const,
  employerSearch: (q: string) => [...campaignKeys.all, 'employer-search', q] as const,
  quota: (id: string) => [...campaignKeys.of(id), 'quota'] as const,
  candidates: (id: string, query: ListQuery) =>
    [...campaignKeys.of(id), 'candidates', query] as const,
  objections: (id: string, query: ListQuery) =>
    [...campaignKeys.of(id), 'objections', query] as const,
  leaderboard: (id: string) => [...campaignKeys.of(id), 'leaderboard'] as const,
  turnout: (id: string) => [...campaignKeys.of(id), 'turnout'] as const,
  flagged: (id: string, query: ListQuery) => [...campaignKeys.of(id), 'flagged', query] as const,
  jurors: (id: string) => [...campaignKeys.of(id), 'jurors'] as const,
  juryCandidates: (id: string) => [...campaignKeys.of(id), 'jury-candidates'] as const,
  juryProgress: (id: string) => [...campaignKeys.of(id), 'jury-progress'] as const,
  results: (id: string) => [...campaignKeys.of(id), 'results'] as const,
  memberSearch: (q: string) => [...campaignKeys.all, 'member-search', q] as const,
}
