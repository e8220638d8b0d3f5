import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'
import en from '../locales/en.json'
import { setupI18n } from '../lib/i18n'

// jsdom lacks these; AntD's Grid and Table read them.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList
}
if (!('ResizeObserver' in window)) {
  class RO {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  ;(window as unknown as { ResizeObserver: typeof RO }).ResizeObserver = RO
}

// Both languages at once: tests switch to English without fetching its chunk.
setupI18n('zh-CN').addResourceBundle('en', 'translation', en)

// findBy…/waitFor wait up to 4 s (1 s by default): on a loaded 2-core CI machine an AntD table
// or drawer can take longer than a second to render, and the test then failed for no fault of
// the page. Still under the 5 s test timeout.
configure({ asyncUtilTimeout: 4_000 })

afterEach(() => cleanup())
