/** Access: actors, grants and the one helper that scopes every service to the actor's org subtrees. Owns no tables. */
export type { Actor, Ctx, Grant } from './actor'
export { ctxOf, systemCtx } from './actor'
export {
  canAt,
  canGrantRole,
  canManageHolderOf,
  holdsPermission,
  permissionsOf,
  requireActor,
  requireAt,
  scopePaths,
} from './access'
