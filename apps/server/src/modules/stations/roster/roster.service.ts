import { randomBytes } from 'node:crypto'
import {
  type Coverage,
  type CreateShiftBody,
  CreateShiftBodySchema,
  type MyShift,
  SHIFT_LIST_MAX_DAYS,
  SHIFT_MAX_HOURS,
  type Shift,
  type ShiftFeedUrl,
  type ShiftList,
  type ShiftListQuery,
  type ShiftRole,
  type UpdateShiftBody,
} from '@unionhall/contracts'
import { uuidv7 } from 'uuidv7'
import { type Actor, canAt, type Ctx, requireActor } from '../../../core/access'
import { recordAudit } from '../../../core/audit'
import { findMemberById, isPartyMember } from '../../../core/members'
import type { Db } from '../../../platform/db/create-db'
import { withTransaction } from '../../../platform/db/transaction'
import { cnHolidayCalendar, cnHolidayCalendarEndsOn } from '../domain/cn-holidays'
import { openIntervals, type Schedule, shanghaiDate } from '../domain/schedule'
import { stationErrors } from '../stations.errors'
import { loadStationFor } from '../stations.service'
import { computeCoverage } from './coverage'
import { feedTokenFor, INITIAL_NONCE, isCurrentNonce, verifyFeedToken } from './feed-token'
import { buildCalendar } from './ical'
import { rosterErrors } from './roster.errors'
import * as repo from './roster.repository'
import type { ShiftWithMember } from './roster.repository'

type Deps = { db: Db; secret: string }

const MINUTE_MS = 60_000
const HOUR_MS = 3_600_000
const DAY_MS = 86_400_000
/** How far back a shift may start, and how long a begun shift stays editable. */
const PAST_GRACE_MS = DAY_MS
/** What a feed holds: recent history for context, and the roster ahead. */
const FEED_PAST_MS = 30 * DAY_MS
const FEED_AHEAD_MS = 180 * DAY_MS

const iso = (ms: number) => new Date(ms).toISOString()

const toShift = (r: ShiftWithMember): Shift => ({
  id: r.id,
  stationId: r.station_id,
  memberId: r.member_id,
  memberName: r.member_name,
  role: r.role,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  note: r.note,
  createdAt: r.created_at,
})

/** Shift times as stored (ISO with milliseconds, so text order is time order), validated. */
const checkedTimes = (now: Date, startsAt: string, endsAt: string) => {
  const start = Date.parse(startsAt)
  const end = Date.parse(endsAt)
  if (end <= start) throw rosterErrors.endsBeforeStart()
  if (end - start > SHIFT_MAX_HOURS * HOUR_MS) throw rosterErrors.tooLong(SHIFT_MAX_HOURS)
  if (start < now.getTime() - PAST_GRACE_MS) throw rosterErrors.inPast()
  return { startIso: iso(start), endIso: iso(end) }
}

/** A shift's person must be an active member of the station's org subtree. */
const requireEligibleMember = async (db: Db, memberId: string, stationOrgPath: string) => {
  const member = await findMemberById(db, memberId)
  if (!member || member.status !== 'active' || !member.org_path.startsWith(stationOrgPath)) {
    throw rosterErrors.memberNotEligible()
  }
  return member
}

/**
 * A party-volunteer shift shows the person in the party's red on the roster and counts them as
 * a party member: the member's record, kept by staff, must say so (ADR 0033).
 */
const requirePartyMemberFor = async (db: Db, role: ShiftRole, memberId: string) => {
  if (role === 'party_volunteer' && !(await isPartyMember(db, memberId)))
    throw rosterErrors.memberNotPartyMember()
}

/** Loads a shift of a station (404 when it belongs to another one) with write access. */
const loadShiftForWrite = async (db: Db, ctx: Ctx, stationId: string, shiftId: string) => {
  const station = await loadStationFor(db, ctx, stationId, 'station:manage')
  const shift = await repo.findShift(db, shiftId)
  if (!shift || shift.station_id !== stationId) throw rosterErrors.notFound(shiftId)
  if (Date.parse(shift.starts_at) < ctx.now.getTime() - PAST_GRACE_MS) {
    throw rosterErrors.pastLocked(shiftId)
  }
  return { station, shift }
}

const assertNoOverlap = async (
  trx: Db,
  memberId: string,
  startIso: string,
  endIso: string,
  exceptId: string | null,
) => {
  await repo.lockMemberShifts(trx, memberId)
  const other = await repo.findOverlappingShift(trx, memberId, startIso, endIso, exceptId)
  // The other shift may be at a station the actor cannot see: name only its times.
  if (other) throw rosterErrors.overlap({ startsAt: other.starts_at, endsAt: other.ends_at })
}

const auditFields = (s: {
  member_id: string
  role: ShiftRole
  starts_at: string
  ends_at: string
  note: string
}) => ({
  memberId: s.member_id,
  role: s.role,
  startsAt: s.starts_at,
  endsAt: s.ends_at,
  note: s.note,
})

/** The window of a roster read: from now for 14 days unless given, at most 62 days. */
const windowOf = (now: Date, query: ShiftListQuery) => {
  const from = query.from ? Date.parse(query.from) : now.getTime()
  const to = query.to ? Date.parse(query.to) : from + 14 * DAY_MS
  if (to <= from || to - from > SHIFT_LIST_MAX_DAYS * DAY_MS) {
    throw rosterErrors.windowInvalid(SHIFT_LIST_MAX_DAYS)
  }
  return { fromIso: iso(from), toIso: iso(to) }
}

export const listShifts = async (
  db: Db,
  ctx: Ctx,
  stationId: string,
  query: ShiftListQuery,
): Promise<ShiftList> => {
  await loadStationFor(db, ctx, stationId, 'station:read')
  const { fromIso, toIso } = windowOf(ctx.now, query)
  const rows = await repo.listStationShifts(db, stationId, fromIso, toIso)
  return { from: fromIso, to: toIso, items: rows.map(toShift) }
}

/** @throws SHIFT_* (400, 409 SHIFT_OVERLAP), STATION_CLOSED */
export const createShift = async (
  db: Db,
  ctx: Ctx,
  stationId: string,
  input: CreateShiftBody,
): Promise<Shift> => {
  const body = CreateShiftBodySchema.parse(input)
  const station = await loadStationFor(db, ctx, stationId, 'station:manage')
  if (station.status === 'closed') throw stationErrors.closed(stationId)
  const { startIso, endIso } = checkedTimes(ctx.now, body.startsAt, body.endsAt)
  const member = await requireEligibleMember(db, body.memberId, station.org_path)
  await requirePartyMemberFor(db, body.role, member.id)
  const now = ctx.now.toISOString()
  const row = {
    id: uuidv7(),
    station_id: stationId,
    member_id: member.id,
    role: body.role,
    starts_at: startIso,
    ends_at: endIso,
    note: body.note,
    created_at: now,
    created_by: ctx.actor?.memberId ?? null,
    updated_at: now,
  }
  await withTransaction(db, async (trx) => {
    await assertNoOverlap(trx, member.id, startIso, endIso, null)
    await repo.insertShift(trx, row)
    await recordAudit(trx, ctx, {
      action: 'station.shift.create',
      targetType: 'station_shift',
      targetId: row.id,
      orgId: station.org_id,
      summary: { stationId, after: auditFields(row) },
    })
  })
  return toShift((await repo.findShift(db, row.id))!)
}

/** Moves, reassigns or re-notes a shift; the same rules as a new one. */
export const updateShift = async (
  db: Db,
  ctx: Ctx,
  stationId: string,
  shiftId: string,
  patch: UpdateShiftBody,
): Promise<Shift> => {
  const { station, shift } = await loadShiftForWrite(db, ctx, stationId, shiftId)
  if (station.status === 'closed') throw stationErrors.closed(stationId)
  const { startIso, endIso } = checkedTimes(
    ctx.now,
    patch.startsAt ?? shift.starts_at,
    patch.endsAt ?? shift.ends_at,
  )
  const memberId = patch.memberId ?? shift.member_id
  if (patch.memberId !== undefined && patch.memberId !== shift.member_id) {
    await requireEligibleMember(db, patch.memberId, station.org_path)
  }
  const role = patch.role ?? shift.role
  // Only when the person or the role changes: a shift planned before the rule keeps its role
  // through a change of times or note.
  if (memberId !== shift.member_id || role !== shift.role)
    await requirePartyMemberFor(db, role, memberId)
  const fields = {
    member_id: memberId,
    role,
    starts_at: startIso,
    ends_at: endIso,
    note: patch.note ?? shift.note,
  }
  await withTransaction(db, async (trx) => {
    await assertNoOverlap(trx, memberId, startIso, endIso, shiftId)
    await repo.updateShift(trx, shiftId, { ...fields, updated_at: ctx.now.toISOString() })
    await recordAudit(trx, ctx, {
      action: 'station.shift.update',
      targetType: 'station_shift',
      targetId: shiftId,
      orgId: station.org_id,
      summary: { stationId, before: auditFields(shift), after: auditFields(fields) },
    })
  })
  return toShift((await repo.findShift(db, shiftId))!)
}

export const deleteShift = async (db: Db, ctx: Ctx, stationId: string, shiftId: string) => {
  const { station, shift } = await loadShiftForWrite(db, ctx, stationId, shiftId)
  await withTransaction(db, async (trx) => {
    await repo.deleteShift(trx, shiftId)
    await recordAudit(trx, ctx, {
      action: 'station.shift.delete',
      targetType: 'station_shift',
      targetId: shiftId,
      orgId: station.org_id,
      summary: { stationId, before: auditFields(shift) },
    })
  })
  return { ok: true as const }
}

/** Stations are in China: a roster day is a day in Asia/Shanghai (UTC+8 all year). */
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS

/** The instant of the Shanghai midnight that starts the day of `ms`. */
const shanghaiDayStart = (ms: number) =>
  Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS

/**
 * Opening hours of `days` Shanghai days, today (from the current minute) to the end of the
 * last day, against the roster. The console's grid shows those days: a window of `days` × 24 h
 * from now ran into the morning of a day after the grid's last, and listed a gap there that
 * the grid did not show. A closed station has no opening hours, so nothing is left uncovered.
 * Days after the holiday calendar's end are computed as ordinary days; the answer says so, as
 * a gap on a 元旦 the calendar does not know yet would be a gap nobody needs to fill.
 */
export const getCoverage = async (
  db: Db,
  ctx: Ctx,
  stationId: string,
  days: number,
): Promise<Coverage> => {
  const station = await loadStationFor(db, ctx, stationId, 'station:read')
  const from = Math.floor(ctx.now.getTime() / MINUTE_MS) * MINUTE_MS
  const to = shanghaiDayStart(from) + days * DAY_MS
  const open =
    station.status === 'closed'
      ? []
      : openIntervals(JSON.parse(station.schedule) as Schedule, from, to, cnHolidayCalendar).map(
          (iv) => ({ start: iv.start.getTime(), end: iv.end.getTime() }),
        )
  const shifts = await repo.listStationShifts(db, stationId, iso(from), iso(to))
  const endsOn = cnHolidayCalendarEndsOn()
  const r = computeCoverage(
    open,
    shifts.map((s) => ({ start: Date.parse(s.starts_at), end: Date.parse(s.ends_at) })),
  )
  return {
    from: iso(from),
    to: iso(to),
    intervals: r.pieces.map((p) => ({
      start: iso(p.start),
      end: iso(p.end),
      covered: p.staffCount > 0,
      staffCount: p.staffCount,
    })),
    coveredPercent: r.coveredPercent,
    openMinutes: r.openMs / MINUTE_MS,
    coveredMinutes: r.coveredMs / MINUTE_MS,
    uncovered: r.uncovered.map((u) => ({ start: iso(u.start), end: iso(u.end) })),
    holidayCalendarEndsOn: endsOn,
    // The window ends at a Shanghai midnight: its last day is the one before `to`.
    beyondHolidayCalendar: shanghaiDate(to - 1) > endsOn,
  }
}

// ---- my shifts and the calendar feed ----

export const feedPath = (token: string) => `/api/v1/public/shift-feeds/${token}.ics`

const feedUrlOf = (secret: string, memberId: string, nonce: string, origin: string) => {
  const url = `${origin}${feedPath(feedTokenFor(secret, memberId, nonce))}`
  return { url, webcalUrl: url.replace(/^https?:\/\//, 'webcal://') }
}

/** My own feed URL (derived, not stored: nothing is written until I rotate it). */
export const getMyFeedUrl = async (deps: Deps, ctx: Ctx, origin: string): Promise<ShiftFeedUrl> => {
  const actor = requireActor(ctx)
  const feed = await repo.findFeed(deps.db, actor.memberId)
  return {
    ...feedUrlOf(deps.secret, actor.memberId, feed?.nonce ?? INITIAL_NONCE, origin),
    rotatedAt: feed?.rotated_at ?? null,
  }
}

/** Replaces my feed URL: the old one answers 404 from now on (a leaked link is cut off). */
export const rotateMyFeedUrl = async (
  deps: Deps,
  ctx: Ctx,
  origin: string,
): Promise<ShiftFeedUrl> => {
  const actor = requireActor(ctx)
  const nonce = randomBytes(12).toString('base64url')
  const rotatedAt = ctx.now.toISOString()
  await withTransaction(deps.db, async (trx) => {
    await repo.saveFeed(trx, { member_id: actor.memberId, nonce, rotated_at: rotatedAt })
    await recordAudit(trx, ctx, {
      action: 'station.shift-feed.rotate',
      targetType: 'member',
      targetId: actor.memberId,
      orgId: actor.orgId,
    })
  })
  return { ...feedUrlOf(deps.secret, actor.memberId, nonce, origin), rotatedAt }
}

type MemberShiftRow = Awaited<ReturnType<typeof repo.listMemberShifts>>[number]

const toMyShift = (actor: Actor, r: MemberShiftRow): MyShift => ({
  ...toShift(r),
  stationName: r.station_name,
  stationAddress: r.station_address,
  // Anyone may be on a roster (a party-member volunteer from another org); the console's
  // station page answers 403 to those without station:read over the station's org.
  canOpenStation: canAt(actor, 'station:read', r.station_org_path),
})

/** My shifts from yesterday on, for the next 62 days. */
export const listMyShifts = async (db: Db, ctx: Ctx) => {
  const actor = requireActor(ctx)
  const now = ctx.now.getTime()
  const rows = await repo.listMemberShifts(
    db,
    actor.memberId,
    iso(now - DAY_MS),
    iso(now + SHIFT_LIST_MAX_DAYS * DAY_MS),
  )
  return { items: rows.map((r) => toMyShift(actor, r)) }
}

const ROLE_LABEL: Record<ShiftRole, string> = { staff: '值班人员', party_volunteer: '党员志愿者' }

/**
 * The iCalendar text of a feed token, or 404 for any token that is not a member's current one
 * (wrong MAC, rotated, member gone or inactive): a probe learns nothing from the answer.
 */
export const renderFeed = async (deps: Deps, token: string, now: Date): Promise<string> => {
  const parsed = verifyFeedToken(deps.secret, token)
  if (!parsed) throw rosterErrors.feedNotFound()
  const member = await findMemberById(deps.db, parsed.memberId)
  if (!member || member.status !== 'active') throw rosterErrors.feedNotFound()
  const feed = await repo.findFeed(deps.db, member.id)
  if (!isCurrentNonce(parsed.nonce, feed?.nonce ?? INITIAL_NONCE)) throw rosterErrors.feedNotFound()
  const rows = await repo.listMemberShifts(
    deps.db,
    member.id,
    iso(now.getTime() - FEED_PAST_MS),
    iso(now.getTime() + FEED_AHEAD_MS),
  )
  return buildCalendar({
    prodId: '-//UnionHall//Station roster//ZH',
    name: '驿站值班',
    stamp: now,
    events: rows.map((r) => ({
      uid: `${r.id}@shift.unionhall`,
      start: new Date(r.starts_at),
      end: new Date(r.ends_at),
      summary: `${r.station_name} · ${ROLE_LABEL[r.role]}`,
      location: r.station_address,
      geo: { lat: r.station_lat, lng: r.station_lng },
      description: r.note || undefined,
      lastModified: new Date(r.updated_at),
    })),
  })
}
