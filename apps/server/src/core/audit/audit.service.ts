import type { AuditAction, Permission } from '@unionhall/contracts'
import type { AuditEntry, AuditListQuery, Page } from '@unionhall/contracts'
import { uuidv7 } from 'uuidv7'
import { fromJson, toJson } from '../../platform/db/columns'
import type { Db } from '../../platform/db/create-db'
import { writeXlsx } from '../../platform/files/spreadsheet'
import { requireAt, scopePaths, type Ctx } from '../access'
import { commonErrors } from '../../platform/errors/app-error'
import {
  findOrgPath,
  insertAuditRecord,
  listAuditRecords,
  type AuditFilter,
  type AuditRow,
} from './audit.repository'

export type AuditInput = {
  /** One of AUDIT_ACTIONS (contracts), which the audit page labels. */
  action: AuditAction
  targetType: string
  targetId: string | null
  orgId: string | null
  summary?: { before?: unknown; after?: unknown; [k: string]: unknown }
}

/** Hook for metrics; set by app.ts. */
let onRecorded: () => void = () => undefined
export const setAuditCounter = (fn: () => void) => {
  onRecorded = fn
}

/**
 * Writes one audit record. Call it with the transaction of the change it describes, so the
 * change and its record commit or roll back together.
 */
export const recordAudit = async (trx: Db, ctx: Ctx, input: AuditInput) => {
  await insertAuditRecord(trx, {
    id: uuidv7(),
    at: ctx.now.toISOString(),
    actor_member_id: ctx.actor?.memberId ?? null,
    action: input.action,
    target_type: input.targetType,
    target_id: input.targetId,
    org_id: input.orgId,
    summary: toJson(input.summary ?? {}),
    request_id: ctx.requestId,
    ip: ctx.ip,
  })
  onRecorded()
}

/**
 * Records a read or export that covered one org's subtree, or, without an org, the actor's whole
 * scope for a permission: then once per subtree root covered. A record with no org was shown to
 * platform admins only, not to the admins of the orgs whose data left in the file.
 */
export const recordScopeAudit = async (
  trx: Db,
  ctx: Ctx,
  input: Omit<AuditInput, 'orgId' | 'targetType' | 'targetId'> & {
    targetType?: string
    targetId?: string | null
  },
  scope: { orgId?: string; permission: Permission },
) => {
  const orgIds = scope.orgId
    ? [scope.orgId]
    : scopePaths(ctx, scope.permission).map((p) => p.split('/').filter(Boolean).at(-1)!)
  for (const orgId of orgIds)
    await recordAudit(trx, ctx, {
      ...input,
      targetType: input.targetType ?? 'org',
      targetId: input.targetId === undefined ? orgId : input.targetId,
      orgId,
    })
}

const toEntry = (r: AuditRow): AuditEntry => ({
  id: r.id,
  at: r.at,
  actorId: r.actor_member_id,
  actorName: r.actor_name,
  action: r.action,
  targetType: r.target_type,
  targetId: r.target_id,
  orgId: r.org_id,
  orgName: r.org_name,
  summary: fromJson(r.summary),
  requestId: r.request_id,
  ip: r.ip,
})

const buildFilter = async (db: Db, ctx: Ctx, q: AuditListQuery): Promise<AuditFilter> => {
  const paths = scopePaths(ctx, 'audit:read')
  let orgPath: string | undefined
  if (q.orgId) {
    orgPath = await findOrgPath(db, q.orgId)
    if (!orgPath) throw commonErrors.notFound('org', q.orgId)
    requireAt(ctx, 'audit:read', orgPath)
  }
  // A root path has exactly one id: '/<rootId>/'.
  const includeOrgless = paths.some((p) => p.split('/').filter(Boolean).length === 1)
  return {
    paths,
    includeOrgless,
    orgPath,
    action: q.action,
    actorId: q.actorId,
    from: q.from,
    to: q.to,
    q: q.q,
  }
}

/** Lists audit records in the actor's subtrees, newest first. */
export const listAudit = async (db: Db, ctx: Ctx, q: AuditListQuery): Promise<Page<AuditEntry>> => {
  const filter = await buildFilter(db, ctx, q)
  const { rows, total } = await listAuditRecords(db, filter, q.pageSize, (q.page - 1) * q.pageSize)
  return { items: rows.map(toEntry), total, page: q.page, pageSize: q.pageSize }
}

export const AUDIT_EXPORT_LIMIT = 50_000

/** Exports the filtered audit log as .xlsx (at most AUDIT_EXPORT_LIMIT rows, newest first). */
export const exportAudit = async (db: Db, ctx: Ctx, q: AuditListQuery) => {
  const filter = await buildFilter(db, ctx, q)
  const { rows } = await listAuditRecords(db, filter, AUDIT_EXPORT_LIMIT, 0)
  return writeXlsx(
    'audit',
    [
      '时间 Time',
      '操作人 Actor',
      '操作 Action',
      '对象类型 Target type',
      '对象 Target',
      '组织 Org',
      '摘要 Summary',
      '请求 Request',
      'IP',
    ],
    rows.map((r) => [
      r.at,
      r.actor_name,
      r.action,
      r.target_type,
      r.target_id,
      r.org_name,
      r.summary,
      r.request_id,
      r.ip,
    ]),
  )
}
