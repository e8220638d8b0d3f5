import type { ImportReport, Member } from '@unionhall/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ACCOUNTS,
  buildTestApp,
  type TestApp,
  type TestSession,
} from '../../../test/build-test-app'
import { freshIdCard, freshMobile } from '../../../test/factories/members'
import {
  MISSING_ID,
  XLSX_TYPE,
  auditRows,
  buildXlsx,
  expectError,
  multipartFile,
  readXlsx,
  toCsv,
} from '../../../test/helpers'
import { countMembers } from './members.repository'

let t: TestApp
let gansu: TestSession // org_admin of 甘肃省总工会 (member:read-personal)
let lanzhouStaff: TestSession // staff of 兰州市总工会 (member:read, member:manage)

beforeAll(async () => {
  t = await buildTestApp()
  ;[gansu, lanzhouStaff] = await Promise.all([
    t.loginAs(ACCOUNTS.gansuAdmin),
    t.loginAs(ACCOUNTS.lanzhouStaff),
  ])
})
afterAll(() => t.close())

const lanzhou = () => t.orgId('兰州市总工会')

const createMember = async (body: Record<string, unknown>, s = lanzhouStaff) => {
  const res = await s.request({
    method: 'POST',
    url: '/api/v1/members',
    payload: { orgId: lanzhou(), ...body },
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json<Member>()
}

const importFile = (
  file: { filename: string; type: string; bytes: Buffer },
  query: string,
  s = lanzhouStaff,
) => {
  const { payload, headers } = multipartFile(file.filename, file.type, file.bytes)
  return s.request({
    method: 'POST',
    url: `/api/v1/members/import?orgId=${lanzhou()}&${query}`,
    payload,
    headers,
  })
}

/** A valid ID-card number with its check character changed, so only the checksum is wrong. */
const badChecksum = (valid: string) => `${valid.slice(0, 17)}${valid.endsWith('0') ? '1' : '0'}`

describe('POST /api/v1/members', () => {
  it('registers a member with masked personal data and audits it', async () => {
    const mobile = freshMobile()
    const idCard = freshIdCard()

    const member = await createMember({ name: '王建国', mobile, idCardNumber: idCard })

    expect(member).toMatchObject({
      name: '王建国',
      orgId: lanzhou(),
      orgName: '兰州市总工会',
      status: 'active',
      mobileMasked: `${mobile.slice(0, 3)}****${mobile.slice(-4)}`,
    })
    expect(member.idCardMasked).toMatch(/^440\*{11}[\dX]{4}$/)
    expect(JSON.stringify(member)).not.toContain(mobile)
    const [audit] = await auditRows(t, { action: 'member.created', targetId: member.id })
    expect(audit).toMatchObject({ actor_member_id: lanzhouStaff.memberId, org_id: lanzhou() })
    expect(audit!.summary).not.toContain(mobile)
  })

  it('refuses a taken mobile (409 MEMBER_MOBILE_TAKEN) and a taken ID card', async () => {
    const mobile = freshMobile()
    const idCard = freshIdCard()
    await createMember({ name: '李强', mobile, idCardNumber: idCard })

    const sameMobile = await lanzhouStaff.request({
      method: 'POST',
      url: '/api/v1/members',
      payload: { orgId: lanzhou(), name: '李强二', mobile },
    })
    const sameId = await lanzhouStaff.request({
      method: 'POST',
      url: '/api/v1/members',
      payload: { orgId: lanzhou(), name: '李强三', mobile: freshMobile(), idCardNumber: idCard },
    })

    expectError(sameMobile, 409, 'MEMBER_MOBILE_TAKEN')
    expectError(sameId, 409, 'MEMBER_ID_CARD_TAKEN')
  })
})

describe('GET /api/v1/members', () => {
  it('searches by name within my scope', async () => {
    await createMember({ name: '欧阳测试', mobile: freshMobile() })

    const res = await lanzhouStaff.request({
      method: 'GET',
      url: `/api/v1/members?q=${encodeURIComponent('欧阳')}`,
    })

    expect(res.statusCode).toBe(200)
    const page = res.json<{ items: Member[]; total: number; totalCapped: boolean }>()
    expect(page.items.map((m) => m.name)).toEqual(['欧阳测试'])
    expect(page.totalCapped).toBe(false)
  })

  it('finds a member by the exact mobile number only', async () => {
    const mobile = freshMobile()
    const member = await createMember({ name: '按手机查', mobile })

    const exact = await lanzhouStaff.request({ method: 'GET', url: `/api/v1/members?q=${mobile}` })
    const partial = await lanzhouStaff.request({
      method: 'GET',
      url: `/api/v1/members?q=${mobile.slice(0, 7)}`,
    })

    expect(exact.json<{ items: Member[] }>().items.map((m) => m.id)).toEqual([member.id])
    expect(partial.json<{ total: number }>().total).toBe(0)
  })

  it('lists only members of my subtree, and pages', async () => {
    const res = await lanzhouStaff.request({ method: 'GET', url: '/api/v1/members?pageSize=5' })

    const page = res.json<{ items: Member[]; total: number }>()
    expect(page.items).toHaveLength(5)
    expect(page.total).toBeGreaterThan(5)
    expect(page.items.every((m) => m.orgId === lanzhou())).toBe(true)
    const page2 = await lanzhouStaff.request({
      method: 'GET',
      url: '/api/v1/members?pageSize=5&page=2',
    })
    const ids = new Set(page.items.map((m) => m.id))
    expect(page2.json<{ items: Member[] }>().items).toHaveLength(5)
    expect(page2.json<{ items: Member[] }>().items.some((m) => ids.has(m.id))).toBe(false)
  })

  it('filters by org subtree and status', async () => {
    const res = await gansu.request({
      method: 'GET',
      url: `/api/v1/members?orgId=${t.orgId('武威市总工会')}&status=active&pageSize=200`,
    })

    const page = res.json<{ items: Member[] }>()
    expect(page.items.length).toBeGreaterThan(0)
    expect(page.items.every((m) => m.orgName === '武威市总工会')).toBe(true)
  })
})

describe('GET /api/v1/members/stats', () => {
  it('splits the subtree by child org and adds up to the list total', async () => {
    const gansuOrg = t.orgId('甘肃省总工会')
    const res = await gansu.request({
      method: 'GET',
      url: `/api/v1/members/stats?orgId=${gansuOrg}`,
    })
    expect(res.statusCode, res.body).toBe(200)
    const stats = res.json<{
      total: number
      direct: number
      children: { orgName: string; members: number }[]
    }>()
    const list = await gansu.request({
      method: 'GET',
      url: `/api/v1/members?orgId=${gansuOrg}&pageSize=1`,
    })
    expect(stats.total).toBe(list.json<{ total: number }>().total)
    expect(stats.direct + stats.children.reduce((n, c) => n + c.members, 0)).toBe(stats.total)
    const lanzhouRow = stats.children.find((c) => c.orgName === '兰州市总工会')!
    const lanzhouList = await gansu.request({
      method: 'GET',
      url: `/api/v1/members?orgId=${lanzhou()}&pageSize=1`,
    })
    expect(lanzhouRow.members).toBe(lanzhouList.json<{ total: number }>().total)
    expect(stats.children.map((c) => c.orgName)).toContain('金川集团公司工会')
  })

  it('is refused outside my subtree (403)', async () => {
    const res = await lanzhouStaff.request({
      method: 'GET',
      url: `/api/v1/members/stats?orgId=${t.orgId('深圳市总工会')}`,
    })
    expectError(res, 403, 'ACCESS_DENIED')
  })
})

describe('GET and PATCH /api/v1/members/:memberId', () => {
  it('returns one member', async () => {
    const member = await createMember({ name: '单个会员', mobile: freshMobile() })

    const res = await lanzhouStaff.request({ method: 'GET', url: `/api/v1/members/${member.id}` })

    expect(res.json<Member>()).toEqual(member)
  })

  it('updates name and status, moves the member to another org, and audits', async () => {
    const member = await createMember({ name: '改前姓名', mobile: freshMobile() })

    const res = await gansu.request({
      method: 'PATCH',
      url: `/api/v1/members/${member.id}`,
      payload: { name: '改后姓名', status: 'suspended', orgId: t.orgId('武威市总工会') },
    })

    expect(res.statusCode, res.body).toBe(200)
    expect(res.json<Member>()).toMatchObject({
      name: '改后姓名',
      status: 'suspended',
      orgId: t.orgId('武威市总工会'),
      orgName: '武威市总工会',
    })
    const get = await gansu.request({ method: 'GET', url: `/api/v1/members/${member.id}` })
    expect(get.json<Member>()).toMatchObject({
      name: '改后姓名',
      status: 'suspended',
      orgId: t.orgId('武威市总工会'),
    })
    const [audit] = await auditRows(t, { action: 'member.updated', targetId: member.id })
    expect(JSON.parse(audit!.summary)).toMatchObject({
      before: { name: '改前姓名', status: 'active', orgId: lanzhou() },
      after: { name: '改后姓名', status: 'suspended', orgId: t.orgId('武威市总工会') },
    })
  })

  it('refuses to change my own status (403 MEMBER_OWN_STATUS), changing nothing; my name is fine', async () => {
    const me = `/api/v1/members/${gansu.memberId}`
    const before = (await gansu.request({ method: 'GET', url: me })).json<Member>()
    const audits = (await auditRows(t, { action: 'member.updated', targetId: gansu.memberId }))
      .length

    for (const status of ['suspended', 'left'] as const)
      expectError(
        await gansu.request({ method: 'PATCH', url: me, payload: { status, name: '改名' } }),
        403,
        'MEMBER_OWN_STATUS',
      )
    expect((await gansu.request({ method: 'GET', url: me })).json<Member>()).toEqual(before)
    expect(await auditRows(t, { action: 'member.updated', targetId: gansu.memberId })).toHaveLength(
      audits,
    )
    // Still signed in and able to work.
    expect((await gansu.request({ method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(
      200,
    )
    // The same status as now is no change; another field may change.
    const same = await gansu.request({
      method: 'PATCH',
      url: me,
      payload: { status: before.status, name: before.name },
    })
    expect(same.statusCode, same.body).toBe(200)
  })

  it('leaves a member who holds a stronger role (or one elsewhere) to those who could grant it', async () => {
    const member = await createMember({ name: '省级管理员', mobile: freshMobile() })
    const grant = await gansu.request({
      method: 'POST',
      url: '/api/v1/role-grants',
      payload: { memberId: member.id, orgId: t.orgId('甘肃省总工会'), role: 'org_admin' },
    })
    expect(grant.statusCode, grant.body).toBe(201)
    const url = `/api/v1/members/${member.id}`
    const audits = (await auditRows(t, { action: 'member.updated', targetId: member.id })).length

    for (const payload of [
      { status: 'suspended' },
      { name: '改名' },
      { orgId: t.orgId('兰州市总工会') },
    ])
      expectError(
        await lanzhouStaff.request({ method: 'PATCH', url, payload }),
        403,
        'MEMBER_HOLDS_STRONGER_ROLE',
      )
    expect((await gansu.request({ method: 'GET', url })).json<Member>()).toMatchObject({
      name: '省级管理员',
      status: 'active',
    })
    expect(await auditRows(t, { action: 'member.updated', targetId: member.id })).toHaveLength(
      audits,
    )
    const byAdmin = await gansu.request({ method: 'PATCH', url, payload: { status: 'suspended' } })
    expect(byAdmin.statusCode, byAdmin.body).toBe(200)
  })

  it('refuses a move to an org outside my subtree (403)', async () => {
    const member = await createMember({ name: '不可外调', mobile: freshMobile() })

    const res = await lanzhouStaff.request({
      method: 'PATCH',
      url: `/api/v1/members/${member.id}`,
      payload: { orgId: t.orgId('武威市总工会') },
    })

    expectError(res, 403, 'ACCESS_DENIED')
  })

  it('answers 404 MEMBER_NOT_FOUND for an unknown id', async () => {
    expectError(
      await lanzhouStaff.request({ method: 'GET', url: `/api/v1/members/${MISSING_ID}` }),
      404,
      'MEMBER_NOT_FOUND',
    )
  })
})

describe('GET /api/v1/members/:memberId/personal-data', () => {
  it('returns the unmasked data and writes member.personal-data-read', async () => {
    const mobile = freshMobile()
    const idCard = freshIdCard()
    const member = await createMember({ name: '查看明文', mobile, idCardNumber: idCard })

    const res = await gansu.request({
      method: 'GET',
      url: `/api/v1/members/${member.id}/personal-data`,
    })

    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ id: member.id, mobile, idCardNumber: idCard })
    const audit = await auditRows(t, { action: 'member.personal-data-read', targetId: member.id })
    expect(audit).toHaveLength(1)
    expect(audit[0]!.actor_member_id).toBe(gansu.memberId)
  })

  it('is refused to staff, who lack member:read-personal, and nothing is audited', async () => {
    const member = await createMember({ name: '员工不可看', mobile: freshMobile() })

    const res = await lanzhouStaff.request({
      method: 'GET',
      url: `/api/v1/members/${member.id}/personal-data`,
    })

    expectError(res, 403, 'ACCESS_DENIED')
    expect(
      await auditRows(t, { action: 'member.personal-data-read', targetId: member.id }),
    ).toHaveLength(0)
  })
})

describe('POST /api/v1/members/import', () => {
  const HEADER = ['姓名', '手机号', '身份证号']

  /** Six rows: 2 good, a bad mobile, a bad checksum, a duplicate in file, one already in the DB. */
  const mixedRows = async () => {
    const taken = freshMobile()
    await createMember({ name: '已在库中', mobile: taken })
    const good = [freshMobile(), freshMobile()] as const
    return {
      good,
      rows: [
        HEADER,
        ['导入甲', good[0], ''],
        ['导入乙', '12345', ''],
        ['导入丙', freshMobile(), badChecksum(freshIdCard())],
        ['导入丁', good[0], ''],
        ['导入戊', taken, ''],
        ['导入己', good[1], freshIdCard()],
      ],
    }
  }

  const expectMixedErrors = (errors: ImportReport['errors']) => {
    expect(errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [3, 'mobile', 'MEMBER_MOBILE_INVALID'],
      [4, 'idCardNumber', 'MEMBER_ID_CARD_INVALID'],
      [5, 'mobile', 'MEMBER_MOBILE_DUPLICATE_IN_FILE'],
      [6, 'mobile', 'MEMBER_MOBILE_TAKEN'],
    ])
  }

  it('all-or-nothing: a CSV with errors answers 422 with per-row errors and imports nothing', async () => {
    const { rows } = await mixedRows()
    const before = await countMembers(t.database.db)

    const res = await importFile(
      { filename: 'members.csv', type: 'text/csv', bytes: toCsv(rows) },
      'mode=all-or-nothing',
    )

    const error = expectError(res, 422, 'MEMBER_IMPORT_HAS_ERRORS')
    const report = error.details as ImportReport
    expect(report).toMatchObject({ totalRows: 6, validRows: 2, importedRows: 0 })
    expectMixedErrors(report.errors)
    expect(await countMembers(t.database.db)).toBe(before)
    expect(await auditRows(t, { action: 'member.imported' })).toHaveLength(0)
  })

  it('refuses a name with a control character as a row error (.xlsx escapes like _x0000_ carry them)', async () => {
    const before = await countMembers(t.database.db)
    // A CSV with a control byte is refused whole as not text (415); an .xlsx cell can spell one
    // as _xHHHH_, which the reader turns back into the character.
    const rows = [
      HEADER,
      ['导入_x0000_庚', freshMobile(), ''],
      ['导入_x0007_辛', freshMobile(), ''],
    ]

    const res = await importFile(
      { filename: '会员.xlsx', type: XLSX_TYPE, bytes: await buildXlsx(rows) },
      'mode=all-or-nothing',
    )

    const report = expectError(res, 422, 'MEMBER_IMPORT_HAS_ERRORS').details as ImportReport
    expect(report.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [2, 'name', 'TEXT_INVALID_CHARACTER'],
      [3, 'name', 'TEXT_INVALID_CHARACTER'],
    ])
    expect(await countMembers(t.database.db)).toBe(before)
  })

  it('valid-only: an .xlsx imports the valid rows and reports the others', async () => {
    const { rows, good } = await mixedRows()
    const before = await countMembers(t.database.db)
    const importedBefore = (await auditRows(t, { action: 'member.imported' })).length

    const res = await importFile(
      { filename: '会员.xlsx', type: XLSX_TYPE, bytes: await buildXlsx(rows) },
      'mode=valid-only',
    )

    expect(res.statusCode, res.body).toBe(200)
    const report = res.json<ImportReport>()
    expect(report).toMatchObject({
      mode: 'valid-only',
      totalRows: 6,
      validRows: 2,
      importedRows: 2,
    })
    expectMixedErrors(report.errors)
    expect(await countMembers(t.database.db)).toBe(before + 2)
    for (const mobile of good) {
      const found = await lanzhouStaff.request({
        method: 'GET',
        url: `/api/v1/members?q=${mobile}`,
      })
      expect(found.json<{ total: number }>().total).toBe(1)
    }
    expect(await auditRows(t, { action: 'member.imported' })).toHaveLength(importedBefore + 2)
    expect((await auditRows(t, { action: 'member.import-completed' })).length).toBeGreaterThan(0)
  })

  it('dryRun validates and reports without importing', async () => {
    const mobile = freshMobile()
    const before = await countMembers(t.database.db)

    const res = await importFile(
      {
        filename: 'members.csv',
        type: 'text/csv',
        bytes: toCsv([HEADER, ['试运行', mobile, '']]),
      },
      'dryRun=true',
    )

    expect(res.json<ImportReport>()).toMatchObject({
      dryRun: true,
      totalRows: 1,
      validRows: 1,
      importedRows: 0,
      errors: [],
    })
    expect(await countMembers(t.database.db)).toBe(before)
  })

  it('all-or-nothing imports a clean CSV with a BOM, CRLF and quotes, and resolves 所属工会', async () => {
    const mobiles = [freshMobile(), freshMobile()] as const
    const csv = Buffer.concat([
      Buffer.from('\uFEFF'),
      toCsv([
        ['姓名', '手机号', '所属工会'],
        ['干净甲', mobiles[0], ''],
        ['"干净, 乙"', mobiles[1], '兰州市总工会'],
      ]),
    ])

    const res = await importFile({ filename: 'a.csv', type: 'text/csv', bytes: csv }, '')

    expect(res.json<ImportReport>()).toMatchObject({ importedRows: 2, errors: [] })
    const found = await lanzhouStaff.request({
      method: 'GET',
      url: `/api/v1/members?q=${mobiles[1]}`,
    })
    expect(found.json<{ items: Member[] }>().items[0]!.name).toBe('干净, 乙')
  })

  it('reports an org outside the import org as ORG_NOT_FOUND', async () => {
    const res = await importFile(
      {
        filename: 'a.csv',
        type: 'text/csv',
        bytes: toCsv([
          ['姓名', '手机号', '所属工会'],
          ['外单位', freshMobile(), '深圳市总工会'],
        ]),
      },
      'dryRun=true',
    )

    expect(res.json<ImportReport>().errors).toMatchObject([
      { row: 2, field: 'org', code: 'ORG_NOT_FOUND' },
    ])
  })

  it('reads an .xlsx by its content even when it is named .csv', async () => {
    const bytes = await buildXlsx([HEADER, ['改名文件', freshMobile(), '']])

    const res = await importFile(
      { filename: 'members.csv', type: 'text/csv', bytes },
      'dryRun=true',
    )

    expect(res.statusCode, res.body).toBe(200)
    expect(res.json<ImportReport>()).toMatchObject({ totalRows: 1, validRows: 1 })
  })

  it.each([
    [
      'a PNG named .xlsx',
      'photo.xlsx',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    ],
    [
      'a plain zip named .xlsx',
      'a.xlsx',
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('photo.jpg')]),
    ],
    [
      'a GBK CSV',
      'gbk.csv',
      Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xca, 0xd6, 0xbb, 0xfa, 0x0a]),
    ],
  ])('refuses %s by content (415 FILE_TYPE_UNSUPPORTED)', async (_label, filename, bytes) => {
    const before = await countMembers(t.database.db)

    const res = await importFile({ filename, type: XLSX_TYPE, bytes }, '')

    expectError(res, 415, 'FILE_TYPE_UNSUPPORTED')
    expect(await countMembers(t.database.db)).toBe(before)
  })

  it('refuses a file without the 姓名 and 手机号 columns (400)', async () => {
    const res = await importFile(
      { filename: 'a.csv', type: 'text/csv', bytes: toCsv([['name only'], ['张三']]) },
      '',
    )

    expectError(res, 400, 'MEMBER_IMPORT_HEADER_INVALID')
  })

  it('refuses a request without a file (400 FILE_MISSING)', async () => {
    const res = await lanzhouStaff.request({
      method: 'POST',
      url: `/api/v1/members/import?orgId=${lanzhou()}`,
      payload: {},
    })

    expectError(res, 400, 'FILE_MISSING')
  })
})

describe('political status (政治面貌, ADR 0033)', () => {
  it('is unknown (未填写) unless staff set it, and staff set it when registering a member', async () => {
    const plain = await createMember({ name: '未填写会员', mobile: freshMobile() })
    expect(plain.politicalStatus).toBe('unknown')
    const member = await createMember({
      name: '预备党员会员',
      mobile: freshMobile(),
      politicalStatus: 'cpc_probationary_member',
    })
    expect(member.politicalStatus).toBe('cpc_probationary_member')
    const get = await lanzhouStaff.request({ method: 'GET', url: `/api/v1/members/${member.id}` })
    expect(get.json<Member>().politicalStatus).toBe('cpc_probationary_member')
    const [audit] = await auditRows(t, { action: 'member.created', targetId: member.id })
    expect(JSON.parse(audit!.summary)).toMatchObject({
      after: { politicalStatus: 'cpc_probationary_member' },
    })
  })

  it('is changed by staff with member:manage, audited before and after', async () => {
    const member = await createMember({ name: '面貌变更', mobile: freshMobile() })
    const res = await lanzhouStaff.request({
      method: 'PATCH',
      url: `/api/v1/members/${member.id}`,
      payload: { politicalStatus: 'cpc_member' },
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json<Member>()).toMatchObject({ politicalStatus: 'cpc_member', name: '面貌变更' })
    const get = await lanzhouStaff.request({ method: 'GET', url: `/api/v1/members/${member.id}` })
    expect(get.json<Member>().politicalStatus).toBe('cpc_member')
    const audits = await auditRows(t, { action: 'member.updated', targetId: member.id })
    expect(audits).toHaveLength(1)
    expect(audits[0]!.actor_member_id).toBe(lanzhouStaff.memberId)
    expect(JSON.parse(audits[0]!.summary)).toMatchObject({
      before: { politicalStatus: 'unknown', name: '面貌变更' },
      after: { politicalStatus: 'cpc_member', name: '面貌变更' },
    })
    // Another field's change keeps it.
    const renamed = await lanzhouStaff.request({
      method: 'PATCH',
      url: `/api/v1/members/${member.id}`,
      payload: { name: '面貌保留' },
    })
    expect(renamed.json<Member>().politicalStatus).toBe('cpc_member')
  })

  it('401 without a session, 403 without member:manage or outside my subtree, and nothing changes', async () => {
    const member = await createMember({ name: '面貌越权', mobile: freshMobile() })
    const url = `/api/v1/members/${member.id}`
    const payload = { politicalStatus: 'cpc_member' }
    expectError(await t.request({ method: 'PATCH', url, payload }), 401, 'AUTH_REQUIRED')
    // A counsellor holds no member permission; Shenzhen's admin holds it elsewhere.
    for (const who of [ACCOUNTS.beijingCounsellor, ACCOUNTS.shenzhenAdmin]) {
      const s = await t.loginAs(who)
      expectError(await s.request({ method: 'PATCH', url, payload }), 403, 'ACCESS_DENIED')
      expectError(
        await s.request({
          method: 'POST',
          url: '/api/v1/members',
          payload: {
            orgId: lanzhou(),
            name: '越权',
            mobile: freshMobile(),
            politicalStatus: 'cpc_member',
          },
        }),
        403,
        'ACCESS_DENIED',
      )
    }
    expect((await gansu.request({ method: 'GET', url })).json<Member>().politicalStatus).toBe(
      'unknown',
    )
    expect(await auditRows(t, { action: 'member.updated', targetId: member.id })).toHaveLength(0)
  })

  it('is changed on a role holder only by someone who could have granted the role', async () => {
    const member = await createMember({ name: '面貌省管理员', mobile: freshMobile() })
    const grant = await gansu.request({
      method: 'POST',
      url: '/api/v1/role-grants',
      payload: { memberId: member.id, orgId: t.orgId('甘肃省总工会'), role: 'org_admin' },
    })
    expect(grant.statusCode, grant.body).toBe(201)
    const url = `/api/v1/members/${member.id}`
    expectError(
      await lanzhouStaff.request({
        method: 'PATCH',
        url,
        payload: { politicalStatus: 'cpc_member' },
      }),
      403,
      'MEMBER_HOLDS_STRONGER_ROLE',
    )
    expect((await gansu.request({ method: 'GET', url })).json<Member>().politicalStatus).toBe(
      'unknown',
    )
    const byAdmin = await gansu.request({
      method: 'PATCH',
      url,
      payload: { politicalStatus: 'cpc_member' },
    })
    expect(byAdmin.statusCode, byAdmin.body).toBe(200)
  })

  it('filters the list (audited as member.listed) and the export (a 政治面貌 column)', async () => {
    const org = t.orgId('嘉峪关市总工会')
    const list = async (query: string) => {
      const res = await gansu.request({
        method: 'GET',
        url: `/api/v1/members?orgId=${org}&pageSize=200${query}`,
      })
      expect(res.statusCode, res.body).toBe(200)
      return res.json<{ items: Member[]; total: number }>()
    }
    const everyone = await list('')
    const party = everyone.items.filter((m) => m.politicalStatus === 'cpc_member')
    // The demo records some of 嘉峪关's workers as party members, not all.
    expect(party.length).toBeGreaterThan(0)
    expect(party.length).toBeLessThan(everyone.items.length)

    const listedBefore = (await auditRows(t, { action: 'member.listed' })).length
    const filtered = await list('&politicalStatus=cpc_member')
    expect(filtered.items.map((m) => m.id).sort()).toEqual(party.map((m) => m.id).sort())
    expect(filtered.total).toBe(party.length)
    const listed = await auditRows(t, { action: 'member.listed' })
    expect(listed).toHaveLength(listedBefore + 1)
    expect(listed.at(-1)).toMatchObject({ actor_member_id: gansu.memberId, org_id: org })
    expect(JSON.parse(listed.at(-1)!.summary)).toMatchObject({
      rows: party.length,
      filter: { orgId: org, politicalStatus: 'cpc_member' },
    })
    // A list without the filter shows the status but is not a search for party members.
    await list('')
    expect(await auditRows(t, { action: 'member.listed' })).toHaveLength(listedBefore + 1)

    const exported = await gansu.request({
      method: 'GET',
      url: `/api/v1/members/export?orgId=${org}&politicalStatus=cpc_member`,
    })
    expect(exported.statusCode).toBe(200)
    const rows = await readXlsx(exported.rawPayload)
    expect(rows).toHaveLength(party.length + 1)
    expect(rows[0]![5]).toBe('政治面貌 Political status')
    for (const r of rows.slice(1)) expect(r[5]).toBe('中共党员')
    const audit = await auditRows(t, { action: 'member.exported' })
    expect(JSON.parse(audit.at(-1)!.summary)).toMatchObject({
      rows: party.length,
      filter: { orgId: org, politicalStatus: 'cpc_member' },
    })
  })

  it('401, 403 and 400 on the filtered list and export, with nothing audited', async () => {
    const before = (await auditRows(t, { action: 'member.listed' })).length
    const exportsBefore = (await auditRows(t, { action: 'member.exported' })).length
    const shenzhen = t.orgId('深圳市总工会')
    for (const url of [
      `/api/v1/members?orgId=${shenzhen}&politicalStatus=cpc_member`,
      `/api/v1/members/export?orgId=${shenzhen}&politicalStatus=cpc_member`,
    ]) {
      expectError(await t.request({ method: 'GET', url }), 401, 'AUTH_REQUIRED')
      expectError(await gansu.request({ method: 'GET', url }), 403, 'ACCESS_DENIED')
    }
    const counsellor = await t.loginAs(ACCOUNTS.beijingCounsellor)
    expectError(
      await counsellor.request({
        method: 'GET',
        url: '/api/v1/members?politicalStatus=cpc_member',
      }),
      403,
      'ACCESS_DENIED',
    )
    expectError(
      await gansu.request({ method: 'GET', url: '/api/v1/members/export?politicalStatus=党员' }),
      400,
      'VALIDATION_FAILED',
    )
    expect(await auditRows(t, { action: 'member.listed' })).toHaveLength(before)
    expect(await auditRows(t, { action: 'member.exported' })).toHaveLength(exportsBefore)
  })
})

describe('GET /api/v1/members/export and import-template', () => {
  it('exports the filtered list as a valid, masked .xlsx and audits the export', async () => {
    const res = await gansu.request({
      method: 'GET',
      url: `/api/v1/members/export?orgId=${t.orgId('嘉峪关市总工会')}`,
    })

    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain(XLSX_TYPE)
    expect(res.headers['content-disposition']).toContain('attachment')
    const rows = await readXlsx(res.rawPayload)
    expect(rows[0]).toEqual([
      '姓名 Name',
      '手机号 Mobile',
      '身份证号 ID card',
      '所属工会 Org',
      '状态 Status',
      '政治面貌 Political status',
      '登记时间 Registered',
    ])
    const list = await gansu.request({
      method: 'GET',
      url: `/api/v1/members?orgId=${t.orgId('嘉峪关市总工会')}`,
    })
    const total = list.json<{ total: number }>().total
    expect(total).toBeGreaterThan(0)
    expect(rows).toHaveLength(total + 1)
    for (const r of rows.slice(1)) {
      expect(r[3]).toBe('嘉峪关市总工会')
      expect(r[1]).toMatch(/^\d{3}\*{4}\d{4}$/)
    }
    const audit = await auditRows(t, { action: 'member.exported' })
    expect(JSON.parse(audit.at(-1)!.summary)).toMatchObject({ rows: total })
  })

  it('serves the import template', async () => {
    const res = await lanzhouStaff.request({
      method: 'GET',
      url: '/api/v1/members/import-template',
    })

    expect(res.statusCode).toBe(200)
    expect((await readXlsx(res.rawPayload))[0]).toEqual(['姓名', '手机号', '身份证号', '所属工会'])
  })
})

describe('access and validation', () => {
  let shenzhenMemberId: string
  beforeAll(async () => {
    const res = await (
      await t.loginAs(ACCOUNTS.shenzhenAdmin)
    ).request({
      method: 'GET',
      url: `/api/v1/members?orgId=${t.orgId('深圳市总工会')}&pageSize=1`,
    })
    shenzhenMemberId = res.json<{ items: Member[] }>().items[0]!.id
  })

  const routes = () => {
    const shenzhen = t.orgId('深圳市总工会')
    const file = multipartFile(
      'a.csv',
      'text/csv',
      toCsv([
        ['姓名', '手机号'],
        ['越权', freshMobile()],
      ]),
    )
    return [
      { method: 'GET' as const, url: `/api/v1/members?orgId=${shenzhen}` },
      { method: 'GET' as const, url: `/api/v1/members/export?orgId=${shenzhen}` },
      { method: 'GET' as const, url: `/api/v1/members/${shenzhenMemberId}` },
      { method: 'GET' as const, url: `/api/v1/members/${shenzhenMemberId}/personal-data` },
      {
        method: 'PATCH' as const,
        url: `/api/v1/members/${shenzhenMemberId}`,
        payload: { name: '越权改名' },
      },
      {
        method: 'POST' as const,
        url: '/api/v1/members',
        payload: { orgId: shenzhen, name: '越权新增', mobile: freshMobile() },
      },
      {
        method: 'POST' as const,
        url: `/api/v1/members/import?orgId=${shenzhen}`,
        payload: file.payload,
        headers: file.headers,
      },
    ]
  }

  it('answers 401 without a session on every members route', async () => {
    for (const r of [
      ...routes(),
      { method: 'GET' as const, url: '/api/v1/members/import-template' },
    ])
      expectError(await t.request(r), 401, 'AUTH_REQUIRED')
  })

  it('answers 403 outside my subtree on every members route, and changes nothing', async () => {
    const before = await countMembers(t.database.db)

    for (const r of routes()) expectError(await gansu.request(r), 403, 'ACCESS_DENIED')

    expect(await countMembers(t.database.db)).toBe(before)
    // Only its creation by the seed: no update, no personal-data read.
    expect((await auditRows(t, { targetId: shenzhenMemberId })).map((a) => a.action)).toEqual([
      'member.created',
    ])
  })

  it.each([
    ['bad mobile', { name: '甲', mobile: '1234' }, 'body.mobile'],
    [
      'bad ID-card checksum',
      { name: '甲', mobile: '13912345678', idCardNumber: '110105194912310021' },
      'body.idCardNumber',
    ],
    ['empty name', { name: ' ', mobile: '13912345678' }, 'body.name'],
    ['short password', { name: '甲', mobile: '13912345678', password: 'short' }, 'body.password'],
    ['unknown field', { name: '甲', mobile: '13912345678', email: 'a@b.c' }, 'body'],
    ['orgId not a uuid', { name: '甲', mobile: '13912345678', orgId: 'x' }, 'body.orgId'],
    [
      'unknown political status',
      { name: '甲', mobile: '13912345678', politicalStatus: '党员' },
      'body.politicalStatus',
    ],
  ])('POST /members: 400 for %s', async (_label, body, path) => {
    const error = expectError(
      await lanzhouStaff.request({
        method: 'POST',
        url: '/api/v1/members',
        payload: { orgId: lanzhou(), ...body },
      }),
      400,
      'VALIDATION_FAILED',
    )

    expect(JSON.stringify(error.details)).toContain(path)
  })

  it.each([
    ['unknown status', { status: 'gone' }],
    ['unknown field', { mobile: '13912345678' }],
    ['name too long', { name: '名'.repeat(51) }],
    ['unknown political status', { politicalStatus: 'party_member' }],
    ['null political status', { politicalStatus: null }],
  ])('PATCH /members/:id: 400 for %s', async (_label, payload) => {
    const member = await createMember({ name: '校验对象', mobile: freshMobile() })

    expectError(
      await lanzhouStaff.request({ method: 'PATCH', url: `/api/v1/members/${member.id}`, payload }),
      400,
      'VALIDATION_FAILED',
    )
  })

  it.each(['status=gone', 'orgId=abc', 'pageSize=0', 'other=1', 'politicalStatus=党员'])(
    'GET /members?%s answers 400',
    async (query) => {
      expectError(
        await lanzhouStaff.request({ method: 'GET', url: `/api/v1/members?${query}` }),
        400,
        'VALIDATION_FAILED',
      )
    },
  )

  it('400 for a member id that is not a uuid', async () => {
    expectError(
      await gansu.request({ method: 'GET', url: '/api/v1/members/abc/personal-data' }),
      400,
      'VALIDATION_FAILED',
    )
  })

  it.each(['orgId=abc', `orgId=${MISSING_ID}&mode=some`, `orgId=${MISSING_ID}&dryRun=yes`, ''])(
    'POST /members/import?%s answers 400',
    async (query) => {
      const { payload, headers } = multipartFile('a.csv', 'text/csv', toCsv([['姓名', '手机号']]))
      expectError(
        await lanzhouStaff.request({
          method: 'POST',
          url: `/api/v1/members/import?${query}`,
          payload,
          headers,
        }),
        400,
        'VALIDATION_FAILED',
      )
    },
  )
})
