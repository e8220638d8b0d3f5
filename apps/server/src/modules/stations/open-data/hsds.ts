import { createHash } from 'node:crypto'
import {
  AMENITY_CODES,
  STATION_KINDS,
  STATION_SERVICE_KINDS,
  type Station,
  type StationService,
  ZONE_KINDS,
} from '@unionhall/contracts'
import type { Schedule, TimeRange, WeeklyPeriod, Weekday } from '../domain/schedule'
import { type ImportProblem, type ImportProblemCode, importProblem } from './import-problems'
import { AMENITY_NAMES, formatScheduleText, KIND_NAMES, normaliseMobile } from './station-text'

/**
 * Stations as an Open Referral HSDS 3.2 dataset, and back (see docs/adr/0015-hsds-open-data.md).
 *
 * The dataset is one JSON object with a list per HSDS table: `organizations` (host orgs),
 * `locations` (stations: WGS-84 latitude/longitude, a physical address, contacts), `services`
 * (a general "rest station" service per station plus its dated services), `service_at_locations`
 * (the links) and `schedules` (weekly RRULE-style opening hours of each location). Every object
 * validates against the official schema of its table (hsds-validator.ts).
 *
 * What HSDS cannot say — the Chinese holiday rules (节假日 hours, 调休 make-up days), dated
 * exceptions, amenities, zones, kind, capacity, photos — travels as HSDS `attributes` whose
 * taxonomy terms are ours (`unionhall:*`). The `unionhall:schedule` attribute holds the exact
 * schedule, so our own import is lossless; other consumers read the weekly `schedules`.
 */

export const HSDS_VERSION = '3.2'

/** Taxonomies of the attributes we write (stable: imports read them back). */
export const TAXONOMY = {
  kind: 'unionhall:station-kind',
  amenity: 'unionhall:amenity',
  zone: 'unionhall:zone',
  capacity: 'unionhall:capacity',
  schedule: 'unionhall:schedule',
  photo: 'unionhall:photo',
  serviceKind: 'unionhall:station-service-kind',
  restStation: 'unionhall:rest-station',
} as const

type Json = Record<string, unknown>

export type HsdsAttribute = {
  id: string
  link_id?: string
  link_entity?: string
  link_type?: string
  taxonomy_term_id?: string
  value?: string
  label?: string
  taxonomy_term?: {
    id: string
    code?: string
    name: string
    description: string
    taxonomy?: string
  }
}
export type HsdsPhone = {
  id: string
  location_id?: string
  number: string
  extension?: number
  type?: string
  description?: string
}
export type HsdsContact = { id: string; name?: string; title?: string; phones?: HsdsPhone[] }
export type HsdsAddress = {
  id: string
  location_id?: string
  address_1: string
  address_2?: string
  city: string
  state_province: string
  postal_code: string
  country: string
  address_type: string
}
export type HsdsSchedule = {
  id: string
  location_id?: string
  service_id?: string
  freq?: string
  wkst?: string
  byday?: string
  opens_at?: string
  closes_at?: string
  timezone?: number
  valid_from?: string
  valid_to?: string
  description?: string
  notes?: string
}
export type HsdsLocation = {
  id: string
  location_type: string
  organization_id?: string
  name?: string
  description?: string
  latitude?: number
  longitude?: number
  addresses?: HsdsAddress[]
  contacts?: HsdsContact[]
  phones?: HsdsPhone[]
  schedules?: HsdsSchedule[]
  attributes?: HsdsAttribute[]
}
export type HsdsService = {
  id: string
  organization_id?: string
  name: string
  description?: string
  status: string
  schedules?: HsdsSchedule[]
  attributes?: HsdsAttribute[]
  service_at_locations?: HsdsServiceAtLocation[]
}
export type HsdsServiceAtLocation = { id: string; service_id?: string; location_id?: string }
export type HsdsOrganization = { id: string; name: string; description: string }

export type HsdsDataset = {
  hsds_version: string
  organizations: HsdsOrganization[]
  locations: HsdsLocation[]
  services: HsdsService[]
  service_at_locations: HsdsServiceAtLocation[]
  schedules: HsdsSchedule[]
}

/** The lists of a dataset and the HSDS table schema each item must satisfy. */
export const DATASET_TABLES = {
  organizations: 'organization',
  locations: 'location',
  services: 'service',
  service_at_locations: 'service_at_location',
  schedules: 'schedule',
} as const

/**
 * A name-based UUID (version 5 layout over SHA-1), so the ids of addresses, schedules and
 * attributes are the same in every export of the same station.
 */
export const stableUuid = (name: string): string => {
  const h = createHash('sha1').update(`unionhall:${name}`).digest()
  h[6] = (h[6]! & 0x0f) | 0x50
  h[8] = (h[8]! & 0x3f) | 0x80
  const x = h.subarray(0, 16).toString('hex')
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`
}

/**
 * Taxonomy terms are few (kinds, amenities, zones, service kinds, all enums) and every station
 * repeats them, so each term's id is hashed once per process: hashing it per station was a good
 * part of the SHA-1 that took a sixth of a public file's build time.
 */
const termIds = new Map<string, string>()
const termIdOf = (taxonomy: string, code: string) => {
  const name = `term:${taxonomy}:${code}`
  let id = termIds.get(name)
  if (id === undefined) {
    termIds.set(name, (id = stableUuid(name)))
  }
  return id
}

const attribute = (
  linkId: string,
  linkEntity: string,
  taxonomy: string,
  code: string,
  name: string,
  value?: string,
): HsdsAttribute => {
  const termId = termIdOf(taxonomy, code)
  return {
    id: stableUuid(`attribute:${linkId}:${taxonomy}:${code}:${value ?? ''}`),
    link_id: linkId,
    link_entity: linkEntity,
    link_type: taxonomy,
    taxonomy_term_id: termId,
    ...(value !== undefined ? { value } : {}),
    taxonomy_term: { id: termId, code, name, description: name, taxonomy },
  }
}

const BYDAY = ['', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const
const CHINA_OFFSET = '+08:00'

/** "甘肃省兰州市城关区…" → province 甘肃省, city 兰州市 (HSDS requires both fields). */
export const splitChineseAddress = (address: string) => {
  const municipality = /^(北京|上海|天津|重庆)市?/.exec(address)
  if (municipality) {
    return { state_province: `${municipality[1]}市`, city: `${municipality[1]}市` }
  }
  const province = /^(.{2,8}?(?:省|自治区|特别行政区))/.exec(address)
  const rest = province ? address.slice(province[1]!.length) : address
  const city = /^(.{2,10}?(?:市|自治州|地区|盟))/.exec(rest)
  return { state_province: province?.[1] ?? '', city: city?.[1] ?? '' }
}

/** What our exports say of a location's phone: it is the station's duty phone. */
export const DUTY_PHONE_DESCRIPTION = '值班电话'

/**
 * A station's public duty phone as the location's HSDS phone: the extension in its own field
 * (a number, so only one without a leading 0; else it stays in `number`), a mobile typed cell.
 */
export const dutyPhoneToHsds = (locationId: string, dutyPhone: string): HsdsPhone => {
  const landline = /^(0\d{2,3}-\d+)-([1-9]\d*)$/.exec(dutyPhone)
  return {
    id: stableUuid(`duty-phone:${locationId}`),
    location_id: locationId,
    number: landline ? landline[1]! : dutyPhone,
    ...(landline ? { extension: Number(landline[2]) } : {}),
    type: /^1\d{10}$/.test(dutyPhone) ? 'cell' : 'voice',
    description: DUTY_PHONE_DESCRIPTION,
  }
}

/** A location's phone as a duty phone to validate: its number with any extension after a dash. */
const dutyPhoneFromHsds = (phone: HsdsPhone | undefined): string | null => {
  if (!phone || phone.number.trim() === '') return null
  const ext = phone.extension
  return ext === undefined || ext === null ? phone.number : `${phone.number}-${ext}`
}

/** HSDS weekly schedules of a station's opening hours (Asia/Shanghai, UTC+8). */
export const scheduleToHsds = (locationId: string, schedule: Schedule): HsdsSchedule[] => {
  const text = formatScheduleText(schedule)
  const base = { location_id: locationId, freq: 'WEEKLY', wkst: 'MO', timezone: 8, notes: text }
  if (schedule.alwaysOpen) {
    return [
      {
        id: stableUuid(`schedule:${locationId}:always`),
        ...base,
        byday: BYDAY.slice(1).join(','),
        opens_at: `00:00${CHINA_OFFSET}`,
        closes_at: `24:00${CHINA_OFFSET}`,
        description: text,
      },
    ]
  }
  const groups = new Map<string, { range: TimeRange; days: Weekday[] }>()
  for (const p of schedule.weekly) {
    const key = `${p.start}-${p.end}`
    const g = groups.get(key) ?? { range: { start: p.start, end: p.end }, days: [] }
    g.days.push(p.day)
    groups.set(key, g)
  }
  return [...groups.values()].map(({ range, days }) => ({
    id: stableUuid(`schedule:${locationId}:${range.start}-${range.end}`),
    ...base,
    byday: [...days]
      .sort((a, b) => a - b)
      .map((d) => BYDAY[d])
      .join(','),
    opens_at: `${range.start}${CHINA_OFFSET}`,
    closes_at: `${range.end}${CHINA_OFFSET}`,
    description: text,
  }))
}

/**
 * Builds the dataset of a list of stations (already in WGS-84). `withoutContacts` leaves the
 * person in charge out entirely (the public open-data file carries no personal data); the duty
 * phone, which the station publishes, is the location's phone in every file.
 */
export const stationsToHsds = (
  stations: readonly Station[],
  options: { contactMobiles?: ReadonlyMap<string, string>; withoutContacts?: boolean } = {},
): HsdsDataset => {
  const organizations = new Map<string, HsdsOrganization>()
  const locations: HsdsLocation[] = []
  const services: HsdsService[] = []
  const links: HsdsServiceAtLocation[] = []
  const schedules: HsdsSchedule[] = []
  for (const s of stations) {
    organizations.set(s.orgId, { id: s.orgId, name: s.orgName, description: s.orgName })
    const schedule = s.schedule as Schedule
    const at = (entity: string, taxonomy: string, code: string, name: string, value?: string) =>
      attribute(s.id, entity, taxonomy, code, name, value)
    const mobile = options.contactMobiles?.get(s.id)
    const contactId = stableUuid(`contact:${s.id}`)
    locations.push({
      id: s.id,
      location_type: 'physical',
      organization_id: s.orgId,
      name: s.name,
      description: s.description,
      latitude: s.lat,
      longitude: s.lng,
      addresses: [
        {
          id: stableUuid(`address:${s.id}`),
          location_id: s.id,
          address_1: s.address,
          ...splitChineseAddress(s.address),
          postal_code: '',
          country: 'CN',
          address_type: 'physical',
        },
      ],
      ...(s.dutyPhone ? { phones: [dutyPhoneToHsds(s.id, s.dutyPhone)] } : {}),
      ...(options.withoutContacts
        ? {}
        : {
            contacts: [
              {
                id: contactId,
                name: s.contactName,
                title: '驿站负责人',
                ...(mobile
                  ? {
                      phones: [{ id: stableUuid(`phone:${s.id}`), number: mobile, type: 'cell' }],
                    }
                  : {}),
              },
            ],
          }),
      attributes: [
        at('location', TAXONOMY.kind, s.kind, KIND_NAMES[s.kind]),
        at('location', TAXONOMY.capacity, 'capacity', '容纳人数', String(s.capacity)),
        at('location', TAXONOMY.schedule, 'schedule', '开放时间规则', JSON.stringify(schedule)),
        ...s.amenities.map((a) => at('location', TAXONOMY.amenity, a, AMENITY_NAMES[a])),
        ...s.zones.map((z) => at('location', TAXONOMY.zone, z.kind, z.kind, z.note)),
        ...s.photos.map((url) => at('location', TAXONOMY.photo, 'photo', '照片', url)),
      ],
    })
    schedules.push(...scheduleToHsds(s.id, schedule))
    const restId = stableUuid(`service:${s.id}:rest`)
    services.push({
      id: restId,
      organization_id: s.orgId,
      name: `${s.name}（户外劳动者休息服务）`,
      description: '为户外劳动者提供歇脚、饮水、热饭、如厕、充电等服务',
      status: s.status === 'active' ? 'active' : 'temporarily closed',
      attributes: [
        attribute(restId, 'service', TAXONOMY.restStation, 'rest_station', '驿站休息服务'),
      ],
    })
    links.push({ id: stableUuid(`sal:${restId}:${s.id}`), service_id: restId, location_id: s.id })
    s.services.forEach((svc, i) => {
      const id = stableUuid(`service:${s.id}:${i}:${svc.title}`)
      services.push({
        id,
        organization_id: s.orgId,
        name: svc.title,
        ...(svc.note ? { description: svc.note } : {}),
        status: 'active',
        attributes: [attribute(id, 'service', TAXONOMY.serviceKind, svc.kind, svc.kind)],
      })
      links.push({ id: stableUuid(`sal:${id}:${s.id}`), service_id: id, location_id: s.id })
      for (const date of svc.dates) {
        schedules.push({
          id: stableUuid(`schedule:${id}:${date}`),
          service_id: id,
          location_id: s.id,
          valid_from: date,
          valid_to: date,
          description: `${date} ${svc.title}`,
        })
      }
    })
  }
  return {
    hsds_version: HSDS_VERSION,
    organizations: [...organizations.values()],
    locations,
    services,
    service_at_locations: links,
    schedules,
  }
}

// ---- reading ----

/**
 * A problem of an HSDS file: a stable code, params and the Chinese sentence, like a sheet's
 * (import-problems.ts). `path` is where in the file for the schema's problems
 * ("locations[3].latitude"); a location's own problems carry the station field they stand for
 * (`schedule`), with `at` saying where in the location that is ("attributes").
 */
export type HsdsProblem = ImportProblem & { at?: string }

const hsdsProblem = (
  path: string,
  code: ImportProblemCode,
  params?: Record<string, string | number>,
  at?: string,
): HsdsProblem => ({ ...importProblem(path, code, params), ...(at ? { at } : {}) })

/** The JSON path of a list item ("locations[3]") and of a field in it ("locations[3].latitude"). */
export const hsdsItemPath = (list: string, index: number, field?: string) =>
  `${list}[${index}]${field ? `.${field}` : ''}`

/**
 * Where a problem is, for people: its JSON path and the name of the record it is in
 * ("locations[3].latitude（城关区爱心驿站）"), and the location's position (from 1) when it is in
 * one (the import's row), else 0.
 */
export const hsdsPlaceOf = (doc: unknown, path: string): { row: number; column: string } => {
  const m = /^(\w+)\[(\d+)\]/.exec(path)
  if (!m) return { row: 0, column: path || '（文件）' }
  const list = (doc as Record<string, unknown> | null)?.[m[1]!]
  const item = Array.isArray(list) ? (list[Number(m[2])] as unknown) : undefined
  const name =
    typeof item === 'object' && item !== null ? (item as { name?: unknown }).name : undefined
  const named = typeof name === 'string' && name.trim() !== '' ? `（${name.trim()}）` : ''
  return { row: m[1] === 'locations' ? Number(m[2]) + 1 : 0, column: `${path}${named}` }
}

/** One location read back as CreateStationBody fields; the org is resolved by the caller. */
export type HsdsRow = {
  /** 1-based position in `locations`. */
  row: number
  locationId: string
  org: { id?: string; name?: string }
  fields: Record<string, unknown>
  problems: HsdsProblem[]
  /** Where in the location its schedule was read from, to name it in problems. */
  scheduleAt: 'attributes' | 'schedules'
}

const TIME = /^(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/

/** "HH:MM[:SS][Z|±HH:MM]" as "HH:MM" China time, or null. A missing offset means China time. */
const chinaTime = (value: string | undefined, timezone: number | undefined, isEnd: boolean) => {
  const m = value ? TIME.exec(value) : null
  if (!m) return null
  const h = Number(m[1])
  const min = Number(m[2])
  if (h > 24 || min > 59 || (h === 24 && (min > 0 || !isEnd))) return null
  let offsetMin = 8 * 60
  if (m[3] === 'Z') offsetMin = 0
  else if (m[3]) {
    const sign = m[3][0] === '-' ? -1 : 1
    const digits = m[3].slice(1).replace(':', '')
    offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)))
  } else if (timezone !== undefined) offsetMin = timezone * 60
  const local = h * 60 + min - offsetMin + 8 * 60
  if (h === 24 && offsetMin === 8 * 60) return '24:00'
  const wrapped = ((local % 1440) + 1440) % 1440
  return `${String(Math.floor(wrapped / 60)).padStart(2, '0')}:${String(wrapped % 60).padStart(2, '0')}`
}

/** A weekly schedule's days and hours in China time, whatever order and offset it was written in. */
const weeklyKey = (s: HsdsSchedule) =>
  [
    s.freq ?? '',
    (s.byday ?? '')
      .split(',')
      .map((d) => d.trim())
      .sort()
      .join(','),
    chinaTime(s.opens_at, s.timezone, false) ?? `?${s.opens_at ?? ''}`,
    chinaTime(s.closes_at, s.timezone, true) ?? `?${s.closes_at ?? ''}`,
  ].join('|')

/** Whether a location's weekly schedules say what its exact schedule says. */
const weeklyAgrees = (locationId: string, schedule: unknown, own: readonly HsdsSchedule[]) => {
  let expected: HsdsSchedule[]
  try {
    expected = scheduleToHsds(locationId, schedule as Schedule)
  } catch {
    // Not a schedule at all: the row's validation names that.
    return true
  }
  const weekly = (list: readonly HsdsSchedule[]) =>
    list
      .filter((x) => !x.valid_from)
      .map(weeklyKey)
      .sort()
      .join('\n')
  return weekly(own) === weekly(expected)
}

/** Weekly periods from HSDS schedules (WEEKLY with byday, opens_at and closes_at). */
export const scheduleFromHsds = (
  list: readonly HsdsSchedule[],
): { schedule: Schedule | null; problems: HsdsProblem[] } => {
  const weekly: WeeklyPeriod[] = []
  const problems: HsdsProblem[] = []
  for (const s of list) {
    if (s.valid_from && s.valid_from === s.valid_to && !s.byday) continue // a dated session
    if (s.freq && s.freq !== 'WEEKLY') {
      problems.push(
        hsdsProblem('schedule', 'HSDS_SCHEDULE_FREQ', { id: s.id, freq: s.freq }, 'schedules'),
      )
      continue
    }
    const days = (s.byday ?? '')
      .split(',')
      .map((d) => BYDAY.indexOf(d.trim().toUpperCase() as (typeof BYDAY)[number]))
    const start = chinaTime(s.opens_at, s.timezone, false)
    const end = chinaTime(s.closes_at, s.timezone, true)
    if (days.some((d) => d < 1) || start === null || end === null) {
      problems.push(hsdsProblem('schedule', 'HSDS_SCHEDULE_UNREADABLE', { id: s.id }, 'schedules'))
      continue
    }
    // HSDS writes a period past midnight as closes_at earlier than opens_at (our export does
    // too); our schedules say it with `overnight` (ADR 0026). Compared in China time, so a
    // UTC period that crosses China's midnight is overnight here.
    const overnight = end !== '24:00' && end < start
    for (const day of days) {
      weekly.push({ day: day as Weekday, start, end, ...(overnight ? { overnight: true } : {}) })
    }
  }
  if (problems.length > 0) return { schedule: null, problems }
  if (weekly.length === 0) {
    return {
      schedule: null,
      problems: [hsdsProblem('schedule', 'HSDS_SCHEDULE_MISSING', undefined, 'schedules')],
    }
  }
  const full = weekly.length === 7 && weekly.every((p) => p.start === '00:00' && p.end === '24:00')
  return {
    schedule: full
      ? { alwaysOpen: true, weekly: [] }
      : { weekly: weekly.sort((a, b) => a.day - b.day || a.start.localeCompare(b.start)) },
    problems: [],
  }
}

/**
 * The `unionhall:schedule` attribute of a file exported before ADR 0026 has night ranges with
 * end < start and no flag, which then meant "runs past midnight" (the stored schedules were
 * migrated the same way). Such a range gets `overnight: true`; one that states the flag either
 * way is left as written. Anything not shaped like a schedule is left for validation to report.
 */
const flagLegacyOvernight = (value: unknown): unknown => {
  if (typeof value !== 'object' || value === null) return value
  const s = value as { weekly?: unknown; holidayHours?: unknown; exceptions?: unknown }
  const flag = (list: unknown) =>
    Array.isArray(list)
      ? list.map((r: unknown) => {
          if (typeof r !== 'object' || r === null) return r
          const range = r as { start?: unknown; end?: unknown; overnight?: unknown }
          const legacyNight =
            range.overnight === undefined &&
            typeof range.start === 'string' &&
            typeof range.end === 'string' &&
            range.end !== '24:00' &&
            range.end < range.start
          return legacyNight ? { ...range, overnight: true } : r
        })
      : list
  return {
    ...s,
    ...(s.weekly !== undefined ? { weekly: flag(s.weekly) } : {}),
    ...(Array.isArray(s.holidayHours) ? { holidayHours: flag(s.holidayHours) } : {}),
    ...(Array.isArray(s.exceptions)
      ? {
          exceptions: s.exceptions.map((e: unknown) =>
            typeof e === 'object' && e !== null && 'hours' in e
              ? { ...e, hours: flag(e.hours) }
              : e,
          ),
        }
      : {}),
  }
}

const termsOf = (attrs: readonly HsdsAttribute[] | undefined, taxonomy: string) =>
  (attrs ?? []).filter(
    (a) => a.taxonomy_term?.taxonomy === taxonomy || (a.link_type === taxonomy && a.taxonomy_term),
  )

const codeOf = (a: HsdsAttribute) => a.taxonomy_term?.code ?? ''

const isOneOf = <T extends string>(list: readonly T[], v: string): v is T =>
  (list as readonly string[]).includes(v)

/** Reads every location of a (schema-valid) dataset as station fields and problems. */
export const stationsFromHsds = (doc: HsdsDataset): HsdsRow[] => {
  const orgNames = new Map(doc.organizations.map((o) => [o.id, o.name]))
  const servicesById = new Map(doc.services.map((s) => [s.id, s]))
  const links = [
    ...doc.service_at_locations,
    ...doc.services.flatMap((s) =>
      (s.service_at_locations ?? []).map((l) => ({ ...l, service_id: l.service_id ?? s.id })),
    ),
  ]
  const allSchedules = [
    ...doc.schedules,
    ...doc.locations.flatMap((l) =>
      (l.schedules ?? []).map((s) => ({ ...s, location_id: s.location_id ?? l.id })),
    ),
    ...doc.services.flatMap((svc) =>
      (svc.schedules ?? []).map((s) => ({ ...s, service_id: s.service_id ?? svc.id })),
    ),
  ]
  return doc.locations.map((loc, i): HsdsRow => {
    const problems: HsdsProblem[] = []
    const attrs = loc.attributes
    const kindCode = codeOf(termsOf(attrs, TAXONOMY.kind)[0] ?? { id: '' })
    const capacityAttr = termsOf(attrs, TAXONOMY.capacity)[0]?.value
    const scheduleAttr = termsOf(attrs, TAXONOMY.schedule)[0]?.value
    let schedule: unknown = null
    if (scheduleAttr !== undefined) {
      try {
        schedule = flagLegacyOvernight(JSON.parse(scheduleAttr))
      } catch {
        problems.push(hsdsProblem('schedule', 'HSDS_SCHEDULE_NOT_JSON', undefined, 'attributes'))
      }
      // The attribute is exact, so it wins; but weekly schedules edited in a file of ours while
      // the attribute was left alone were dropped without a word (the fuzz review changed the
      // hours, got "updated: 1" and the old hours). Say so instead.
      const own = allSchedules.filter((s) => s.location_id === loc.id && !s.service_id)
      if (schedule !== null && own.length > 0 && !weeklyAgrees(loc.id, schedule, own)) {
        // Not read (null), so the row can never pass and the file imports nothing.
        schedule = null
        problems.push(hsdsProblem('schedule', 'HSDS_SCHEDULE_MISMATCH', undefined, 'schedules'))
      }
    } else {
      const own = allSchedules.filter((s) => s.location_id === loc.id && !s.service_id)
      const read = scheduleFromHsds(own)
      schedule = read.schedule
      problems.push(...read.problems)
    }
    const capacity = capacityAttr !== undefined ? Number(capacityAttr) : null
    if (capacity === null) {
      problems.push(hsdsProblem('capacity', 'HSDS_CAPACITY_MISSING', undefined, 'attributes'))
    }
    const address = loc.addresses?.find((a) => a.address_type !== 'postal') ?? loc.addresses?.[0]
    // Our exports keep the whole address in address_1; others split it, so the city and
    // province are put in front when address_1 does not already name them.
    let addressText = address?.address_1 ?? ''
    if (address) {
      for (const part of [address.city, address.state_province]) {
        if (part && !addressText.includes(part)) addressText = part + addressText
      }
      if (address.address_2 && !addressText.includes(address.address_2)) {
        addressText += address.address_2
      }
    }
    const contact = loc.contacts?.[0]
    // The person in charge's mobile is the contact's phone only: a location's own phone is
    // public, the station's duty phone (a file without contacts would otherwise hand the duty
    // phone in as the personal mobile).
    const phone = contact?.phones?.[0]?.number ?? ''
    const services: StationService[] = links
      .filter((l) => l.location_id === loc.id && l.service_id)
      .map((l) => servicesById.get(l.service_id!))
      .filter(
        (s): s is HsdsService => !!s && termsOf(s.attributes, TAXONOMY.restStation).length === 0,
      )
      .map((s) => {
        const kind = codeOf(termsOf(s.attributes, TAXONOMY.serviceKind)[0] ?? { id: '' })
        const dates = allSchedules
          .filter((x) => x.service_id === s.id && x.valid_from && x.valid_from === x.valid_to)
          .map((x) => x.valid_from!)
        return {
          kind: isOneOf(STATION_SERVICE_KINDS, kind) ? kind : 'other',
          title: s.name,
          dates: [...new Set(dates)].sort(),
          ...(s.description ? { note: s.description } : {}),
        }
      })
    const zones = termsOf(attrs, TAXONOMY.zone)
      .filter((a) => isOneOf(ZONE_KINDS, codeOf(a)))
      .map((a) => ({ kind: codeOf(a), ...(a.value ? { note: a.value } : {}) }))
    return {
      row: i + 1,
      locationId: loc.id,
      org: {
        id: loc.organization_id,
        name: loc.organization_id ? orgNames.get(loc.organization_id) : undefined,
      },
      scheduleAt: scheduleAttr !== undefined ? 'attributes' : 'schedules',
      fields: {
        name: loc.name ?? '',
        kind: isOneOf(STATION_KINDS, kindCode) ? kindCode : 'other',
        address: addressText,
        lat: loc.latitude ?? null,
        lng: loc.longitude ?? null,
        coordSystem: 'wgs84',
        schedule,
        capacity,
        amenities: termsOf(attrs, TAXONOMY.amenity)
          .map(codeOf)
          .filter((c) => isOneOf(AMENITY_CODES, c)),
        zones,
        contactName: contact?.name ?? '',
        contactMobile: normaliseMobile(phone),
        // A location without `phones` says nothing of it: an update keeps the stored number.
        ...(loc.phones !== undefined ? { dutyPhone: dutyPhoneFromHsds(loc.phones[0]) } : {}),
        photos: termsOf(attrs, TAXONOMY.photo)
          .map((a) => a.value)
          .filter((v): v is string => !!v),
        services,
        description: loc.description ?? '',
      },
      problems,
    }
  })
}

/** Whether a value has the dataset's shape (lists per table); the items are checked by schema. */
export const datasetShapeProblems = (doc: unknown): HsdsProblem[] => {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return [hsdsProblem('', 'HSDS_NOT_DATASET')]
  }
  const d = doc as Json
  const problems: HsdsProblem[] = []
  if (!Array.isArray(d.locations)) problems.push(hsdsProblem('locations', 'HSDS_NOT_A_LIST'))
  for (const key of Object.keys(DATASET_TABLES)) {
    if (key !== 'locations' && d[key] !== undefined && !Array.isArray(d[key])) {
      problems.push(hsdsProblem(key, 'HSDS_NOT_A_LIST'))
    }
  }
  return problems
}

/** Fills the optional lists of a dataset that passed datasetShapeProblems. */
export const asDataset = (doc: unknown): HsdsDataset => {
  const d = doc as Partial<HsdsDataset>
  return {
    hsds_version: d.hsds_version ?? HSDS_VERSION,
    organizations: d.organizations ?? [],
    locations: d.locations ?? [],
    services: d.services ?? [],
    service_at_locations: d.service_at_locations ?? [],
    schedules: d.schedules ?? [],
  }
}
