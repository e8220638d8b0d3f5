import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { isIP } from 'node:net'
import path from 'node:path'
import { z } from 'zod'

/** `true`, `false`, or comma-separated IP addresses and CIDR ranges (what proxy-addr accepts). */
const isTrustProxySetting = (value: string) =>
  value === 'true' ||
  value === 'false' ||
  value.split(',').every((part) => {
    const [address = '', prefix, ...rest] = part.trim().split('/')
    const family = isIP(address)
    if (family === 0 || rest.length > 0) return false
    if (prefix === undefined) return true
    const bits = Number(prefix)
    return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128)
  })

/** Fastify's trustProxy from TRUST_PROXY: a boolean, or the trusted addresses as given. */
export const trustProxyOf = (setting: string): boolean | string =>
  setting === 'true' ? true : setting === 'false' ? false : setting

/**
 * Every environment variable UnionHall reads, described once. This is the only file that
 * reads process.env (enforced by ESLint n/no-process-env).
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000).describe('HTTP port'),
  HOST: z.string().default('0.0.0.0').describe('Interface to listen on'),
  DATABASE_URL: z
    .string()
    .default('file:./data/unionhall.db')
    .refine((v) => v.startsWith('file:') || /^postgres(ql)?:\/\//.test(v), {
      message: 'must start with file: (SQLite) or postgres:// (PostgreSQL)',
    })
    .describe('file:./data/unionhall.db (embedded SQLite) or postgres://user@host/db'),
  DATA_DIR: z.string().default('./data').describe('Where SQLite files and generated secrets live'),
  SESSION_SECRET: z
    .string()
    .min(32)
    .optional()
    .describe(
      'HMAC key for session tokens, voter tokens and station check-in codes; changing it ends sessions and changes every door poster code (sensitive)',
    ),
  DATA_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, { message: 'must be 64 hex characters (a 256-bit key)' })
    .optional()
    .describe('AES-256-GCM key for personal data at rest, 64 hex chars (sensitive)'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  RATE_LIMIT_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .default(1200)
    .describe('Requests per minute per IP for the API as a whole'),
  PASSWORD_SCRYPT_N: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1_048_576)
    .refine((n) => Number.isInteger(Math.log2(n)), { message: 'must be a power of two' })
    .default(32768)
    .describe('scrypt cost for new password hashes (tests lower it; production needs >= 16384)'),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  UPLOAD_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1_048_576),
  SEED_DEMO: z
    .enum(['auto', 'true', 'false'])
    .default('auto')
    .describe('Load demo data on an empty DB'),
  WEB_DIST: z
    .string()
    .optional()
    // The static file server wants an absolute root; a relative folder means the working
    // directory's, as DATA_DIR does, instead of a crash at start. Empty (as in .env.example)
    // means unset, not the working directory.
    .transform((dir) => (dir ? path.resolve(dir) : undefined))
    .describe('Folder of the built web app to serve (relative to the working directory)'),
  SMS_PROVIDER: z.enum(['console']).default('console'),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  TRUST_PROXY: z
    .string()
    .default('false')
    .refine(isTrustProxySetting, {
      message:
        "true, false, or the proxies' addresses separated by commas (e.g. 127.0.0.1 or 10.0.0.0/8)",
    })
    .describe(
      "Whose X-Forwarded-For to believe: false (nobody), true (any peer; only when nothing but the proxy can reach the port), or the proxies' addresses/CIDR ranges, e.g. 127.0.0.1",
    ),
  PUBLIC_ORIGIN: z
    .string()
    .regex(
      /^(https?:\/\/[^/\s?#]+)?$/,
      'an origin such as https://unionhall.example.cn, without a path (or empty)',
    )
    .optional()
    .describe(
      'Public origin of the site for links sent by SMS and in calendar feeds; set in production (otherwise the Host header of the request is used)',
    ),
  HOLIDAYS_FILE: z
    .string()
    .optional()
    .describe(
      "JSON file of public-holiday years published after this release (the State Council's notice, in the shape of cn-holidays.ts), added to the built-in calendar at start-up",
    ),
  MAP_TILE_URL: z
    .string()
    .default('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png')
    .describe('Leaflet tile URL template of the public station map'),
  MAP_TILE_SUBDOMAINS: z.string().default('abc'),
  MAP_TILE_ATTRIBUTION: z.string().default('© OpenStreetMap contributors'),
  MAP_TILE_COORD_SYSTEM: z
    .enum(['wgs84', 'gcj02', 'bd09'])
    .default('wgs84')
    .describe('Coordinate system of the tiles (Amap/Tencent tiles are gcj02, Baidu bd09)'),
  STATION_CHECK_IN_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(120)
    .describe('A station check-in ends by itself after this many minutes'),
})

export type Env = z.infer<typeof EnvSchema>

export type Config = Readonly<
  Omit<Env, 'SESSION_SECRET' | 'DATA_KEY'> & {
    SESSION_SECRET: string
    DATA_KEY: string
    dialect: 'sqlite' | 'postgres'
    sqlitePath: string | null
  }
>

/** Names whose values must never be logged. */
export const SENSITIVE_KEYS = ['SESSION_SECRET', 'DATA_KEY', 'DATABASE_URL'] as const

/** Placeholder values found in examples; production refuses them. */
const DEFAULT_SECRETS = new Set(['changeme', 'change-me', 'secret', 'dev-secret'.padEnd(32, '-')])

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  }
}

type SecretsFile = { SESSION_SECRET: string; DATA_KEY: string }

/** Reads ./data/secrets.json, creating it with fresh random secrets (mode 0600) on first start. */
const loadOrCreateSecrets = (dataDir: string): SecretsFile => {
  const file = path.join(dataDir, 'secrets.json')
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as SecretsFile
  mkdirSync(dataDir, { recursive: true })
  const secrets: SecretsFile = {
    SESSION_SECRET: randomBytes(32).toString('hex'),
    DATA_KEY: randomBytes(32).toString('hex'),
  }
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  chmodSync(file, 0o600)
  return secrets
}

/**
 * Validates the environment once at boot. Every problem is collected and reported together,
 * so an operator fixes them in one pass.
 */
export const loadConfig = (
  source: Record<string, string | undefined> = process.env,
  options: { generateSecrets?: boolean } = {},
): Config => {
  const parsed = EnvSchema.safeParse(source)
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`),
    )
  }
  const env = parsed.data
  const problems: string[] = []
  const isProduction = env.NODE_ENV === 'production'
  const hasExplicitDatabase = source.DATABASE_URL !== undefined
  if (isProduction && hasExplicitDatabase) {
    for (const key of ['SESSION_SECRET', 'DATA_KEY'] as const) {
      const value = env[key]
      if (!value) problems.push(`${key}: required when NODE_ENV=production and DATABASE_URL is set`)
      else if (DEFAULT_SECRETS.has(value) || /^0+$/.test(value))
        problems.push(`${key}: must not be a default or placeholder value`)
    }
  }
  if (isProduction && env.PASSWORD_SCRYPT_N < 16384) {
    problems.push('PASSWORD_SCRYPT_N: must be at least 16384 in production')
  }
  if (problems.length > 0) throw new ConfigError(problems)

  let sessionSecret = env.SESSION_SECRET
  let dataKey = env.DATA_KEY
  if (!sessionSecret || !dataKey) {
    if (options.generateSecrets === false) {
      sessionSecret ??= randomBytes(32).toString('hex')
      dataKey ??= randomBytes(32).toString('hex')
    } else {
      const generated = loadOrCreateSecrets(env.DATA_DIR)
      sessionSecret ??= generated.SESSION_SECRET
      dataKey ??= generated.DATA_KEY
    }
  }
  const dialect = env.DATABASE_URL.startsWith('file:') ? 'sqlite' : 'postgres'
  const sqlitePath = dialect === 'sqlite' ? env.DATABASE_URL.slice('file:'.length) : null
  return Object.freeze({
    ...env,
    SESSION_SECRET: sessionSecret,
    DATA_KEY: dataKey,
    dialect,
    sqlitePath,
  })
}

/** The configuration for tests: in-memory SQLite unless TEST_DATABASE_URL names PostgreSQL. */
export const testDatabaseUrl = (): string | undefined => process.env.TEST_DATABASE_URL

/** The variables with their defaults and descriptions, for .env.example. */
export const describeEnv = () =>
  Object.entries(EnvSchema.shape).map(([name, schema]) => {
    let defaultValue: string | undefined
    const parsed = (schema as z.ZodType).safeParse(undefined)
    const value: unknown = parsed.success ? parsed.data : undefined
    if (typeof value === 'string' || typeof value === 'number') defaultValue = String(value)
    return {
      name,
      description: (schema as z.ZodType).description,
      defaultValue,
      sensitive: (SENSITIVE_KEYS as readonly string[]).includes(name),
    }
  })
