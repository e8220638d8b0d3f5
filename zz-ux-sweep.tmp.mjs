import { launch, phone, audit, shot, print, CAMP, NOMCAMP } from './zz-ux-lib.tmp.mjs'
const b = await launch()
const { ctx, page } = await phone(b)
const urls = ['/w/new','/w/mine','/w/wall','/w/claims',`/c/${CAMP}`,`/c/${CAMP}/vote`,`/c/${NOMCAMP}/nominate`,'/m/login?next=%2Fw%2Fnew','/m/register?next=%2Fw%2Fnew','/s', `/c/${CAMP}/candidates`]
for (const u of urls) {
  await page.goto(u, { waitUntil: 'networkidle' })
  await page.waitForTimeout(500)
  const name = 'out' + u.replace(/[^a-z0-9]+/gi, '_').slice(0, 60)
  const a = await audit(page, u)
  a.shot = await shot(page, name)
  a.links = await page.evaluate(() => [...document.querySelectorAll('a')].map(a => `${a.innerText.trim().slice(0,20)} -> ${a.getAttribute('href')}`))
  a.text = (await page.innerText('body')).slice(0, 600)
  print(a)
}
await b.close()
