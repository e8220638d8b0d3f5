import { readFileSync } from 'node:fs'
import path from 'node:path'

const zh = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../apps/web/src/locales/zh-CN.json'), 'utf8'),
) as Record<string, unknown>

/** A zh-CN locale text as written, {{placeholders}} and all. */
export const rawText = (key: string): string => {
  const value = key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], zh)
  if (typeof value !== 'string') throw new Error(`no zh-CN text for ${key}`)
  return value
}

/** zh-CN UI text straight from the locale file, so a spec checks the words users read. */
export const text = (key: string, vars: Record<string, string | number> = {}) =>
  rawText(key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    if (!(name in vars)) throw new Error(`${key} needs {{${name}}}`)
    return String(vars[name])
  })
