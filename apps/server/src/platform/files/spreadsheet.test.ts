import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { parseCsv, readSpreadsheet, writeXlsx } from './spreadsheet'

describe(parseCsv.name, () => {
  it('splits rows and fields', () => {
    expect(parseCsv('姓名,手机号\n张三,13800000000\n')).toEqual([
      ['姓名', '手机号'],
      ['张三', '13800000000'],
    ])
  })

  it('handles quoted fields with commas, newlines and doubled quotes', () => {
    expect(parseCsv('a,b\n"x, y","say ""hi""\nthere"\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere'],
    ])
  })

  it('accepts CRLF, LF and lone CR line endings', () => {
    expect(parseCsv('a,b\r\n1,2\r\n3,4')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ])
    expect(parseCsv('a,b\r1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ])
  })

  it('drops a leading BOM and blank lines, and keeps empty fields', () => {
    expect(parseCsv('\uFEFF姓名,手机号\n\n张三,\n,,\n')).toEqual([
      ['姓名', '手机号'],
      ['张三', ''],
    ])
  })

  it('keeps a last line without a newline', () => {
    expect(parseCsv('a\nb')).toEqual([['a'], ['b']])
  })
})

describe(readSpreadsheet.name, () => {
  it('reads back an .xlsx written by writeXlsx', async () => {
    const bytes = await writeXlsx('s', ['姓名', '手机号'], [['张三', '13800000000']])

    expect(await readSpreadsheet(bytes)).toEqual([
      ['姓名', '手机号'],
      ['张三', '13800000000'],
    ])
  })

  it('writes text XML forbids (stored before it was refused) as U+FFFD, so the file still opens', async () => {
    const file = await writeXlsx(
      '心愿',
      ['标题', '说明'],
      [
        ['想要\uffff手套', 'a\u0000b\ud800'],
        ['正常', ''],
      ],
    )
    const rows = await readSpreadsheet(file)
    expect(rows).toEqual([
      ['标题', '说明'],
      ['想要\ufffd手套', 'a\ufffdb\ufffd'],
      ['正常', ''],
    ])
  })

  it('reads numbers and rich text cells as text', async () => {
    const wb = new ExcelJS.Workbook()
    const sheet = wb.addWorksheet('x')
    sheet.addRow(['姓名', '手机号'])
    sheet.addRow([{ richText: [{ text: '张' }, { text: '三' }] }, 13800000000])
    const bytes = Buffer.from(await wb.xlsx.writeBuffer())

    expect(await readSpreadsheet(bytes)).toEqual([
      ['姓名', '手机号'],
      ['张三', '13800000000'],
    ])
  })

  it('trims CSV cells', async () => {
    expect(await readSpreadsheet(Buffer.from(' 姓名 , 手机号 \n'))).toEqual([['姓名', '手机号']])
  })

  it('refuses bytes that are neither with FILE_TYPE_UNSUPPORTED', async () => {
    await expect(
      readSpreadsheet(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1])),
    ).rejects.toMatchObject({ code: 'FILE_TYPE_UNSUPPORTED', statusCode: 415 })
  })

  it('refuses a corrupt workbook with FILE_UNREADABLE', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.from('[Content_Types].xml garbage'),
    ])

    await expect(readSpreadsheet(bytes)).rejects.toMatchObject({ code: 'FILE_UNREADABLE' })
  })
})
