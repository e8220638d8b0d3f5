import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { MAX_IMAGE_BYTES, type Campaign, type Upload } from '@unionhall/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ACCOUNTS,
  buildTestApp,
  type TestApp,
  type TestSession,
} from '../../../test/build-test-app'
import {
  TEST_RUBRIC,
  advanceTo,
  makeCampaign,
  nominationBody,
  testSchedule,
} from '../../../test/factories/campaigns'
import { freshMobile, makeMember } from '../../../test/factories/members'
import { ctxAs } from '../../../test/factories/orgs'
import { MISSING_ID, auditRows, expectError, multipartFile } from '../../../test/helpers'
import { typed } from '../../platform/db/create-db'
import { sha256Of } from '../../platform/files/blob-store'
import { jpegImage, pngImage, webpImage } from '../../platform/files/image-fixtures.test-helpers'
import type { UploadTables } from './uploads.tables'
import sharp from 'sharp'

let t: TestApp
let dataDir: string
let gansu: TestSession // org_admin of 甘肃省总工会
let worker: TestSession // a member of 兰州市总工会 with no role

const WORKER_PASSWORD = 'worker-pass-123'

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'uh-uploads-'))
  t = await buildTestApp({ env: { DATA_DIR: dataDir } })
  gansu = await t.loginAs(ACCOUNTS.gansuAdmin)
  const mobile = freshMobile()
  await makeMember(t, await ctxAs(t, gansu.memberId), {
    orgId: t.orgId('兰州市总工会'),
    mobile,
    password: WORKER_PASSWORD,
  })
  worker = await t.loginAs(mobile, WORKER_PASSWORD)
})
afterAll(async () => {
  await t.close()
  rmSync(dataDir, { recursive: true, force: true })
})

const upload = (s: TestSession, bytes: Buffer, filename = 'photo.png', type = 'image/png') =>
  s.request({ method: 'POST', url: '/api/v1/uploads', ...multipartFile(filename, type, bytes) })

const uploadRows = (sha256: string) =>
  typed<UploadTables>(t.database.db)
    .selectFrom('upload')
    .selectAll()
    .where('sha256', '=', sha256)
    .execute()

const blobFiles = (sha256: string) => readdirSync(path.join(dataDir, 'uploads', sha256.slice(0, 2)))

describe('POST /api/v1/uploads', () => {
  it.each([
    ['PNG', pngImage(2, 3, 1), 'a.png', 'image/png', 2, 3],
    ['JPEG', jpegImage(640, 480), 'a.jpg', 'image/jpeg', 640, 480],
    ['WebP', webpImage(6, 7), 'a.webp', 'image/webp', 6, 7],
  ])(
    'stores a %s, serves the same bytes back and audits it',
    async (_, bytes, name, mime, w, h) => {
      const res = await worker.request({
        method: 'POST',
        url: '/api/v1/uploads',
        // The claimed type is deliberately generic: the server goes by the bytes.
        ...multipartFile(name, 'application/octet-stream', bytes),
      })

      expect(res.statusCode, res.body).toBe(201)
      const up = res.json<Upload>()
      expect(up).toMatchObject({ mime, bytes: bytes.length, width: w, height: h })
      expect(up.url).toBe(`/api/v1/uploads/${up.id}`)

      const served = await t.request({ method: 'GET', url: up.url })
      expect(served.statusCode).toBe(200)
      expect(served.rawPayload.equals(bytes)).toBe(true)
      expect(served.headers['content-type']).toBe(mime)
      expect(served.headers['x-content-type-options']).toBe('nosniff')
      expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable')
      expect(served.headers['etag']).toBe(`"${sha256Of(bytes)}"`)

      const [audit, ...more] = await auditRows(t, { action: 'upload.created', targetId: up.id })
      expect(more).toEqual([])
      expect(audit!.actor_member_id).toBe(worker.memberId)
      expect(JSON.parse(audit!.summary)).toMatchObject({
        after: { sha256: sha256Of(bytes), mime, bytes: bytes.length },
      })
      const [row] = await uploadRows(sha256Of(bytes))
      expect(row).toMatchObject({
        id: up.id,
        uploaded_by_member_id: worker.memberId,
        org_id: t.orgId('兰州市总工会'),
      })
    },
  )

  it('stores the same bytes once: a repeat by the same member returns the first upload', async () => {
    const bytes = pngImage(4, 4, 42)
    const first = await upload(worker, bytes)
    const again = await upload(worker, bytes, 'renamed.png')
    const byOther = await upload(gansu, bytes)

    expect(first.statusCode).toBe(201)
    expect(again.statusCode).toBe(200)
    expect(again.json<Upload>().id).toBe(first.json<Upload>().id)
    expect(byOther.statusCode).toBe(201)
    expect(byOther.json<Upload>().id).not.toBe(first.json<Upload>().id)
    expect(await uploadRows(sha256Of(bytes))).toHaveLength(2)
    expect(blobFiles(sha256Of(bytes))).toEqual([sha256Of(bytes)])
    expect(
      await auditRows(t, { action: 'upload.created', targetId: first.json<Upload>().id }),
    ).toHaveLength(1)
  })

  it('stores a phone photo without its EXIF position (what is served has no GPS bytes)', async () => {
    const plain = jpegImage(64, 48)
    const gps = Buffer.from('Exif\0\0II*\0\x08\0\0\0\0\0GPS 22.7219N 114.2466E', 'latin1')
    const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0, gps.length + 2]), gps])
    const photo = Buffer.concat([plain.subarray(0, 2), app1, plain.subarray(2)])

    const res = await upload(worker, photo, 'IMG_0001.jpg', 'image/jpeg')
    expect(res.statusCode, res.body).toBe(201)
    const up = res.json<Upload>()
    expect(up.bytes).toBe(plain.length)
    const served = await t.request({ method: 'GET', url: up.url })
    expect(served.statusCode).toBe(200)
    expect(served.rawPayload.includes(Buffer.from('GPS'))).toBe(false)
    expect(served.rawPayload).toEqual(plain)
  })

  it('refuses a text file named .png and sent as image/png (415 UPLOAD_TYPE_UNSUPPORTED)', async () => {
    const text = Buffer.from('just some text pretending to be a picture\n')

    expectError(await upload(worker, text, 'fake.png', 'image/png'), 415, 'UPLOAD_TYPE_UNSUPPORTED')
    expect(await uploadRows(sha256Of(text))).toEqual([])
  })

  it('refuses a file over 5 MB (413 FILE_TOO_LARGE)', async () => {
    const big = Buffer.concat([pngImage(1, 1), Buffer.alloc(MAX_IMAGE_BYTES)])

    expectError(await upload(worker, big), 413, 'FILE_TOO_LARGE')
    expect(await uploadRows(sha256Of(big))).toEqual([])
  })

  it('refuses an image whose header claims a huge bitmap (400 UPLOAD_DIMENSIONS_TOO_LARGE)', async () => {
    const bomb = pngImage(1, 1)
    bomb.writeUInt32BE(50_000, 16)
    bomb.writeUInt32BE(50_000, 20)

    const error = expectError(await upload(worker, bomb), 400, 'UPLOAD_DIMENSIONS_TOO_LARGE')
    expect(error.details).toMatchObject({ width: 50_000, height: 50_000 })
  })

  it('refuses a file that only starts like an image (400 UPLOAD_IMAGE_UNREADABLE)', async () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>'.repeat(10))
    const png = pngImage(3, 3, 7)
    for (const bytes of [
      Buffer.concat([png.subarray(0, 33), html]),
      png.subarray(0, 24),
      jpegImage().subarray(0, jpegImage().length - 2),
    ])
      expectError(await upload(worker, bytes), 400, 'UPLOAD_IMAGE_UNREADABLE')
    // The whole file is still taken.
    expect((await upload(worker, png)).statusCode).toBe(201)
  })

  it('refuses a JPEG whose header holds no frame size (400 UPLOAD_IMAGE_UNREADABLE)', async () => {
    expectError(
      await upload(worker, jpegImage().subarray(0, 20), 'a.jpg', 'image/jpeg'),
      400,
      'UPLOAD_IMAGE_UNREADABLE',
    )
  })

  it('asks for a file (400 FILE_MISSING) when the body is not multipart', async () => {
    expectError(
      await worker.request({ method: 'POST', url: '/api/v1/uploads', payload: { file: 'x' } }),
      400,
      'FILE_MISSING',
    )
  })

  it('needs a session (401) and the CSRF token (403)', async () => {
    const file = multipartFile('a.png', 'image/png', pngImage())

    expectError(
      await t.request({ method: 'POST', url: '/api/v1/uploads', ...file }),
      401,
      'AUTH_REQUIRED',
    )
    expectError(
      await worker.request({
        method: 'POST',
        url: '/api/v1/uploads',
        ...file,
        headers: { ...file.headers, 'x-csrf-token': 'wrong' },
      }),
      403,
      'CSRF_INVALID',
    )
  })
})

describe('GET /api/v1/uploads/:uploadId', () => {
  it('answers 304 when the browser already holds the image', async () => {
    const up = (await upload(worker, pngImage(3, 3, 7))).json<Upload>()
    const first = await t.request({ method: 'GET', url: up.url })

    const res = await t.request({
      method: 'GET',
      url: up.url,
      headers: { 'if-none-match': String(first.headers['etag']) },
    })

    expect(res.statusCode).toBe(304)
    expect(res.rawPayload).toHaveLength(0)
  })

  it('answers 404 UPLOAD_NOT_FOUND for an unknown id and 400 for anything but an id', async () => {
    expectError(
      await t.request({ method: 'GET', url: `/api/v1/uploads/${MISSING_ID}` }),
      404,
      'UPLOAD_NOT_FOUND',
    )
    for (const bad of ['..%2F..%2Fsecrets.json', 'not-an-id', '..']) {
      const res = await t.request({ method: 'GET', url: `/api/v1/uploads/${bad}` })
      expect(res.statusCode, bad).toBeGreaterThanOrEqual(400)
      expect(res.statusCode, bad).toBeLessThan(500)
      expect(res.body).not.toContain('SESSION_SECRET')
    }
  })
})

describe('GET /api/v1/uploads/:uploadId?w= (copies for phones)', () => {
  /** A real, decodable photo-like JPEG (noise, so it does not compress to nothing). */
  const photo = (width: number, height: number, orientation?: number) => {
    const raw = Buffer.alloc(width * height * 3)
    for (let i = 0; i < raw.length; i++) raw[i] = (i * 2654435761) >>> 24
    const img = sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 })
    return (orientation ? img.withMetadata({ orientation }) : img).toBuffer()
  }

  it('serves a smaller copy in the same format, made once, with its own etag', async () => {
    const original = await photo(1600, 1200)
    const up = (await upload(worker, original, 'p.jpg', 'image/jpeg')).json<Upload>()

    const res = await t.request({ method: 'GET', url: `${up.url}?w=640` })

    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toBe('image/jpeg')
    expect(res.headers['cache-control']).toContain('immutable')
    const meta = await sharp(res.rawPayload).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 640, 480])
    expect(res.rawPayload.length).toBeLessThan(original.length / 3)
    const etag = String(res.headers['etag'])
    expect(etag).not.toBe(String((await t.request({ method: 'GET', url: up.url })).headers['etag']))
    const again = await t.request({ method: 'GET', url: `${up.url}?w=640` })
    expect(again.rawPayload.equals(res.rawPayload)).toBe(true)
    const cached = await t.request({
      method: 'GET',
      url: `${up.url}?w=640`,
      headers: { 'if-none-match': etag },
    })
    expect(cached.statusCode).toBe(304)
  })

  it('turns a sideways phone photo upright (EXIF orientation) in the copy', async () => {
    // Stored 1200 wide and 800 high, shown rotated a quarter turn: 800 wide and 1200 high.
    const up = (
      await upload(worker, await photo(1200, 800, 6), 'side.jpg', 'image/jpeg')
    ).json<Upload>()

    const res = await t.request({ method: 'GET', url: `${up.url}?w=320` })

    const meta = await sharp(res.rawPayload).metadata()
    expect([meta.width, meta.height, meta.orientation]).toEqual([320, 480, undefined])
  })

  it('answers a narrower image as it is (never enlarged)', async () => {
    const small = pngImage(40, 30, 9)
    const up = (await upload(worker, small)).json<Upload>()

    const res = await t.request({ method: 'GET', url: `${up.url}?w=320` })

    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('image/png')
    const served = await t.request({ method: 'GET', url: up.url })
    expect(res.rawPayload.equals(served.rawPayload)).toBe(true)
  })

  it('refuses a width outside the list (400 VALIDATION_FAILED) and any other parameter', async () => {
    const up = (await upload(worker, pngImage(5, 5, 11))).json<Upload>()
    for (const q of ['w=321', 'w=0', 'w=-640', 'w=abc', 'w=640&x=1', 'w=99999999999'])
      expectError(
        await t.request({ method: 'GET', url: `${up.url}?${q}` }),
        400,
        'VALIDATION_FAILED',
      )
  })

  it('answers 404 UPLOAD_NOT_FOUND for an unknown id with a width', async () => {
    expectError(
      await t.request({ method: 'GET', url: `/api/v1/uploads/${MISSING_ID}?w=640` }),
      404,
      'UPLOAD_NOT_FOUND',
    )
  })
})

describe('campaign cover and nomination photos from uploads', () => {
  const campaignBody = (coverImageUrl?: string) => ({
    orgId: t.orgId('兰州市总工会'),
    name: '封面测试工匠评选',
    honourTitle: '封面工匠',
    year: 2020,
    coverImageUrl,
    categories: [{ name: '技能工匠', honourCount: 1 }],
    schedule: testSchedule(),
    rules: {
      eligibility: 'members',
      votesPerDay: 1,
      maxPerCandidatePerDay: 1,
      maxChoicesPerBallot: 1,
      hours: null,
      sealed: true,
      weights: { publicVote: 0.4, jury: 0.6 },
    },
    rubric: TEST_RUBRIC,
    phaseMode: 'manual',
  })

  it('saves a campaign with an uploaded cover, then replaces and removes it', async () => {
    const cover = (await upload(gansu, jpegImage(1200, 600), 'cover.jpg')).json<Upload>()
    const other = (await upload(gansu, webpImage(800, 400), 'cover2.webp')).json<Upload>()

    const created = await gansu.request({
      method: 'POST',
      url: '/api/v1/campaigns',
      payload: campaignBody(cover.url),
    })
    expect(created.statusCode, created.body).toBe(201)
    const c = created.json<Campaign>()
    expect(c.coverImageUrl).toBe(cover.url)

    const replaced = await gansu.request({
      method: 'PATCH',
      url: `/api/v1/campaigns/${c.id}`,
      payload: { coverImageUrl: other.url },
    })
    expect(replaced.statusCode, replaced.body).toBe(200)
    expect(replaced.json<Campaign>().coverImageUrl).toBe(other.url)

    const removed = await gansu.request({
      method: 'PATCH',
      url: `/api/v1/campaigns/${c.id}`,
      payload: { coverImageUrl: null },
    })
    expect(removed.json<Campaign>().coverImageUrl).toBeNull()
    const [audit] = await auditRows(t, { action: 'campaign.updated', targetId: c.id })
    expect(JSON.parse(audit!.summary)).toMatchObject({
      before: { coverImageUrl: cover.url },
      after: { coverImageUrl: other.url },
    })
  })

  it('still takes an https cover URL', async () => {
    const res = await gansu.request({
      method: 'POST',
      url: '/api/v1/campaigns',
      payload: campaignBody('https://example.org/cover.jpg'),
    })

    expect(res.statusCode, res.body).toBe(201)
  })

  it('refuses a cover naming a missing upload (400 UPLOAD_REFERENCE_MISSING) and changes nothing', async () => {
    const before = (await auditRows(t, { action: 'campaign.created' })).length

    const res = await gansu.request({
      method: 'POST',
      url: '/api/v1/campaigns',
      payload: campaignBody(`/api/v1/uploads/${MISSING_ID}`),
    })

    expectError(res, 400, 'UPLOAD_REFERENCE_MISSING')
    expect(await auditRows(t, { action: 'campaign.created' })).toHaveLength(before)
  })

  it.each([
    ['http://example.org/a.jpg'],
    ['javascript:alert(1)'],
    ['/api/v1/uploads/../../secrets.json'],
    ['data:image/png;base64,AAAA'],
  ])('refuses the cover %s (400 VALIDATION_FAILED on coverImageUrl)', async (url) => {
    const res = await gansu.request({
      method: 'POST',
      url: '/api/v1/campaigns',
      payload: campaignBody(url),
    })

    const error = expectError(res, 400, 'VALIDATION_FAILED')
    expect(JSON.stringify(error.details)).toContain('coverImageUrl')
  })

  it('refuses a nomination whose video link is not http(s), and records nothing', async () => {
    const ctx = await ctxAs(t, gansu.memberId)
    const c = await makeCampaign(t, ctx, { orgId: t.orgId('兰州市总工会') })
    await advanceTo(t, ctx, c, 'nomination')
    const nominate = (videoUrl: string) =>
      worker.request({
        method: 'POST',
        url: `/api/v1/public/campaigns/${c.id}/nominations`,
        payload: nominationBody(t, c, { videoUrl }),
      })
    const before = (await auditRows(t, { action: 'campaign.nomination.created' })).length
    for (const bad of [
      'javascript:alert(document.cookie)',
      'data:text/html,x',
      'file:///etc/passwd',
    ]) {
      const error = expectError(await nominate(bad), 400, 'VALIDATION_FAILED')
      expect(JSON.stringify(error.details)).toContain('videoUrl')
    }
    expect(await auditRows(t, { action: 'campaign.nomination.created' })).toHaveLength(before)
    expect((await nominate('https://www.bilibili.com/video/BV1xx411c7mD')).statusCode).toBe(201)
  })

  it('takes uploaded photos on a nomination and refuses one naming a missing upload', async () => {
    const ctx = await ctxAs(t, gansu.memberId)
    const c = await makeCampaign(t, ctx, { orgId: t.orgId('兰州市总工会') })
    await advanceTo(t, ctx, c, 'nomination')
    const photo = (await upload(worker, pngImage(5, 5, 99))).json<Upload>()
    const body = (photoUrls: string[]) => nominationBody(t, c, { photoUrls })
    const nominate = (photoUrls: string[]) =>
      worker.request({
        method: 'POST',
        url: `/api/v1/public/campaigns/${c.id}/nominations`,
        payload: body(photoUrls),
      })

    const missing = await nominate([photo.url, `/api/v1/uploads/${MISSING_ID}`])
    const ok = await nominate([photo.url, 'https://example.org/p/2.jpg'])

    const error = expectError(missing, 400, 'UPLOAD_REFERENCE_MISSING')
    expect(error.details).toEqual({ urls: [`/api/v1/uploads/${MISSING_ID}`] })
    expect(ok.statusCode, ok.body).toBe(201)
    expect(JSON.stringify(ok.json())).toContain(photo.url)
  })
})
