import { idsOfPath } from '../../../core/orgs'

/**
 * Turnout rolled up the org tree. Ballots are counted per voter org (campaign_turnout); a
 * federation wants its own figure to include every union below it, and the chart wants the
 * campaign org's direct children. Org paths are materialised ('/<root>/<child>/…'), so an org's
 * ancestors are the ids of its path.
 */

export type TurnoutItem = {
  orgId: string
  orgName: string
  parentId: string | null
  depth: number
  ballots: number
  subtreeBallots: number
}

/** The ids from the campaign's org down to the org at `path` (empty when outside the subtree). */
export const rollupChain = (campaignPath: string, path: string): string[] => {
  if (!path.startsWith(campaignPath)) return []
  const ids = idsOfPath(path)
  return ids.slice(idsOfPath(campaignPath).length - 1)
}

/**
 * One item per org on the way from the campaign's org to each voter org, with its own ballots
 * and its subtree's, in pre-order (children by subtree ballots, most first). Voters whose org is
 * outside the campaign's subtree count in the total only (they are not in the tree).
 */
export const rollUpTurnout = (
  campaignPath: string,
  own: readonly { path: string; ballots: number }[],
  names: ReadonlyMap<string, string>,
): TurnoutItem[] => {
  type Node = {
    id: string
    parentId: string | null
    ballots: number
    subtree: number
    children: Node[]
  }
  const nodes = new Map<string, Node>()
  let roots: Node[] = []
  for (const r of own) {
    const chain = rollupChain(campaignPath, r.path)
    let parent = null as Node | null
    for (const id of chain) {
      let n = nodes.get(id)
      if (!n) {
        n = { id, parentId: parent?.id ?? null, ballots: 0, subtree: 0, children: [] }
        nodes.set(id, n)
        if (parent) parent.children.push(n)
        else roots = [...roots, n]
      }
      n.subtree += r.ballots
      parent = n
    }
    if (parent) parent.ballots += r.ballots
  }
  const out: TurnoutItem[] = []
  const visit = (n: Node, depth: number) => {
    out.push({
      orgId: n.id,
      orgName: names.get(n.id) ?? '',
      parentId: n.parentId,
      depth,
      ballots: n.ballots,
      subtreeBallots: n.subtree,
    })
    const kids = [...n.children].sort((a, b) => b.subtree - a.subtree || a.id.localeCompare(b.id))
    for (const c of kids) visit(c, depth + 1)
  }
  for (const r of roots) visit(r, 0)
  return out
}
