import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto'

/**
 * Encrypts personal data (mobile numbers, ID numbers, hotline notes) at rest with AES-256-GCM.
 * A separate HMAC key, derived from the same DATA_KEY, gives a blind index so that unique
 * checks and log-in look-ups work without decrypting every row.
 */
export type FieldCrypto = {
  encrypt: (plain: string) => string
  decrypt: (sealed: string) => string
  blindIndex: (plain: string) => string
}

const VERSION = 'v1'

export const createFieldCrypto = (dataKeyHex: string): FieldCrypto => {
  const master = Buffer.from(dataKeyHex, 'hex')
  if (master.length !== 32) throw new Error('DATA_KEY must be 32 bytes (64 hex characters)')
  const encKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'unionhall:enc', 32))
  const macKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'unionhall:idx', 32))
  return {
    encrypt: (plain) => {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', encKey, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      const tag = cipher.getAuthTag()
      return `${VERSION}.${iv.toString('base64url')}.${body.toString('base64url')}.${tag.toString('base64url')}`
    },
    decrypt: (sealed) => {
      const [version, iv, body, tag] = sealed.split('.')
      if (version !== VERSION || !iv || body === undefined || !tag)
        throw new Error('Unknown ciphertext format')
      const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'))
      decipher.setAuthTag(Buffer.from(tag, 'base64url'))
      return Buffer.concat([
        decipher.update(Buffer.from(body, 'base64url')),
        decipher.final(),
      ]).toString('utf8')
    },
    blindIndex: (plain) => createHmac('sha256', macKey).update(plain).digest('base64url'),
  }
}

/** 13812341234 → 138****1234; lists never show more. */
export const maskMobile = (mobile: string): string =>
  mobile.length >= 7 ? `${mobile.slice(0, 3)}****${mobile.slice(-4)}` : '****'

/** 110101199003071234 → 110***********1234. */
export const maskIdCard = (id: string): string =>
  id.length >= 8 ? `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}` : '****'
