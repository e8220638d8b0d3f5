import { describe, expect, it } from 'vitest'
import { hasUnstorableCharacter, unstorableTextAt, xmlSafeText } from './unstorable-text'

describe('unstorableTextAt', () => {
  it('finds C0 controls, U+FFFE/U+FFFF and lone surrogates, and names where', () => {
    expect(unstorableTextAt('a\u0000b', 'body')).toBe('body')
    expect(unstorableTextAt({ title: 'ok', description: 'x\u001by' }, 'body')).toBe(
      'body.description',
    )
    expect(unstorableTextAt({ items: [{ name: 'ok' }, { name: '\u0008' }] }, 'body')).toBe(
      'body.items.1.name',
    )
    expect(unstorableTextAt({ ['k\u0001']: 1 }, 'body')).toBe('body.k\u0001')
    expect(unstorableTextAt({ name: 'a\u0000' })).toBe('name')
    expect(unstorableTextAt({ title: '想要\uffff手套' })).toBe('title')
    expect(unstorableTextAt({ title: '\ufffe' })).toBe('title')
    expect(unstorableTextAt({ note: 'a\ud800' })).toBe('note')
    expect(unstorableTextAt({ note: '\udc00b' })).toBe('note')
  })

  it('finds DEL, C1 controls and the bidirectional overrides that make text display as another', () => {
    for (const c of ['\u007f', '\u0085', '\u009f', '\u202a', '\u202e', '\u2066', '\u2069'])
      expect(unstorableTextAt({ name: `张${c}三` }), c.codePointAt(0)!.toString(16)).toBe('name')
    expect(xmlSafeText('a\u202eb\u0080c')).toBe('a\ufffdb\ufffdc')
  })

  it('lets tab, line breaks, emoji and other ordinary text through', () => {
    expect(
      unstorableTextAt(
        {
          description: '第一行\n第二行\r\n\t缩进',
          name: '筑友驿站 👷🏽‍♀️ 𠀀',
          n: 5,
          ok: true,
          none: null,
        },
        'body',
      ),
    ).toBeNull()
    expect(unstorableTextAt(['\u200b', '\u200e', '\u00a0', '\u3000', '\ufffd'], 'body')).toBeNull()
  })

  it('stops at a depth no request body reaches', () => {
    let deep: unknown = 'a\u0000'
    for (let i = 0; i < 20; i++) deep = { d: deep }
    expect(unstorableTextAt(deep, 'body')).toBeNull()
    let shallow: unknown = 'a\u0000'
    for (let i = 0; i < 5; i++) shallow = { d: shallow }
    expect(unstorableTextAt(shallow, 'body')).toBe('body.d.d.d.d.d')
  })
})

describe('xmlSafeText', () => {
  it('replaces what XML 1.0 forbids with U+FFFD and leaves the rest as it was', () => {
    expect(xmlSafeText('a\u0000b\uffffc\ud800d')).toBe('a\ufffdb\ufffdc\ufffdd')
    const ordinary = '第一行\n\t👷 筑友驿站'
    expect(xmlSafeText(ordinary)).toBe(ordinary)
    // The same answer twice: no state is carried between calls.
    expect(xmlSafeText('x\u0001')).toBe('x\ufffd')
    expect(xmlSafeText('x\u0001')).toBe('x\ufffd')
    expect(hasUnstorableCharacter(xmlSafeText('\ud800\u0000\ufffe'))).toBe(false)
  })
})
