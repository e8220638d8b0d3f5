import type { ExpressionBuilder } from 'kysely'

/**
 * Org subtrees use materialised paths: '/<rootId>/<childId>/'. Every descendant's path starts
 * with the ancestor's, so a subtree is the half-open range [path, path with its final '/'
 * replaced by '0'), which both engines answer from a plain B-tree index.
 */
export const subtreeRange = (path: string): readonly [string, string] => [
  path,
  `${path.slice(0, -1)}0`,
]

/** Keeps only the outermost of a set of paths (a grant at a parent covers its children). */
export const outermostPaths = (paths: readonly string[]): string[] => {
  const sorted = [...new Set(paths)].sort()
  const result: string[] = []
  for (const p of sorted) {
    if (!result.some((outer) => p.startsWith(outer))) result.push(p)
  }
  return result
}

/**
 * A where-clause factory: column within any of the given subtrees. An empty list matches
 * nothing, so a caller without access sees an empty page rather than everything.
 */
export const inSubtrees =
  (column: string, paths: readonly string[]) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the column name is checked by the caller's table types
  (eb: ExpressionBuilder<any, any>) => {
    if (paths.length === 0) return eb.lit(false)
    return eb.or(
      outermostPaths(paths).map((p) => {
        const [lo, hi] = subtreeRange(p)
        return eb.and([eb(column, '>=', lo), eb(column, '<', hi)])
      }),
    )
  }
