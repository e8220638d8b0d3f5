import { uuidv7 } from 'uuidv7'

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

export const receiptOf = (ballotId: string): string => {
  let n = BigInt('0x' + ballotId.replace(/-/g, ''))
  let out = ''
  for (let i = 0; i < RECEIPT_LENGTH; i++) {
    out = ALPHABET[Number(n & 31n)]! + out
    n >>= 5n
  }
  return out
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

/** A new ballot id: UUIDv7, so ids sort by time and a day's ballots are one range of the index. */
export const newBallotId = (): string => uuidv7()

/** A string at or below every UUIDv7 made at or after a moment: the lower bound of a time range of ids. */
export const ballotIdFloor = (ms: number): string => {
  const h = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0')
  return `${h.slice(0, 8)}-${h.slice(8)}-0000-0000-000000000000`
}
