import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { inject } from 'vitest'

/**
 * Debian's Chromium (apt-get install chromium); npm browser downloads are not possible here.
 * The background-networking flags stop Chromium calling home on a closed network.
 */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })

export const baseURL = () => inject('baseURL')

export const newContext = (
  browser: Browser,
  options: {
    mobile?: boolean
    locale?: string
    /** A phone other than the default 390×844, e.g. a small Android at 375×740. */
    viewport?: { width: number; height: number }
  } = {},
): Promise<BrowserContext> =>
  browser.newContext({
    baseURL: baseURL(),
    locale: options.locale ?? 'zh-CN',
    viewport:
      options.viewport ??
      (options.mobile ? { width: 390, height: 844 } : { width: 1366, height: 900 }),
    isMobile: options.mobile ?? false,
    hasTouch: options.mobile ?? false,
  })

/** Runs axe-core and fails on any serious or critical violation, listing each one. */
export const expectNoSeriousA11yViolations = async (page: Page, label: string) => {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  if (bad.length > 0) {
    const detail = bad
      .map(
        (v) =>
          `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join('\n    ')}`,
      )
      .join('\n')
    throw new Error(`axe found ${bad.length} serious/critical violations on ${label}:\n${detail}`)
  }
  return results
}

export const screenshotPath = (name: string) =>
  path.resolve(import.meta.dirname, '../artifacts', `${name}.png`)
