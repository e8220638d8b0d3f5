import {
  StationFeatureCollectionSchema,
  type Station,
  type StationFeatureCollection,
} from '@unionhall/contracts'
import ExcelJS from 'exceljs'
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ACCOUNTS,
  buildTestApp,
  type TestApp,
  type TestSession,
} from '../../../../test/build-test-app'
import { createStation } from '../../../../test/factories/stations'
import {
  auditCount,
  auditRows,
  expectError,
  multipartFile,
  XLSX_TYPE,
} from '../../../../test/helpers'
import { gcj02ToWgs84 } from '../domain/coords'
import type { HsdsDataset } from './hsds'
import { validateHsdsDataset } from './hsds-validator'
import { publicOpenData } from './open-data.service'
import { SHEET_HEADERS } from './station-sheet'

let t: TestApp
let longgang: TestSession // staff of 龙岗区总工会 (station:manage in its subtree)
let gansu: TestSession // org_admin of 甘肃省总工会: every permission, but outside Shenzhen
let counsellor: TestSession // 北京 counsellor: no station permission
let builders: string // 龙岗区建筑行业工联会
let longgangOrg: string // 龙岗区总工会

beforeAll(async () => {
  t = await buildTestApp()
  ;[longgang, gansu, counsellor] = await Promise.all([
    t.loginAs(ACCOUNTS.longgangStaff),
    t.loginAs(ACCOUNTS.gansuAdmin),
    t.loginAs(ACCOUNTS.beijingCounsellor),
  ])
  builders = t.orgId('龙岗区建筑行业工联会')
  longgangOrg = t.orgId('龙岗区总工会')
})
afterAll(() => t.close())

/** An .xlsx whose rows sit on the given line numbers (gaps stay blank lines). */
const workbook = async (lines: Record<number, Array<string | number>>) => {
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet('驿站')
  for (const [line, values] of Object.entries(lines)) {
    sheet.getRow(Number(line)).values = values
    sheet.getRow(Number(line)).commit()
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

let seq = 0
const row = (over: Partial<Record<number, string | number>> = {}): Array<string | number> => {
  const base: Array<string | number> = [
    '龙岗区建筑行业工联会',
    `导入驿站${++seq}`,
    '工地驿站',
    '广东省深圳市龙岗区坂田街道1号',
    22.6512,
    114.0571,
    '',
    '周一至周五 07:00-19:00；周六 08:00-12:00；节假日休息',
    15,
    '饮水、微波炉、卫生间',
    '李师傅',
    '13912340000',
    '工地门口',
  ]
  for (const [i, v] of Object.entries(over)) base[Number(i)] = v!
  return base
}

const upload = (s: TestSession, url: string, name: string, type: string, bytes: Buffer) =>
  s.request({ method: 'POST', url, ...multipartFile(name, type, bytes) })

const importXlsx = (s: TestSession, bytes: Buffer) =>
  upload(s, '/api/v1/stations/import', 'stations.xlsx', XLSX_TYPE, bytes)

const readSheets = async (res: LightMyRequestResponse) => {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
  return wb.worksheets.map((ws) => {
    const rows: string[][] = []
    const text = (v: unknown) =>
      typeof v === 'string' || typeof v === 'number'
        ? String(v)
        : v == null
          ? ''
          : JSON.stringify(v)
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map(text)))
    return { name: ws.name, rows }
  })
}

const stationCount = async (s: TestSession, orgId: string) =>
  (await s.request({ method: 'GET', url: `/api/v1/stations?orgId=${orgId}&pageSize=1` })).json<{
    total: number
  }>().total

const getStation = async (s: TestSession, id: string) => {
  const res = await s.request({ method: 'GET', url: `/api/v1/stations/${id}` })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<Station>()
}

const exportHsds = async (s: TestSession, query: string) => {
  const res = await s.request({ method: 'GET', url: `/api/v1/stations/export/hsds?${query}` })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<HsdsDataset>()
}

describe('GET /api/v1/stations/import-template.xlsx', () => {
  it('needs a session and station:manage', async () => {
    expectError(
      await t.request({ method: 'GET', url: '/api/v1/stations/import-template.xlsx' }),
      401,
    )
    expectError(
      await counsellor.request({ method: 'GET', url: '/api/v1/stations/import-template.xlsx' }),
      403,
    )
  })

  it('has the Chinese columns, an example row and a notes sheet', async () => {
    const res = await longgang.request({
      method: 'GET',
      url: '/api/v1/stations/import-template.xlsx',
    })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain(XLSX_TYPE)
    expect(res.headers['content-disposition']).toContain('station-import-template.xlsx')
    const [data, notes] = await readSheets(res)
    expect(data!.rows[0]).toEqual(SHEET_HEADERS)
    expect(data!.rows[1]![7]).toContain('周一至周五')
    expect(notes!.name).toBe('填写说明')
    const text = notes!.rows.flat().join('\n')
    for (const word of ['开放时间', '24小时', '坐标系', 'gcj02', '微波炉', '调休']) {
      expect(text).toContain(word)
    }
  })

  it('reads back as a file whose only problem is the example org outside my subtree', async () => {
    const template = await longgang.request({
      method: 'GET',
      url: '/api/v1/stations/import-template.xlsx',
    })
    const res = await importXlsx(longgang, template.rawPayload)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({
      created: 0,
      updated: 0,
      errors: [
        {
          row: 2,
          path: 'orgId',
          column: '所属工会*',
          code: 'ORG_NOT_FOUND',
          params: { value: '兰州市总工会' },
          message:
            '找不到工会“兰州市总工会”，或它不在您管理的范围内：请填写系统中工会的完整名称（或工会 ID）',
        },
      ],
    })
  })
})

describe('POST /api/v1/stations/import (.xlsx)', () => {
  it('needs a session, station:manage and the CSRF token', async () => {
    const file = await workbook({ 1: SHEET_HEADERS, 2: row() })
    expectError(
      await t.request({
        method: 'POST',
        url: '/api/v1/stations/import',
        ...multipartFile('a.xlsx', XLSX_TYPE, file),
      }),
      401,
    )
    expectError(await importXlsx(counsellor, file), 403)
    const noCsrf = multipartFile('a.xlsx', XLSX_TYPE, file)
    expectError(
      await t.request({
        method: 'POST',
        url: '/api/v1/stations/import',
        payload: noCsrf.payload,
        headers: { ...noCsrf.headers, cookie: `uh_session=${longgang.cookie}` },
      }),
      403,
    )
  })

  it('creates every row (org by name or id, GCJ-02 by default, Chinese amenities) and audits it', async () => {
    const before = await stationCount(longgang, builders)
    const file = await workbook({
      1: SHEET_HEADERS,
      2: row(),
      3: row({ 0: builders, 6: 'wgs84', 7: '24小时', 9: 'wifi、充电' }),
    })
    const res = await importXlsx(longgang, file)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({ created: 2, updated: 0, errors: [] })
    expect(await stationCount(longgang, builders)).toBe(before + 2)

    const list = await longgang.request({
      method: 'GET',
      url: `/api/v1/stations?orgId=${builders}&q=${encodeURIComponent(`导入驿站${seq - 1}`)}`,
    })
    const [item] = list.json<{ items: Array<{ id: string }> }>().items
    const s = await getStation(longgang, item!.id)
    const wgs = gcj02ToWgs84(22.6512, 114.0571)
    expect(s.lat).toBeCloseTo(wgs.lat, 6)
    expect(s.lng).toBeCloseTo(wgs.lng, 6)
    expect(s).toMatchObject({
      kind: 'construction_site',
      capacity: 15,
      amenities: ['drinking_water', 'microwave', 'toilet'],
      contactMobileMasked: '139****0000',
      schedule: {
        weekly: expect.arrayContaining([{ day: 6, start: '08:00', end: '12:00' }]),
        holidayHours: [],
      },
    })
    const audit = (await auditRows(t, { action: 'station.import', targetId: builders })).at(-1)!
    expect(JSON.parse(audit.summary)).toEqual({
      source: 'xlsx',
      created: 2,
      updated: 0,
      updatedStationIds: [],
    })
  })

  it('imports nothing when any row is wrong and names every problem by spreadsheet line', async () => {
    const before = await stationCount(longgang, longgangOrg)
    const audits = (await auditRows(t, { action: 'station.import' })).length
    const file = await workbook({
      1: SHEET_HEADERS,
      2: row(),
      // line 3 left blank on purpose: errors must still name lines 4–6
      4: row({ 7: '周一至周五 早八晚八', 9: '饮水、传送门' }),
      5: row({ 4: 91, 11: '12345' }),
      6: row({ 0: '不存在的工会' }),
      7: row({ 7: '周一 08:00-12:00；周一 11:00-14:00' }),
    })
    const res = await importXlsx(longgang, file)
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json<{ created: number; errors: Array<{ row: number; path: string }> }>()
    expect(body.created).toBe(0)
    // In the sheet's order: by line, then by column.
    expect(body.errors.map((e) => `${e.row} ${e.path}`)).toEqual([
      '4 schedule',
      '4 amenities',
      '5 lat',
      '5 contactMobile',
      '6 orgId',
      '7 schedule.weekly.1',
    ])
    expect(await stationCount(longgang, longgangOrg)).toBe(before)
    expect(await auditRows(t, { action: 'station.import' })).toHaveLength(audits)
  })

  it('refuses a row with a control character in its text (an .xlsx spells one _x0000_), importing nothing', async () => {
    const before = await stationCount(longgang, longgangOrg)
    const file = await workbook({
      1: SHEET_HEADERS,
      2: row(),
      3: row({ 3: '广东省深圳市龙岗区_x0000_坂田街道1号' }),
      4: row({ 1: '驿站_x001B_[31m' }),
    })
    const res = await importXlsx(longgang, file)
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json<{ created: number; errors: Array<{ row: number; path: string }> }>()
    expect(body.created).toBe(0)
    expect(body.errors.map((e) => `${e.row} ${e.path}`)).toEqual(['3 address', '4 name'])
    expect(await stationCount(longgang, longgangOrg)).toBe(before)
  })

  it('updates the stations a re-imported sheet names (same org, name and address), creating none twice', async () => {
    const first = row()
    const second = row({ 0: builders })
    const before = await stationCount(longgang, builders)
    const res1 = await importXlsx(
      longgang,
      await workbook({ 1: SHEET_HEADERS, 2: first, 3: second }),
    )
    expect(res1.json()).toEqual({ created: 2, updated: 0, errors: [] })
    const list = await longgang.request({
      method: 'GET',
      url: `/api/v1/stations?orgId=${builders}&q=${encodeURIComponent(String(first[1]))}`,
    })
    const id = list.json<{ items: Array<{ id: string }> }>().items[0]!.id
    // Staff add a zone in the console; the sheet has no zones column and must not wipe it.
    const edit = await longgang.request({
      method: 'PATCH',
      url: `/api/v1/stations/${id}`,
      payload: { zones: [{ kind: 'reading' }] },
    })
    expect(edit.statusCode, edit.body).toBe(200)

    // The corrected sheet: new hours and capacity for the first, the second unchanged, a third new.
    const corrected = row({ 1: first[1]!, 7: '24小时', 8: 20 })
    const third = row()
    const res2 = await importXlsx(
      longgang,
      await workbook({ 1: SHEET_HEADERS, 2: corrected, 3: second, 4: third }),
    )
    expect(res2.statusCode, res2.body).toBe(200)
    expect(res2.json()).toEqual({ created: 1, updated: 2, errors: [] })
    expect(await stationCount(longgang, builders)).toBe(before + 3)
    expect(await getStation(longgang, id)).toMatchObject({
      capacity: 20,
      schedule: { alwaysOpen: true },
      zones: [{ kind: 'reading' }],
    })
    const audit = (await auditRows(t, { action: 'station.import', targetId: builders })).at(-1)!
    expect(JSON.parse(audit.summary)).toMatchObject({
      source: 'xlsx',
      created: 1,
      updated: 2,
      updatedStationIds: expect.arrayContaining([id]),
    })
  })

  it('refuses a sheet that names the same station twice, importing nothing', async () => {
    const before = await stationCount(longgang, builders)
    const twice = row()
    const res = await importXlsx(
      longgang,
      await workbook({ 1: SHEET_HEADERS, 2: twice, 3: row(), 4: row({ 8: 30, 1: twice[1]! }) }),
    )
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({
      created: 0,
      updated: 0,
      errors: [
        {
          row: 4,
          path: 'name',
          column: '驿站名称*',
          code: 'DUPLICATE_ROW',
          params: { row: 2 },
          message:
            '与第 2 行是同一个驿站（所属工会、驿站名称和地址都相同）：同一文件中每个驿站只能出现一次，请删除或合并其中一行',
        },
      ],
    })
    expect(await stationCount(longgang, builders)).toBe(before)
  })

  it('refuses a row for an org outside my subtree, whoever I am elsewhere', async () => {
    const file = await workbook({ 1: SHEET_HEADERS, 2: row() })
    const res = await importXlsx(gansu, file)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({
      created: 0,
      updated: 0,
      errors: [
        expect.objectContaining({
          row: 2,
          path: 'orgId',
          code: 'ORG_NOT_FOUND',
          column: '所属工会*',
        }),
      ],
    })
  })

  it('checks the file by its bytes and its header row', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])
    expectError(await importXlsx(longgang, png), 415, 'FILE_TYPE_UNSUPPORTED')
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('a.jpg')])
    expectError(await importXlsx(longgang, zip), 415, 'FILE_TYPE_UNSUPPORTED')
    const e = expectError(
      await importXlsx(longgang, await workbook({ 1: ['姓名', '手机号'], 2: ['张三', '139'] })),
      400,
      'STATION_IMPORT_HEADER_INVALID',
    )
    expect((e.details as { missing: string[] }).missing).toContain('开放时间')
    expectError(
      await importXlsx(longgang, await workbook({ 1: SHEET_HEADERS })),
      400,
      'VALIDATION_FAILED',
    )
    expectError(
      await longgang.request({ method: 'POST', url: '/api/v1/stations/import', payload: {} }),
      400,
      'FILE_MISSING',
    )
  })

  it('refuses more than 5,000 stations in one file before reading any row', async () => {
    const line = row()
      .map((c) => `"${String(c)}"`)
      .join(',')
    const csv = Buffer.from([SHEET_HEADERS.join(','), ...Array<string>(5001).fill(line)].join('\n'))
    const e = expectError(
      await upload(longgang, '/api/v1/stations/import', 'big.csv', 'text/csv', csv),
      400,
      'STATION_IMPORT_TOO_LARGE',
    )
    expect(e.details).toEqual({ rows: 5001, max: 5000 })
  })

  it('reads a UTF-8 CSV saved from the template', async () => {
    const csv = Buffer.from(
      [SHEET_HEADERS, row({ 1: 'CSV驿站' })]
        .map((r) => r.map((c) => `"${String(c)}"`).join(','))
        .join('\r\n'),
    )
    const res = await upload(longgang, '/api/v1/stations/import', 'stations.csv', 'text/csv', csv)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({ created: 1, updated: 0, errors: [] })
  })
})

type RowError = {
  row: number
  path: string
  column?: string
  code: string
  params?: Record<string, string | number>
  message: string
}

const contactOf = async (s: TestSession, id: string) => {
  const res = await s.request({ method: 'GET', url: `/api/v1/stations/${id}/contact` })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<{ contactName: string; contactMobile: string }>().contactMobile
}

const exportXlsx = async (s: TestSession, orgId: string) => {
  const res = await s.request({ method: 'GET', url: `/api/v1/stations/export.xlsx?orgId=${orgId}` })
  expect(res.statusCode, res.body).toBe(200)
  return res.rawPayload
}

describe('station import: row problems a clerk can act on, and the export imported back', () => {
  it('words every problem of a bad workbook in Chinese, with a code and the column as the sheet names it', async () => {
    const before = await stationCount(longgang, builders)
    const file = await workbook({
      1: SHEET_HEADERS,
      2: row({ 0: '不存在工会' }),
      3: row({ 4: 91 }),
      4: row({ 7: '周一 08:00-12:00；周一 11:00-14:00' }),
      5: row({ 8: 'abc' }),
      6: row({ 9: '饮水、游泳池' }),
      7: row({ 1: '' }),
      8: row({ 11: '12345' }),
      9: row({ 12: '长'.repeat(2001) }),
      10: row({ 2: '飞船', 6: 'utm' }),
      11: row({ 7: '周一至周五 17:00-08:00' }),
    })
    const res = await importXlsx(longgang, file)
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json<{ created: number; updated: number; errors: RowError[] }>()
    expect(body.created + body.updated).toBe(0)
    expect(body.errors.map((e) => `${e.row} ${e.column} ${e.code}`)).toEqual([
      '2 所属工会* ORG_NOT_FOUND',
      '3 纬度* LAT_RANGE',
      '4 开放时间* PERIOD_OVERLAP',
      '5 容纳人数* NOT_A_NUMBER',
      '6 服务设施 AMENITY_UNKNOWN',
      '7 驿站名称* REQUIRED',
      '8 负责人手机号* MOBILE_INVALID',
      '9 简介 TEXT_TOO_LONG',
      '10 类型 KIND_UNKNOWN',
      '10 坐标系 COORD_SYSTEM_UNKNOWN',
      '11 开放时间* PERIOD_ENDS_BEFORE_START',
    ])
    const byRow = (line: number) => body.errors.find((e) => e.row === line)!
    expect(byRow(2).message).toBe(
      '找不到工会“不存在工会”，或它不在您管理的范围内：请填写系统中工会的完整名称（或工会 ID）',
    )
    expect(byRow(3).message).toMatch(/^纬度 91 不在 -90 到 90 之间：请填写十进制度数/)
    // The overlap names both periods as the sheet writes them, not weekly.0 / weekly.1.
    expect(byRow(4)).toMatchObject({
      params: { period: '周一 11:00-14:00', other: '周一 08:00-12:00' },
      message: '周一 11:00-14:00 与 周一 08:00-12:00 的时间重叠，请合并成一段或改正时间',
    })
    expect(byRow(5).message).toBe('“abc”不是数字，请只填写数字，不要带单位或文字')
    expect(byRow(6).params).toMatchObject({ value: '游泳池' })
    expect(byRow(6).message).toContain('无法识别服务设施“游泳池”，请从以下名称中选填')
    expect(byRow(9)).toMatchObject({ params: { max: 2000 } })
    expect(byRow(11).message).toContain('请写成 17:00-次日08:00')
    for (const e of body.errors) {
      expect(e.message, e.code).toMatch(/[\u4e00-\u9fff]/)
      expect(e.message, e.code).not.toMatch(
        /within|expected|overlaps|not a number|unknown|required|weekly\.|schedule|orgId/i,
      )
    }
    expect(await stationCount(longgang, builders)).toBe(before)
  })

  it('names an impossible time once per cell, in Chinese, at the hours column', async () => {
    const before = await stationCount(longgang, builders)
    const res = await importXlsx(
      longgang,
      await workbook({ 1: SHEET_HEADERS, 5: row({ 7: '每天 08:00-25:00' }) }),
    )
    expect(res.statusCode, res.body).toBe(200)
    // Not one English "schedule.weekly.N.end: must be HH:MM" per weekday the cell covers.
    expect(res.json<{ errors: RowError[] }>().errors).toEqual([
      {
        row: 5,
        path: 'schedule',
        column: '开放时间*',
        code: 'HOURS_TIME_INVALID',
        params: { segment: '每天 08:00-25:00', time: '25:00' },
        message:
          '“每天 08:00-25:00”中的 25:00 不是有效时间（应为 00:00–24:00 之间的 HH:MM，如 08:30）',
      },
    ])
    expect(await stationCount(longgang, builders)).toBe(before)
  })

  it('lists every problem of every row in one answer, a masked mobile with the others', async () => {
    const station = await createStation(t, longgang, {
      orgId: builders,
      contactMobile: '13822225555',
    })
    const before = await stationCount(longgang, builders)
    const audits = (await auditRows(t, { action: 'station.import' })).length
    const res = await importXlsx(
      longgang,
      await workbook({
        1: SHEET_HEADERS,
        // A new station: masked mobile, with a bad capacity and a bad time besides.
        2: row({ 7: '每天 08:00-25:00', 8: 'abc', 11: '139****0000' }),
        // An existing station whose masked mobile is another's, and a latitude out of range.
        3: row({ 1: station.name, 3: station.address, 4: 91, 11: '139****5555' }),
        // Overlapping hours and a masked mobile on a new station.
        4: row({ 7: '周一 08:00-12:00；周一 11:00-14:00', 11: '139****0000' }),
        // The same station as line 3, itself fine.
        5: row({ 1: station.name, 3: station.address }),
        6: row(),
      }),
    )
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json<{ created: number; updated: number; errors: RowError[] }>()
    expect(body.created + body.updated).toBe(0)
    expect(body.errors.map((e) => `${e.row} ${e.column} ${e.code}`)).toEqual([
      '2 开放时间* HOURS_TIME_INVALID',
      '2 容纳人数* NOT_A_NUMBER',
      '2 负责人手机号* MOBILE_MASKED',
      '3 纬度* LAT_RANGE',
      '3 负责人手机号* MOBILE_MASKED_MISMATCH',
      '4 开放时间* PERIOD_OVERLAP',
      '4 负责人手机号* MOBILE_MASKED',
      '5 驿站名称* DUPLICATE_ROW',
    ])
    for (const e of body.errors) expect(e.message, e.code).toMatch(/[\u4e00-\u9fff]/)
    expect(await stationCount(longgang, builders)).toBe(before)
    expect(await getStation(longgang, station.id)).toMatchObject({
      contactMobileMasked: '138****5555',
    })
    expect(await auditRows(t, { action: 'station.import' })).toHaveLength(audits)
  })

  it('names the column as the file does when it uses another header for it', async () => {
    const headers = SHEET_HEADERS.map((h) => (h === '负责人手机号*' ? '联系电话' : h))
    const res = await importXlsx(
      longgang,
      await workbook({ 1: headers, 2: row({ 11: '1391234' }) }),
    )
    expect(res.json<{ errors: RowError[] }>().errors).toEqual([
      expect.objectContaining({ row: 2, column: '联系电话', code: 'MOBILE_INVALID' }),
    ])
  })

  it('imports its own .xlsx export back: every station updated, masked mobiles keep the stored ones', async () => {
    const station = await createStation(t, longgang, {
      orgId: builders,
      contactMobile: '13822226666',
    })
    const exported = await exportXlsx(longgang, builders)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(exported as unknown as ArrayBuffer)
    const sheet = wb.worksheets[0]!
    const count = sheet.rowCount - 1
    expect(count).toBe(await stationCount(longgang, builders))
    let line = 0
    sheet.eachRow((r, n) => {
      if (r.getCell(2).value === station.name) line = n
    })
    expect(sheet.getRow(line).getCell(12).value).toBe('138****6666')

    // Unchanged: every row updates its station, nothing is created.
    const same = await importXlsx(longgang, exported)
    expect(same.statusCode, same.body).toBe(200)
    expect(same.json()).toEqual({ created: 0, updated: count, errors: [] })
    expect(await contactOf(longgang, station.id)).toBe('13822226666')

    // Edited: a new capacity is taken, the masked mobile still keeps the stored one.
    sheet.getRow(line).getCell(9).value = '33'
    const edited = await importXlsx(longgang, Buffer.from(await wb.xlsx.writeBuffer()))
    expect(edited.json()).toEqual({ created: 0, updated: count, errors: [] })
    expect(await getStation(longgang, station.id)).toMatchObject({
      capacity: 33,
      contactMobileMasked: '138****6666',
    })
    expect(await contactOf(longgang, station.id)).toBe('13822226666')
    expect(await stationCount(longgang, builders)).toBe(count)

    // A full number in the cell replaces the stored one.
    sheet.getRow(line).getCell(12).value = '13700001111'
    const replaced = await importXlsx(longgang, Buffer.from(await wb.xlsx.writeBuffer()))
    expect(replaced.json()).toEqual({ created: 0, updated: count, errors: [] })
    expect(await contactOf(longgang, station.id)).toBe('13700001111')
  })

  it('refuses a masked mobile on a new station, or one that is not the stored mobile’s mask', async () => {
    const station = await createStation(t, longgang, {
      orgId: builders,
      contactMobile: '13822227777',
    })
    const before = await stationCount(longgang, builders)
    const existing = row({
      0: '龙岗区建筑行业工联会',
      1: station.name,
      3: station.address,
      11: '138****7777',
    })
    const res = await importXlsx(
      longgang,
      await workbook({ 1: SHEET_HEADERS, 2: row({ 11: '139****0000' }), 3: existing }),
    )
    expect(res.statusCode, res.body).toBe(200)
    // Line 3's mask is the stored mobile's: only the new station of line 2 is refused.
    expect(res.json()).toEqual({
      created: 0,
      updated: 0,
      errors: [
        {
          row: 2,
          path: 'contactMobile',
          column: '负责人手机号*',
          code: 'MOBILE_MASKED',
          message: '负责人手机号是隐藏后的号码，请填写完整的 11 位手机号',
        },
      ],
    })
    // Written with spaces, it is still a masked number, not a mobile.
    const spaced = await importXlsx(
      longgang,
      await workbook({ 1: SHEET_HEADERS, 2: row({ 11: '139 **** 0000' }) }),
    )
    expect(spaced.json<{ errors: RowError[] }>().errors).toEqual([
      expect.objectContaining({ row: 2, code: 'MOBILE_MASKED', column: '负责人手机号*' }),
    ])
    const other = existing.map((c, i) => (i === 11 ? '139****7777' : c))
    const mismatch = await importXlsx(longgang, await workbook({ 1: SHEET_HEADERS, 2: other }))
    expect(mismatch.json<{ errors: RowError[] }>().errors).toEqual([
      {
        row: 2,
        path: 'contactMobile',
        column: '负责人手机号*',
        code: 'MOBILE_MASKED_MISMATCH',
        params: { stored: '138****7777' },
        message:
          '负责人手机号是隐藏后的号码，且与该驿站现有的手机号（138****7777）不符，请填写完整的 11 位手机号',
      },
    ])
    expect(await stationCount(longgang, builders)).toBe(before)
    expect(await contactOf(longgang, station.id)).toBe('13822227777')
  })
  it('imports an HSDS export without contacts back: stations keep their stored mobiles, a new location needs one', async () => {
    const station = await createStation(t, longgang, {
      orgId: builders,
      contactMobile: '13822228888',
    })
    const doc = await exportHsds(longgang, `orgId=${builders}`)
    expect(doc.locations.some((l) => l.contacts?.[0]?.phones !== undefined)).toBe(false)
    const importHsdsDoc = (d: HsdsDataset) =>
      upload(
        longgang,
        '/api/v1/stations/import/hsds',
        'stations.json',
        'application/json',
        Buffer.from(JSON.stringify(d)),
      )
    const res = await importHsdsDoc(doc)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({ created: 0, updated: doc.locations.length, errors: [] })
    expect(await contactOf(longgang, station.id)).toBe('13822228888')

    const loc = doc.locations.find((l) => l.id === station.id)!
    const added = { ...loc, id: '0190a0a0-0000-7000-8000-000000000001', name: 'HSDS新驿站' }
    const refused = await importHsdsDoc({ ...doc, locations: [...doc.locations, added] })
    expect(refused.statusCode, refused.body).toBe(200)
    expect(refused.json()).toEqual({
      created: 0,
      updated: 0,
      errors: [
        {
          row: doc.locations.length + 1,
          path: 'contactMobile',
          // Where in the file, for its author: the location's phones, with its name.
          column: `locations[${doc.locations.length}].contacts[0].phones（HSDS新驿站）`,
          code: 'MOBILE_MISSING_NEW',
          message: '这是新驿站，需要负责人的完整 11 位手机号，请补上',
        },
      ],
    })
  })
})

describe('station .xlsx: dated schedule exceptions (特殊日期安排)', () => {
  const EXCEPTIONS = [
    { date: '2026-12-24', closed: true as const },
    {
      date: '2026-12-31',
      hours: [
        { start: '09:00', end: '12:00' },
        { start: '20:00', end: '02:00', overnight: true },
      ],
    },
  ]
  const weekly = [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '18:00' }))

  /** The exported workbook, and the line and 特殊日期安排 cell of one station. */
  const exportedWith = async (stationName: string) => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await exportXlsx(longgang, builders)) as unknown as ArrayBuffer)
    const sheet = wb.worksheets[0]!
    const column = SHEET_HEADERS.indexOf('特殊日期安排') + 1
    expect(sheet.getRow(1).getCell(column).value).toBe('特殊日期安排')
    let line = 0
    sheet.eachRow((r, n) => {
      if (r.getCell(2).value === stationName) line = n
    })
    expect(line).toBeGreaterThan(1)
    const bytes = async () => Buffer.from(await wb.xlsx.writeBuffer())
    return { sheet, line, cell: sheet.getRow(line).getCell(column), bytes }
  }

  it('exports them in a column of their own and imports the file back with the same exceptions', async () => {
    const station = await createStation(t, longgang, {
      orgId: builders,
      name: `特殊日期驿站${Date.now()}`,
      schedule: { weekly, holidayHours: [], exceptions: EXCEPTIONS },
    })
    const plain = await createStation(t, longgang, {
      orgId: builders,
      name: `无特殊日期驿站${Date.now()}`,
      schedule: { weekly },
    })
    const count = await stationCount(longgang, builders)
    const file = await exportedWith(station.name)
    expect(file.cell.value).toBe('2026-12-24 闭站；2026-12-31 09:00-12:00、20:00-次日02:00')

    const same = await importXlsx(longgang, await file.bytes())
    expect(same.statusCode, same.body).toBe(200)
    expect(same.json()).toEqual({ created: 0, updated: count, errors: [] })
    expect((await getStation(longgang, station.id)).schedule).toEqual({
      weekly,
      holidayHours: [],
      exceptions: EXCEPTIONS,
    })
    expect((await getStation(longgang, plain.id)).schedule).toEqual({ weekly })

    // Typed by hand: another date closed, one date's hours changed, in the forms staff write.
    file.cell.value = '2026年12月24日 休息\n2027/1/1 10:00-14:00'
    const edited = await importXlsx(longgang, await file.bytes())
    expect(edited.json()).toEqual({ created: 0, updated: count, errors: [] })
    expect((await getStation(longgang, station.id)).schedule.exceptions).toEqual([
      { date: '2026-12-24', closed: true },
      { date: '2027-01-01', hours: [{ start: '10:00', end: '14:00' }] },
    ])

    // Emptied: the station has no dated exceptions any more.
    file.cell.value = ''
    const cleared = await importXlsx(longgang, await file.bytes())
    expect(cleared.json()).toEqual({ created: 0, updated: count, errors: [] })
    expect((await getStation(longgang, station.id)).schedule).toEqual({ weekly, holidayHours: [] })
  })

  it('refuses bad dates, overlaps and an end before the start by row and column, importing nothing', async () => {
    const station = await createStation(t, longgang, {
      orgId: builders,
      name: `特殊日期错误驿站${Date.now()}`,
      schedule: { weekly, exceptions: EXCEPTIONS },
    })
    const before = await stationCount(longgang, builders)
    const cells = (text: string) => [...row(), text]
    const res = await importXlsx(
      longgang,
      await workbook({
        1: SHEET_HEADERS,
        2: cells('1999-12-24 闭站'),
        3: cells('2026-02-30 闭站'),
        4: cells('2026-12-31 09:00-12:00、11:00-13:00'),
        5: cells('2026-12-31 18:00-09:00'),
        6: cells('平安夜 闭站'),
        7: cells('2026-12-24 闭站；2026-12-24 09:00-12:00'),
        8: cells('2026-12-25 闭站'),
      }),
    )
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json<{ created: number; updated: number; errors: RowError[] }>()
    expect(body.created + body.updated).toBe(0)
    expect(body.errors.map((e) => `${e.row} ${e.column} ${e.code}`)).toEqual([
      '2 特殊日期安排 EXCEPTION_DATE_RANGE',
      '3 特殊日期安排 EXCEPTION_DATE_INVALID',
      '4 特殊日期安排 PERIOD_OVERLAP',
      '5 特殊日期安排 PERIOD_ENDS_BEFORE_START',
      '6 特殊日期安排 EXCEPTION_UNREADABLE',
      '7 特殊日期安排 EXCEPTION_DUPLICATE',
    ])
    const byRow = (line: number) => body.errors.find((e) => e.row === line)!
    expect(byRow(2).message).toBe('日期 1999-12-24 的年份须在 2000 到 2099 之间，请检查年份')
    expect(byRow(3).message).toBe('没有 2026-02-30 这一天，请检查月份和日期（如 2026-12-24）')
    expect(byRow(4).message).toBe(
      '2026-12-31 11:00-13:00 与 2026-12-31 09:00-12:00 的时间重叠，请合并成一段或改正时间',
    )
    expect(byRow(5).message).toContain('请写成 18:00-次日09:00')
    // Nothing imported: no new station (line 8 was fine), the existing one unchanged.
    expect(await stationCount(longgang, builders)).toBe(before)
    expect((await getStation(longgang, station.id)).schedule.exceptions).toEqual(EXCEPTIONS)

    // The exported row with a bad cell: the station keeps its exceptions.
    const file = await exportedWith(station.name)
    file.cell.value = '2026-12-31 12:00-09:00'
    const refused = await importXlsx(longgang, await file.bytes())
    expect(refused.json<{ updated: number; errors: RowError[] }>()).toMatchObject({
      updated: 0,
      errors: [{ row: file.line, column: '特殊日期安排', code: 'PERIOD_ENDS_BEFORE_START' }],
    })
    expect((await getStation(longgang, station.id)).schedule.exceptions).toEqual(EXCEPTIONS)
  })
})

describe('the duty phone (值班电话) in the .xlsx and HSDS files', () => {
  const column = SHEET_HEADERS.indexOf('值班电话') + 1

  /** The exported workbook, and the 值班电话 cell of one station. */
  const exportedWith = async (stationName: string) => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await exportXlsx(longgang, builders)) as unknown as ArrayBuffer)
    const sheet = wb.worksheets[0]!
    let line = 0
    sheet.eachRow((r, n) => {
      if (r.getCell(2).value === stationName) line = n
    })
    expect(line).toBeGreaterThan(1)
    const bytes = async () => Buffer.from(await wb.xlsx.writeBuffer())
    return { sheet, cell: sheet.getRow(line).getCell(column), bytes }
  }

  it('exports it in the last column and imports the file back: kept, changed, cleared; a sheet without the column keeps it', async () => {
    const station = await createStation(t, longgang, {
      orgId: builders,
      name: `值班电话驿站${Date.now()}`,
      dutyPhone: '0931-8123456-801',
    })
    const dutyPhone = async () => (await getStation(longgang, station.id)).dutyPhone
    const { sheet, cell, bytes } = await exportedWith(station.name)
    expect(column).toBe(SHEET_HEADERS.length)
    expect(sheet.getRow(1).getCell(column).value).toBe('值班电话')
    expect(cell.value).toBe('0931-8123456-801')
    const count = sheet.rowCount - 1
    const all = { created: 0, updated: count, errors: [] }

    expect((await importXlsx(longgang, await bytes())).json()).toEqual(all)
    expect(await dutyPhone()).toBe('0931-8123456-801')
    // Typed as people do: stored canonical.
    cell.value = '0931 8000000'
    expect((await importXlsx(longgang, await bytes())).json()).toEqual(all)
    expect(await dutyPhone()).toBe('0931-8000000')
    // An empty cell clears it.
    cell.value = null
    expect((await importXlsx(longgang, await bytes())).json()).toEqual(all)
    expect(await dutyPhone()).toBeNull()
    // A sheet without the column (the template before it) leaves the number alone.
    const set = await longgang.request({
      method: 'PATCH',
      url: `/api/v1/stations/${station.id}`,
      payload: { dutyPhone: '400-123-4567' },
    })
    expect(set.statusCode, set.body).toBe(200)
    sheet.spliceColumns(column, 1)
    expect((await importXlsx(longgang, await bytes())).json()).toEqual(all)
    expect(await dutyPhone()).toBe('400-123-4567')
    const audit = (await auditRows(t, { action: 'station.import', targetId: builders })).at(-1)!
    expect(JSON.parse(audit.summary)).toMatchObject({
      updatedStationIds: [...Array(count)].map(() => expect.any(String)),
    })
  })

  it('refuses a bad number by row and column, importing nothing; a good one is stored canonical', async () => {
    const before = await stationCount(longgang, builders)
    const good = row({ 13: '', 14: '（0755）2345 6789' })
    const res = await importXlsx(
      longgang,
      await workbook({ 1: SHEET_HEADERS, 2: row({ 13: '', 14: '8123456' }), 3: good }),
    )
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({
      created: 0,
      updated: 0,
      errors: [
        {
          row: 2,
          path: 'dutyPhone',
          column: '值班电话',
          code: 'DUTY_PHONE_INVALID',
          params: { value: '8123456' },
          message:
            '“8123456”不是正确的值班电话，请填写带区号的固定电话（如 0931-8123456，分机写在后面：0931-8123456-801）、400/800 电话或 11 位手机号；没有值班电话请留空',
        },
      ],
    })
    expect(await stationCount(longgang, builders)).toBe(before)
    const ok = await importXlsx(longgang, await workbook({ 1: SHEET_HEADERS, 2: good }))
    expect(ok.json()).toEqual({ created: 1, updated: 0, errors: [] })
    const list = await longgang.request({
      method: 'GET',
      url: `/api/v1/stations?orgId=${builders}&q=${encodeURIComponent(String(good[1]))}`,
    })
    const [created] = list.json<{ items: Array<{ id: string }> }>().items
    expect((await getStation(longgang, created!.id)).dutyPhone).toBe('0755-23456789')
  })

  it('travels as the location’s phone in HSDS, also without contacts, and imports back without touching the personal mobile', async () => {
    const station = await createStation(t, longgang, {
      orgId: longgangOrg,
      name: `HSDS值班电话驿站${Date.now()}`,
      contactMobile: '13822229999',
      dutyPhone: '13855556666',
    })
    const doc = await exportHsds(longgang, `orgId=${longgangOrg}`)
    const loc = doc.locations.find((l) => l.id === station.id)!
    expect(loc.phones).toEqual([
      expect.objectContaining({ number: '13855556666', type: 'cell', description: '值班电话' }),
    ])
    expect(loc.contacts?.[0]?.phones).toBeUndefined()
    const importLocation = (phones: HsdsDataset['locations'][number]['phones']) =>
      upload(
        longgang,
        '/api/v1/stations/import/hsds',
        'stations.json',
        'application/json',
        Buffer.from(JSON.stringify({ ...doc, locations: [{ ...loc, phones }] })),
      )
    // Unchanged: the public mobile stays the duty phone, never the person in charge's mobile.
    expect((await importLocation(loc.phones)).json()).toEqual({
      created: 0,
      updated: 1,
      errors: [],
    })
    expect((await getStation(longgang, station.id)).dutyPhone).toBe('13855556666')
    expect(await contactOf(longgang, station.id)).toBe('13822229999')
    // Edited in the file: a landline with its extension.
    const landline = { ...loc.phones![0]!, number: '0931-8123456', extension: 801, type: 'voice' }
    expect((await importLocation([landline])).json()).toEqual({
      created: 0,
      updated: 1,
      errors: [],
    })
    expect((await getStation(longgang, station.id)).dutyPhone).toBe('0931-8123456-801')
    expect(await contactOf(longgang, station.id)).toBe('13822229999')
    // A number of another shape is named where it is in the file.
    const bad = await importLocation([{ ...landline, number: '12345', extension: undefined }])
    expect(bad.json()).toEqual({
      created: 0,
      updated: 0,
      errors: [
        expect.objectContaining({
          row: 1,
          path: 'dutyPhone',
          column: `locations[0].phones（${station.name}）`,
          code: 'DUTY_PHONE_INVALID',
        }),
      ],
    })
    expect((await getStation(longgang, station.id)).dutyPhone).toBe('0931-8123456-801')
    // The public file carries it: the station publishes it.
    const pub = await t.request({
      method: 'GET',
      url: `/api/v1/public/stations/open-data/hsds?orgId=${longgangOrg}`,
    })
    expect(pub.statusCode, pub.body).toBe(200)
    const published = pub.json<HsdsDataset>().locations.find((l) => l.id === station.id)!
    expect(published.phones).toEqual([
      expect.objectContaining({ number: '0931-8123456', extension: 801, description: '值班电话' }),
    ])
    expect(published.contacts).toBeUndefined()
  })
})

describe('GET /api/v1/stations/export.xlsx', () => {
  it('needs a session, station:read and an org in my subtree', async () => {
    expectError(await t.request({ method: 'GET', url: '/api/v1/stations/export.xlsx' }), 401)
    expectError(
      await counsellor.request({ method: 'GET', url: '/api/v1/stations/export.xlsx' }),
      403,
    )
    expectError(
      await gansu.request({ method: 'GET', url: `/api/v1/stations/export.xlsx?orgId=${builders}` }),
      403,
    )
    expectError(
      await longgang.request({ method: 'GET', url: '/api/v1/stations/export.xlsx?orgId=nope' }),
      400,
    )
  })

  it('lists the subtree with masked mobiles only, and audits the export', async () => {
    const res = await longgang.request({
      method: 'GET',
      url: `/api/v1/stations/export.xlsx?orgId=${builders}`,
    })
    expect(res.statusCode).toBe(200)
    const [sheet] = await readSheets(res)
    expect(sheet!.rows[0]).toEqual(SHEET_HEADERS)
    const rows = sheet!.rows.slice(1)
    expect(rows.length).toBe(await stationCount(longgang, builders))
    const mobiles = rows.map((r) => r[11]!)
    expect(mobiles.every((m) => /^1\d{2}\*{4}\d{4}$/.test(m))).toBe(true)
    expect(res.rawPayload.includes(Buffer.from('13912340000'))).toBe(false)
    const audit = (await auditRows(t, { action: 'station.export', targetId: builders })).at(-1)!
    expect(JSON.parse(audit.summary)).toEqual({ format: 'xlsx', count: rows.length })
  })
})

describe('GET /api/v1/stations/export/geojson', () => {
  it('needs a session, station:read and an org in my subtree', async () => {
    expectError(await t.request({ method: 'GET', url: '/api/v1/stations/export/geojson' }), 401)
    expectError(
      await counsellor.request({ method: 'GET', url: '/api/v1/stations/export/geojson' }),
      403,
    )
    expectError(
      await gansu.request({
        method: 'GET',
        url: `/api/v1/stations/export/geojson?orgId=${builders}`,
      }),
      403,
    )
    expectError(
      await longgang.request({ method: 'GET', url: '/api/v1/stations/export/geojson?x=1' }),
      400,
    )
  })

  it('answers WGS-84 points as [lng, lat] with no contact data, and audits the export', async () => {
    const res = await longgang.request({
      method: 'GET',
      url: `/api/v1/stations/export/geojson?orgId=${builders}`,
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toContain('application/geo+json')
    const fc = res.json<StationFeatureCollection>()
    // Sent as bytes built in slices, past the response serializer: the route's schema holds,
    // with nothing it does not list.
    expect(StationFeatureCollectionSchema.parse(fc)).toEqual(fc)
    expect(fc.type).toBe('FeatureCollection')
    expect(fc.features.length).toBe(await stationCount(longgang, builders))
    const s = await getStation(longgang, fc.features[0]!.id)
    expect(fc.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [s.lng, s.lat] })
    expect(res.body).not.toMatch(/contact|\*\*\*\*|"(\+86)?1[3-9]\d{9}"/)
    const audit = (await auditRows(t, { action: 'station.export', targetId: builders })).at(-1)!
    expect(JSON.parse(audit.summary)).toEqual({ format: 'geojson', count: fc.features.length })
  })
})

describe('HSDS export and import', () => {
  it('export needs a session, station:read and an org in my subtree', async () => {
    expectError(await t.request({ method: 'GET', url: '/api/v1/stations/export/hsds' }), 401)
    expectError(
      await counsellor.request({ method: 'GET', url: '/api/v1/stations/export/hsds' }),
      403,
    )
    expectError(
      await gansu.request({ method: 'GET', url: `/api/v1/stations/export/hsds?orgId=${builders}` }),
      403,
    )
    expectError(
      await longgang.request({
        method: 'GET',
        url: `/api/v1/stations/export/hsds?orgId=${builders}&includeContacts=yes`,
      }),
      400,
    )
  })

  it('exports a dataset valid against the official schemas; mobiles only on request, audited', async () => {
    const open = await exportHsds(longgang, `orgId=${builders}`)
    expect(open.locations.length).toBe(await stationCount(longgang, builders))
    expect(validateHsdsDataset(open)).toEqual([])
    expect(JSON.stringify(open)).not.toContain('13912340000')
    expect(JSON.parse((await auditRows(t, { action: 'station.export' })).at(-1)!.summary)).toEqual({
      format: 'hsds',
      count: open.locations.length,
      includeContacts: false,
    })
    const full = await exportHsds(longgang, `orgId=${builders}&includeContacts=true`)
    expect(validateHsdsDataset(full)).toEqual([])
    expect(JSON.stringify(full)).toContain('13912340000')
    expect(
      JSON.parse((await auditRows(t, { action: 'station.export' })).at(-1)!.summary),
    ).toMatchObject({
      includeContacts: true,
    })
  })

  it('full mobiles need station:manage: a volunteer gets 403, and the open file without them', async () => {
    const volunteer = await t.loginAs('13620760011') // demo volunteer of 龙岗 (station:read)
    const before = await auditCount(t)
    expectError(
      await volunteer.request({
        method: 'GET',
        url: '/api/v1/stations/export/hsds?includeContacts=true',
      }),
      403,
      'ACCESS_DENIED',
    )
    expectError(
      await volunteer.request({
        method: 'GET',
        url: `/api/v1/stations/export/hsds?orgId=${builders}&includeContacts=true`,
      }),
      403,
      'ACCESS_DENIED',
    )
    expect(await auditCount(t)).toBe(before)
    const open = await exportHsds(volunteer, '')
    expect(open.locations.length).toBeGreaterThan(0)
    expect(JSON.stringify(open)).not.toMatch(/"number":"1\d{10}"/)
  })

  it('an export without an org is audited on the subtree it covered, where its admins see it', async () => {
    await exportHsds(longgang, 'includeContacts=true')
    const row = (await auditRows(t, { action: 'station.export' })).at(-1)!
    expect(row).toMatchObject({ org_id: longgangOrg, target_id: longgangOrg })
    const shenzhenAdmin = await t.loginAs(ACCOUNTS.shenzhenAdmin)
    const seen = await shenzhenAdmin.request({
      method: 'GET',
      url: '/api/v1/audit?action=station.export',
    })
    expect(seen.statusCode, seen.body).toBe(200)
    expect(seen.json<{ items: Array<{ id: string }> }>().items.map((i) => i.id)).toContain(row.id)
  })

  it('import needs a session, station:manage, and an org in my subtree', async () => {
    const doc = await exportHsds(longgang, `orgId=${builders}&includeContacts=true`)
    expectError(
      await t.request({ method: 'POST', url: '/api/v1/stations/import/hsds', payload: doc }),
      401,
    )
    expectError(
      await counsellor.request({
        method: 'POST',
        url: '/api/v1/stations/import/hsds',
        payload: doc,
      }),
      403,
    )
    expectError(
      await gansu.request({
        method: 'POST',
        url: `/api/v1/stations/import/hsds?orgId=${longgangOrg}`,
        payload: doc,
      }),
      403,
    )
    // Without a target org, Shenzhen's organizations are not Gansu's: every row is refused.
    const res = await gansu.request({
      method: 'POST',
      url: '/api/v1/stations/import/hsds',
      payload: doc,
    })
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json<{ created: number; errors: Array<{ path: string }> }>()
    expect(body.created).toBe(0)
    expect(body.errors.length).toBe(doc.locations.length)
    expect(body.errors.every((e) => e.path === 'orgId')).toBe(true)
  })

  it('refuses a dataset that breaks the HSDS schema with every problem, importing nothing', async () => {
    const doc = await exportHsds(longgang, `orgId=${builders}&includeContacts=true`)
    const before = await stationCount(longgang, longgangOrg)
    const broken = {
      ...doc,
      locations: doc.locations.map((l, i) => (i === 0 ? { ...l, latitude: 'north', id: 'x' } : l)),
    }
    const e = expectError(
      await longgang.request({
        method: 'POST',
        url: '/api/v1/stations/import/hsds',
        payload: broken,
      }),
      400,
      'STATION_HSDS_INVALID',
    )
    const name = doc.locations[0]!.name!
    expect(e.details).toEqual(
      expect.arrayContaining([
        {
          row: 1,
          path: 'locations[0].id',
          column: `locations[0].id（${name}）`,
          code: 'HSDS_FORMAT',
          params: expect.objectContaining({ format: 'uuid', value: '"x"' }),
          message: expect.stringMatching(/^"x" 不是有效的UUID/),
        },
        {
          row: 1,
          path: 'locations[0].latitude',
          column: `locations[0].latitude（${name}）`,
          code: 'HSDS_WRONG_TYPE',
          params: { expected: 'number', expectedZh: '数字', value: '"north"' },
          message: '应为数字，不能是 "north"',
        },
      ]),
    )
    const notDataset = expectError(
      await longgang.request({ method: 'POST', url: '/api/v1/stations/import/hsds', payload: [] }),
      400,
      'STATION_HSDS_INVALID',
    )
    expect(notDataset.details).toEqual([
      expect.objectContaining({ row: 0, path: '', column: '（文件）', code: 'HSDS_NOT_DATASET' }),
    ])
    expect(await stationCount(longgang, longgangOrg)).toBe(before)
  })

  it('reads an uploaded .json file by its content', async () => {
    expectError(
      await upload(
        longgang,
        '/api/v1/stations/import/hsds',
        'a.json',
        'application/json',
        Buffer.from('{nope'),
      ),
      415,
      'STATION_HSDS_FILE_UNSUPPORTED',
    )
    const xlsx = await workbook({ 1: SHEET_HEADERS })
    expectError(
      await upload(longgang, '/api/v1/stations/import/hsds', 'a.json', 'application/json', xlsx),
      415,
      'STATION_HSDS_FILE_UNSUPPORTED',
    )
  })

  it("without a target org, puts each location at its organization's org, by id or exact name", async () => {
    const doc = await exportHsds(longgang, `orgId=${builders}&includeContacts=true`)
    const [first, second] = doc.locations
    const stranger = '0193a1b2-0000-7000-8000-00000000abcd'
    const renamed: HsdsDataset = {
      ...doc,
      organizations: [
        ...doc.organizations,
        { id: stranger, name: '龙岗区总工会', description: '' },
      ],
      locations: [first!, { ...second!, organization_id: stranger }],
    }
    const builtBefore = await stationCount(longgang, builders)
    const res = await longgang.request({
      method: 'POST',
      url: '/api/v1/stations/import/hsds',
      payload: renamed,
    })
    expect(res.statusCode, res.body).toBe(200)
    // The first location goes back to its own org, where the same station (name and address)
    // exists: it is updated, not doubled. The second goes to 龙岗区总工会 as a new station.
    expect(res.json()).toEqual({ created: 1, updated: 1, errors: [] })
    expect(await stationCount(longgang, builders)).toBe(builtBefore)
    const audits = await auditRows(t, { action: 'station.import' })
    expect(
      audits
        .slice(-2)
        .map((a) => a.target_id)
        .sort(),
    ).toEqual([builders, longgangOrg].sort())
  })

  it('round trip: export an org, import into another, get the same stations', async () => {
    const doc = await exportHsds(longgang, `orgId=${builders}&includeContacts=true`)
    const originals = await Promise.all(doc.locations.map((l) => getStation(longgang, l.id)))
    const since = new Date().toISOString()
    const file = Buffer.from(JSON.stringify(doc))
    const res = await upload(
      longgang,
      `/api/v1/stations/import/hsds?orgId=${longgangOrg}`,
      'stations.json',
      'application/json',
      file,
    )
    expect(res.statusCode, res.body).toBe(200)
    // One of them is already at 龙岗区总工会 (the previous test put it there): updated, not doubled.
    const counts = res.json<{ created: number; updated: number }>()
    expect(counts).toEqual({ created: originals.length - 1, updated: 1, errors: [] })
    const audit = (await auditRows(t, { action: 'station.import', targetId: longgangOrg })).at(-1)!
    expect(JSON.parse(audit.summary)).toMatchObject({
      source: 'hsds',
      created: counts.created,
      updated: counts.updated,
    })

    const after = await exportHsds(longgang, `orgId=${longgangOrg}&includeContacts=true`)
    const copies = await Promise.all(
      after.locations
        .filter((l) => l.organization_id === longgangOrg)
        .map((l) => getStation(longgang, l.id)),
    )
    const imported = copies.filter((c) => c.updatedAt >= since)
    const comparable = (s: Station) => ({
      name: s.name,
      kind: s.kind,
      address: s.address,
      lat: s.lat,
      lng: s.lng,
      schedule: s.schedule,
      capacity: s.capacity,
      amenities: s.amenities,
      zones: s.zones,
      contactName: s.contactName,
      contactMobileMasked: s.contactMobileMasked,
      photos: s.photos,
      services: s.services,
      description: s.description,
    })
    const byName = (a: { name: string; lat: number }, b: { name: string; lat: number }) =>
      a.name.localeCompare(b.name) || a.lat - b.lat
    expect(imported.map(comparable).sort(byName)).toEqual(originals.map(comparable).sort(byName))
    expect(imported.every((s) => s.orgId === longgangOrg)).toBe(true)
    // The full mobiles made the trip too.
    const mobiles = (d: HsdsDataset, ids: string[]) =>
      d.locations
        .filter((l) => ids.includes(l.id))
        .map((l) => l.contacts![0]!.phones![0]!.number)
        .sort()
    expect(
      mobiles(
        after,
        imported.map((s) => s.id),
      ),
    ).toEqual(
      mobiles(
        doc,
        originals.map((s) => s.id),
      ),
    )
  })
})

describe('HSDS import of hours edited in a file of ours', () => {
  it('names a location whose weekly schedules no longer match its exact schedule, changing nothing; without the attribute the schedules are read', async () => {
    const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '18:00' }))
    const station = await createStation(t, longgang, {
      orgId: builders,
      name: `改时间驿站${Date.now()}`,
      schedule: { weekly: weekdays },
    })
    const doc = await exportHsds(longgang, `orgId=${builders}&includeContacts=true`)
    const own = doc.schedules.filter((x) => x.location_id === station.id && !x.service_id)
    expect(own).toHaveLength(1)
    own[0]!.opens_at = '09:30+08:00'
    const send = (d: HsdsDataset) =>
      upload(
        longgang,
        `/api/v1/stations/import/hsds?orgId=${builders}`,
        'stations.json',
        'application/json',
        Buffer.from(JSON.stringify(d)),
      )

    const refused = await send(doc)
    expect(refused.statusCode, refused.body).toBe(200)
    const body = refused.json<{ created: number; updated: number; errors: RowError[] }>()
    expect(body).toMatchObject({ created: 0, updated: 0 })
    expect(body.errors.map((e) => e.path)).toEqual(['schedule'])
    const index = doc.locations.findIndex((l) => l.id === station.id)
    expect(body.errors[0]).toMatchObject({
      row: index + 1,
      code: 'HSDS_SCHEDULE_MISMATCH',
      column: `locations[${index}].schedules（${station.name}）`,
    })
    expect((await getStation(longgang, station.id)).schedule.weekly).toEqual(weekdays)

    const loc = doc.locations.find((l) => l.id === station.id)!
    loc.attributes = loc.attributes?.filter(
      (a) =>
        a.taxonomy_term?.taxonomy !== 'unionhall:schedule' && a.link_type !== 'unionhall:schedule',
    )
    const applied = await send(doc)
    expect(applied.json<{ errors: unknown[] }>().errors).toEqual([])
    expect((await getStation(longgang, station.id)).schedule.weekly).toEqual(
      weekdays.map((p) => ({ ...p, start: '09:30' })),
    )
  })
})

describe('GET /api/v1/public/stations/open-data/{geojson,hsds}', () => {
  const download = (format: string, query = '') =>
    t.request({ method: 'GET', url: `/api/v1/public/stations/open-data/${format}${query}` })

  it('answers anyone with an org’s active stations, public fields only, and audits nothing', async () => {
    const audits = await auditCount(t)
    const count = await stationCount(longgang, builders)
    expect(count).toBeGreaterThan(0)

    const geo = await download('geojson', `?orgId=${builders}`)
    expect(geo.statusCode, geo.body).toBe(200)
    expect(geo.headers['content-type']).toContain('application/geo+json')
    expect(geo.headers['content-disposition']).toContain('attachment')
    expect(geo.json<StationFeatureCollection>().features).toHaveLength(count)
    expect(geo.body).not.toMatch(/contact|\*\*\*\*|"(\+86)?1[3-9]\d{9}"/)

    const hsds = await download('hsds', `?orgId=${builders}`)
    expect(hsds.statusCode, hsds.body).toBe(200)
    const dataset = hsds.json<HsdsDataset>()
    expect(dataset.locations).toHaveLength(count)
    expect(validateHsdsDataset(dataset)).toEqual([])
    // No person in charge: not their name, not their mobile, not even an empty contact. A mobile
    // is matched as a whole JSON string: eleven digits can occur inside the file's random ids.
    expect(hsds.body).not.toMatch(/"contacts"|驿站负责人|"(\+86)?1[3-9]\d{9}"/)

    expect(await auditCount(t)).toBe(audits)
  })

  it('refuses bad input with a clear 4xx', async () => {
    expectError(await download('geojson', '?orgId=nope'), 400, 'VALIDATION_FAILED')
    expectError(await download('hsds', `?orgId=${builders}&includeContacts=true`), 400)
    const unknown = await download('hsds', '?orgId=01a2270b-7dd3-7662-b520-0268f56c8101')
    expectError(unknown, 404, 'ORG_NOT_FOUND')
    // An error is not a file: no download name, and no shared cache may keep it.
    expect(unknown.headers['content-disposition']).toBeUndefined()
    expect(String(unknown.headers['cache-control'] ?? '')).not.toContain('public')
    expectError(await download('geojson'), 400, 'VALIDATION_FAILED')
    expectError(await download('csv'), 404)
  })

  it('refuses a download over the cap, and rebuilds a file after a minute', async () => {
    const db = t.database.db
    const at = new Date('2030-01-01T00:00:00Z')
    await expect(
      publicOpenData(db, 'geojson', longgangOrg, at, { maxStations: 1 }),
    ).rejects.toMatchObject({ code: 'STATION_OPEN_DATA_TOO_LARGE', statusCode: 400 })
    const features = async (now: Date) =>
      (
        JSON.parse(
          (await publicOpenData(db, 'geojson', longgangOrg, now)).toString(),
        ) as StationFeatureCollection
      ).features.length
    const before = await features(at)
    await createStation(t, longgang, { orgId: builders })
    // Within the minute the cached file is served; after it, the new station is in.
    expect(await features(new Date(at.getTime() + 30_000))).toBe(before)
    expect(await features(new Date(at.getTime() + 61_000))).toBe(before + 1)
  })

  it('builds one file at a time: a second org asking meanwhile is told to come back', async () => {
    const db = t.database.db
    const at = new Date('2031-01-01T00:00:00Z')
    const first = publicOpenData(db, 'geojson', builders, at)
    await expect(publicOpenData(db, 'hsds', longgangOrg, at)).rejects.toMatchObject({
      code: 'STATION_OPEN_DATA_BUSY',
      statusCode: 429,
    })
    await first
    // Once the first is built, the second org gets its file.
    expect((await publicOpenData(db, 'hsds', longgangOrg, at)).length).toBeGreaterThan(0)
  })

  it('lets other work run while it builds, and stops building once the minute is spent', async () => {
    const db = t.database.db
    const at = new Date('2032-01-01T00:00:00Z')
    // Other work queued after the request runs before the file is done: the build yields
    // between slices instead of holding the main thread to the end.
    const events: string[] = []
    const built = publicOpenData(db, 'hsds', builders, at).then(() => events.push('built'))
    setImmediate(() => events.push('other request'))
    await built
    expect(events).toEqual(['other request', 'built'])
    // That build spent main-thread time within the minute: with a budget smaller than that,
    // a new build is refused, while a file already built is still served.
    await expect(
      publicOpenData(db, 'geojson', longgangOrg, at, { buildMsPerMinute: 1e-6 }),
    ).rejects.toMatchObject({ code: 'STATION_OPEN_DATA_BUSY', statusCode: 429 })
    const cached = await publicOpenData(db, 'hsds', builders, at, { buildMsPerMinute: 1e-6 })
    expect(JSON.parse(cached.toString()).locations.length).toBeGreaterThan(0)
  })
})
