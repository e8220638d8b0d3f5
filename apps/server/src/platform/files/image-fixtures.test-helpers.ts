import { deflateSync } from 'node:zlib'

/**
 * Small images built byte by byte, so tests need no image library. The PNG is a complete,
 * decodable file; the JPEG and WebP carry real headers (what the server reads) around a stub body.
 */

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

export const pngChunk = (type: string, data: Buffer) => {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** A valid RGB PNG of one colour; `seed` changes the colour, so each call can differ. */
export const pngImage = (width = 2, height = 3, seed = 0) => {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 2, 0, 0, 0], 8) // 8-bit RGB
  const row = Buffer.alloc(1 + width * 3)
  for (let x = 0; x < width; x++) row.set([seed & 0xff, 0x80, 0x40], 1 + x * 3)
  const raw = Buffer.concat(Array.from({ length: height }, () => row))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

/** A JPEG header (SOI, JFIF APP0, a baseline start-of-frame, start-of-scan) and a stub scan. */
export const jpegImage = (width = 4, height = 5) => {
  const app0 = Buffer.from([
    0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
    0x00, 0x00,
  ])
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x0b, 0x08, 0, 0, 0, 0, 0x01, 0x01, 0x11, 0x00])
  sof.writeUInt16BE(height, 5)
  sof.writeUInt16BE(width, 7)
  const sos = Buffer.from([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00])
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    app0,
    sof,
    sos,
    Buffer.from([0x12, 0x34, 0x56]),
    Buffer.from([0xff, 0xd9]),
  ])
}

const riff = (chunkType: string, data: Buffer) => {
  const chunkSize = Buffer.alloc(4)
  chunkSize.writeUInt32LE(data.length)
  // A chunk of odd size is padded to even, as the RIFF format requires.
  const pad = data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)
  const body = Buffer.concat([Buffer.from(`WEBP${chunkType}`, 'latin1'), chunkSize, data, pad])
  const size = Buffer.alloc(4)
  size.writeUInt32LE(body.length)
  return Buffer.concat([Buffer.from('RIFF', 'latin1'), size, body])
}

/** A lossless (VP8L) WebP header with the given size and a stub bitstream. */
export const webpImage = (width = 6, height = 7) => {
  const data = Buffer.alloc(9)
  data[0] = 0x2f
  data.writeUInt32LE(((width - 1) | ((height - 1) << 14)) >>> 0, 1)
  return riff('VP8L', data)
}

/** A lossy (VP8) WebP header. */
export const webpLossyImage = (width = 8, height = 9) => {
  const data = Buffer.alloc(10)
  data.set([0x9d, 0x01, 0x2a], 3)
  data.writeUInt16LE(width, 6)
  data.writeUInt16LE(height, 8)
  return riff('VP8 ', data)
}

/** An extended (VP8X) WebP header followed, as in real files, by its image chunk (VP8L). */
export const webpExtendedImage = (width = 300, height = 200) => {
  const data = Buffer.alloc(10)
  data.writeUIntLE(width - 1, 4, 3)
  data.writeUIntLE(height - 1, 7, 3)
  const image = Buffer.alloc(9)
  image[0] = 0x2f
  image.writeUInt32LE(((width - 1) | ((height - 1) << 14)) >>> 0, 1)
  const chunk = (type: string, body: Buffer) => {
    const size = Buffer.alloc(4)
    size.writeUInt32LE(body.length)
    const pad = body.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)
    return Buffer.concat([Buffer.from(type, 'latin1'), size, body, pad])
  }
  const body = Buffer.concat([
    Buffer.from('WEBP', 'latin1'),
    chunk('VP8X', data),
    chunk('VP8L', image),
  ])
  const size = Buffer.alloc(4)
  size.writeUInt32LE(body.length)
  return Buffer.concat([Buffer.from('RIFF', 'latin1'), size, body])
}
