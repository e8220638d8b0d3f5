import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const scryptAsync = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  )

/**
 * scrypt with N=2^15, r=8, p=1 (OWASP's minimum) by default; runs on the libuv pool, off the
 * event loop. The cost is set once from config (PASSWORD_SCRYPT_N): tests lower it to stay
 * fast, production refuses anything under 2^14. Stored hashes carry their own parameters, so
 * changing the cost never breaks existing passwords.
 */
const PARAMS = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }

export const setPasswordHashCost = (n: number) => {
  if (!Number.isInteger(Math.log2(n))) throw new Error('PASSWORD_SCRYPT_N must be a power of two')
  PARAMS.N = n
  dummyHash = null
}
const KEY_LENGTH = 32

export const hashPassword = async (password: string): Promise<string> => {
  const salt = randomBytes(16)
  const key = await scryptAsync(password, salt, KEY_LENGTH, PARAMS)
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64url')}$${key.toString('base64url')}`
}

export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64url')
  const key = await scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  })
  return timingSafeEqual(key, expected)
}

/** A hash to compare against when the account does not exist, so timing does not reveal it. */
let dummyHash: Promise<string> | null = null
export const getDummyPasswordHash = (): Promise<string> =>
  (dummyHash ??= hashPassword('dummy-password'))
