import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import type {
  LoginBody,
  LoginOtpBody,
  RegisterBody,
  ResetPasswordBody,
  Session,
} from '@unionhall/contracts'
import { uuidv7 } from 'uuidv7'
import type { FieldCrypto } from '../../platform/crypto/field-crypto'
import { getDummyPasswordHash, hashPassword, verifyPassword } from '../../platform/crypto/password'
import type { Db } from '../../platform/db/create-db'
import { toBool } from '../../platform/db/columns'
import { withTransaction } from '../../platform/db/transaction'
import { AppError } from '../../platform/errors/app-error'
import type { Authenticated, Authenticator, Principal } from '../../platform/http/access'
import { createThrottle } from '../../platform/rate-limit/sliding-window'
import type { SmsProvider } from '../../platform/sms/sms-provider'
import { holdsPermission, requireActor, type Actor, type Ctx } from '../access'
import { recordAudit } from '../audit'
import {
  findMemberById,
  findMemberByMobileHash,
  insertMember,
  memberErrors,
  mobileHashOf,
  onMemberChanged,
  updateMemberFields,
} from '../members'
import { loadOrg } from '../orgs'
import { loadGrants, onGrantsChanged } from '../roles'
import * as repo from './auth.repository'
import type { Permission } from '@unionhall/contracts'

export const SESSION_COOKIE = 'uh_session'
/**
 * A readable marker beside the session cookie, holding nothing but "1": worker pages skip
 * asking for a session when it is absent, so an anonymous visitor on a slow phone sees the page
 * one round trip sooner and the browser logs no 401. It proves nothing; the server never reads it.
 */
export const SIGNED_IN_COOKIE = 'uh_signed_in'

export type AuthDeps = {
  db: Db
  crypto: FieldCrypto
  sms: SmsProvider
  sessionSecret: string
  sessionTtlHours: number
  loginMaxFailures: number
  loginWindowMinutes: number
}

const authErrors = {
  invalidCredentials: () =>
    new AppError('AUTH_INVALID_CREDENTIALS', 401, 'Wrong mobile number or password'),
  throttled: (ms: number) =>
    new AppError(
      'AUTH_THROTTLED',
      429,
      `Too many failed sign-ins; try again in ${Math.ceil(ms / 60000)} min`,
      { retryAfterSeconds: Math.ceil(ms / 1000) },
    ),
  inactive: () => new AppError('AUTH_ACCOUNT_INACTIVE', 403, 'This account is not active'),
  wrongPassword: () => new AppError('AUTH_WRONG_PASSWORD', 400, 'The current password is wrong'),
  otpInvalid: () => new AppError('OTP_INVALID', 400, 'The code is wrong or has expired'),
  mobileNotRegistered: () =>
    new AppError('AUTH_MOBILE_NOT_REGISTERED', 404, 'No account has this mobile number', {
      field: 'mobile',
    }),
  otpTooFrequent: (s: number) =>
    new AppError('OTP_TOO_FREQUENT', 429, `Wait ${s} s before asking for another code`, {
      retryAfterSeconds: s,
    }),
}

/** How long an authenticated session stays cached in memory before it is re-read. */
const SESSION_CACHE_MS = 15_000
const OTP_TTL_MS = 5 * 60_000
const OTP_RESEND_MS = 60_000
const OTP_MAX_ATTEMPTS = 5

export type AuthService = ReturnType<typeof createAuthService>

/** Sign-in, sessions, CSRF tokens, one-time codes and self-registration. */
export const createAuthService = (deps: AuthDeps) => {
  const windowMs = deps.loginWindowMinutes * 60_000
  // Per account: a few failures; per IP: more, since a factory NAT puts many honest workers on one address.
  const accountThrottle = createThrottle(deps.loginMaxFailures, windowMs)
  const ipThrottle = createThrottle(deps.loginMaxFailures * 10, windowMs)
  const otpIpThrottle = createThrottle(20, 60 * 60_000)
  const cache = new Map<string, { value: Authenticated; until: number; expiresAt: number }>()

  const dropMemberSessions = (memberId: string) => {
    for (const [k, v] of cache)
      if ((v.value.principal as Actor).memberId === memberId) cache.delete(k)
  }
  // Grants, status, org and name are all part of the cached actor.
  onGrantsChanged(dropMemberSessions)
  onMemberChanged(dropMemberSessions)

  const sessionIdOf = (token: string) =>
    createHmac('sha256', deps.sessionSecret).update(token).digest('base64url')

  const loadActor = async (memberId: string): Promise<Actor | null> => {
    const member = await findMemberById(deps.db, memberId)
    if (!member || member.status !== 'active') return null
    return {
      memberId: member.id,
      name: member.name,
      orgId: member.org_id,
      grants: await loadGrants(deps.db, member.id),
    }
  }

  const startSession = async (trx: Db, ctx: Ctx, memberId: string, userAgent: string | null) => {
    const token = randomBytes(32).toString('base64url')
    const id = sessionIdOf(token)
    const expiresAt = new Date(ctx.now.getTime() + deps.sessionTtlHours * 3_600_000).toISOString()
    await repo.insertSession(trx, {
      id,
      member_id: memberId,
      csrf_token: randomBytes(24).toString('base64url'),
      created_at: ctx.now.toISOString(),
      expires_at: expiresAt,
      ip: ctx.ip,
      user_agent: userAgent?.slice(0, 300) ?? null,
    })
    return { token, expiresAt }
  }

  // When a cached session expires under load, every concurrent request of that session would
  // re-read it at once; the first read is shared instead.
  const inFlight = new Map<string, Promise<Authenticated | 'expired' | null>>()

  // The in-memory cache is keyed by the cookie token itself, so a cache hit needs no HMAC;
  // the database only ever sees the HMAC (sessionIdOf).
  // Not async: a cached session answers without a promise (every authenticated request asks).
  const authenticate = (
    token: string,
  ): Authenticated | 'expired' | null | Promise<Authenticated | 'expired' | null> => {
    if (token.length > 100) return null
    const now = Date.now()
    const hit = cache.get(token)
    if (hit && hit.until > now) return hit.expiresAt > now ? hit.value : 'expired'
    const pending = inFlight.get(token)
    if (pending) return pending
    const load = readSession(token, now).finally(() => inFlight.delete(token))
    inFlight.set(token, load)
    return load
  }

  const dropCachedSession = (sessionId: string) => {
    for (const [k, v] of cache) if (v.value.sessionId === sessionId) cache.delete(k)
  }

  const readSession = async (
    token: string,
    now: number,
  ): Promise<Authenticated | 'expired' | null> => {
    const id = sessionIdOf(token)
    const s = await repo.findSession(deps.db, id)
    if (!s) {
      cache.delete(token)
      return 'expired'
    }
    const expiresAt = Date.parse(s.expires_at)
    if (expiresAt <= now) return 'expired'
    const actor = await loadActor(s.member_id)
    if (!actor) return 'expired'
    const value: Authenticated = {
      principal: actor,
      csrfToken: s.csrf_token,
      sessionId: id,
      expiresAt: s.expires_at,
    }
    if (cache.size > 50_000) cache.clear()
    cache.set(token, { value, until: now + SESSION_CACHE_MS, expiresAt })
    return value
  }

  const authenticator: Authenticator = {
    cookieName: SESSION_COOKIE,
    companionCookies: [SIGNED_IN_COOKIE],
    authenticate,
    permits: (principal: Principal, permission: string) =>
      holdsPermission(principal as Actor, permission as Permission),
  }

  const toSession = async (
    actor: Actor,
    csrfToken: string,
    expiresAt: string,
  ): Promise<Session> => {
    const org = await loadOrg(deps.db, actor.orgId)
    return {
      member: { id: actor.memberId, name: actor.name, orgId: actor.orgId, orgName: org.name },
      grants: actor.grants.map((g) => ({
        orgId: g.orgId,
        orgName: g.orgName,
        role: g.role,
        permissions: [...g.permissions],
      })),
      csrfToken,
      expiresAt,
    }
  }

  /** Signs in with mobile and password. @throws AUTH_INVALID_CREDENTIALS, AUTH_THROTTLED, AUTH_ACCOUNT_INACTIVE */
  const login = async (ctx: Ctx, body: LoginBody, userAgent: string | null) => {
    const nowMs = ctx.now.getTime()
    const mobileHash = mobileHashOf(deps.crypto, body.mobile)
    const accountKey = `acct:${mobileHash}`
    const ipKey = `ip:${ctx.ip ?? '-'}`
    const blocked = Math.max(
      accountThrottle.blockedFor(accountKey, nowMs),
      ipThrottle.blockedFor(ipKey, nowMs),
    )
    if (blocked > 0) throw authErrors.throttled(blocked)
    // Every attempt counts as a failure until the password is known to be right: checking a
    // password takes tens of milliseconds, and counting only afterwards let 300 guesses sent at
    // once all be checked before the lockout saw the first.
    accountThrottle.recordFailure(accountKey, nowMs)
    ipThrottle.recordFailure(ipKey, nowMs)
    const member = await findMemberByMobileHash(deps.db, mobileHash)
    const ok = await verifyPassword(
      body.password,
      member?.password_hash ?? (await getDummyPasswordHash()),
    )
    if (!member || !member.password_hash || !ok) throw authErrors.invalidCredentials()
    accountThrottle.reset(accountKey)
    ipThrottle.refund(ipKey)
    if (member.status !== 'active') throw authErrors.inactive()
    const actor = (await loadActor(member.id))!
    const started = await withTransaction(deps.db, async (trx) => {
      const s = await startSession(trx, { ...ctx, actor }, member.id, userAgent)
      await recordAudit(
        trx,
        { ...ctx, actor },
        {
          action: 'auth.signed-in',
          targetType: 'member',
          targetId: member.id,
          orgId: member.org_id,
          summary: { method: 'password' },
        },
      )
      return s
    })
    const auth = await authenticate(started.token)
    if (!auth || auth === 'expired') throw authErrors.invalidCredentials()
    return {
      token: started.token,
      session: await toSession(actor, auth.csrfToken, started.expiresAt),
    }
  }

  /** Ends the current session. */
  const logout = async (ctx: Ctx, sessionId: string) => {
    const actor = requireActor(ctx)
    await withTransaction(deps.db, async (trx) => {
      await repo.deleteSession(trx, sessionId)
      await recordAudit(trx, ctx, {
        action: 'auth.signed-out',
        targetType: 'member',
        targetId: actor.memberId,
        orgId: actor.orgId,
      })
    })
    dropCachedSession(sessionId)
  }

  const currentSession = async (ctx: Ctx, auth: Authenticated) => {
    return toSession(requireActor(ctx), auth.csrfToken, auth.expiresAt)
  }

  /** Changes the password and signs out every other session of the member. */
  const changePassword = async (ctx: Ctx, sessionId: string, current: string, next: string) => {
    const actor = requireActor(ctx)
    const member = await findMemberById(deps.db, actor.memberId)
    if (!member?.password_hash || !(await verifyPassword(current, member.password_hash)))
      throw authErrors.wrongPassword()
    const hash = await hashPassword(next)
    const dropped = await withTransaction(deps.db, async (trx) => {
      await updateMemberFields(trx, actor.memberId, {
        password_hash: hash,
        updated_at: ctx.now.toISOString(),
      })
      const ids = await repo.deleteOtherSessions(trx, actor.memberId, sessionId)
      await recordAudit(trx, ctx, {
        action: 'auth.password-changed',
        targetType: 'member',
        targetId: actor.memberId,
        orgId: actor.orgId,
        summary: { otherSessionsEnded: ids.length },
      })
      return ids
    })
    dropped.forEach(dropCachedSession)
  }

  const codeHash = (mobileHash: string, code: string) =>
    createHmac('sha256', deps.sessionSecret).update(`${mobileHash}:${code}`).digest('base64url')

  /** Sends a 6-digit code by SMS. One per minute per number, 20 per hour per IP. */
  const requestOtp = async (ctx: Ctx, mobile: string, purpose: string) => {
    const mobileHash = mobileHashOf(deps.crypto, mobile)
    const nowMs = ctx.now.getTime()
    const ipKey = `otp:${ctx.ip ?? '-'}`
    const ipBlocked = otpIpThrottle.blockedFor(ipKey, nowMs)
    if (ipBlocked > 0) throw authErrors.otpTooFrequent(Math.ceil(ipBlocked / 1000))
    const last = await repo.findLatestOtp(deps.db, mobileHash, purpose)
    if (last && nowMs - Date.parse(last.created_at) < OTP_RESEND_MS) {
      throw authErrors.otpTooFrequent(
        Math.ceil((OTP_RESEND_MS - (nowMs - Date.parse(last.created_at))) / 1000),
      )
    }
    otpIpThrottle.recordFailure(ipKey, nowMs)
    // Say so before sending a code that could not be used: registering a number that has an
    // account, or resetting the password of (or signing in as) one that has none. Registration
    // would say it at the end anyway; each ask counts against the IP's 20 codes an hour, which
    // bounds probing. Sign-in says no more than reset already does for the same number (404),
    // and sends no SMS to a number without an account.
    if (purpose === 'register' || purpose === 'reset' || purpose === 'login') {
      const member = await findMemberByMobileHash(deps.db, mobileHash)
      if (purpose === 'register' && member) throw memberErrors.mobileTaken()
      if (purpose !== 'register' && !member) throw authErrors.mobileNotRegistered()
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
    await withTransaction(deps.db, async (trx) => {
      await repo.insertOtp(trx, {
        id: uuidv7(),
        mobile_hash: mobileHash,
        purpose,
        code_hash: codeHash(mobileHash, code),
        attempts: 0,
        used_at: null,
        created_at: ctx.now.toISOString(),
        expires_at: new Date(nowMs + OTP_TTL_MS).toISOString(),
      })
      await recordAudit(trx, ctx, {
        action: 'auth.otp-sent',
        targetType: 'mobile',
        targetId: null,
        orgId: null,
        summary: { purpose },
      })
    })
    await deps.sms.send(mobile, `【UnionHall】验证码 ${code}，5 分钟内有效。`)
  }

  /**
   * Checks and consumes a one-time code inside the caller's transaction. Exported for campaign
   * voting, which verifies voters the same way. @throws OTP_INVALID
   */
  const consumeOtp = async (trx: Db, ctx: Ctx, mobile: string, purpose: string, code: string) => {
    const mobileHash = mobileHashOf(deps.crypto, mobile)
    const otp = await repo.findLatestOtp(trx, mobileHash, purpose)
    if (
      !otp ||
      otp.used_at ||
      Date.parse(otp.expires_at) <= ctx.now.getTime() ||
      otp.attempts >= OTP_MAX_ATTEMPTS
    ) {
      throw authErrors.otpInvalid()
    }
    const expected = Buffer.from(otp.code_hash)
    const given = Buffer.from(codeHash(mobileHash, code))
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      // Counted outside the caller's transaction so that a rollback does not reset the attempts.
      // Not awaited: on SQLite the caller's transaction holds the only connection, so awaiting
      // here deadlocked every later query; the update runs as soon as that transaction ends.
      void repo.bumpOtpAttempts(deps.db, otp.id).catch(() => undefined)
      throw authErrors.otpInvalid()
    }
    // Read above without a lock: on PostgreSQL two requests with the same code both saw it
    // unspent and both signed in. Only the one whose update spends it goes on.
    if (!(await repo.markOtpUsed(trx, otp.id, ctx.now.toISOString()))) throw authErrors.otpInvalid()
  }

  /** A worker registers with an SMS code and is signed in. */
  const register = async (ctx: Ctx, body: RegisterBody, userAgent: string | null) => {
    const org = await loadOrg(deps.db, body.orgId)
    if (toBool(org.is_archived))
      throw new AppError('ORG_ARCHIVED', 409, 'This organisation is archived')
    const started = await withTransaction(deps.db, async (trx) => {
      await consumeOtp(trx, ctx, body.mobile, 'register', body.otpCode)
      const row = await insertMember(trx, { db: deps.db, crypto: deps.crypto }, ctx, body, 'self')
      return startSession(trx, ctx, row.id, userAgent)
    })
    const auth = await authenticate(started.token)
    if (!auth || auth === 'expired') throw authErrors.invalidCredentials()
    return {
      token: started.token,
      session: await toSession(auth.principal as Actor, auth.csrfToken, started.expiresAt),
    }
  }

  /**
   * A member who forgot the password sets a new one with an SMS code (purpose 'reset'). Every
   * session of the member ends, as after a password change, and a new one starts here.
   * @throws OTP_INVALID, AUTH_ACCOUNT_INACTIVE
   */
  const resetPassword = async (ctx: Ctx, body: ResetPasswordBody, userAgent: string | null) => {
    const mobileHash = mobileHashOf(deps.crypto, body.mobile)
    const member = await findMemberByMobileHash(deps.db, mobileHash)
    // No code for that number was ever sent (requestOtp refused it): the code cannot be right.
    if (!member) throw authErrors.otpInvalid()
    if (member.status !== 'active') throw authErrors.inactive()
    const actor = (await loadActor(member.id))!
    const hash = await hashPassword(body.newPassword)
    const { started, ended } = await withTransaction(deps.db, async (trx) => {
      await consumeOtp(trx, ctx, body.mobile, 'reset', body.otpCode)
      await updateMemberFields(trx, member.id, {
        password_hash: hash,
        updated_at: ctx.now.toISOString(),
      })
      const ids = await repo.deleteOtherSessions(trx, member.id, '')
      const s = await startSession(trx, { ...ctx, actor }, member.id, userAgent)
      await recordAudit(
        trx,
        { ...ctx, actor },
        {
          action: 'auth.password-reset',
          targetType: 'member',
          targetId: member.id,
          orgId: member.org_id,
          summary: { sessionsEnded: ids.length },
        },
      )
      return { started: s, ended: ids }
    })
    ended.forEach(dropCachedSession)
    // The failures that locked the account out were the forgotten password's.
    accountThrottle.reset(`acct:${mobileHash}`)
    const auth = await authenticate(started.token)
    if (!auth || auth === 'expired') throw authErrors.invalidCredentials()
    return {
      token: started.token,
      session: await toSession(actor, auth.csrfToken, started.expiresAt),
    }
  }

  /**
   * Signs in with an SMS code (purpose 'login') instead of a password: the same session, cookies
   * and answer as `login`, audited as auth.signed-in with method 'otp'. A wrong, spent or expired
   * code is OTP_INVALID (400) as for a reset, and each code takes OTP_MAX_ATTEMPTS guesses. The
   * password lockout (AUTH_THROTTLED) counts password guesses and neither stops nor is lifted
   * by this path: older workers who forgot the password land here after it locked them out.
   * @throws OTP_INVALID, AUTH_ACCOUNT_INACTIVE
   */
  const loginWithOtp = async (ctx: Ctx, body: LoginOtpBody, userAgent: string | null) => {
    const member = await findMemberByMobileHash(deps.db, mobileHashOf(deps.crypto, body.mobile))
    // A number without an account: requestOtp refused it (404, as for a reset), so no code was
    // sent and none can be right. It answers the wrong-code refusal, as resetPassword does,
    // which tells nothing the code request did not already say.
    if (!member) throw authErrors.otpInvalid()
    // Read before the transaction: on SQLite it holds the only connection.
    const active = member.status === 'active' ? await loadActor(member.id) : null
    const { started, actor } = await withTransaction(deps.db, async (trx) => {
      await consumeOtp(trx, ctx, body.mobile, 'login', body.otpCode)
      // After the code, as password sign-in checks after the password: a suspended account is
      // told only to whoever holds its phone. Throwing rolls back the code's use: nothing changes.
      if (!active) throw authErrors.inactive()
      const actor = active
      const s = await startSession(trx, { ...ctx, actor }, member.id, userAgent)
      await recordAudit(
        trx,
        { ...ctx, actor },
        {
          action: 'auth.signed-in',
          targetType: 'member',
          targetId: member.id,
          orgId: member.org_id,
          summary: { method: 'otp' },
        },
      )
      return { started: s, actor }
    })
    const auth = await authenticate(started.token)
    if (!auth || auth === 'expired') throw authErrors.invalidCredentials()
    return {
      token: started.token,
      session: await toSession(actor, auth.csrfToken, started.expiresAt),
    }
  }

  const purgeExpiredSessions = (now: Date) => repo.deleteExpiredSessions(deps.db, now.toISOString())

  return {
    authenticator,
    login,
    loginWithOtp,
    logout,
    currentSession,
    changePassword,
    requestOtp,
    consumeOtp,
    register,
    resetPassword,
    purgeExpiredSessions,
  }
}
