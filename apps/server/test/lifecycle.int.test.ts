import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { buildApp } from '../src/app'
import { testConfig } from './build-test-app'

const dir = mkdtempSync(path.join(tmpdir(), 'uh-lifecycle-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const fileConfig = (name: string) =>
  testConfig({ DATABASE_URL: `file:${path.join(dir, `${name}.db`)}`, DATA_DIR: dir })

describe('start-up', () => {
  it('refuses to start when a route declares no access rule', async () => {
    const { app } = await buildApp(fileConfig('no-access'), { logger: false, webDist: null })

    expect(() => app.get('/api/v1/undeclared', async () => ({ ok: true }))).toThrow(
      /no access declaration/,
    )
    await app.close()
  })
})

describe('graceful shutdown', () => {
  it('finishes in-flight requests, refuses new ones, then closes the database', async () => {
    const built = await buildApp(fileConfig('shutdown'), { logger: false, webDist: null })
    let release: () => void = () => undefined
    const gate = new Promise<void>((r) => (release = r))
    let started: () => void = () => undefined
    const inFlight = new Promise<void>((r) => (started = r))
    built.app.get('/api/v1/test-slow', { config: { access: 'public' } }, async () => {
      started()
      await gate
      return { finished: true }
    })
    const address = await built.app.listen({ port: 0, host: '127.0.0.1' })

    const slow = fetch(`${address}/api/v1/test-slow`)
    await inFlight
    const closing = built.app.close()
    await new Promise((r) => setTimeout(r, 50))
    const refused = await fetch(`${address}/api/v1/noop`).then(
      (r) => r.status,
      () => 'connection refused',
    )
    release()
    const res = await slow
    await closing

    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ finished: true })
    expect([503, 'connection refused']).toContain(refused)
    await expect(sql`select 1`.execute(built.database.db)).rejects.toThrow()
  })
})
