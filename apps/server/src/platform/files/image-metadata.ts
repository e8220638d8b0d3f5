import { jpegHeaderSegments, type ImageMime } from './detect'

/**
 * Removes the metadata a phone writes into a photo before it is stored: EXIF (GPS position,
 * time, device serials), XMP, IPTC and comments. A worker's photo of a fulfilled wish taken at
 * home must not publish where the worker lives. The pixels are not decoded or re-encoded: only
 * metadata segments or chunks are dropped, so the image is byte-identical otherwise.
 *
 * - JPEG: APP1 (EXIF, XMP), APP13 (IPTC) and COM segments go. JFIF, ICC colour profiles (APP2)
 *   and Adobe (APP14, colour transform) stay. The EXIF orientation is kept in a new minimal
 *   EXIF segment holding nothing else, or phone photos taken upright would show on their side.
 * - PNG: only the chunks that draw the picture stay (an allow-list, below); eXIf, text chunks
 *   and any private or unknown chunk go, since a chunk of any name can carry data.
 * - WebP: the EXIF and XMP chunks go, with their flags in the VP8X header.
 *
 * Input that does not parse as expected is returned unchanged: detectImage already decided it
 * is an image, and refusing it here would only hide the upload's real error.
 */
export const stripImageMetadata = (bytes: Buffer, mime: ImageMime): Buffer => {
  if (mime === 'image/jpeg') return stripJpeg(bytes) ?? bytes
  if (mime === 'image/png') return stripPng(bytes) ?? bytes
  return stripWebp(bytes) ?? bytes
}

const APP1 = 0xe1
const APP13 = 0xed
const COM = 0xfe
const ORIENTATION_TAG = 0x0112

/** The Orientation (1–8) in an EXIF APP1 payload, or null. */
const exifOrientation = (payload: Buffer): number | null => {
  if (payload.length < 14 || payload.toString('latin1', 0, 6) !== 'Exif\0\0') return null
  const tiff = payload.subarray(6)
  const order = tiff.toString('latin1', 0, 2)
  if (order !== 'II' && order !== 'MM') return null
  const le = order === 'II'
  const u16 = (at: number) => (le ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at))
  const u32 = (at: number) => (le ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at))
  const ifd = u32(4)
  if (ifd + 2 > tiff.length) return null
  const count = u16(ifd)
  for (let k = 0; k < count; k++) {
    const entry = ifd + 2 + k * 12
    if (entry + 12 > tiff.length) return null
    if (u16(entry) === ORIENTATION_TAG && u16(entry + 2) === 3) {
      const value = u16(entry + 8)
      return value >= 1 && value <= 8 ? value : null
    }
  }
  return null
}

/** An APP1 segment whose EXIF holds only the orientation (big-endian TIFF, one IFD entry). */
const orientationSegment = (orientation: number) => {
  const seg = Buffer.alloc(2 + 2 + 32)
  seg[0] = 0xff
  seg[1] = APP1
  seg.writeUInt16BE(34, 2) // length, itself included
  seg.write('Exif\0\0MM', 4, 'latin1')
  seg.writeUInt16BE(42, 12)
  seg.writeUInt32BE(8, 14) // IFD0 right after the TIFF header
  seg.writeUInt16BE(1, 18) // one entry
  seg.writeUInt16BE(ORIENTATION_TAG, 20)
  seg.writeUInt16BE(3, 22) // SHORT
  seg.writeUInt32BE(1, 24) // one value
  seg.writeUInt16BE(orientation, 28) // left-justified in the 4-byte value field
  seg.writeUInt32BE(0, 32) // no next IFD
  return seg
}

const stripJpeg = (b: Buffer): Buffer | null => {
  const header = jpegHeaderSegments(b)
  // No start-of-scan, or a segment running past the end: not a file to rewrite.
  if (!header || header.scanAt < 0 || header.segments.some((s) => s.end > header.scanAt))
    return null
  const kept: Buffer[] = [b.subarray(0, 2)]
  let orientation: number | null = null
  for (const { marker, start, end } of header.segments) {
    const segment = b.subarray(start, end)
    if (marker === APP1) orientation ??= exifOrientation(segment.subarray(4))
    else if (marker !== APP13 && marker !== COM) kept.push(segment)
  }
  if (orientation !== null && orientation !== 1) kept.splice(1, 0, orientationSegment(orientation))
  kept.push(b.subarray(header.scanAt))
  return Buffer.concat(kept)
}

/**
 * The PNG chunks kept: the critical ones and those that change how the pixels look (colour
 * space, gamma, transparency, background, pixel size). Everything else, eXIf, tEXt/zTXt/iTXt,
 * tIME and private chunks included, is dropped. Animation chunks (acTL, fcTL, fdAT) go too: the
 * first frame is the ordinary image, which is what a photo upload shows.
 */
const PNG_KEPT = new Set([
  'IHDR',
  'PLTE',
  'IDAT',
  'IEND',
  'tRNS',
  'gAMA',
  'cHRM',
  'sRGB',
  'iCCP',
  'sBIT',
  'bKGD',
  'pHYs',
])

const stripPng = (b: Buffer): Buffer | null => {
  const kept: Buffer[] = [b.subarray(0, 8)]
  let i = 8
  while (i + 12 <= b.length) {
    const length = b.readUInt32BE(i)
    const end = i + 12 + length
    if (end > b.length) return null
    const type = b.toString('latin1', i + 4, i + 8)
    if (PNG_KEPT.has(type)) kept.push(b.subarray(i, end))
    i = end
    if (type === 'IEND') break
  }
  return Buffer.concat(kept)
}

const WEBP_DROPPED = new Set(['EXIF', 'XMP '])
const VP8X_EXIF_FLAG = 0x08
const VP8X_XMP_FLAG = 0x04

const stripWebp = (b: Buffer): Buffer | null => {
  if (b.length < 12) return null
  const kept: Buffer[] = []
  let dropped = false
  let i = 12
  while (i + 8 <= b.length) {
    const size = b.readUInt32LE(i + 4)
    const end = i + 8 + size + (size & 1) // chunks are padded to an even size
    if (end > b.length) return null
    const type = b.toString('latin1', i, i + 4)
    if (WEBP_DROPPED.has(type)) dropped = true
    else kept.push(b.subarray(i, end))
    i = end
  }
  if (!dropped) return b
  const body = Buffer.concat(kept)
  const vp8x = body.toString('latin1', 0, 4) === 'VP8X' ? 8 : -1
  if (vp8x >= 0) body[vp8x] = body[vp8x]! & ~(VP8X_EXIF_FLAG | VP8X_XMP_FLAG) & 0xff
  const header = Buffer.from(b.subarray(0, 12))
  header.writeUInt32LE(4 + body.length, 4) // 'WEBP' and the chunks
  return Buffer.concat([header, body])
}
