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
