// Writes docs/openapi.json from the routes (npm run openapi). CI regenerates it and fails on
// a diff, so the committed API description never drifts from the code.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { buildApp } from '../src/app'
import { loadConfig } from '../src/config/env'
import { createDatabase } from '../src/platform/db/create-db'

const out = path.resolve(import.meta.dirname, '../../../docs/openapi.json')
const config = loadConfig(
  { DATABASE_URL: 'file::memory:', LOG_LEVEL: 'silent' },
  { generateSecrets: false },
)
const { app } = await buildApp(config, {
  database: createDatabase('file::memory:'),
  webDist: null,
  logger: false,
})
await app.ready()
writeFileSync(out, `${JSON.stringify(app.swagger(), null, 2)}\n`)
await app.close()
console.log(`wrote ${path.relative(process.cwd(), out)}`)
