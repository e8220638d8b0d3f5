import { describe, expect, it } from 'vitest'
import en from '../../../locales/en.json'
import zh from '../../../locales/zh-CN.json'
import { AUDIT_ACTIONS } from './audit-keys'

const labelOf = (resources: unknown, action: string): unknown =>
  `audit.actions.${action}`
    .split('.')
    .reduce<unknown>(
      (node, part) => (node as Record<string, unknown> | undefined)?.[part],
      resources,
    )

describe('audit action labels', () => {
  it('labels every action the server records, in Chinese and English', () => {
    const unlabelled = AUDIT_ACTIONS.flatMap((a) =>
      [zh, en].flatMap((r, i) => (typeof labelOf(r, a) === 'string' ? [] : [`${i}:${a}`])),
    )
    expect(unlabelled).toEqual([])
    expect(labelOf(zh, 'station.check-in')).toBe('驿站签到')
  })
})
