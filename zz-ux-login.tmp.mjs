import { launch, phone, audit, shot, print, smsSince, logMark, CAMP, NOMCAMP } from './zz-ux-lib.tmp.mjs'
const MOBILE = process.argv[2]
const b = await launch()
const { ctx, page } = await phone(b)
const R = (o) => print(o)
const focusInfo = () => page.evaluate(() => { const a = document.activeElement; return `${a.tagName} id=${a.id} aria=${a.getAttribute('aria-label')||''} text=${(a.innerText||a.value||'').slice(0,30)}` })
try {
  // from /w/mine
  await page.goto('/w/mine', { waitUntil: 'networkidle' })
  await page.getByRole('link', { name: '登录', exact: true }).click()
  await page.waitForURL(/\/m\/login/)
  await page.waitForTimeout(300)
  // keyboard only
  const seq = []
  for (let i = 0; i < 9; i++) { await page.keyboard.press('Tab'); seq.push(await focusInfo()) }
  R({ tabSeq: seq })
  // wrong password via keyboard
  await page.getByLabel('手机号').focus()
  await page.keyboard.type(MOBILE)
  await page.keyboard.press('Tab'); await page.keyboard.type('wrongpass1')
  await page.keyboard.press('Enter')
  await page.waitForTimeout(1500)
  R({ wrongPw: await page.getByRole('alert').allInnerTexts(), focus: await focusInfo(), pwVal: await page.getByLabel('密码').inputValue() })
  await shot(page, 'l01_wrong_password', false)
  // repeated wrong attempts -> throttle?
  for (let i = 0; i < 6; i++) { await page.getByRole('button', { name: '登录', exact: true }).click(); await page.waitForTimeout(700) }
  R({ after7wrong: await page.getByRole('alert').allInnerTexts() })
  await shot(page, 'l02_many_wrong', false)
  // large text
  await page.getByRole('button', { name: '大字' }).click()
  await page.waitForTimeout(400)
  R({ largePressed: await page.getByRole('button', { name: '大字' }).getAttribute('aria-pressed') })
  R(await audit(page, 'login large'))
  await shot(page, 'l03_login_large', false)
  // English
  await page.getByRole('button', { name: 'English' }).click()
  await page.waitForTimeout(600)
  R({ en: await page.innerText('body'), lang: await page.evaluate(() => document.documentElement.lang), title: await page.title() })
  R(await audit(page, 'login english large'))
  await shot(page, 'l04_login_en_large', false)
  // go to register in English
  await page.getByRole('link', { name: /Register/ }).click()
  await page.waitForTimeout(800)
  await page.getByRole('button', { name: 'Register', exact: true }).click()
  await page.waitForTimeout(300)
  R({ regEn: await page.innerText('body') })
  await page.getByLabel('Employer union').fill('龙岗')
  await page.waitForTimeout(1500)
  await shot(page, 'l05_register_en_large')
  R(await audit(page, 'register english large'))
  // back to login and sign in correctly
  await page.goBack(); await page.waitForTimeout(800)
  R({ backUrl: page.url(), mobileKept: await page.getByLabel('Mobile number').inputValue().catch(e => 'n/a') })
  await page.getByLabel('Mobile number').fill(MOBILE)
  await page.getByLabel('Password').fill('Worker@2026')
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page.waitForTimeout(2500)
  R({ afterLogin: page.url(), text: (await page.innerText('body')).slice(0, 400) })
  await shot(page, 'l06_after_login_en', false)
  // now sign out? find a sign out control
  R({ signOutCtl: await page.evaluate(() => [...document.querySelectorAll('a,button')].map(e => e.innerText.trim()).filter(Boolean)) })
  R({ logs: page._logs.filter(l => !l.includes('401')) })
} catch (e) { console.log('ERR', e.message); await shot(page, 'l_err') }
await b.close()
