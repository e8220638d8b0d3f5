/**
 * Level-by-level review (docs/adr/0007-nomination-review-levels.md). The levels of a
 * nomination are the orgs of the campaign and of its descendant (child) campaigns whose
 * subtree holds the nominee's employer, from the deepest up to the campaign's own org.
 */
export type CampaignNode = {
  id: string
  parentId: string | null
  orgId: string
  orgPath: string
}

/**
 * The review levels, first level first; the last is always the campaign's org. `nodes` holds
 * the campaign (parentId of the root ignored) and its descendants.
 */
export const reviewLevelsFor = (
  rootId: string,
  nodes: readonly CampaignNode[],
  employerPath: string,
): CampaignNode[] => {
  const byId = new Map(nodes.map((n) => [n.id, n]))
  const root = byId.get(rootId)
  if (!root) throw new Error(`campaign ${rootId} missing from its own tree`)
  // Walk down from the root, each time into the child campaign whose org holds the employer.
  const chain: CampaignNode[] = [root]
  for (;;) {
    const here = chain[chain.length - 1]!
    const next = nodes
      .filter((n) => n.parentId === here.id && n.id !== rootId)
      .filter((n) => employerPath.startsWith(n.orgPath))
      .sort((a, b) => b.orgPath.length - a.orgPath.length)[0]
    if (!next) break
    chain.push(next)
  }
  return chain.reverse()
}

/** The org one level above `currentOrgId`, or null at the top (or when it is not a level). */
export const levelAbove = (levels: readonly CampaignNode[], currentOrgId: string) => {
  const i = levels.findIndex((l) => l.orgId === currentOrgId)
  if (i < 0) return null
  return levels[i + 1] ?? null
}

export const isTopLevel = (levels: readonly CampaignNode[], orgId: string) =>
  levels[levels.length - 1]?.orgId === orgId
