import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  expectNoSeriousA11yViolations,
  launchBrowser,
  newContext,
  screenshotPath,
} from '../../support/browser'
import { signInApi } from '../../support/api'
import { CAMPAIGN_SCHEDULE_2027 } from '../../support/campaigns'
import { serverLogMark, smsCodeSince } from '../../support/sms'
import { rawText, text } from '../../support/text'

/**
 * A campaign that lets any SMS-verified mobile vote, seen by a worker with no account on a
 * small phone (375×740): campaign home, candidate list and search, a profile, the mobile check
 * with the code the console SMS provider printed to the server log (a wrong code first), two
 * ballots with receipts, "my receipts" and the look-up, then the day's limit. Part of it runs
 * with the pages' large-text mode on. Setup (campaign, nominations, review, phases) goes
 * through the staff and member APIs, as in campaign-flow.spec.ts.
 */
const GANSU_ADMIN = '13800000001'
const NOMINATOR = '13800000002' // a member of 兰州市总工会, who nominates the candidates
const suffix = String(Date.now()).slice(-5)
const VOTER_MOBILE = `1397${suffix}21` // no account: SMS voters need none
const CAMPAIGN_NAME = `E2E短信投票评选${suffix}`
const NOMINEES = ['王建国', '李秀兰', '张海峰', '赵丽华']

/** A locale text whose {{numbers}} may be any number (a countdown), as a pattern. */
const numbersPattern = (key: string) =>
  new RegExp(
    rawText(key)
      .split(/\{\{\w+\}\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\d+'),
  )

const schedule = CAMPAIGN_SCHEDULE_2027
const VOTES_PER_DAY = 3
const MAX_CHOICES = 2

let browser: Browser
let phone: BrowserContext
let page: Page
let campaignId = ''
const screens: string[] = []

/** axe, one h1 and one main, and nothing wider than the phone (no sideways scrolling). */
const check = async (label: string) => {
  await expectNoSeriousA11yViolations(page, label)
  screens.push(label)
  expect(await page.locator('h1').count()).toBe(1)
  expect(await page.locator('main').count()).toBe(1)
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow, `${label}: page is wider than the screen`).toBeLessThanOrEqual(0)
}

beforeAll(async () => {
  browser = await launchBrowser()
  const staffCtx = await newContext(browser)
  const memberCtx = await newContext(browser)
  const signedIn = await signInApi(staffCtx.request, GANSU_ADMIN)
  const staff = signedIn.api
  const gansu = signedIn.session.grants.find((g) => g.orgName === '甘肃省总工会')!
  const member = (await signInApi(memberCtx.request, NOMINATOR)).api

  const c = await staff<{ id: string; categories: { id: string }[] }>('POST', '/campaigns', {
    orgId: gansu.orgId,
    name: CAMPAIGN_NAME,
    honourTitle: '陇原工匠',
    year: 2027,
    description: '端到端测试：凭手机号验证码投票',
    categories: [{ name: '技能工匠', honourCount: 2 }],
    schedule,
    rules: {
      eligibility: 'sms',
      votesPerDay: VOTES_PER_DAY,
      maxPerCandidatePerDay: 1,
      maxChoicesPerBallot: MAX_CHOICES,
      hours: null,
      sealed: false,
      weights: { publicVote: 1, jury: 0 },
    },
    quotas: { minFrontLineShare: 0 },
    rubric: [{ key: 'skill', label: '技能水平', maxScore: 100 }],
    phaseMode: 'manual',
  })
  campaignId = c.id
  const categoryId = c.categories[0]!.id
  const advance = (to: string) => staff('POST', `/campaigns/${campaignId}/phase`, { to })

  // Candidates come from nominations: nominate, consent, review, then publish.
  await advance('nomination')
  const orgs = await member<{ id: string }[]>(
    'GET',
    `/public/orgs?q=${encodeURIComponent('兰州市总工会')}`,
  )
  const ids: string[] = []
  for (const [i, name] of NOMINEES.entries()) {
    const n = await member<{ id: string }>('POST', `/public/campaigns/${campaignId}/nominations`, {
      categoryId,
      nomineeName: name,
      nomineeMobile: `1391${suffix}3${i}`,
      employerOrgId: orgs[0]!.id,
      trade: ['焊工', '数控车工', '电工', '钳工'][i],
      years: 10 + i,
      isFrontLine: true,
      achievements: '扎根一线多年，完成多项关键工艺攻关。',
      reason: '技艺精湛，带徒有方',
    })
    ids.push(n.id)
  }
  for (const id of ids) {
    const d = await staff<{ consentUrl: string | null }>(
      'GET',
      `/campaigns/${campaignId}/nominations/${id}`,
    )
    const token = d.consentUrl!.split('/').pop()!
    const r = await memberCtx.request.post(
      `/api/v1/public/campaigns/nominations/consent/${token}`,
      { data: { decision: 'consent' } },
    )
    expect(r.status()).toBe(200)
  }
  await advance('review')
  for (const id of ids) {
    for (let step = 0; step < 6; step++) {
      try {
        await staff('POST', `/campaigns/${campaignId}/nominations/${id}/review`, {
          decision: 'accept',
          reason: 'meets_criteria',
        })
        break
      } catch (e) {
        if (!String(e).includes('NOMINATION_REVIEW_LEVEL')) throw e
        await staff('POST', `/campaigns/${campaignId}/nominations/${id}/review`, {
          decision: 'forward',
          reason: 'meets_criteria',
        })
      }
    }
  }
  await advance('publicity')
  await advance('voting')
  await staffCtx.close()
  await memberCtx.close()

  // The worker: a small phone, no account, no cookies.
  phone = await newContext(browser, { mobile: true, viewport: { width: 375, height: 740 } })
  page = await phone.newPage()
})

afterAll(async () => {
  await browser?.close()
})

// A failed step leaves a screenshot of the phone screen in e2e/artifacts/.
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page && !page.isClosed())
    await page.screenshot({
      path: screenshotPath(`sms-vote-${ctx.task.name.slice(0, 40)}`),
      fullPage: true,
    })
})

const largeTextOn = async (on: boolean) => {
  const button = page.getByRole('button', { name: text('campaignsPublic.shell.largeText') })
  if ((await button.getAttribute('aria-pressed')) !== String(on)) await button.click()
  expect(await page.locator('.cp-root.cp-large').count()).toBe(on ? 1 : 0)
}

describe('voting by SMS-verified mobile on the worker pages', () => {
  it('home says voting is open and that a mobile number is all it takes', async () => {
    await page.goto(`/c/${campaignId}`)
    await page.getByRole('heading', { level: 1, name: CAMPAIGN_NAME }).waitFor()
    await page.getByText(text('campaignsPublic.rules.smsVoters'), { exact: true }).waitFor()
    await page.getByText(text('campaignsPublic.rules.perDay', { count: VOTES_PER_DAY })).waitFor()
    await check('campaign home (sms voting)')
  })

  it('browses and searches the candidate list, then opens a profile', async () => {
    await page.getByRole('link', { name: text('campaignsPublic.home.vote') }).click()
    await page.getByText(text('campaignsPublic.candidates.count', { count: 4 })).waitFor()
    await page.getByText(text('campaignsPublic.vote.howTo', { count: MAX_CHOICES })).waitFor()
    for (const name of NOMINEES)
      expect(await page.getByRole('link', { name: new RegExp(name) }).count()).toBe(1)
    await check('candidate list (sms voting)')

    await page.getByLabel(text('campaignsPublic.candidates.search')).fill('秀兰')
    await page.getByRole('button', { name: text('common.search') }).click()
    await page.getByText(text('campaignsPublic.candidates.count', { count: 1 })).waitFor()
    expect(page.url()).toContain('q=')
    expect(await page.getByRole('link', { name: /李秀兰/ }).count()).toBe(1)
    expect(await page.getByRole('link', { name: /王建国/ }).count()).toBe(0)
    await check('candidate search')

    await page.getByLabel(text('campaignsPublic.candidates.search')).fill('')
    await page.getByRole('button', { name: text('common.search') }).click()
    await page.getByText(text('campaignsPublic.candidates.count', { count: 4 })).waitFor()
    await page.getByRole('link', { name: /王建国/ }).click()
    await page.getByRole('heading', { level: 1, name: '王建国' }).waitFor()
    expect(page.url()).toContain(`/c/${campaignId}/candidates/`)
    await check('candidate profile (sms voting)')
  })

  it('in large text: chooses on the profile and is asked to confirm the mobile', async () => {
    await largeTextOn(true)
    await page
      .getByRole('checkbox', { name: text('campaignsPublic.vote.choose', { name: '王建国' }) })
      .check()
    await page
      .getByText(text('campaignsPublic.vote.selected', { count: 1, max: MAX_CHOICES }))
      .waitFor()
    await check('candidate profile, chosen (large text)')
    await page.getByRole('link', { name: text('campaignsPublic.vote.next') }).click()
    await page
      .getByRole('heading', { level: 1, name: text('campaignsPublic.vote.title') })
      .waitFor()
    await page
      .getByRole('heading', { level: 2, name: text('campaignsPublic.verify.title') })
      .waitFor()
    expect(await page.locator('.cp-root.cp-large').count()).toBe(1)
    // Not verified yet: the ballot cannot be sent.
    expect(
      await page
        .getByRole('button', { name: text('campaignsPublic.vote.submit', { count: 1 }) })
        .isDisabled(),
    ).toBe(true)
    await check('vote page, mobile check (large text)')
  })

  it('a wrong code is refused in words; the code from the SMS lets the worker in', async () => {
    const mobile = page.getByRole('textbox', {
      name: text('campaignsPublic.verify.mobile'),
      exact: true,
    })
    const code = page.getByRole('textbox', {
      name: text('campaignsPublic.verify.code'),
      exact: true,
    })
    const submit = page.getByRole('button', { name: text('campaignsPublic.verify.submit') })

    await mobile.fill('1397')
    await page.getByRole('button', { name: text('campaignsPublic.verify.sendCode') }).click()
    await page.getByText(text('campaignsPublic.nominate.errors.mobile')).waitFor()

    await mobile.fill(VOTER_MOBILE)
    const mark = serverLogMark()
    await page.getByRole('button', { name: text('campaignsPublic.verify.sendCode') }).click()
    await page.getByRole('status').getByText(text('campaignsPublic.verify.sent')).waitFor()
    const sent = await smsCodeSince(VOTER_MOBILE, mark)
    expect(sent).toMatch(/^\d{6}$/)
    // The resend button counts down instead of sending again at once.
    await page
      .getByRole('button', { name: numbersPattern('campaignsPublic.verify.resendIn') })
      .waitFor()

    await submit.click()
    await page.getByText(text('campaignsPublic.verify.codeInvalid')).waitFor()

    const wrong = String((Number(sent) + 1) % 1_000_000).padStart(6, '0')
    await code.fill(wrong)
    await submit.click()
    await page.getByRole('alert').getByText(text('errors.OTP_INVALID')).waitFor()
    await check('vote page, wrong code (large text)')

    await code.fill(sent)
    await submit.click()
    await page
      .getByText(text('campaignsPublic.limits.leftToday', { count: VOTES_PER_DAY }))
      .waitFor()
    expect(
      await page.getByRole('heading', { name: text('campaignsPublic.verify.title') }).count(),
    ).toBe(0)
    await check('vote page, verified (large text)')
  })

  let firstReceipt = ''
  it('adds a second choice on the list, casts the ballot and gets a receipt', async () => {
    await page.getByRole('link', { name: text('campaignsPublic.vote.change') }).click()
    await page.getByText(text('campaignsPublic.candidates.count', { count: 4 })).waitFor()
    expect(
      await page
        .getByRole('checkbox', { name: text('campaignsPublic.vote.chosen', { name: '王建国' }) })
        .isChecked(),
    ).toBe(true)
    await page
      .getByRole('checkbox', { name: text('campaignsPublic.vote.choose', { name: '李秀兰' }) })
      .check()
    await page
      .getByText(text('campaignsPublic.vote.selected', { count: 2, max: MAX_CHOICES }))
      .waitFor()
    // The ballot is full: the others cannot be ticked.
    expect(
      await page
        .getByRole('checkbox', { name: text('campaignsPublic.vote.choose', { name: '张海峰' }) })
        .isDisabled(),
    ).toBe(true)
    await check('candidate list, ballot full (large text)')
    await page.getByRole('button', { name: text('campaignsPublic.vote.next') }).click()
    await page
      .getByText(text('campaignsPublic.vote.chosenTitle', { count: 2, max: MAX_CHOICES }))
      .waitFor()
    await page
      .getByRole('button', { name: text('campaignsPublic.vote.submit', { count: 2 }) })
      .click()
    await page
      .getByRole('heading', { level: 1, name: text('campaignsPublic.vote.doneTitle') })
      .waitFor()
    firstReceipt = (await page.locator('output.cp-receipt-code').innerText()).trim()
    expect(firstReceipt).toMatch(/^[0-9A-Z]{26}$/)
    await page.getByText('王建国、李秀兰').waitFor()
    await check('vote receipt (large text)')
  })

  it('finds the ballot on "my receipts" and by looking the code up', async () => {
    await page.getByRole('link', { name: text('campaignsPublic.home.myReceipts') }).click()
    await page
      .getByRole('heading', { level: 1, name: text('campaignsPublic.receipt.mineTitle') })
      .waitFor()
    await page.getByText(firstReceipt).waitFor()
    await check('my receipts (large text)')

    // A mistyped code: said in words, and the long code wraps on the small screen.
    const last = firstReceipt.at(-1) === '0' ? '1' : '0'
    const mistyped = `${firstReceipt.slice(0, -1)}${last}`
    await page.getByLabel(text('campaignsPublic.receipt.code')).fill(mistyped)
    await page.getByRole('button', { name: text('campaignsPublic.receipt.lookup') }).click()
    await page
      .getByRole('alert')
      .getByText(text('campaignsPublic.receipt.notFound', { code: mistyped }))
      .waitFor()
    await check('receipt look-up, not found (large text)')
    await page.getByRole('link', { name: text('campaignsPublic.receipt.lookupAnother') }).click()

    await largeTextOn(false)
    await page.getByLabel(text('campaignsPublic.receipt.code')).fill(firstReceipt.toLowerCase())
    await page.getByRole('button', { name: text('campaignsPublic.receipt.lookup') }).click()
    await page.getByText(text('campaignsPublic.receipt.found')).waitFor()
    expect((await page.locator('output.cp-receipt-code').innerText()).trim()).toBe(firstReceipt)
    await check('receipt look-up')
  })

  it("uses the day's last vote, then the page says plainly that today's votes are used", async () => {
    await page.goto(`/c/${campaignId}/candidates`)
    await page
      .getByRole('checkbox', { name: text('campaignsPublic.vote.choose', { name: '张海峰' }) })
      .check()
    await page.getByRole('button', { name: text('campaignsPublic.vote.next') }).click()
    await page.getByText(text('campaignsPublic.limits.leftToday', { count: 1 })).waitFor()
    await page
      .getByRole('button', { name: text('campaignsPublic.vote.submit', { count: 1 }) })
      .click()
    await page
      .getByRole('heading', { level: 1, name: text('campaignsPublic.vote.doneTitle') })
      .waitFor()
    const second = (await page.locator('output.cp-receipt-code').innerText()).trim()
    expect(second).not.toBe(firstReceipt)

    // The list no longer offers a vote the server would refuse: no box to tick, the reason said.
    await page.getByRole('link', { name: text('campaignsPublic.vote.again') }).click()
    const limit = text('campaignsPublic.limits.dailyUsed', {
      count: VOTES_PER_DAY,
      next: text('campaignsPublic.limits.tomorrow', { start: '0:00' }),
    })
    await page.getByText(limit).first().waitFor()
    await page.getByText(text('campaignsPublic.limits.noVotesLeft')).first().waitFor()
    expect(await page.getByRole('checkbox').count()).toBe(0)
    expect(
      await page.getByRole('button', { name: text('campaignsPublic.vote.next') }).count(),
    ).toBe(0)
    await check('candidate list, daily limit reached')

    // The vote page, reached directly, says the same and cannot send.
    await page.goto(`/c/${campaignId}/vote`)
    await page.getByRole('status').getByText(limit).waitFor()
    await check('vote page, daily limit reached')

    // Both ballots are on "my receipts".
    await page.goto(`/c/${campaignId}/receipts`)
    await page.getByText(second).waitFor()
    await page.getByText(firstReceipt).waitFor()
  })

  it('asks for the mobile again when the in-app browser dropped its cookies', async () => {
    // WeChat's browser may clear cookies (the httpOnly voter token) but keep localStorage.
    await phone.clearCookies()
    await page.goto(`/c/${campaignId}/vote`)
    await page
      .getByRole('heading', { level: 2, name: text('campaignsPublic.verify.title') })
      .waitFor()
    expect(await page.getByText(text('campaignsPublic.vote.verifyFirst')).count()).toBe(0)
    await check('vote page, voter cookie gone')
    await page.goto(`/c/${campaignId}/receipts`)
    await page.getByText(text('campaignsPublic.receipt.smsHint')).waitFor()
    await check('my receipts, voter cookie gone')
    expect(screens.length).toBeGreaterThanOrEqual(15)
  })
})
