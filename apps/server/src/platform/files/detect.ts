import { crc32 } from 'node:zlib'

/**
 * Identifies an upload by its bytes, never by its name or the client's content type.
 */

export type DetectedKind = 'xlsx' | 'csv' | 'unknown'

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]

export const detectSpreadsheet = (bytes: Buffer): DetectedKind => {
  if (bytes.length >= 4 && ZIP_MAGIC.every((b, i) => bytes[i] === b)) {
    // An .xlsx is a zip whose entries include the workbook part; other zips are refused.
    return bytes.includes(Buffer.from('xl/workbook.xml')) ||
      bytes.includes(Buffer.from('[Content_Types].xml'))
      ? 'xlsx'
      : 'unknown'
  }
  if (bytes.length === 0 || bytes.includes(0)) return 'unknown'
  const text = bytes.toString('utf8')
  // Invalid UTF-8 decodes to U+FFFD; a CSV from Excel in GBK would, so it is refused with a clear code.
  if (text.includes('\uFFFD')) return 'unknown'
  return text.includes(',') || text.includes('\n') ? 'csv' : 'unknown'
}

export type ImageMime = 'image/jpeg' | 'image/png' | 'image/webp'

/** An image recognised by its bytes; width and height come from its header when readable. */
export type DetectedImage = { mime: ImageMime; width: number | null; height: number | null }

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

const startsWith = (bytes: Buffer, magic: number[], at = 0) =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b)

const ascii = (bytes: Buffer, at: number, text: string) =>
  bytes.length >= at + text.length && bytes.toString('latin1', at, at + text.length) === text

const pngSize = (b: Buffer) =>
  b.length >= 24 && ascii(b, 12, 'IHDR')
    ? { width: b.readUInt32BE(16), height: b.readUInt32BE(20) }
    : null

/** A marker segment of a JPEG header: [start, end) covers the marker and its payload. */
export type JpegSegment = { marker: number; start: number; end: number }

/**
 * Walks the segments of a JPEG header from SOI up to start-of-scan (0xDA), where the compressed
 * data begins; nothing after it is read. `scanAt` is the offset of the SOS marker, or -1 when
 * the bytes end (or reach EOI) before it. Null when the header is malformed. Stand-alone markers
 * (fill bytes, RSTn, TEM) are skipped. Shared by the size reader below and metadata stripping.
 */
export const jpegHeaderSegments = (
  b: Buffer,
): { segments: JpegSegment[]; scanAt: number } | null => {
  const segments: JpegSegment[] = []
  let i = 2
  while (i + 3 < b.length) {
    if (b[i] !== 0xff) return null
    const marker = b[i + 1]!
    if (marker === 0xff) {
      i++ // fill byte
      continue
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2 // markers without a length
      continue
    }
    if (marker === 0xda) return { segments, scanAt: i }
    if (marker === 0xd9) return { segments, scanAt: -1 }
    const length = b.readUInt16BE(i + 2)
    if (length < 2) return null
    segments.push({ marker, start: i, end: Math.min(b.length, i + 2 + length) })
    i += 2 + length
  }
  return { segments, scanAt: -1 }
}

/** The size from the first start-of-frame segment of the header. */
const jpegSize = (b: Buffer) => {
  const frame = jpegHeaderSegments(b)?.segments.find(
    (s) => s.marker >= 0xc0 && s.marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(s.marker),
  )
  if (!frame || frame.start + 9 > b.length) return null
  return { height: b.readUInt16BE(frame.start + 5), width: b.readUInt16BE(frame.start + 7) }
}

const webpSize = (b: Buffer) => {
  if (ascii(b, 12, 'VP8 ') && b.length >= 30 && startsWith(b, [0x9d, 0x01, 0x2a], 23))
    return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff }
  if (ascii(b, 12, 'VP8L') && b.length >= 25 && b[20] === 0x2f) {
    const bits = b.readUInt32LE(21)
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 }
  }
  if (ascii(b, 12, 'VP8X') && b.length >= 30)
    return { width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 }
  return null
}

// ---- whole-file structure ----

/**
 * Deflate's best ratio is about 1032:1, so image data can never be smaller than this share of
 * the pixels it decodes to: a file whose header claims far more pixels than its data could
 * hold is not an image (a tiny file claiming 7071×7071 was accepted).
 */
const DEFLATE_MAX_RATIO = 1032

/** PNG bytes per pixel by colour type (at 8 bits; 16-bit doubles it, less than 8 shrinks it). */
const PNG_CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }

/**
 * Every chunk of a PNG: lengths that fit, CRCs that match, IHDR first, image data, and IEND
 * at the end (nothing after it). Checks the container, not the pixels.
 */
const pngWhole = (b: Buffer, width: number, height: number): boolean => {
  let at = 8
  let first = true
  let idat = 0
  while (at + 12 <= b.length) {
    const length = b.readUInt32BE(at)
    const end = at + 12 + length
    if (length > 0x7fffffff || end > b.length) return false
    const type = b.toString('latin1', at + 4, at + 8)
    if (!/^[A-Za-z]{4}$/.test(type)) return false
    if (crc32(b.subarray(at + 4, at + 8 + length)) !== b.readUInt32BE(at + 8 + length)) return false
    if (first && (type !== 'IHDR' || length !== 13)) return false
    first = false
    if (type === 'IDAT') idat += length
    if (type === 'IEND') {
      if (end !== b.length || idat === 0) return false
      const depth = b[24]!
      const channels = PNG_CHANNELS[b[25]!] ?? 4
      const rawBytes = height * (1 + Math.ceil((width * channels * depth) / 8))
      return idat * DEFLATE_MAX_RATIO >= rawBytes
    }
    at = end
  }
  return false
}

/** A JPEG with a frame header, a scan and its end-of-image marker after the scan. */
const jpegWhole = (b: Buffer): boolean => {
  const header = jpegHeaderSegments(b)
  if (!header || header.scanAt < 0) return false
  const hasFrame = header.segments.some(
    (s) => s.marker >= 0xc0 && s.marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(s.marker),
  )
  // EOI after the scan's header; cameras may append data after it (thumbnails, MPF), so it
  // need not be the last two bytes.
  return hasFrame && b.indexOf(EOI, header.scanAt + 4) > header.scanAt
}
const EOI = Buffer.from([0xff, 0xd9])

/** WebP's RIFF: its size says the file's length, its chunks fit it, and one holds image data. */
const webpWhole = (b: Buffer): boolean => {
  if (b.readUInt32LE(4) + 8 !== b.length) return false
  let at = 12
  let image = false
  while (at + 8 <= b.length) {
    const fourcc = b.toString('latin1', at, at + 4)
    const size = b.readUInt32LE(at + 4)
    const end = at + 8 + size + (size % 2)
    if (end > b.length) return false
    if (fourcc === 'VP8 ' || fourcc === 'VP8L' || fourcc === 'ANMF') image ||= size > 0
    at = end
  }
  return at === b.length && image
}

/**
 * Recognises JPEG, PNG and WebP by their magic bytes and reads the pixel size from the header
 * (cheap: no decoding). Anything else, whatever its name or claimed type, is null.
 */
export const detectImage = (bytes: Buffer): DetectedImage | null => {
  let mime: ImageMime
  let size: { width: number; height: number } | null
  if (startsWith(bytes, PNG_MAGIC)) {
    mime = 'image/png'
    size = pngSize(bytes)
  } else if (startsWith(bytes, [0xff, 0xd8, 0xff])) {
    mime = 'image/jpeg'
    size = jpegSize(bytes)
  } else if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) {
    mime = 'image/webp'
    size = webpSize(bytes)
  } else {
    return null
  }
  return { mime, width: size?.width ?? null, height: size?.height ?? null }
}

/**
 * Whether the whole file is built as its format says, beyond the header detectImage reads:
 * a PNG's chunks and CRCs (and enough data for its pixels), a JPEG's scan and end marker, a
 * WebP's RIFF sizes and an image chunk. A file that only starts like an image (a PNG header
 * followed by HTML, a header alone) fails. It does not decode the pixels.
 */
export const isWholeImage = (bytes: Buffer, image: DetectedImage): boolean => {
  if (image.width === null || image.height === null) return false
  if (image.mime === 'image/png') return pngWhole(bytes, image.width, image.height)
  if (image.mime === 'image/jpeg') return jpegWhole(bytes)
  return webpWhole(bytes)
}
