import type { Station } from '@unionhall/contracts'
import { describe, expect, it } from 'vitest'
import { stationsToGeoJson } from './geojson'
import {
  hsdsPlaceOf,
  scheduleFromHsds,
  splitChineseAddress,
  stableUuid,
  stationsFromHsds,
  stationsToHsds,
} from './hsds'
import { validateHsdsDataset, validateHsdsObject } from './hsds-validator'
import { validateSchedule } from '../domain/schedule'
import {
  columnOfPath,
  mapHeader,
  readSheetRow,
  SHEET_HEADERS,
  stationSheetRow,
  TEMPLATE_EXAMPLE,
} from './station-sheet'

const station = (over: Partial<Station> = {}): Station => ({
  id: '0193a1b2-0000-7000-8000-000000000001',
  orgId: '0193a1b2-0000-7000-8000-0000000000aa',
  orgName: '兰州市总工会',
  name: '城关区爱心驿站',
  kind: 'union_love_station',
  status: 'active',
  closedReason: null,
  address: '甘肃省兰州市城关区庆阳路1号',
  lat: 36.0588,
  lng: 103.8283,
  schedule: {
    weekly: [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '20:00' })),
    holidayHours: [],
    makeUpWorkdayAs: 6,
    exceptions: [{ date: '2026-10-01', closed: true }],
  },
  capacity: 20,
  amenities: ['drinking_water', 'microwave', 'toilet'],
  zones: [{ kind: 'medical', note: '药箱' }],
  contactName: '王师傅',
  contactMobileMasked: '139****5678',
  dutyPhone: null,
  photos: ['/api/v1/uploads/0193a1b2-0000-7000-8000-00000000f0f0'],
  services: [
    {
      kind: 'health_consultation',
      title: '义诊',
      dates: ['2026-12-01', '2026-12-08'],
      note: '每月两次',
    },
    { kind: 'legal_aid', title: '法律咨询', dates: [] },
  ],
  description: '热水、热饭、休息',
  openNow: false,
  createdAt: '2026-11-29T00:00:00.000Z',
  updatedAt: '2026-11-29T00:00:00.000Z',
  ...over,
})

const night = station({
  id: '0193a1b2-0000-7000-8000-000000000002',
  name: '夜班驿站',
  schedule: { alwaysOpen: true, weekly: [] },
  services: [],
  zones: [],
  photos: [],
  address: '上海市浦东新区世纪大道1号',
})

describe('HSDS export', () => {
  it('validates against the official HSDS 3.2 schemas, object by object', () => {
    const doc = stationsToHsds([station(), night], {
      contactMobiles: new Map([[station().id, '13912345678']]),
    })
    expect(validateHsdsDataset(doc)).toEqual([])
    expect(doc.organizations).toEqual([
      { id: station().orgId, name: '兰州市总工会', description: '兰州市总工会' },
    ])
    expect(doc.locations).toHaveLength(2)
    expect(doc.locations[0]).toMatchObject({
      latitude: 36.0588,
      longitude: 103.8283,
      location_type: 'physical',
      addresses: [{ state_province: '甘肃省', city: '兰州市', country: 'CN' }],
    })
    // A rest-station service per station plus the station's own services, each linked.
    expect(doc.services.map((s) => s.name)).toEqual([
      '城关区爱心驿站（户外劳动者休息服务）',
      '义诊',
      '法律咨询',
      '夜班驿站（户外劳动者休息服务）',
    ])
    expect(doc.service_at_locations).toHaveLength(4)
  })

  it('writes weekly schedules as byday / opens_at / closes_at in UTC+8', () => {
    const doc = stationsToHsds([station(), night])
    const weekly = doc.schedules.filter((s) => s.location_id === station().id && !s.service_id)
    expect(weekly).toEqual([
      expect.objectContaining({
        freq: 'WEEKLY',
        byday: 'MO,TU,WE,TH,FR',
        opens_at: '08:00+08:00',
        closes_at: '20:00+08:00',
        timezone: 8,
      }),
    ])
    expect(doc.schedules.find((s) => s.location_id === night.id)).toMatchObject({
      byday: 'MO,TU,WE,TH,FR,SA,SU',
      opens_at: '00:00+08:00',
      closes_at: '24:00+08:00',
    })
  })

  it('gives the same ids in every export and no phone without includeContacts', () => {
    const a = stationsToHsds([station()])
    const b = stationsToHsds([station()])
    expect(a).toEqual(b)
    expect(JSON.stringify(a)).not.toContain('1391234')
    expect(stableUuid('x')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
  })

  it('publishes the duty phone as the location’s phone, also without contacts, and reads it back', () => {
    const withExt = station({ dutyPhone: '0931-8123456-801' })
    const mobile = station({ id: '0193a1b2-0000-7000-8000-000000000002', dutyPhone: '13812345678' })
    const hotline = station({
      id: '0193a1b2-0000-7000-8000-000000000003',
      dutyPhone: '400-123-4567',
    })
    const none = station({ id: '0193a1b2-0000-7000-8000-000000000004' })
    for (const withoutContacts of [false, true]) {
      const doc = stationsToHsds([withExt, mobile, hotline, none], { withoutContacts })
      expect(validateHsdsDataset(doc)).toEqual([])
      expect(doc.locations.map((l) => l.phones)).toEqual([
        [
          {
            id: stableUuid(`duty-phone:${withExt.id}`),
            location_id: withExt.id,
            number: '0931-8123456',
            extension: 801,
            type: 'voice',
            description: '值班电话',
          },
        ],
        [expect.objectContaining({ number: '13812345678', type: 'cell' })],
        [expect.objectContaining({ number: '400-123-4567', type: 'voice' })],
        undefined,
      ])
      const rows = stationsFromHsds(doc)
      expect(rows.map((r) => r.fields.dutyPhone)).toEqual([
        '0931-8123456-801',
        '13812345678',
        '400-123-4567',
        undefined,
      ])
      expect(rows[3]!.fields).not.toHaveProperty('dutyPhone')
      // The personal mobile is the contact's phone only, never the location's public one.
      if (withoutContacts) expect(rows.map((r) => r.fields.contactMobile)).toEqual(['', '', '', ''])
    }
    // An extension with a leading 0 cannot be an HSDS number: it stays in the number.
    expect(
      stationsToHsds([station({ dutyPhone: '010-62345678-0801' })]).locations[0]!.phones,
    ).toEqual([expect.objectContaining({ number: '010-62345678-0801' })])
  })

  it('catches a broken object with the path of the field', () => {
    const doc = stationsToHsds([station()])
    const broken = {
      ...doc,
      locations: [{ ...doc.locations[0], latitude: '36.05', location_type: 'boat' }],
    }
    const problems = validateHsdsDataset(broken)
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          path: 'locations[0].latitude',
          code: 'HSDS_WRONG_TYPE',
          params: { expected: 'number', expectedZh: '数字', value: '"36.05"' },
          message: '应为数字，不能是 "36.05"',
        },
        expect.objectContaining({
          path: 'locations[0].location_type',
          code: 'HSDS_ENUM',
          params: { allowed: 'physical, postal, virtual', value: '"boat"' },
        }),
      ]),
    )
    expect(validateHsdsDataset([])).toEqual([
      expect.objectContaining({ path: '', code: 'HSDS_NOT_DATASET' }),
    ])
    expect(validateHsdsObject('schedule', { id: 'not-a-uuid' }, 'x')[0]).toMatchObject({
      path: 'x.id',
      code: 'HSDS_FORMAT',
      params: { format: 'uuid', value: '"not-a-uuid"' },
    })
  })
})

describe('HSDS problems people can act on', () => {
  it('give every schema problem a code, a Chinese sentence and the place with the record’s name', () => {
    const doc = stationsToHsds([station(), night])
    const [first, second] = doc.locations
    const { name: _dropped, ...unnamed } = doc.organizations[0]!
    const broken = {
      ...doc,
      organizations: [unnamed],
      locations: [
        first,
        { ...second, longitude: 'east', addresses: [{ ...second!.addresses![0], country: 5 }] },
      ],
      services: { not: 'a list' },
    }
    expect(validateHsdsDataset(broken)).toEqual([
      expect.objectContaining({
        path: 'services',
        code: 'HSDS_NOT_A_LIST',
        message: '须为列表（JSON 数组）',
      }),
    ])
    const problems = validateHsdsDataset({ ...broken, services: doc.services })
    expect(problems.map((p) => `${p.path} ${p.code}`)).toEqual(
      expect.arrayContaining([
        'organizations[0].name HSDS_FIELD_REQUIRED',
        'locations[1].longitude HSDS_WRONG_TYPE',
        'locations[1].addresses[0].country HSDS_WRONG_TYPE',
      ]),
    )
    const required = problems.find((p) => p.code === 'HSDS_FIELD_REQUIRED')!
    expect(required).toMatchObject({
      params: { field: 'name' },
      message: '缺少必填字段 name，请补上',
    })
    for (const p of problems) expect(p.message, p.code).toMatch(/[\u4e00-\u9fff]/)
    expect(hsdsPlaceOf(broken, 'locations[1].longitude')).toEqual({
      row: 2,
      column: 'locations[1].longitude（夜班驿站）',
    })
    // No name to give: the path alone; outside the locations there is no row.
    expect(hsdsPlaceOf(broken, 'organizations[0].name')).toEqual({
      row: 0,
      column: 'organizations[0].name',
    })
    expect(hsdsPlaceOf(broken, '')).toEqual({ row: 0, column: '（文件）' })
  })

  it('word what the reader cannot use, with where in the location it is', () => {
    const doc = stationsToHsds([station()])
    const loc = doc.locations[0]!
    const attrs = loc.attributes!.filter((a) => a.taxonomy_term?.code !== 'capacity')
    const [row] = stationsFromHsds({
      ...doc,
      locations: [
        {
          ...loc,
          attributes: attrs.map((a) =>
            a.taxonomy_term?.code === 'schedule' ? { ...a, value: '{not json' } : a,
          ),
        },
      ],
    })
    expect(row!.problems).toEqual([
      expect.objectContaining({
        path: 'schedule',
        code: 'HSDS_SCHEDULE_NOT_JSON',
        at: 'attributes',
      }),
      expect.objectContaining({
        path: 'capacity',
        code: 'HSDS_CAPACITY_MISSING',
        at: 'attributes',
        message: '缺少 unionhall:capacity 属性（容纳人数），请补上 1 到 10000 之间的整数',
      }),
    ])
    expect(row!.scheduleAt).toBe('attributes')
    expect(scheduleFromHsds([{ id: 'm', freq: 'MONTHLY', byday: '2MO' }]).problems).toEqual([
      expect.objectContaining({
        code: 'HSDS_SCHEDULE_FREQ',
        params: { id: 'm', freq: 'MONTHLY' },
        message: '开放时间 m 的重复方式是 MONTHLY：只能读取按周重复（freq 为 WEEKLY）的开放时间',
      }),
    ])
  })
})

describe('HSDS import', () => {
  it('reads back what the export wrote, holidays and 调休 included', () => {
    const s = station()
    const doc = stationsToHsds([s, night], { contactMobiles: new Map([[s.id, '13912345678']]) })
    const [row, nightRow] = stationsFromHsds(doc)
    expect(row!.problems).toEqual([])
    expect(row!.org).toEqual({ id: s.orgId, name: s.orgName })
    expect(row!.fields).toEqual({
      name: s.name,
      kind: s.kind,
      address: s.address,
      lat: s.lat,
      lng: s.lng,
      coordSystem: 'wgs84',
      schedule: s.schedule,
      capacity: s.capacity,
      amenities: s.amenities,
      zones: s.zones,
      contactName: s.contactName,
      contactMobile: '13912345678',
      photos: s.photos,
      services: [
        {
          kind: 'health_consultation',
          title: '义诊',
          dates: ['2026-12-01', '2026-12-08'],
          note: '每月两次',
        },
        { kind: 'legal_aid', title: '法律咨询', dates: [] },
      ],
      description: s.description,
    })
    expect(nightRow!.fields.schedule).toEqual({ alwaysOpen: true, weekly: [] })
    expect(nightRow!.fields.address).toBe('上海市浦东新区世纪大道1号')
  })

  it('reads the weekly HSDS schedules of other publishers, converting time zones to UTC+8', () => {
    expect(
      scheduleFromHsds([
        { id: 'a', freq: 'WEEKLY', byday: 'MO,WE', opens_at: '01:00Z', closes_at: '09:00Z' },
        { id: 'b', byday: 'SA', opens_at: '09:00:00', closes_at: '17:00:00' },
        { id: 'c', byday: 'SU', opens_at: '10:00', closes_at: '12:00', timezone: 9 },
      ]),
    ).toEqual({
      schedule: {
        weekly: [
          { day: 1, start: '09:00', end: '17:00' },
          { day: 3, start: '09:00', end: '17:00' },
          { day: 6, start: '09:00', end: '17:00' },
          { day: 7, start: '09:00', end: '11:00' },
        ],
      },
      problems: [],
    })
    expect(scheduleFromHsds([{ id: 'm', freq: 'MONTHLY', byday: '2MO' }]).schedule).toBeNull()
    expect(scheduleFromHsds([]).problems[0]).toMatchObject({
      path: 'schedule',
      code: 'HSDS_SCHEDULE_MISSING',
      at: 'schedules',
    })
  })

  it('round-trips an overnight period: closes_at earlier than opens_at, read back as overnight', () => {
    const sanitation = station({
      id: '0193a1b2-0000-7000-8000-000000000003',
      name: '环卫夜班驿站',
      schedule: {
        weekly: [
          ...[1, 2, 3, 4, 5].map((day) => ({ day, start: '21:00', end: '07:00', overnight: true })),
          { day: 6, start: '09:00', end: '17:00' },
        ],
      },
      services: [],
    })
    const doc = stationsToHsds([sanitation])
    expect(validateHsdsDataset(doc)).toEqual([])
    const weekly = doc.schedules.filter((s) => s.location_id === sanitation.id && !s.service_id)
    // The HSDS convention for a period past midnight: closes_at earlier than opens_at.
    expect(weekly).toEqual([
      expect.objectContaining({
        byday: 'MO,TU,WE,TH,FR',
        opens_at: '21:00+08:00',
        closes_at: '07:00+08:00',
      }),
      expect.objectContaining({ byday: 'SA', opens_at: '09:00+08:00', closes_at: '17:00+08:00' }),
    ])
    // Our own attribute is lossless …
    expect(stationsFromHsds(doc)[0]!.fields.schedule).toEqual(sanitation.schedule)
    // … and the weekly HSDS schedules alone (another publisher's file) read the same.
    expect(scheduleFromHsds(weekly)).toEqual({ schedule: sanitation.schedule, problems: [] })
    expect(validateSchedule(scheduleFromHsds(weekly).schedule!)).toEqual([])
    // Compared in China time: 14:00–18:00 UTC is 22:00–02:00 in Shanghai, a night.
    expect(
      scheduleFromHsds([{ id: 'd', byday: 'TU', opens_at: '14:00Z', closes_at: '18:00Z' }])
        .schedule,
    ).toEqual({ weekly: [{ day: 2, start: '22:00', end: '02:00', overnight: true }] })
  })

  it('flags the night ranges of a unionhall:schedule attribute written before ADR 0026', () => {
    const doc = stationsToHsds([station()])
    const legacy = {
      weekly: [{ day: 5, start: '22:00', end: '06:00' }],
      holidayHours: [{ start: '20:00', end: '02:00' }],
      exceptions: [{ date: '2026-10-01', hours: [{ start: '18:00', end: '01:00' }] }],
    }
    const located = doc.locations.map((l) => ({
      ...l,
      attributes: (l.attributes ?? []).map((a) =>
        a.taxonomy_term?.taxonomy === 'unionhall:schedule'
          ? { ...a, value: JSON.stringify(legacy) }
          : a,
      ),
    }))
    // A file of that time had weekly schedules of its own; here only the attribute is read.
    const [row] = stationsFromHsds({
      ...doc,
      locations: located,
      schedules: doc.schedules.filter((x) => x.service_id),
    })
    expect(row!.fields.schedule).toEqual({
      weekly: [{ day: 5, start: '22:00', end: '06:00', overnight: true }],
      holidayHours: [{ start: '20:00', end: '02:00', overnight: true }],
      exceptions: [
        { date: '2026-10-01', hours: [{ start: '18:00', end: '01:00', overnight: true }] },
      ],
    })
  })

  it('refuses weekly schedules edited apart from the exact schedule, and accepts the same hours written differently', () => {
    const doc = stationsToHsds([station()])
    const weekly = doc.schedules.filter((x) => !x.service_id && !x.valid_from)
    expect(weekly.length).toBeGreaterThan(0)
    // Same hours: days in another order, times in UTC.
    const same = weekly.map((x) => ({
      ...x,
      byday: x.byday!.split(',').reverse().join(','),
      opens_at: x.opens_at!.replace(
        /^(\d\d):(\d\d)\+08:00$/,
        (_m, h: string, m: string) => `${String((Number(h) + 16) % 24).padStart(2, '0')}:${m}Z`,
      ),
    }))
    const [agreeing] = stationsFromHsds({ ...doc, schedules: same })
    expect(agreeing!.problems).toEqual([])
    expect(agreeing!.fields.schedule).toEqual(station().schedule)

    const edited = weekly.map((x, i) => (i === 0 ? { ...x, opens_at: '09:30+08:00' } : x))
    const [row] = stationsFromHsds({ ...doc, schedules: edited })
    expect(row!.problems.map((p) => p.path)).toEqual(['schedule'])
    expect(row!.fields.schedule).toBeNull()
  })

  it('reports a location without our attributes field by field', () => {
    const doc = stationsToHsds([station()])
    const bare = {
      ...doc,
      locations: [{ id: doc.locations[0]!.id, location_type: 'physical', name: '外部站点' }],
      schedules: [],
    }
    const [row] = stationsFromHsds(bare)
    expect(row!.problems.map((p) => p.path)).toEqual(['schedule', 'capacity'])
    expect(row!.fields).toMatchObject({ schedule: null, capacity: null, lat: null, kind: 'other' })
  })
})

describe('address, GeoJSON and the spreadsheet row', () => {
  it('splits provinces, municipalities and cities out of Chinese addresses', () => {
    expect(splitChineseAddress('广东省深圳市龙岗区1号')).toEqual({
      state_province: '广东省',
      city: '深圳市',
    })
    expect(splitChineseAddress('北京市朝阳区1号')).toEqual({
      state_province: '北京市',
      city: '北京市',
    })
    expect(splitChineseAddress('新疆维吾尔自治区乌鲁木齐市1号')).toEqual({
      state_province: '新疆维吾尔自治区',
      city: '乌鲁木齐市',
    })
    expect(splitChineseAddress('某路1号')).toEqual({ state_province: '', city: '' })
  })

  it('writes GeoJSON points as [lng, lat] with public fields only', () => {
    const fc = stationsToGeoJson([station()])
    expect(fc.type).toBe('FeatureCollection')
    expect(fc.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [103.8283, 36.0588] })
    expect(fc.features[0]!.properties.openingHours).toBe(
      '周一至周五 08:00-20:00；节假日休息；调休上班按周六',
    )
    expect(JSON.stringify(fc)).not.toMatch(/139|王师傅|contact/)
  })

  it('reads the template example row and writes rows that read back (masked mobile aside)', () => {
    const header = mapHeader(SHEET_HEADERS)
    expect(header.missing).toEqual([])
    const example = readSheetRow(TEMPLATE_EXAMPLE, header)
    expect(example.problems).toEqual([])
    expect(example.orgRef).toBe('兰州市总工会')
    expect(example.fields).toMatchObject({
      coordSystem: 'gcj02',
      capacity: 20,
      contactMobile: '13912345678',
    })
    const s = station()
    const back = readSheetRow(stationSheetRow(s), header)
    expect(back.fields).toMatchObject({
      name: s.name,
      kind: s.kind,
      lat: s.lat,
      lng: s.lng,
      coordSystem: 'wgs84',
      amenities: s.amenities,
      schedule: { weekly: s.schedule.weekly, holidayHours: [], makeUpWorkdayAs: 6 },
    })
    expect(stationSheetRow(s)).toContain('139****5678')
    // Dated exceptions have their own column, and come back into the schedule.
    expect(stationSheetRow(s)[SHEET_HEADERS.indexOf('特殊日期安排')]).toBe('2026-10-01 闭站')
    expect((back.fields.schedule as { exceptions?: unknown }).exceptions).toEqual(
      s.schedule.exceptions,
    )
  })

  it('reads the 特殊日期安排 column into the schedule, and names its problems by that column', () => {
    const at = SHEET_HEADERS.indexOf('特殊日期安排')
    const header = mapHeader(SHEET_HEADERS.map((h, i) => (i === at ? '特殊日期' : h)))
    const cells = [...TEMPLATE_EXAMPLE]
    cells[at] = '2026-12-24 闭站；2026-12-31 09:00-12:00'
    expect(readSheetRow(cells, header).fields.schedule).toMatchObject({
      exceptions: [
        { date: '2026-12-24', closed: true },
        { date: '2026-12-31', hours: [{ start: '09:00', end: '12:00' }] },
      ],
    })
    cells[at] = '2026-12-31 09:00-12:00、10:00-11:00'
    const bad = readSheetRow(cells, header)
    expect(bad.fields.schedule).toBeNull()
    expect(bad.problems.map((p) => `${p.path} ${p.code}`)).toEqual([
      'schedule.exceptions.0.hours.1 PERIOD_OVERLAP',
    ])
    expect(columnOfPath(bad.problems[0]!.path, header)).toEqual({
      label: '特殊日期',
      order: at,
    })
    expect(columnOfPath('schedule.weekly.0', header)?.label).toBe('开放时间*')
    // A sheet from before the column imports as before: no exceptions.
    const old = mapHeader(SHEET_HEADERS.slice(0, at))
    expect(old.missing).toEqual([])
    expect(readSheetRow(TEMPLATE_EXAMPLE.slice(0, at), old).fields.schedule).not.toHaveProperty(
      'exceptions',
    )
  })

  it('reads and writes the 值班电话 column, last; a sheet without it says nothing of the number', () => {
    const at = SHEET_HEADERS.indexOf('值班电话')
    expect(at).toBe(SHEET_HEADERS.length - 1)
    const header = mapHeader(SHEET_HEADERS)
    expect(readSheetRow(TEMPLATE_EXAMPLE, header).fields.dutyPhone).toBe('0931-8123456')
    // Written canonical, read back as is (the body's schema checks it).
    const s = station({ dutyPhone: '0931-8123456-801' })
    expect(stationSheetRow(s)[at]).toBe('0931-8123456-801')
    expect(readSheetRow(stationSheetRow(s), header).fields.dutyPhone).toBe('0931-8123456-801')
    // An empty cell clears the number; no column at all leaves it alone (no key).
    expect(stationSheetRow(station())[at]).toBe('')
    expect(readSheetRow(stationSheetRow(station()), header).fields.dutyPhone).toBeNull()
    const old = mapHeader(SHEET_HEADERS.slice(0, at))
    expect(readSheetRow(TEMPLATE_EXAMPLE.slice(0, at), old).fields).not.toHaveProperty('dutyPhone')
    // A bad number is the body's problem, named by the column.
    expect(columnOfPath('dutyPhone', header)).toEqual({ label: '值班电话', order: at })
  })

  it('names the missing required columns and marks unreadable cells as null', () => {
    expect(mapHeader(['驿站名称', '地址（详细）', '纬度', '经度']).missing).toEqual([
      '所属工会',
      '开放时间',
      '容纳人数',
      '负责人',
      '负责人手机号',
    ])
    const header = mapHeader(SHEET_HEADERS)
    const bad = [...TEMPLATE_EXAMPLE]
    bad[4] = '北纬'
    bad[9] = '饮水、传送门'
    const row = readSheetRow(bad, header)
    expect(row.problems.map((p) => p.path)).toEqual(['lat', 'amenities'])
    expect(row.fields).toMatchObject({ lat: null, amenities: null })
  })
})
