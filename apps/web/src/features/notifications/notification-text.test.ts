import { WISH_NOTIFICATION_KINDS } from '@unionhall/contracts'
import { describe, expect, it } from 'vitest'
import en from '../../locales/en.json'
import zh from '../../locales/zh-CN.json'

const textOf = (resources: unknown, kind: string): unknown =>
  `notifications.kinds.${kind}`
    .split('.')
    .reduce<unknown>(
      (node, part) => (node as Record<string, unknown> | undefined)?.[part],
      resources,
    )

describe('notification texts', () => {
  it('words every wish notification kind the server sends, in Chinese and English', () => {
    const missing = WISH_NOTIFICATION_KINDS.flatMap((kind) =>
      [zh, en].flatMap((r, i) => (typeof textOf(r, kind) === 'string' ? [] : [`${i}:${kind}`])),
    )
    expect(missing).toEqual([])
    expect(textOf(zh, 'wish.auto_confirmed')).toContain('{{days}}')
  })
})
