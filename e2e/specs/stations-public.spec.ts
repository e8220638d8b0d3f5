import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  expectNoSeriousA11yViolations,
  launchBrowser,
  newContext,
  screenshotPath,
} from '../support/browser'
import { text } from '../support/text'

/**
 * The worker station pages on a small phone (375×740) with no account: the nearest list from
 * the phone's position, a need typed in Chinese ("能热饭") and how it was understood, the
 * station page with its occupancy, the QR check-in (new, repeated, full on a second phone,
 * check-out frees the place; refused without the door's code or with an old one), the printable
 * poster, and the demo's 筑友驿站 page.
 * The test station (room for one, open 24 hours, in Lanzhou) is created through the staff API.
 */
const GANSU_ADMIN = '13800000001'
const PASSWORD = 'Demo@2026'
const suffix = String(Date.now()).slice(-5)
const STATION_NAME = `端到端爱心驿站${suffix}`
// A few hundred metres from the station (WGS-84, the demo's tile layer system).
const HERE = { latitude: 36.0632, longitude: 103.8361 }
const PHONE = { width: 375, height: 740 }

const signInApi = async (request: APIRequestContext, mobile: string) => {
  const res = await request.post('/api/v1/auth/login', { data: { mobile, password: PASSWORD } })
  expect(res.status()).toBe(200)
  const session = (await res.json()) as {
    csrfToken: string
    grants: { orgId: string; orgName: string }[]
  }
  return {
    session,
    get: async <T>(p: string): Promise<T> => {
      const r = await request.get(`/api/v1${p}`)
      const answer = await r.text()
      if (r.status() >= 400) throw new Error(`GET ${p} → ${r.status()} ${answer}`)
      return JSON.parse(answer) as T
    },
    post: async <T>(p: string, body: unknown): Promise<T> => {
      const r = await request.post(`/api/v1${p}`, {
        headers: { 'x-csrf-token': session.csrfToken },
        data: body,
      })
      const answer = await r.text()
      if (r.status() >= 400) throw new Error(`POST ${p} → ${r.status()} ${answer}`)
      return JSON.parse(answer) as T
    },
  }
}

let browser: Browser
let phoneA: BrowserContext
let phoneB: BrowserContext
let page: Page
let stationId = ''
/** The code in the station's door QR link, as the console's poster tab gives it. */
let doorCode = ''

/** axe, one h1 and one main, and nothing wider than the phone. */
const check = async (p: Page, label: string) => {
  await expectNoSeriousA11yViolations(p, label)
  expect(await p.locator('h1').count()).toBe(1)
  expect(await p.locator('main').count()).toBe(1)
  const overflow = await p.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow, `${label}: page is wider than the screen`).toBeLessThanOrEqual(0)
}

beforeAll(async () => {
  browser = await launchBrowser()
  const staffCtx = await newContext(browser)
  const staff = await signInApi(staffCtx.request, GANSU_ADMIN)
  const gansu = staff.session.grants.find((g) => g.orgName === '甘肃省总工会')!
  const s = await staff.post<{ id: string }>('/stations', {
    orgId: gansu.orgId,
    name: STATION_NAME,
    kind: 'union_love_station',
    address: '兰州市城关区东岗西路 1 号',
    lat: 36.0611,
    lng: 103.8343,
    coordSystem: 'wgs84',
    schedule: { alwaysOpen: true, weekly: [] },
    capacity: 1,
    amenities: ['drinking_water', 'microwave', 'toilet'],
    contactName: '测试站长',
    contactMobile: `1391${suffix}88`,
  })
  stationId = s.id
  doorCode = (await staff.get<{ code: string }>(`/stations/${stationId}/check-in-code`)).code
  await staffCtx.close()

  // Two phones with no account; the first one lets the page read its position.
  phoneA = await newContext(browser, { mobile: true, viewport: PHONE })
  await phoneA.grantPermissions(['geolocation'])
  await phoneA.setGeolocation(HERE)
  phoneB = await newContext(browser, { mobile: true, viewport: PHONE })
  page = await phoneA.newPage()
})

afterAll(async () => {
  await phoneA?.close()
  await phoneB?.close()
  await browser?.close()
})

describe('worker station pages', () => {
  it('asks a phone without location access to share it or pick a point on the map', async () => {
    const other = await phoneB.newPage()
    await other.goto('/s')
    await other.getByText(text('stationsPublic.nearby.needPosition')).waitFor()
    await other.getByRole('button', { name: text('stationsPublic.position.locate') }).click()
    await other.getByText(text('stationsPublic.position.problem.denied')).waitFor()
    await check(other, 'nearest list without location')
    // Without a position the map shows the whole country in clusters, each count centred in
    // its circle (leaflet.css, loaded later with the map, once pushed it to a corner).
    await other.locator('.sp-cluster').first().waitFor()
    // Both boxes in one read, so a map that moves in between cannot skew them.
    const offset = await other.evaluate(() => {
      const circle = document.querySelector('.sp-cluster')!.getBoundingClientRect()
      const count = document.querySelector('.sp-cluster span')!.getBoundingClientRect()
      return {
        x: count.x + count.width / 2 - (circle.x + circle.width / 2),
        y: count.y + count.height / 2 - (circle.y + circle.height / 2),
      }
    })
    expect(Math.abs(offset.x)).toBeLessThan(2)
    expect(Math.abs(offset.y)).toBeLessThan(2)
    await other.close()
  })

  it('lists the nearest stations from the phone’s position and reads a need in Chinese', async () => {
    await page.goto('/s')
    await page
      .getByRole('heading', { level: 1, name: text('stationsPublic.nearby.title') })
      .waitFor()
    // This phone allowed location earlier: the list comes without a tap.
    await page.getByText(text('stationsPublic.position.fromGps')).waitFor()
    // Other stations may be as close (the demo has a few in Lanzhou): find ours by name.
    await page.locator('.sp-hit').first().waitFor()
    const first = page.locator('.sp-hit', { hasText: STATION_NAME })
    await first.waitFor()
    expect(await first.locator('.sp-distance').innerText()).toMatch(/^\d+ 米$/)
    await first.getByText(text('stationsPublic.common.openNow')).waitFor()
    const walk = await first
      .getByRole('link', { name: text('stationsPublic.common.walk') })
      .getAttribute('href')
    expect(walk).toMatch(/^https:\/\/uri\.amap\.com\/navigation\?to=103\.8\d+,36\.0\d+,/)
    expect(walk).toContain('mode=walk&coordinate=gaode')

    await page
      .getByRole('searchbox', { name: text('stationsPublic.nearby.searchLabel') })
      .fill('能热饭')
    await page.getByRole('button', { name: text('common.search') }).click()
    await page
      .getByText(
        text('stationsPublic.understood.label', {
          parts: text('stations.amenities.microwave'),
        }),
      )
      .waitFor()
    for (const hit of await page.locator('.sp-hit .sp-amenities').all())
      expect(await hit.innerText()).toContain(text('stations.amenities.microwave'))
    // The map arrives after the list, with the phone's position on it.
    await page.locator('.sp-me').waitFor()
    await check(page, 'nearest list')
    await page.screenshot({ path: screenshotPath('stations-nearest'), fullPage: true })
  })

  it('draws a station’s pin where the station is (the tip on its point)', async () => {
    // A phone standing at the test station: the green dot marks the point, the pin must too.
    const there = await newContext(browser, { mobile: true, viewport: PHONE })
    await there.grantPermissions(['geolocation'])
    await there.setGeolocation({ latitude: 36.0611, longitude: 103.8343 })
    const p = await there.newPage()
    try {
      await p.goto('/s')
      await p.locator('.sp-me').waitFor()
      for (let i = 0; i < 6 && (await p.locator('.sp-pin-shape').count()) === 0; i++) {
        await p.locator('.leaflet-control-zoom-in').click()
        await p.waitForTimeout(800)
      }
      await p.locator('.sp-pin-shape').first().waitFor()
      const gap = await p.evaluate(() => {
        const me = document.querySelector('.sp-me')!.getBoundingClientRect()
        const centre = { x: me.left + me.width / 2, y: me.top + me.height / 2 }
        const map = document.querySelector('.leaflet-container')!.getBoundingClientRect()
        const tips = Array.from(document.querySelectorAll('.sp-pin-shape')).map((el) => {
          const r = el.getBoundingClientRect() // the turned square's box: its bottom is the tip
          return { x: r.left + r.width / 2, y: r.bottom }
        })
        const d = Math.min(...tips.map((t) => Math.hypot(t.x - centre.x, t.y - centre.y)))
        const inside = tips.every(
          (t) => t.x >= map.left && t.x <= map.right && t.y >= map.top && t.y <= map.bottom,
        )
        return { d, inside }
      })
      expect(gap.d).toBeLessThan(6)
      expect(gap.inside).toBe(true)
    } finally {
      await there.close()
    }
  })

  it('shows the station page with hours, amenities and occupancy against capacity', async () => {
    await page.locator('.sp-hit h3 a', { hasText: STATION_NAME }).click()
    await page.getByRole('heading', { level: 1, name: STATION_NAME }).waitFor()
    await page
      .getByText(text('stationsPublic.occupancy.figure', { count: 0, capacity: 1 }))
      .waitFor()
    await page.getByText(text('stationsPublic.hours.always'), { exact: true }).waitFor()
    await page.getByText('139****').first().waitFor()
    await check(page, 'station page')
  })

  it('does not check in from a link without the door code, nor with a made-up one', async () => {
    await page.goto(`/s/${stationId}/check-in`)
    await page.getByText(text('stationsPublic.checkIn.noCodeTitle')).waitFor()
    await check(page, 'check-in link without a code')
    await page.goto(`/s/${stationId}/check-in?c=ABCDEFGHJK`)
    await page.getByText(text('stationsPublic.checkIn.badCodeTitle')).waitFor()
    await page
      .getByText(text('stationsPublic.occupancy.figure', { count: 0, capacity: 1 }))
      .waitFor()
    await check(page, 'check-in with an old code')
  })

  it('checks in on the QR page, says "already" on a second scan, and refuses a full station', async () => {
    await page.goto(`/s/${stationId}/check-in?c=${doorCode}`)
    await page.getByText(text('stationsPublic.checkIn.done')).waitFor()
    await page
      .getByText(text('stationsPublic.occupancy.figure', { count: 1, capacity: 1 }))
      .waitFor()
    await check(page, 'check-in')
    await page.screenshot({ path: screenshotPath('stations-check-in'), fullPage: true })

    // A second scan of the door in the same visit.
    await page.goto(`/s/${stationId}/check-in?c=${doorCode}`)
    await page.getByText(text('stationsPublic.checkIn.already')).waitFor()
    // The address drops the code once read: a reload shows the visit, it does not scan again.
    await expect.poll(() => new URL(page.url()).search).toBe('')

    const other = await phoneB.newPage()
    await other.goto(`/s/${stationId}/check-in?c=${doorCode}`)
    await other.getByText(text('stationsPublic.checkIn.fullTitle')).waitFor()
    await other.getByText(text('stationsPublic.checkIn.full', { capacity: 1 })).waitFor()
    await check(other, 'check-in when full')

    await page.getByRole('button', { name: text('stationsPublic.checkOut.button') }).click()
    await page.getByText(text('stationsPublic.checkOut.done')).waitFor()
    await page
      .getByText(text('stationsPublic.occupancy.figure', { count: 0, capacity: 1 }))
      .waitFor()
    // Reloading after checking out (WeChat does) does not check the phone in again.
    await page.reload()
    await page.getByText(text('stationsPublic.checkIn.noCodeTitle')).waitFor()
    await page
      .getByText(text('stationsPublic.occupancy.figure', { count: 0, capacity: 1 }))
      .waitFor()

    await other.goto(`/s/${stationId}/check-in?c=${doorCode}`)
    await other.getByText(text('stationsPublic.checkIn.done')).waitFor()
    await other.close()
  })

  it('prints a poster whose QR code opens the check-in page', async () => {
    await page.goto(`/s/${stationId}/poster?c=${doorCode}`)
    const qr = page.getByRole('img', {
      name: text('stationsPublic.poster.qrLabel', { name: STATION_NAME }),
    })
    await qr.waitFor()
    expect(await page.locator('.sp-poster-url').innerText()).toMatch(
      new RegExp(`^https?://[^/]+/s/${stationId}/check-in\\?c=${doorCode}$`),
    )
    await check(page, 'poster')
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.cp-bar').isVisible()).toBe(false)
    expect(
      await page.getByRole('button', { name: text('stationsPublic.poster.print') }).isVisible(),
    ).toBe(false)
    expect(await qr.isVisible()).toBe(true)
    await page.emulateMedia({ media: 'screen' })
  })

  it('opens the demo’s 筑友驿站', async () => {
    const res = await page.request.get(
      `/api/v1/public/stations/nearest?lat=22.7209&lng=114.2467&k=1&q=${encodeURIComponent('筑友驿站')}`,
    )
    const body = (await res.json()) as { items: { id: string; name: string }[] }
    const demo = body.items[0]!
    expect(demo.name).toContain('筑友驿站')
    await page.goto(`/s/${demo.id}`)
    await page.getByRole('heading', { level: 1, name: demo.name }).waitFor()
    await page.locator('.sp-occupancy').waitFor()
    await check(page, 'demo station page')
  })
})
