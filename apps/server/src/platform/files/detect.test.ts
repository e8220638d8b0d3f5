import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { detectImage, detectSpreadsheet, isWholeImage } from './detect'
import {
  jpegImage,
  pngChunk,
  pngImage,
  webpExtendedImage,
  webpImage,
  webpLossyImage,
} from './image-fixtures.test-helpers'

const xlsx = async () => {
  const wb = new ExcelJS.Workbook()
  wb.addWorksheet('a').addRow(['姓名'])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

describe(detectSpreadsheet.name, () => {
  it('recognises an .xlsx by its bytes', async () => {
    expect(detectSpreadsheet(await xlsx())).toBe('xlsx')
  })

  it('recognises UTF-8 CSV, with or without a BOM', () => {
    expect(detectSpreadsheet(Buffer.from('姓名,手机号\n张三,13800000000\n'))).toBe('csv')
    expect(detectSpreadsheet(Buffer.from('\uFEFF姓名,手机号\r\n'))).toBe('csv')
  })

  it('refuses a zip that is not a workbook', () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('photo.jpg')])

    expect(detectSpreadsheet(zip)).toBe('unknown')
  })

  it('refuses binary files such as PNG', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])

    expect(detectSpreadsheet(png)).toBe('unknown')
  })

  it('refuses GBK-encoded text (invalid UTF-8) and empty files', () => {
    // "姓名,手机号" in GBK
    const gbk = Buffer.from([
      0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xca, 0xd6, 0xbb, 0xfa, 0xba, 0xc5, 0x0a,
    ])

    expect(detectSpreadsheet(gbk)).toBe('unknown')
    expect(detectSpreadsheet(Buffer.alloc(0))).toBe('unknown')
  })

  it('refuses text with neither commas nor line breaks', () => {
    expect(detectSpreadsheet(Buffer.from('hello'))).toBe('unknown')
  })
})

describe(detectImage.name, () => {
  it('recognises PNG, JPEG and WebP by their bytes and reads the size from the header', () => {
    expect(detectImage(pngImage(2, 3))).toEqual({ mime: 'image/png', width: 2, height: 3 })
    expect(detectImage(jpegImage(640, 480))).toEqual({
      mime: 'image/jpeg',
      width: 640,
      height: 480,
    })
    expect(detectImage(webpImage(6, 7))).toEqual({ mime: 'image/webp', width: 6, height: 7 })
    expect(detectImage(webpLossyImage(8, 9))).toEqual({ mime: 'image/webp', width: 8, height: 9 })
    expect(detectImage(webpExtendedImage(16_000, 200))).toEqual({
      mime: 'image/webp',
      width: 16_000,
      height: 200,
    })
  })

  it('refuses text, spreadsheets and truncated magic whatever they are called', async () => {
    expect(detectImage(Buffer.from('not an image, just text named photo.png'))).toBeNull()
    expect(detectImage(await xlsx())).toBeNull()
    expect(detectImage(Buffer.from([0x89, 0x50, 0x4e]))).toBeNull()
    expect(detectImage(Buffer.alloc(0))).toBeNull()
    expect(detectImage(Buffer.from('RIFF\0\0\0\0WAVEfmt '))).toBeNull()
  })

  it('gives no size when a JPEG header ends before its frame', () => {
    const headerOnly = jpegImage().subarray(0, 10)

    expect(detectImage(headerOnly)).toEqual({ mime: 'image/jpeg', width: null, height: null })
  })
})

describe('isWholeImage', () => {
  const whole = (bytes: Buffer) => {
    const image = detectImage(bytes)
    return image !== null && isWholeImage(bytes, image)
  }

  it('accepts complete PNG, JPEG and WebP files', () => {
    for (const bytes of [
      pngImage(5, 4, 1),
      jpegImage(),
      webpImage(),
      webpLossyImage(),
      webpExtendedImage(),
    ])
      expect(whole(bytes)).toBe(true)
  })

  it('refuses files that only start like an image', () => {
    const png = pngImage(5, 4, 1)
    // The signature and the start of the header chunk alone.
    expect(whole(png.subarray(0, 24))).toBe(false)
    // A PNG header followed by a page of HTML.
    const html = Buffer.from('<html><script>alert(1)</script></html>'.repeat(10))
    expect(whole(Buffer.concat([png.subarray(0, 33), html]))).toBe(false)
    // Anything after IEND, or a chunk whose CRC does not match.
    expect(whole(Buffer.concat([png, html]))).toBe(false)
    const corrupt = Buffer.from(png)
    corrupt[40] = corrupt[40]! ^ 0xff
    expect(whole(corrupt)).toBe(false)
    // A JPEG with its frame header but no scan, or a scan with no end marker.
    const jpeg = jpegImage()
    const sos = jpeg.indexOf(Buffer.from([0xff, 0xda]))
    expect(whole(Buffer.concat([jpeg.subarray(0, sos), Buffer.from([0xff, 0xd9])]))).toBe(false)
    expect(whole(jpeg.subarray(0, jpeg.length - 2))).toBe(false)
    // A WebP whose RIFF size is not the file's, or with only its extended header.
    const webp = webpImage()
    expect(whole(Buffer.concat([webp, Buffer.alloc(4)]))).toBe(false)
    expect(whole(webp.subarray(0, webp.length - 2))).toBe(false)
  })

  it('refuses a PNG whose data is far too small for the pixels its header claims', () => {
    const ihdr = Buffer.alloc(13)
    ihdr.writeUInt32BE(7071, 0)
    ihdr.writeUInt32BE(7071, 4)
    ihdr.set([8, 6, 0, 0, 0], 8)
    const bomb = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk('IHDR', ihdr),
      pngChunk('IDAT', Buffer.alloc(20)),
      pngChunk('IEND', Buffer.alloc(0)),
    ])
    expect(detectImage(bomb)).toMatchObject({ width: 7071, height: 7071 })
    expect(whole(bomb)).toBe(false)
  })
})
