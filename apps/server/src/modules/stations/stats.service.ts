import type { StationMetric, StationStats } from '@unionhall/contracts'
import { type Ctx, requireAt, scopePaths } from '../../core/access'
import { listChildOrgs, loadOrg } from '../../core/orgs'
import type { Db } from '../../platform/db/create-db'
import { commonErrors } from '../../platform/errors/app-error'
import { directoryOf } from './directory/directory.service'
import type { DirectoryEntry, StationDirectory } from './directory/station-directory'
import { shanghaiDate } from './domain/schedule'
import * as repo from './stations.repository'

const DAY_MS = 86_400_000
const SHANGHAI_OFFSET_MS = 8 * 3_600_000
const BY_DAY_DAYS = 14

/** Start of the Asia/Shanghai day containing t, as a UTC instant. */
const localDayStart = (t: number) =>
  Math.floor((t + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS

/**
 * The check-in windows of the roll-ups at an instant (UTC ms): the Asia/Shanghai day and the
 * ISO week (Monday 00:00, Asia/Shanghai) containing it. The overview map's check-in filters
 * use these too, so a station list and a roll-up count the same check-ins.
 */
export const rollUpWindows = (now: number) => {
  const todayStart = localDayStart(now)
  const localWeekday = new Date(now + SHANGHAI_OFFSET_MS).getUTCDay() || 7
  return { todayStart, weekStart: todayStart - (localWeekday - 1) * DAY_MS }
}

export type DirectoryMetric = Extract<StationMetric, 'open_now' | 'always_open'>
export type CheckInMetric = Extract<StationMetric, 'checked_in_today' | 'checked_in_week'>

export const isDirectoryMetric = (m: StationMetric): m is DirectoryMetric =>
  m === 'open_now' || m === 'always_open'

/** Where a check-in metric's window starts (UTC ms); check-ins from then on count. */
export const checkInWindowStart = (metric: CheckInMetric, now: number) => {
  const w = rollUpWindows(now)
  return metric === 'checked_in_today' ? w.todayStart : w.weekStart
}

/**
 * Whether a station of the directory counts toward the open-now or 24-hour roll-up; the one
 * definition behind both the counts and the overview map's stations.
 */
export const countsToward = (
  directory: StationDirectory,
  entry: DirectoryEntry,
  metric: DirectoryMetric,
  now: number,
) => (metric === 'open_now' ? directory.isOpen(entry, now) : entry.alwaysOpen)

/**
 * Roll-ups of an org's subtree: stations, open now and 24-hour from the in-memory directory
 * (active stations only), check-ins from the table grouped by org and hour. "This week" is
 * the ISO week (Monday 00:00, Asia/Shanghai) containing now.
 */
export const stationStats = async (
  db: Db,
  ctx: Ctx,
  orgId: string | undefined,
): Promise<StationStats> => {
  let root
  if (orgId) root = await loadOrg(db, orgId)
  else {
    const paths = scopePaths(ctx, 'station:read')
    if (paths.length === 0) throw commonErrors.forbidden()
    // The first (outermost) subtree the actor may read; the page lets them pick another.
    const id = paths[0]!.split('/').filter(Boolean).pop()!
    root = await loadOrg(db, id)
  }
  requireAt(ctx, 'station:read', root.path)
  const children = await listChildOrgs(db, root.id)
  const childPaths = children.map((c) => `${root.path}${c.id}/`)
  const now = ctx.now.getTime()
  const { todayStart, weekStart } = rollUpWindows(now)
  const byDayStart = todayStart - (BY_DAY_DAYS - 1) * DAY_MS
  const since = Math.min(weekStart, byDayStart)

  const [directory, hours] = await Promise.all([
    directoryOf(db),
    repo.checkInsByOrgHour(db, [root.path], new Date(since).toISOString()),
  ])
  const entries = directory.inSubtrees([root.path])

  type Row = StationStats['total']
  const blank = (id: string, name: string): Row => ({
    orgId: id,
    orgName: name,
    stations: 0,
    openNow: 0,
    alwaysOpen: 0,
    checkInsToday: 0,
    checkInsThisWeek: 0,
  })
  const total = blank(root.id, root.name)
  const rows = children.map((c) => blank(c.id, c.name))
  const rowOf = (path: string) => {
    const i = childPaths.findIndex((p) => path.startsWith(p))
    return i >= 0 ? rows[i] : undefined
  }
  for (const e of entries) {
    const open = countsToward(directory, e, 'open_now', now)
    const alwaysOpen = countsToward(directory, e, 'always_open', now)
    for (const r of [total, rowOf(e.orgPath)]) {
      if (!r) continue
      r.stations++
      if (open) r.openNow++
      if (alwaysOpen) r.alwaysOpen++
    }
  }
  const byDay = new Map<string, number>()
  for (let d = 0; d < BY_DAY_DAYS; d++) byDay.set(shanghaiDate(byDayStart + d * DAY_MS), 0)
  for (const h of hours) {
    const t = Date.parse(`${h.hour}:00:00.000Z`)
    const date = shanghaiDate(t)
    if (byDay.has(date)) byDay.set(date, byDay.get(date)! + h.n)
    for (const r of [total, rowOf(h.orgPath)]) {
      if (!r) continue
      if (t >= todayStart) r.checkInsToday += h.n
      if (t >= weekStart) r.checkInsThisWeek += h.n
    }
  }
  return {
    total,
    children: rows,
    checkInsByDay: [...byDay].map(([date, count]) => ({ date, count })),
  }
}
