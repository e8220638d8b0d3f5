import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
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
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()))
  const baseURL = `http://127.0.0.1:${port}`
  try {
    await waitForHealthy(baseURL, child, 30_000)
  } catch (e) {
    child.kill('SIGKILL')
    throw new Error(`${(e as Error).message}\n--- server output ---\n${output}`)
  }
  project.provide('baseURL', baseURL)
  return async () => {
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
    rmSync(dataDir, { recursive: true, force: true })
  }
}
