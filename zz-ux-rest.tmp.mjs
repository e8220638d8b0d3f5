import { launch, phone, audit, shot, print, CAMP, throttle } from './zz-ux-lib.tmp.mjs'
const STATION = '01a22f7a-a847-796a-a94a-a06c151a0844'
const b = await launch()
const R = (o) => print(o)
const brief = (a) => ({ label: a.label, axe: a.axe, overflow: a.overflow, wide: a.wide, small: a.small, h1: a.h1, logs: a.logs.filter(l => !l.includes('tile.openstreetmap') && !l.includes('ERR_NAME_NOT_RESOLVED')) })
// stations
{
  const { ctx, page } = await phone(b, { geolocation: { latitude: 22.7207, longitude: 114.2466 }, permissions: ['geolocation'] })
  try {
    await page.goto('/s', { waitUntil: 'networkidle' })
    await page.getByRole('button', { name: /使用我的位置/ }).click()
    await page.waitForTimeout(2500)
    R({ nearest: (await page.innerText('body')).slice(0, 1500) })
    await shot(page, 'st01_nearest')
    R(brief(await audit(page, 'stations nearest')))
    for (const q of ['能热饭', '24小时']) {
      const box = page.getByRole('searchbox').or(page.getByLabel('想找什么？')).first()
      await box.fill(q); await box.press('Enter'); await page.waitForTimeout(2500)
      R({ q, text: (await page.innerText('body')).slice(0, 1200), url: page.url() })
      await shot(page, 'st02_search_' + (q === '能热饭' ? 'reheat' : '24h'))
      R(brief(await audit(page, 'search ' + q)))
    }
    const first = page.locator('a[href^="/s/"]').first()
    R({ stationLinks: await page.locator('a[href^="/s/"]').count() })
    await first.click(); await page.waitForTimeout(2500)
    R({ station: page.url(), text: (await page.innerText('body')).slice(0, 1800) })
    await shot(page, 'st03_station_page')
    R(brief(await audit(page, 'station page')))
    await page.getByRole('button', { name: '大字' }).click(); await page.waitForTimeout(400)
    R(brief(await audit(page, 'station page large')))
    await shot(page, 'st04_station_large', false)
    await page.goto('/s', { waitUntil: 'networkidle' }); await page.waitForTimeout(800)
    R(brief(await audit(page, 'stations large')))
    await shot(page, 'st05_stations_large', false)
    await page.getByRole('button', { name: 'English' }).click(); await page.waitForTimeout(800)
    R({ en: (await page.innerText('body')).slice(0, 1200) })
    R(brief(await audit(page, 'stations large en')))
    await shot(page, 'st06_stations_large_en')
  } catch (e) { console.log('ERR stations', e.message); await shot(page, 'st_err') }
  await ctx.close()
}
// wishes as worker 1
{
  const { ctx, page } = await phone(b)
  try {
    await page.goto('/m/login?next=%2Fw%2Fnew%3FstationId%3D' + STATION, { waitUntil: 'networkidle' })
    await page.getByLabel('手机号').fill('13620760001'); await page.getByLabel('密码').fill('Demo@2026')
    await page.getByRole('button', { name: '登录', exact: true }).click()
    await page.waitForURL(/\/w\/new/); await page.waitForTimeout(1500)
    R({ form: (await page.innerText('body')).slice(0, 1500) })
    await shot(page, 'w01_new_form')
    R(brief(await audit(page, 'wish new')))
    R({ fields: await page.evaluate(() => [...document.querySelectorAll('input,textarea,select')].map(i => `${i.tagName} ${i.type} id=${i.id} label=${i.labels?.[0]?.innerText||i.getAttribute('aria-label')||''}`)) })
    // empty submit
    const submit = page.locator('form button[type=submit]').first()
    await submit.click(); await page.waitForTimeout(500)
    R({ emptyErrors: await page.locator('.cp-error').allInnerTexts() })
    await shot(page, 'w02_new_errors')
    // type title/description then reload
    const ta = page.locator('textarea').first()
    const ti = page.locator('form input:not([type=radio]):not([type=checkbox]):not([type=file])').first()
    await ti.fill('想要一个保温饭盒'); await ta.fill('中午在工地吃饭，饭菜很快就凉了，想要一个保温饭盒。')
    await page.reload({ waitUntil: 'networkidle' }); await page.waitForTimeout(1000)
    R({ afterReloadVals: await page.evaluate(() => [...document.querySelectorAll('input,textarea')].map(i => i.value).filter(Boolean)) })
  } catch (e) { console.log('ERR wish', e.message); await shot(page, 'w_err') }
  await ctx.storageState({ path: '/tmp/ux/w1.json' })
  await ctx.close()
}
await b.close()
