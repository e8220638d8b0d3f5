import {
  WISH_CATEGORIES,
  WISH_STATUSES,
  type ClaimantKind,
  type WishReport,
} from '@unionhall/contracts'
import { requireAt, scopePaths, type Ctx } from '../../core/access'
import { recordAudit } from '../../core/audit'
import { findOrgById, listChildOrgs, orgErrors } from '../../core/orgs'
import type { Db } from '../../platform/db/create-db'
import { withTransaction } from '../../platform/db/transaction'
import { commonErrors } from '../../platform/errors/app-error'
import { writeXlsxSheets } from '../../platform/files/spreadsheet'
import { findStationRefs } from '../stations'
import {
  chinaDateTime,
  chinaDayEnd,
  chinaDayStart,
  durationStats,
  hoursBetween,
  isCalendarDate,
} from './wish-rules'
import { CATEGORY_LABELS, KIND_LABELS, STATUS_LABELS } from './export-labels'
import { WISH_LIST_EXPORT_MAX_ROWS } from './list-export.service'
import * as repo from './wishes.repository'

type ReportQuery = { orgId?: string; from?: string; to?: string }

/** The org and dates a report covers; the actor's outermost subtree when no org is named. */
const reportScope = async (db: Db, ctx: Ctx, query: ReportQuery) => {
  for (const [key, value] of [
    ['from', query.from],
    ['to', query.to],
  ] as const)
    if (value !== undefined && !isCalendarDate(value))
      throw commonErrors.validation(`${key} is not a calendar date`, { path: [key] })
  if (query.from && query.to && query.from > query.to)
    throw commonErrors.validation('from is after to', { path: ['from'] })
  let org
  if (query.orgId) {
    org = await findOrgById(db, query.orgId)
    if (!org) throw orgErrors.notFound(query.orgId)
  } else {
    const [path] = scopePaths(ctx, 'wish:read')
    if (!path) throw commonErrors.forbidden()
    org = (await findOrgById(db, path.split('/').filter(Boolean).pop()!))!
  }
  requireAt(ctx, 'wish:read', org.path)
  return {
    org,
    scope: {
      orgPath: org.path,
      fromIso: query.from ? chinaDayStart(query.from) : undefined,
      toIso: query.to ? chinaDayEnd(query.to) : undefined,
    },
  }
}

const computeReport = async (
  db: Db,
  org: { id: string; name: string; path: string },
  scope: repo.ReportScope,
): Promise<WishReport> => {
  const [counts, claims, children] = await Promise.all([
    repo.countWishesForReport(db, scope),
    repo.claimsForReport(db, scope),
    listChildOrgs(db, org.id),
  ])
  const n = (rows: typeof counts) => rows.reduce((s, r) => s + Number(r.n), 0)

  const byStatus = WISH_STATUSES.map((status) => ({
    status,
    count: n(counts.filter((r) => r.status === status)),
  }))
  const byCategory = WISH_CATEGORIES.map((category) => ({
    category,
    count: n(counts.filter((r) => r.category === category)),
  }))

  const stationIds = [...new Set(counts.map((r) => r.station_id))]
  const names = new Map(
    (
      await findStationRefs(
        db,
        stationIds.filter((id): id is string => id !== null),
      )
    ).map((s) => [s.id, s.name]),
  )
  const byStation = stationIds
    .map((stationId) => {
      const rows = counts.filter((r) => r.station_id === stationId)
      return {
        stationId,
        stationName: stationId === null ? null : (names.get(stationId) ?? null),
        total: n(rows),
        confirmed: n(rows.filter((r) => r.status === 'confirmed')),
      }
    })
    .sort((a, b) => b.total - a.total || (a.stationName ?? '').localeCompare(b.stationName ?? ''))

  const orgRow = (orgId: string, orgName: string, own: boolean, rows: typeof counts) => ({
    orgId,
    orgName,
    own,
    total: n(rows),
    published: n(rows.filter((r) => r.status === 'published')),
    claimed: n(rows.filter((r) => r.status === 'claimed')),
    fulfilled: n(rows.filter((r) => r.status === 'fulfilled')),
    confirmed: n(rows.filter((r) => r.status === 'confirmed')),
  })
  const byOrg = [
    orgRow(
      org.id,
      org.name,
      true,
      counts.filter((r) => r.org_id === org.id),
    ),
    ...children.map((c) => {
      const path = `${org.path}${c.id}/`
      return orgRow(
        c.id,
        c.name,
        false,
        counts.filter((r) => r.org_path.startsWith(path)),
      )
    }),
  ]

  const timeToClaim = durationStats(
    claims.map((c) => hoursBetween(c.available_since, c.claimed_at)),
  )
  const timeToFulfil = durationStats(
    claims
      .filter((c) => c.fulfilled_at !== null)
      .map((c) => hoursBetween(c.claimed_at, c.fulfilled_at!)),
  )

  // One rule with the summary's 已完成 (wish status 'confirmed'): a claim is completed once the
  // worker confirmed receipt, or the expiry job did after WISH_AUTO_CONFIRM_DAYS. A delivery
  // still waiting for the worker is counted apart; a reopened one counts nowhere.
  const claimants = new Map<
    string,
    {
      displayName: string
      claimantKind: ClaimantKind
      confirmed: number
      awaitingConfirmation: number
    }
  >()
  for (const c of claims) {
    if (c.status !== 'fulfilled' && c.status !== 'confirmed') continue
    const prev = claimants.get(c.claimant_member_id)
    // Claims come oldest first: the latest name and kind a claimant used is the one shown.
    claimants.set(c.claimant_member_id, {
      displayName: c.claimant_name,
      claimantKind: c.claimant_kind,
      confirmed: (prev?.confirmed ?? 0) + (c.status === 'confirmed' ? 1 : 0),
      awaitingConfirmation: (prev?.awaitingConfirmation ?? 0) + (c.status === 'fulfilled' ? 1 : 0),
    })
  }
  const topClaimants = [...claimants.entries()]
    .map(([claimantMemberId, v]) => ({ claimantMemberId, ...v }))
    .sort(
      (a, b) =>
        b.confirmed - a.confirmed ||
        b.awaitingConfirmation - a.awaitingConfirmation ||
        a.displayName.localeCompare(b.displayName),
    )
    .slice(0, 10)

  return {
    orgId: org.id,
    orgName: org.name,
    total: n(counts),
    byStatus,
    byCategory,
    byStation,
    byOrg,
    timeToClaim,
    timeToFulfil,
    topClaimants,
  }
}

/**
 * Wishes of an org subtree created from..to: by status, category, station and child org; time
 * to claim and to fulfil; top claimants. @throws ACCESS_DENIED, ORG_NOT_FOUND, VALIDATION_FAILED
 */
export const getWishReport = async (db: Db, ctx: Ctx, query: ReportQuery): Promise<WishReport> => {
  const { org, scope } = await reportScope(db, ctx, query)
  return computeReport(db, org, scope)
}

const time = (iso: string | null) => (iso ? chinaDateTime(iso) : '')

/**
 * The report as an .xlsx (one sheet per breakdown, and the wishes themselves with masked
 * worker names); the export is audited. The breakdowns always cover every wish; the detail
 * sheet lists at most `maxDetailRows` (the list export's cap, for the same memory reasons), and
 * when there are more its last row says how many and where to get them all, never a silent cut.
 */
export const exportWishReport = async (
  db: Db,
  ctx: Ctx,
  query: ReportQuery,
  { maxDetailRows = WISH_LIST_EXPORT_MAX_ROWS }: { maxDetailRows?: number } = {},
): Promise<{ bytes: Buffer; orgName: string }> => {
  const { org, scope } = await reportScope(db, ctx, query)
  const [report, fetched] = await Promise.all([
    computeReport(db, org, scope),
    // One more than the cap tells "cut" without counting.
    repo.wishesForExport(db, scope, maxDetailRows + 1),
  ])
  const wishes = fetched.slice(0, maxDetailRows)
  const total = report.byStatus.reduce((n, r) => n + r.count, 0)
  const truncated = fetched.length > maxDetailRows
  const stationNames = new Map(
    (
      await findStationRefs(db, [
        ...new Set(wishes.map((w) => w.station_id).filter((id): id is string => id !== null)),
      ])
    ).map((s) => [s.id, s.name]),
  )
  const detailRows: (string | number | null)[][] = wishes.map((w) => [
    w.title,
    CATEGORY_LABELS[w.category],
    STATUS_LABELS[w.status],
    w.org_name,
    w.station_id ? (stationNames.get(w.station_id) ?? '') : '',
    w.worker_name_masked,
    w.deadline,
    time(w.created_at),
    w.claimant_name ?? '',
    time(w.claimed_at),
    time(w.fulfilled_at),
    time(w.confirmed_at),
  ])
  if (truncated)
    detailRows.push([
      `（共 ${total} 条心愿，本表只列出最早提交的 ${wishes.length} 条。全部明细请在“微心愿”列表按组织、站点、状态或类别筛选后分批导出。）`,
    ])
  const bytes = await writeXlsxSheets([
    {
      name: '按状态',
      headers: ['状态', '心愿数'],
      rows: report.byStatus.map((r) => [STATUS_LABELS[r.status], r.count]),
    },
    {
      name: '按类别',
      headers: ['类别', '心愿数'],
      rows: report.byCategory.map((r) => [CATEGORY_LABELS[r.category], r.count]),
    },
    {
      name: '按站点',
      headers: ['站点', '心愿数', STATUS_LABELS.confirmed],
      rows: report.byStation.map((r) => [r.stationName ?? '（未指定站点）', r.total, r.confirmed]),
    },
    {
      name: '按组织',
      headers: [
        '组织',
        '范围',
        '心愿数',
        STATUS_LABELS.published,
        STATUS_LABELS.claimed,
        STATUS_LABELS.fulfilled,
        STATUS_LABELS.confirmed,
      ],
      rows: report.byOrg.map((r) => [
        r.orgName,
        r.own ? '本级' : '含下级',
        r.total,
        r.published,
        r.claimed,
        r.fulfilled,
        r.confirmed,
      ]),
    },
    {
      name: '时长',
      headers: ['指标', '次数', '平均（小时）', '中位数（小时）'],
      rows: [
        [
          '上墙到认领',
          report.timeToClaim.count,
          report.timeToClaim.avgHours,
          report.timeToClaim.medianHours,
        ],
        [
          '认领到送达',
          report.timeToFulfil.count,
          report.timeToFulfil.avgHours,
          report.timeToFulfil.medianHours,
        ],
      ],
    },
    {
      name: '认领排行',
      // The console's column words (wishes.reports in zh-CN.json).
      headers: ['认领人', '身份', STATUS_LABELS.confirmed, '已送达待确认'],
      rows: report.topClaimants.map((r) => [
        r.displayName,
        KIND_LABELS[r.claimantKind],
        r.confirmed,
        r.awaitingConfirmation,
      ]),
    },
    {
      name: '心愿明细',
      headers: [
        '心愿',
        '类别',
        '状态',
        '组织',
        '站点',
        '职工',
        '截止日期',
        '提交时间',
        '认领人',
        '认领时间',
        '送达时间',
        '确认时间',
      ],
      rows: detailRows,
    },
  ])
  await withTransaction(db, (trx) =>
    recordAudit(trx, ctx, {
      action: 'wish.report_exported',
      targetType: 'org',
      targetId: org.id,
      orgId: org.id,
      summary: {
        from: query.from ?? null,
        to: query.to ?? null,
        rows: wishes.length,
        wishes: total,
        truncated,
      },
    }),
  )
  return { bytes, orgName: org.name }
}
