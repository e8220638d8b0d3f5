import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Upload } from '@unionhall/contracts'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ACCOUNTS,
  buildTestApp,
  type TestApp,
  type TestSession,
} from '../../../test/build-test-app'
import { listTables } from '../../../test/db'
import {
  addCandidates,
  advanceTo,
  makeCampaign,
  nominationBody,
} from '../../../test/factories/campaigns'
import { freshMobile, makeMember } from '../../../test/factories/members'
import { ctxAs } from '../../../test/factories/orgs'
import { createStation, stationBody } from '../../../test/factories/stations'
import { auditRows, expectError, multipartFile } from '../../../test/helpers'
import { typed } from '../../platform/db/create-db'
import { createBlobStore, type BlobStore } from '../../platform/files/blob-store'
import { pngImage } from '../../platform/files/image-fixtures.test-helpers'
import type { Ctx } from '../access'
import {
  collectOrphanUploads,
  listReferencedUploadIds,
  uploadReferenceNames,
} from './collector.service'
import * as repo from './uploads.repository'
import { createUpload, requireUploadsExist, type UploadsDeps } from './uploads.service'
import type { UploadTables } from './uploads.tables'

/**
 * The orphan-upload collector (ADR 0027) on the real blob store under the test app's data dir:
 * what it deletes (old and unreferenced: row, file, audited), what it keeps (young, referenced
 * from any business row, checked by a save just now, bytes shared with another row), and that
 * a second run finds nothing. Each test ages its own uploads; everything else stays young.
 */

let t: TestApp
let dataDir: string
let deps: UploadsDeps
let gansu: TestSession // org_admin of 甘肃省总工会
let longgang: TestSession // staff of 龙岗区总工会
let worker: TestSession // a member of 兰州市总工会 with no role
let wishWorker: TestSession // a member of 龙岗区总工会, posts a wish

const PASSWORD = 'collector-pass-123'
const HOUR_MS = 3_600_000

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'uh-collector-'))
  t = await buildTestApp({ env: { DATA_DIR: dataDir } })
  deps = { db: t.database.db, blobs: createBlobStore(path.join(dataDir, 'uploads')) }
  gansu = await t.loginAs(ACCOUNTS.gansuAdmin)
  longgang = await t.loginAs(ACCOUNTS.longgangStaff)
  const admin = await ctxAs(t, (await t.loginAs(ACCOUNTS.platformAdmin)).memberId)
  const member = async (org: string) => {
    const mobile = freshMobile()
    await makeMember(t, admin, { orgId: t.orgId(org), mobile, password: PASSWORD })
    return t.loginAs(mobile, PASSWORD)
  }
  worker = await member('兰州市总工会')
  wishWorker = await member('龙岗区总工会')
})
afterAll(async () => {
  await t.close()
  rmSync(dataDir, { recursive: true, force: true })
})

let imageSeq = 0
/** A PNG no other upload in this file has (its size differs). */
const freshImage = () => {
  imageSeq += 1
  return pngImage(2 + imageSeq, 3, imageSeq)
}

const upload = async (s: TestSession, bytes = freshImage()) => {
  const res = await s.request({
    method: 'POST',
    url: '/api/v1/uploads',
    ...multipartFile('photo.png', 'image/png', bytes),
  })
  expect([200, 201], res.body).toContain(res.statusCode)
  return res.json<Upload>()
}

const hoursAgo = (h: number) => new Date(Date.now() - h * HOUR_MS).toISOString()

/** Makes uploads look created `hours` ago, and last referenced `referencedHoursAgo` ago (or never). */
const age = async (ids: string[], hours: number, referencedHoursAgo: number | null = null) => {
  await typed<UploadTables>(t.database.db)
    .updateTable('upload')
    .set({
      created_at: hoursAgo(hours),
      last_referenced_at: referencedHoursAgo === null ? null : hoursAgo(referencedHoursAgo),
    })
    .where('id', 'in', ids)
    .execute()
}

const rowOf = (id: string) =>
  typed<UploadTables>(t.database.db)
    .selectFrom('upload')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()

const shaOf = async (id: string) => (await rowOf(id))!.sha256
const blobPath = (sha256: string) => path.join(dataDir, 'uploads', sha256.slice(0, 2), sha256)
const served = (up: Upload) => t.request({ method: 'GET', url: up.url })

const collect = (options?: { graceHours?: number; batchSize?: number }) =>
  collectOrphanUploads(deps, new Date(), options)

const deletionAudits = () => auditRows(t, { action: 'upload.deleted' })

/** Asserts an upload is intact: its row, its file, and GET serves it. */
const expectKept = async (up: Upload, sha256: string) => {
  expect(await rowOf(up.id), up.id).toBeDefined()
  expect(existsSync(blobPath(sha256)), up.id).toBe(true)
  expect((await served(up)).statusCode, up.id).toBe(200)
}

describe('collectOrphanUploads', () => {
  it('deletes an unreferenced upload older than the grace period: row, file and one audit record; GET answers 404', async () => {
    const orphan = await upload(worker)
    const sha256 = await shaOf(orphan.id)
    await age([orphan.id], 25)
    const auditsBefore = (await deletionAudits()).length

    const result = await collect()

    expect(result).toMatchObject({ deleted: 1, blobsRemoved: 1 })
    expect(result.examined).toBeGreaterThanOrEqual(1)
    expect(await rowOf(orphan.id)).toBeUndefined()
    expect(existsSync(blobPath(sha256))).toBe(false)
    expectError(await served(orphan), 404, 'UPLOAD_NOT_FOUND')
    const audits = (await deletionAudits()).slice(auditsBefore)
    expect(audits).toHaveLength(1)
    expect(audits[0]).toMatchObject({
      actor_member_id: null,
      target_type: 'upload',
      target_id: null,
      org_id: null,
    })
    expect(JSON.parse(audits[0]!.summary)).toEqual({ count: 1, ids: [orphan.id], graceHours: 24 })
    // A form left open past the grace period: saving the photo is refused, the user uploads again.
    const station = await longgang.request({
      method: 'POST',
      url: '/api/v1/stations',
      payload: stationBody(t, { photos: [orphan.url] }),
    })
    expectError(station, 400, 'UPLOAD_REFERENCE_MISSING')
  })

  it('keeps an unreferenced upload younger than the grace period', async () => {
    const young = await upload(worker)
    await age([young.id], 23)

    expect((await collect()).deleted).toBe(0)

    await expectKept(young, await shaOf(young.id))
  })

  it('keeps an upload each kind of business row refers to, and deletes the one a new cover replaced', async () => {
    const cover = await upload(gansu)
    const replacedCover = await upload(gansu)
    const nominationPhoto = await upload(worker)
    const candidatePhoto = await upload(gansu)
    const stationPhoto = await upload(longgang)
    const deliveryPhoto = await upload(worker)
    const kept = [cover, nominationPhoto, candidatePhoto, stationPhoto, deliveryPhoto]
    const ctx = await ctxAs(t, gansu.memberId)

    // Campaign cover (created with one cover, then another): campaign.cover_image_url.
    const campaign = await createCampaignWithCover(ctx, replacedCover.url)
    const patched = await gansu.request({
      method: 'PATCH',
      url: `/api/v1/campaigns/${campaign.id}`,
      payload: { coverImageUrl: cover.url },
    })
    expect(patched.statusCode, patched.body).toBe(200)
    // Nomination photo: campaign_nomination.photo_urls.
    await advanceTo(t, ctx, campaign, 'nomination')
    const nominated = await worker.request({
      method: 'POST',
      url: `/api/v1/public/campaigns/${campaign.id}/nominations`,
      payload: nominationBody(t, campaign, { photoUrls: [nominationPhoto.url] }),
    })
    expect(nominated.statusCode, nominated.body).toBe(201)
    // Candidate photo: campaign_candidate.photo_urls.
    const other = await createCampaignWithCover(ctx, undefined)
    await advanceTo(t, ctx, other, 'publicity')
    const [candidate] = await addCandidates(t, other, t.orgId('兰州市总工会'), [
      { category: '技能工匠', name: '照片候选人' },
    ])
    const edited = await gansu.request({
      method: 'PATCH',
      url: `/api/v1/campaigns/${other.id}/candidates/${candidate!.id}`,
      payload: { photoUrls: [candidatePhoto.url] },
    })
    expect(edited.statusCode, edited.body).toBe(200)
    // Station photo: station.photos.
    await createStation(t, longgang, { photos: [stationPhoto.url] })
    // Wish delivery photo: wish_claim.photos.
    await fulfilledWishWithPhoto(deliveryPhoto.url)

    // Old, and last checked long ago: only the references can keep them now.
    await age(
      [...kept, replacedCover].map((u) => u.id),
      48,
      47,
    )
    const shas = new Map<string, string>()
    for (const u of [...kept, replacedCover]) shas.set(u.id, await shaOf(u.id))

    const result = await collect()

    expect(result).toMatchObject({ deleted: 1, blobsRemoved: 1 })
    for (const u of kept) await expectKept(u, shas.get(u.id)!)
    expect(await rowOf(replacedCover.id)).toBeUndefined()
    expect(existsSync(blobPath(shas.get(replacedCover.id)!))).toBe(false)

    // Every upload path stored anywhere (outside the audit history) is one a lister names: a
    // column that holds upload paths without a lister would show up here.
    const stored = await storedUploadIds()
    for (const u of kept) expect(stored.get(u.id), u.id).toBeDefined()
    const listed = await listReferencedUploadIds(t.database.db)
    const unlisted = [...stored].filter(([id]) => !listed.has(id)).map(([, where]) => where)
    expect(unlisted).toEqual([])
  })

  it('knows every file that saves upload references, and a lister for each of their modules', () => {
    // A new place that saves image URLs calls requireUploadsExist. When this fails: add a
    // lister for the new columns (registerUploadReferences in app.ts), a reference of the new
    // kind to the test above, then the file here.
    const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
    const callers = sourceFiles(src)
      .filter((f) => !f.includes(`${path.sep}core${path.sep}uploads${path.sep}`))
      .filter((f) => readFileSync(f, 'utf8').includes('requireUploadsExist('))
      .map((f) => path.relative(src, f).split(path.sep).join('/'))
      .sort()

    expect(callers).toEqual(Object.keys(REFERENCE_SITES).sort())
    expect(uploadReferenceNames()).toEqual([...new Set(Object.values(REFERENCE_SITES))].sort())
  })

  it('keeps an old upload that a save checked just now (the last_referenced_at fence)', async () => {
    const picked = await upload(worker)
    await age([picked.id], 48)

    // A save under way: it has checked the upload, its row is not written yet.
    await requireUploadsExist(t.database.db, [picked.url], { now: new Date() })
    const result = await collect()

    expect(result.deleted).toBe(0)
    await expectKept(picked, await shaOf(picked.id))
  })

  it('keeps an upload a save checked after the collector read its batch: the delete checks again', async () => {
    const picked = await upload(worker)
    await age([picked.id], 48)
    const cutoff = hoursAgo(24)
    const batch = await repo.findCollectableUploads(t.database.db, cutoff, null, 10_000)
    expect(batch.map((u) => u.id)).toContain(picked.id)

    await requireUploadsExist(t.database.db, [picked.url], { now: new Date() })

    expect(await repo.deleteCollectableUploads(t.database.db, [picked.id], cutoff)).toEqual([])
    expect(await rowOf(picked.id)).toBeDefined()
  })

  it('keeps an old upload the same member just uploaded again (they are about to use it)', async () => {
    const bytes = freshImage()
    const first = await upload(worker, bytes)
    await age([first.id], 48)

    const again = await upload(worker, bytes)
    const result = await collect()

    expect(again.id).toBe(first.id)
    expect(result.deleted).toBe(0)
    await expectKept(first, await shaOf(first.id))
  })

  it('keeps the file of two uploads of the same bytes until the last of them goes', async () => {
    const bytes = freshImage()
    const mine = await upload(worker, bytes)
    const theirs = await upload(gansu, bytes)
    expect(theirs.id).not.toBe(mine.id)
    const sha256 = await shaOf(mine.id)
    expect(await shaOf(theirs.id)).toBe(sha256)
    await age([mine.id], 48)

    const first = await collect()

    expect(first).toMatchObject({ deleted: 1, blobsRemoved: 0 })
    expect(await rowOf(mine.id)).toBeUndefined()
    await expectKept(theirs, sha256)

    await age([theirs.id], 48)
    const second = await collect()

    expect(second).toMatchObject({ deleted: 1, blobsRemoved: 1 })
    expect(existsSync(blobPath(sha256))).toBe(false)
  })

  it('deletes in batches, one audit record per batch, and a second run deletes and audits nothing', async () => {
    const orphans = [await upload(worker), await upload(worker), await upload(worker)]
    // Older than anything else in the database, so they are the first batches.
    for (const [i, u] of orphans.entries()) await age([u.id], 1000 - i)
    const auditsBefore = (await deletionAudits()).length

    const result = await collect({ batchSize: 2 })

    expect(result).toMatchObject({ deleted: 3, blobsRemoved: 3 })
    const audits = (await deletionAudits()).slice(auditsBefore)
    expect(audits.map((a) => JSON.parse(a.summary) as { count: number; ids: string[] })).toEqual([
      { count: 2, ids: [orphans[0]!.id, orphans[1]!.id].sort(), graceHours: 24 },
      { count: 1, ids: [orphans[2]!.id], graceHours: 24 },
    ])

    const again = await collect({ batchSize: 2 })

    expect(again).toMatchObject({ deleted: 0, blobsRemoved: 0 })
    expect(await deletionAudits()).toHaveLength(auditsBefore + 2)
  })

  it('deletes the row of an upload whose file is already missing, without an error', async () => {
    const lost = await upload(worker)
    const sha256 = await shaOf(lost.id)
    rmSync(blobPath(sha256))
    await age([lost.id], 48)

    const result = await collect()

    expect(result).toMatchObject({ deleted: 1, blobsRemoved: 0 })
    expect(await rowOf(lost.id)).toBeUndefined()
  })

  it('writes the file again when it was removed while the upload was being stored', async () => {
    // The collector removed the file of these bytes after put() found it present and before
    // the new row committed (the same bytes were uploaded earlier, then collected).
    let raced = false
    const racing: BlobStore = {
      ...deps.blobs,
      put: async (bytes) => {
        const stored = await deps.blobs.put(bytes)
        if (!raced) {
          raced = true
          await deps.blobs.remove(stored.sha256, async () => false)
        }
        return stored
      },
    }
    const ctx: Ctx = {
      actor: { memberId: worker.memberId, name: 'w', orgId: t.orgId('兰州市总工会'), grants: [] },
      requestId: null,
      ip: null,
      now: new Date(),
    }

    const { upload: up } = await createUpload({ ...deps, blobs: racing }, ctx, freshImage())

    expect(raced).toBe(true)
    expect((await served(up)).statusCode).toBe(200)
  })
})

/** Files that save image references, and the lister (app.ts) that names their uploads. */
const REFERENCE_SITES: Record<string, string> = {
  'modules/campaigns/nominations/candidates.service.ts': 'campaigns',
  'modules/campaigns/nominations/nominations.service.ts': 'campaigns',
  'modules/campaigns/setup/setup.service.ts': 'campaigns',
  'modules/stations/stations.service.ts': 'stations',
  'modules/wishes/claims.service.ts': 'wishes',
}

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return sourceFiles(full)
    return full.endsWith('.ts') && !full.endsWith('.test.ts') ? [full] : []
  })

const UPLOAD_PATH =
  /\/api\/v1\/uploads\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/gi

/** Every upload id found in any text column of any table but the audit log, with where. */
const storedUploadIds = async (): Promise<Map<string, string>> => {
  const found = new Map<string, string>()
  for (const table of await listTables(t.database)) {
    if (table === 'audit_log' || table.startsWith('kysely_')) continue
    for (const column of await textColumns(table)) {
      const { rows } = await sql<{ v: string }>`
        select ${sql.ref(column)} as v from ${sql.table(table)}
         where lower(${sql.ref(column)}) like '%/api/v1/uploads/%'`.execute(t.database.db)
      for (const { v } of rows)
        for (const m of v.matchAll(UPLOAD_PATH))
          found.set(m[1]!.toLowerCase(), `${table}.${column}`)
    }
  }
  return found
}

const textColumns = async (table: string): Promise<string[]> => {
  if (t.database.dialect === 'sqlite') {
    const cols = t.database.sqlite!.prepare(`pragma table_info("${table}")`).all() as {
      name: string
      type: string
    }[]
    return cols.filter((c) => /text|char/i.test(c.type)).map((c) => c.name)
  }
  const { rows } = await t.database.pgPool!.query<{ column_name: string }>(
    `select column_name from information_schema.columns
      where table_schema = current_schema() and table_name = $1
        and data_type in ('text', 'character varying', 'json', 'jsonb')`,
    [table],
  )
  return rows.map((r) => r.column_name)
}

const createCampaignWithCover = (ctx: Ctx, coverImageUrl: string | undefined) =>
  makeCampaign(t, ctx, { orgId: t.orgId('兰州市总工会'), coverImageUrl })

/** A wish posted by a worker, published by staff, claimed and fulfilled with the photo. */
const fulfilledWishWithPhoto = async (photoUrl: string) => {
  const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)
  const posted = await wishWorker.request({
    method: 'POST',
    url: '/api/v1/my/wishes',
    payload: {
      title: '需要一个保温饭盒',
      description: '中午在工地吃饭，饭菜总是凉的。',
      category: 'daily_necessities',
      deadline,
    },
  })
  expect(posted.statusCode, posted.body).toBe(201)
  const wishId = posted.json<{ id: string }>().id
  const published = await longgang.request({
    method: 'POST',
    url: `/api/v1/wishes/${wishId}/publish`,
  })
  expect(published.statusCode, published.body).toBe(200)
  const claimed = await worker.request({
    method: 'POST',
    url: `/api/v1/wishes/${wishId}/claims`,
    payload: { claimantKind: 'volunteer' },
  })
  expect(claimed.statusCode, claimed.body).toBe(201)
  const fulfilled = await worker.request({
    method: 'POST',
    url: `/api/v1/my/claims/${claimed.json<{ id: string }>().id}/fulfil`,
    payload: { photos: [photoUrl], note: '已送到驿站' },
  })
  expect(fulfilled.statusCode, fulfilled.body).toBe(200)
}
