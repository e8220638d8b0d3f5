import { randomBytes } from 'node:crypto'
import { ErrorBodySchema } from '@unionhall/contracts'
import ExcelJS from 'exceljs'
import type { LightMyRequestResponse } from 'fastify'
import { expect } from 'vitest'
import { typed } from '../src/platform/db/create-db'
import type { AuditTables } from '../src/core/audit/audit.tables'
import type { AuthTables } from '../src/core/auth/auth.tables'
import type { TestApp } from './build-test-app'

/** A uuid that names nothing. */
export const MISSING_ID = '01900000-0000-7000-8000-000000000000'

/** Asserts an error answer: the status, the stable code, and the { error: { code, message } } shape. */
export const expectError = (res: LightMyRequestResponse, status: number, code?: string) => {
  expect(res.statusCode, res.body).toBe(status)
  const parsed = ErrorBodySchema.safeParse(res.json())
  expect(parsed.success, res.body).toBe(true)
  if (code) expect(parsed.data?.error.code).toBe(code)
  return parsed.data!.error
}

/** Audit rows, newest last, optionally filtered by action and target. */
export const auditRows = (t: TestApp, where: { action?: string; targetId?: string } = {}) =>
  typed<AuditTables>(t.database.db)
    .selectFrom('audit_log')
    .selectAll()
    .$if(where.action !== undefined, (qb) => qb.where('action', '=', where.action!))
    .$if(where.targetId !== undefined, (qb) => qb.where('target_id', '=', where.targetId!))
    .orderBy('at')
    .orderBy('id')
    .execute()

export const auditCount = async (t: TestApp) =>
  Number(
    (
      await typed<AuditTables>(t.database.db)
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

/** Moves every session of a member into the past (their cached copies expire 15 s later). */
export const expireSessionsOf = async (t: TestApp, memberId: string) => {
  await typed<AuthTables>(t.database.db)
    .updateTable('auth_session')
    .set({ expires_at: new Date(Date.now() - 60_000).toISOString() })
    .where('member_id', '=', memberId)
    .execute()
}

/** A multipart/form-data body with one file in the field "file". */
export const multipartFile = (filename: string, contentType: string, bytes: Buffer) => {
  const boundary = `----uh${randomBytes(8).toString('hex')}`
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
        `Content-Type: ${contentType}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Builds an .xlsx with exceljs, the way a spreadsheet program would save it. */
export const buildXlsx = async (rows: (string | number)[][]): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet('会员')
  for (const r of rows) sheet.addRow(r)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** Reads every row of the first sheet of an .xlsx as text. */
export const readXlsx = async (bytes: Buffer): Promise<string[][]> => {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  const rows: string[][] = []
  wb.worksheets[0]!.eachRow((row) => {
    const values: string[] = []
    for (let c = 1; c <= row.cellCount; c++) {
      const v = row.getCell(c).value
      values.push(
        v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v),
      )
    }
    rows.push(values)
  })
  return rows
}

export const toCsv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\r\n'))

/**
 * Waits until the latest one-time code of a mobile has counted `attempts` wrong guesses. Wrong
 * guesses are counted outside the request's transaction, so on PostgreSQL the count may land
 * a moment after the answer.
 */
export const waitForOtpAttempts = async (t: TestApp, mobile: string, attempts: number) => {
  const mobileHash = t.crypto.blindIndex(`mobile:${mobile}`)
  for (let i = 0; i < 100; i++) {
    const row = await typed<AuthTables>(t.database.db)
      .selectFrom('auth_otp')
      .select('attempts')
      .where('mobile_hash', '=', mobileHash)
      .orderBy('created_at', 'desc')
      .executeTakeFirst()
    if ((row?.attempts ?? 0) >= attempts) return row!.attempts
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error(`OTP attempts for ${mobile} never reached ${attempts}`)
}
