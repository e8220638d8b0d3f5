import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, type Built } from '../src/app'
import { testConfig } from './build-test-app'
import { createTestDatabase, type TestDatabase } from './db'

/** A web build in miniature: the entry page, one hashed script with its compressed copies, an icon. */
const SCRIPT = `console.log(${JSON.stringify('工会'.repeat(400))})\n`
const dist = mkdtempSync(path.join(tmpdir(), 'uh-web-'))
mkdirSync(path.join(dist, 'assets'))
writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root">加载中</div>')
writeFileSync(path.join(dist, 'assets', 'main-Ab3dE_f9.js'), SCRIPT)
writeFileSync(path.join(dist, 'assets', 'main-Ab3dE_f9.js.br'), brotliCompressSync(SCRIPT))
writeFileSync(path.join(dist, 'assets', 'main-Ab3dE_f9.js.gz'), gzipSync(SCRIPT))
writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')

let database: TestDatabase
let built: Built
beforeAll(async () => {
  database = await createTestDatabase()
  built = await buildApp(testConfig(), { database, logger: false, webDist: dist })
})
afterAll(async () => {
  await built.app.close()
  await database.drop()
})

const get = (url: string, headers: Record<string, string> = {}) =>
  built.app.inject({ method: 'GET', url, headers })

describe('the web app as static files', () => {
  it('sends a hashed script compressed to browsers that accept it, cached for a year', async () => {
    const br = await get('/assets/main-Ab3dE_f9.js', { 'accept-encoding': 'gzip, deflate, br' })
    expect(br.statusCode).toBe(200)
    expect(br.headers['content-encoding']).toBe('br')
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i)
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 3)
    expect(br.headers['content-type']).toMatch(/javascript/)

    const gz = await get('/assets/main-Ab3dE_f9.js', { 'accept-encoding': 'gzip' })
    expect(gz.headers['content-encoding']).toBe('gzip')

    const plain = await get('/assets/main-Ab3dE_f9.js')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body).toBe(SCRIPT)
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  it('revalidates the entry page (also for app routes) and keeps other files for an hour', async () => {
    const home = await get('/', { accept: 'text/html' })
    expect(home.statusCode).toBe(200)
    expect(home.headers['cache-control']).toBe('no-cache')
    expect(home.body).toContain('加载中')
    const page = await get('/s/nearby', { accept: 'text/html' })
    expect(page.headers['cache-control']).toBe('no-cache')
    expect(page.body).toContain('加载中')
    expect((await get('/favicon.svg')).headers['cache-control']).toBe('public, max-age=3600')
  })
})
