import { randomFillSync } from 'node:crypto'
import { V7Generator } from 'uuidv7'

/**
 * Receipt codes are the ballot id (a UUIDv7) in Crockford base32: 26 characters, no extra
 * column or index, and a look-up is a primary-key read. Decoding is forgiving (lower case,
 * hyphens and spaces, O→0, I/L→1) because people type receipts from screenshots.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const DECODE = new Map<string, number>([...ALPHABET].map((c, i) => [c, i]))
for (const [alias, to] of [
  ['O', '0'],
  ['I', '1'],
  ['L', '1'],
] as const)
  DECODE.set(alias, DECODE.get(to)!)

export const RECEIPT_LENGTH = 26

/** Hex digit values by character code; -1 for anything else (the hyphens). */
const HEX_VALUE = new Int8Array(128).fill(-1)
for (const [i, c] of [...'0123456789abcdef'].entries()) {
  HEX_VALUE[c.charCodeAt(0)] = i
  HEX_VALUE[c.toUpperCase().charCodeAt(0)] = i
}

/**
 * Five bits at a time from the low end of the hex digits. Plain numbers, not BigInt: a receipt
 * is made for every ballot, and BigInt shifts allocated on each step.
 */
export const receiptOf = (ballotId: string): string => {
  const out = new Array<string>(RECEIPT_LENGTH)
  let pos = RECEIPT_LENGTH
  let acc = 0
  let bits = 0
  for (let i = ballotId.length - 1; i >= 0; i--) {
    const v = HEX_VALUE[ballotId.charCodeAt(i) & 127]!
    if (v < 0) continue // the hyphens
    acc |= v << bits
    bits += 4
    if (bits >= 5) {
      out[--pos] = ALPHABET[acc & 31]!
      acc >>>= 5
      bits -= 5
    }
  }
  while (pos > 0) {
    out[--pos] = ALPHABET[acc & 31]!
    acc >>>= 5
  }
  return out.join('')
}

/** The ballot id a receipt code names, or null when it is not a well-formed code. */
export const ballotIdOfReceipt = (code: string): string | null => {
  const clean = code.toUpperCase().replace(/[\s-]/g, '')
  if (clean.length !== RECEIPT_LENGTH) return null
  let n = 0n
  for (const ch of clean) {
    const v = DECODE.get(ch)
    if (v === undefined) return null
    n = (n << 5n) | BigInt(v)
  }
  if (n >> 128n !== 0n) return null
  const hex = n.toString(16).padStart(32, '0')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/**
 * Random bits for ballot ids, 4 kB at a time. uuidv7's default source refills 32 bytes through
 * WebCrypto every few ids, which cost about 2 µs a ballot in the ingest profile.
 */
class BulkRandom {
  private readonly buffer = new Uint32Array(1024)
  private cursor = this.buffer.length

  nextUint32(): number {
    if (this.cursor >= this.buffer.length) {
      randomFillSync(this.buffer)
      this.cursor = 0
    }
    return this.buffer[this.cursor++]!
  }
}

const ballotIds = new V7Generator(new BulkRandom())

/** A new ballot id: UUIDv7, so ids sort by time and a day's ballots are one range of the index. */
export const newBallotId = (): string => ballotIds.generate().toString()

/** A string at or below every UUIDv7 made at or after a moment: the lower bound of a time range of ids. */
export const ballotIdFloor = (ms: number): string => {
  const h = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0')
  return `${h.slice(0, 8)}-${h.slice(8)}-0000-0000-000000000000`
}
