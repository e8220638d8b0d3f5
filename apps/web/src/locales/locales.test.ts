import { describe, expect, it } from 'vitest'
// The same check `npm run i18n:check` runs in CI.
import { diffKeys, flattenKeys } from '../../../../scripts/check-i18n.mjs'
import en from './en.json'
import zhCN from './zh-CN.json'

describe('locale files', () => {
  it('have the same key set', () => {
    expect(diffKeys({ 'zh-CN': zhCN, en })).toEqual({ 'zh-CN': [], en: [] })
  })

  it('name keys <feature>.<screen>.<element> (at least three levels, except app/nav/common)', () => {
    const shallow = flattenKeys(zhCN).filter(
      (k) => k.split('.').length < 3 && !/^(app|nav|common|validation|errors|notFound)\./.test(k),
    )
    expect(shallow).toEqual([])
  })

  it('reports the keys a locale is missing', () => {
    const diff = diffKeys({ 'zh-CN': { a: { b: '1', c: '2' } }, en: { a: { b: '1' }, d: 'x' } })
    expect(diff).toEqual({ 'zh-CN': ['d'], en: ['a.c'] })
  })
})
