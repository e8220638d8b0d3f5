import type { CreateStationBody, StationSchedule } from '@unionhall/contracts'
import type { Ctx } from '../core/access'
import type { FieldCrypto } from '../platform/crypto/field-crypto'
import type { Db } from '../platform/db/create-db'
import { checkIn, checkInCode, createStation, importStations } from '../modules/stations'

/**
 * Outdoor-worker stations of the seed page (shared/seed/README.md §4): 龙岗区建筑行业工联会's
 * 筑友驿站 on the 龙岗区耳鼻咽喉医院 site, with its five zones, room for about 15 people and
 * the amenities the article lists, plus a few hundred stations around the demo orgs' cities
 * (deterministic: the same data on every start) and some check-ins of the last two weeks.
 */

/** `overnight`: the period closes the next day (ADR 0026), e.g. 21:00–07:00. */
const EVERY_DAY = (start: string, end: string, overnight = false): StationSchedule => ({
  weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({
    day,
    start,
    end,
    ...(overnight ? { overnight: true } : {}),
  })),
})
const WEEKDAYS = (start: string, end: string): StationSchedule => ({
  weekly: [1, 2, 3, 4, 5].map((day) => ({ day, start, end })),
  holidayHours: [],
})
const TIMETABLES: StationSchedule[] = [
  { alwaysOpen: true, weekly: [] },
  EVERY_DAY('07:00', '22:00'),
  EVERY_DAY('06:00', '20:00'),
  WEEKDAYS('08:30', '18:00'),
  // Sanitation night shifts: open through the night, the part after midnight belongs to the day before.
  EVERY_DAY('21:00', '07:00', true),
  { ...EVERY_DAY('09:00', '21:00'), holidayHours: [{ start: '10:00', end: '18:00' }] },
]

/** City centres (GCJ-02, as staff copy them from Amap) and the org that hosts their stations. */
const CITIES: Array<{ org: string; city: string; lat: number; lng: number; n: number }> = [
  { org: '兰州市总工会', city: '兰州', lat: 36.0611, lng: 103.8343, n: 48 },
  { org: '武威市总工会', city: '武威', lat: 37.9283, lng: 102.638, n: 16 },
  { org: '嘉峪关市总工会', city: '嘉峪关', lat: 39.7726, lng: 98.2892, n: 14 },
  { org: '兰州铁路局工会', city: '兰州', lat: 36.039, lng: 103.7925, n: 10 },
  { org: '昆明市总工会', city: '昆明', lat: 25.0389, lng: 102.7183, n: 26 },
  { org: '柳州市总工会', city: '柳州', lat: 24.3264, lng: 109.4281, n: 20 },
  { org: '鹿寨县总工会', city: '鹿寨', lat: 24.4731, lng: 109.7516, n: 6 },
  { org: '深圳市总工会', city: '深圳', lat: 22.5431, lng: 114.0579, n: 40 },
  { org: '龙岗区总工会', city: '深圳龙岗', lat: 22.7209, lng: 114.2467, n: 24 },
  { org: '龙岗区建筑行业工联会', city: '深圳龙岗', lat: 22.698, lng: 114.286, n: 8 },
  { org: '北京市总工会', city: '北京', lat: 39.9042, lng: 116.4074, n: 40 },
  { org: '乌鲁木齐市总工会', city: '乌鲁木齐', lat: 43.8256, lng: 87.6168, n: 14 },
  { org: '高新区（新市区）总工会', city: '乌鲁木齐新市区', lat: 43.871, lng: 87.563, n: 8 },
  { org: '湖北省总工会', city: '武汉', lat: 30.5928, lng: 114.3055, n: 22 },
  { org: '山东省总工会', city: '济南', lat: 36.6512, lng: 117.1201, n: 20 },
  { org: '涪陵区总工会', city: '重庆涪陵', lat: 29.7033, lng: 107.3898, n: 10 },
]

const KINDS = [
  { kind: 'union_love_station', label: '工会爱心驿站' },
  { kind: 'sanitation', label: '环卫工人休息点' },
  { kind: 'courier', label: '快递外卖小哥驿站' },
  { kind: 'partner_shop', label: '爱心合作网点' },
  { kind: 'community', label: '社区服务站' },
  { kind: 'construction_site', label: '筑友驿站' },
] as const
const STREETS = ['人民路', '建设路', '解放路', '中山路', '和平路', '新华路', '工业园路', '滨河路']
const CONTACTS = ['王师傅', '李大姐', '张站长', '刘师傅', '陈大姐', '杨站长', '赵师傅', '黄大姐']
const AMENITY_SETS: CreateStationBody['amenities'][] = [
  ['drinking_water', 'microwave', 'phone_charging', 'seating', 'toilet', 'first_aid'],
  ['drinking_water', 'phone_charging', 'seating', 'umbrella', 'air_conditioning', 'heating'],
  ['drinking_water', 'microwave', 'fridge', 'wifi', 'phone_charging', 'ebike_charging', 'seating'],
  ['drinking_water', 'toilet', 'washbasin', 'seating', 'sewing_kit', 'repair_kit'],
  ['drinking_water', 'books', 'wifi', 'tv', 'seating', 'air_conditioning'],
]

/** A tiny deterministic generator (mulberry32) so the demo is the same on every start. */
const rng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

export const ZHUYOU_STATION_NAME = '筑友驿站（龙岗区耳鼻咽喉医院项目）'

export const seedStations = async (
  db: Db,
  crypto: FieldCrypto,
  ctx: Ctx,
  orgIds: Map<string, string>,
) => {
  const deps = { db, crypto }
  const zhuyou = await createStation(deps, ctx, {
    orgId: orgIds.get('龙岗区建筑行业工联会')!,
    name: ZHUYOU_STATION_NAME,
    kind: 'construction_site',
    address: '深圳市龙岗区龙城街道 龙岗区耳鼻咽喉医院项目工地',
    lat: 22.7209,
    lng: 114.2467,
    coordSystem: 'gcj02',
    // "驿站每天将无偿共享开放": open every day, holidays included (Sunday's hours apply).
    schedule: EVERY_DAY('07:00', '22:00'),
    capacity: 15,
    amenities: [
      'fridge',
      'microwave',
      'drinking_water',
      'tv',
      'wifi',
      'seating',
      'umbrella',
      'locker',
      'books',
      'first_aid',
      'air_conditioning',
      'heating',
    ],
    zones: [
      { kind: 'party_service', note: '项目党员定期值班，收集工友“微心愿”' },
      { kind: 'convenience', note: '雨伞、储物柜、置物架，订购车票' },
      { kind: 'medical', note: '定期请医护人员坐诊，提供健康咨询' },
      { kind: 'activity', note: '电视机、WiFi、休闲桌椅' },
      { kind: 'reading', note: '博闻强识区：看书看报' },
    ],
    contactName: '李乾坤',
    contactMobile: '13912340015',
    services: [
      { kind: 'labour_protection_advice', title: '劳动保护咨询', dates: [] },
      { kind: 'ticket_booking', title: '帮助订购车票', dates: [] },
      { kind: 'internet_class', title: '互联网教学', dates: [] },
      {
        kind: 'health_consultation',
        title: '医护人员坐诊 · 健康咨询',
        dates: ['2026-12-05', '2026-12-19', '2027-01-09'],
      },
    ],
    description:
      '龙岗区首家“筑友驿站”，集党员服务、便民服务、爱心医务、工友活动、博闻强识5项功能于一体。渴了请来喝杯水，累了请来歇歇脚，冷了请来取取暖，热了请来纳纳凉。',
  })

  const random = rng(20_261_129)
  const rows: Array<{ row: number; body: CreateStationBody }> = []
  let n = 0
  for (const c of CITIES) {
    const orgId = orgIds.get(c.org)
    if (!orgId) continue
    for (let i = 0; i < c.n; i++) {
      const kind = KINDS[Math.floor(random() * KINDS.length)]!
      // Spread over about ±0.12° (roughly a city's built-up area).
      const lat = c.lat + (random() - 0.5) * 0.24
      const lng = c.lng + (random() - 0.5) * 0.24
      const street = STREETS[Math.floor(random() * STREETS.length)]!
      const schedule =
        kind.kind === 'sanitation'
          ? TIMETABLES[4]!
          : TIMETABLES[Math.floor(random() * TIMETABLES.length)]!
      rows.push({
        row: ++n,
        body: {
          orgId,
          name: `${c.city}${street}${kind.label}${i + 1}号`,
          kind: kind.kind,
          address: `${c.city}${street}${Math.floor(random() * 300) + 1}号`,
          lat: Math.round(lat * 1e6) / 1e6,
          lng: Math.round(lng * 1e6) / 1e6,
          coordSystem: 'gcj02',
          schedule,
          capacity: 6 + Math.floor(random() * 20),
          amenities: AMENITY_SETS[Math.floor(random() * AMENITY_SETS.length)]!,
          zones: [{ kind: 'convenience' }],
          contactName: CONTACTS[Math.floor(random() * CONTACTS.length)]!,
          contactMobile: `139${String(10_000_000 + n * 7919).slice(-8)}`,
        },
      })
    }
  }
  const imported = await importStations(deps, ctx, rows, 'demo')
  if (imported.errors.length > 0) {
    throw new Error(`demo stations invalid: ${JSON.stringify(imported.errors.slice(0, 3))}`)
  }

  // Check-ins at 筑友驿站 over the last two weeks, so the roll-up charts show something. Each at
  // an hour the station is open (07:00–22:00 Shanghai time): check-in refuses closed hours.
  const checkInDeps = { db, crypto, secret: 'demo-check-ins' }
  // What the door poster's QR link carries (a new station is at its first code generation).
  const doorCode = checkInCode(checkInDeps.secret, zhuyou.id, 0)
  const now = ctx.now.getTime()
  const SHANGHAI_MS = 8 * 3_600_000
  const todayStart = Math.floor((now + SHANGHAI_MS) / 86_400_000) * 86_400_000 - SHANGHAI_MS
  for (let d = 13; d >= 0; d--) {
    const visits = 4 + Math.floor(random() * 8)
    for (let v = 0; v < visits; v++) {
      const minute = 8 * 60 + Math.floor(random() * 13 * 60) // 08:00–20:59
      const at = new Date(todayStart - d * 86_400_000 + minute * 60_000)
      if (at.getTime() > now) continue
      await checkIn(
        checkInDeps,
        { ...ctx, actor: null, now: at },
        zhuyou.id,
        `demo-device-${d}-${v}-000000`,
        doorCode,
      )
    }
  }
  return { zhuyouId: zhuyou.id, stations: imported.created + 1 }
}
