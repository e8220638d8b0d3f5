import { describe, expect, it } from 'vitest'
import { detectImage } from './detect'
import { jpegImage, pngChunk, pngImage, webpExtendedImage } from './image-fixtures.test-helpers'
import { stripImageMetadata } from './image-metadata'

const GPS_TEXT = 'GPS 22.7219N 114.2466E'

/** A little-endian EXIF APP1 with an Orientation entry and a GPS-looking string after the IFD. */
const exifSegment = (orientation: number) => {
  const tiff = Buffer.alloc(8 + 2 + 12 + 4)
  tiff.write('II', 0, 'latin1')
  tiff.writeUInt16LE(42, 2)
  tiff.writeUInt32LE(8, 4)
  tiff.writeUInt16LE(1, 8)
  tiff.writeUInt16LE(0x0112, 10)
  tiff.writeUInt16LE(3, 12)
  tiff.writeUInt32LE(1, 14)
  tiff.writeUInt16LE(orientation, 18)
  const payload = Buffer.concat([
    Buffer.from('Exif\0\0', 'latin1'),
    tiff,
    Buffer.from(GPS_TEXT, 'latin1'),
  ])
  const head = Buffer.from([0xff, 0xe1, 0, 0])
  head.writeUInt16BE(payload.length + 2, 2)
  return Buffer.concat([head, payload])
}

const segment = (marker: number, text: string) => {
  const body = Buffer.from(text, 'latin1')
  const head = Buffer.from([0xff, marker, 0, 0])
  head.writeUInt16BE(body.length + 2, 2)
  return Buffer.concat([head, body])
}

/** jpegImage() with EXIF, IPTC and a comment inserted after SOI. */
const jpegWithMetadata = (orientation: number) => {
  const plain = jpegImage(640, 480)
  return Buffer.concat([
    plain.subarray(0, 2),
    exifSegment(orientation),
    segment(0xed, `Photoshop 3.0 IPTC ${GPS_TEXT}`),
    segment(0xfe, 'shot at 13 Wangjing Street'),
    plain.subarray(2),
  ])
}

const contains = (b: Buffer, text: string) => b.includes(Buffer.from(text, 'latin1'))

describe('stripping image metadata', () => {
  it('drops EXIF, IPTC and comments from a JPEG and keeps its orientation', () => {
    const original = jpegWithMetadata(6)
    const clean = stripImageMetadata(original, 'image/jpeg')
    expect(contains(original, 'GPS')).toBe(true)
    expect(contains(clean, 'GPS')).toBe(false)
    expect(contains(clean, 'Wangjing')).toBe(false)
    // The orientation survives in a minimal EXIF (big-endian, one entry: 0x0112 = 6).
    const app1 = clean.indexOf(Buffer.from('Exif\0\0MM', 'latin1'))
    expect(app1).toBeGreaterThan(0)
    expect(clean.readUInt16BE(app1 + 16)).toBe(0x0112)
    expect(clean.readUInt16BE(app1 + 24)).toBe(6)
    // Everything else is unchanged: JFIF, the frame header and the scan.
    expect(detectImage(clean)).toEqual({ mime: 'image/jpeg', width: 640, height: 480 })
    const plain = jpegImage(640, 480)
    expect(clean.subarray(clean.length - 20)).toEqual(plain.subarray(plain.length - 20))
  })

  it('keeps no EXIF at all for an upright JPEG, and leaves a clean one byte-identical', () => {
    const clean = stripImageMetadata(jpegWithMetadata(1), 'image/jpeg')
    expect(contains(clean, 'Exif')).toBe(false)
    expect(clean).toEqual(jpegImage(640, 480))
    expect(stripImageMetadata(jpegImage(), 'image/jpeg')).toEqual(jpegImage())
  })

  it('drops eXIf, text and private chunks from a PNG, keeping those that draw it', () => {
    const plain = pngImage(4, 4)
    const gamma = pngChunk('gAMA', Buffer.from([0, 0, 0xb1, 0x8f]))
    const withMeta = Buffer.concat([
      plain.subarray(0, 33), // signature and IHDR
      pngChunk('tEXt', Buffer.from(`Comment\0${GPS_TEXT}`, 'latin1')),
      pngChunk('eXIf', Buffer.from(`MM\0*${GPS_TEXT}`, 'latin1')),
      pngChunk('htMl', Buffer.from(`<script>${GPS_TEXT}</script>`, 'latin1')),
      pngChunk('tIME', Buffer.from([0x07, 0xea, 12, 1, 8, 0, 0])),
      plain.subarray(33),
    ])
    expect(contains(stripImageMetadata(withMeta, 'image/png'), 'script')).toBe(false)
    const withGamma = Buffer.concat([plain.subarray(0, 33), gamma, plain.subarray(33)])
    expect(
      stripImageMetadata(
        Buffer.concat([withMeta.subarray(0, 33), gamma, withMeta.subarray(33)]),
        'image/png',
      ),
    ).toEqual(withGamma)
    const clean = stripImageMetadata(withMeta, 'image/png')
    expect(contains(clean, 'GPS')).toBe(false)
    expect(clean).toEqual(plain)
  })

  it('drops EXIF and XMP chunks from a WebP and clears their flags', () => {
    const plain = webpExtendedImage(300, 200)
    plain[20] = 0x08 | 0x04 // VP8X flags: EXIF and XMP present
    const extra = Buffer.concat([
      Buffer.from('EXIF', 'latin1'),
      Buffer.from([GPS_TEXT.length, 0, 0, 0]),
      Buffer.from(GPS_TEXT, 'latin1'),
      Buffer.from('XMP ', 'latin1'),
      Buffer.from([4, 0, 0, 0]),
      Buffer.from('<x/>', 'latin1'),
    ])
    const withMeta = Buffer.concat([plain, extra])
    withMeta.writeUInt32LE(withMeta.length - 8, 4)
    const clean = stripImageMetadata(withMeta, 'image/webp')
    expect(contains(clean, 'GPS')).toBe(false)
    expect(contains(clean, '<x/>')).toBe(false)
    expect(clean.readUInt32LE(4)).toBe(clean.length - 8)
    expect(clean[20]! & 0x0c).toBe(0)
    expect(detectImage(clean)).toEqual({ mime: 'image/webp', width: 300, height: 200 })
  })

  it('returns bytes it cannot walk unchanged', () => {
    const broken = Buffer.concat([jpegImage().subarray(0, 4), Buffer.from([0x00, 0x01])])
    expect(stripImageMetadata(broken, 'image/jpeg')).toBe(broken)
    const truncated = jpegWithMetadata(6).subarray(0, 30)
    expect(stripImageMetadata(truncated, 'image/jpeg')).toBe(truncated)
  })
})
