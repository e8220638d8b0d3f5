import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ERROR_MESSAGES } from './messages'

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return sources(p)
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : []
  })

/** Every literal code the server throws: `new AppError('CODE', …)`, on one line or several. */
const thrownCodes = () => {
  const codes = new Set<string>()
  for (const file of sources(SRC))
    for (const m of readFileSync(file, 'utf8').matchAll(/new AppError\(\s*'([A-Z][A-Z0-9_]+)'/g))
      codes.add(m[1]!)
  return [...codes].sort()
}

describe('error messages', () => {
  it('has a Chinese and an English message for every error code the server throws', () => {
    const codes = thrownCodes()
    // The scan itself works: it finds codes of the platform, core and every module.
    expect(codes).toEqual(
      expect.arrayContaining([
        'VALIDATION_FAILED',
        'ACCESS_DENIED',
        'CAMPAIGN_WRONG_PHASE',
        'STATION_FULL',
        'WISH_CLAIM_OWN',
      ]),
    )
    const missing = codes.filter((c) => !ERROR_MESSAGES[c]?.['zh-CN'] || !ERROR_MESSAGES[c]?.en)
    expect(missing).toEqual([])
  })
})
