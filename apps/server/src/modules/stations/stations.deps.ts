import type { FieldCrypto } from '../../platform/crypto/field-crypto'
import type { Db } from '../../platform/db/create-db'

/** What the stations module needs from the app; app.ts builds it once. */
export type StationsDeps = {
  db: Db
  crypto: FieldCrypto
  /** HMAC key material for device hashes of check-ins and iCalendar feed tokens. */
  secret: string
  /** Minutes after which a check-in ends by itself (workers rarely check out). */
  checkInMinutes?: number
}
