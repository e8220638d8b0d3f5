import type { Permission, Role } from '@unionhall/contracts'

/** One role held at one org; it holds for the whole subtree under orgPath. */
export type Grant = {
  grantId: string
  orgId: string
  orgName: string
  orgPath: string
  role: Role
  permissions: ReadonlySet<Permission>
}

/** The signed-in member as services see them. */
export type Actor = {
  memberId: string
  name: string
  orgId: string
  grants: readonly Grant[]
}

/** What every use case receives: who acts, and where the request came from (for the audit). */
export type Ctx = {
  actor: Actor | null
  requestId: string | null
  ip: string | null
  now: Date
}

/** A context for changes the system makes itself (demo data, jobs). */
export const systemCtx = (now = new Date()): Ctx => ({
  actor: null,
  requestId: null,
  ip: null,
  now,
})

/** The parts of an HTTP request a context is built from (kept structural so core does not import fastify). */
type RequestLike = { id: string; ip: string; auth: { principal: unknown } | null }

/** Builds the use-case context from a request; the principal set by core/auth is the Actor. */
export const ctxOf = (request: RequestLike, now = new Date()): Ctx => ({
  actor: (request.auth?.principal as Actor | undefined) ?? null,
  requestId: request.id,
  ip: request.ip,
  now,
})
