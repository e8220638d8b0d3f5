import { describe, expect, it } from 'vitest'
import { webLinkOrNull } from './web-link'

describe('webLinkOrNull', () => {
  it('keeps absolute http(s) links and refuses every other scheme', () => {
    expect(webLinkOrNull('https://www.bilibili.com/video/BV1')).toBe(
      'https://www.bilibili.com/video/BV1',
    )
    expect(webLinkOrNull(' http://v.qq.com/x ')).toBe('http://v.qq.com/x')
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      '//evil.example/x',
      'https://',
      'https:// space',
      '',
      null,
      undefined,
    ])
      expect(webLinkOrNull(bad)).toBeNull()
  })
})
