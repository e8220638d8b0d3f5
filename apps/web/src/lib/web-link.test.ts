import { describe, expect, it } from 'vitest'
import { imageSrcSet, sizedImageSrc, webLinkOrNull } from './web-link'

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

describe('images sized for phones', () => {
  const UP = '/api/v1/uploads/01a2270b-9000-7000-8000-0000000000e1'

  it('asks for our uploads at a served width and lists every width for srcset', () => {
    expect(sizedImageSrc(UP, 320)).toBe(`${UP}?w=320`)
    expect(imageSrcSet(UP)).toBe(
      `${UP}?w=320 320w, ${UP}?w=640 640w, ${UP}?w=960 960w, ${UP}?w=1280 1280w`,
    )
  })

  it('leaves other images (https links) as they are, with no srcset', () => {
    const other = 'https://img.example.cn/cover.jpg'
    expect(sizedImageSrc(other, 640)).toBe(other)
    expect(imageSrcSet(other)).toBeUndefined()
  })
})
