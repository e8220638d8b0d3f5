/**
 * Builds a large synthetic dataset for benchmarks: the demo org tree and demo accounts, then
 * N generated orgs (provinces → cities → districts → enterprise unions, 甘肃省总工会 holding the
 * largest share) and M members spread over them, with mobiles and ID cards sealed exactly as the
 * member service stores them (AES-GCM with the DATA_KEY of DATA_DIR/secrets.json, HMAC blind
 * indexes, masked copies), so the server started on the same DATA_DIR can decrypt them.
 *
 *   npm run seed:large -- --database-url file:bench/data/large.db --data-dir bench/data/large
 *   npm run seed:large -- --database-url postgres://postgres@127.0.0.1:5432/bench --orgs 100000
 *
 * Flags: --orgs N (100000)  --members M (1000000)  --database-url URL  --data-dir DIR
 *        --fresh (delete the SQLite file, or drop and recreate the PostgreSQL public schema)
 *        --analyze (also ANALYZE a SQLite DB; PostgreSQL is always VACUUM ANALYZEd, as autovacuum would)
 *        --seed S (PRNG seed, 1)
 * Relative paths are resolved against the directory npm was started from (INIT_CWD).
 */
import { existsSync, rmSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type SQLite from 'better-sqlite3'
import type pg from 'pg'
import { uuidv7 } from 'uuidv7'
import { migrationProvider } from '../src/app'
import { loadConfig } from '../src/config/env'
import { countOrgs } from '../src/core/orgs'
import { createFieldCrypto, maskIdCard, maskMobile } from '../src/platform/crypto/field-crypto'
import { createDatabase, type Database } from '../src/platform/db/create-db'
import { migrateToLatest } from '../src/platform/db/migration-provider'
import { seedDemo } from '../src/demo/seed-demo'
import { idCardFor, mobileFor, nameFor } from '../src/demo/demo-names'

// ---------- arguments ----------

const { values: args } = parseArgs({
  options: {
    orgs: { type: 'string', default: '100000' },
    members: { type: 'string', default: '1000000' },
    'database-url': { type: 'string' },
    'data-dir': { type: 'string' },
    fresh: { type: 'boolean', default: false },
    analyze: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    help: { type: 'boolean', default: false },
  },
  strict: true,
})

if (args.help) {
  console.log(
    'usage: npm run seed:large -- [--orgs 100000] [--members 1000000] [--database-url URL] [--data-dir DIR] [--fresh] [--analyze]',
  )
  process.exit(0)
}

const baseDir = process.env.INIT_CWD ?? process.cwd()
const resolveUrl = (url: string) =>
  url.startsWith('file:') && url !== 'file::memory:'
    ? `file:${path.resolve(baseDir, url.slice('file:'.length))}`
    : url

const ORG_TARGET = Number(args.orgs)
const MEMBER_TARGET = Number(args.members)
if (!Number.isInteger(ORG_TARGET) || ORG_TARGET < 0)
  throw new Error('--orgs must be an integer ≥ 0')
if (!Number.isInteger(MEMBER_TARGET) || MEMBER_TARGET < 0)
  throw new Error('--members must be an integer ≥ 0')
if (MEMBER_TARGET > 50_000_000) throw new Error('--members above 50,000,000 is not supported')

const env: Record<string, string | undefined> = { ...process.env }
if (args['database-url']) env.DATABASE_URL = args['database-url']
if (args['data-dir']) env.DATA_DIR = path.resolve(baseDir, args['data-dir'])
else if (env.DATA_DIR) env.DATA_DIR = path.resolve(baseDir, env.DATA_DIR)
if (env.DATABASE_URL) env.DATABASE_URL = resolveUrl(env.DATABASE_URL)
const config = loadConfig(env)
const crypto = createFieldCrypto(config.DATA_KEY)

// ---------- deterministic randomness ----------

let prngState = Number(args.seed) >>> 0 || 1
/** mulberry32: small, fast and deterministic, so two runs build the same tree. */
const rand = () => {
  prngState = (prngState + 0x6d2b79f5) >>> 0
  let t = prngState
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!
/** A heavy-tailed size weight (log-normal-ish): most unions are small, a few are large. */
const sizeWeight = () => Math.exp((rand() + rand() + rand() - 1.5) * 1.6)

// ---------- progress ----------

const isTty = process.stdout.isTTY === true
const fmt = (n: number) => Math.round(n).toLocaleString('en-US')
const fmtSecs = (s: number) =>
  !Number.isFinite(s)
    ? '?'
    : s >= 60
      ? `${Math.floor(s / 60)}m${Math.round(s % 60)}s`
      : `${s.toFixed(0)}s`

const progress = (label: string, total: number) => {
  const started = performance.now()
  let lastPrint = 0
  let done = 0
  const line = () => {
    const secs = (performance.now() - started) / 1000
    const rate = done / Math.max(secs, 1e-3)
    const eta = (total - done) / Math.max(rate, 1e-9)
    const pct = total === 0 ? 100 : (100 * done) / total
    return `${label}: ${fmt(done)}/${fmt(total)} (${pct.toFixed(1)}%)  ${fmt(rate)} rows/s  elapsed ${fmtSecs(secs)}  ETA ${fmtSecs(eta)}`
  }
  return {
    add: (n: number) => {
      done += n
      const now = performance.now()
      if (isTty && now - lastPrint > 200) {
        process.stdout.write(`\r${line()}\x1b[K`)
        lastPrint = now
      } else if (!isTty && now - lastPrint > 5000) {
        console.log(line())
        lastPrint = now
      }
    },
    end: () => {
      const secs = (performance.now() - started) / 1000
      const final = `${label}: ${fmt(done)} rows in ${secs.toFixed(1)} s (${fmt(done / Math.max(secs, 1e-3))} rows/s)`
      if (isTty) process.stdout.write(`\r${final}\x1b[K\n`)
      else console.log(final)
    },
  }
}

// ---------- the org tree ----------

type OrgKind =
  | 'city_federation'
  | 'district_federation'
  | 'county_federation'
  | 'industry_union'
  | 'enterprise_union'
type OrgRow = {
  id: string
  parent_id: string
  name: string
  kind: OrgKind
  path: string
  depth: number
  is_archived: number
  created_at: string
  updated_at: string
}
type ExistingOrg = {
  id: string
  parent_id: string | null
  name: string
  path: string
  depth: number
}

/** Share of the generated orgs (and so of the members) per province; 甘肃 holds the largest. */
const PROVINCE_WEIGHTS: Record<string, number> = {
  甘肃省总工会: 30,
  广东省总工会: 14,
  山东省总工会: 11,
  湖北省总工会: 9,
  云南省总工会: 8,
  广西壮族自治区总工会: 8,
  北京市总工会: 7,
  重庆市总工会: 7,
  新疆维吾尔自治区总工会: 6,
}
const GANSU_CITIES = [
  '兰州市',
  '嘉峪关市',
  '金昌市',
  '白银市',
  '天水市',
  '武威市',
  '张掖市',
  '平凉市',
  '酒泉市',
  '庆阳市',
  '定西市',
  '陇南市',
  '临夏回族自治州',
  '甘南藏族自治州',
]
const PLACE =
  '安宁平和东兴华阳山河江川新永定昌隆泰丰盛德福城庆远清源金玉龙凤嘉台湖海丘宝云康乐长祥瑞明'
const INDUSTRY = [
  '机械制造',
  '化工',
  '建材',
  '电力',
  '纺织',
  '食品',
  '物流',
  '建筑工程',
  '矿业',
  '冶金',
  '电子科技',
  '医药',
  '商贸',
  '餐饮',
  '交通运输',
  '农业开发',
  '环保',
  '印务',
  '汽车服务',
  '物业管理',
]
const FIRM = ['有限公司', '股份有限公司', '集团有限公司', '实业有限公司', '厂']
const INDUSTRY_UNION = [
  '建筑行业工会联合会',
  '餐饮行业工会联合会',
  '快递物流行业工会联合会',
  '网约车行业工会联合会',
  '家政服务行业工会联合会',
  '商贸行业工会联合会',
]

const placeName = () => `${pick([...PLACE])}${pick([...PLACE])}`

const generateTree = (existing: ExistingOrg[], target: number, createdAt: string) => {
  const rows: OrgRow[] = []
  const childNames = new Map<string, Set<string>>()
  for (const o of existing) {
    if (o.parent_id === null) continue
    const set = childNames.get(o.parent_id) ?? new Set<string>()
    set.add(o.name)
    childNames.set(o.parent_id, set)
  }
  const uniqueName = (parentId: string, name: string) => {
    const set = childNames.get(parentId) ?? new Set<string>()
    childNames.set(parentId, set)
    let candidate = name
    for (let k = 2; set.has(candidate); k++)
      candidate = /工会$/.test(name) ? name.replace(/工会$/, `（${k}）工会`) : `${name}（${k}）`
    set.add(candidate)
    return candidate
  }
  const add = (
    parent: { id: string; path: string; depth: number },
    name: string,
    kind: OrgKind,
  ) => {
    const id = uuidv7()
    const row: OrgRow = {
      id,
      parent_id: parent.id,
      name: uniqueName(parent.id, name),
      kind,
      path: `${parent.path}${id}/`,
      depth: parent.depth + 1,
      is_archived: 0,
      created_at: createdAt,
      updated_at: createdAt,
    }
    rows.push(row)
    return row
  }

  const provinces = existing.filter((o) => o.depth === 1 && PROVINCE_WEIGHTS[o.name] !== undefined)
  if (provinces.length === 0) throw new Error('no provinces found: did the demo seed run?')
  const totalWeight = provinces.reduce((s, p) => s + PROVINCE_WEIGHTS[p.name]!, 0)
  let assigned = 0
  provinces.forEach((province, pi) => {
    const budget =
      pi === provinces.length - 1
        ? target - assigned
        : Math.round((target * PROVINCE_WEIGHTS[province.name]!) / totalWeight)
    assigned += budget
    if (budget <= 0) return
    const isGansu = province.name === '甘肃省总工会'
    const provinceStem = province.name.replace(/(省|市|壮族自治区|维吾尔自治区)?总工会$/, '')
    let left = budget
    // Cities: reuse the demo's city unions of this province, then add more up to the target.
    const cityCount = Math.min(
      isGansu ? GANSU_CITIES.length : 12,
      Math.max(1, Math.round(budget / 700)),
    )
    const cities: { id: string; path: string; depth: number; name: string }[] = existing.filter(
      (o) => o.parent_id === province.id && o.name.endsWith('市总工会'),
    )
    cities.splice(cityCount)
    const cityNames = isGansu
      ? GANSU_CITIES.filter((c) => !cities.some((e) => e.name.startsWith(c)))
      : []
    while (cities.length < cityCount && left > 0) {
      const stem = cityNames.shift() ?? `${placeName()}市`
      cities.push(add(province, `${stem}总工会`, 'city_federation'))
      left--
    }
    // Districts and counties under each city.
    const perCity = Math.min(12, Math.max(1, Math.round(budget / cities.length / 250)))
    const districts: { id: string; path: string; depth: number; weight: number }[] = []
    for (const city of cities) {
      for (let d = 0; d < perCity && left > 0; d++) {
        const county = rand() < 0.35
        const stem = `${placeName()}${county ? '县' : '区'}`
        const row = add(city, `${stem}总工会`, county ? 'county_federation' : 'district_federation')
        districts.push({ ...row, weight: sizeWeight() })
        left--
      }
    }
    // Enterprise unions under districts (90 %) and industry unions under cities (10 %).
    const cumulative: number[] = []
    let sum = 0
    for (const d of districts) cumulative.push((sum += d.weight))
    const pickDistrict = () => {
      const x = rand() * sum
      let lo = 0
      let hi = cumulative.length - 1
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (cumulative[mid]! < x) lo = mid + 1
        else hi = mid
      }
      return districts[lo]!
    }
    while (left > 0) {
      if (districts.length === 0 || rand() < 0.1) {
        const city = pick(cities)
        add(city, `${city.name.replace(/总工会$/, '')}${pick(INDUSTRY_UNION)}`, 'industry_union')
      } else {
        const stem = `${isGansu ? '陇' : provinceStem.slice(0, 1)}${placeName()}`
        add(pickDistrict(), `${stem}${pick(INDUSTRY)}${pick(FIRM)}工会`, 'enterprise_union')
      }
      left--
    }
  })
  return rows
}

// ---------- members ----------

const MOBILE_PREFIXES = ['150', '151', '152', '158', '186', '187', '188', '135', '136', '137']
/** ID cards repeat every 63,000 indexes in idCardFor, so each block of 63,000 gets its own region. */
const ID_BLOCK = 63_000
const regionOf = (block: number) => String(620103 + block)
const BASE_TIME = Date.parse('2024-01-01T00:00:00.000Z')

const MEMBER_COLUMNS = [
  'id',
  'name',
  'mobile_enc',
  'mobile_hash',
  'mobile_masked',
  'id_card_enc',
  'id_card_hash',
  'id_card_masked',
  'org_id',
  'status',
  'password_hash',
  'created_at',
  'updated_at',
] as const
type MemberValues = (string | null)[]

/** One member, sealed as members.service sealMember does (same columns, same blind-index prefixes). */
const sealMember = (i: number, orgId: string): MemberValues => {
  const mobile = mobileFor(
    Math.floor(i / MOBILE_PREFIXES.length),
    MOBILE_PREFIXES[i % MOBILE_PREFIXES.length],
  )
  // 60 % of members registered an ID card.
  const hasId = i % 5 < 3
  const idIndex = Math.floor(i / 5) * 3 + (i % 5)
  const idCard = hasId
    ? idCardFor(idIndex % ID_BLOCK, regionOf(Math.floor(idIndex / ID_BLOCK)))
    : null
  const status = i % 100 < 96 ? 'active' : i % 100 < 99 ? 'left' : 'suspended'
  const at = new Date(BASE_TIME + i * 20_000).toISOString()
  return [
    uuidv7(),
    nameFor(i * 7919 + 13),
    crypto.encrypt(mobile),
    crypto.blindIndex(`mobile:${mobile}`),
    maskMobile(mobile),
    idCard ? crypto.encrypt(idCard) : null,
    idCard ? crypto.blindIndex(`idcard:${idCard}`) : null,
    idCard ? maskIdCard(idCard) : null,
    orgId,
    status,
    null,
    at,
    at,
  ]
}

/** How many members each org gets: enterprise and industry unions hold most, federations a few. */
const memberCounts = (orgs: { id: string; kind: string }[], total: number) => {
  const weights = orgs.map((o) =>
    o.kind === 'enterprise_union' || o.kind === 'industry_union'
      ? sizeWeight()
      : 0.05 * sizeWeight(),
  )
  const sum = weights.reduce((a, b) => a + b, 0)
  const counts = weights.map((w) => Math.floor((total * w) / sum))
  let rest = total - counts.reduce((a, b) => a + b, 0)
  for (let k = 0; rest > 0; k = (k + 1) % counts.length, rest--) counts[k]!++
  return counts
}

// ---------- writers ----------

const ORG_COLUMNS = [
  'id',
  'parent_id',
  'name',
  'kind',
  'path',
  'depth',
  'is_archived',
  'created_at',
  'updated_at',
] as const

type Writer = {
  insertOrgs: (rows: OrgRow[]) => Promise<void>
  insertMembers: (rows: MemberValues[]) => Promise<void>
  flush: () => Promise<void>
  finish: () => Promise<void>
  batchSize: number
}

const sqliteWriter = (sqlite: SQLite.Database): Writer => {
  // Bulk-load settings for this connection only; the server reopens with WAL + synchronous=FULL.
  sqlite.pragma('synchronous = OFF')
  sqlite.pragma('cache_size = -1048576')
  sqlite.pragma('temp_store = MEMORY')
  const ROWS_PER_STATEMENT = 50
  const placeholders = (cols: number, rows: number) =>
    Array.from(
      { length: rows },
      () => `(${Array.from({ length: cols }, () => '?').join(',')})`,
    ).join(',')
  const orgStmt = sqlite.prepare(
    `INSERT INTO org (${ORG_COLUMNS.join(',')}) VALUES ${placeholders(ORG_COLUMNS.length, 1)}`,
  )
  const memberMany = sqlite.prepare(
    `INSERT INTO member (${MEMBER_COLUMNS.join(',')}) VALUES ${placeholders(MEMBER_COLUMNS.length, ROWS_PER_STATEMENT)}`,
  )
  const memberOne = sqlite.prepare(
    `INSERT INTO member (${MEMBER_COLUMNS.join(',')}) VALUES ${placeholders(MEMBER_COLUMNS.length, 1)}`,
  )
  const orgTx = sqlite.transaction((rows: OrgRow[]) => {
    for (const r of rows) orgStmt.run(ORG_COLUMNS.map((c) => r[c]))
  })
  const memberTx = sqlite.transaction((rows: MemberValues[]) => {
    let k = 0
    for (; k + ROWS_PER_STATEMENT <= rows.length; k += ROWS_PER_STATEMENT)
      memberMany.run(rows.slice(k, k + ROWS_PER_STATEMENT).flat())
    for (; k < rows.length; k++) memberOne.run(rows[k]!)
  })
  return {
    batchSize: 10_000,
    insertOrgs: async (rows) => orgTx(rows),
    insertMembers: async (rows) => memberTx(rows),
    flush: async () => {},
    finish: async () => {
      if (args.analyze) sqlite.exec('ANALYZE')
      sqlite.pragma('wal_checkpoint(TRUNCATE)')
    },
  }
}

const pgWriter = (pool: pg.Pool): Writer => {
  // unnest() of one array per column: one small statement per batch instead of 13,000 parameters.
  const orgSql = `INSERT INTO org (${ORG_COLUMNS.join(',')}) SELECT * FROM unnest(${ORG_COLUMNS.map(
    (c, k) => `$${k + 1}::${c === 'depth' || c === 'is_archived' ? 'int' : 'text'}[]`,
  ).join(',')})`
  const memberSql = `INSERT INTO member (${MEMBER_COLUMNS.join(',')}) SELECT * FROM unnest(${MEMBER_COLUMNS.map(
    (_c, k) => `$${k + 1}::text[]`,
  ).join(',')})`
  const columnsOf = (rows: unknown[][], n: number) =>
    Array.from({ length: n }, (_v, c) => rows.map((r) => r[c]))
  const inFlight = new Set<Promise<unknown>>()
  const launch = async (p: Promise<unknown>) => {
    inFlight.add(p)
    void p.finally(() => inFlight.delete(p)).catch(() => {})
    // Two batches in flight: PostgreSQL inserts one while Node seals the next.
    while (inFlight.size >= 2) await Promise.race(inFlight)
  }
  return {
    batchSize: 2_000,
    insertOrgs: async (rows) => {
      // Parents before children: the parent_id foreign key is checked per statement.
      await pool.query(
        orgSql,
        columnsOf(
          rows.map((r) => ORG_COLUMNS.map((c) => r[c])),
          ORG_COLUMNS.length,
        ),
      )
    },
    insertMembers: (rows) => launch(pool.query(memberSql, columnsOf(rows, MEMBER_COLUMNS.length))),
    flush: async () => {
      await Promise.all(inFlight)
    },
    finish: async () => {
      // What autovacuum does soon after a bulk insert: statistics, and the visibility map that
      // index-only scans need.
      await pool.query('VACUUM (ANALYZE) org')
      await pool.query('VACUUM (ANALYZE) member')
    },
  }
}

// ---------- main ----------

const main = async () => {
  const started = performance.now()
  const where =
    config.dialect === 'sqlite'
      ? config.sqlitePath!
      : config.DATABASE_URL.replace(/:[^:@/]+@/, ':***@')
  console.log(
    `generate-large: ${fmt(ORG_TARGET)} orgs, ${fmt(MEMBER_TARGET)} members → ${config.dialect} ${where}`,
  )
  console.log(`data dir (DATA_KEY): ${config.DATA_DIR}`)

  if (args.fresh) {
    if (config.dialect === 'sqlite') {
      for (const suffix of ['', '-wal', '-shm']) {
        const f = `${config.sqlitePath!}${suffix}`
        if (existsSync(f)) rmSync(f)
      }
    } else {
      const { default: pgLib } = await import('pg')
      const client = new pgLib.Client({ connectionString: config.DATABASE_URL })
      await client.connect()
      await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public')
      await client.end()
    }
  }

  const database: Database = createDatabase(config.DATABASE_URL, { poolSize: 4 })
  try {
    await migrateToLatest(database.db, migrationProvider)
    if ((await countOrgs(database.db)) > 0)
      throw new Error('the database already holds orgs; pass --fresh to start from an empty one')

    const demo = await seedDemo(database.db, crypto)
    console.log(
      `demo seed: ${demo.orgs} orgs, ${demo.members} members (accounts: password ${demo.accounts[0]?.password})`,
    )

    const existing = (await database.db
      .selectFrom('org')
      .select(['id', 'parent_id', 'name', 'path', 'depth'])
      .execute()) as ExistingOrg[]
    const createdAt = new Date().toISOString()
    const orgs = generateTree(existing, ORG_TARGET, createdAt)

    const writer = database.sqlite ? sqliteWriter(database.sqlite) : pgWriter(database.pgPool!)
    const orgProgress = progress('orgs', orgs.length)
    // Generated in breadth order per province (parents before children), inserted in that order.
    for (let k = 0; k < orgs.length; k += writer.batchSize) {
      const batch = orgs.slice(k, k + writer.batchSize)
      await writer.insertOrgs(batch)
      orgProgress.add(batch.length)
    }
    orgProgress.end()

    const memberOrgs =
      orgs.length > 0
        ? orgs
        : existing.filter((o) => o.depth >= 2).map((o) => ({ ...o, kind: 'enterprise_union' }))
    // Members org by org: (org_id, name, id) index pages fill in order, ids stay time-ordered.
    const counts = memberCounts(memberOrgs, MEMBER_TARGET)
    const memberProgress = progress('members', MEMBER_TARGET)
    let batch: MemberValues[] = []
    let i = 0
    let sealMs = 0
    let writeMs = 0
    const write = async () => {
      const t = performance.now()
      await writer.insertMembers(batch)
      writeMs += performance.now() - t
      memberProgress.add(batch.length)
      batch = []
    }
    let t0 = performance.now()
    for (let o = 0; o < memberOrgs.length; o++) {
      const orgId = memberOrgs[o]!.id
      for (let c = counts[o]!; c > 0; c--) {
        batch.push(sealMember(i++, orgId))
        if (batch.length >= writer.batchSize) {
          sealMs += performance.now() - t0
          await write()
          t0 = performance.now()
        }
      }
    }
    sealMs += performance.now() - t0
    if (batch.length > 0) await write()
    const tFlush = performance.now()
    await writer.flush()
    writeMs += performance.now() - tFlush
    memberProgress.end()
    console.log(
      `  sealing (crypto) ${(sealMs / 1000).toFixed(1)} s, waiting on the database ${(writeMs / 1000).toFixed(1)} s`,
    )
    await writer.finish()

    const count = async (table: string) =>
      Number(
        (
          (await database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()) as { n: number | string }
        ).n,
      )
    const gansu = existing.find((o) => o.name === '甘肃省总工会' && o.depth === 1)!
    const gansuOrgs = Number(
      (
        (await database.db
          .selectFrom('org')
          .where('path', '>=', gansu.path)
          .where('path', '<', `${gansu.path.slice(0, -1)}0`)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()) as { n: number | string }
      ).n,
    )
    const totalOrgs = await count('org')
    const totalMembers = await count('member')
    const secs = (performance.now() - started) / 1000
    console.log(
      `done: ${fmt(totalOrgs)} orgs (${fmt(gansuOrgs)} under 甘肃省总工会), ${fmt(totalMembers)} members, ` +
        `${fmt(await count('role_grant'))} role grants in ${secs.toFixed(1)} s`,
    )
  } finally {
    await database.destroy()
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e)
  process.exit(1)
})
