import type { PoliticalStatus, ShiftRole } from '@unionhall/contracts'
import type { Ctx } from '../core/access'
import { createMember } from '../core/members'
import { createShift } from '../modules/stations'
import type { FieldCrypto } from '../platform/crypto/field-crypto'
import type { Db } from '../platform/db/create-db'

/**
 * A realistic two-week duty roster for 筑友驿站 (open 07:00–22:00 every day): a staff member
 * on the morning shift, a party-member volunteer in the afternoon, a second volunteer at
 * weekend midday, and a few gaps for the coverage view to show (an empty afternoon, a late
 * start, a whole day nobody took). Deterministic relative to ctx.now.
 */

/**
 * The people on the roster; created at the station's org unless the caller names members. The
 * three volunteers are recorded as party members: a party-volunteer shift needs it (ADR 0033).
 */
const PEOPLE: Array<{ name: string; mobile: string; politicalStatus: PoliticalStatus }> = [
  { name: '王海军', mobile: '13620750001', politicalStatus: 'masses' },
  { name: '刘春梅', mobile: '13620750002', politicalStatus: 'cyl_member' },
  { name: '张志强', mobile: '13620750003', politicalStatus: 'cpc_member' },
  { name: '赵红英', mobile: '13620750004', politicalStatus: 'cpc_probationary_member' },
  { name: '周卫东', mobile: '13620750005', politicalStatus: 'cpc_member' },
]

const DAY_MS = 86_400_000
const SHANGHAI_OFFSET_MS = 8 * 3_600_000

/** UTC ISO of a Shanghai local time: `day` days after today, at "HH:MM". */
const at = (now: Date, day: number, hhmm: string) => {
  const today = Math.floor((now.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS)
  const [h, m] = hhmm.split(':').map(Number) as [number, number]
  return new Date((today + day) * DAY_MS + (h * 60 + m) * 60_000 - SHANGHAI_OFFSET_MS).toISOString()
}

/**
 * @param memberIds two staff then three volunteers, all members of the station's org subtree,
 *   the volunteers recorded as party members;
 *   when absent, five demo people are created at `orgId`.
 * @returns the number of shifts created
 */
export const seedDemoShifts = async (
  db: Db,
  crypto: FieldCrypto,
  ctx: Ctx,
  input: { stationId: string; orgId: string; memberIds?: string[] },
): Promise<number> => {
  let ids = input.memberIds
  if (!ids) {
    // One after another: each member is its own transaction on the one connection.
    ids = []
    for (const p of PEOPLE) {
      ids.push((await createMember({ db, crypto }, ctx, { ...p, orgId: input.orgId })).id)
    }
  }
  if (ids.length < 5) throw new Error('seedDemoShifts needs five members')
  const [staffA, staffB, ...volunteers] = ids as [string, string, ...string[]]
  const shifts: Array<{
    memberId: string
    role: ShiftRole
    from: [number, string]
    to: [number, string]
    note?: string
  }> = []
  for (let d = 0; d < 14; d++) {
    // Day 12: nobody signed up at all.
    if (d === 12) continue
    const weekday = new Date(at(ctx.now, d, '12:00')).getUTCDay()
    shifts.push({
      memberId: d % 2 === 0 ? staffA : staffB,
      role: 'staff',
      // Day 8: the morning person comes late, 07:00–09:00 is uncovered.
      from: [d, d === 8 ? '09:00' : '07:00'],
      to: [d, '14:30'],
      note: d === 0 ? '开门检查饮水机、微波炉' : undefined,
    })
    // Day 3: the afternoon volunteer cancelled.
    if (d !== 3) {
      shifts.push({
        memberId: volunteers[d % 3]!,
        role: 'party_volunteer',
        from: [d, '14:30'],
        to: [d, '22:00'],
        note: d % 7 === 1 ? '收集工友微心愿' : undefined,
      })
    }
    // Weekends are busy at lunch: a second volunteer.
    if (weekday === 0 || weekday === 6) {
      shifts.push({
        memberId: volunteers[(d + 1) % 3]!,
        role: 'party_volunteer',
        from: [d, '10:00'],
        to: [d, '14:00'],
        note: '午间高峰协助',
      })
    }
  }
  for (const s of shifts) {
    await createShift(db, ctx, input.stationId, {
      memberId: s.memberId,
      role: s.role,
      startsAt: at(ctx.now, s.from[0], s.from[1]),
      endsAt: at(ctx.now, s.to[0], s.to[1]),
      note: s.note ?? '',
    })
  }
  return shifts.length
}
