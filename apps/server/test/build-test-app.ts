import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import { buildApp, type Built } from '../src/app'
import { loadConfig, type Config } from '../src/config/env'
import { SESSION_COOKIE } from '../src/core/auth'
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../src/demo/seed-demo'
import { createTestDatabase, type TestDatabase } from './db'

/** A signed-in demo account: its cookie, CSRF token and a helper for authenticated requests. */
export type TestSession = {
  mobile: string
  memberId: string
  cookie: string
  csrfToken: string
  /** app.inject with this session's cookie and (for writes) x-csrf-token. */
  request: (options: InjectOptions) => Promise<LightMyRequestResponse>
}

export type TestApp = Built & {
  config: Config
  database: TestDatabase
  /** Demo org ids by name (seedDemo's map). */
  orgIds: Map<string, string>
  orgId: (name: string) => string
  /** Signs in through POST /api/v1/auth/login; sessions are cached per mobile. */
  loginAs: (mobile: string, password?: string) => Promise<TestSession>
  /** app.inject without a session. */
  request: (options: InjectOptions) => Promise<LightMyRequestResponse>
  close: () => Promise<void>
}

/** Demo account mobiles by role, for readable tests. */
export const ACCOUNTS = {
  platformAdmin: DEMO_ACCOUNTS[0]!.mobile,
  gansuAdmin: DEMO_ACCOUNTS[1]!.mobile,
  lanzhouStaff: DEMO_ACCOUNTS[2]!.mobile,
  shenzhenAdmin: DEMO_ACCOUNTS[3]!.mobile,
  longgangStaff: DEMO_ACCOUNTS[4]!.mobile,
  beijingCounsellor: DEMO_ACCOUNTS[5]!.mobile,
} as const

/** The value of a Set-Cookie header for a cookie name, or undefined. */
export const cookieValue = (res: LightMyRequestResponse, name: string): string | undefined =>
  res.cookies.find((c) => c.name === name)?.value

/** The configuration tests use: quiet, no generated secrets file, limits a test can reach. */
export const testConfig = (overrides: Record<string, string> = {}): Config =>
  loadConfig(
    {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: 'file::memory:',
      RATE_LIMIT_PER_MINUTE: '100000',
      // Cheap password hashes keep the suite fast; production refuses this cost.
      PASSWORD_SCRYPT_N: '1024',
      ...overrides,
    },
    { generateSecrets: false },
  )

/**
 * Builds the app on a fresh database (SQLite in memory, or a new PostgreSQL schema when
 * TEST_DATABASE_URL is set), migrated and loaded with the demo data. Call once per file
 * (beforeAll) and close in afterAll.
 */
export const buildTestApp = async (
  options: { env?: Record<string, string>; seed?: boolean } = {},
): Promise<TestApp> => {
  const database = await createTestDatabase()
  const config = testConfig(options.env)
  const built = await buildApp(config, { database, logger: false, webDist: null })
  const seeded = options.seed === false ? null : await seedDemo(database.db, built.crypto)
  const orgIds = seeded?.orgIds ?? new Map<string, string>()
  const sessions = new Map<string, TestSession>()

  const request = (opts: InjectOptions) => built.app.inject(opts)

  const loginAs = async (mobile: string, password = DEMO_PASSWORD): Promise<TestSession> => {
    const cached = sessions.get(mobile)
    if (cached && password === DEMO_PASSWORD) return cached
    const res = await request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { mobile, password },
    })
    if (res.statusCode !== 200)
      throw new Error(`login ${mobile} failed: ${res.statusCode} ${res.body}`)
    const cookie = cookieValue(res, SESSION_COOKIE)!
    const body = res.json<{ csrfToken: string; member: { id: string } }>()
    const session: TestSession = {
      mobile,
      memberId: body.member.id,
      cookie,
      csrfToken: body.csrfToken,
      request: (opts) =>
        request({
          ...opts,
          cookies: { [SESSION_COOKIE]: cookie, ...(opts.cookies ?? {}) },
          headers: { 'x-csrf-token': body.csrfToken, ...(opts.headers ?? {}) },
        }),
    }
    if (password === DEMO_PASSWORD) sessions.set(mobile, session)
    return session
  }

  return {
    ...built,
    config,
    database,
    orgIds,
    orgId: (name) => {
      const id = orgIds.get(name)
      if (!id) throw new Error(`No demo org named ${name}`)
      return id
    },
    loginAs,
    request,
    close: async () => {
      await built.app.close()
      await database.drop()
    },
  }
}
