import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoSeriousA11yViolations, launchBrowser, newContext } from '../support/browser'
import { text } from '../support/text'

/**
 * Staff open a night shelter in the console: a Monday period typed 20:00–06:00 is refused until
 * "至次日" is ticked (the bad input: a period that ends before it starts), nothing is
 * saved meanwhile, and the saved station shows and serves the night as a night.
 */
const LONGGANG_STAFF = '13800000004'
const PASSWORD = 'Demo@2026'
const NAME = `端到端夜间驿站${String(Date.now()).slice(-5)}`
// Far from every demo station, so other specs' "nearest" answers do not change.
const PLACE = { lat: '29.6520', lng: '91.1721' }

let browser: Browser
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  page = await (await newContext(browser)).newPage()
  await page.goto('/login?next=/stations/new')
  await page.getByLabel('手机号').fill(LONGGANG_STAFF)
  await page.getByLabel('密码').fill(PASSWORD)
  await page.getByTestId('login-submit').click()
  await page.waitForURL((url) => url.pathname === '/stations/new')
})
afterAll(async () => {
  await browser?.close()
})

type StationPage = { total: number; items: { id: string; name: string }[] }
const stationsNamed = async (name: string) =>
  (await (
    await page.request.get(`/api/v1/stations?q=${encodeURIComponent(name)}&pageSize=5`)
  ).json()) as StationPage

describe('station console', () => {
  it('refuses a night period until it is marked 至次日, then saves and shows it', async () => {
    const field = (key: string) => page.getByLabel(text(`stations.fields.${key}`), { exact: true })
    await field('name').fill(NAME)
    await page
      .locator('.ant-select')
      .filter({ has: field('kind') })
      .click()
    await page
      .locator('.ant-select-item-option:visible', { hasText: text('stations.kinds.sanitation') })
      .click()
    await field('address').fill('西藏自治区拉萨市城关区测试路 1 号')
    await field('lat').fill(PLACE.lat)
    await field('lng').fill(PLACE.lng)
    await field('contactName').fill('次仁师傅')
    await field('contactMobile').fill('13800000019')

    // Monday typed as a night shelter's hours, without the box.
    const row1 = text('stations.schedule.row', { n: 1 })
    await page.getByLabel(text('stations.schedule.startOf', { row: row1 })).fill('20:00')
    await page.getByLabel(text('stations.schedule.endOf', { row: row1 })).fill('06:00')
    const save = page.locator('button[type="submit"]')
    await save.click()
    await page.getByText(text('stations.problems.PERIOD_ENDS_BEFORE_START')).waitFor()
    expect(new URL(page.url()).pathname).toBe('/stations/new')
    expect((await stationsNamed(NAME)).total).toBe(0)
    await expectNoSeriousA11yViolations(page, 'station form with a schedule error')

    await page
      .getByRole('checkbox', { name: text('stations.schedule.overnightOf', { row: row1 }) })
      .check()
    await save.click()
    await page.waitForURL((url) => /^\/stations\/[0-9a-f-]{36}$/.test(url.pathname))
    await page
      .getByText(text('stations.schedule.rangeOvernight', { start: '20:00', end: '06:00' }))
      .first()
      .waitFor()

    const saved = await stationsNamed(NAME)
    expect(saved.total).toBe(1)
    const station = (await (
      await page.request.get(`/api/v1/stations/${saved.items[0]!.id}`)
    ).json()) as {
      schedule: { weekly: Record<string, unknown>[] }
    }
    expect(station.schedule.weekly[0]).toMatchObject({
      day: 1,
      start: '20:00',
      end: '06:00',
      overnight: true,
    })
  })
})
