/**
 * Generates a station directory on SQLite for the nearest-station benchmark: the demo data
 * (orgs and accounts) plus N generated stations (station-generator.ts) spread over the demo
 * orgs, written straight into the station table with one prepared statement in one
 * transaction (as a bulk import would), then times a cold directory load.
 *
 *   npx tsx apps/server/scripts/generate-stations.ts --database-url file:bench/data/stations.db --count 200000
 */
import { rmSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { uuidv7 } from 'uuidv7'
import { buildApp } from '../src/app'
import { loadConfig } from '../src/config/env'
import { seedDemo } from '../src/demo/seed-demo'
import { createDatabase } from '../src/platform/db/create-db'
import { maskMobile } from '../src/platform/crypto/field-crypto'
import { generateStations } from './station-generator'

const { values: args } = parseArgs({
  options: {
    'database-url': { type: 'string', default: 'file:bench/data/stations.db' },
    count: { type: 'string', default: '200000' },
  },
  strict: true,
})
const baseDir = process.env.INIT_CWD ?? process.cwd()
const file = path.resolve(baseDir, args['database-url'].replace(/^file:/, ''))
for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true })
const COUNT = Number(args.count)

const env = {
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  DATABASE_URL: `file:${file}`,
  SESSION_SECRET: 's'.repeat(64),
  DATA_KEY: 'd'.repeat(64),
  SEED_DEMO: 'false',
}
const database = createDatabase(env.DATABASE_URL)
const built = await buildApp(loadConfig(env, { generateSecrets: false }), {
  database,
  logger: false,
  webDist: null,
})
const seeded = await seedDemo(database.db, built.crypto)
const orgIds = [...new Set(seeded.orgIds.values())]

const t0 = performance.now()
const { stations, schedules } = generateStations(COUNT)
const scheduleJson = schedules.map((s) => JSON.stringify(s))
const sqlite = database.sqlite!
sqlite.pragma('synchronous = OFF') // a bulk load; the server keeps FULL
const insert = sqlite.prepare(
  `insert into station (id, org_id, name, kind, status, closed_reason, address, lat, lng, schedule,
   always_open, capacity, amenities, zones, contact_name, contact_mobile_enc, contact_mobile_masked,
   photos, services, description, created_at, updated_at)
   values (?,?,?,?,'active',null,?,?,?,?,?,?,?,'[]',?,?,?,'[]','[]','',?,?)`,
)
// One ciphertext for all rows: encrypting 200,000 mobiles would time the generator, not the bench.
const mobile = '13900000000'
const enc = built.crypto.encrypt(mobile)
const now = new Date().toISOString()
const kinds = [
  'union_love_station',
  'sanitation',
  'courier',
  'partner_shop',
  'community',
  'construction_site',
]
sqlite.transaction(() => {
  stations.forEach((s, i) => {
    insert.run(
      uuidv7(),
      orgIds[i % orgIds.length],
      s.name,
      kinds[i % kinds.length],
      `${s.name}路${i % 500}号`,
      s.lat,
      s.lng,
      scheduleJson[s.scheduleIndex],
      schedules[s.scheduleIndex]!.alwaysOpen ? 1 : 0,
      s.capacity,
      s.amenities,
      '站长',
      enc,
      maskMobile(mobile),
      now,
      now,
    )
  })
})()
sqlite.exec('update station_directory_version set version = version + 1')
sqlite.pragma('synchronous = FULL')
console.log(`inserted ${COUNT} stations in ${Math.round(performance.now() - t0)} ms → ${file}`)
await built.app.close()
await database.destroy()
