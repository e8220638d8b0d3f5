import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  expectNoSeriousA11yViolations,
  launchBrowser,
  newContext,
  screenshotPath,
} from '../../support/browser'
import { type Api, signInApi } from '../../support/api'
import { CAMPAIGN_SCHEDULE_2027 } from '../../support/campaigns'

/**
 * A recognition campaign end to end, the worker side on a phone-sized Chromium: a member
 * nominates on /c/<id>/nominate, the nominee consents through their link, staff review and
 * publish candidates, the member objects during publicity, votes during voting (receipt,
 * limits), watches the leaderboard, and reads the results after the announcement. Staff steps
 * go through the staff API with the signed-in staff session (cookie + x-csrf-token); the staff
 * console itself is driven by staff-console.spec.ts.
 */
const GANSU_ADMIN = '13800000001'
const WORKER = '13800000002' // 兰州市总工会, inside 甘肃省总工会's subtree
const suffix = String(Date.now()).slice(-5)

const schedule = CAMPAIGN_SCHEDULE_2027

let browser: Browser
let phone: BrowserContext
let staffCtx: BrowserContext
let staff: Api
let worker: Api
let page: Page
let campaignId = ''
let categoryId = ''
const screens: string[] = []

const check = async (label: string) => {
  await expectNoSeriousA11yViolations(page, label)
  screens.push(label)
  expect(await page.locator('h1').count()).toBe(1)
  expect(await page.locator('main').count()).toBe(1)
}

beforeAll(async () => {
  browser = await launchBrowser()
  staffCtx = await newContext(browser)
  phone = await newContext(browser, { mobile: true })
  const signedIn = await signInApi(staffCtx.request, GANSU_ADMIN)
  staff = signedIn.api
  const gansu = signedIn.session.grants.find((g) => g.orgName === '甘肃省总工会')!
  worker = (await signInApi(phone.request, WORKER)).api
  const c = await staff<{ id: string; categories: { id: string }[] }>('POST', '/campaigns', {
    orgId: gansu.orgId,
    name: `E2E陇原工匠评选${suffix}`,
    honourTitle: '陇原工匠',
    year: 2027,
    description: '端到端测试评选',
    categories: [{ name: '技能工匠', honourCount: 2 }],
    schedule,
    rules: {
      eligibility: 'members',
      votesPerDay: 3,
      maxPerCandidatePerDay: 1,
      maxChoicesPerBallot: 2,
      hours: null,
      sealed: false,
      weights: { publicVote: 1, jury: 0 },
    },
    quotas: { minFrontLineShare: 0 },
    rubric: [{ key: 'skill', label: '技能水平', maxScore: 100 }],
    phaseMode: 'manual',
  })
  campaignId = c.id
  categoryId = c.categories[0]!.id
  await staff('POST', `/campaigns/${campaignId}/phase`, { to: 'nomination' })
  page = await phone.newPage()
})

afterAll(async () => {
  await browser?.close()
})

// A failed step leaves a screenshot of the phone screen in e2e/artifacts/.
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page && !page.isClosed())
    await page.screenshot({
      path: screenshotPath(`campaign-flow-${ctx.task.name.slice(0, 40)}`),
      fullPage: true,
    })
})

const advance = (to: string) => staff('POST', `/campaigns/${campaignId}/phase`, { to })

describe('recognition campaign on the worker pages', () => {
  const nominationIds: string[] = []

  it('home shows the phase in words and the nomination entry', async () => {
    await page.goto(`/c/${campaignId}`)
    await page.getByRole('heading', { level: 1, name: `E2E陇原工匠评选${suffix}` }).waitFor()
    expect(await page.getByText(/提名进行中，截止 1 月 11 日 08:00/).count()).toBe(1)
    await check('campaign home (nomination)')
    // Large text and language switches are on every page.
    await page.getByRole('button', { name: '大字' }).click()
    expect(await page.locator('.cp-root.cp-large').count()).toBe(1)
    await page.getByRole('button', { name: '大字' }).click()
    await page.getByRole('link', { name: '我要提名' }).click()
    await page.getByRole('heading', { level: 1, name: '提名候选人' }).waitFor()
  })

  it('nominates with per-field messages, then explains consent', async () => {
    await page.getByRole('button', { name: '提交提名' }).click()
    await page.getByText(/有 \d+ 项需要修改/).waitFor()
    expect(await page.getByText('请填写这一项').count()).toBeGreaterThanOrEqual(5)
    await page.getByText('请搜索并点选被提名人所在的工会').waitFor()
    await check('nomination form with errors')
    await page.getByLabel('评选类别').selectOption(categoryId)
    await page.getByLabel('被提名人姓名').fill('王建国')
    await page.getByLabel('被提名人手机号').fill(`1391${suffix}01`)
    await page.getByLabel('工作单位（所在工会）').fill('兰州市总工会')
    await page
      .getByRole('button', { name: /^兰州市总工会/ })
      .first()
      .click()
    await page.getByLabel('岗位工种').fill('焊工')
    await page.getByLabel('从业年限（年）').fill('18')
    await page.getByRole('radio', { name: '是' }).check()
    await page.getByLabel('主要事迹').fill('带领班组攻克高压管道焊接难题，获全国技能大赛金奖。')
    await page.getByLabel('推荐理由').fill('技术过硬，甘于奉献')
    await page.getByRole('button', { name: '提交提名' }).click()
    await page.getByRole('heading', { level: 1, name: '提名已提交' }).waitFor()
    await page.getByText(/被提名人打开链接、确认公开的信息并同意后/).waitFor()
    await page.getByText('等待本人同意').first().waitFor()
    await check('nomination sent')

    const mine = await worker<{ id: string; nomineeName: string }[]>(
      'GET',
      `/public/campaigns/${campaignId}/nominations/mine`,
    )
    nominationIds.push(mine.find((n) => n.nomineeName === '王建国')!.id)
    // Two more nominees through the API, so the ballot has a choice.
    for (const [i, name] of ['李秀兰', '张海峰'].entries()) {
      const orgs = await worker<{ id: string; name: string }[]>(
        'GET',
        `/public/orgs?q=${encodeURIComponent('兰州市总工会')}`,
      )
      const n = await worker<{ id: string }>(
        'POST',
        `/public/campaigns/${campaignId}/nominations`,
        {
          categoryId,
          nomineeName: name,
          nomineeMobile: `1391${suffix}1${i}`,
          employerOrgId: orgs[0]!.id,
          trade: '数控车工',
          years: 12 + i,
          isFrontLine: true,
          achievements: '二十年扎根一线，完成多项关键零件国产化攻关。',
          reason: '技艺精湛，带徒有方',
        },
      )
      nominationIds.push(n.id)
    }
  })

  it('the nominee sees what will be published and consents', async () => {
    for (const [i, id] of nominationIds.entries()) {
      const d = await staff<{ consentUrl: string | null }>(
        'GET',
        `/campaigns/${campaignId}/nominations/${id}`,
      )
      const token = d.consentUrl!.split('/').pop()!
      if (i === 0) {
        const nominee = await phone.newPage()
        await nominee.goto(`/c/consent/${token}`)
        await nominee.getByRole('heading', { level: 1, name: '确认提名' }).waitFor()
        await nominee.getByText('同意后将公开以下信息').waitFor()
        expect(await nominee.getByText('带领班组攻克高压管道焊接难题').count()).toBe(1)
        const prev = page
        page = nominee
        await check('nominee consent')
        await nominee.getByRole('button', { name: '同意参加' }).click()
        await nominee.getByText('您已同意，提名已进入审核').waitFor()
        await nominee.close()
        page = prev
      } else {
        await phone.request.post(`/api/v1/public/campaigns/nominations/consent/${token}`, {
          data: { decision: 'consent' },
        })
      }
    }
  })

  it('staff review and publish the candidates (staff API)', async () => {
    await advance('review')
    for (const id of nominationIds) {
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
  })

  let candidateId = ''
  it('publicity: candidate list, profile with share and poster, objection', async () => {
    await page.goto(`/c/${campaignId}/candidates`)
    await page.getByText('共 3 位候选人').waitFor()
    await check('candidate list (publicity)')
    await page.getByRole('link', { name: /王建国/ }).click()
    await page.getByRole('heading', { level: 1, name: '王建国' }).waitFor()
    candidateId = page.url().split('/').pop()!
    expect(page.url()).toContain(`/c/${campaignId}/candidates/`)
    const poster = await page.getByRole('link', { name: '打印宣传海报' }).getAttribute('href')
    const svg = await phone.request.get(poster!)
    expect(svg.headers()['content-type']).toContain('image/svg+xml')
    await page.getByRole('button', { name: '分享给朋友' }).click()
    await check('candidate profile (publicity)')
    await page.getByRole('button', { name: '提交异议' }).click()
    await page.getByText('请填写这一项').first().waitFor()
    await page.getByLabel('您的姓名').fill('赵敏')
    await page.getByLabel('您的手机号').fill(`1370${suffix}99`)
    await page.getByLabel('异议内容').fill('该候选人的从业年限与实际情况不符，请核实。')
    await page.getByRole('button', { name: '提交异议' }).click()
    await page.getByText('异议已提交').waitFor()
    await check('objection filed')
  })

  let receiptCode = ''
  it('voting: choose up to the limit, confirm, get a receipt', async () => {
    await advance('voting')
    await page.goto(`/c/${campaignId}`)
    await page.getByText('投票进行中').first().waitFor()
    await page.getByRole('link', { name: '去投票' }).click()
    await page.getByText('共 3 位候选人').waitFor()
    await check('candidate list (voting)')
    await page.getByRole('checkbox', { name: /王建国/ }).check()
    await page.getByRole('checkbox', { name: /李秀兰/ }).check()
    expect(await page.getByRole('checkbox', { name: /张海峰/ }).isDisabled()).toBe(true)
    await page.getByText('已选 2 / 2 位').waitFor()
    await page.getByRole('button', { name: '下一步：确认投票' }).click()
    await page.getByRole('heading', { level: 1, name: '确认投票' }).waitFor()
    await page.getByText('您今天还能投 3 票').waitFor()
    await check('vote confirm')
    await page.getByRole('button', { name: '确认投票（2 票）' }).click()
    await page.getByRole('heading', { level: 1, name: '投票成功' }).waitFor()
    receiptCode = (await page.locator('output.cp-receipt-code').innerText()).trim()
    expect(receiptCode).toMatch(/^[0-9A-Z]{26}$/)
    await check('vote receipt')
  })

  it('a second vote for the same candidate today is not offered, and says why', async () => {
    await page.getByRole('link', { name: '返回候选人列表' }).click()
    // Known from today's receipts: the card says so instead of offering a box to tick.
    const card = page.locator('li', { has: page.getByRole('heading', { name: /王建国/ }) })
    await card.getByText('今天已投过').waitFor()
    expect(await card.getByRole('checkbox').count()).toBe(0)
    await check('candidate list, per-candidate limit reached')
  })

  it('my receipts, receipt look-up and the live leaderboard', async () => {
    await page.goto(`/c/${campaignId}/receipts`)
    await page.getByText(receiptCode).first().waitFor()
    await check('my receipts')
    await page.getByLabel('投票凭证号').fill(receiptCode.toLowerCase())
    await page.getByRole('button', { name: '查询' }).click()
    await page.getByText('找到了这张选票').waitFor()
    await check('receipt look-up')
    await page.goto(`/c/${campaignId}/leaderboard`)
    await page.getByText('每 10 秒自动刷新').waitFor()
    await page.getByText('1 票').first().waitFor()
    await check('leaderboard')
  })

  it('result publicity shows the proposed winners; staff resolve the objection, then announce', async () => {
    await advance('jury')
    await advance('result_publicity')
    await page.goto(`/c/${campaignId}`)
    await page.getByRole('link', { name: '查看拟当选名单（公示中）' }).click()
    await page.getByRole('heading', { level: 1, name: '评选结果' }).waitFor()
    await page.getByText(/结果公示中：以下为拟当选名单/).waitFor()
    expect(await page.getByRole('link', { name: '王建国' }).count()).toBe(1)
    await check('results under public review')
    // The objection filed during publicity must be decided before the honours are recorded.
    const open = await staff<{ items: { id: string }[] }>(
      'GET',
      `/campaigns/${campaignId}/objections?status=open`,
    )
    expect(open.items.length).toBeGreaterThan(0)
    for (const o of open.items)
      await staff('POST', `/campaigns/${campaignId}/objections/${o.id}/resolve`, {
        status: 'dismissed',
        resolution: '经核实，候选人事迹属实，异议不成立',
      })
  })

  it('after the announcement, the results page lists the winners', async () => {
    await staff('POST', `/campaigns/${campaignId}/announce`)
    await page.goto(`/c/${campaignId}`)
    await page.getByText('评选结果已公布').first().waitFor()
    await page.getByRole('link', { name: '查看评选结果' }).click()
    await page.getByRole('heading', { level: 1, name: '评选结果' }).waitFor()
    await page.getByText('技能工匠（2 名）').waitFor()
    expect(await page.getByRole('link', { name: '王建国' }).count()).toBe(1)
    await page.getByText('经复核作废选票 0 张，未计入结果').waitFor()
    await check('results')
    expect(screens.length).toBeGreaterThanOrEqual(14)
    expect(candidateId).not.toBe('')
  })
})
