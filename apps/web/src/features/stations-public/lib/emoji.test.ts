import { afterEach, describe, expect, it, vi } from 'vitest'
import { hasColour } from './emoji'

/** A 2D context whose drawing leaves these pixels, as a device's canvas would. */
const fakeCanvas = (pixel: [number, number, number, number]) => {
  const fillText = vi.fn()
  vi.stubGlobal('CanvasRenderingContext2D', class {})
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
    () =>
      ({
        fillText,
        getImageData: () => ({
          data: Uint8ClampedArray.from({ length: 16 }, (_, i) => pixel[i % 4]!),
        }),
      }) as unknown as CanvasRenderingContext2D,
  )
  return fillText
}

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  vi.resetModules()
})

describe('hasColour', () => {
  it('finds colour in a picture, none in black or grey text or in transparent pixels', () => {
    expect(hasColour([0, 0, 0, 255, 90, 90, 90, 128])).toBe(false)
    expect(hasColour([0, 0, 0, 0, 200, 40, 40, 0])).toBe(false)
    expect(hasColour([0, 0, 0, 255, 30, 144, 255, 255])).toBe(true)
  })
})

describe('drawsEmoji', () => {
  it('keeps the pictures where the page cannot tell (no 2D canvas, as in jsdom)', async () => {
    const { drawsEmoji } = await import('./emoji')
    expect(drawsEmoji('💧')).toBe(true)
  })

  it('leaves out an emoji the device draws as a black box, and tries each one once', async () => {
    const fillText = fakeCanvas([0, 0, 0, 255])
    const { drawsEmoji } = await import('./emoji')
    expect(drawsEmoji('💧')).toBe(false)
    expect(drawsEmoji('💧')).toBe(false)
    expect(fillText).toHaveBeenCalledTimes(1)
  })

  it('keeps an emoji the device draws in colour', async () => {
    fakeCanvas([30, 144, 255, 255])
    const { drawsEmoji } = await import('./emoji')
    expect(drawsEmoji('💧')).toBe(true)
  })
})
