export type AuthSessionTable = {
  /** HMAC-SHA256 of the cookie token: a leaked table does not yield usable cookies. */
  id: string
  member_id: string
  /** Double-submit token the web app sends back in x-csrf-token on writes. */
  csrf_token: string
  created_at: string
  expires_at: string
  ip: string | null
  user_agent: string | null
}

export type AuthOtpTable = {
  id: string
  mobile_hash: string
  /** register | vote | reset | login (OTP_PURPOSES): a code answers only its own purpose. */
  purpose: string
  code_hash: string
  attempts: number
  used_at: string | null
  created_at: string
  expires_at: string
}

export type AuthTables = { auth_session: AuthSessionTable; auth_otp: AuthOtpTable }
