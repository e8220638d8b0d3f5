#!/usr/bin/env node
// Checks that the web app's locale files have the same key set.
// Usage: node scripts/check-i18n.mjs  (exit 1 and a list of differences when they don't)
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const LOCALE_DIR = join(root, 'apps/web/src/locales')
export const LOCALES = ['zh-CN', 'en']

/** Flattens nested messages into dotted keys: { a: { b: 'x' } } -> ['a.b']. */
export const flattenKeys = (messages, prefix = '') => {
  const keys = []
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      keys.push(...flattenKeys(value, path))
    } else {
      keys.push(path)
    }
  }
  return keys
}

/** Keys each locale is missing compared with the others: { en: ['a.b'], 'zh-CN': [] }. */
export const diffKeys = (byLocale) => {
  const sets = Object.fromEntries(
    Object.entries(byLocale).map(([locale, messages]) => [locale, new Set(flattenKeys(messages))]),
  )
  const all = new Set(Object.values(sets).flatMap((s) => [...s]))
  const missing = {}
  for (const [locale, set] of Object.entries(sets)) {
    missing[locale] = [...all].filter((k) => !set.has(k)).sort()
  }
  return missing
}

const main = () => {
  const byLocale = {}
  for (const locale of LOCALES) {
    const file = join(LOCALE_DIR, `${locale}.json`)
    try {
      byLocale[locale] = JSON.parse(readFileSync(file, 'utf8'))
    } catch (e) {
      console.error(`i18n: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`)
      process.exit(1)
    }
  }
  const missing = diffKeys(byLocale)
  const problems = Object.entries(missing).filter(([, keys]) => keys.length > 0)
  if (problems.length === 0) {
    const count = flattenKeys(byLocale[LOCALES[0]]).length
    console.log(`i18n: ${LOCALES.join(', ')} have the same ${count} keys`)
    return
  }
  for (const [locale, keys] of problems) {
    console.error(`i18n: ${locale}.json is missing ${keys.length} key(s):`)
    for (const key of keys) console.error(`  - ${key}`)
  }
  process.exit(1)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main()
