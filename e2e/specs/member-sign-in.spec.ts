import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoSeriousA11yViolations, launchBrowser, newContext } from '../support/browser'
import { serverLogMark, smsCodeSince } from '../support/sms'
import { text } from '../support/text'

/**
 * A worker who must sign in on the way (here: to post a wish) registers and signs in on the
 * worker bundle's own pages (/m/register, /m/login), at 360×640, and comes back to the page that
 * asked; then forgets the password and resets it with an SMS code. Nothing of the console's AntD
 * bundle is downloaded on the way: on a 400 kbps phone that bundle took about twelve seconds
 * before the form appeared.
 */
const PHONE = { width: 360, height: 640 }
const suffix = String(Date.now()).slice(-6)
const MOBILE = `1377${suffix}3`
const PASSWORD = 'Worker@2026'
const NEW_PASSWORD = 'Remembered@2027'
const NAME = '王小工'
const EMPLOYER = '龙岗区建筑行业工联会'

let browser: Browser
let ctx: BrowserContext
let page: Page
/** Every script the phone downloaded, for the check that AntD never came. */
const scripts: string[] = []

const check = async (label: string) => {
  await expectNoSeriousA11yViolations(page, label)
  expect(await page.locator('h1').count()).toBe(1)
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow, `${label}: page is wider than the screen`).toBeLessThanOrEqual(0)
}

beforeAll(async () => {
  browser = await launchBrowser()
  ctx = await newContext(browser, { mobile: true, viewport: PHONE })
  page = await ctx.newPage()
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname)
  })
})

afterAll(async () => {
  await ctx?.close()
  await browser?.close()
})

describe('member registration and sign-in on the worker pages', () => {
  it('registers from the wish form and comes back to it signed in', async () => {
    await page.goto('/w/new')
    await page.getByText(text('wishesPublic.post.signInHint')).waitFor()
    await page.getByRole('link', { name: text('wishesPublic.common.register') }).click()
    await page.waitForURL((u) => u.pathname === '/m/register' && u.search.includes('next='))
    await page.getByRole('heading', { level: 1, name: text('auth.register.title') }).waitFor()
    await check('registration, empty')

    // Nothing filled: each field says what it needs; nothing is sent.
    await page.getByRole('button', { name: text('auth.register.submit'), exact: true }).click()
    await page.getByText(text('auth.worker.fixErrors', { count: 5 })).waitFor()
    await page.getByText(text('auth.worker.employerRequired')).waitFor()
    await check('registration, errors')

    await page.getByLabel(text('auth.register.name')).fill(NAME)
    await page.getByLabel(text('auth.register.employer')).fill('建筑行业工联会')
    await page
      .getByRole('button', { name: new RegExp(EMPLOYER) })
      .first()
      .click()
    await page.getByText(EMPLOYER, { exact: true }).waitFor()
    await page.getByLabel(text('auth.register.mobile')).fill(MOBILE)
    const mark = serverLogMark()
    await page.getByRole('button', { name: text('auth.register.sendCode') }).click()
    await page.getByText(text('auth.worker.codeSentTo', { mobile: MOBILE })).waitFor()
    const code = await smsCodeSince(MOBILE, mark)
    await page.getByLabel(text('auth.register.code')).fill(code)
    await page.getByLabel(text('auth.register.password')).fill(PASSWORD)
    await page.getByRole('button', { name: text('auth.register.submit'), exact: true }).click()

    await page.waitForURL((u) => u.pathname === '/w/new')
    await page.getByLabel(text('wishesPublic.post.titleLabel')).waitFor()
    expect(await page.getByText(text('wishesPublic.post.signInHint')).count()).toBe(0)
  })

  it('signs in again after signing out, past a wrong password, back to my wishes', async () => {
    await ctx.clearCookies()
    await page.goto('/w/mine')
    await page.getByText(text('wishesPublic.mine.signInHint')).waitFor()
    await page.getByRole('link', { name: text('wishesPublic.common.signIn') }).click()
    await page.waitForURL((u) => u.pathname === '/m/login')
    await page.getByRole('heading', { level: 1, name: text('auth.login.title') }).waitFor()

    await page.getByLabel(text('auth.login.mobile')).fill(MOBILE)
    await page.getByLabel(text('auth.login.password'), { exact: true }).fill('not-my-password')
    await page.getByRole('button', { name: text('auth.login.submit'), exact: true }).click()
    await page.getByRole('alert').getByText(text('errors.AUTH_INVALID_CREDENTIALS')).waitFor()
    await check('sign-in, wrong password')

    // Large text: the form still fits the phone's width.
    await page.getByRole('button', { name: text('campaignsPublic.shell.largeText') }).click()
    await check('sign-in, large text')
    // In English on a 320 px phone, the bar's first word ("UnionHall") stays on one line (it broke
    // as "UnionHal / l"), and the bar scrolls away rather than holding a fifth of the screen.
    await page.setViewportSize({ width: 320, height: 640 })
    await page.getByRole('button', { name: text('campaignsPublic.shell.switchLanguage') }).click()
    const backToChinese = page.locator('.cp-bar-tool[lang="zh-CN"]')
    await backToChinese.waitFor()
    const bar = await page.evaluate(() => {
      const title = document.querySelector('.cp-bar-title')
      const node = title?.firstChild
      if (!title || !node || node.nodeType !== Node.TEXT_NODE) return null
      const word = /^\S+/.exec(node.textContent ?? '')?.[0] ?? ''
      const range = document.createRange()
      range.setStart(node, 0)
      range.setEnd(node, word.length)
      const header = title.closest('header')
      return {
        word,
        lines: new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size,
        position: header ? getComputedStyle(header).position : '',
      }
    })
    expect(bar).toEqual({ word: 'UnionHall', lines: 1, position: 'static' })
    await check('sign-in, large English text at 320 px')
    await backToChinese.click()
    await page.setViewportSize(PHONE)

    await page.getByLabel(text('auth.login.password'), { exact: true }).fill(PASSWORD)
    await page.getByRole('button', { name: text('auth.login.submit'), exact: true }).click()
    await page.waitForURL((u) => u.pathname === '/w/mine')
    await page.getByText(text('wishesPublic.mine.empty')).waitFor()
    // Sign-in went back to the page that asked: Back now leaves it, instead of showing it twice.
    await page.goBack()
    await page.waitForURL((u) => u.pathname !== '/w/mine' && u.pathname !== '/m/login')
  })

  it('forgot the password: resets it with an SMS code and comes back signed in', async () => {
    await ctx.clearCookies()
    await page.goto('/w/claims')
    await page.getByRole('link', { name: text('wishesPublic.common.signIn') }).click()
    await page.waitForURL((u) => u.pathname === '/m/login')
    // The number typed on the sign-in page goes along to the reset page.
    await page.getByLabel(text('auth.login.mobile')).fill(MOBILE)
    await page.getByRole('link', { name: text('auth.worker.forgotLink') }).click()
    await page.waitForURL((u) => u.pathname === '/m/reset' && u.search.includes('next='))
    await page.getByRole('heading', { level: 1, name: text('auth.worker.resetTitle') }).waitFor()
    expect(await page.getByLabel(text('auth.login.mobile')).inputValue()).toBe(MOBILE)
    await check('reset password')

    const mark = serverLogMark()
    await page.getByRole('button', { name: text('auth.register.sendCode') }).click()
    await page.getByText(text('auth.worker.codeSentTo', { mobile: MOBILE })).waitFor()
    await page.getByLabel(text('auth.register.code')).fill(await smsCodeSince(MOBILE, mark))
    await page.getByLabel(text('auth.worker.newPassword')).fill(NEW_PASSWORD)
    await page.getByRole('button', { name: text('auth.worker.resetSubmit') }).click()
    await page.waitForURL((u) => u.pathname === '/w/claims')
    await page.getByRole('heading', { level: 1, name: text('wishesPublic.claims.title') }).waitFor()
    expect(await page.getByText(text('wishesPublic.claims.signInHint')).count()).toBe(0)

    // The old password no longer works; the new one does.
    const oldOne = await page.request.post('/api/v1/auth/login', {
      data: { mobile: MOBILE, password: PASSWORD },
    })
    expect(oldOne.status()).toBe(401)
  })

  it('never downloaded the AntD bundle', () => {
    expect(scripts.length).toBeGreaterThan(0)
    expect(scripts.filter((s) => /\/antd-[^/]*\.js$/.test(s))).toEqual([])
  })
})
