import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
    /** The server's stdout and stderr, appended as they come (the console SMS provider's codes). */
    serverLogPath: string
  }
}

const repoRoot = path.resolve(import.meta.dirname, '../..')
const serverEntry = path.join(repoRoot, 'apps/server/dist/main.js')

const waitForHealthy = async (url: string, child: ChildProcess, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`)
    try {
      const res = await fetch(`${url}/healthz`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`server did not become healthy within ${timeoutMs} ms`)
}

/**
 * Starts the built UnionHall (server + web) on a fresh SQLite database with demo data, the
 * way `npm start` does, and hands its URL to the specs.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(serverEntry))
    throw new Error('Build first: npm run build (apps/server/dist/main.js is missing)')
  if (!existsSync(path.join(repoRoot, 'apps/web/dist/index.html')))
    throw new Error('Build first: npm run build (apps/web/dist is missing)')
  const dataDir = mkdtempSync(path.join(tmpdir(), 'uh-e2e-'))
  const port = Number(process.env.E2E_PORT ?? 3900)
  const child = spawn(process.execPath, [serverEntry], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: `file:${path.join(dataDir, 'unionhall.db')}`,
      // info: the console SMS provider logs its codes at info; SMS vote specs read them here.
      LOG_LEVEL: 'info',
      RATE_LIMIT_PER_MINUTE: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const serverLogPath = path.join(dataDir, 'server.log')
  const log = createWriteStream(serverLogPath, { flags: 'a' })
  let output = ''
  const capture = (d: Buffer) => {
    log.write(d)
    // Only start-up output is kept in memory, for the error below; the file keeps everything.
    if (output.length < 200_000) output += d.toString()
  }
  child.stdout?.on('data', capture)
  child.stderr?.on('data', capture)
  const baseURL = `http://127.0.0.1:${port}`
  try {
    await waitForHealthy(baseURL, child, 30_000)
  } catch (e) {
    child.kill('SIGKILL')
    throw new Error(`${(e as Error).message}\n--- server output ---\n${output}`)
  }
  project.provide('baseURL', baseURL)
  project.provide('serverLogPath', serverLogPath)
  return async () => {
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
    await new Promise((r) => log.end(r))
    rmSync(dataDir, { recursive: true, force: true })
  }
}
