import { fireEvent, render, screen } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { i18n } from '../../../lib/i18n'
import { EmployerSearch } from './employer-search'

const org = {
  id: '00000000-0000-7000-8000-0000000000d1',
  name: '兰州石化工会',
  kind: 'enterprise_union',
  parentName: '兰州市总工会',
}

const renderSearch = () => {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <QueryClientProvider client={client}>
      <EmployerSearch value={null} onChange={vi.fn()} />
    </QueryClientProvider>,
  )
}

const type = (value: string) =>
  fireEvent.change(screen.getByLabelText('工作单位（所在工会）'), { target: { value } })

describe('employer search', () => {
  let scrollIntoView: ReturnType<typeof vi.fn>
  beforeEach(() => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify([org]), { headers: { 'content-type': 'application/json' } }),
      ),
    )
    // jsdom has no scrollIntoView.
    scrollIntoView = vi.fn()
    Element.prototype.scrollIntoView = scrollIntoView as unknown as Element['scrollIntoView']
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
    delete (Element.prototype as Partial<Element>).scrollIntoView
  })

  it('brings the matches into view when they arrive, once, not on every re-render', async () => {
    renderSearch()
    type('兰州')
    expect(scrollIntoView).not.toHaveBeenCalled()
    await screen.findByRole('button', { name: /兰州石化工会/ }, { timeout: 3000 })
    const list = screen.getByRole('list', { name: '匹配的工会' })
    expect(scrollIntoView).toHaveBeenCalledTimes(1)
    expect(scrollIntoView.mock.contexts[0]).toBe(list)
    expect(scrollIntoView).toHaveBeenCalledWith({ block: 'nearest' })
    // The same words with a space: nothing new arrives, the page stays where the person put it.
    type('兰州 ')
    await new Promise((r) => setTimeout(r, 500))
    expect(screen.getByRole('list', { name: '匹配的工会' })).toBe(list)
    expect(scrollIntoView).toHaveBeenCalledTimes(1)
  })

  it('says how many unions match in the right number in English', async () => {
    await i18n.changeLanguage('en')
    try {
      renderSearch()
      fireEvent.change(screen.getByLabelText('Employer (their union)'), {
        target: { value: '兰州' },
      })
      expect(await screen.findByText('1 matching union found', {}, { timeout: 3000 })).toBeTruthy()
    } finally {
      await i18n.changeLanguage('zh-CN')
    }
  })

  it('scrolls the matches out from under the phone keyboard, keeping the input on screen', async () => {
    // Chrome on Android: the keyboard shrinks the visual viewport (640 → 300 px), not the layout one.
    vi.stubGlobal('visualViewport', { offsetTop: 0, height: 300 })
    const scrollBy = vi.fn()
    vi.stubGlobal('scrollBy', scrollBy)
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: HTMLElement,
    ) {
      const top = this.tagName === 'UL' ? 280 : this.tagName === 'INPUT' ? 200 : 0
      const height = this.tagName === 'UL' ? 220 : this.tagName === 'HEADER' ? 56 : 48
      return { top, bottom: top + height, left: 0, right: 360, width: 360, height } as DOMRect
    })
    // The page's bar, 56 px tall, sticks to the top of the screen.
    const bar = document.createElement('header')
    bar.className = 'cp-bar'
    bar.style.position = 'sticky'
    document.body.append(bar)
    renderSearch()
    type('兰州')
    await screen.findByRole('button', { name: /兰州石化工会/ }, { timeout: 3000 })
    // The list ends at 500 px, 200 px under the keyboard's edge; the input may go up to 8 px
    // below the bar: 200 − 56 − 8 = 136 px.
    expect(scrollBy).toHaveBeenCalledTimes(1)
    expect(scrollBy).toHaveBeenCalledWith({ top: 136 })
    bar.remove()
  })
})
