import type { FieldCrypto } from '../../platform/crypto/field-crypto'
import type { Database } from '../../platform/db/create-db'
import type { SmsProvider } from '../../platform/sms/sms-provider'

/** What the campaigns module needs from the app; app.ts builds it once. */
export type CampaignsDeps = {
  db: Database['db']
  database: Database
  crypto: FieldCrypto
  /** Verifies and consumes an SMS one-time code (core/auth), for SMS-verified voters. */
  consumeOtp: (
    trx: Database['db'],
    mobile: string,
    purpose: 'vote',
    code: string,
    now: Date,
  ) => Promise<void>
  /** HMAC key material for voter keys and receipts. */
  secret: string
  /** The platform SMS provider (core/auth sends OTPs through the same one): consent links. */
  sms: SmsProvider
}
