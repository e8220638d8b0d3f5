import type { FieldCrypto } from '../../platform/crypto/field-crypto'
import type { Db } from '../../platform/db/create-db'

/** What the wishes module needs from the app; app.ts builds it once. */
export type WishesDeps = {
  db: Db
  /** Encrypts the worker's name and mobile. */
  crypto: FieldCrypto
}
