import { render } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  vi.resetModules()
})

/** The list as a fresh module, so each test's device is tried anew. */
const renderList = async () => {
  const { AmenityList } = await import('./amenity-list')
  return render(<AmenityList codes={['drinking_water', 'microwave']} />)
}

const items = (container: HTMLElement) => Array.from(container.querySelectorAll('li'))

describe('AmenityList', () => {
  it('says each amenity in words; its picture is hidden from screen readers', async () => {
    const { container } = await renderList()
    const [water, microwave] = items(container)
    const icon = water!.querySelector('span')!
    expect(icon.getAttribute('aria-hidden')).toBe('true')
    expect(icon.textContent).toBe('💧')
    // The word is the item's own text, not joined to the picture by a space.
    expect(water!.textContent).toBe('💧饮水')
    expect(microwave!.querySelector('[aria-hidden="true"]')).not.toBeNull()
  })

  it('leaves the pictures out where the phone would draw empty boxes, keeping the words', async () => {
    vi.stubGlobal('CanvasRenderingContext2D', class {})
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
      () =>
        ({
          fillText: () => undefined,
          // A missing glyph's box, drawn in the text colour: black.
          getImageData: () => ({ data: new Uint8ClampedArray([0, 0, 0, 255]) }),
        }) as unknown as CanvasRenderingContext2D,
    )
    const { container } = await renderList()
    expect(items(container).map((li) => li.textContent)).toEqual(['饮水', '微波炉(热饭)'])
    expect(container.querySelector('[aria-hidden="true"]')).toBeNull()
  })
})
