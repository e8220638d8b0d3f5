import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * The code in a station's door QR link (ADR 0029). A check-in needs no account, and station ids
 * are public (every nearest answer lists them), so without a code anyone could check a phone in
 * at any station from anywhere and fill it. The code proves the phone read the poster on the
 * door: 10 symbols of an HMAC of the station id and its code generation (50 bits; check-ins are
 * also limited per IP). Nothing secret is stored: staff rotate a code that has leaked by bumping
 * the station's generation, which stops every poster printed before.
 */

/** 32 symbols without 0/O and 1/I, so a code read aloud or typed from the poster survives. */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
export const CHECK_IN_CODE_LENGTH = 10

export const checkInCode = (secret: string, stationId: string, generation: number): string => {
  const mac = createHmac('sha256', secret)
    .update(`station-check-in-code:${stationId}:${generation}`)
    .digest()
  let code = ''
  // 256 is a multiple of 32, so the low five bits of each byte are uniform.
  for (let i = 0; i < CHECK_IN_CODE_LENGTH; i++) code += ALPHABET[mac[i]! & 31]
  return code
}

/**
 * Whether `given` is the station's current code, compared in constant time. ASCII letters only are
 * read without case: a full Unicode upper-casing would also take 'ſ' for 'S' and 'ß' for 'SS'.
 */
export const checkInCodeMatches = (
  secret: string,
  stationId: string,
  generation: number,
  given: string,
): boolean => {
  const want = Buffer.from(checkInCode(secret, stationId, generation))
  const got = Buffer.from(given.replace(/[a-z]/g, (c) => c.toUpperCase()))
  return got.length === want.length && timingSafeEqual(got, want)
}
