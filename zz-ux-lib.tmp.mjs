import { chromium } from 'playwright-core'
import AxeBuilder from '@axe-core/playwright'
import fs from 'node:fs'
export const BASE = 'http://localhost:4630'
export const CAMP = '01a22f7a-a828-78a5-9318-6c8219f0cedd'
export const NOMCAMP = '01a22f7a-a805-76ae-967c-d8165bb06119'
export async function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--no-first-run'] })
}
export async function phone(browser, extra = {}) {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, locale: 'zh-CN', deviceScaleFactor: 2, baseURL: BASE, ...extra })
  const page = await ctx.newPage()
  page._logs = []
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') page._logs.push(`[${m.type()}] ${m.text()}`) })
  page.on('pageerror', (e) => page._logs.push(`[pageerror] ${e.message}`))
  page.on('requestfailed', (r) => page._logs.push(`[reqfailed] ${r.url()} ${r.failure()?.errorText}`))
  page.on('response', (r) => { if (r.status() >= 400) page._logs.push(`[http ${r.status()}] ${r.request().method()} ${r.url()}`) })
  return { ctx, page }
}
export async function throttle(page) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: 400 * 1024 / 8, uploadThroughput: 400 * 1024 / 8 })
  return cdp
}
export async function audit(page, label) {
  const out = { label, url: page.url() }
  try {
    const r = await new AxeBuilder({ page }).withTags(['wcag2a','wcag2aa','wcag21a','wcag21aa']).analyze()
    out.axe = r.violations.filter(v => ['serious','critical'].includes(v.impact)).map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0,5).map(n => n.target.join(' ') + ' :: ' + (n.failureSummary||'').slice(0,200)) }))
    out.axeMinor = r.violations.filter(v => !['serious','critical'].includes(v.impact)).map(v => v.id + ':' + v.nodes.length)
  } catch (e) { out.axeErr = String(e) }
  Object.assign(out, await page.evaluate(() => {
    const de = document.documentElement
    const small = []
    for (const el of document.querySelectorAll('a,button,input,select,textarea,summary,[role=button],[role=link],[tabindex]')) {
      const r = el.getBoundingClientRect()
      if (r.width === 0 && r.height === 0) continue
      const cs = getComputedStyle(el)
      if (cs.visibility === 'hidden' || cs.display === 'none') continue
      if (el.type === 'hidden') continue
      if (r.height < 44 || r.width < 44) small.push(`${el.tagName.toLowerCase()}${el.type ? '['+el.type+']' : ''} "${(el.innerText || el.getAttribute('aria-label') || el.value || el.name || '').trim().slice(0,30)}" ${Math.round(r.width)}x${Math.round(r.height)}`)
    }
    const wide = []
    if (de.scrollWidth > de.clientWidth) {
      for (const el of document.querySelectorAll('body *')) { const r = el.getBoundingClientRect(); if (r.right > de.clientWidth + 1) wide.push(`${el.tagName.toLowerCase()}.${el.className} right=${Math.round(r.right)}`); if (wide.length > 6) break }
    }
    return { overflow: de.scrollWidth - de.clientWidth, small, wide, h1: [...document.querySelectorAll('h1')].map(h => h.innerText), title: document.title, lang: de.lang }
  }))
  out.logs = [...page._logs]; page._logs.length = 0
  return out
}
export async function shot(page, name, full = true) {
  const p = `/tmp/ux/shots/${name}.png`
  await page.screenshot({ path: p, fullPage: full })
  return p
}
export function smsSince(mobile, mark) {
  const log = fs.readFileSync('/tmp/ux/server.log', 'utf8').slice(mark)
  const re = new RegExp(`\\[sms:console\\] to ${mobile}:.*?(\\d{6})`, 'g')
  let m, last = null
  while ((m = re.exec(log))) last = m[1]
  return last
}
export function logMark() { return fs.statSync('/tmp/ux/server.log').size }
export function print(o) { console.log(JSON.stringify(o, null, 1)) }
