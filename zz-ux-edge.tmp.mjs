import { launch, phone, audit, shot, print, smsSince, logMark } from './zz-ux-lib.tmp.mjs'
const b = await launch()
const { ctx, page } = await phone(b)
const R = (o) => print(o)
const focusInfo = () => page.evaluate(() => { const a = document.activeElement; return `${a.tagName} id=${a.id} text=${(a.innerText||a.value||'').slice(0,30)}` })
try {
  await page.goto('/m/register?next=%2Fw%2Fnew', { waitUntil: 'networkidle' })
  // existing mobile
  await page.getByLabel('手机号').fill('13620760001')
  await page.getByRole('button', { name: '获取验证码' }).click()
  await page.waitForTimeout(1500)
  R({ existing: await page.getByRole('alert').allInnerTexts().catch(() => []), status: await page.getByRole('status').allInnerTexts(), btn: await page.locator('form button.cp-btn-block').first().innerText() })
  await shot(page, 'e01_existing_mobile', false)
  // spaced / +86 paste
  for (const v of ['136 2076 0099', '+8613620760099', '136-2076-0099', '１３６２０７６００９９']) {
    await page.getByLabel('手机号').fill('')
    await page.getByLabel('手机号').focus()
    await page.evaluate((v) => navigator.clipboard ? null : null, v)
    await page.keyboard.insertText(v)
    R({ typed: v, value: await page.getByLabel('手机号').inputValue() })
  }
  await page.getByRole('button', { name: '注册', exact: true }).click(); await page.waitForTimeout(500)
  R({ afterSpaced: await page.locator('.cp-error').allInnerTexts() })
  await page.goto('/m/register?next=%2Fw%2Fnew', { waitUntil: 'networkidle' })
  // reload mid-way
  const M = '1378' + String(Date.now()).slice(-7)
  await page.getByLabel('姓名').fill('赵大爷')
  await page.getByLabel('手机号').fill(M)
  let mark = logMark()
  await page.getByRole('button', { name: '获取验证码' }).click(); await page.waitForTimeout(1500)
  await page.reload({ waitUntil: 'networkidle' })
  R({ afterReload: await page.evaluate(() => [...document.querySelectorAll('input')].map(i => i.value)), btn: await page.locator('form button.cp-btn-block').first().innerText() })
  await page.getByLabel('手机号').fill(M)
  await page.getByRole('button', { name: '获取验证码' }).click(); await page.waitForTimeout(1500)
  R({ resendAfterReload: await page.getByRole('alert').allInnerTexts(), status: await page.getByRole('status').allInnerTexts(), btn: await page.locator('form button.cp-btn-block').first().innerText() })
  await shot(page, 'e02_resend_after_reload', false)
  // does the first code still work?
  const code1 = smsSince(M, mark)
  R({ code1, all: (await import('node:fs')).readFileSync('/tmp/ux/server.log','utf8').slice(mark).match(new RegExp('sms:console\\] to ' + M + '[^"]*', 'g')) })
  // countdown: sample the button text each 5s for 65s, also aria-live
  const samples = []
  for (let i = 0; i < 14; i++) { samples.push(await page.locator('form button.cp-btn-block').first().innerText()); await page.waitForTimeout(5000) }
  R({ samples })
  mark = logMark()
  await page.getByRole('button', { name: '获取验证码' }).click(); await page.waitForTimeout(1500)
  R({ resend2: await page.getByRole('alert').allInnerTexts(), status: await page.getByRole('status').allInnerTexts(), code2: smsSince(M, mark) })
  await shot(page, 'e03_resend_after_60', false)
} catch (e) { console.log('ERR', e.message); await shot(page, 'e_err') }
await b.close()
