import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './env'

const problemsOf = (fn: () => unknown): string[] => {
  try {
    fn()
  } catch (e) {
    if (e instanceof ConfigError) return e.problems
    throw e
  }
  throw new Error('expected a ConfigError')
}

const GOOD_SECRET = 'a'.repeat(20) + 'b'.repeat(20)
const GOOD_KEY = 'ab'.repeat(32)

describe(loadConfig.name, () => {
  const dirs: string[] = []
  const tempDir = () => {
    const d = mkdtempSync(path.join(tmpdir(), 'uh-env-'))
    dirs.push(d)
    return d
  }
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
  })

  it('reads a relative WEB_DIST against the working directory, and an empty one as unset', () => {
    const sut = loadConfig({ WEB_DIST: 'apps/web/dist' }, { generateSecrets: false })

    expect(sut.WEB_DIST).toBe(path.join(process.cwd(), 'apps/web/dist'))
    expect(loadConfig({}, { generateSecrets: false }).WEB_DIST).toBeUndefined()
    expect(loadConfig({ WEB_DIST: '' }, { generateSecrets: false }).WEB_DIST).toBeUndefined()
  })

  it('takes TRUST_PROXY as true, false, or proxy addresses and CIDR ranges', () => {
    const load = (TRUST_PROXY: string) =>
      loadConfig({ TRUST_PROXY }, { generateSecrets: false }).TRUST_PROXY

    expect(load('false')).toBe('false')
    expect(load('127.0.0.1')).toBe('127.0.0.1')
    expect(load('127.0.0.1, 10.0.0.0/8,::1,fd00::/8')).toBe('127.0.0.1, 10.0.0.0/8,::1,fd00::/8')
    for (const bad of [
      'yes',
      'localhost',
      '10.0.0.0/33',
      '10.0.0.0/8/1',
      '::1/129',
      '1.2.3.4/x',
      '',
    ]) {
      expect(problemsOf(() => load(bad)).join(' '), bad).toMatch(/TRUST_PROXY/)
    }
  })

  it('applies defaults and derives the dialect', () => {
    const sut = loadConfig({}, { generateSecrets: false })

    expect(sut.PORT).toBe(3000)
    expect(sut.dialect).toBe('sqlite')
    expect(sut.sqlitePath).toBe('./data/unionhall.db')
    expect(sut.SESSION_SECRET).toMatch(/^[0-9a-f]{64}$/)
    expect(sut.DATA_KEY).toMatch(/^[0-9a-f]{64}$/)
    expect(Object.isFrozen(sut)).toBe(true)
  })

  it('reads PostgreSQL URLs', () => {
    const sut = loadConfig(
      { DATABASE_URL: 'postgres://u@localhost/db' },
      { generateSecrets: false },
    )

    expect(sut.dialect).toBe('postgres')
    expect(sut.sqlitePath).toBeNull()
  })

  it('lists every bad value at once', () => {
    const problems = problemsOf(() =>
      loadConfig(
        {
          PORT: 'eighty',
          DATABASE_URL: 'mysql://localhost/db',
          LOG_LEVEL: 'loud',
          DATA_KEY: 'not-hex',
          SESSION_SECRET: 'short',
          BODY_LIMIT_BYTES: '10',
        },
        { generateSecrets: false },
      ),
    )

    expect(problems).toHaveLength(6)
    for (const key of [
      'PORT',
      'DATABASE_URL',
      'LOG_LEVEL',
      'DATA_KEY',
      'SESSION_SECRET',
      'BODY_LIMIT_BYTES',
    ]) {
      expect(problems.some((p) => p.startsWith(`${key}:`))).toBe(true)
    }
  })

  it('refuses production with an explicit DATABASE_URL and no secrets', () => {
    const problems = problemsOf(() =>
      loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u@db/uh' }),
    )

    expect(problems).toEqual([
      'SESSION_SECRET: required when NODE_ENV=production and DATABASE_URL is set',
      'DATA_KEY: required when NODE_ENV=production and DATABASE_URL is set',
    ])
  })

  it('refuses placeholder secrets in production', () => {
    const problems = problemsOf(() =>
      loadConfig({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://u@db/uh',
        SESSION_SECRET: 'dev-secret'.padEnd(32, '-'),
        DATA_KEY: '0'.repeat(64),
      }),
    )

    expect(problems).toEqual([
      'SESSION_SECRET: must not be a default or placeholder value',
      'DATA_KEY: must not be a default or placeholder value',
    ])
  })

  it('accepts production with real secrets', () => {
    const sut = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://u@db/uh',
      SESSION_SECRET: GOOD_SECRET,
      DATA_KEY: GOOD_KEY,
    })

    expect(sut.SESSION_SECRET).toBe(GOOD_SECRET)
    expect(sut.DATA_KEY).toBe(GOOD_KEY)
  })

  it('refuses a cheap password hash cost in production', () => {
    const problems = problemsOf(() =>
      loadConfig({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://u@db/uh',
        SESSION_SECRET: GOOD_SECRET,
        DATA_KEY: GOOD_KEY,
        PASSWORD_SCRYPT_N: '1024',
      }),
    )

    expect(problems).toEqual(['PASSWORD_SCRYPT_N: must be at least 16384 in production'])
  })

  it('creates a secrets file with mode 0600 in DATA_DIR and reuses it', () => {
    const dataDir = path.join(tempDir(), 'nested')

    const first = loadConfig({ DATA_DIR: dataDir })
    const second = loadConfig({ DATA_DIR: dataDir })

    const file = path.join(dataDir, 'secrets.json')
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>
    expect(stored.SESSION_SECRET).toBe(first.SESSION_SECRET)
    expect(stored.DATA_KEY).toBe(first.DATA_KEY)
    expect(second.SESSION_SECRET).toBe(first.SESSION_SECRET)
    expect(second.DATA_KEY).toBe(first.DATA_KEY)
  })

  it('keeps secrets given in the environment over the file', () => {
    const dataDir = tempDir()

    const sut = loadConfig({ DATA_DIR: dataDir, SESSION_SECRET: GOOD_SECRET })

    expect(sut.SESSION_SECRET).toBe(GOOD_SECRET)
    expect(sut.DATA_KEY).toMatch(/^[0-9a-f]{64}$/)
  })
})
