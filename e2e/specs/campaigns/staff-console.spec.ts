import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  expectNoSeriousA11yViolations,
  launchBrowser,
  newContext,
  screenshotPath,
} from '../../support/browser'
import { type Api, apiOf, DEMO_PASSWORD, signInApi } from '../../support/api'
import { CAMPAIGN_SCHEDULE_2027 } from '../../support/campaigns'

/**
 * A recognition campaign run from the staff console in a desktop-sized Chromium, the
 * 甘肃省总工会 admin signed in through the login page: nominate on behalf of the org (drawer),
 * review each nomination in its drawer at both levels (兰州 forwards, 甘肃 accepts), reveal a
 * nominee's and an objector's full number (audited reads), advance each phase through the
 * overview tab's button and its confirm dialog, resolve an objection, name a juror, go on to
 * result publicity past the "jury scores missing" dialog, and announce in the results tab. The
 * juror (兰州市总工会 staff) signs in with a browser of their own, finds the duty on the home
 * page and scores one candidate of three; the winner, a member with an account, then finds the
 * honour on their home page. axe-core checks each staff screen on the way.
 *
 * The API is used only for data the console is not about: creating the campaign and a child
 * campaign at 兰州 (which makes review two-level), the member who will be nominated, the
 * workers' nominations and the nominees' consent, the objection and the ballots (the worker
 * pages are covered by campaign-flow.spec.ts), and reading the audit log.
 */
const GANSU_ADMIN = '13800000001'
const JUROR = '13800000002' // 兰州市总工会 staff, a member inside 甘肃省总工会's subtree
const JUROR_NAME = '兰州市总工会干部'
const PASSWORD = DEMO_PASSWORD
const suffix = String(Date.now()).slice(-5)
const CAMPAIGN_NAME = `E2E工作台评选${suffix}`
/** A member with an account, nominated by the org in the console: the winner. */
const STAR = { name: '陈志远', mobile: `1358${suffix}01`, password: 'E2e@star2026' }
/** Nominated by a worker through the public API. */
const WORKER_NOMINEES = [
  { name: '刘春梅', mobile: `1359${suffix}11` },
  { name: '马永强', mobile: `1359${suffix}12` },
]
const OBJECTOR_MOBILE = `1359${suffix}99`
const ALL_NOMINEES = [STAR.name, ...WORKER_NOMINEES.map((n) => n.name)]

/** Signs in through the login page, as staff do. */
const signInUi = async (page: Page, mobile: string, password = PASSWORD) => {
  await page.goto('/login')
  await page.getByLabel('手机号').fill(mobile)
  await page.getByLabel('密码').fill(password)
  await page.getByTestId('login-submit').click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}

/** The API of a context signed in through the login page: the same session the UI uses. */
const sessionApi = async (ctx: BrowserContext) => {
  const res = await ctx.request.get('/api/v1/auth/session')
  expect(res.status()).toBe(200)
  const session = (await res.json()) as {
    csrfToken: string
    grants: { orgId: string; orgName: string }[]
  }
  return { session, api: apiOf(ctx.request, session.csrfToken) }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Picks an option of the Ant Design Select labelled `label` inside `scope`, typing `search`
 * first for a searchable one. AntD draws its options outside the ARIA listbox (which holds
 * zero-sized copies), so the visible option is found by its class.
 */
const pickOption = async (
  page: Page,
  scope: Locator | Page,
  label: string,
  option: RegExp,
  search?: string,
) => {
  await scope
    .locator('.ant-select')
    .filter({ has: page.getByLabel(label, { exact: true }) })
    .click()
  if (search) await page.keyboard.type(search)
  const item = page.locator('.ant-select-item-option:visible', { hasText: option }).first()
  await item.waitFor()
  await item.click()
}

/**
 * Waits for the page's finite animations to end. AntD zooms a dialog in from where the click
 * was and slides a drawer in; a click that lands while it moves can miss its button.
 */
const settle = (p: Page) =>
  p.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  )

const schedule = CAMPAIGN_SCHEDULE_2027

let browser: Browser
let staffCtx: BrowserContext
let workerCtx: BrowserContext
let starCtx: BrowserContext
let jurorCtx: BrowserContext | undefined
let staff: Api
let worker: Api
let star: Api
/** The page a failed step leaves a screenshot of. */
let page: Page
let desk: Page
let campaignId = ''
let categoryId = ''
let lanzhouOrgId = ''
const screens: string[] = []

const check = async (p: Page, label: string) => {
  // A toast fading out (it leaves after 3 s) is a passing low-contrast state: check the screen
  // under it once it has gone.
  await expect.poll(() => p.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0)
  await settle(p)
  await expectNoSeriousA11yViolations(p, label)
  screens.push(label)
}

beforeAll(async () => {
  browser = await launchBrowser()
  staffCtx = await newContext(browser)
  workerCtx = await newContext(browser)
  starCtx = await newContext(browser)
  desk = await staffCtx.newPage()
  page = desk
  worker = (await signInApi(workerCtx.request, JUROR)).api
})

afterAll(async () => {
  await browser?.close()
})

// Each step builds on the one before: after a failure the rest are skipped, so the report
// names the step that broke rather than every step after it.
let failed = false
beforeEach((ctx) => {
  if (failed) ctx.skip()
})

// A failed step leaves a screenshot of the screen it was on in e2e/artifacts/.
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return
  failed = true
  if (page && !page.isClosed())
    await page.screenshot({
      path: screenshotPath(`staff-console-${ctx.task.name.slice(0, 40)}`),
      fullPage: true,
    })
})

/** Opens a tab of the campaign page. */
const openTab = async (name: string) => {
  await desk.getByRole('tab', { name }).click()
  await expect
    .poll(() => desk.getByRole('tab', { name }).getAttribute('aria-selected'))
    .toBe('true')
}

/**
 * Moves the campaign on to `phase` with the overview tab's button and its confirm dialog, and
 * waits for the button to offer the phase after it.
 */
const advanceTo = async (phase: string, next: string) => {
  await openTab('概览')
  await desk.getByRole('button', { name: `进入下一阶段：${phase}` }).click()
  const confirm = desk.getByRole('dialog').filter({ hasText: `确定进入「${phase}」阶段？` })
  await confirm.waitFor()
  await settle(desk)
  await confirm.getByRole('button', { name: '确定进入' }).click()
  await confirm.waitFor({ state: 'hidden' })
  await desk.getByRole('button', { name: `进入下一阶段：${next}` }).waitFor()
}

describe('a recognition campaign run from the staff console', () => {
  it('staff sign in through the login page and open a new campaign (set up through the API)', async () => {
    await signInUi(desk, GANSU_ADMIN)
    await desk.getByRole('heading', { level: 1, name: '工作台' }).waitFor()
    const signedIn = await sessionApi(staffCtx)
    staff = signedIn.api
    const gansu = signedIn.session.grants.find((g) => g.orgName === '甘肃省总工会')!
    const lanzhou = await worker<{ id: string; name: string }[]>(
      'GET',
      `/public/orgs?q=${encodeURIComponent('兰州市总工会')}`,
    )
    lanzhouOrgId = lanzhou.find((o) => o.name === '兰州市总工会')!.id
    // The member the org will nominate, with a password so they can sign in and see the honour.
    await staff('POST', '/members', { ...STAR, orgId: lanzhouOrgId })
    star = (await signInApi(starCtx.request, STAR.mobile, STAR.password)).api

    const c = await staff<{ id: string; categories: { id: string }[] }>('POST', '/campaigns', {
      orgId: gansu.orgId,
      name: CAMPAIGN_NAME,
      honourTitle: '陇原工匠',
      year: 2027,
      description: '端到端测试：工作台全流程',
      categories: [{ name: '技能工匠', honourCount: 1 }],
      schedule,
      rules: {
        eligibility: 'members',
        votesPerDay: 3,
        maxPerCandidatePerDay: 1,
        maxChoicesPerBallot: 2,
        hours: null,
        sealed: false,
        weights: { publicVote: 0.6, jury: 0.4 },
      },
      quotas: { minFrontLineShare: 0 },
      rubric: [{ key: 'skill', label: '技能水平', maxScore: 100 }],
      phaseMode: 'manual',
    })
    campaignId = c.id
    categoryId = c.categories[0]!.id
    // 兰州市总工会 runs a child campaign (left in draft): nominations of people employed there
    // are reviewed first at 兰州, then forwarded up to 甘肃, which accepts.
    await staff('POST', '/campaigns', {
      orgId: lanzhouOrgId,
      parentCampaignId: campaignId,
      name: `E2E兰州工匠初评${suffix}`,
      honourTitle: '陇原工匠',
      year: 2027,
      categories: [{ name: '技能工匠', honourCount: 1 }],
      schedule,
      phaseMode: 'manual',
    })
    await staff('POST', `/campaigns/${campaignId}/phase`, { to: 'nomination' })

    await desk.goto(`/campaigns/${campaignId}`)
    await desk.getByRole('heading', { level: 1, name: CAMPAIGN_NAME }).waitFor()
    await desk.getByTestId('phase-timeline').waitFor()
    await desk.getByRole('button', { name: '进入下一阶段：资格审核' }).waitFor()
    await check(desk, 'campaign overview (nomination)')
  })

  it('nominations: the org nominates a member in the drawer; workers nominate through the API', async () => {
    await openTab('推荐审核')
    await desk.getByRole('button', { name: '以组织名义推荐' }).click()
    const drawer = desk.getByRole('dialog').filter({ hasText: '以组织名义推荐 ·' })
    await drawer.getByRole('form', { name: '以组织名义推荐' }).waitFor()
    await settle(desk)
    await drawer.getByLabel('被推荐人姓名').fill(STAR.name)
    await drawer.getByLabel('被推荐人手机号').fill(STAR.mobile)
    await pickOption(desk, drawer, '工作单位', /^兰州市总工会（甘肃省总工会）$/, '兰州市总工会')
    await drawer.getByLabel('工种/岗位').fill('高级焊工')
    await drawer.getByLabel('工作年限（年）').fill('21')
    await drawer.getByRole('radio', { name: '是' }).check()
    await drawer
      .getByLabel('主要事迹')
      .fill('扎根焊接一线二十一年，主持攻克高压容器焊接变形难题，培养高级技师十二名。')
    await drawer.getByLabel('推荐理由').fill('技艺精湛，带徒有方，在全省焊工中有口皆碑。')
    await drawer
      .getByLabel('推荐信')
      .fill('甘肃省总工会推荐陈志远同志参评陇原工匠。该同志长期扎根一线，技术过硬，成绩突出。')
    await check(desk, 'org nomination drawer')
    await drawer.getByRole('button', { name: '提交推荐' }).click()
    await drawer.getByRole('status').getByText(`已推荐 ${STAR.name}`).waitFor()
    await drawer
      .getByRole('status')
      .getByRole('button', { name: /^关\s*闭$/ })
      .click()
    await drawer.waitFor({ state: 'hidden' })

    // Two more nominees from a worker (the worker pages are covered by campaign-flow.spec.ts).
    for (const n of WORKER_NOMINEES)
      await worker('POST', `/public/campaigns/${campaignId}/nominations`, {
        categoryId,
        nomineeName: n.name,
        nomineeMobile: n.mobile,
        employerOrgId: lanzhouOrgId,
        trade: '数控车工',
        years: 15,
        isFrontLine: true,
        achievements: '二十年扎根一线，完成多项关键零件国产化攻关。',
        reason: '技艺精湛，带徒有方',
      })
    // Each nominee consents through their link (the consent page is covered elsewhere).
    const all = await staff<{ items: { id: string; nomineeName: string }[] }>(
      'GET',
      `/campaigns/${campaignId}/nominations?pageSize=50`,
    )
    expect(all.items.map((n) => n.nomineeName).sort()).toEqual([...ALL_NOMINEES].sort())
    for (const n of all.items) {
      const d = await staff<{ consentUrl: string | null }>(
        'GET',
        `/campaigns/${campaignId}/nominations/${n.id}`,
      )
      const token = d.consentUrl!.split('/').pop()!
      const res = await workerCtx.request.post(
        `/api/v1/public/campaigns/nominations/consent/${token}`,
        { data: { decision: 'consent' } },
      )
      expect(res.status()).toBe(200)
    }
  })

  it('review: accept each nomination with a reason in its drawer, and reveal one full number', async () => {
    await advanceTo('资格审核', '候选人公示')
    await openTab('推荐审核')
    const table = desk.getByTestId('nominations-table')
    /** Opens a nomination's drawer and decides at its current level through the review form. */
    const decide = async (
      name: string,
      decision: '上报上级' | '通过',
      before?: () => Promise<void>,
    ) => {
      await table.getByRole('button', { name, exact: true }).click()
      const drawer = desk.getByRole('dialog', { name: `推荐详情：${name}` })
      const form = drawer.getByTestId('review-decision-form')
      await form.waitFor()
      await settle(desk)
      await drawer.getByText('兰州市总工会 → 甘肃省总工会').waitFor()
      // A lower level may only forward (or reject); the campaign's own org accepts.
      const accept = form.getByRole('radio', { name: '通过' })
      expect(await accept.isDisabled()).toBe(decision === '上报上级')
      await before?.()
      await form.getByRole('radio', { name: decision }).check()
      await pickOption(desk, form, '理由', /^符合条件$/)
      await form
        .getByLabel('备注')
        .fill(decision === '通过' ? '事迹属实，材料齐全' : '材料齐全，报上级审核')
      await form.getByRole('button', { name: `提交：${decision}` }).click()
      await drawer.waitFor({ state: 'hidden' })
      await desk.getByText('审核已提交').first().waitFor()
    }
    for (const name of ALL_NOMINEES) {
      // First level: 兰州市总工会 (the admin's grant at 甘肃 covers it) forwards.
      await decide(name, '上报上级', async () => {
        if (name !== STAR.name) return
        const drawer = desk.getByRole('dialog', { name: `推荐详情：${name}` })
        await drawer.getByText('单位推荐').waitFor()
        await drawer.getByText('甘肃省总工会推荐陈志远同志').waitFor()
        await check(desk, 'nomination drawer')
        // The full number is one click away, and each click is an audited read.
        await drawer
          .getByRole('button', { name: `查看${name}的完整号码（将记入审计日志）` })
          .click()
        await drawer.getByText(STAR.mobile, { exact: true }).waitFor()
      })
      // Top level: 甘肃省总工会 accepts; the nomination leaves the "submitted" list.
      await decide(name, '通过')
      await expect.poll(() => table.getByRole('button', { name, exact: true }).count()).toBe(0)
    }
    // The reveal left an audit record naming who read which nomination's number.
    const nominations = await staff<{ items: { id: string; nomineeName: string }[] }>(
      'GET',
      `/campaigns/${campaignId}/nominations?status=accepted&pageSize=50`,
    )
    expect(nominations.items).toHaveLength(3)
    const starNomination = nominations.items.find((n) => n.nomineeName === STAR.name)!
    const audit = await staff<{
      items: { targetId: string | null; actorName: string | null; summary: unknown }[]
    }>(
      'GET',
      `/audit?action=${encodeURIComponent('campaign.nomination.contact.read')}&pageSize=100`,
    )
    const read = audit.items.find((a) => a.targetId === starNomination.id)
    expect(read?.actorName).toBe('甘肃省总工会管理员')
    expect(JSON.stringify(read?.summary)).not.toContain(STAR.mobile)
  })

  it('publicity: an objection comes in (public API) and staff resolve it in the objections tab', async () => {
    await advanceTo('候选人公示', '投票')
    const candidates = await star<{ items: { id: string; name: string }[] }>(
      'GET',
      `/public/campaigns/${campaignId}/candidates?pageSize=50`,
    )
    expect(candidates.items.map((c) => c.name).sort()).toEqual([...ALL_NOMINEES].sort())
    const target = candidates.items.find((c) => c.name === WORKER_NOMINEES[0]!.name)!
    await worker('POST', `/public/campaigns/${campaignId}/objections`, {
      candidateId: target.id,
      contactName: '赵敏',
      contactMobile: OBJECTOR_MOBILE,
      reason: '该候选人的从业年限与实际情况不符，请核实。',
    })

    await openTab('异议处理')
    const resolve = desk.getByRole('button', { name: `处理 ${target.name}` })
    await resolve.waitFor()
    await desk.getByText('该候选人的从业年限与实际情况不符').first().waitFor()
    await check(desk, 'objections tab')
    // Staff may call the objector back: their number too is one audited click away.
    await desk.getByRole('button', { name: '查看赵敏的完整号码（将记入审计日志）' }).click()
    await desk.getByText(OBJECTOR_MOBILE, { exact: true }).waitFor()
    await resolve.click()
    const modal = desk.getByRole('dialog', { name: `处理对「${target.name}」的异议` })
    await modal.waitFor()
    await settle(desk)
    await modal.getByRole('radio', { name: '异议不成立' }).check()
    await modal.getByLabel('处理意见').fill('经核实，候选人从业年限属实，异议不成立。')
    await modal.getByRole('button', { name: /^处\s*理$/ }).click()
    await modal.waitFor({ state: 'hidden' })
    await desk.getByText('异议已处理').first().waitFor()
    // The open list is empty now; the resolved one is listed under its outcome.
    await expect.poll(() => resolve.count()).toBe(0)
    const open = await staff<{ total: number }>(
      'GET',
      `/campaigns/${campaignId}/objections?status=open`,
    )
    expect(open.total).toBe(0)
  })

  it('voting: ballots come in (worker API); staff close voting into the jury phase', async () => {
    await advanceTo('投票', '专家评审')
    const candidates = await star<{ items: { id: string; name: string }[] }>(
      'GET',
      `/public/campaigns/${campaignId}/candidates?pageSize=50`,
    )
    const id = (name: string) => candidates.items.find((c) => c.name === name)!.id
    const ballot = (api: Api, names: string[]) =>
      api('POST', `/public/campaigns/${campaignId}/ballots`, {
        clientKey: `e2e-${suffix}-${names.length}-${Math.random().toString(36).slice(2, 10)}`,
        candidateIds: names.map(id),
      })
    await ballot(worker, [STAR.name, WORKER_NOMINEES[0]!.name])
    await ballot(star, [STAR.name])
    await advanceTo('专家评审', '结果公示')
  })

  it('jury: staff name a juror in the jury tab', async () => {
    await openTab('专家评审')
    const card = desk.locator('.ant-card').filter({
      has: desk.getByRole('heading', { level: 2, name: '评审专家' }),
    })
    await pickOption(desk, card, '添加专家', new RegExp(`^${escape(JUROR_NAME)} · `), JUROR_NAME)
    await card.getByRole('button', { name: /添加$/ }).click()
    await desk.getByText('已添加评审专家').first().waitFor()
    await card.getByRole('cell', { name: JUROR_NAME, exact: true }).waitFor()
    await desk.getByText('已完成 0 / 3 份评分').waitFor()
    await check(desk, 'jury tab')
  })

  it('the juror finds the duty on the home page and scores one candidate only', async () => {
    jurorCtx = await newContext(browser)
    const juror = await jurorCtx.newPage()
    page = juror
    await signInUi(juror, JUROR)
    const duty = juror.getByRole('listitem').filter({ hasText: CAMPAIGN_NAME })
    await juror.getByRole('heading', { level: 2, name: '我的评审任务' }).waitFor()
    await duty.getByText('已评 0/3').waitFor()
    await check(juror, 'home with the jury card')
    await duty.getByRole('link', { name: '去评分' }).click()
    await juror.waitForURL(`**/campaigns/${campaignId}/jury`)
    await juror.getByRole('heading', { level: 1, name: '专家评分' }).waitFor()
    await juror.getByText('已评 0 / 3 名候选人').waitFor()
    // The campaign is 甘肃's and this juror's role is at 兰州: the way back is home, not a
    // campaign page that would answer "no permission".
    const crumbs = juror.getByRole('navigation').filter({ hasText: '专家评分' })
    expect(await crumbs.getByRole('link', { name: '首页' }).getAttribute('href')).toBe('/')
    expect(await crumbs.getByRole('link').count()).toBe(1)
    await check(juror, 'jury scoring page')
    const scoreCard = juror
      .getByTestId(/^jury-card-/)
      .filter({ has: juror.getByRole('heading', { level: 2, name: new RegExp(STAR.name) }) })
    await scoreCard.getByLabel('技能水平（满分 100）').fill('90')
    await scoreCard.getByLabel('评语（选填）').fill('技术全面，带徒成效显著。')
    await scoreCard.getByRole('button', { name: '保存评分' }).click()
    await scoreCard.getByText('已保存 90 分').waitFor()
    await juror.getByText('已评 1 / 3 名候选人').waitFor()
    page = desk
  })

  it('staff go on to result publicity past the "jury scores missing" dialog, with a reason', async () => {
    await openTab('概览')
    await desk.getByRole('button', { name: '进入下一阶段：结果公示' }).click()
    const confirm = desk.getByRole('dialog').filter({ hasText: '确定进入「结果公示」阶段？' })
    await confirm.waitFor()
    await settle(desk)
    await confirm.getByRole('button', { name: '确定进入' }).click()
    const gap = desk.getByRole('dialog', { name: '专家评分尚未完成' })
    await gap.waitFor()
    await settle(desk)
    await gap.getByText('还缺 2 份专家评分').waitFor()
    const who = gap.getByRole('list', { name: '未完成评分的专家' })
    expect(await who.getByRole('listitem').allInnerTexts()).toEqual([
      `${JUROR_NAME}：还有 2 位候选人未评`,
    ])
    const goOn = gap.getByRole('button', { name: '写明原因并进入结果公示' })
    expect(await goOn.isDisabled()).toBe(true)
    await check(desk, 'jury scores missing dialog')
    await gap.getByLabel('原因').fill('评审期已届满，专家因公出差无法继续评分，按现有评分公示。')
    await goOn.click()
    await gap.waitFor({ state: 'hidden' })
    await desk.getByRole('button', { name: '进入下一阶段：已公布' }).waitFor()
    const c = await staff<{ phase: string }>('GET', `/campaigns/${campaignId}`)
    expect(c.phase).toBe('result_publicity')
  })

  it('results: staff announce in the results tab; the winner, a member, sees the honour', async () => {
    await openTab('结果与统计')
    const ranking = desk.locator('.ant-card').filter({
      has: desk.getByRole('heading', { level: 2, name: '评选结果' }),
    })
    await ranking.getByText('技能工匠（名额 1）').waitFor()
    const starRow = ranking.getByRole('row').filter({ hasText: STAR.name })
    await starRow.getByText('拟当选').waitFor()
    // The two unscored candidates are named, since their missing scores count as 0.
    await ranking.getByText(/2 名候选人（.+）还没有专家评分/).waitFor()
    await check(desk, 'results tab (result publicity)')
    await desk.getByRole('button', { name: '公布结果' }).click()
    const confirm = desk.getByRole('dialog').filter({ hasText: '确定公布评选结果？' })
    await confirm.waitFor()
    await settle(desk)
    await confirm.getByRole('button', { name: '公布结果' }).click()
    await confirm.waitFor({ state: 'hidden' })
    await desk.getByText('结果已公布').first().waitFor()
    await ranking.getByText(/^已于 .+ 公布$/).waitFor()
    expect(await desk.getByRole('button', { name: '公布结果' }).count()).toBe(0)
    await check(desk, 'results tab (announced)')

    const results = await staff<{
      announcedAt: string | null
      categories: { rows: { candidateId: string; isWinner: boolean }[] }[]
    }>('GET', `/campaigns/${campaignId}/results`)
    expect(results.announcedAt).not.toBeNull()
    expect(results.categories[0]!.rows.filter((r) => r.isWinner)).toHaveLength(1)

    // The winner is a member: their home page lists the honour.
    // Their own browser: the API session above set up data only.
    const home = await (await newContext(browser)).newPage()
    page = home
    await signInUi(home, STAR.mobile, STAR.password)
    await home.getByRole('heading', { level: 2, name: '我的荣誉' }).waitFor()
    const honour = home.getByRole('listitem').filter({ hasText: CAMPAIGN_NAME })
    await honour.getByText('陇原工匠', { exact: true }).waitFor()
    await honour.getByText('2027年').waitFor()
    await honour.getByText('类别：技能工匠').waitFor()
    expect(await honour.getByRole('link', { name: CAMPAIGN_NAME }).getAttribute('href')).toBe(
      `/c/${campaignId}/results`,
    )
    await check(home, 'home with the honours card')
    // The juror's duty is over: the card says so and offers no way to score.
    const jurorHome = await jurorCtx!.newPage()
    page = jurorHome
    await jurorHome.goto('/')
    const duty = jurorHome.getByRole('listitem').filter({ hasText: CAMPAIGN_NAME })
    await duty.getByText('专家评审阶段已结束，不能再评分。').waitFor()
    expect(await duty.getByRole('link', { name: '去评分' }).count()).toBe(0)
    page = desk
    expect(screens.length).toBeGreaterThanOrEqual(11)
  })
})
