import * as createSessionAndOtp from './20261129T1104_auth_create_session_and_otp'

export const authMigrations = {
  '20261129T1104_auth_create_session_and_otp': createSessionAndOtp,
}
