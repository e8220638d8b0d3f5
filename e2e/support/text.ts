import { readFileSync } from 'node:fs'
import path from 'node:path'

const zh = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../apps/web/src/locales/zh-CN.json'), 'utf8'),
) as Record<string, unknown>

const lookUp = (key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], zh)

/** A zh-CN locale text as written, {{placeholders}} and all. */
export const rawText = (key: string): string => {
  const value = lookUp(key)
  if (typeof value !== 'string') throw new Error(`no zh-CN text for ${key}`)
  return value
}

/**
 * The key i18next reads for `count`: a text with plural forms is stored as key_one / key_other
 * (zh-CN uses only _other, but keeps _one beside it for the checks of the English file).
 */
const pluralKey = (key: string, vars: Record<string, string | number>) => {
  if (typeof lookUp(key) === 'string' || !('count' in vars)) return key
  return `${key}_other`
}

/** zh-CN UI text straight from the locale file, so a spec checks the words users read. */
export const text = (key: string, vars: Record<string, string | number> = {}) =>
  rawText(pluralKey(key, vars)).replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    if (!(name in vars)) throw new Error(`${key} needs {{${name}}}`)
    return String(vars[name])
  })
