import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  expectNoSeriousA11yViolations,
  launchBrowser,
  newContext,
  screenshotPath,
} from '../support/browser'
import { signInApi } from '../support/api'
import { text } from '../support/text'
import { serverLogMark, smsCodeSince } from '../support/sms'

/**
 * Issue 4 end to end, at phone width: a worker finds the nearest open station from the phone's
 * position (near the demo's 筑友驿站), opens it, checks in and posts a wish there (signing in on
 * the way, back to the form); staff verify and publish it in the console (the bell shows the
 * new wish); a volunteer claims it on the station's wall, delivers it with a photo; the worker
 * sees the notification and confirms receipt with thanks; the volunteer sees the thanks.
 * axe runs on every worker page.
 *
 * Accounts: the worker and the volunteer register with an SMS code (read from the server log,
 * as a phone would receive it) and a password; the worker then signs in on the worker pages'
 * own sign-in page (/m/login).
 * 筑友驿站 opens 07:00–22:00 China time; staff make it open around the clock first so the flow
 * (check-in needs an open station) runs at any hour.
 */
const STAFF = '13800000004' // 龙岗区总工会干部: station:manage and wish:manage over 筑友驿站
const PASSWORD = 'Demo@2026'
const WORKER_PASSWORD = 'Worker@2026'
const suffix = String(Date.now()).slice(-6)
const WORKER_MOBILE = `1375${suffix}1`
const VOLUNTEER_MOBILE = `1376${suffix}2`
const WORKER_NAME = '张建明'
const VOLUNTEER_NAME = '李志愿'
const WALK_IN_TITLE = `想要一件冬季工作服${suffix}`
const PARTNER_NAME = `端到端爱心物流${suffix}`
const WISH_TITLE = `想给孩子买一套学习用品${suffix}`
const WISH_DESCRIPTION = '孩子上三年级，需要书包、文具盒和两本字帖。'
const THANKS = '谢谢您，孩子很喜欢！'
const PHONE = { width: 375, height: 740 }
// A 1×1 PNG: the upload route checks the bytes, not the name.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
)

/** Registers a worker account with the SMS code the console provider printed to the log. */
const registerWithSms = async (
  request: APIRequestContext,
  name: string,
  mobile: string,
  orgId: string,
) => {
  const mark = serverLogMark()
  const otp = await request.post('/api/v1/auth/otp', { data: { mobile, purpose: 'register' } })
  expect(otp.status()).toBeLessThan(300)
  const otpCode = await smsCodeSince(mobile, mark)
  const res = await request.post('/api/v1/auth/register', {
    data: { name, mobile, password: WORKER_PASSWORD, orgId, otpCode },
  })
  expect(res.status(), await res.text()).toBeLessThan(300)
}

let browser: Browser
let workerCtx: BrowserContext
let volunteerCtx: BrowserContext
let staffCtx: BrowserContext
let worker: Page
let volunteer: Page
let staff: Page
let stationId = ''
/** The code in 筑友驿站's door QR link (the console's poster tab). */
let doorCode = ''
let stationName = ''
let setupCtx: BrowserContext | undefined
let originalSchedule: unknown
let restoreSchedule: (() => Promise<unknown>) | undefined
const checked: string[] = []

/** axe, one h1 and one main, nothing wider than the phone. */
const check = async (p: Page, label: string) => {
  await expectNoSeriousA11yViolations(p, label)
  checked.push(label)
  expect(await p.locator('h1').count()).toBe(1)
  expect(await p.locator('main').count()).toBe(1)
  const overflow = await p.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow, `${label}: page is wider than the screen`).toBeLessThanOrEqual(0)
}

beforeAll(async () => {
  browser = await launchBrowser()
  const setup = await newContext(browser)
  const staffApi = (await signInApi(setup.request, STAFF, PASSWORD)).api
  const found = await staffApi<{ items: { id: string; name: string; orgId: string }[] }>(
    'GET',
    `/stations?q=${encodeURIComponent('筑友驿站')}&pageSize=50`,
  )
  const zhuyou = found.items.find((s) => s.name.startsWith('筑友驿站（龙岗区耳鼻咽喉医院'))
  if (!zhuyou) throw new Error('demo station 筑友驿站 not found')
  stationId = zhuyou.id
  stationName = zhuyou.name
  doorCode = (await staffApi<{ code: string }>('GET', `/stations/${stationId}/check-in-code`)).code
  originalSchedule = (await staffApi<{ schedule: unknown }>('GET', `/stations/${stationId}`))
    .schedule
  restoreSchedule = () =>
    staffApi('PATCH', `/stations/${stationId}`, { schedule: originalSchedule })
  await staffApi('PATCH', `/stations/${stationId}`, {
    schedule: { alwaysOpen: true, weekly: [] },
  })
  // Where the phone is: the station itself, in the tile layer's system (WGS-84 by default).
  const pub = await setup.request.get(`/api/v1/public/stations/${stationId}?coordSystem=wgs84`)
  const { lat, lng } = (await pub.json()) as { lat: number; lng: number }
  setupCtx = setup

  workerCtx = await newContext(browser, { mobile: true, viewport: PHONE })
  await workerCtx.grantPermissions(['geolocation'])
  await workerCtx.setGeolocation({ latitude: lat + 0.0002, longitude: lng + 0.0002 })
  volunteerCtx = await newContext(browser, { mobile: true, viewport: PHONE })
  staffCtx = await newContext(browser)

  // Both register with an SMS code in the station's org; the volunteer stays signed in.
  const register = await newContext(browser)
  await registerWithSms(register.request, WORKER_NAME, WORKER_MOBILE, zhuyou.orgId)
  await register.close()
  await registerWithSms(volunteerCtx.request, VOLUNTEER_NAME, VOLUNTEER_MOBILE, zhuyou.orgId)

  worker = await workerCtx.newPage()
  volunteer = await volunteerCtx.newPage()
  staff = await staffCtx.newPage()
})

afterAll(async () => {
  // Other specs share the server: 筑友驿站 gets its own opening hours back.
  await restoreSchedule?.()
  await setupCtx?.close()
  await workerCtx?.close()
  await volunteerCtx?.close()
  await staffCtx?.close()
  await browser?.close()
})

describe('a wish at a station, from posting to thanks', () => {
  it('the worker finds the nearest open station and checks in', async () => {
    await worker.goto('/s?open=1')
    await worker.getByRole('button', { name: text('stationsPublic.position.locate') }).click()
    const first = worker.locator('.sp-hit').first()
    await first.waitFor()
    expect(await first.locator('h3').innerText()).toBe(stationName)
    await first.getByText(text('stationsPublic.common.openNow')).waitFor()
    await check(worker, 'nearest open stations')
    await first.locator('h3 a').click()
    await worker.getByRole('heading', { level: 1, name: stationName }).waitFor()
    // The station page says how to check in; the QR code on the door does it.
    await worker.getByText(text('stationsPublic.checkIn.scanHint')).waitFor()
    await worker.goto(`/s/${stationId}/check-in?c=${doorCode}`)
    await worker.getByText(text('stationsPublic.checkIn.done')).waitFor()
    await check(worker, 'station page, checked in')
  })

  it('posts a wish there, signing in on the way and coming back to the form', async () => {
    await worker.getByRole('link', { name: text('stationsPublic.common.postWish') }).click()
    await worker.getByRole('heading', { level: 1, name: text('wishesPublic.post.title') }).waitFor()
    await worker.getByText(text('wishesPublic.post.signInHint')).waitFor()
    await check(worker, 'post a wish, signed out')
    await worker.getByRole('link', { name: text('wishesPublic.common.signIn') }).click()
    await worker.waitForURL(/\/m\/login\?next=/)
    await worker.getByLabel(text('auth.login.mobile')).fill(WORKER_MOBILE)
    await worker.getByLabel(text('auth.login.password'), { exact: true }).fill(WORKER_PASSWORD)
    await worker.getByRole('button', { name: text('auth.login.submit'), exact: true }).click()
    await worker.waitForURL((u) => u.pathname === '/w/new' && u.search.includes(stationId))
    await worker.getByTestId('post-station').getByText(stationName).waitFor()

    // Nothing filled: every missing field is named, nothing is sent.
    await worker.getByRole('button', { name: text('wishesPublic.post.submit') }).click()
    await worker.getByText(text('wishesPublic.post.errors.titleRequired')).waitFor()
    await worker.getByText(text('wishesPublic.post.errors.categoryRequired')).waitFor()
    await check(worker, 'post a wish, errors')

    await worker.getByLabel(text('wishesPublic.post.titleLabel')).fill(WISH_TITLE)
    await worker
      .getByText(text('wishesPublic.post.titleHint', { count: WISH_TITLE.length, max: 60 }))
      .waitFor()
    await worker
      .getByLabel(text('wishesPublic.post.descriptionLabel'))
      .fill('孩子上三年级，需要书包和文具。')
    await worker
      .getByLabel(text('wishesPublic.post.categoryLabel'))
      .selectOption({ label: text('wishesPublic.category.study') })
    const deadline = await worker
      .getByLabel(text('wishesPublic.post.deadlineLabel'))
      .getAttribute('min')
    const due = new Date(Date.parse(`${deadline}T00:00:00Z`) + 14 * 86_400_000)
      .toISOString()
      .slice(0, 10)
    await worker.getByLabel(text('wishesPublic.post.deadlineLabel')).fill(due)
    await worker.getByRole('button', { name: text('wishesPublic.post.submit') }).click()
    await worker.getByText(text('wishesPublic.post.doneTitle')).waitFor()
    await check(worker, 'wish posted')

    await worker.getByRole('link', { name: text('wishesPublic.post.toMine') }).click()
    const card = worker.locator('li.cp-card', { hasText: WISH_TITLE })
    await card.getByText(text('wishesPublic.wishStatus.pending_review')).waitFor()
    await card.getByText(text('wishesPublic.mine.steps.review')).waitFor()
    await check(worker, 'my wishes, awaiting review')
    // A second thought before staff look at it: the worker corrects the description.
    await card.getByRole('button', { name: text('wishesPublic.mine.edit') }).click()
    const edit = worker.getByRole('form', { name: text('wishesPublic.mine.editTitle') })
    await edit.getByLabel(text('wishesPublic.post.descriptionLabel')).fill(WISH_DESCRIPTION)
    await check(worker, 'my wish, editing')
    await edit.getByRole('button', { name: text('wishesPublic.mine.editSubmit') }).click()
    await card.getByText(text('wishesPublic.mine.saved.edited')).waitFor()
    await card.getByText(text('wishesPublic.wishStatus.pending_review')).waitFor()
    // Older workers: the large-text switch scales the page and it still fits the phone.
    const large = worker.getByRole('button', { name: text('campaignsPublic.shell.largeText') })
    await large.click()
    expect(await large.getAttribute('aria-pressed')).toBe('true')
    await check(worker, 'my wishes, large text')
    await large.click()
  })

  it('staff see it in the bell and verify and publish it in the console', async () => {
    await staff.goto('/login?next=/wishes')
    await staff.getByLabel(text('auth.login.mobile')).fill(STAFF)
    await staff.getByLabel(text('auth.login.password'), { exact: true }).fill(PASSWORD)
    await staff.getByTestId('login-submit').click()
    await staff.getByRole('heading', { level: 1, name: text('wishes.list.title') }).waitFor()
    const bell = staff.getByTestId('notification-bell')
    await expect
      .poll(async () => (await bell.getAttribute('aria-label')) ?? '')
      .toMatch(/[1-9]\d* 条未读/)
    await bell.click()
    await staff
      .getByText(text('notifications.kinds.wish.submitted', { title: WISH_TITLE }))
      .waitFor()
    await staff.keyboard.press('Escape')

    await staff.getByRole('button', { name: WISH_TITLE }).click()
    const drawer = staff.locator('.ant-drawer-content')
    await drawer.getByText(text('wishes.timeline.awaitingReview')).waitFor()
    // Personal data stays masked in the console list and drawer.
    await drawer.getByText(/张\*明 137\*\*\*\*\d{4}/).waitFor()
    await drawer.getByRole('button', { name: text('wishes.detail.publish') }).click()
    await drawer.getByText(text('wishes.timeline.published')).waitFor()
    await staff.screenshot({ path: screenshotPath('wishes-console-published'), fullPage: true })
  })

  it("a volunteer claims it on the station's wall", async () => {
    await volunteer.goto(`/s/${stationId}`)
    await volunteer.getByRole('link', { name: text('stationsPublic.common.wishWall') }).click()
    await volunteer
      .getByRole('heading', {
        level: 1,
        name: text('wishesPublic.wall.titleOf', { place: stationName }),
      })
      .waitFor()
    const card = volunteer.locator('li.cp-card', { hasText: WISH_TITLE })
    await card.getByText(text('wishesPublic.wall.who', { name: '张*明' })).waitFor()
    expect(await card.innerText()).not.toContain(WORKER_NAME)
    await check(volunteer, 'wish wall')
    await card.getByRole('button', { name: text('wishesPublic.wall.claim') }).click()
    await card.getByLabel(text('wishesPublic.claimantKind.volunteer')).check()
    await check(volunteer, 'wish wall, claim form')
    await card.getByRole('button', { name: text('wishesPublic.wall.claimSubmit') }).click()
    await card
      .getByText(/认领成功/)
      .or(card.getByRole('alert'))
      .waitFor()
    expect(await card.getByRole('alert').count(), await card.innerText()).toBe(0)
    await volunteer.screenshot({ path: screenshotPath('wishes-wall-claimed'), fullPage: true })
  })

  it('the volunteer delivers it with a photo', async () => {
    await volunteer.getByRole('link', { name: text('wishesPublic.wall.toClaims') }).click()
    await volunteer
      .getByRole('heading', { level: 1, name: text('wishesPublic.claims.title') })
      .waitFor()
    const card = volunteer.locator('li.cp-card', { hasText: WISH_TITLE })
    await card.getByText(text('wishesPublic.claimStatus.active')).waitFor()
    await check(volunteer, 'my claims')
    await card.getByRole('button', { name: text('wishesPublic.claims.fulfil') }).click()
    // No photo yet: refused in words before anything is sent.
    await card.getByRole('button', { name: text('wishesPublic.claims.fulfilSubmit') }).click()
    await card.getByText(text('wishesPublic.claims.errors.photoRequired')).waitFor()
    await card.locator('input[type="file"]').setInputFiles({
      name: 'delivery.png',
      mimeType: 'image/png',
      buffer: PNG,
    })
    await card.getByAltText(text('campaignsPublic.nominate.photoN', { n: 1 })).waitFor()
    await card.getByLabel(text('wishesPublic.claims.note')).fill('已放在驿站前台')
    await check(volunteer, 'my claims, delivery form')
    await card.getByRole('button', { name: text('wishesPublic.claims.fulfilSubmit') }).click()
    await card.getByText(text('wishesPublic.claimStatus.fulfilled')).waitFor()
    await card.getByText(text('wishesPublic.claims.waiting')).waitFor()
  })

  it('the worker is told, confirms receipt and thanks the volunteer', async () => {
    await worker.goto('/w/notifications')
    const note = worker.locator('li.cp-card', {
      hasText: text('notifications.kinds.wish.fulfilled', { title: WISH_TITLE }),
    })
    await note.waitFor()
    await check(worker, 'notifications')
    await note.getByRole('link', { name: text('wishesPublic.notifications.open') }).click()
    await worker.waitForURL(/\/w\/my\/wishes\//)
    const card = worker.locator('li.cp-card', { hasText: WISH_TITLE })
    await card.getByText(text('wishesPublic.mine.steps.fulfilled')).waitFor()
    await card.getByRole('img', { name: text('wishesPublic.mine.photoAlt', { n: 1 }) }).waitFor()
    await check(worker, 'my wish, delivered')
    await card.getByRole('button', { name: text('wishesPublic.mine.confirm') }).click()
    await card.getByLabel(text('wishesPublic.mine.thanksLabel')).fill(THANKS)
    await card.getByRole('button', { name: text('wishesPublic.mine.confirmSubmit') }).click()
    await card.getByText(text('wishesPublic.mine.thanksSent', { thanks: THANKS })).waitFor()
    await card.getByText(text('wishesPublic.wishStatus.confirmed')).waitFor()
    await check(worker, 'my wish, confirmed')
    await worker.screenshot({ path: screenshotPath('wishes-confirmed'), fullPage: true })

    await volunteer.reload()
    const claim = volunteer.locator('li.cp-card', { hasText: WISH_TITLE })
    await claim.getByText(text('wishesPublic.claims.confirmed')).waitFor()
    await claim.getByText(text('wishesPublic.claims.thanks', { thanks: THANKS })).waitFor()
  })

  it('the console shows the whole story and counts it in the report', async () => {
    await staff.reload()
    const drawer = staff.locator('.ant-drawer-content')
    await drawer.getByText(text('wishes.timeline.confirmed')).waitFor()
    await drawer.getByText(text('wishes.timeline.thanks', { thanks: THANKS })).waitFor()
    await staff.goto('/wishes/reports')
    await staff.getByTestId('stat-confirmed').waitFor()
    await staff.getByRole('img', { name: text('wishes.reports.byStatus') }).waitFor()
    await staff.screenshot({ path: screenshotPath('wishes-reports'), fullPage: true })
    const topRow = staff.getByRole('row', { name: new RegExp(VOLUNTEER_NAME) })
    await topRow.waitFor()
    expect(checked.length).toBeGreaterThanOrEqual(10)
    const download = staff.waitForEvent('download')
    await staff.getByRole('button', { name: text('wishes.reports.export') }).click()
    expect((await download).suggestedFilename()).toBe('微心愿统计.xlsx')
  })

  it('staff enter a wish for a walk-in worker at the station; it goes on the wall at once', async () => {
    const title = WALK_IN_TITLE
    await staff.goto('/wishes')
    await staff.getByRole('button', { name: text('wishes.list.create') }).click()
    const dialog = staff.getByRole('dialog')
    await dialog
      .locator('.ant-select')
      .filter({ has: staff.getByLabel(text('wishes.fields.station'), { exact: true }) })
      .click()
    await staff.keyboard.type('筑友驿站')
    await staff.locator('.ant-select-item-option:visible', { hasText: stationName }).first().click()
    await dialog.getByLabel(text('wishes.create.workerName')).fill('王大力')
    await dialog.getByLabel(text('wishes.create.workerMobile')).fill(`1377${suffix}3`)
    await dialog.getByLabel(text('wishes.fields.title'), { exact: true }).fill(title)
    await dialog
      .locator('.ant-select')
      .filter({ has: staff.getByLabel(text('wishes.fields.category'), { exact: true }) })
      .click()
    await staff
      .locator('.ant-select-item-option:visible', {
        hasText: text('wishes.category.daily_necessities'),
      })
      .click()
    const chinaToday = new Date(Date.now() + 8 * 3_600_000)
    const deadline = new Date(chinaToday.getTime() + 20 * 86_400_000).toISOString().slice(0, 10)
    const deadlineInput = dialog.getByLabel(text('wishes.fields.deadline'), { exact: true })
    await deadlineInput.fill(deadline)
    await staff.keyboard.press('Enter')
    await expect.poll(() => deadlineInput.inputValue()).toBe(deadline)
    await dialog.getByRole('button', { name: text('wishes.create.submit') }).click()
    // Saved (the drawer opens) or refused: then say why rather than time out.
    await staff
      .locator('.ant-drawer-content')
      .or(dialog.locator('.ant-form-item-explain-error, [role="alert"]'))
      .first()
      .waitFor()
    expect(
      await dialog.locator('.ant-form-item-explain-error, [role="alert"]').allInnerTexts(),
    ).toEqual([])
    const drawer = staff.locator('.ant-drawer-content')
    await drawer
      .getByText(title)
      .first()
      .waitFor()
      .catch(async (e: unknown) => {
        // The form's own messages tell why it was not saved.
        await staff.screenshot({ path: screenshotPath('wishes-walk-in-failed'), fullPage: true })
        throw e
      })
    await drawer.getByText(text('wishes.timeline.created.staff'), { exact: false }).waitFor()
    await drawer.getByText(text('wishes.status.published'), { exact: true }).waitFor()

    await volunteer.goto(`/w/wall?stationId=${stationId}`)
    await volunteer
      .locator('li.cp-card', { hasText: title })
      .getByText(text('wishesPublic.wall.who', { name: '王*力' }))
      .waitFor()
  })

  it('staff register a partner company with the volunteer as claimant; the volunteer claims in its name', async () => {
    await staff.goto('/wishes/partners')
    await staff
      .getByRole('heading', { name: text('partners.list.title') })
      .first()
      .waitFor()
    await staff.getByRole('button', { name: text('partners.list.create') }).click()
    const dialog = staff.getByRole('dialog')
    await dialog.getByLabel(text('partners.fields.name'), { exact: true }).fill(PARTNER_NAME)
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click()
    // Registered: its drawer opens, where the claimant is added by the mobile they signed up with.
    const drawer = staff.locator('.ant-drawer-content')
    await drawer.getByText(text('partners.drawer.noMembers')).waitFor()
    await drawer.getByLabel(text('partners.drawer.addMobile')).fill(VOLUNTEER_MOBILE)
    await drawer.locator('form .ant-btn-primary').click()
    await drawer.getByText(`${VOLUNTEER_NAME} ${VOLUNTEER_MOBILE.slice(0, 3)}****`).waitFor()
    await check(staff, 'partner companies, claimant added')

    await volunteer.goto(`/w/wall?stationId=${stationId}`)
    const card = volunteer.locator('li.cp-card', { hasText: WALK_IN_TITLE })
    await card.getByRole('button', { name: text('wishesPublic.wall.claim') }).click()
    await card.getByLabel(text('wishesPublic.claimantKind.partner_company')).check()
    // The one partner the volunteer claims for is chosen already; no name to type.
    const company = card.getByLabel(text('wishesPublic.wall.companyLabel'))
    await expect.poll(() => company.locator('option:checked').innerText()).toBe(PARTNER_NAME)
    await check(volunteer, 'wish wall, claim for a partner company')
    await card.getByRole('button', { name: text('wishesPublic.wall.claimSubmit') }).click()
    await card
      .getByText(/认领成功/)
      .or(card.getByRole('alert'))
      .waitFor()
    expect(await card.getByRole('alert').count(), await card.innerText()).toBe(0)

    // The console counts the claim on the partner.
    await staff.reload()
    const row = staff.locator('tr', { hasText: PARTNER_NAME })
    await row.getByText('1 / 0').waitFor()
  })
})
