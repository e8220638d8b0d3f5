import {
  type CoordSystemValue,
  type CreateStationBody,
  CreateStationBodySchema,
  LatitudeSchema,
  LongitudeSchema,
  type Station,
  type StationSchedule,
  type UpdateStationBody,
  UpdateStationBodySchema,
} from '@unionhall/contracts'
import type { TFunction } from 'i18next'
import type { z } from 'zod'
import { type FieldError, translateIssue } from '../../../components/form/zod-form'
import { isApiError } from '../../../lib/api-error'

/**
 * The station form's values and their mapping to the API bodies. The form mirrors the body's
 * shape (schedule.weekly.2.end is a form field too), so the server's VALIDATION_FAILED paths
 * land on the field that caused them.
 */

/** `overnight`: the range closes the next day (the "ends next day" box, ADR 0026). */
export type TimeRow = { start?: string; end?: string; overnight?: boolean }
export type WeeklyRow = TimeRow & { day?: number }
/** A dated exception: closed all day, or special hours. */
export type ExceptionRow = { date?: string; mode?: 'closed' | 'hours'; hours?: TimeRow[] }
export type HolidayMode = 'sunday' | 'closed' | 'custom'
export type ZoneRow = { kind?: string; note?: string }
export type ServiceRow = { kind?: string; title?: string; dates?: string[]; note?: string }

export type ScheduleValues = {
  alwaysOpen: boolean
  weekly: WeeklyRow[]
  holidayMode: HolidayMode
  holidayHours: TimeRow[]
  makeUpWorkdayAs: number
  exceptions: ExceptionRow[]
}

export type StationFormValues = {
  orgId?: string
  name?: string
  kind?: string
  address?: string
  lat?: number | null
  lng?: number | null
  coordSystem: CoordSystemValue
  schedule: ScheduleValues
  capacity?: number | null
  amenities: string[]
  zones: ZoneRow[]
  contactName?: string
  /** Required when creating; when editing, blank keeps the stored number. */
  contactMobile?: string
  /** The public duty phone; blank for none (a save then clears a stored one). */
  dutyPhone?: string
  photos: string[]
  services: ServiceRow[]
  description?: string
}

/** Staff copy coordinates from Amap (高德) most of the time, so a new station starts in GCJ-02. */
export const DEFAULT_COORD_SYSTEM: CoordSystemValue = 'gcj02'

export const defaultValues = (orgId: string | undefined): StationFormValues => ({
  orgId,
  coordSystem: DEFAULT_COORD_SYSTEM,
  schedule: {
    alwaysOpen: false,
    weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '08:00', end: '18:00' })),
    holidayMode: 'sunday',
    holidayHours: [],
    makeUpWorkdayAs: 1,
    exceptions: [],
  },
  capacity: 20,
  amenities: [],
  zones: [],
  photos: [],
  services: [],
  description: '',
})

const timeRowOf = (r: { start: string; end: string; overnight?: boolean }): TimeRow => ({
  start: r.start,
  end: r.end,
  overnight: r.overnight === true,
})

const scheduleValuesOf = (s: StationSchedule): ScheduleValues => ({
  alwaysOpen: s.alwaysOpen === true,
  weekly: s.weekly.map((p) => ({ day: p.day, ...timeRowOf(p) })),
  holidayMode:
    s.holidayHours == null ? 'sunday' : s.holidayHours.length === 0 ? 'closed' : 'custom',
  holidayHours: (s.holidayHours ?? []).map(timeRowOf),
  makeUpWorkdayAs: s.makeUpWorkdayAs ?? 1,
  exceptions: (s.exceptions ?? []).map((e) =>
    'hours' in e
      ? { date: e.date, mode: 'hours', hours: e.hours.map(timeRowOf) }
      : { date: e.date, mode: 'closed', hours: [] },
  ),
})

/** A stored station as form values; its coordinates are stored (and answered) in WGS-84. */
export const valuesOf = (s: Station): StationFormValues => ({
  orgId: s.orgId,
  name: s.name,
  kind: s.kind,
  address: s.address,
  lat: s.lat,
  lng: s.lng,
  coordSystem: 'wgs84',
  schedule: scheduleValuesOf(s.schedule),
  capacity: s.capacity,
  amenities: [...s.amenities],
  zones: s.zones.map((z) => ({ kind: z.kind, note: z.note ?? '' })),
  contactName: s.contactName,
  contactMobile: '',
  dutyPhone: s.dutyPhone ?? '',
  photos: [...s.photos],
  services: s.services.map((v) => ({
    kind: v.kind,
    title: v.title,
    dates: [...v.dates],
    note: v.note ?? '',
  })),
  description: s.description,
})

const blankToUndefined = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined)
/** A range of the body; the flag is sent only when ticked (the stored shape of a day range). */
const range = (r: TimeRow) => ({
  start: r.start ?? '',
  end: r.end ?? '',
  ...(r.overnight === true ? { overnight: true } : {}),
})

export const scheduleOf = (s: ScheduleValues): StationSchedule => {
  const exceptions = s.exceptions.map((e) =>
    e.mode === 'closed'
      ? { date: e.date ?? '', closed: true as const }
      : { date: e.date ?? '', hours: (e.hours ?? []).map(range) },
  )
  // A 24-hour station has no weekly periods or holiday hours (the server refuses both).
  if (s.alwaysOpen) {
    return { alwaysOpen: true, weekly: [], makeUpWorkdayAs: s.makeUpWorkdayAs, exceptions }
  }
  return {
    alwaysOpen: false,
    weekly: s.weekly.map((p) => ({ day: p.day ?? 0, ...range(p) })),
    holidayHours:
      s.holidayMode === 'sunday'
        ? null
        : s.holidayMode === 'closed'
          ? []
          : s.holidayHours.map(range),
    makeUpWorkdayAs: s.makeUpWorkdayAs,
    exceptions,
  }
}

const fieldsOf = (v: StationFormValues) => ({
  name: v.name ?? '',
  kind: v.kind,
  address: v.address ?? '',
  lat: v.lat ?? undefined,
  lng: v.lng ?? undefined,
  coordSystem: v.coordSystem,
  schedule: scheduleOf(v.schedule),
  capacity: v.capacity ?? undefined,
  amenities: v.amenities,
  zones: v.zones.map((z) => ({ kind: z.kind, note: blankToUndefined(z.note) })),
  contactName: v.contactName ?? '',
  dutyPhone: blankToUndefined(v.dutyPhone) ?? null,
  photos: v.photos,
  services: v.services.map((s) => ({
    kind: s.kind,
    title: s.title ?? '',
    dates: s.dates ?? [],
    note: blankToUndefined(s.note),
  })),
  description: v.description ?? '',
})

// ---- paths: API body ⇄ form fields ----

type Name = (string | number)[]

const SCHEDULE_KEYS = new Set([
  'alwaysOpen',
  'weekly',
  'holidayHours',
  'makeUpWorkdayAs',
  'exceptions',
])

/** Form fields of the top level (the body's scalars, amenities and photos). */
const TOP_FIELDS = new Set([
  'orgId',
  'name',
  'kind',
  'address',
  'lat',
  'lng',
  'coordSystem',
  'capacity',
  'amenities',
  'contactName',
  'contactMobile',
  'dutyPhone',
  'photos',
  'description',
])

/** Lists whose rows have a field where a problem of the whole row is shown. */
const ROW_FIELD: Record<string, string> = {
  'schedule.weekly': 'end',
  'schedule.holidayHours': 'end',
  'schedule.exceptions': 'date',
  hours: 'end',
  zones: 'kind',
  services: 'title',
}

const isIndex = (s: string | number) => typeof s === 'number' || /^\d+$/.test(s)

/**
 * The form field for an API path: "schedule.weekly.2.end", "body.lat", a schedule-relative
 * "weekly.2" (the domain's own paths) or zod's path array. A problem of a whole list row goes
 * to the row's main field; null when no field fits (it is then shown above the buttons).
 */
export const formNameOf = (path: string | readonly PropertyKey[]): Name | null => {
  let parts: (string | number)[] = (
    typeof path === 'string' ? path.split('.').filter((p) => p !== '') : [...path]
  ).filter((p): p is string | number => typeof p !== 'symbol')
  if (parts[0] === 'body') parts = parts.slice(1)
  if (parts.length === 0) return null
  if (SCHEDULE_KEYS.has(String(parts[0]))) parts = ['schedule', ...parts]
  const name: Name = parts.map((p) => (isIndex(p) ? Number(p) : p))
  const [head, second, third] = name
  if (head === 'schedule') {
    if (second === 'holidayHours' && name.length === 2) return ['schedule', 'holidayMode']
    if (second === 'weekly' && name.length === 2) return ['schedule', 'alwaysOpen']
    if ((second === 'weekly' || second === 'holidayHours') && typeof third === 'number') {
      return [...name.slice(0, 3), name[3] ?? ROW_FIELD[`schedule.${second}`]!]
    }
    if (second === 'exceptions' && typeof third === 'number') {
      const field = name[3]
      if (field === 'hours' && typeof name[4] === 'number') {
        return [...name.slice(0, 5), name[5] ?? ROW_FIELD.hours!]
      }
      // "closed", "hours" (none given) and the row itself: shown on the row's date.
      return [...name.slice(0, 3), 'date']
    }
    if (second === 'alwaysOpen' || second === 'makeUpWorkdayAs') return ['schedule', second]
    return null
  }
  if (head === 'zones' || head === 'services') {
    if (typeof second !== 'number') return null
    // A service's dates are one picker: "services.0.dates.3" is its field.
    const field = name[2] ?? ROW_FIELD[head]!
    return [head, second, field]
  }
  if (typeof head === 'string' && TOP_FIELDS.has(head)) return [head]
  return null
}

// ---- client checks ----

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/

type Problem = { name: Name; message: string }

/**
 * Time format, zero-length ranges and the overnight rule, checked before sending as the server
 * checks them (the server also checks overlaps): an end before the start needs "ends next day"
 * ticked, and a ticked range must end before its start (ADR 0026).
 */
const rangeProblems = (t: TFunction, r: TimeRow, base: Name, out: Problem[]) => {
  const startOk = TIME.test(r.start ?? '') && r.start !== '24:00'
  const endOk = TIME.test(r.end ?? '')
  if (!startOk) out.push({ name: [...base, 'start'], message: t('stations.problems.TIME_INVALID') })
  if (!endOk) out.push({ name: [...base, 'end'], message: t('stations.problems.TIME_INVALID') })
  if (!startOk || !endOk) return
  // "HH:MM" strings (24:00 included) compare like the times they name.
  const start = r.start!
  const end = r.end!
  if (start === end) {
    out.push({ name: [...base, 'end'], message: t('stations.problems.PERIOD_EMPTY') })
  } else if (r.overnight === true && end > start) {
    out.push({
      name: [...base, 'overnight'],
      message: t('stations.problems.OVERNIGHT_INVALID'),
    })
  } else if (r.overnight !== true && end < start) {
    out.push({
      name: [...base, 'end'],
      message: t('stations.problems.PERIOD_ENDS_BEFORE_START'),
    })
  }
}

const scheduleProblems = (t: TFunction, s: ScheduleValues): Problem[] => {
  const out: Problem[] = []
  if (!s.alwaysOpen) {
    s.weekly.forEach((p, i) => {
      if (p.day === undefined) {
        out.push({ name: ['schedule', 'weekly', i, 'day'], message: t('validation.choose') })
      }
      rangeProblems(t, p, ['schedule', 'weekly', i], out)
    })
    if (s.holidayMode === 'custom') {
      if (s.holidayHours.length === 0) {
        out.push({
          name: ['schedule', 'holidayMode'],
          message: t('stations.problems.HOLIDAY_HOURS_EMPTY'),
        })
      }
      s.holidayHours.forEach((h, i) => rangeProblems(t, h, ['schedule', 'holidayHours', i], out))
    }
  }
  s.exceptions.forEach((e, i) => {
    if (!e.date)
      out.push({ name: ['schedule', 'exceptions', i, 'date'], message: t('validation.required') })
    if (e.mode !== 'closed') {
      if ((e.hours ?? []).length === 0) {
        out.push({
          name: ['schedule', 'exceptions', i, 'date'],
          message: t('stations.problems.EXCEPTION_HOURS_EMPTY'),
        })
      }
      ;(e.hours ?? []).forEach((h, j) =>
        rangeProblems(t, h, ['schedule', 'exceptions', i, 'hours', j], out),
      )
    }
  })
  return out
}

const coordinateProblems = (t: TFunction, v: StationFormValues): Problem[] => {
  const out: Problem[] = []
  const check = (name: 'lat' | 'lng', schema: typeof LatitudeSchema, value: unknown) => {
    if (value === undefined || value === null) {
      out.push({ name: [name], message: t('validation.required') })
    } else if (!schema.safeParse(value).success) {
      out.push({ name: [name], message: t(`stations.problems.${name}Range`) })
    }
  }
  check('lat', LatitudeSchema, v.lat)
  check('lng', LongitudeSchema, v.lng)
  return out
}

const firstPerField = (problems: Problem[]): FieldError[] => {
  const byField = new Map<string, FieldError>()
  for (const p of problems) {
    const key = p.name.join('.')
    if (!byField.has(key)) byField.set(key, { name: p.name, errors: [p.message] })
  }
  return [...byField.values()]
}

const zodProblems = (t: TFunction, issues: readonly z.core.$ZodIssue[]): Problem[] =>
  issues.flatMap((issue) => {
    const name = formNameOf(issue.path)
    return name ? [{ name, message: translateIssue(t, issue) }] : []
  })

export type Checked<B> = { ok: true; body: B } | { ok: false; errors: FieldError[] }

const sameCoordinates = (v: StationFormValues, s: Station) =>
  v.coordSystem === 'wgs84' && v.lat === s.lat && v.lng === s.lng

/** Checks the values and builds POST /stations' body, or the field errors to show. */
export const checkCreate = (t: TFunction, v: StationFormValues): Checked<CreateStationBody> => {
  const problems = [...coordinateProblems(t, v), ...scheduleProblems(t, v.schedule)]
  const parsed = CreateStationBodySchema.safeParse({
    orgId: v.orgId,
    ...fieldsOf(v),
    contactMobile: v.contactMobile?.trim() ?? '',
  })
  if (!parsed.success) problems.push(...zodProblems(t, parsed.error.issues))
  if (problems.length > 0 || !parsed.success) return { ok: false, errors: firstPerField(problems) }
  return { ok: true, body: parsed.data }
}

/**
 * PATCH /stations/:id's body. Coordinates are sent only when changed (they are shown in
 * WGS-84, the stored system), the mobile only when retyped (the stored one is never shown).
 */
export const checkUpdate = (
  t: TFunction,
  v: StationFormValues,
  station: Station,
): Checked<UpdateStationBody> => {
  const problems = [...coordinateProblems(t, v), ...scheduleProblems(t, v.schedule)]
  const { lat, lng, coordSystem, ...rest } = fieldsOf(v)
  const mobile = v.contactMobile?.trim()
  const candidate = {
    ...rest,
    ...(sameCoordinates(v, station) ? {} : { lat, lng, coordSystem }),
    ...(mobile ? { contactMobile: mobile } : {}),
  }
  const parsed = UpdateStationBodySchema.safeParse(candidate)
  if (!parsed.success) problems.push(...zodProblems(t, parsed.error.issues))
  if (problems.length > 0 || !parsed.success) return { ok: false, errors: firstPerField(problems) }
  return { ok: true, body: parsed.data }
}

// ---- server errors ----

const ERROR_CODE = /^[A-Z][A-Z0-9_]+$/

/** Some contract checks answer with an error code as the message (MEMBER_MOBILE_INVALID). */
export const codeOrText = (t: TFunction, message: string) =>
  ERROR_CODE.test(message) ? t(`errors.${message}`, { defaultValue: message }) : message

type Detail = { path?: unknown; code?: unknown; message?: unknown }

/** "overlaps weekly.0" → row 1, so the message can name the other row. */
const otherRow = (message: string): number | null => {
  const m = /(?:overlaps|same date as) \S*?\.?(\d+)$/.exec(message)
  return m ? Number(m[1]) + 1 : null
}

const detailMessage = (t: TFunction, d: Detail): string => {
  const message = typeof d.message === 'string' ? d.message : ''
  const code = typeof d.code === 'string' ? d.code : ''
  if (code === 'PERIOD_OVERLAP' || code === 'EXCEPTION_DUPLICATE') {
    const row = otherRow(message)
    if (row !== null) return t(`stations.problems.${code}`, { row })
  }
  if (code) return t(`stations.problems.${code}`, { defaultValue: message || code, row: '?' })
  return message ? codeOrText(t, message) : t('validation.invalid')
}

/**
 * Spreads a VALIDATION_FAILED answer over the form: each detail with a path goes to its field;
 * the rest come back as text to show above the buttons.
 */
export const serverFieldErrors = (
  t: TFunction,
  error: unknown,
): { fields: FieldError[]; unplaced: string[] } => {
  if (!isApiError(error) || error.code !== 'VALIDATION_FAILED' || !Array.isArray(error.details)) {
    return { fields: [], unplaced: [] }
  }
  const problems: Problem[] = []
  const unplaced: string[] = []
  for (const d of error.details as Detail[]) {
    const name = typeof d.path === 'string' ? formNameOf(d.path) : null
    const message = detailMessage(t, d)
    if (name) problems.push({ name, message })
    else unplaced.push(typeof d.path === 'string' && d.path ? `${d.path}: ${message}` : message)
  }
  return { fields: firstPerField(problems), unplaced }
}
