import { describe, expect, it } from 'vitest'
import { controlCharacterAt } from './control-characters'

describe('controlCharacterAt', () => {
  it('finds NUL, ESC and DEL-free C0 controls, and names where', () => {
    expect(controlCharacterAt('a\u0000b', 'body')).toBe('body')
    expect(controlCharacterAt({ title: 'ok', description: 'x\u001by' }, 'body')).toBe(
      'body.description',
    )
    expect(controlCharacterAt({ items: [{ name: 'ok' }, { name: '\u0008' }] }, 'body')).toBe(
      'body.items.1.name',
    )
    expect(controlCharacterAt({ ['k\u0001']: 1 }, 'body')).toBe('body.k\u0001')
    expect(controlCharacterAt({ name: 'a\u0000' })).toBe('name')
  })

  it('lets tab, line breaks and ordinary text through', () => {
    expect(
      controlCharacterAt(
        { description: '第一行\n第二行\r\n\t缩进', name: '筑友驿站', n: 5, ok: true, none: null },
        'body',
      ),
    ).toBeNull()
    expect(controlCharacterAt(['\u007f', '\u200b'], 'body')).toBeNull()
  })

  it('stops at a depth no request body reaches', () => {
    let deep: unknown = 'a\u0000'
    for (let i = 0; i < 20; i++) deep = { d: deep }
    expect(controlCharacterAt(deep, 'body')).toBeNull()
    let shallow: unknown = 'a\u0000'
    for (let i = 0; i < 5; i++) shallow = { d: shallow }
    expect(controlCharacterAt(shallow, 'body')).toBe('body.d.d.d.d.d')
  })
})
