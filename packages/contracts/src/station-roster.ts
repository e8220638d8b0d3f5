import { z } from 'zod'
import { EnteredInstantSchema, IdSchema, queryNumberOr, TimestampSchema } from './common'

/**
 * The duty roster (值班) of a station: shifts of staff and party-member volunteers, the
 * coverage of the opening hours, and each person's private iCalendar feed.
 */

export const SHIFT_ROLES = ['staff', 'party_volunteer'] as const
export const ShiftRoleSchema = z.enum(SHIFT_ROLES)
export type ShiftRole = z.infer<typeof ShiftRoleSchema>

/** Limits the server enforces; the console shows them in its form. */
export const SHIFT_MAX_HOURS = 24
export const SHIFT_LIST_MAX_DAYS = 62
export const SHIFT_NOTE_MAX = 200

export const ShiftSchema = z.object({
  id: IdSchema,
  stationId: IdSchema,
  memberId: IdSchema,
  memberName: z.string(),
  role: ShiftRoleSchema,
  startsAt: TimestampSchema,
  endsAt: TimestampSchema,
  note: z.string(),
  createdAt: TimestampSchema,
})
export type Shift = z.infer<typeof ShiftSchema>

/** Absent bounds mean "from now, 14 days"; the window may span at most 62 days. */
export const ShiftListQuerySchema = z
  .object({ from: EnteredInstantSchema.optional(), to: EnteredInstantSchema.optional() })
  .strict()
export type ShiftListQuery = z.infer<typeof ShiftListQuerySchema>

export const ShiftListSchema = z.object({
  from: TimestampSchema,
  to: TimestampSchema,
  items: z.array(ShiftSchema),
})
export type ShiftList = z.infer<typeof ShiftListSchema>

const ShiftFieldsSchema = z.object({
  memberId: IdSchema,
  role: ShiftRoleSchema,
  startsAt: EnteredInstantSchema,
  endsAt: EnteredInstantSchema,
  note: z.string().trim().max(SHIFT_NOTE_MAX),
})

export const CreateShiftBodySchema = ShiftFieldsSchema.extend({
  note: ShiftFieldsSchema.shape.note.default(''),
}).strict()
export type CreateShiftBody = z.input<typeof CreateShiftBodySchema>

export const UpdateShiftBodySchema = ShiftFieldsSchema.partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' })
export type UpdateShiftBody = z.infer<typeof UpdateShiftBodySchema>

export const CoverageQuerySchema = z
  .object({ days: queryNumberOr(z.number().int().min(1).max(SHIFT_LIST_MAX_DAYS), 14) })
  .strict()

export const CoverageIntervalSchema = z.object({
  start: TimestampSchema,
  end: TimestampSchema,
  covered: z.boolean(),
  /** People on shift throughout this piece of the opening hours. */
  staffCount: z.number().int(),
})
export type CoverageInterval = z.infer<typeof CoverageIntervalSchema>

export const CoverageSchema = z.object({
  from: TimestampSchema,
  to: TimestampSchema,
  /** The opening hours in [from, to), cut wherever the number of people on shift changes. */
  intervals: z.array(CoverageIntervalSchema),
  /** Share of open minutes with at least one person on shift, 0–100 (100 when never open). */
  coveredPercent: z.number(),
  openMinutes: z.number(),
  coveredMinutes: z.number(),
  /** Open hours nobody covers, merged. */
  uncovered: z.array(z.object({ start: TimestampSchema, end: TimestampSchema })),
  /**
   * The last local date the public-holiday calendar knows; after it holidays and make-up
   * workdays count as ordinary days in the opening hours above.
   */
  holidayCalendarEndsOn: z.iso.date(),
  /** Whether the window has days after holidayCalendarEndsOn, computed without holidays. */
  beyondHolidayCalendar: z.boolean(),
})
export type Coverage = z.infer<typeof CoverageSchema>

/** My private calendar feed: a secret URL a calendar app subscribes to. */
export const ShiftFeedUrlSchema = z.object({
  /** Absolute https?:// URL ending in .ics. */
  url: z.string(),
  /** The same URL with the webcal:// scheme, which calendar apps open as a subscription. */
  webcalUrl: z.string(),
  /** When the link was last replaced; null when never rotated. */
  rotatedAt: TimestampSchema.nullable(),
})
export type ShiftFeedUrl = z.infer<typeof ShiftFeedUrlSchema>

/** One of my own shifts, with where it is. */
export const MyShiftSchema = ShiftSchema.extend({
  stationName: z.string(),
  stationAddress: z.string(),
  /**
   * The member holds station:read over the station's org (a grant at it or above it), so the
   * console's station page opens for them; otherwise only the public station page does.
   */
  canOpenStation: z.boolean(),
})
export type MyShift = z.infer<typeof MyShiftSchema>
export const MyShiftListSchema = z.object({ items: z.array(MyShiftSchema) })
