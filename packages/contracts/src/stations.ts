import { z } from 'zod'
import {
  EnteredDateSchema,
  IdSchema,
  isEnteredYear,
  queryNumber,
  queryNumberOr,
  PageQuerySchema,
  TimestampSchema,
  pageOf,
} from './common'
import { MobileSchema } from './members'
import { ImageUrlSchema } from './uploads'

/**
 * Outdoor-worker stations (户外劳动者服务站点 / 爱心驿站 / 筑友驿站): directory, nearest-open
 * search, live occupancy by QR check-in. Locations cross the API in WGS-84 unless a request
 * names another system (GCJ-02 for Amap/Tencent, BD-09 for Baidu).
 */

export const STATION_KINDS = [
  'construction_site', // 工地驿站 (筑友驿站)
  'union_love_station', // 工会爱心驿站
  'partner_shop', // 合作商户 (银行网点、便利店…)
  'sanitation', // 环卫工人休息点
  'courier', // 快递外卖小哥驿站
  'community', // 社区服务站
  'other',
] as const
export const StationKindSchema = z.enum(STATION_KINDS)
export type StationKind = z.infer<typeof StationKindSchema>

/** Same codes, same order as the server's amenity bits (apps/server/.../domain/amenities.ts). */
export const AMENITY_CODES = [
  'drinking_water',
  'microwave',
  'fridge',
  'tv',
  'wifi',
  'phone_charging',
  'umbrella',
  'locker',
  'books',
  'toilet',
  'first_aid',
  'seating',
  'air_conditioning',
  'heating',
  'repair_kit',
  'sewing_kit',
  'ebike_charging',
  'washbasin',
] as const
export const AmenityCodeSchema = z.enum(AMENITY_CODES)
export type AmenityCodeValue = z.infer<typeof AmenityCodeSchema>

export const ZONE_KINDS = [
  'party_service',
  'convenience',
  'medical',
  'activity',
  'reading',
] as const
export const ZoneKindSchema = z.enum(ZONE_KINDS)
export type ZoneKind = z.infer<typeof ZoneKindSchema>

export const STATION_SERVICE_KINDS = [
  'labour_protection_advice', // 劳动保护咨询
  'ticket_booking', // 购票帮助
  'internet_class', // 网络课堂
  'health_consultation', // 健康咨询 / 义诊
  'legal_aid', // 法律援助
  'other',
] as const
export const StationServiceKindSchema = z.enum(STATION_SERVICE_KINDS)

export const COORD_SYSTEMS = ['wgs84', 'gcj02', 'bd09'] as const
export const CoordSystemSchema = z.enum(COORD_SYSTEMS)
export type CoordSystemValue = z.infer<typeof CoordSystemSchema>

// Ranges are checked again by the server's domain code, which also explains problems with
// paths; the contract keeps the shape (numbers, not strings) so a form can validate early.
export const LatitudeSchema = z.number().min(-90).max(90)
export const LongitudeSchema = z.number().min(-180).max(180)

const HhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be HH:MM')
const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .refine(isEnteredYear, { message: 'DATE_OUT_OF_RANGE' })
/**
 * A range of local time. `overnight: true` says it closes the next day (22:00–06:00); without
 * it the end must be after the start, so a typo like 17:00–08:00 is refused, not read as a
 * night (ADR 0026).
 */
export const TimeRangeSchema = z
  .object({ start: HhMm, end: HhMm, overnight: z.boolean().optional() })
  .strict()
export const WeeklyPeriodSchema = TimeRangeSchema.extend({
  day: z.number().int().min(1).max(7),
}).strict()
export const DateExceptionSchema = z.union([
  z.object({ date: LocalDate, closed: z.literal(true) }).strict(),
  z
    .object({
      date: LocalDate,
      closed: z.literal(false).optional(),
      hours: z.array(TimeRangeSchema).max(6),
    })
    .strict(),
])

/**
 * Opening schedule (see the server's domain/schedule.ts for the rules: overnight periods,
 * holidays and 调休). Overlaps, zero-length periods and ends before the start (without
 * `overnight`) are reported by the server with paths.
 */
export const StationScheduleSchema = z
  .object({
    alwaysOpen: z.boolean().optional(),
    weekly: z.array(WeeklyPeriodSchema).max(42),
    holidayHours: z.array(TimeRangeSchema).max(6).nullable().optional(),
    makeUpWorkdayAs: z.number().int().min(1).max(7).optional(),
    exceptions: z.array(DateExceptionSchema).max(100).optional(),
  })
  .strict()
export type StationSchedule = z.infer<typeof StationScheduleSchema>

export const StationZoneSchema = z
  .object({ kind: ZoneKindSchema, note: z.string().trim().max(200).optional() })
  .strict()
export type StationZone = z.infer<typeof StationZoneSchema>

export const StationServiceSchema = z
  .object({
    kind: StationServiceKindSchema,
    title: z.string().trim().min(1).max(100),
    /**
     * Dates it is offered on (health consultations, classes); empty = ongoing. Real calendar
     * dates (no 2026-02-30): they are published as HSDS schedules in the open data.
     */
    dates: z.array(EnteredDateSchema).max(60).default([]),
    note: z.string().trim().max(300).optional(),
  })
  .strict()
export type StationService = z.infer<typeof StationServiceSchema>

/**
 * A duty phone (值班电话) as people type it, made canonical: spaces and invisible format
 * characters dropped, full-width digits and dashes made plain, "（0931）" and "转801" read as
 * the area code and the extension, a +86 country code dropped. A landline becomes 0931-8123456 or 0931-8123456-801 (the
 * area code is 3 digits for 010 and 02X, else 4, so 09318123456 splits too), a 400/800 number
 * 400-123-4567, a mobile its 11 digits. Anything else is returned as it was (after the plain
 * steps), and fails `isDutyPhone`.
 */
export const normaliseDutyPhone = (text: string): string => {
  const plain = text
    .replace(/\p{Cf}/gu, '')
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[－—–]/g, '-')
    .replace(/\s+/g, '')
    .replace(/^[（(](0\d{2,3})[）)]-?/, '$1-')
    .replace(/转(?=\d+$)/, '-')
  // +86 (or 0086) in front, as open-data files write numbers: a landline's area code then
  // lacks its leading 0.
  const intl = /^(?:\+|＋|00)86-?(\d[\d-]*)$/.exec(plain)
  if (intl) {
    const rest = intl[1]!
    const national = /^(?:1[3-9]|[48]00)/.test(rest.replace(/-/g, '')) ? rest : `0${rest}`
    if (national !== plain) return normaliseDutyPhone(national)
  }
  const digits = plain.replace(/-/g, '')
  if (/^1[3-9]\d{9}$/.test(digits)) return digits
  if (/^[48]00\d{7}$/.test(digits))
    return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`
  const landline = /^(010|02\d|0[3-9]\d{2})-?([2-9]\d{6,7})(?:-(\d{1,6}))?$/.exec(plain)
  if (landline) {
    const [, area, number, ext] = landline
    return `${area}-${number}${ext ? `-${ext}` : ''}`
  }
  return plain
}

/** The canonical duty phone forms (normaliseDutyPhone's answers). */
export const DUTY_PHONE_PATTERN =
  /^(?:1[3-9]\d{9}|[48]00-\d{3}-\d{4}|(?:010|02\d|0[3-9]\d{2})-[2-9]\d{6,7}(?:-\d{1,6})?)$/

export const isDutyPhone = (text: string) => DUTY_PHONE_PATTERN.test(text)

/**
 * The number a station publishes for workers to call (值班电话): a landline with its area code
 * (and extension), a 400/800 number or a mobile. Stored and answered canonical. Unlike the
 * person in charge's mobile it is public: shown in full on the station page and in open data.
 * A value of another shape is refused with the code STATION_DUTY_PHONE_INVALID.
 */
export const DutyPhoneSchema = z
  .string()
  .overwrite(normaliseDutyPhone)
  .refine(isDutyPhone, { message: 'STATION_DUTY_PHONE_INVALID' })

export const STATION_STATUSES = ['active', 'closed'] as const
export const StationStatusSchema = z.enum(STATION_STATUSES)

const StationFieldsSchema = z.object({
  orgId: IdSchema,
  name: z.string().trim().min(1).max(100),
  kind: StationKindSchema,
  address: z.string().trim().min(1).max(200),
  lat: LatitudeSchema,
  lng: LongitudeSchema,
  /** The system `lat`/`lng` are given in; stored as WGS-84. */
  coordSystem: CoordSystemSchema.default('wgs84'),
  schedule: StationScheduleSchema,
  capacity: z.number().int().min(1).max(10_000),
  amenities: z.array(AmenityCodeSchema).max(AMENITY_CODES.length).default([]),
  zones: z.array(StationZoneSchema).max(ZONE_KINDS.length).default([]),
  contactName: z.string().trim().min(1).max(50),
  /** The person in charge's mobile: encrypted at rest, masked in lists and public pages. */
  contactMobile: MobileSchema,
  /** The public duty phone (值班电话); null or absent for none. */
  dutyPhone: DutyPhoneSchema.nullable().optional(),
  photos: z.array(ImageUrlSchema).max(9).default([]),
  services: z.array(StationServiceSchema).max(30).default([]),
  description: z.string().trim().max(2000).default(''),
})

export const CreateStationBodySchema = StationFieldsSchema.strict()
export type CreateStationBody = z.input<typeof CreateStationBodySchema>

/**
 * Every field optional; the location needs lat and lng together. Without the create defaults:
 * zod fills a default in for a missing key even under .partial(), so a PATCH of the capacity
 * alone arrived with empty amenities, zones, photos and services and wiped them.
 */
export const UpdateStationBodySchema = StationFieldsSchema.omit({ orgId: true })
  .partial()
  .extend({
    coordSystem: CoordSystemSchema.optional(),
    amenities: z.array(AmenityCodeSchema).max(AMENITY_CODES.length).optional(),
    zones: z.array(StationZoneSchema).max(ZONE_KINDS.length).optional(),
    photos: z.array(ImageUrlSchema).max(9).optional(),
    services: z.array(StationServiceSchema).max(30).optional(),
    description: z.string().trim().max(2000).optional(),
  })
  .strict()
  .refine((b) => (b.lat === undefined) === (b.lng === undefined), {
    message: 'lat and lng are changed together',
    path: ['lat'],
  })
export type UpdateStationBody = z.input<typeof UpdateStationBodySchema>

export const CloseStationBodySchema = z
  .object({ reason: z.string().trim().min(1).max(200) })
  .strict()

export const OccupancySchema = z.object({
  count: z.number().int(),
  capacity: z.number().int(),
  /** Time of the last check-in or check-out; null when nobody has checked in yet. */
  updatedAt: TimestampSchema.nullable(),
  /** True when updatedAt is older than the staleness window: the figure may be out of date. */
  stale: z.boolean(),
})
export type Occupancy = z.infer<typeof OccupancySchema>

/** Staff view of a station. */
export const StationSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  orgName: z.string(),
  name: z.string(),
  kind: StationKindSchema,
  status: StationStatusSchema,
  closedReason: z.string().nullable(),
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
  schedule: StationScheduleSchema,
  capacity: z.number().int(),
  amenities: z.array(AmenityCodeSchema),
  zones: z.array(StationZoneSchema),
  contactName: z.string(),
  contactMobileMasked: z.string(),
  /** The public duty phone, canonical (0931-8123456-801); null when the station has none. */
  dutyPhone: z.string().nullable(),
  photos: z.array(z.string()),
  services: z.array(StationServiceSchema),
  description: z.string(),
  openNow: z.boolean(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
})
export type Station = z.infer<typeof StationSchema>

export const StationListItemSchema = StationSchema.pick({
  id: true,
  orgId: true,
  orgName: true,
  name: true,
  kind: true,
  status: true,
  address: true,
  lat: true,
  lng: true,
  capacity: true,
  amenities: true,
  contactName: true,
  contactMobileMasked: true,
  openNow: true,
  updatedAt: true,
}).extend({
  alwaysOpen: z.boolean(),
  /** Check-ins in the window of the list's check-in `metric` (today or this week); else absent. */
  checkIns: z.number().int().optional(),
})
export type StationListItem = z.infer<typeof StationListItemSchema>
export const StationPageSchema = pageOf(StationListItemSchema)

/**
 * The stations behind a roll-up count of GET /stations/stats (the overview map of each count):
 * open now and 24-hour as the in-memory directory holds them (active stations), and those with
 * check-ins today or this week (Asia/Shanghai day, ISO week), counted the way the roll-up is.
 */
export const STATION_METRICS = [
  'open_now',
  'always_open',
  'checked_in_today',
  'checked_in_week',
] as const
export const StationMetricSchema = z.enum(STATION_METRICS)
export type StationMetric = z.infer<typeof StationMetricSchema>

/** Staff list: org subtree, name/address search, kind, status, amenity and roll-up filters. */
export const StationListQuerySchema = PageQuerySchema.extend({
  orgId: IdSchema.optional(),
  kind: StationKindSchema.optional(),
  status: StationStatusSchema.optional(),
  /** Comma-separated amenity codes every station must offer. */
  amenities: z.string().max(400).optional(),
  /**
   * Only the stations behind one roll-up count. With a check-in metric each item carries
   * `checkIns` and the busiest come first.
   */
  metric: StationMetricSchema.optional(),
}).strict()

export const StationContactSchema = z.object({
  contactName: z.string(),
  contactMobile: z.string(),
})

// ---- public finding ----

/** Public view: no staff-only fields; the contact mobile is masked, the duty phone is public. */
export const PublicStationSchema = z.object({
  id: IdSchema,
  orgName: z.string(),
  name: z.string(),
  kind: StationKindSchema,
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
  capacity: z.number().int(),
  amenities: z.array(AmenityCodeSchema),
  zones: z.array(StationZoneSchema),
  schedule: StationScheduleSchema,
  alwaysOpen: z.boolean(),
  openNow: z.boolean(),
  /** When it next opens or closes within 14 days; null when it does not change. */
  nextChange: z.object({ at: TimestampSchema, open: z.boolean() }).nullable(),
  contactName: z.string(),
  contactMobileMasked: z.string(),
  /** A number the station publishes for workers to call (canonical); null when none. */
  dutyPhone: z.string().nullable(),
  photos: z.array(z.string()),
  services: z.array(StationServiceSchema),
  description: z.string(),
  occupancy: OccupancySchema,
})
export type PublicStation = z.infer<typeof PublicStationSchema>

export const NearestQuerySchema = z
  .object({
    lat: queryNumber(z.number()),
    lng: queryNumber(z.number()),
    coordSystem: CoordSystemSchema.default('wgs84'),
    k: queryNumberOr(z.number().int().min(1).max(50), 5),
    openNow: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    /** Comma-separated amenity codes. */
    amenities: z.string().max(400).optional(),
    /** Chinese text: amenity words ("能热饭"), "24小时", or part of a name or address. */
    q: z.string().trim().max(50).optional(),
    /** Only stations within this distance (metres). */
    maxDistanceM: queryNumber(z.number().int().min(100).max(3_000_000)).optional(),
  })
  .strict()
export type NearestQuery = z.input<typeof NearestQuerySchema>

export const NearestHitSchema = z.object({
  id: IdSchema,
  name: z.string(),
  kind: StationKindSchema,
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
  distanceM: z.number().int(),
  amenities: z.array(AmenityCodeSchema),
  alwaysOpen: z.boolean(),
  openNow: z.boolean(),
  capacity: z.number().int(),
})
export type NearestHit = z.infer<typeof NearestHitSchema>
export const NearestResultSchema = z.object({
  items: z.array(NearestHitSchema),
  /** How the text query was read, so the page can show "能热饭 → microwave". */
  understood: z.object({
    amenities: z.array(AmenityCodeSchema),
    alwaysOpen: z.boolean(),
    text: z.string().nullable(),
  }),
})
export type NearestResult = z.infer<typeof NearestResultSchema>

/** Places found in the directory's addresses and names ("坂田", "人民路"), to search around. */
export const PlaceQuerySchema = z
  .object({
    q: z.string().trim().min(1).max(50),
    coordSystem: CoordSystemSchema.default('wgs84'),
  })
  .strict()
export const PlaceSchema = z.object({
  /** The address up to the end of the place name ("深圳市龙岗区坂田街道"), or a station's name. */
  label: z.string(),
  /** The middle of its stations, in the requested coordinate system. */
  lat: z.number(),
  lng: z.number(),
  /** How many stations it has. */
  stations: z.number().int(),
})
export type Place = z.infer<typeof PlaceSchema>
export const PlaceResultSchema = z.object({
  items: z.array(PlaceSchema),
  /** The place words that were looked up; null when q held only needs ("能热饭"). */
  text: z.string().nullable(),
  /** The needs in q, to keep as the search once a place is picked; null when none. */
  needs: z.string().nullable(),
})
export type PlaceResult = z.infer<typeof PlaceResultSchema>

/** Map clusters for a bounding box and zoom (the whole-country view is zoom 3–5). */
export const ClusterQuerySchema = z
  .object({
    west: queryNumber(z.number().min(-180).max(180)),
    south: queryNumber(z.number().min(-90).max(90)),
    east: queryNumber(z.number().min(-180).max(180)),
    north: queryNumber(z.number().min(-90).max(90)),
    zoom: queryNumber(z.number().int().min(0).max(20)),
    /** Only the stations of this org's subtree (an org's own map). */
    orgId: IdSchema.optional(),
  })
  .strict()
export const ClusterFeatureSchema = z.object({
  lat: z.number(),
  lng: z.number(),
  /** 1 for a single station (then `id` and `name` are set). */
  count: z.number().int(),
  id: IdSchema.nullable(),
  name: z.string().nullable(),
  /** Zoom at which a cluster splits; null for a single station. */
  expansionZoom: z.number().int().nullable(),
})
export const ClusterResultSchema = z.object({ items: z.array(ClusterFeatureSchema) })

// ---- check-in ----

export const CheckInBodySchema = z
  .object({
    /** A random id the phone keeps in local storage; no account is needed. */
    deviceId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'must be 16–64 URL-safe characters'),
    /** The code in the door poster's QR link (`?c=`); a wrong or old one gets 403. */
    code: z.string().min(1).max(32),
  })
  .strict()
/** Check-out needs only the phone's id: it can end nothing but this phone's own visit. */
export const CheckOutBodySchema = CheckInBodySchema.pick({ deviceId: true }).strict()
/** The station's current check-in code, for its door poster (staff with station:manage). */
export const StationCheckInCodeSchema = z.object({
  code: z.string(),
  /** 1 for a station's first code; each rotation adds one and stops the posters printed before. */
  generation: z.number().int(),
})
export type StationCheckInCode = z.infer<typeof StationCheckInCodeSchema>
export const CheckInResultSchema = z.object({
  /** False when this device was already checked in (a repeated scan in the same visit). */
  created: z.boolean(),
  checkedInAt: TimestampSchema,
  expiresAt: TimestampSchema,
  occupancy: OccupancySchema,
})
export type CheckInResult = z.infer<typeof CheckInResultSchema>
export const CheckOutResultSchema = z.object({ occupancy: OccupancySchema })

// ---- roll-ups ----

export const StationStatsQuerySchema = z.object({ orgId: IdSchema.optional() }).strict()
export const StationStatsRowSchema = z.object({
  orgId: IdSchema,
  orgName: z.string(),
  stations: z.number().int(),
  openNow: z.number().int(),
  alwaysOpen: z.number().int(),
  checkInsToday: z.number().int(),
  checkInsThisWeek: z.number().int(),
})
export const StationStatsSchema = z.object({
  /** The org asked for, totals over its whole subtree. */
  total: StationStatsRowSchema,
  /** Its direct children, each with its subtree's totals. */
  children: z.array(StationStatsRowSchema),
  /** Check-ins per local day over the last 14 days (Asia/Shanghai). */
  checkInsByDay: z.array(z.object({ date: z.string(), count: z.number().int() })),
})
export type StationStats = z.infer<typeof StationStatsSchema>

// ---- the public-holiday calendar ----

/**
 * The schedule editor warns when the holiday calendar ends within this many days: the State
 * Council publishes next year's notice in November, so a month leaves time to add it.
 */
export const HOLIDAY_CALENDAR_NOTICE_DAYS = 30

/**
 * How far the public-holiday calendar (放假调休) reaches, built in plus years an operator added
 * from HOLIDAYS_FILE. After `endsOn` every day of station hours counts as an ordinary day.
 */
export const HolidayCalendarReachSchema = z.object({
  /** The last local date (Asia/Shanghai) the calendar knows, every year up to it included. */
  endsOn: z.iso.date(),
  /** The year whose notice is missing: the one after endsOn. */
  missingYear: z.number().int(),
  /** Days from today (Asia/Shanghai) to endsOn: 0 on its last day, negative once it has ended. */
  daysLeft: z.number().int(),
})
export type HolidayCalendarReach = z.infer<typeof HolidayCalendarReachSchema>

export const StationImportResultSchema = z.object({
  created: z.number().int(),
  /** Rows that matched an active station of the same org, name and address, which they updated. */
  updated: z.number().int(),
  errors: z.array(
    z.object({
      /** The spreadsheet line, or the position in an HSDS file's locations (from 1). */
      row: z.number().int(),
      /** The body path (lat, schedule.weekly.1); for HSDS files the field of the location. */
      path: z.string(),
      /** Stable problem code (REQUIRED, MOBILE_MASKED, PERIOD_OVERLAP…), worded with `params`. */
      code: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      /** The problem in Chinese, in the words of the sheet. */
      message: z.string(),
      /** Spreadsheet imports: the column, named as the file's header row names it ("纬度*"). */
      column: z.string().optional(),
    }),
  ),
})
