import { launch, phone, audit, shot, print, CAMP, NOMCAMP, throttle } from './zz-ux-lib.tmp.mjs'
const STATION = '01a22f7a-a847-796a-a94a-a06c151a0844'
const b = await launch()
const R = (o) => print(o)
const brief = (a) => ({ label: a.label, axe: a.axe, overflow: a.overflow, wide: a.wide, small: a.small, logs: a.logs.filter(l => !l.includes('tile.openstreetmap') && !l.includes('ERR_NAME_NOT_RESOLVED')) })
const login = async (page, m, next) => {
  await page.goto('/m/login?next=' + encodeURIComponent(next), { waitUntil: 'networkidle' })
  await page.getByLabel('手机号').fill(m); await page.getByLabel('密码').fill('Demo@2026')
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await page.waitForTimeout(2000)
}
// worker1 posts a wish
{
  const { ctx, page } = await phone(b)
  try {
    await login(page, '13620760001', '/w/new?stationId=' + STATION)
    await page.getByLabel('心愿内容').fill('想要一个保温饭盒')
    await page.getByLabel('类别').selectOption({ label: '生活用品' })
    await page.getByLabel('希望在哪天之前实现').fill('2026-12-20')
    await page.locator('form button[type=submit]').first().click()
    await page.waitForTimeout(2500)
    R({ posted: page.url(), text: (await page.innerText('body')).slice(0, 700) })
    await shot(page, 'w03_posted')
    R(brief(await audit(page, 'after post')))
    await page.goto('/w/mine', { waitUntil: 'networkidle' }); await page.waitForTimeout(800)
    R({ mine: (await page.innerText('body')).slice(0, 900) }); await shot(page, 'w04_mine')
    R(brief(await audit(page, 'mine')))
    await page.goto('/w/claims', { waitUntil: 'networkidle' }); await page.waitForTimeout(800)
    R({ claims: (await page.innerText('body')).slice(0, 500) }); await shot(page, 'w05_claims')
    R(brief(await audit(page, 'claims')))
    await page.getByRole('button', { name: '大字' }).click(); await page.goto('/w/mine', { waitUntil: 'networkidle' }); await page.waitForTimeout(800)
    R(brief(await audit(page, 'mine large'))); await shot(page, 'w06_mine_large', false)
  } catch (e) { console.log('ERR w1', e.message); await shot(page, 'w1_err') }
  await ctx.close()
}
// volunteer claims a wish
{
  const { ctx, page } = await phone(b)
  try {
    await login(page, '13620760011', '/w/wall?stationId=' + STATION)
    R({ wall: page.url() })
    await page.getByRole('button', { name: '我来认领' }).first().click(); await page.waitForTimeout(800)
    R({ claimForm: (await page.innerText('main').catch(() => page.innerText('body'))).slice(0, 1500) })
    await shot(page, 'w07_claim_form')
    R(brief(await audit(page, 'claim form')))
    R({ fields: await page.evaluate(() => [...document.querySelectorAll('input,textarea,select')].map(i => `${i.tagName} ${i.type} label=${i.labels?.[0]?.innerText||i.getAttribute('aria-label')||''} val=${i.value}`)) })
  } catch (e) { console.log('ERR claim', e.message); await shot(page, 'claim_err') }
  await ctx.close()
}
// campaign pages as wuwei voter (storage)
{
  const { ctx, page } = await phone(b, { storageState: '/tmp/ux/wuwei-state.json' })
  try {
    for (const u of [`/c/${CAMP}/receipts`, `/c/${CAMP}/candidates/01a22f7a-a82e-7af5-84d5-91a1aeab90f0`, `/c/${CAMP}`]) {
      await page.goto(u, { waitUntil: 'networkidle' }); await page.waitForTimeout(800)
      R({ u, text: (await page.innerText('body')).slice(0, 800) })
      await shot(page, 'c_' + u.split('/').slice(3).join('_').slice(0, 30))
      R(brief(await audit(page, u)))
    }
    // receipts lookup with bad code
    await page.goto(`/c/${CAMP}/receipts`, { waitUntil: 'networkidle' })
    R({ receiptInputs: await page.evaluate(() => [...document.querySelectorAll('input')].map(i => `${i.type} label=${i.labels?.[0]?.innerText||''}`)) })
  } catch (e) { console.log('ERR camp', e.message); await shot(page, 'camp_err') }
  await ctx.close()
}
// nominate: register link comes back? large text register with employer chosen
{
  const { ctx, page } = await phone(b)
  try {
    await page.goto(`/c/${NOMCAMP}/nominate`, { waitUntil: 'networkidle' })
    await page.getByRole('button', { name: '大字' }).click()
    await page.getByRole('link', { name: '注册会员账号' }).click(); await page.waitForTimeout(1200)
    R({ regUrl: page.url() })
    await page.getByLabel('所在单位工会').fill('龙岗区建筑行业工联会'); await page.waitForTimeout(1500)
    await page.locator('.cp-org-results button').first().click(); await page.waitForTimeout(300)
    R(brief(await audit(page, 'register large employer chosen'))); await shot(page, 'n01_register_large_employer', false)
    await page.getByRole('button', { name: 'English' }).click(); await page.waitForTimeout(500)
    R(brief(await audit(page, 'register large en employer'))); await shot(page, 'n02_register_large_en', false)
    R({ enText: (await page.innerText('form')).slice(0, 400) })
  } catch (e) { console.log('ERR nom', e.message); await shot(page, 'nom_err') }
  await ctx.close()
}
// slow network: wall and /s and register employer search
{
  const { ctx, page } = await phone(b)
  try {
    await throttle(page)
    for (const u of [`/w/wall?stationId=${STATION}`, '/s', `/c/${CAMP}/candidates`]) {
      const t0 = Date.now(); await page.goto(u, { waitUntil: 'commit' })
      const snaps = []
      for (let i = 0; i < 24; i++) { await page.waitForTimeout(500); snaps.push(`${Date.now()-t0}ms: ${(await page.evaluate(() => document.body?.innerText || '')).replace(/\n+/g,' ').slice(0,70)}`) ; if (i > 3 && snaps[i] && snaps[i].split(': ')[1] === snaps[i-1].split(': ')[1] && !snaps[i].includes('加载')) break }
      R({ u, snaps })
    }
    await page.goto('/m/register', { waitUntil: 'networkidle' })
    await page.getByLabel('所在单位工会').fill('龙岗')
    const snaps = []; const t0 = Date.now()
    for (let i = 0; i < 12; i++) { await page.waitForTimeout(300); snaps.push(`${Date.now()-t0}ms: ${(await page.locator('.cp-field').nth(1).innerText()).replace(/\n+/g,' ').slice(0,90)}`) }
    R({ slowEmployer: snaps })
    await page.getByLabel('所在单位工会').fill('龙岗区建')
    await page.waitForTimeout(700); await shot(page, 'slow_employer_stale', false)
    R({ staleResults: await page.locator('.cp-org-results button').allInnerTexts() })
  } catch (e) { console.log('ERR slow', e.message) }
  await ctx.close()
}
await b.close()
