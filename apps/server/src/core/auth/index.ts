/** Auth: sign-in, server-side sessions, CSRF tokens, SMS one-time codes, self-registration. Owns tables: auth_session, auth_otp. */
export {
  createAuthService,
  SESSION_COOKIE,
  SIGNED_IN_COOKIE,
  type AuthService,
  type AuthDeps,
} from './auth.service'
export { authRoutes } from './auth.routes'
export { authMigrations } from './migrations'
